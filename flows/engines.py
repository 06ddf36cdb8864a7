"""Task runners for running batches elsewhere than this process."""

from __future__ import annotations

from typing import Any


def dask_runner(address: str) -> Any:
    """A Prefect task runner that sends batches to the Dask scheduler at `address`."""
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise SystemExit(
            "speechcorpus: --dask needs the 'dask' extra: pip install -e '.[dask]'"
        ) from exc
    return DaskTaskRunner(address=address)
