"""The Parquet store as a user of processed/ sees it: incremental runs, rejects, determinism,
crash recovery, the writer lock and the runs log. Runs go through `run_local` (no Prefect)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from conftest import (
    DOC_TABLE_NAMES,
    PNG_BYTES,
    SEEDS,
    TABLES,
    contract_problems,
    copy_raw,
    parquet_snapshot,
    read_table,
    rows,
    run_local,
    write_file,
)

from pipeline.batch import process_batch
from pipeline.config import Config, SourcesConfig
from pipeline.errors import LockedError
from pipeline.plan import plan_run, version_key
from pipeline.schema import ALL_TABLES
from pipeline.store import StateStore, commit, new_part_key, recover, write_side_tables, writer_lock

SEED_000 = "000_eeed716001cc5ed3"
SEED_004 = "004_1c7a97fb6ad47a1d"

SPEECH = """On the Building of Bridges

Speech at the Opening of the River Crossing

Dear friends, today we open a bridge that joins two towns which for a century could only wave at each other across the water.

The engineers worked through two winters in the cold and the rain, and they never once asked to be thanked for it.

Let us cross it together, and let us keep building what joins us rather than what divides us.
"""

NOTE = """# A Note on Lighthouses

Every lighthouse on this coast was built by people who never saw the ships it saved, and that is worth remembering.
"""


def doc_ids(out: Path, table: str = "documents") -> list[str]:
    return sorted(r["doc_id"] for r in rows(out, table))


def rejects_by_path(out: Path) -> dict[str, dict[str, Any]]:
    return {r["source_path"]: r for r in rows(out, "rejects")}


def key_counts(out: Path) -> dict[str, Counter]:
    keys = {"documents": "doc_id", "sections": "section_id", "paragraphs": "paragraph_id", "quotes": "quote_id",
            "rejects": "source_path", "runs": "run_id"}
    return {t: Counter(r[k] for r in rows(out, t)) for t, k in keys.items()}


def assert_no_duplicates(out: Path) -> None:
    for table, counts in key_counts(out).items():
        dupes = {k: n for k, n in counts.items() if n > 1}
        assert not dupes, f"{table} has duplicate keys: {dupes}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- the state store ------------------------------------------------------------------------------


def test_state_lookup_by_path_equals_the_full_read(tmp_path: Path) -> None:
    """A commit looks up only its own files (not the whole corpus's state): across the lookup's chunk
    boundary, with repeated and unknown paths, it gives exactly the full read's entries."""
    import pipeline.store as store

    state = StateStore(tmp_path / "out")
    try:
        n = 2 * store._LOOKUP_CHUNK + 7
        state.db.executemany("insert into files values (?,?,?,?,?,?,?,?,?,?,?)", [
            [f"d/{i:05d}.txt", f"{i:05d}", f"sha{i}", i, "k", "document" if i % 3 else "reject",
             f"part{i % 4}" if i % 3 else None, None if i % 3 else "empty", None, "run", "now"]
            for i in range(n)
        ])
        everything = state.files()
        assert len(everything) == n
        wanted = [f"d/{i:05d}.txt" for i in range(0, n, 2)] + ["d/00004.txt", "missing.txt"]
        assert state.files(wanted) == {p: everything[p] for p in wanted if p in everything}
        assert state.files([]) == {}
    finally:
        state.close()


# ---- first run, no-op run, add / change / delete ---------------------------------------------------


def test_first_run_keeps_the_contract(raw: Path, out: Path) -> None:
    summary = run_local(raw, out)
    assert summary["status"] == "completed"
    assert (summary["seen"], summary["new"], summary["documents"], summary["rejected"]) == (2, 2, 2, 0)
    assert contract_problems(out, raw) == []
    assert doc_ids(out) == [SEED_000, SEED_004]
    for doc in rows(out, "documents"):
        assert doc["source_sha256"] == sha256(raw / doc["source_path"])
        assert doc["run_id"] == summary["run_id"]
    # every doc table has rows for both documents (quotes: at least the speech has some)
    for table in ("sections", "paragraphs"):
        assert set(doc_ids(out, table)) == {SEED_000, SEED_004}
    # nothing that is not table data is left visible, and no staging is left behind
    assert not (out / "_staging").exists() or not any((out / "_staging").iterdir())
    for table in TABLES:
        assert all(not p.name.startswith(".") for p in (out / table).iterdir()), table


def test_second_run_with_nothing_changed_rewrites_nothing(raw: Path, out: Path) -> None:
    write_file(raw / "empty.txt", b"")  # a reject too: the rejects file must not be rewritten either
    run_local(raw, out)
    watched = ("documents", "sections", "paragraphs", "quotes", "rejects")
    before = parquet_snapshot(out, watched)
    assert any(name.startswith("rejects/") for name in before)
    time.sleep(0.02)  # a rewrite would show in the mtimes
    summary = run_local(raw, out)
    assert (summary["new"], summary["changed"], summary["deleted"], summary["documents"], summary["rejected"]) == (
        0, 0, 0, 0, 0)
    assert summary["unchanged"] == 3
    after = parquet_snapshot(out, watched)
    assert sorted(after) == sorted(before), "Parquet files were added or removed by a no-op run"
    for name in before:
        assert after[name] == before[name], f"{name} was rewritten by a run with nothing to do"
    assert contract_problems(out, raw) == []


def test_added_file_appears_and_old_parts_are_untouched(raw: Path, out: Path) -> None:
    run_local(raw, out)
    before = parquet_snapshot(out, DOC_TABLE_NAMES)
    write_file(raw / "2001" / "bridges.txt", SPEECH)
    summary = run_local(raw, out)
    assert (summary["new"], summary["changed"], summary["unchanged"], summary["documents"]) == (1, 0, 2, 1)
    assert doc_ids(out) == sorted([SEED_000, SEED_004, "2001/bridges"])
    doc = next(r for r in rows(out, "documents") if r["doc_id"] == "2001/bridges")
    assert doc["source_path"] == "2001/bridges.txt"
    assert doc["title"] == "On the Building of Bridges"
    paras = [r for r in rows(out, "paragraphs") if r["doc_id"] == "2001/bridges"]
    assert len(paras) == 3 and paras[0]["paragraph_id"] == "2001/bridges#p0"
    assert any("engineers worked through two winters" in p["text"] for p in paras)
    after = parquet_snapshot(out, DOC_TABLE_NAMES)
    for name, value in before.items():
        assert after.get(name) == value, f"adding a file rewrote {name}"
    assert contract_problems(out, raw) == []


@pytest.mark.parametrize("batch_size", [None, 2], ids=["part-per-doc", "shared-part"])
def test_changed_file_replaces_its_rows(raw: Path, out: Path, batch_size: int | None) -> None:
    run_local(raw, out, batch_size=batch_size)
    old_paras = {r["text"] for r in rows(out, "paragraphs") if r["doc_id"] == SEED_004}
    untouched = [r for r in rows(out, "paragraphs") if r["doc_id"] == SEED_000]
    write_file(raw / f"{SEED_004}.txt", SPEECH)
    summary = run_local(raw, out, batch_size=batch_size)
    assert (summary["new"], summary["changed"], summary["unchanged"], summary["documents"]) == (0, 1, 1, 1)
    assert_no_duplicates(out)
    assert doc_ids(out) == [SEED_000, SEED_004]
    doc = next(r for r in rows(out, "documents") if r["doc_id"] == SEED_004)
    assert doc["source_sha256"] == sha256(raw / f"{SEED_004}.txt")
    assert doc["title"] == "On the Building of Bridges"
    new_paras = [r for r in rows(out, "paragraphs") if r["doc_id"] == SEED_004]
    assert len(new_paras) == 3
    assert not old_paras & {r["text"] for r in new_paras}, "old paragraphs of the changed file are still there"
    assert [r for r in rows(out, "paragraphs") if r["doc_id"] == SEED_000] == untouched
    for table in ("sections", "quotes"):
        assert all(r["doc_id"] in (SEED_000, SEED_004) for r in rows(out, table))
    assert not [q for q in rows(out, "quotes") if q["doc_id"] == SEED_004 and q["text"] not in doc["text"]]
    assert contract_problems(out, raw) == []


@pytest.mark.parametrize("batch_size", [None, 2], ids=["part-per-doc", "shared-part"])
def test_deleted_file_loses_its_rows_everywhere(raw: Path, out: Path, batch_size: int | None) -> None:
    run_local(raw, out, batch_size=batch_size)
    assert any(r["doc_id"] == SEED_004 for r in rows(out, "quotes")), "the meeting report seed should have quotes"
    (raw / f"{SEED_004}.txt").unlink()
    summary = run_local(raw, out, batch_size=batch_size)
    assert summary["deleted"] == 1
    for table in DOC_TABLE_NAMES:
        assert SEED_004 not in doc_ids(out, table), f"{table} still holds rows of the deleted file"
    assert f"{SEED_004}.txt" not in rejects_by_path(out)
    assert doc_ids(out) == [SEED_000]
    assert contract_problems(out, raw) == []
    # and deleting the last file leaves empty, readable tables
    (raw / f"{SEED_000}.txt").unlink()
    run_local(raw, out, batch_size=batch_size)
    for table in DOC_TABLE_NAMES:
        assert read_table(out, table).num_rows == 0
    assert contract_problems(out, raw) == []


# ---- duplicates -----------------------------------------------------------------------------------


def test_names_differing_only_in_extension_give_one_document_and_one_duplicate_reject(
        tmp_path: Path, out: Path) -> None:
    raw = tmp_path / "raw"
    write_file(raw / "a.txt", NOTE)
    write_file(raw / "a.md", NOTE.replace("this coast", "that coast"))
    run_local(raw, out)
    docs = rows(out, "documents")
    assert [d["doc_id"] for d in docs] == ["a"]
    rejects = rows(out, "rejects")
    assert len(rejects) == 1 and rejects[0]["reason"] == "duplicate_id"
    assert {docs[0]["source_path"], rejects[0]["source_path"]} == {"a.txt", "a.md"}
    assert "rename" in rejects[0]["detail"]
    assert contract_problems(out, raw) == []
    # stable: the next run keeps the same owner and does nothing
    summary = run_local(raw, out)
    assert (summary["new"], summary["changed"], summary["documents"]) == (0, 0, 0)
    assert [d["source_path"] for d in rows(out, "documents")] == [docs[0]["source_path"]]


def test_duplicate_reject_is_lifted_once_the_other_file_is_renamed(tmp_path: Path, out: Path) -> None:
    """The reject detail says 'rename one of them'; doing so must get both files processed."""
    raw = tmp_path / "raw"
    write_file(raw / "a.txt", NOTE)
    write_file(raw / "a.md", NOTE.replace("this coast", "that coast"))
    run_local(raw, out)
    owner = rows(out, "documents")[0]["source_path"]
    loser = ({"a.txt", "a.md"} - {owner}).pop()
    (raw / owner).rename(raw / ("b" + Path(owner).suffix))
    run_local(raw, out)
    docs = {d["doc_id"]: d["source_path"] for d in rows(out, "documents")}
    assert docs == {"a": loser, "b": "b" + Path(owner).suffix}, f"documents after the rename: {docs}"
    assert rejects_by_path(out) == {}
    assert contract_problems(out, raw) == []


# ---- rejects ----------------------------------------------------------------------------------------

BAD_INPUTS: dict[str, tuple[bytes, str, str]] = {
    # name: (bytes, reason, a word the detail must contain)
    "empty.txt": (b"", "empty", "empty"),
    "blank.txt": (b"  \n\n \t\n", "empty", "empty"),
    "picture.txt": (PNG_BYTES, "binary", "PNG"),
    "garbled.txt": (b"\xef\xbb\xbfHello \xff\xfe\xfd world, this is not UTF-8 after its BOM.\n", "undecodable", "UTF-8"),
    "huge.txt": ((SPEECH + "\n") * 60, "too_large", "max_bytes"),
    "report.docx": (b"PK\x03\x04" + bytes(200), "unsupported_type", ".docx"),
    "speech.txt.part": (SPEECH.encode(), "unsupported_type", "temporary"),
}
MAX_BYTES = 16_000  # above both seeds (<= 15,264 bytes), below huge.txt


@pytest.fixture(scope="module")
def rejected_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("rejects")
    raw = copy_raw(SEEDS, base / "raw")
    for name, (data, _, _) in BAD_INPUTS.items():
        write_file(raw / name, data)
    assert (raw / "huge.txt").stat().st_size > MAX_BYTES
    out = base / "processed"
    run_local(raw, out, config=Config(sources=SourcesConfig(max_bytes=MAX_BYTES)))
    return raw, out


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_becomes_a_reject_with_reason_and_detail(rejected_corpus: tuple[Path, Path], name: str) -> None:
    raw, out = rejected_corpus
    _, reason, word = BAD_INPUTS[name]
    rejects = rejects_by_path(out)
    assert name in rejects, f"{name} is not in rejects: {sorted(rejects)}"
    row = rejects[name]
    assert row["reason"] == reason, row
    assert row["detail"] and word.lower() in row["detail"].lower(), row["detail"]
    assert row["source_size"] == (raw / name).stat().st_size
    assert row["source_sha256"] == sha256(raw / name)
    assert row["run_id"] and row["rejected_at"] is not None
    assert name not in {d["source_path"] for d in rows(out, "documents")}


def test_bad_inputs_do_not_stop_the_other_files(rejected_corpus: tuple[Path, Path]) -> None:
    raw, out = rejected_corpus
    assert doc_ids(out) == [SEED_000, SEED_004]
    assert sorted(rejects_by_path(out)) == sorted(BAD_INPUTS)
    assert contract_problems(out, raw) == []
    runs = rows(out, "runs")
    assert len(runs) == 1 and runs[0]["rejected"] == len(BAD_INPUTS) and runs[0]["status"] == "completed"


def test_fixed_file_leaves_rejects(tmp_path: Path, out: Path) -> None:
    raw = copy_raw(SEEDS, tmp_path / "raw")
    write_file(raw / "empty.txt", b"")
    write_file(raw / "picture.txt", PNG_BYTES)
    run_local(raw, out)
    assert set(rejects_by_path(out)) == {"empty.txt", "picture.txt"}
    write_file(raw / "empty.txt", SPEECH)
    write_file(raw / "picture.txt", NOTE)
    summary = run_local(raw, out)
    assert summary["changed"] == 2
    assert rejects_by_path(out) == {}
    assert doc_ids(out) == sorted([SEED_000, SEED_004, "empty", "picture"])
    assert contract_problems(out, raw) == []
    # a reject whose file is deleted leaves rejects too
    write_file(raw / "broken.txt", b"")
    run_local(raw, out)
    assert set(rejects_by_path(out)) == {"broken.txt"}
    (raw / "broken.txt").unlink()
    run_local(raw, out)
    assert rejects_by_path(out) == {}
    assert contract_problems(out, raw) == []


def test_document_that_becomes_unreadable_moves_to_rejects(raw: Path, out: Path) -> None:
    run_local(raw, out)
    write_file(raw / f"{SEED_004}.txt", b"")  # truncated by a failed copy
    summary = run_local(raw, out)
    assert (summary["changed"], summary["rejected"]) == (1, 1)
    for table in DOC_TABLE_NAMES:
        assert SEED_004 not in doc_ids(out, table), f"{table} still holds rows of a file that is now a reject"
    assert rejects_by_path(out)[f"{SEED_004}.txt"]["reason"] == "empty"
    assert contract_problems(out, raw) == []


def test_changed_settings_reprocess_and_can_reject_former_documents(raw: Path, out: Path) -> None:
    run_local(raw, out)
    small = Config(sources=SourcesConfig(max_bytes=12_000))  # 000 is 9,982 bytes, 004 is 15,264
    summary = run_local(raw, out, config=small)
    assert summary["changed"] == 2, "documents made under other settings must be redone"
    assert doc_ids(out) == [SEED_000]
    assert rejects_by_path(out)[f"{SEED_004}.txt"]["reason"] == "too_large"
    for table in DOC_TABLE_NAMES:
        assert SEED_004 not in doc_ids(out, table)
    assert_no_duplicates(out)
    assert contract_problems(out, raw) == []
    summary = run_local(raw, out)  # back to the defaults: the reject is lifted
    assert doc_ids(out) == [SEED_000, SEED_004] and rejects_by_path(out) == {}
    assert contract_problems(out, raw) == []


# ---- determinism --------------------------------------------------------------------------------------

VOLATILE = {"documents": {"processed_at", "run_id"}, "rejects": {"run_id", "rejected_at"}}


def table_contents(out: Path) -> dict[str, list[str]]:
    contents = {}
    for table in (*DOC_TABLE_NAMES, "rejects"):
        drop = VOLATILE.get(table, set())
        contents[table] = sorted(
            json.dumps({k: v for k, v in r.items() if k not in drop}, sort_keys=True, default=str)
            for r in rows(out, table)
        )
    return contents


def test_reprocessing_from_scratch_gives_identical_tables(tmp_path: Path) -> None:
    raw = copy_raw(SEEDS, tmp_path / "raw")
    write_file(raw / "2001" / "bridges.txt", SPEECH)
    write_file(raw / "note.md", NOTE)
    write_file(raw / "empty.txt", b"")
    out = tmp_path / "processed"
    run_local(raw, out)
    first = table_contents(out)
    shutil.rmtree(out)
    run_local(raw, out, batch_size=5)  # other batching: the values must not depend on it
    second = table_contents(out)
    for table in first:
        assert len(first[table]) == len(second[table]), table
        assert first[table] == second[table], f"{table} differs between two runs over the same bytes"
    assert first["documents"] and first["paragraphs"] and first["rejects"]


# ---- crash in the middle of a commit ------------------------------------------------------------------


class SimulatedCrash(RuntimeError):
    pass


def _crash_after(monkeypatch: pytest.MonkeyPatch, allowed: int) -> list[tuple[str, str]]:
    """Make os.replace raise once `allowed` calls went through (a process killed mid-commit)."""
    real = os.replace
    calls: list[tuple[str, str]] = []

    def replace(src: Any, dst: Any) -> None:
        if len(calls) >= allowed:
            raise SimulatedCrash(f"killed before os.replace #{len(calls) + 1}")
        calls.append((str(src), str(dst)))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


# Replacing the meeting report (the only document with quotes) of a two-document part by a speech
# without quotes makes 9 os.replace calls: 3 staged rewrites of the old part (documents, sections,
# paragraphs; before the journal entry), then the journal's 3 removals, 1 delete (the quotes part,
# left empty; not an os.replace) and 3 additions (the new part).
@pytest.mark.parametrize("allowed", [1, 3, 4, 6, 7, 8])
def test_commit_interrupted_at_any_step_is_recovered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     allowed: int) -> None:
    raw = copy_raw(SEEDS, tmp_path / "raw")
    out = tmp_path / "processed"
    run_local(raw, out, batch_size=2)  # both seeds in one part: replacing one rewrites that part
    write_file(raw / f"{SEED_004}.txt", SPEECH)
    config = Config()
    state = StateStore(out)
    try:
        plan = plan_run(raw, state.files(), config)
        assert [i.path for i in plan.changed] == [f"{SEED_004}.txt"]
        result = process_batch(str(raw), str(out), "crashrun", new_part_key(), plan.todo, config)
        manifest = json.loads(Path(result.manifest).read_text(encoding="utf-8"))
        calls = _crash_after(monkeypatch, allowed)
        with pytest.raises(SimulatedCrash):
            commit(out, state, "crashrun", version_key(config), [manifest])
        monkeypatch.undo()
        assert len(calls) == allowed
        journaled = bool(state.pending_journal())
        assert journaled == (allowed >= 3), "the journal entry is written after the staged rewrites"

        # What a reader sees right after the crash: every file readable, no key twice.
        problems = contract_problems(out, partial=True)
        assert not [p for p in problems if "duplicate" in p or "readable" in p], problems
        assert_no_duplicates(out)

        replayed = recover(out, state)
        assert replayed == (1 if journaled else 0)
        assert state.pending_journal() == []
        assert not (out / "_staging").exists()
        write_side_tables(out, state)
        assert_no_duplicates(out)
        if journaled:
            # the interrupted commit was finished: the new version of the file is in place
            assert contract_problems(out, raw) == []
            doc = next(r for r in rows(out, "documents") if r["doc_id"] == SEED_004)
            assert doc["source_sha256"] == sha256(raw / f"{SEED_004}.txt")
            assert state.files()[f"{SEED_004}.txt"].sha256 == doc["source_sha256"]
        else:
            # nothing was committed: the old version is intact and still recorded as such
            assert contract_problems(out) == []
            assert doc_ids(out) == [SEED_000, SEED_004]
    finally:
        state.close()

    summary = run_local(raw, out)  # the next run completes whatever is left
    assert summary["changed"] == (0 if journaled else 1)
    assert contract_problems(out, raw) == []
    assert_no_duplicates(out)
    assert doc_ids(out) == [SEED_000, SEED_004]
    paras = [r for r in rows(out, "paragraphs") if r["doc_id"] == SEED_004]
    assert len(paras) == 3


