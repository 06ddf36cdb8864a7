"""SIGKILL at random moments of a run never leaves processed/ unreadable or with duplicate rows,
and the next run finishes the work (issue: crash safety)."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = Path(__file__).parent / "fixtures" / "tools"

PARAGRAPHS = [
    "The delegation reaffirms its commitment to the principles of the Charter and to the peaceful settlement of disputes.",
    "Nous avons travaillé ensemble pendant de longues années pour construire une société plus juste et plus solidaire.",
    "Wir haben in den vergangenen Jahren viel erreicht, aber es bleibt noch sehr viel zu tun für unser Land.",
    "Мы должны вместе работать над тем, чтобы обеспечить мир и безопасность для всех народов нашей планеты.",
    "우리는 조국의 자주적평화통일을 위하여 모든 힘을 다하여야 할것입니다.",
]


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_contract_copy", TOOLS / "check_contract.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _make_corpus(raw: Path, n: int) -> None:
    rng = random.Random(7)
    raw.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = "\n\n".join(rng.choice(PARAGRAPHS) + f" ({i}.{j})" for j in range(rng.randint(3, 12)))
        kind = i % 4
        if kind == 0:
            text = f"SPEECH NUMBER {i}\n\nJune {1 + i % 28}, 1999\n\n{body}\n"
        elif kind == 1:
            text = f"Meeting report {i}\n\nAnna Smith, Workers Union\n\n{body}\n\nJohn Doe, Teachers Association\n\n{body}\n"
        elif kind == 2:
            text = f"THE CHAIRMAN: Order. {body}\n\nMR. BROWN: I agree. {body}\n\nTHE CHAIRMAN: Thank you.\n"
        else:
            text = body + "\n"
        (raw / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _visible_state_ok(out: Path) -> None:
    """What a reader sees mid-crash: every visible file complete, no key twice."""
    keys = {"documents": "doc_id", "sections": "section_id", "paragraphs": "paragraph_id", "quotes": "quote_id",
            "rejects": "source_path", "runs": "run_id"}
    for table, key in keys.items():
        folder = out / table
        if not folder.is_dir():
            continue
        for path in folder.glob("*.parquet"):
            assert pq.ParquetFile(path).metadata is not None  # raises on a truncated file
        if any(folder.glob("*.parquet")):
            values = ds.dataset(str(folder), format="parquet").to_table(columns=[key]).column(key).to_pylist()
            assert len(values) == len(set(values)), f"duplicate {key} in {table} after SIGKILL"


@pytest.mark.parametrize("seed", [1])
def test_sigkill_at_random_moments_then_recover(tmp_path: Path, seed: int) -> None:
    checker = _load_checker()
    raw, out = tmp_path / "raw", tmp_path / "processed"
    _make_corpus(raw, 200)
    rng = random.Random(seed)
    command = [sys.executable, "-m", "pipeline.runner", str(raw), str(out), "--batch-size", "4"]
    kills = 0
    for attempt in range(10):
        if attempt == 5:
            # Changes between crashes: one file edited, one deleted, one added.
            (raw / "doc001.txt").write_text("Edited after a crash. " * 20, encoding="utf-8")
            (raw / "doc002.txt").unlink()
            shutil.copy(raw / "doc003.txt", raw / "added.txt")
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.4, 2.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        _visible_state_ok(out)
    assert kills >= 5, "the corpus was too small to be killed mid-run; the test proves nothing"
    final = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    problems = checker.check(out, raw)
    assert problems == []
    docs = ds.dataset(str(out / "documents")).to_table(columns=["source_path", "text"]).to_pylist()
    by_path = {d["source_path"]: d for d in docs}
    assert "doc002.txt" not in by_path and "added.txt" in by_path
    assert by_path["doc001.txt"]["text"].startswith("Edited after a crash.")
    assert len(by_path) == 200 - 1 + 1


def test_sigkill_during_cli_run_leaves_consistent_corpus(tmp_path: Path) -> None:
    """The real `speechcorpus run` (Prefect and all), killed mid-run, then run to completion."""
    checker = _load_checker()
    raw, out = tmp_path / "raw", tmp_path / "processed"
    _make_corpus(raw, 200)
    cli = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--out", str(out), "--batch-size", "5",
           "--settle", "0"]
    process = subprocess.Popen(cli, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Kill once the first part files are visible, i.e. mid-run.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if (out / "paragraphs").is_dir() and any((out / "paragraphs").glob("part-*.parquet")):
            time.sleep(0.3)
            break
        time.sleep(0.05)
    orphans = _children(process.pid)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    # Prefect's throwaway API server outlives a SIGKILLed parent; do not leak it.
    for pid in orphans:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _visible_state_ok(out)
    final = subprocess.run(cli, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    assert "Traceback" not in final.stderr
    assert checker.check(out, raw) == []
