"""The real orchestration: the Prefect flow, the `speechcorpus` command line, and the boundary
between the library (no Prefect) and the flows."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import PNG_BYTES, ROOT, SEEDS, contract_problems, copy_raw, parquet_snapshot, rows, write_file
from packaging.version import Version

import pipeline
from pipeline.errors import LockedError
from pipeline.store import writer_lock

pytestmark = pytest.mark.flow

SEED_DOCS = ["000_eeed716001cc5ed3", "004_1c7a97fb6ad47a1d"]


# ---- the flow, in this process, against a throwaway Prefect API ---------------------------------


def test_flow_builds_a_corpus_that_keeps_the_contract(prefect_harness: None, tmp_path: Path) -> None:
    from flows.corpus import process_corpus

    raw = copy_raw(SEEDS, tmp_path / "raw")
    write_file(raw / "empty.txt", b"")
    out = tmp_path / "processed"
    summary = process_corpus(raw_dir=str(raw), out_dir=str(out), workers=1)
    assert summary["status"] == "completed"
    assert (summary["seen"], summary["new"], summary["documents"], summary["rejected"]) == (3, 3, 2, 1)
    assert contract_problems(out, raw) == []
    assert sorted(d["doc_id"] for d in rows(out, "documents")) == SEED_DOCS
    assert [(r["source_path"], r["reason"]) for r in rows(out, "rejects")] == [("empty.txt", "empty")]
    runs = rows(out, "runs")
    assert len(runs) == 1
    assert runs[0]["status"] == "completed" and runs[0]["run_id"] == summary["run_id"]
    assert (runs[0]["seen"], runs[0]["new"], runs[0]["rejected"], runs[0]["documents"]) == (3, 3, 1, 2)
    assert {d["run_id"] for d in rows(out, "documents")} == {summary["run_id"]}
    assert not (out / "_staging").exists() or not any((out / "_staging").iterdir())

    # A second run over unchanged raw/ processes nothing and rewrites no table file.
    before = parquet_snapshot(out, ("documents", "sections", "paragraphs", "quotes", "rejects"))
    again = process_corpus(raw_dir=str(raw), out_dir=str(out), workers=1)
    assert again["status"] == "completed"
    assert (again["new"], again["changed"], again["unchanged"], again["documents"]) == (0, 0, 3, 0)
    assert parquet_snapshot(out, ("documents", "sections", "paragraphs", "quotes", "rejects")) == before
    runs = rows(out, "runs")
    assert len(runs) == 2 and all(r["status"] == "completed" for r in runs)
    assert contract_problems(out, raw) == []


def test_flow_refuses_to_write_while_another_run_holds_the_output(prefect_harness: None, tmp_path: Path) -> None:
    from flows.corpus import process_corpus

    raw = copy_raw(SEEDS, tmp_path / "raw")
    out = tmp_path / "processed"
    with writer_lock(out), pytest.raises(LockedError):
        process_corpus(raw_dir=str(raw), out_dir=str(out), workers=1, wait_seconds=0)
    assert not (out / "documents").exists()


# ---- the library does not need Prefect -------------------------------------------------------------


def test_importing_the_library_does_not_load_prefect() -> None:
    modules = sorted(f"pipeline.{m.name}" for m in pkgutil.iter_modules(pipeline.__path__))
    assert "pipeline.store" in modules and "pipeline.batch" in modules
    code = textwrap.dedent(f"""
        import importlib, sys
        import pipeline
        for name in {modules!r}:
            importlib.import_module(name)
        loaded = sorted(m for m in sys.modules if m == "prefect" or m.startswith("prefect."))
        print("PREFECT_MODULES", len(loaded), loaded[:5])
        sys.exit(1 if loaded else 0)
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"the library imports Prefect:\n{proc.stdout}\n{proc.stderr}"
    assert "PREFECT_MODULES 0" in proc.stdout


# ---- the command line, as a user runs it ------------------------------------------------------------


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("speechcorpus")
    return [str(script)] if script.exists() else [sys.executable, "-m", "flows.cli"]


def _cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # a private Prefect database, not ~/.prefect
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    return env


def test_cli_run_and_status(tmp_path: Path) -> None:
    raw = copy_raw(SEEDS, tmp_path / "raw")
    write_file(raw / "empty.txt", b"")
    write_file(raw / "scan.txt", PNG_BYTES)
    out = tmp_path / "processed"
    env = _cli_env(tmp_path)

    run = subprocess.run([*_cli(), "run", "--raw", str(raw), "--out", str(out)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, f"stdout:\n{run.stdout}\nstderr:\n{run.stderr}"
    assert "Traceback" not in run.stderr, run.stderr
    summary = [line for line in run.stdout.splitlines() if "files seen" in line]
    assert len(summary) == 1, run.stdout
    assert "4 files seen" in summary[0] and "2 rejected" in summary[0], summary[0]
    assert "2 documents written" in summary[0], summary[0]
    assert "speechcorpus status" in run.stdout  # tells the user where to see why

    assert contract_problems(out, raw) == []
    rejects = {r["source_path"]: r["reason"] for r in rows(out, "rejects")}
    assert rejects == {"empty.txt": "empty", "scan.txt": "binary"}
    runs = rows(out, "runs")
    assert len(runs) == 1 and runs[0]["status"] == "completed"

    status = subprocess.run([*_cli(), "status", "--raw", str(raw), "--out", str(out)], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert status.returncode == 0, status.stderr
    assert "Traceback" not in status.stderr, status.stderr
    assert "2 documents" in status.stdout
    assert "rejects: 2" in status.stdout, status.stdout
    lines = status.stdout.splitlines()
    empty_line = next((line for line in lines if "empty.txt" in line), "")
    scan_line = next((line for line in lines if "scan.txt" in line), "")
    assert "empty" in empty_line.split("empty.txt", 1)[1], status.stdout
    assert "binary" in scan_line and "PNG" in scan_line, status.stdout
    assert "up to date" in status.stdout, status.stdout


# ---- dependency resolution --------------------------------------------------------------------------


def test_installed_dependencies_are_the_ones_prefect_works_with() -> None:
    # prefect 3.8's local API breaks with fastapi>=0.151 and its scheduler with SQLAlchemy 2.1
    # (see pyproject.toml); the real flow runs above are the true check.
    assert Version(version("fastapi")) < Version("0.151"), version("fastapi")
    assert Version(version("sqlalchemy")) < Version("2.1"), version("sqlalchemy")
    assert Version("3.4") <= Version(version("prefect")) < Version("3.9"), version("prefect")