def test_journal_replay_is_idempotent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash during recovery itself: replaying the same entry again must still end consistent."""
    raw = copy_raw(SEEDS, tmp_path / "raw")
    out = tmp_path / "processed"
    run_local(raw, out, batch_size=2)
    (raw / f"{SEED_000}.txt").unlink()
    state = StateStore(out)
    try:
        plan = plan_run(raw, state.files(), Config())
        _crash_after(monkeypatch, 3)  # 3 staged rewrites, then killed before applying the journal
        with pytest.raises(SimulatedCrash):
            commit(out, state, "r", version_key(Config()), [], plan.deleted)
        monkeypatch.undo()
        _crash_after(monkeypatch, 1)  # killed again, during the replay
        with pytest.raises(SimulatedCrash):
            recover(out, state)
        monkeypatch.undo()
        assert len(state.pending_journal()) == 1
        assert recover(out, state) == 1
        write_side_tables(out, state)
    finally:
        state.close()
    assert contract_problems(out, raw) == []
    for table in DOC_TABLE_NAMES:
        assert SEED_000 not in doc_ids(out, table)
    assert doc_ids(out) == [SEED_004]


# ---- writer lock -----------------------------------------------------------------------------------


def test_second_writer_is_refused_at_once_and_admitted_after_release(out: Path) -> None:
    with writer_lock(out):
        started = time.monotonic()
        with pytest.raises(LockedError) as excinfo, writer_lock(out, wait_seconds=0):
            pass
        assert time.monotonic() - started < 1.0
        assert "--wait" in str(excinfo.value)
    with writer_lock(out):
        pass


def test_run_is_refused_while_another_holds_the_lock(raw: Path, out: Path) -> None:
    run_local(raw, out)
    before = parquet_snapshot(out)
    with writer_lock(out), pytest.raises(LockedError):
        run_local(raw, out)
    assert parquet_snapshot(out) == before
    assert len(rows(out, "runs")) == 1


def test_waiting_writer_gets_the_lock_when_released(out: Path) -> None:
    released = threading.Event()

    def holder() -> None:
        with writer_lock(out):
            ready.set()
            time.sleep(0.5)
        released.set()

    ready = threading.Event()
    thread = threading.Thread(target=holder)
    thread.start()
    assert ready.wait(5)
    with writer_lock(out, wait_seconds=10):
        assert released.is_set()
    thread.join()


# ---- runs log and empty corpus ----------------------------------------------------------------------


def test_runs_gain_exactly_one_row_per_run(raw: Path, out: Path) -> None:
    summaries = [run_local(raw, out)]
    assert len(rows(out, "runs")) == 1
    write_file(raw / "note.md", NOTE)
    summaries.append(run_local(raw, out))
    assert len(rows(out, "runs")) == 2
    summaries.append(run_local(raw, out))
    runs = {r["run_id"]: r for r in rows(out, "runs")}
    assert list(runs) and sorted(runs) == sorted(s["run_id"] for s in summaries)
    first, second, third = (runs[s["run_id"]] for s in summaries)
    assert all(r["status"] == "completed" for r in runs.values())
    assert (first["seen"], first["new"], first["unchanged"], first["documents"]) == (2, 2, 0, 2)
    assert (second["seen"], second["new"], second["unchanged"], second["documents"]) == (3, 1, 2, 3)
    assert (third["seen"], third["new"], third["unchanged"], third["documents"]) == (3, 0, 3, 3)
    for run in runs.values():
        assert run["started_at"] <= run["finished_at"]
        assert run["pipeline_version"]
    # documents name the run that produced them
    by_doc = {d["doc_id"]: d["run_id"] for d in rows(out, "documents")}
    assert by_doc == {SEED_000: first["run_id"], SEED_004: first["run_id"], "note": second["run_id"]}
    assert contract_problems(out, raw) == []


def test_killed_run_is_recorded_as_crashed_by_the_next_run(raw: Path, out: Path) -> None:
    run_local(raw, out)
    state = StateStore(out)
    try:
        state.start_run("killed-run", "0.1.0")  # a run that was SIGKILLed: never finished
    finally:
        state.close()
    nxt = run_local(raw, out)
    runs = {r["run_id"]: r for r in rows(out, "runs")}
    assert len(runs) == 3
    assert runs["killed-run"]["status"] == "crashed"
    assert runs[nxt["run_id"]]["status"] == "completed"


def test_run_that_fails_is_recorded_as_failed(raw: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("pipeline.runner.process_batch", broken)
    with pytest.raises(OSError):
        run_local(raw, out)
    runs = rows(out, "runs")
    assert len(runs) == 1 and runs[0]["status"] == "failed" and "disk full" in runs[0]["message"]
    monkeypatch.undo()
    run_local(raw, out)
    assert contract_problems(out, raw) == []


def test_runs_log_survives_compaction(tmp_path: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.store

    monkeypatch.setattr(pipeline.store, "RUNS_COMPACT_AT", 3)
    raw = tmp_path / "raw"
    write_file(raw / "note.md", NOTE)
    ids = [run_local(raw, out)["run_id"] for _ in range(8)]
    runs = rows(out, "runs")
    assert sorted(r["run_id"] for r in runs) == sorted(ids), "runs lost or doubled by compaction"
    assert len(list((out / "runs").glob("*.parquet"))) < 8
    assert contract_problems(out, raw) == []


def test_empty_raw_gives_readable_empty_tables_with_their_schema(tmp_path: Path, out: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    summary = run_local(raw, out)
    assert summary["seen"] == 0
    for table, schema in ALL_TABLES.items():
        got = read_table(out, table)
        assert got.schema.equals(schema, check_metadata=False), f"{table}: {got.schema} != {schema}"
        assert got.num_rows == (1 if table == "runs" else 0)
        for path in (out / table).glob("*.parquet"):
            assert pq.ParquetFile(path).schema_arrow.equals(schema, check_metadata=False), path
    assert contract_problems(out, raw) == []
    # the empty placeholder goes away once real rows arrive, and the dataset still reads as one table
    write_file(raw / "note.md", NOTE)
    run_local(raw, out)
    assert doc_ids(out) == ["note"]
    assert not (out / "documents" / "part-empty.parquet").exists()
    assert read_table(out, "quotes").num_rows == 0
    assert contract_problems(out, raw) == []


def test_other_readers_see_the_whole_tables(raw: Path, out: Path) -> None:
    """The contract names pandas, DuckDB and Polars: each reads every table of a mixed corpus."""
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    pl = pytest.importorskip("polars")
    write_file(raw / "empty.txt", b"")
    run_local(raw, out)
    (raw / f"{SEED_000}.txt").unlink()
    run_local(raw, out)
    for table in TABLES:
        expected = read_table(out, table).num_rows
        assert len(pd.read_parquet(out / table)) == expected, table
        assert duckdb.sql(f"select count(*) from '{out / table}/*.parquet'").fetchall()[0][0] == expected, table
        assert pl.read_parquet(out / table / "*.parquet").height == expected, table


# ---- batches ----------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.batch import BatchItem  # noqa: E402
from pipeline.plan import MAX_BATCH_BYTES, MAX_BATCH_DOCS, MIN_TAIL_BYTES, make_batches  # noqa: E402


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3_000_000), min_size=1, max_size=3000), st.integers(1, 4))
def test_batches_keep_every_file_once_in_order(sizes: list[int], workers: int) -> None:
    items = [BatchItem(f"f{i}", None) for i in range(len(sizes))]
    by_path = {item.path: size for item, size in zip(items, sizes)}
    batches = make_batches(items, workers, None, by_path)
    assert [item for batch in batches for item in batch] == items
    assert all(batch and len(batch) <= MAX_BATCH_DOCS for batch in batches)
    # a batch closes once it holds its target: only its last file can take it past MAX_BATCH_BYTES
    assert all(sum(by_path[i.path] for i in batch[:-1]) < MAX_BATCH_BYTES for batch in batches)


def test_batches_shrink_toward_the_end_so_workers_finish_together() -> None:
    """300 MB on two workers: big batches (at most MAX_BATCH_BYTES), then ever smaller ones; the last batches are about
    MIN_TAIL_BYTES, so the worker that finishes first waits at most that long for the other."""
    items = [BatchItem(f"f{i}", None) for i in range(10_000)]
    sizes = {item.path: 30_000 for item in items}
    batches = make_batches(items, 2, None, sizes)
    volumes = [sum(sizes[i.path] for i in batch) for batch in batches]
    assert max(volumes) <= MAX_BATCH_BYTES + 30_000
    assert volumes[-12:] == sorted(volumes[-12:], reverse=True)  # shrinking
    assert max(volumes[-3:]) <= MIN_TAIL_BYTES + 30_000
    assert len(batches) <= 300_000_000 // MAX_BATCH_BYTES + 20  # the tail adds only a few tasks
    one_worker = make_batches(items, 1, None, sizes)
    assert max(sum(sizes[i.path] for i in batch) for batch in one_worker[-3:]) > MIN_TAIL_BYTES  # nothing to balance


# ---- a batch streams its rows out in row groups ------------------------------------------------


def _staged_tables(manifest_path: str) -> dict[str, Any]:
    manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
    return {table: pq.read_table(path) for table, path in manifest["files"].items()}


def test_batch_rows_do_not_depend_on_row_group_flushes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A big batch writes its rows a few documents at a time (bounded memory): the part it stages
    holds exactly the rows of writing them all at once, in the same order."""
    import pipeline.batch as batch

    raw = copy_raw(SEEDS, tmp_path / "raw")
    write_file(raw / "bridge.txt", SPEECH)
    write_file(raw / "note.md", NOTE)
    write_file(raw / "broken.png", PNG_BYTES)  # a reject between documents
    config = Config()
    plan = plan_run(raw, {}, config)
    whole = _staged_tables(process_batch(str(raw), str(tmp_path / "a"), "r", "p", plan.todo, config).manifest)
    monkeypatch.setattr(batch, "FLUSH_DOCS", 1)
    result = process_batch(str(raw), str(tmp_path / "b"), "r", "p", plan.todo, config)
    streamed = _staged_tables(result.manifest)
    assert result.documents == 4 and result.rejects == 1
    assert result.paragraphs == streamed["paragraphs"].num_rows
    assert pq.ParquetFile(json.loads(Path(result.manifest).read_text())["files"]["documents"]).num_row_groups == 4
    assert streamed.keys() == whole.keys()
    for table in whole:
        assert streamed[table].drop_columns(["processed_at"] if table == "documents" else []).equals(
            whole[table].drop_columns(["processed_at"] if table == "documents" else [])), table


