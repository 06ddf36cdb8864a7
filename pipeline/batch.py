"""A batch of documents processed and staged as one part file per table.

`process_batch` is the unit of parallel work: it reads its files, runs every stage, and writes
the rows under `<out>/_staging/`, invisible to readers. It returns only a small summary; the rows
reach the tables when `store.commit_batch` moves the staged files into place.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from .config import Config
from .document import process_document
from .errors import PipelineError, VanishedError
from .schema import DOC_TABLES
from .sources import check_name, read_source
from .store import PartWriter, staging_dir


@dataclass(frozen=True)
class BatchItem:
    path: str
    sha256: str | None  # as seen at discovery (None if it could not be read then)


@dataclass
class BatchResult:
    part: str
    manifest: str  # path of the manifest JSON in the staging folder
    documents: int = 0
    rejects: int = 0
    vanished: int = 0
    paragraphs: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)


def records_to_table(records: list[object], schema: pa.Schema, constants: dict[str, object] | None = None) -> pa.Table:
    """Row records (dataclasses with the schema's field names) as an Arrow table, column by
    column; `constants` fills columns the records do not carry (the same value in every row)."""
    constants = constants or {}
    columns = []
    for schema_field in schema:
        name = schema_field.name
        values = [constants[name]] * len(records) if name in constants else [getattr(r, name) for r in records]
        columns.append(pa.array(values, type=schema_field.type))
    return pa.Table.from_arrays(columns, schema=schema)


# Rows are written out as a row group whenever the documents held reach either bound: a batch's
# memory stays that of a few MB of text however big the batch (plan.MAX_BATCH_BYTES).
FLUSH_BYTES = 8_000_000
FLUSH_DOCS = 500


def process_batch(
    raw_dir: str, out_dir: str, run_id: str, part: str, items: list[BatchItem], config: Config,
) -> BatchResult:
    """Process `items` and stage their rows; the returned summary holds counts and a path only."""
    started = time.perf_counter()
    rows: dict[str, list[object]] = {name: [] for name in DOC_TABLES}
    docs: list[dict[str, object]] = []
    rejects: list[dict[str, object]] = []
    vanished: list[str] = []
    processed_at = dt.datetime.now(dt.UTC)
    bytes_in = paragraphs = 0
    read_s = process_s = write_s = 0.0
    held_bytes = held_docs = 0
    stage = staging_dir(out_dir, run_id, part)
    stage.mkdir(parents=True, exist_ok=True)
    writer = PartWriter(stage, DOC_TABLES)

    def flush() -> None:
        nonlocal write_s, paragraphs
        t = time.perf_counter()
        paragraphs += len(rows["paragraphs"])
        for table, schema in DOC_TABLES.items():
            constants = {"processed_at": processed_at, "run_id": run_id} if table == "documents" else {}
            if rows[table]:
                writer.write(table, records_to_table(rows[table], schema, constants))
            rows[table].clear()
        write_s += time.perf_counter() - t

    try:
        for item in items:
            t0 = time.perf_counter()
            size: int | None = None
            sha: str | None = item.sha256
            try:
                check_name(item.path, config.sources)
                raw = read_source(raw_dir, item.path, config.sources)
                sha, size = raw.sha256, len(raw.data)
                bytes_in += size
                t1 = time.perf_counter()
                read_s += t1 - t0
                result = process_document(raw, config)
                process_s += time.perf_counter() - t1
            except VanishedError:
                vanished.append(item.path)
                continue
            except PipelineError as exc:
                if size is None:
                    try:
                        size = (Path(raw_dir) / item.path).stat().st_size
                    except OSError:
                        size = None
                rejects.append({"source_path": item.path, "source_sha256": sha, "source_size": size,
                                "reason": exc.reason, "detail": exc.detail})
                continue
            rows["documents"].append(result.document)
            rows["sections"].extend(result.sections)
            rows["paragraphs"].extend(result.paragraphs)
            rows["quotes"].extend(result.quotes)
            docs.append({"source_path": item.path, "doc_id": result.document.doc_id, "sha256": sha, "size": size})
            held_bytes += size or 0
            held_docs += 1
            if held_bytes >= FLUSH_BYTES or held_docs >= FLUSH_DOCS:
                flush()
                held_bytes = held_docs = 0
        flush()
        t2 = time.perf_counter()
        files = writer.close()
    except BaseException:
        writer.abort()
        raise
    manifest = {"part": part, "run_id": run_id, "files": files, "documents": docs,
                "rejects": rejects, "vanished": vanished}
    manifest_path = stage / "manifest.json"
    tmp = manifest_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest), encoding="utf-8")
    tmp.replace(manifest_path)
    write_s += time.perf_counter() - t2
    return BatchResult(
        part=part, manifest=str(manifest_path), documents=len(docs), rejects=len(rejects),
        vanished=len(vanished), paragraphs=paragraphs, bytes_in=bytes_in,
        seconds=time.perf_counter() - started,
        stage_seconds={"read": read_s, "process": process_s, "write": write_s},
    )
