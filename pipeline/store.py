"""Storage: Parquet part files, the state store, the writer lock, and the atomic commit.

Layout under the output folder::

    documents/ sections/ paragraphs/ quotes/   part-<key>.parquet (one per batch, same key in each)
    rejects/rejects.parquet   runs/runs.parquet   (rewritten whole from the state store)
    _state/state.sqlite  _state/lock            (not table data: '_' names are skipped by readers)
    _staging/<run_id>/<part>/                   (rows written by batches, not yet visible)

Commit protocol (readers never see a partial file or a duplicate document, even after SIGKILL):
1. a batch stages its files under `_staging/`;
2. the commit stages rewritten copies of old parts that lose documents (replaced or deleted);
3. it records every rename and delete, and the state changes, as one journal entry (SQLite);
4. it applies the journal: first the removals (rewrites, deletes), then the new parts, each an
   atomic `os.replace`; a document can be briefly absent, never present twice;
5. it applies the state changes and drops the journal entry in one transaction.
A run that finds a journal entry (a crash between 3 and 5) replays it: every step is idempotent.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .errors import LockedError
from .schema import ALL_TABLES, DICTIONARY_COLUMNS, DOC_TABLES, REJECTS, RUNS

STATE_DIR = "_state"
STAGING_DIR = "_staging"
EMPTY_PART = "part-empty.parquet"


def staging_dir(out_dir: str | Path, run_id: str, part: str) -> Path:
    return Path(out_dir) / STAGING_DIR / run_id / part


def new_part_key() -> str:
    """A unique, roughly time-ordered part name."""
    return f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:10]}"


def _write_options(schema: pa.Schema) -> dict[str, Any]:
    """How every Parquet file here is written: zstd, dictionary encoding for repeated strings, statistics."""
    return {"compression": "zstd", "use_dictionary": [c for c in DICTIONARY_COLUMNS if c in schema.names],
            "write_statistics": True}


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write a table (`_write_options`) under a temporary name first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        pq.write_table(table, tmp, **_write_options(table.schema))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


class PartWriter:
    """One staged part file per table, written a row group at a time, so that a batch holds only
    the rows of its current row group in memory however many documents it covers. Files appear
    under their final names on `close()`; `abort()` removes what was written."""

    def __init__(self, folder: Path, schemas: dict[str, pa.Schema]) -> None:
        self.folder = folder
        self.schemas = schemas
        self._writers: dict[str, tuple[pq.ParquetWriter, Path, Path]] = {}

    def write(self, table_name: str, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        if table_name not in self._writers:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / f"{table_name}.parquet"
            tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
            schema = self.schemas[table_name]
            writer = pq.ParquetWriter(tmp, schema, **_write_options(schema))
            self._writers[table_name] = (writer, tmp, path)
        self._writers[table_name][0].write_table(table)

    def close(self) -> dict[str, str]:
        """Finish every file, then give each its final name; their paths by table. A file that
        cannot be finished (a full disk) leaves none renamed: `abort()` then removes them all."""
        for writer, _, _ in self._writers.values():
            writer.close()
        paths: dict[str, str] = {}
        for name, (_, tmp, path) in self._writers.items():
            os.replace(tmp, path)
            paths[name] = str(path)
        self._writers.clear()
        return paths

    def abort(self) -> None:
        for writer, tmp, path in self._writers.values():
            with contextlib.suppress(Exception):
                writer.close()
            for leftover in (tmp, path):  # (the final name too, should a rename have happened)
                with contextlib.suppress(OSError):
                    leftover.unlink()
        self._writers.clear()


# ---- lock -------------------------------------------------------------------------------------


@contextlib.contextmanager
def writer_lock(out_dir: str | Path, wait_seconds: float = 0.0,
                on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Exclusive right to write `out_dir`; released by the OS even if the process is killed.
    `on_wait` is called once if the lock is busy and we are going to wait for it."""
    state = Path(out_dir) / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    handle = open(state / "lock", "a+")  # noqa: SIM115 - held for the whole block
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if on_wait is not None and wait_seconds > 0:
                    on_wait()
                    on_wait = None
                if time.monotonic() >= deadline:
                    raise LockedError(
                        f"another run is writing {out_dir} (lock {state / 'lock'} is held); "
                        "wait for it to finish or pass --wait SECONDS to queue behind it."
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


# ---- state store ------------------------------------------------------------------------------

_SCHEMA_SQL = """
create table if not exists files (
    source_path text primary key,
    doc_id text,
    sha256 text,
    size integer,
    version_key text not null,
    status text not null,          -- document | reject
    part text,                     -- part key holding the document's rows
    reason text,
    detail text,
    run_id text,
    updated_at text
);
create index if not exists files_part on files(part);
create index if not exists files_doc on files(doc_id);
create table if not exists runs (
    run_id text primary key,
    started_at text, finished_at text, status text,
    seen integer, new integer, changed integer, unchanged integer, deleted integer, rejected integer,
    documents integer, duration_s real, pipeline_version text, message text
);
create table if not exists journal (id integer primary key, payload text not null);
"""


@dataclass(frozen=True)
class FileState:
    source_path: str
    doc_id: str | None
    sha256: str | None
    size: int | None
    version_key: str
    status: str
    part: str | None
    reason: str | None
    detail: str | None


# SQLite allows 32,766 host parameters (999 before 3.32): look paths up a few hundred at a time.
_LOOKUP_CHUNK = 500


class StateStore:
    """The mapping source file -> sha256 -> part, the run log and the commit journal (SQLite)."""

    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = Path(out_dir)
        path = self.out_dir / STATE_DIR / "state.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.db.execute("pragma journal_mode=wal")
        self.db.execute("pragma synchronous=normal")
        self.db.executescript(_SCHEMA_SQL)

    def close(self) -> None:
        self.db.close()

    def files(self, paths: Iterable[str] | None = None) -> dict[str, FileState]:
        """Every file's state, or only those of `paths` (looked up by key: a commit of one batch
        does not read the whole corpus's state)."""
        columns = "select source_path, doc_id, sha256, size, version_key, status, part, reason, detail from files"
        if paths is None:
            return {row[0]: FileState(*row) for row in self.db.execute(columns)}
        wanted = sorted(set(paths))
        found: dict[str, FileState] = {}
        for i in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[i:i + _LOOKUP_CHUNK]
            cursor = self.db.execute(f"{columns} where source_path in ({','.join('?' * len(chunk))})", chunk)
            found.update((row[0], FileState(*row)) for row in cursor)
        return found

    def part_counts(self) -> dict[str, int]:
        cursor = self.db.execute("select part, count(*) from files where status='document' group by part")
        return {row[0]: row[1] for row in cursor}

    # runs ---------------------------------------------------------------------------------
    def start_run(self, run_id: str, version: str) -> None:
        now = _now_iso()
        self.db.execute(
            "update runs set status='crashed', finished_at=coalesce(finished_at, ?) where status='running'",
            (now,),
        )
        self.db.execute(
            "insert or replace into runs (run_id, started_at, status, pipeline_version) values (?, ?, 'running', ?)",
            (run_id, now, version),
        )

    def finish_run(self, run_id: str, status: str, counts: dict[str, int], message: str = "") -> None:
        started = self.db.execute("select started_at from runs where run_id=?", (run_id,)).fetchone()
        now = dt.datetime.now(dt.UTC)
        duration = (now - dt.datetime.fromisoformat(started[0])).total_seconds() if started and started[0] else 0.0
        documents = self.db.execute("select count(*) from files where status='document'").fetchone()[0]
        self.db.execute(
            "update runs set finished_at=?, status=?, seen=?, new=?, changed=?, unchanged=?, deleted=?, "
            "rejected=?, documents=?, duration_s=?, message=? where run_id=?",
            (now.isoformat(), status, counts.get("seen", 0), counts.get("new", 0), counts.get("changed", 0),
             counts.get("unchanged", 0), counts.get("deleted", 0), counts.get("rejected", 0), documents,
             round(duration, 3), message, run_id),
        )

    def runs(self) -> list[dict[str, Any]]:
        cursor = self.db.execute("select * from runs order by started_at")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    # journal ------------------------------------------------------------------------------
    def pending_journal(self) -> list[tuple[int, dict[str, Any]]]:
        return [(row[0], json.loads(row[1])) for row in self.db.execute("select id, payload from journal order by id")]


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


# ---- commit -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocEntry:
    source_path: str
    doc_id: str
    sha256: str
    size: int


@dataclass(frozen=True)
class RejectEntry:
    source_path: str
    source_sha256: str | None
    source_size: int | None
    reason: str
    detail: str


def _part_path(out_dir: Path, table: str, part: str) -> Path:
    return out_dir / table / f"part-{part}.parquet"


def _stage_removal(out_dir: Path, stage: Path, part: str, doc_ids: set[str],
                   renames: list[list[str]], deletes: list[str]) -> None:
    """Stage copies of `part` without `doc_ids` (or schedule its deletion if nothing is left)."""
    for table in DOC_TABLES:
        path = _part_path(out_dir, table, part)
        if not path.exists():
            continue
        current = pq.read_table(path, schema=DOC_TABLES[table])
        keep = pc.invert(pc.is_in(current.column("doc_id"), value_set=pa.array(sorted(doc_ids), pa.string())))
        remaining = current.filter(keep)
        if remaining.num_rows == current.num_rows:
            continue
        if remaining.num_rows == 0:
            deletes.append(str(path))
        else:
            staged = stage / f"rewrite-{part}-{table}.parquet"
            write_parquet(remaining, staged)
            renames.append([str(staged), str(path)])


def commit(
    out_dir: str | Path,
    state: StateStore,
    run_id: str,
    version_key: str,
    manifests: Iterable[dict[str, Any]] = (),
    deleted: Iterable[str] = (),
    extra_rejects: Iterable[RejectEntry] = (),
) -> dict[str, int]:
    """Make staged batches visible and remove rows of replaced or deleted files, atomically per call."""
    out = Path(out_dir)
    manifests = list(manifests)
    deleted = list(deleted)
    extra_rejects = list(extra_rejects)
    files = state.files(
        [d["source_path"] for m in manifests for d in m["documents"]]
        + [r["source_path"] for m in manifests for r in m["rejects"]]
        + [p for m in manifests for p in m.get("vanished", [])]
        + [r.source_path for r in extra_rejects] + deleted
    )
    stage = out / STAGING_DIR / run_id / f"commit-{uuid.uuid4().hex[:8]}"
    stage.mkdir(parents=True, exist_ok=True)

    upserts: list[list[Any]] = []
    deletions: list[str] = []
    removals: dict[str, set[str]] = {}
    renames: list[list[str]] = []
    deletes: list[str] = []
    counts = {"documents": 0, "rejected": 0, "deleted": 0}
    now = _now_iso()

    def drop_old(path: str, keep_part: str | None = None) -> None:
        old = files.get(path)
        if old is not None and old.status == "document" and old.part and old.part != keep_part and old.doc_id:
            removals.setdefault(old.part, set()).add(old.doc_id)

    new_parts: list[tuple[str, dict[str, str]]] = []
    for manifest in manifests:
        part = manifest["part"]
        for doc in manifest["documents"]:
            drop_old(doc["source_path"], part)
            upserts.append([doc["source_path"], doc["doc_id"], doc["sha256"], doc["size"], version_key,
                            "document", part, None, None, run_id, now])
            counts["documents"] += 1
        for rej in manifest["rejects"]:
            drop_old(rej["source_path"])
            upserts.append([rej["source_path"], None, rej["source_sha256"], rej["source_size"], version_key,
                            "reject", None, rej["reason"], rej["detail"], run_id, now])
            counts["rejected"] += 1
        for path in manifest.get("vanished", []):
            drop_old(path)
            deletions.append(path)
        new_parts.append((part, manifest["files"]))
    for rej_entry in extra_rejects:
        drop_old(rej_entry.source_path)
        upserts.append([rej_entry.source_path, None, rej_entry.source_sha256, rej_entry.source_size, version_key,
                        "reject", None, rej_entry.reason, rej_entry.detail, run_id, now])
        counts["rejected"] += 1
    for path in deleted:
        drop_old(path)
        deletions.append(path)
        counts["deleted"] += 1

    for part, doc_ids in sorted(removals.items()):
        _stage_removal(out, stage, part, doc_ids, renames, deletes)
    additions = [[src, str(_part_path(out, table, part))] for part, staged in new_parts for table, src in staged.items()]
    payload = {"removals": renames, "deletes": deletes, "additions": additions,
               "upserts": upserts, "deletions": deletions}
    cursor = state.db.execute("insert into journal (payload) values (?)", (json.dumps(payload),))
    journal_id = cursor.lastrowid
    assert journal_id is not None
    apply_journal(out, state, journal_id, payload)
    shutil.rmtree(stage, ignore_errors=True)
    return counts


def apply_journal(out: Path, state: StateStore, journal_id: int, payload: dict[str, Any]) -> None:
    """Carry out one journal entry; safe to repeat after a crash at any point."""
    for src, dst in payload["removals"]:
        if os.path.exists(src):
            os.replace(src, dst)
    for path in payload["deletes"]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    for src, dst in payload["additions"]:
        if os.path.exists(src):
            Path(dst).parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
    db = state.db
    db.execute("begin immediate")
    try:
        db.executemany("update files set part=? where part=? and status='document'",
                       [(new, old) for old, new in payload.get("repart", [])])
        db.executemany("insert or replace into files values (?,?,?,?,?,?,?,?,?,?,?)", payload["upserts"])
        db.executemany("delete from files where source_path=?", [(p,) for p in payload["deletions"]])
        db.execute("delete from journal where id=?", (journal_id,))
        db.execute("commit")
    except BaseException:
        db.execute("rollback")
        raise


def _write_merged(paths: list[Path], schema: pa.Schema, path: Path) -> None:
    """The parts at `paths` written one after another into one file: one part in memory at a time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with pq.ParquetWriter(tmp, schema, **_write_options(schema)) as writer:
            for source in paths:
                writer.write_table(pq.read_table(source, schema=schema))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def compact(out_dir: str | Path, state: StateStore, target_docs: int = 2000, max_small_parts: int = 8) -> int:
    """Merge small part files into parts of about `target_docs` documents, so a corpus built by many
    small runs still reads as few files. Big parts are never rewritten; nothing happens until more
    than `max_small_parts` small parts have accumulated, so one added file costs one small part.
    Goes through the journal like any commit. Returns the number of parts merged away."""
    out = Path(out_dir)
    counts = state.part_counts()
    small = sorted((n, part) for part, n in counts.items() if n < target_docs // 2)
    if len(small) <= max_small_parts:
        return 0
    groups: list[list[str]] = [[]]
    size = 0
    for n, part in small:
        if size + n > target_docs and groups[-1]:
            groups.append([])
            size = 0
        groups[-1].append(part)
        size += n
    groups = [g for g in groups if len(g) > 1]
    if not groups:
        return 0
    stage = out / STAGING_DIR / f"compact-{uuid.uuid4().hex[:8]}"
    deletes: list[str] = []
    additions: list[list[str]] = []
    repart: list[list[str]] = []
    merges: list[tuple[list[Path], pa.Schema, Path]] = []
    for group in groups:
        merged_key = new_part_key()
        for table, schema in DOC_TABLES.items():
            paths = [p for p in (_part_path(out, table, part) for part in group) if p.exists()]
            if not paths:
                continue
            staged = stage / f"{merged_key}-{table}.parquet"
            merges.append((paths, schema, staged))
            additions.append([str(staged), str(_part_path(out, table, merged_key))])
            deletes.extend(str(p) for p in paths)
        repart.extend([part, merged_key] for part in group)
    # Reading, compressing and writing Parquet happen in Arrow's C++ without the GIL: the merges run
    # side by side on the cores the finished batches left free (one part per merge in memory).
    with cf.ThreadPoolExecutor(max_workers=max(1, min(len(merges), os.cpu_count() or 1))) as pool:
        for done in [pool.submit(_write_merged, *merge) for merge in merges]:
            done.result()
    payload = {"removals": [], "deletes": deletes, "additions": additions, "upserts": [], "deletions": [],
               "repart": repart}
    cursor = state.db.execute("insert into journal (payload) values (?)", (json.dumps(payload),))
    assert cursor.lastrowid is not None
    apply_journal(out, state, cursor.lastrowid, payload)
    shutil.rmtree(stage, ignore_errors=True)
    return sum(len(g) for g in groups)


def recover(out_dir: str | Path, state: StateStore) -> int:
    """Finish any commit a crash interrupted, and drop staging left by dead runs."""
    out = Path(out_dir)
    pending = state.pending_journal()
    for journal_id, payload in pending:
        apply_journal(out, state, journal_id, payload)
    shutil.rmtree(out / STAGING_DIR, ignore_errors=True)
    # Stray temporary files from an interrupted write (never visible: they start with '.').
    for table in ALL_TABLES:
        folder = out / table
        if folder.is_dir():
            for stray in folder.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    stray.unlink()
    return len(pending)


RUNS_COMPACT_AT = 64


def write_side_tables(out_dir: str | Path, state: StateStore) -> None:
    """rejects/ rewritten from the state store when it changed; one runs/ file per finished run
    (compacted now and then); an empty part for a document table that has none yet, so every
    table reads with its schema. Nothing is rewritten when nothing changed."""
    out = Path(out_dir)
    rejects = [
        {"source_path": r[0], "source_sha256": r[1], "source_size": r[2], "reason": r[3], "detail": r[4],
         "run_id": r[5], "rejected_at": dt.datetime.fromisoformat(r[6]) if r[6] else None}
        for r in state.db.execute(
            "select source_path, sha256, size, reason, detail, run_id, updated_at from files "
            "where status='reject' order by source_path"
        )
    ]
    rejects_table = pa.Table.from_pylist(rejects, schema=REJECTS)
    rejects_path = out / "rejects" / "rejects.parquet"
    current = pq.read_table(rejects_path) if rejects_path.exists() else None
    if current is None or not current.equals(rejects_table):
        write_parquet(rejects_table, rejects_path)

    runs_dir = out / "runs"
    runs_dir.mkdir(parents=True, exist_ok=True)
    written = {p.stem.removeprefix("run-") for p in runs_dir.glob("run-*.parquet")}
    compacted: set[str] = set()
    for path in runs_dir.glob("runs-*.parquet"):
        compacted.update(pq.read_table(path, columns=["run_id"]).column("run_id").to_pylist())
    for run in state.runs():
        if run["status"] == "running" or run["run_id"] in written or run["run_id"] in compacted:
            continue
        write_parquet(_runs_table([run]), runs_dir / f"run-{run['run_id']}.parquet")
    singles = sorted(runs_dir.glob("run-*.parquet"))
    if len(singles) >= RUNS_COMPACT_AT:
        _compact_runs(out, state)
    _ensure_readable(runs_dir, RUNS, [p for p in runs_dir.glob("run*.parquet")])

    for table, schema in DOC_TABLES.items():
        folder = out / table
        _ensure_readable(folder, schema, [p for p in folder.glob("part-*.parquet") if p.name != EMPTY_PART])


def _ensure_readable(folder: Path, schema: pa.Schema, parts: list[Path]) -> None:
    """A table with no rows yet still has one (empty) file, so it reads with its schema."""
    folder.mkdir(parents=True, exist_ok=True)
    empty = folder / EMPTY_PART
    if parts and empty.exists():
        empty.unlink()
    elif not parts and not empty.exists():
        write_parquet(schema.empty_table(), empty)


def _runs_table(runs: list[dict[str, Any]]) -> pa.Table:
    rows = []
    for run in runs:
        row: dict[str, Any] = {name: run.get(name) for name in RUNS.names}
        for key in ("started_at", "finished_at"):
            value = row[key]
            row[key] = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=RUNS)


def _compact_runs(out: Path, state: StateStore) -> None:
    """All run files merged into one, through the journal: runs may be briefly absent, never doubled."""
    runs_dir = out / "runs"
    olds = sorted(runs_dir.glob("run-*.parquet")) + sorted(runs_dir.glob("runs-*.parquet"))
    merged = pa.concat_tables([pq.read_table(p, schema=RUNS) for p in olds])
    stage = out / STAGING_DIR / "compact-runs"
    staged = stage / "runs.parquet"
    write_parquet(merged, staged)
    final = runs_dir / f"runs-{new_part_key()}.parquet"
    payload = {"removals": [], "deletes": [str(p) for p in olds], "additions": [[str(staged), str(final)]],
               "upserts": [], "deletions": []}
    cursor = state.db.execute("insert into journal (payload) values (?)", (json.dumps(payload),))
    assert cursor.lastrowid is not None
    apply_journal(out, state, cursor.lastrowid, payload)
    shutil.rmtree(stage, ignore_errors=True)


def finish(out_dir: str | Path, state: StateStore, run_id: str, status: str, counts: dict[str, int],
           message: str = "") -> str | None:
    """Close a run: record it, compact small parts after a success, rewrite the side tables, drop
    its staging. After a failed run, a failure here (a full disk) is returned, not raised: the
    run's own error is the one to report."""
    try:
        state.finish_run(run_id, status, counts, message)
        if status == "completed":
            compact(out_dir, state)
        write_side_tables(out_dir, state)
        clean_staging(out_dir, run_id)
    except Exception as exc:
        if status == "completed":
            raise
        return f"{type(exc).__name__}: {exc}"
    return None


def clean_staging(out_dir: str | Path, run_id: str) -> None:
    shutil.rmtree(Path(out_dir) / STAGING_DIR / run_id, ignore_errors=True)
