"""`speechcorpus run --dask ADDRESS` on a real Dask cluster (scheduler and workers in separate
processes) gives the same tables as a local run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from conftest import contract_problems, copy_raw, run_local

distributed = pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
pytest.importorskip("prefect_dask", reason="the 'dask' extra is not installed")

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.flow
STAMPED = {"processed_at", "run_id", "rejected_at"}


def _rows(out: Path, table: str) -> list[dict]:
    data = ds.dataset(str(out / table), format="parquet").to_table()
    data = data.drop_columns([c for c in data.column_names if c in STAMPED])
    return sorted(data.to_pylist(), key=repr)


def test_dask_cluster_run_equals_local_run(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    copy_raw(ROOT / "raw", raw)
    for i in range(6):
        (raw / f"extra{i}.txt").write_text(
            f"Report {i}\n\nThe meeting on day {i} discussed the harvest and the schools at length. "
            "Everyone agreed that more work was needed before the winter came.\n", encoding="utf-8")
    local_out, dask_out = tmp_path / "local", tmp_path / "dask"
    run_local(raw, local_out)

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    try:
        env = dict(os.environ)
        env.setdefault("PREFECT_HOME", str(tmp_path / "prefect-home"))
        result = subprocess.run(
            [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--out", str(dask_out),
             "--dask", cluster.scheduler_address, "--batch-size", "2", "--settle", "0"],
            cwd=ROOT, capture_output=True, text=True, timeout=600, env=env,
        )
    finally:
        cluster.close()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert contract_problems(dask_out, raw) == []
    for table in ("documents", "sections", "paragraphs", "quotes", "rejects"):
        assert _rows(dask_out, table) == _rows(local_out, table), table
