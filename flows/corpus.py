"""The `process-corpus` flow: raw/ -> the Parquet tables of the output contract.

discover -> process batches in parallel (one task per batch of documents) -> commit each batch as
it finishes -> record the run. Tasks return counts and paths, never texts: Prefect keeps every
future's result in memory for the life of the flow.
"""

from __future__ import annotations

import atexit
import concurrent.futures as cf
import json
import multiprocessing
import os
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE as NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline import __version__
from pipeline.batch import BatchItem, BatchResult, process_batch
from pipeline.config import Config, load_config
from pipeline.plan import Plan, make_batches, plan_run, version_key
from pipeline.store import (
    StateStore,
    commit,
    finish,
    new_part_key,
    recover,
    writer_lock,
)

SMALL_RUN_BYTES = 1_000_000
_POOL: cf.ProcessPoolExecutor | None = None
_POOL_SIZE = 0


_POOL_LOCK = threading.Lock()


def _pool(workers: int) -> cf.ProcessPoolExecutor:
    """One process pool per flow process: batches are CPU-bound Python, threads would share one core.
    Task threads call this at once: the lock makes sure exactly one pool is made."""
    with _POOL_LOCK:
        return _make_pool(workers)


def _make_pool(workers: int) -> cf.ProcessPoolExecutor:
    global _POOL, _POOL_SIZE
    if _POOL is None or workers != _POOL_SIZE:
        if _POOL is not None:
            _POOL.shutdown(wait=True)
        # 'spawn': the flow process runs threads and event loops that must not be forked.
        _POOL = cf.ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        _POOL_SIZE = workers
        atexit.register(_shutdown_pool)
    return _POOL


def _shutdown_pool() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=False, cancel_futures=True)
        _POOL = None


