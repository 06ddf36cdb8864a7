"""`speechcorpus serve` keeps processed/ in step with raw/ and stops cleanly (a real Prefect
server, a real watcher, real subprocess runs)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = Path(__file__).parent / "fixtures" / "tools"

pytestmark = pytest.mark.flow


def _checker():
    spec = importlib.util.spec_from_file_location("check_contract_serve", TOOLS / "check_contract.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _doc_paths(out: Path) -> dict[str, str]:
    folder = out / "documents"
    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        return {}
    table = ds.dataset(str(folder), format="parquet").to_table(columns=["source_path", "source_sha256"])
    return dict(zip(table.column("source_path").to_pylist(), table.column("source_sha256").to_pylist()))


def _wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except Exception:
            pass
        time.sleep(0.25)
    return False


def test_serve_tracks_raw_and_stops_on_sigterm(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        serve = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "serve", "--raw", str(raw), "--out", str(out), "--interval", "3600"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env,
        )
        try:
            assert _wait_for(lambda: "watching" in log_path.read_text(), 120), log_path.read_text()
            for seed in sorted((ROOT / "raw").glob("*.txt")):
                shutil.copy(seed, raw / seed.name)
            (raw / "letter.txt").write_text(
                "Dear Friends,\n\nThank you for your kind letter of greetings. We were very glad to receive it "
                "and send you our best wishes for the success of your work.\n\nYours sincerely,\n\nAnna\n",
                encoding="utf-8",
            )
            expected = {p.name for p in raw.iterdir()}
            assert _wait_for(lambda: set(_doc_paths(out)) == expected, 30), (_doc_paths(out), log_path.read_text())

            (raw / "letter.txt").write_text("Dear Friends,\n\nWe changed our minds about everything we wrote.\n",
                                            encoding="utf-8")
            (raw / "000_eeed716001cc5ed3.txt").unlink()
            import hashlib

            new_sha = hashlib.sha256((raw / "letter.txt").read_bytes()).hexdigest()
            assert _wait_for(
                lambda: set(_doc_paths(out)) == expected - {"000_eeed716001cc5ed3.txt"}
                and _doc_paths(out).get("letter.txt") == new_sha, 30
            ), (_doc_paths(out), log_path.read_text())
            # The run may still be finishing its bookkeeping (rejects, runs): let it settle.
            time.sleep(2)
            assert _checker().check(out, raw) == []
        finally:
            started = time.monotonic()
            serve.send_signal(signal.SIGTERM)
            try:
                serve.wait(timeout=15)
            finally:
                if serve.poll() is None:
                    serve.kill()
            stopped_in = time.monotonic() - started
    output = log_path.read_text()
    assert stopped_in < 10, f"serve took {stopped_in:.1f}s to stop"
    assert serve.returncode == 0, output
    assert "Traceback" not in output, output
    assert "stopped." in output
