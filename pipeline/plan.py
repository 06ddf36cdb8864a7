"""Planning a run: which files in raw/ are new, changed, unchanged or deleted, and the batches.

Unchanged means same bytes (sha256) processed by the same pipeline version and settings; such a
file is not read again beyond hashing, and its rows are not rewritten.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .batch import BatchItem
from .config import Config
from .sources import discover_files, doc_id_for, sha256_file
from .store import FileState, RejectEntry


def version_key(config: Config) -> str:
    """What decides whether a stored row is current: code version and every setting."""
    return f"{__version__}+{config.fingerprint()}"


@dataclass
class Plan:
    seen: int = 0
    new: list[BatchItem] = field(default_factory=list)
    changed: list[BatchItem] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    duplicates: list[RejectEntry] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)  # still being written: left for the next run
    todo_bytes: int = 0
    todo_sizes: list[int] = field(default_factory=list)  # bytes of each file of `todo`, in order

    @property
    def todo(self) -> list[BatchItem]:
        return self.new + self.changed


def plan_run(raw_dir: str | Path, files: dict[str, FileState], config: Config, settle_seconds: float = 0.0) -> Plan:
    """Compare raw/ with the state store's record of what was processed.

    A file modified less than `settle_seconds` ago may still be being written: it is deferred
    (neither processed nor treated as deleted) and picked up by a later run."""
    key = version_key(config)
    plan = Plan()
    present: dict[str, tuple[str | None, int]] = {}
    now_ns = time.time_ns()
    for source in discover_files(raw_dir):
        plan.seen += 1
        age = (now_ns - source.mtime_ns) / 1e9
        if settle_seconds > 0 and source.size >= 0 and 0 <= age < settle_seconds:
            plan.deferred.append(source.path)
            continue
        try:
            sha: str | None = sha256_file(Path(raw_dir) / source.path)
        except OSError:
            sha = None  # unreadable now: the batch reports why
        present[source.path] = (sha, source.size)

    # Two files whose names differ only in extension would share a doc_id: the one already in
    # the corpus (else the first by name) keeps it, the other is rejected with a way out.
    owners: dict[str, str] = {}
    for path in sorted(present, key=lambda p: (not (files.get(p) and files[p].status == "document"), p)):
        doc_id = doc_id_for(path)
        if doc_id in owners:
            sha, size = present.pop(path)
            old = files.get(path)
            if old is not None and old.status == "reject" and old.reason == "duplicate_id" and old.sha256 == sha:
                plan.unchanged += 1
                continue
            plan.duplicates.append(RejectEntry(
                path, sha, size, "duplicate_id",
                f"'{path}' and '{owners[doc_id]}' both give the doc_id '{doc_id}' (names differing only in "
                "extension); rename one of them so each document has its own id.",
            ))
            continue
        owners[doc_id] = path

    new_sizes: list[int] = []
    changed_sizes: list[int] = []
    for path, (sha, size) in present.items():
        old = files.get(path)
        item = BatchItem(path, sha)
        if old is None:
            plan.new.append(item)
            new_sizes.append(max(0, size))
        elif old.status == "reject" and old.reason == "duplicate_id":
            plan.changed.append(item)  # its namesake is gone: it can have its doc_id now
            changed_sizes.append(max(0, size))
        elif old.sha256 == sha and old.version_key == key and sha is not None:
            plan.unchanged += 1
            continue
        elif old.sha256 is None and sha is None and old.status == "reject" and old.version_key == key:
            plan.unchanged += 1  # still unreadable; its reject stands
            continue
        else:
            plan.changed.append(item)
            changed_sizes.append(max(0, size))
        plan.todo_bytes += max(0, size)
    plan.todo_sizes = new_sizes + changed_sizes
    keep = {d.source_path for d in plan.duplicates} | set(plan.deferred)
    plan.deleted = sorted(p for p in files if p not in present and p not in keep)
    # A path that is now a duplicate but had rows before must lose them: the duplicate reject does it.
    return plan


# A batch is one part file per table. Parts of 1,000 documents or more are never rewritten by
# compaction (store.compact), so big batches spare a fresh run rewriting all it wrote; the batch
# streams its rows out in row groups (batch.FLUSH_BYTES), so its size does not bound memory.
MAX_BATCH_BYTES = 48_000_000
MAX_BATCH_DOCS = 2_000
MIN_TAIL_BYTES = 1_000_000


def make_batches(items: list[BatchItem], workers: int, batch_size: int | None = None,
                 sizes: dict[str, int] | None = None) -> list[list[BatchItem]]:
    """Batches big enough that per-task overhead is small (a task costs ~10-25 ms in Prefect), and
    enough of them (four per worker) to keep every worker busy to the end. Balanced by bytes when
    sizes are known, since one 300 KB transcript costs as much as twenty short speeches; and, with
    several workers, shrinking toward the end (guided scheduling: each batch at most a quarter of
    what is left per worker, down to MIN_TAIL_BYTES), so that no worker sits idle while another
    finishes one big last batch."""
    if not items:
        return []
    if batch_size is not None:
        return [items[i:i + batch_size] for i in range(0, len(items), batch_size)]
    if not sizes:
        size = max(1, min(MAX_BATCH_DOCS, math.ceil(len(items) / max(1, workers * 4))))
        return [items[i:i + size] for i in range(0, len(items), size)]
    total = sum(sizes.get(item.path, 0) for item in items)
    target = min(MAX_BATCH_BYTES, max(1, math.ceil(total / max(1, workers * 4))))
    batches: list[list[BatchItem]] = [[]]
    filled = 0
    left = total
    for item in items:
        if workers > 1:
            target = min(target, max(MIN_TAIL_BYTES, math.ceil(left / (workers * 2))))
        if batches[-1] and (filled >= target or len(batches[-1]) >= MAX_BATCH_DOCS):
            batches.append([])
            filled = 0
        size = sizes.get(item.path, 0)
        batches[-1].append(item)
        filled += size
        left -= size
    return batches
