"""The walk without Prefect: the same plan, batches and commits, in one process.

This is what the `process-corpus` flow does, minus orchestration: the baseline the benchmark
compares the flow against, the target of the crash tests (SIGKILL at random moments), and a way
to build a corpus where Prefect is not wanted. `python -m pipeline.runner RAW OUT`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from . import __version__
from .batch import process_batch
from .config import Config, load_config
from .plan import make_batches, plan_run, version_key
from .store import StateStore, commit, finish, new_part_key, recover, writer_lock


def run_corpus(raw_dir: str | Path, out_dir: str | Path, config: Config | None = None, batch_size: int | None = None,
               settle_seconds: float = 0.0, wait_seconds: float = 0.0, run_id: str | None = None) -> dict[str, Any]:
    """Bring out_dir up to date with raw_dir in this process; returns the run's counts."""
    config = config or Config()
    raw, out = str(raw_dir), str(out_dir)
    run_id = run_id or uuid.uuid4().hex
    key = version_key(config)
    Path(out).mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    counts: dict[str, Any] = {"seen": 0, "new": 0, "changed": 0, "unchanged": 0, "deleted": 0, "rejected": 0,
                              "documents": 0, "deferred": 0}
    with writer_lock(out, wait_seconds):
        state = StateStore(out)
        status, message = "completed", ""
        try:
            counts["replayed"] = recover(out, state)
            state.start_run(run_id, __version__)
            plan = plan_run(raw, state.files(), config, settle_seconds)
            counts.update(seen=plan.seen, new=len(plan.new), changed=len(plan.changed), unchanged=plan.unchanged,
                          deleted=len(plan.deleted), deferred=len(plan.deferred))
            if plan.deleted or plan.duplicates:
                counts["rejected"] += commit(out, state, run_id, key, [], plan.deleted, plan.duplicates)["rejected"]
            sizes = {item.path: size for item, size in zip(plan.todo, plan.todo_sizes)}
            for batch in make_batches(plan.todo, 1, batch_size, sizes):
                result = process_batch(raw, out, run_id, new_part_key(), batch, config)
                manifest = json.loads(Path(result.manifest).read_text(encoding="utf-8"))
                done = commit(out, state, run_id, key, [manifest])
                counts["documents"] += done["documents"]
                counts["rejected"] += done["rejected"]
        except BaseException as exc:
            status, message = "failed", f"{type(exc).__name__}: {exc}"
            raise
        finally:
            try:
                finish(out, state, run_id, status, counts, message)
            finally:
                state.close()
    counts["seconds"] = round(time.perf_counter() - started, 3)
    counts["run_id"] = run_id
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Process RAW into OUT in one process, without Prefect.")
    parser.add_argument("raw")
    parser.add_argument("out")
    parser.add_argument("--config")
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--wait", type=float, default=0.0)
    args = parser.parse_args(argv)
    counts = run_corpus(args.raw, args.out, load_config(args.config), args.batch_size, wait_seconds=args.wait)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
