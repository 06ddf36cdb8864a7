"""Faults during a run: files that change or vanish under it, unreadable files, a failing disk.
The run reports the problem, what was committed before stays intact, the next run recovers."""

from __future__ import annotations

import errno
import hashlib
import importlib.util
import json
import shutil
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline import store
from pipeline.batch import process_batch
from pipeline.config import Config
from pipeline.plan import plan_run, version_key
from pipeline.runner import run_corpus
from pipeline.store import StateStore, commit, new_part_key

ROOT = Path(__file__).resolve().parents[1]
TOOLS = Path(__file__).parent / "fixtures" / "tools"


def _checker():
    spec = importlib.util.spec_from_file_location("check_contract_faults", TOOLS / "check_contract.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _corpus(raw: Path, n: int = 12) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for seed in (ROOT / "raw").glob("*.txt"):
        shutil.copy(seed, raw / seed.name)
    for i in range(n):
        (raw / f"note{i:02d}.txt").write_text(
            f"Note {i}\n\nThe committee met on the {i + 1}th and discussed the harvest, the schools and the roads. "
            "Everyone agreed that more work was needed before winter.\n", encoding="utf-8")


def _rows(out: Path, table: str, columns: list[str]) -> list[dict]:
    return ds.dataset(str(out / table), format="parquet").to_table(columns=columns).to_pylist()


def test_file_deleted_between_discovery_and_reading(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    _corpus(raw, 3)
    config = Config()
    state = StateStore(out)
    plan = plan_run(raw, state.files(), config)
    (raw / "note01.txt").unlink()
    result = process_batch(str(raw), str(out), "run1", new_part_key(), plan.todo, config)
    assert result.vanished == 1 and result.rejects == 0
    commit(out, state, "run1", version_key(config), [json.loads(Path(result.manifest).read_text())])
    store.write_side_tables(out, state)
    state.close()
    assert _checker().check(out, raw) == []


def test_file_changed_between_discovery_and_reading(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    _corpus(raw, 3)
    config = Config()
    state = StateStore(out)
    plan = plan_run(raw, state.files(), config)
    (raw / "note01.txt").write_text("Completely new words written while the run was reading.\n", encoding="utf-8")
    result = process_batch(str(raw), str(out), "run1", new_part_key(), plan.todo, config)
    commit(out, state, "run1", version_key(config), [json.loads(Path(result.manifest).read_text())])
    store.write_side_tables(out, state)
    state.close()
    # The rows describe the bytes actually read, which are the bytes raw/ holds now.
    assert _checker().check(out, raw) == []
    docs = {d["source_path"]: d for d in _rows(out, "documents", ["source_path", "source_sha256"])}
    assert docs["note01.txt"]["source_sha256"] == hashlib.sha256((raw / "note01.txt").read_bytes()).hexdigest()


def test_permission_error_becomes_reject_and_clears_when_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    _corpus(raw, 3)
    original = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "note02.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    run_corpus(raw, out)
    rejects = {r["source_path"]: r for r in _rows(out, "rejects", ["source_path", "reason", "detail"])}
    assert rejects["note02.txt"]["reason"] == "unreadable"
    assert "note02.txt" in rejects["note02.txt"]["detail"]
    assert _checker().check(out, raw) == []
    monkeypatch.setattr(Path, "read_bytes", original)
    # Same bytes as before, but the file is readable now: touching it is how a user says "retry".
    (raw / "note02.txt").write_text((raw / "note02.txt").read_text() + "\n", encoding="utf-8")
    run_corpus(raw, out)
    assert _rows(out, "rejects", ["source_path"]) == []
    assert _checker().check(out, raw) == []


def test_failing_disk_mid_run_keeps_committed_data_and_next_run_recovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    _corpus(raw, 12)
    real_write = pq.write_table
    real_writer = pq.ParquetWriter
    calls = {"n": 0}

    def full_disk(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 9:  # a few batches get through, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(*args, **kwargs)

    class FullDiskWriter(real_writer):  # batches stream their parts through a ParquetWriter
        def write_table(self, *args, **kwargs):
            calls["n"] += 1
            if calls["n"] > 9:
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write_table(*args, **kwargs)

    monkeypatch.setattr(store.pq, "write_table", full_disk)
    monkeypatch.setattr(store.pq, "ParquetWriter", FullDiskWriter)
    with pytest.raises(OSError, match="No space left"):
        run_corpus(raw, out, batch_size=2)
    monkeypatch.setattr(store.pq, "write_table", real_write)
    monkeypatch.setattr(store.pq, "ParquetWriter", real_writer)

    # What readers see now: complete files, no duplicate rows, a subset of the documents.
    checker = _checker()
    visible = checker.check(out, None, partial=True)
    assert not [p for p in visible if "duplicate" in p or "not a readable" in p], visible

    counts = run_corpus(raw, out)
    assert counts["documents"] > 0
    assert checker.check(out, raw) == []
    assert len(_rows(out, "documents", ["doc_id"])) == 14
    # The failed run is on record, with the reason, once the disk has room again.
    runs = _rows(out, "runs", ["status", "message"])
    assert any(r["status"] == "failed" and "No space left" in (r["message"] or "") for r in runs)