@task(name="discover", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def discover(raw_dir: str, out_dir: str, config: Config, settle_seconds: float) -> Plan:
    """Lists raw/ and compares each file's sha256 with the state store: new, changed, unchanged,
    deleted; files modified in the last `settle_seconds` are deferred to a later run."""
    state = StateStore(out_dir)
    try:
        return plan_run(raw_dir, state.files(), config, settle_seconds)
    finally:
        state.close()


@task(name="process-batch", cache_policy=NO_CACHE)
def process_batch_task(raw_dir: str, out_dir: str, run_id: str, part: str, items: list[BatchItem],
                       config: Config, workers: int) -> BatchResult:
    """Decodes, cleans, segments and tags a batch of documents and stages their rows as one part file per table."""
    if workers > 1:
        return _pool(workers).submit(process_batch, raw_dir, out_dir, run_id, part, items, config).result()
    return process_batch(raw_dir, out_dir, run_id, part, items, config)


@task(name="commit", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def commit_task(out_dir: str, run_id: str, key: str, manifest_paths: list[str],
                deleted: list[str], extra_rejects: list[Any]) -> dict[str, int]:
    """Makes staged batches visible in documents/sections/paragraphs/quotes and removes rows of replaced or deleted files."""
    manifests = [json.loads(Path(p).read_text(encoding="utf-8")) for p in manifest_paths]
    state = StateStore(out_dir)
    try:
        return commit(out_dir, state, run_id, key, manifests, deleted, extra_rejects)
    finally:
        state.close()


def _run_id() -> str:
    try:
        from prefect.runtime import flow_run

        if flow_run.id:
            return str(flow_run.id)
    except Exception:  # pragma: no cover - outside a flow run
        pass
    return uuid.uuid4().hex


# As many batch tasks in flight as cores: more would only queue in the process pool (or, in one
# process, share a core) while holding their rows in memory.
@flow(name="process-corpus", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=os.cpu_count() or 1))
def process_corpus(
    raw_dir: str = "raw",
    out_dir: str = "processed",
    config_path: str | None = None,
    workers: int | None = None,
    batch_size: int | None = None,
    wait_seconds: float = 0.0,
    settle_seconds: float = 2.0,
    process_pool: bool = True,
) -> dict[str, Any]:
    """Brings processed/ up to date with raw/: new and changed files are processed, deleted ones
    lose their rows, unchanged ones are left alone; records the run in the `runs` table."""
    logger = get_run_logger()
    started = time.perf_counter()
    config = load_config(config_path)
    workers = workers or os.cpu_count() or 1
    run_id = _run_id()
    key = version_key(config)
    os.makedirs(out_dir, exist_ok=True)
    if not os.path.isdir(raw_dir):
        raise FileNotFoundError(f"raw folder {raw_dir!r} does not exist; create it and put documents in it.")
    def waiting() -> None:
        logger.warning("another run is writing %s; waiting up to %.0fs for it to finish", out_dir, wait_seconds)

    with writer_lock(out_dir, wait_seconds, on_wait=waiting):
        state = StateStore(out_dir)
        try:
            replayed = recover(out_dir, state)
            if replayed:
                logger.warning("finished %d commit(s) interrupted by an earlier crash", replayed)
            state.start_run(run_id, __version__)
        finally:
            state.close()
        counts = {"seen": 0, "new": 0, "changed": 0, "unchanged": 0, "deleted": 0, "rejected": 0,
                  "documents": 0, "deferred": 0}
        status, message = "completed", ""
        try:
            plan = discover(raw_dir, out_dir, config, settle_seconds)
            counts.update(seen=plan.seen, new=len(plan.new), changed=len(plan.changed),
                          unchanged=plan.unchanged, deleted=len(plan.deleted), deferred=len(plan.deferred))
            logger.info("%d files: %d new, %d changed, %d unchanged, %d deleted, %d still being written",
                        plan.seen, len(plan.new), len(plan.changed), plan.unchanged, len(plan.deleted),
                        len(plan.deferred))
            if plan.deleted or plan.duplicates:
                result = commit_task(out_dir, run_id, key, [], plan.deleted, plan.duplicates)
                counts["rejected"] += result["rejected"]
            sizes = {item.path: size for item, size in zip(plan.todo, plan.todo_sizes)}
            batches = make_batches(plan.todo, workers, batch_size, sizes)
            # Starting worker processes costs about a second each: not worth it for a handful of files.
            # On a Dask cluster (process_pool=False) each batch task already runs in a worker process.
            pool_workers = workers if process_pool and plan.todo_bytes >= SMALL_RUN_BYTES and len(batches) > 1 else 1
            if pool_workers > 1:
                _pool(pool_workers)  # started once, before the task threads race for it
            futures = [
                process_batch_task.submit(raw_dir, out_dir, run_id, new_part_key(), batch, config, pool_workers)
                for batch in batches
            ]
            for done, future in enumerate(as_completed(futures), start=1):
                batch_result: BatchResult = future.result()
                result = commit_task(out_dir, run_id, key, [batch_result.manifest], [], [])
                counts["documents"] += result["documents"]
                counts["rejected"] += result["rejected"]
                logger.info("batch %d/%d committed: %d documents, %d rejected (%.1fs)", done, len(batches),
                            batch_result.documents, batch_result.rejects, batch_result.seconds)
        except BaseException as exc:
            status, message = "failed", f"{type(exc).__name__}: {exc}"
            raise
        finally:
            state = StateStore(out_dir)
            closing = time.perf_counter()
            try:
                problem = finish(out_dir, state, run_id, status, counts, message)
                if problem:
                    logger.warning("could not record the failed run: %s", problem)
            finally:
                state.close()
            logger.info("run recorded, small parts compacted, side tables written (%.1fs)",
                        time.perf_counter() - closing)
    counts["seconds"] = round(time.perf_counter() - started, 2)
    summary = {"run_id": run_id, "status": status, **counts}
    try:
        create_markdown_artifact(
            key="process-corpus-summary",
            markdown=_summary_markdown(raw_dir, out_dir, summary),
            description="What the last process-corpus run did",
        )
    except Exception as exc:  # the artifact is a convenience; the run's data is already committed
        logger.warning("could not record the run artifact: %s", exc)
    return summary


def _summary_markdown(raw_dir: str, out_dir: str, summary: dict[str, Any]) -> str:
    rows = "\n".join(f"| {k} | {v} |" for k, v in summary.items())
    return f"# process-corpus\n\n`{raw_dir}` → `{out_dir}`\n\n| | |\n|---|---|\n{rows}\n"
