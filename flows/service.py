"""`speechcorpus serve`: keep processed/ in step with raw/ without anyone asking.

- The deployment `process-corpus/speechcorpus` is served by a Prefect runner with an interval
  schedule (the safety net) and a concurrency limit of one.
- A watchdog observer on raw/ triggers `run_deployment` a moment after file-system activity
  settles, so a burst of a thousand files gives one run (or a few), not a thousand.
- Without `PREFECT_API_URL`, Prefect's throwaway local API refuses schedules, so `serve` starts
  and owns a `prefect server` on loopback (SQLite under the output's `_state/`), and stops it on
  exit. With `PREFECT_API_URL` set, it uses that server.
- SIGTERM or Ctrl-C stops everything within seconds; an interrupted run leaves no half-done
  commit (see pipeline/store.py) and the next run finishes the work.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

DEPLOYMENT_NAME = "speechcorpus"
FLOW_NAME = "process-corpus"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalPrefectServer:
    """A `prefect server` on loopback, owned by this process, with its database under `home`."""

    def __init__(self, home: Path, port: int | None = None) -> None:
        self.home = home
        self.port = port or _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = home / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"

    def start(self, timeout: float = 90.0) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update({
            "PREFECT_HOME": str(self.home),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_SERVER_API_HOST": "127.0.0.1",
            "PREFECT_SERVER_API_PORT": str(self.port),
            "PREFECT_LOGGING_SERVER_LEVEL": "WARNING",
        })
        env.pop("PREFECT_API_URL", None)
        prefect_cli = Path(sys.executable).with_name("prefect")
        command = [str(prefect_cli)] if prefect_cli.exists() else [sys.executable, "-m", "prefect"]
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child writes to it for its whole life
        self.process = subprocess.Popen(
            [*command, "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"prefect server exited with code {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"prefect server did not answer within {timeout:.0f}s; see {self.log_path}")

    def stop(self, timeout: float = 6.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)


class RawWatcher:
    """Watches raw/ and calls `trigger()` once activity has been quiet for `quiet` seconds
    (or `max_delay` seconds after the first event of a continuous stream)."""

    def __init__(self, raw_dir: str, trigger: Any, quiet: float = 2.0, max_delay: float = 10.0) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.raw_dir = raw_dir
        self.trigger = trigger
        self.quiet = quiet
        self.max_delay = max_delay
        self._first: float | None = None
        self._last: float = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                watcher.touch()

        self.observer = Observer()
        self.observer.schedule(Handler(), raw_dir, recursive=True)
        self.thread = threading.Thread(target=self._loop, name="raw-watcher", daemon=True)

    def touch(self) -> None:
        with self._lock:
            now = time.monotonic()
            if self._first is None:
                self._first = now
            self._last = now

    def start(self) -> None:
        self.observer.start()
        self.thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.observer.stop()
        with contextlib.suppress(RuntimeError):
            self.observer.join(timeout=3)
        self.thread.join(timeout=3)

    def _loop(self) -> None:
        while not self._stop.wait(0.25):
            with self._lock:
                first, last = self._first, self._last
                now = time.monotonic()
                due = first is not None and (now - last >= self.quiet or now - first >= self.max_delay)
                if due:
                    self._first = None
            if due:
                try:
                    self.trigger()
                except Exception as exc:  # keep watching; the interval schedule is the safety net
                    print(f"speechcorpus serve: could not trigger a run: {exc}", file=sys.stderr, flush=True)


class _Trigger:
    """Starts a run of the deployment unless one is already waiting to start (it will see the
    new files anyway): a burst of events becomes one run."""

    def __init__(self, deployment: str) -> None:
        self.deployment = deployment
        self.pending_id: Any = None

    def __call__(self) -> None:
        from prefect.client.orchestration import get_client
        from prefect.deployments import run_deployment

        if self.pending_id is not None:
            with get_client(sync_client=True) as client:
                state = client.read_flow_run(self.pending_id).state
            if state is not None and state.type.value in ("SCHEDULED", "PENDING"):
                return
        flow_run = run_deployment(self.deployment, timeout=0, as_subflow=False)
        self.pending_id = flow_run.id
        print(f"speechcorpus serve: change in raw/ -> run {flow_run.name}", flush=True)


def watch_only(raw_dir: str, deployment: str, quiet: float = 2.0) -> int:
    """Only the watcher: trigger an existing deployment (e.g. one on a work pool) when raw/ changes."""
    if not os.environ.get("PREFECT_API_URL"):
        print("speechcorpus serve --trigger-only needs PREFECT_API_URL (the server holding the deployment).",
              file=sys.stderr)
        return 2
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    watcher = RawWatcher(str(Path(raw_dir).resolve()), _Trigger(deployment), quiet=quiet)
    watcher.start()
    print(f"speechcorpus serve: watching {raw_dir}, triggering {deployment}. Ctrl-C to stop.", flush=True)
    stop.wait()
    watcher.stop()
    print("speechcorpus serve: stopped.", flush=True)
    return 0


def serve(raw_dir: str, out_dir: str, interval: float, config_path: str | None = None,
          workers: int | None = None, settle: float = 2.0, quiet: float = 2.0) -> int:
    raw = str(Path(raw_dir).resolve())
    out = str(Path(out_dir).resolve())
    Path(out).mkdir(parents=True, exist_ok=True)
    server: LocalPrefectServer | None = None
    stopping = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        if stopping.is_set():
            return
        stopping.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    watcher: RawWatcher | None = None
    try:
        if not os.environ.get("PREFECT_API_URL"):
            home = Path(os.environ.get("PREFECT_HOME") or Path(out) / "_state" / "prefect")
            server = LocalPrefectServer(home)
            print(f"speechcorpus serve: starting a local Prefect server (database under {home}) ...", flush=True)
            server.start()
            os.environ["PREFECT_API_URL"] = server.api_url
            print(f"speechcorpus serve: Prefect UI at {server.url}", flush=True)
        else:
            print(f"speechcorpus serve: using the Prefect server at {os.environ['PREFECT_API_URL']}", flush=True)

        from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
        from prefect.deployments.runner import EntrypointType
        from prefect.runner import Runner

        from flows.corpus import process_corpus

        deployment = process_corpus.to_deployment(
            name=DEPLOYMENT_NAME,
            interval=interval,
            parameters={"raw_dir": raw, "out_dir": out, "config_path": config_path, "workers": workers,
                        "settle_seconds": settle, "wait_seconds": 600.0},
            concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
            description=f"Keeps {out} in step with {raw}.",
            entrypoint_type=EntrypointType.MODULE_PATH,
        )

        class QuietRunner(Runner):
            def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
                on_signal(signal.SIGTERM, None)

        runner = QuietRunner(name="speechcorpus-serve", pause_on_shutdown=False, limit=1, query_seconds=1.0)
        runner.add_deployment(deployment)
        watcher = RawWatcher(raw, _Trigger(f"{FLOW_NAME}/{DEPLOYMENT_NAME}"), quiet=quiet)
        watcher.start()
        print(f"speechcorpus serve: watching {raw} -> {out}; scheduled every {interval:.0f}s. Ctrl-C to stop.",
              flush=True)
        import asyncio

        # One run now, so the corpus is current from the start.
        threading.Thread(target=watcher.touch, daemon=True).start()
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        pass
    finally:
        print("speechcorpus serve: stopping ...", flush=True)
        if watcher is not None:
            watcher.stop()
        if server is not None:
            server.stop()
    print("speechcorpus serve: stopped.", flush=True)
    return 0