def test_failed_batch_leaves_no_part_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch that fails after writing row groups leaves no file behind, finished or temporary."""
    import pipeline.batch as batch

    raw = copy_raw(SEEDS, tmp_path / "raw")
    write_file(raw / "bridge.txt", SPEECH)
    config = Config()
    plan = plan_run(raw, {}, config)
    monkeypatch.setattr(batch, "FLUSH_DOCS", 1)
    real = batch.process_document
    calls = []

    def fail_third(source: Any, cfg: Any) -> Any:
        calls.append(source)
        if len(calls) == 3:
            raise MemoryError("simulated")
        return real(source, cfg)

    monkeypatch.setattr(batch, "process_document", fail_third)
    with pytest.raises(MemoryError):
        process_batch(str(raw), str(tmp_path / "out"), "r", "p", plan.todo, config)
    assert [p.name for p in (tmp_path / "out").rglob("*") if p.is_file()] == []


def test_a_part_that_cannot_be_finished_leaves_no_table_of_the_batch(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Finishing the part files fails on one table (a full disk when the footer is written): no
    table of the batch is left, finished or temporary, not even those finished before it."""
    import pyarrow.parquet as pq_module

    raw = copy_raw(SEEDS, tmp_path / "raw")
    config = Config()
    plan = plan_run(raw, {}, config)
    real_close = pq_module.ParquetWriter.close
    closed: list[str] = []

    def close_fails_on_the_second(self: Any) -> None:
        closed.append("x")
        if len(closed) == 2:
            raise OSError(28, "No space left on device")
        real_close(self)

    monkeypatch.setattr(pq_module.ParquetWriter, "close", close_fails_on_the_second)
    with pytest.raises(OSError):
        process_batch(str(raw), str(tmp_path / "out"), "r", "p", plan.todo, config)
    assert [p.name for p in (tmp_path / "out").rglob("*.parquet*")] == []
