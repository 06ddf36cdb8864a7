"""Shared helpers for the store, flow and golden tests.

- `check_contract` / `score_corpus`: the contract checker and the scorer, imported from the copies in
  tests/fixtures/tools (the tests never depend on ../shared being present).
- `run_local(raw, out, config=None)`: what the `process-corpus` flow does, without Prefect, so most
  store tests run in milliseconds instead of starting Prefect's local API.
- `prefect_harness`: one session-scoped Prefect test harness for the few real flow runs.
- `shared`: the ../shared folder, skipping the test when it is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TOOLS = FIXTURES / "tools"
GOLD = FIXTURES / "gold"
SEEDS = ROOT / "raw"
SHARED = ROOT.parent / "shared"

# The start of a real PNG image (a file a user saved as .txt by mistake).
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(range(256))

TABLES = ("documents", "sections", "paragraphs", "quotes", "rejects", "runs")
DOC_TABLE_NAMES = ("documents", "sections", "paragraphs", "quotes")


def _load_tool(name: str) -> ModuleType:
    module_name = f"_fixture_tool_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None, f"cannot load {name} from {TOOLS}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def check_contract_module() -> ModuleType:
    return _load_tool("check_contract")


def score_corpus_module() -> ModuleType:
    return _load_tool("score_corpus")


def contract_problems(out: Path, raw: Path | None = None, partial: bool = False) -> list[str]:
    """The contract checker's list of violations (empty when the corpus keeps the contract)."""
    return list(check_contract_module().check(Path(out), Path(raw) if raw is not None else None, partial))


# ---- running the pipeline without Prefect ------------------------------------------------------


def run_local(raw: str | Path, out: str | Path, config: Any = None, batch_size: int | None = None,
              workers: int = 1, settle_seconds: float = 0.0) -> dict[str, Any]:
    """Bring `out` up to date with `raw` the way flows.corpus.process_corpus does, in this process
    (pipeline.runner.run_corpus: the same plan, batches and journaled commits, without Prefect).

    `settle_seconds` defaults to 0 here (tests write files and process them at once)."""
    from pipeline.runner import run_corpus

    summary = run_corpus(raw, out, config, batch_size, settle_seconds=settle_seconds)
    return {"status": "completed", **summary}


# ---- reading the output the way a user does ----------------------------------------------------


def read_table(out: str | Path, name: str) -> pa.Table:
    """A whole table as pyarrow.dataset reads it (the way the contract says users read it)."""
    return ds.dataset(str(Path(out) / name), format="parquet").to_table()


def rows(out: str | Path, name: str) -> list[dict[str, Any]]:
    return read_table(out, name).to_pylist()


def parquet_snapshot(out: str | Path, tables: tuple[str, ...] = TABLES) -> dict[str, tuple[int, bytes]]:
    """Every visible Parquet file of `tables`: relative name -> (mtime_ns, bytes)."""
    snap: dict[str, tuple[int, bytes]] = {}
    for table in tables:
        folder = Path(out) / table
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.parquet")):
            snap[f"{table}/{path.name}"] = (path.stat().st_mtime_ns, path.read_bytes())
    return snap


def copy_raw(src: Path, dst: Path) -> Path:
    """Copy a raw/ folder, keeping mtimes, with writable files (the repository's seeds are read-only)."""
    shutil.copytree(src, dst)
    for path in dst.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return dst


def write_file(path: Path, data: bytes | str, age_seconds: float = 3600.0) -> Path:
    """Write a raw/ file as a user would have dropped it there a while ago (the flow defers files
    modified in its last seconds, as possibly still being written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.chmod(0o644)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    old = time.time() - age_seconds
    os.utime(path, (old, old))
    return path


def score(out: Path, gold_dir: Path) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Per-document results and the summary of score_corpus, as its main() computes them."""
    sc = score_corpus_module()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    documents = {r["doc_id"]: r for r in sc.read_table(out, "documents")}
    sections, paragraphs, quotes = (sc.by_doc(sc.read_table(out, t)) for t in ("sections", "paragraphs", "quotes"))
    results = [sc.score_document(g, documents.get(g["doc_id"]), sections[g["doc_id"]],
                                 paragraphs[g["doc_id"]], quotes[g["doc_id"]]) for g in golds]
    return results, sc.summarize(results)


# ---- fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """A private copy of the two seed documents (raw/ of the repository)."""
    return copy_raw(SEEDS, tmp_path / "raw")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "processed"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} does not exist")
    return SHARED


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A throwaway Prefect API and database for the whole session (starting it takes ~10 s)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield
