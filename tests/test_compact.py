"""Compaction keeps the number of part files small without ever showing a document twice."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from conftest import contract_problems

from pipeline import store
from pipeline.runner import run_corpus
from pipeline.store import StateStore, compact, recover


def _add(raw: Path, i: int) -> None:
    (raw / f"note{i:03d}.txt").write_text(
        f"Note {i}\n\nThe committee met on day {i} and discussed the harvest, the schools and the roads. "
        "Everyone agreed that more work was needed.\n", encoding="utf-8")


def _table(out: Path, name: str) -> list[dict]:
    return sorted(ds.dataset(str(out / name), format="parquet").to_table().drop_columns(
        [c for c in ("processed_at", "run_id") if c in ds.dataset(str(out / name)).schema.names]).to_pylist(),
        key=lambda r: str(r))


def test_many_small_runs_leave_few_parts_and_the_same_rows(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for i in range(30):  # thirty runs of one new file each: thirty small parts before compaction
        _add(raw, i)
        run_corpus(raw, out)
    parts = list((out / "paragraphs").glob("part-*.parquet"))
    assert len(parts) <= 9, f"{len(parts)} part files for 30 documents"
    assert contract_problems(out, raw) == []
    # The same corpus built in one run has the same rows.
    fresh = tmp_path / "fresh"
    run_corpus(raw, fresh)
    for table in ("documents", "sections", "paragraphs"):
        assert _table(out, table) == _table(fresh, table)


def test_crash_in_the_middle_of_compaction_is_repaired(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for i in range(12):
        _add(raw, i)
    run_corpus(raw, out, batch_size=1)  # compacts at the end: one part
    for i in range(12, 24):
        _add(raw, i)
        run_corpus(raw, out, batch_size=1)  # small parts pile up (at most 8 are left alone)
    real_replace = os.replace
    calls = {"n": 0}

    def crash_after_two(src, dst):
        calls["n"] += 1
        if calls["n"] > 2:
            raise OSError("killed")
        return real_replace(src, dst)

    state = StateStore(out)
    try:
        for i in range(24, 28):
            _add(raw, i)
        monkeypatch.setattr(store.os, "replace", crash_after_two)
        with pytest.raises(OSError):
            run_corpus(raw, out, batch_size=1)
            compact(out, state, max_small_parts=0)
        monkeypatch.setattr(store.os, "replace", real_replace)
        # What a reader sees now: no document twice.
        ids = ds.dataset(str(out / "documents")).to_table(columns=["doc_id"]).column("doc_id").to_pylist()
        assert len(ids) == len(set(ids))
        recover(out, state)
    finally:
        state.close()
    run_corpus(raw, out)
    assert contract_problems(out, raw) == []
    assert ds.dataset(str(out / "documents")).count_rows() == 28
