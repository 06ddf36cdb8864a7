"""`speechcorpus`: a thin command line over the flows and the library.

    speechcorpus run    [--raw DIR] [--out DIR] [--config FILE] [--workers N] [--wait SECONDS]
    speechcorpus status [--raw DIR] [--out DIR]
    speechcorpus serve  [--raw DIR] [--out DIR] [--interval SECONDS]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--raw", default="raw", help="folder of source documents (default: raw)")
    parser.add_argument("--out", default="processed", help="folder of the Parquet tables (default: processed)")
    parser.add_argument("--config", default=None, help="TOML file overriding settings (see README)")


def _quiet_prefect() -> None:
    # The flow's own lines (files found, each batch committed) are the progress of a run;
    # Prefect's per-task lines would drown them, so task runs log warnings and errors only.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", "WARNING")
    # Libraries without a logger of Prefect's (sqlalchemy in the throwaway API server, which
    # is stopped while it may still be flushing run records) log to the root logger.
    os.environ.setdefault("PREFECT_LOGGING_ROOT_LEVEL", "CRITICAL")
    # The throwaway local API logs its own shutdown hiccups (task-run records it could not flush)
    # as errors with tracebacks; they concern Prefect's run history, never the corpus.
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")


def _prefect_defaults() -> None:
    # No telemetry from a machine that may have no network (its failure prints an error).
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The throwaway API's first start on a new PREFECT_HOME runs its database migrations, which on
    # a busy two-core machine can outlast Prefect's 20-second default.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def cmd_run(args: argparse.Namespace) -> int:
    if not Path(args.raw).is_dir():
        print(f"error: raw folder '{args.raw}' does not exist; create it and put documents in it.", file=sys.stderr)
        return 2
    if args.verbose:
        level = "DEBUG" if args.verbose > 1 else "INFO"
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", level)
        os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", level)
    _quiet_prefect()
    from pipeline.config import load_config
    from pipeline.errors import ConfigError, LockedError

    try:
        load_config(args.config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"speechcorpus: processing {args.raw}/ -> {args.out}/ (starting Prefect) ...", flush=True)
    started = time.perf_counter()
    from flows.corpus import process_corpus

    if args.dask:
        from flows.engines import dask_runner

        flow_fn = process_corpus.with_options(task_runner=dask_runner(args.dask))
    else:
        from prefect.task_runners import ThreadPoolTaskRunner

        # One batch task in flight per worker process: more would only wait for a process.
        workers = args.workers or os.cpu_count() or 1
        flow_fn = process_corpus.with_options(task_runner=ThreadPoolTaskRunner(max_workers=workers))
    raw_dir, out_dir = args.raw, args.out
    if args.dask:
        # Workers on other machines see the shared storage by its absolute path.
        raw_dir, out_dir = str(Path(args.raw).resolve()), str(Path(args.out).resolve())
    try:
        summary = flow_fn(
            raw_dir=raw_dir, out_dir=out_dir, config_path=args.config, workers=args.workers,
            batch_size=args.batch_size, wait_seconds=args.wait, settle_seconds=args.settle,
            process_pool=not args.dask,
        )
    except LockedError as exc:
        print(f"speechcorpus: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("speechcorpus: interrupted; committed batches are kept, the next run finishes the rest.", file=sys.stderr)
        return 130
    except Exception as exc:
        print(f"speechcorpus: the run failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"speechcorpus: {summary['seen']} files seen: {summary['new']} new, {summary['changed']} changed, "
        f"{summary['unchanged']} unchanged, {summary['deleted']} deleted, {summary['rejected']} rejected "
        f"({summary['documents']} documents written) in {elapsed:.1f}s"
    )
    if summary.get("deferred"):
        print(f"speechcorpus: {summary['deferred']} file(s) modified in the last {args.settle:g}s were left for the next run")
    if summary["rejected"]:
        print(f"speechcorpus: see why files were rejected with: speechcorpus status --out {args.out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    if not Path(args.raw).is_dir():
        print(f"error: raw folder '{args.raw}' does not exist; create it and put documents in it.", file=sys.stderr)
        return 2
    _quiet_prefect()
    from flows.service import serve, watch_only

    if args.trigger_only:
        return watch_only(args.raw, args.trigger_only, args.quiet)
    return serve(args.raw, args.out, args.interval, args.config, args.workers, args.settle, args.quiet)


def cmd_status(args: argparse.Namespace) -> int:
    from flows.status import print_status

    return print_status(args.raw, args.out, args.config)


def main(argv: list[str] | None = None) -> int:
    _prefect_defaults()
    parser = argparse.ArgumentParser(prog="speechcorpus", description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="process raw/ into processed/ once (flow process-corpus)")
    _common(run)
    run.add_argument("--workers", type=int, default=None, help="parallel worker processes (default: all cores)")
    run.add_argument("--batch-size", type=int, default=None, help="documents per task (default: chosen from the corpus)")
    run.add_argument("--wait", type=float, default=3600.0, metavar="SECONDS",
                     help="if another run is writing the output, wait this long for it to finish; 0 ends at once "
                          "(default: 3600)")
    run.add_argument("--dask", default=None, metavar="ADDRESS", help="run batches on a Dask cluster (tcp://host:8786)")
    run.add_argument("--settle", type=float, default=2.0, metavar="SECONDS",
                     help="leave files modified this recently for the next run (default: 2)")
    run.add_argument("-v", "--verbose", action="count", default=0,
                     help="show Prefect's own log lines for every task (-vv: debug)")
    run.set_defaults(func=cmd_run)

    serve = sub.add_parser("serve", help="keep processed/ current: schedule + watch raw/ (starts a local Prefect server)")
    _common(serve)
    serve.add_argument("--interval", type=float, default=300.0, help="seconds between scheduled runs (default: 300)")
    serve.add_argument("--workers", type=int, default=None, help="parallel worker processes per run")
    serve.add_argument("--settle", type=float, default=2.0, metavar="SECONDS",
                       help="leave files modified this recently for the next run (default: 2)")
    serve.add_argument("--quiet", type=float, default=2.0, metavar="SECONDS",
                       help="start a run once raw/ has been quiet this long (default: 2)")
    serve.add_argument("--trigger-only", metavar="FLOW/DEPLOYMENT", default=None,
                       help="only watch raw/ and trigger this existing deployment (e.g. one on a work pool)")
    serve.set_defaults(func=cmd_serve)

    status = sub.add_parser("status", help="what the corpus holds, what is pending, rejects, last runs")
    _common(status)
    status.set_defaults(func=cmd_status)

    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
