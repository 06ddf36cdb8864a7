"""Latency of `speechcorpus serve`: time from a new file appearing in raw/ to its rows being
readable in processed/, over N trials.

    python bench/latency.py [--trials 10] [--json bench/results/latency.json]

Starts `speechcorpus serve` on an empty temporary corpus (it starts its own local Prefect server),
waits until it is ready, then for each trial writes a new document into raw/ (atomically: written
under a dot-name, then renamed) and polls processed/documents until the document is there.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.dataset as ds

ROOT = Path(__file__).resolve().parents[1]

TEXT = """Address to the Conference on Trial {n}

March {day}, 2001

Ladies and gentlemen,

It is a pleasure to speak to you today about the work we have done together over the past year.
We have built schools, roads and hospitals, and we will build more.

Our task now is to make sure that every citizen shares in the progress of the nation.
"""


def _has_doc(out: Path, doc_id: str) -> bool:
    folder = out / "documents"
    if not folder.is_dir():
        return False
    try:
        table = ds.dataset(str(folder), format="parquet").to_table(columns=["doc_id"])
    except Exception:
        return False
    return doc_id in set(table.column("doc_id").to_pylist())


def _count_docs(out: Path) -> int:
    try:
        return ds.dataset(str(out / "documents"), format="parquet").count_rows()
    except Exception:
        return 0


def _count_runs(out: Path) -> int:
    """Completed runs on record (the state store knows them before runs/ is written)."""
    import sqlite3

    db = sqlite3.connect(out / "_state" / "state.sqlite")
    try:
        return int(db.execute("select count(*) from runs where status != 'running'").fetchone()[0])
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("--burst", type=int, default=1000, help="files written at once after the trials (0: skip)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latency.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "processed"
        raw.mkdir()
        log = open(Path(tmp) / "serve.log", "w")  # noqa: SIM115
        env = dict(os.environ)
        env.pop("PREFECT_API_URL", None)
        command = [sys.executable, "-m", "flows.cli", "serve", "--raw", str(raw), "--out", str(out),
                   "--interval", "3600"]
        started = time.perf_counter()
        serve = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            # Ready when the first (empty) run has written the tables.
            while not (out / "runs").is_dir() or not any((out / "runs").glob("*.parquet")):
                if serve.poll() is not None or time.perf_counter() - started > 180:
                    raise SystemExit(f"serve did not start; see {Path(tmp) / 'serve.log'}")
                time.sleep(0.2)
            startup = time.perf_counter() - started
            latencies: list[float] = []
            for n in range(args.trials):
                name = f"trial{n:02d}"
                tmp_file = raw / f".{name}.txt"
                tmp_file.write_text(TEXT.format(n=n, day=n + 1), encoding="utf-8")
                t0 = time.perf_counter()
                tmp_file.rename(raw / f"{name}.txt")
                while not _has_doc(out, name):
                    if time.perf_counter() - t0 > args.timeout:
                        raise SystemExit(f"trial {n}: no rows after {args.timeout}s")
                    time.sleep(0.1)
                latencies.append(time.perf_counter() - t0)
                print(f"trial {n}: {latencies[-1]:.2f}s", flush=True)
                time.sleep(1.0)
            burst_runs = burst_seconds = None
            if args.burst:
                # A burst: many files at once should give one run or a few, not one per file.
                runs_before = _count_runs(out)
                t0 = time.perf_counter()
                for i in range(args.burst):
                    (raw / f"burst{i:05d}.txt").write_text(TEXT.format(n=1000 + i, day=1 + i % 28), encoding="utf-8")
                expected = args.trials + args.burst
                while _count_docs(out) < expected:
                    if time.perf_counter() - t0 > 600:
                        raise SystemExit("burst: not all files processed after 600s")
                    time.sleep(0.5)
                burst_seconds = time.perf_counter() - t0
                time.sleep(3)
                burst_runs = _count_runs(out) - runs_before
                print(f"burst of {args.burst} files: {burst_runs} run(s), all rows readable after {burst_seconds:.1f}s",
                      flush=True)
            t_stop = time.perf_counter()
            serve.send_signal(signal.SIGTERM)
            serve.wait(timeout=30)
            stop_s = time.perf_counter() - t_stop
        finally:
            if serve.poll() is None:
                serve.kill()
            log.close()
        result = {
            "trials": len(latencies),
            "median_s": round(statistics.median(latencies), 2),
            "min_s": round(min(latencies), 2),
            "max_s": round(max(latencies), 2),
            "latencies_s": [round(x, 2) for x in latencies],
            "serve_startup_s": round(startup, 1),
            "burst_files": args.burst,
            "burst_runs": burst_runs,
            "burst_seconds": round(burst_seconds, 1) if burst_seconds else None,
            "sigterm_to_exit_s": round(stop_s, 2),
            "serve_exit_code": serve.returncode,
            "cpus": os.cpu_count(),
        }
    print(json.dumps(result, indent=1))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
