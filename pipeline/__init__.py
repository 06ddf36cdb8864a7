"""speechcorpus's library: pure stages from raw bytes to the rows of the Parquet contract.

Nothing in this package imports Prefect; orchestration lives in `flows/`.
"""

__version__ = "0.1.0"
