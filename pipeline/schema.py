"""The one explicit Arrow schema per table of the output contract.

Tables are never written with an inferred schema: an empty batch, a column that happens to be all
null, or a reordered dict must still produce the same file layout for every reader.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 1

_UTC_US = pa.timestamp("us", tz="UTC")

DOCUMENTS = pa.schema([
    ("doc_id", pa.string()),
    ("source_path", pa.string()),
    ("source_sha256", pa.string()),
    ("source_size", pa.int64()),
    ("encoding", pa.string()),
    ("format", pa.string()),
    ("fixes", pa.list_(pa.string())),
    ("title", pa.string()),
    ("occasion", pa.string()),
    ("author", pa.string()),
    ("doc_type", pa.string()),
    ("date", pa.date32()),
    ("date_text", pa.string()),
    ("date_precision", pa.string()),
    ("language", pa.string()),
    ("language_score", pa.float64()),
    ("n_sections", pa.int32()),
    ("n_paragraphs", pa.int32()),
    ("n_words", pa.int64()),
    ("n_chars", pa.int64()),
    ("text", pa.large_string()),
    ("pipeline_version", pa.string()),
    ("schema_version", pa.int32()),
    ("processed_at", _UTC_US),
    ("run_id", pa.string()),
])

SECTIONS = pa.schema([
    ("doc_id", pa.string()),
    ("section_id", pa.string()),
    ("section_index", pa.int32()),
    ("kind", pa.string()),
    ("heading", pa.string()),
    ("speaker", pa.string()),
    ("affiliation", pa.string()),
    ("language", pa.string()),
    ("language_score", pa.float64()),
    ("n_paragraphs", pa.int32()),
    ("n_words", pa.int32()),
    ("n_chars", pa.int32()),
    ("text", pa.large_string()),
    ("char_start", pa.int64()),
    ("char_end", pa.int64()),
])

PARAGRAPHS = pa.schema([
    ("doc_id", pa.string()),
    ("section_id", pa.string()),
    ("paragraph_id", pa.string()),
    ("paragraph_index", pa.int32()),
    ("speaker", pa.string()),
    ("text", pa.large_string()),
    ("language", pa.string()),
    ("language_score", pa.float64()),
    ("n_words", pa.int32()),
    ("n_chars", pa.int32()),
    ("char_start", pa.int64()),
    ("char_end", pa.int64()),
])

QUOTES = pa.schema([
    ("doc_id", pa.string()),
    ("quote_id", pa.string()),
    ("paragraph_id", pa.string()),
    ("text", pa.string()),
    ("attributed_to", pa.string()),
    ("char_start", pa.int64()),
    ("char_end", pa.int64()),
])

REJECTS = pa.schema([
    ("source_path", pa.string()),
    ("source_sha256", pa.string()),
    ("source_size", pa.int64()),
    ("reason", pa.string()),
    ("detail", pa.string()),
    ("run_id", pa.string()),
    ("rejected_at", _UTC_US),
])

RUNS = pa.schema([
    ("run_id", pa.string()),
    ("started_at", _UTC_US),
    ("finished_at", _UTC_US),
    ("status", pa.string()),
    ("seen", pa.int64()),
    ("new", pa.int64()),
    ("changed", pa.int64()),
    ("unchanged", pa.int64()),
    ("deleted", pa.int64()),
    ("rejected", pa.int64()),
    ("documents", pa.int64()),
    ("duration_s", pa.float64()),
    ("pipeline_version", pa.string()),
    ("message", pa.string()),
])

# Tables whose rows belong to one document and live in that document's part file.
DOC_TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sections": SECTIONS,
    "paragraphs": PARAGRAPHS,
    "quotes": QUOTES,
}
ALL_TABLES: dict[str, pa.Schema] = {**DOC_TABLES, "rejects": REJECTS, "runs": RUNS}

# Columns written with Parquet dictionary encoding: few distinct values repeated on many rows.
DICTIONARY_COLUMNS = [
    "doc_id", "section_id", "kind", "speaker", "affiliation", "language", "doc_type", "encoding",
    "format", "pipeline_version", "run_id", "reason", "status", "attributed_to", "heading",
    "date_precision",
]

# Columns stamped at write time rather than by the (pure, deterministic) processing stages.
STAMPED_COLUMNS = {"documents": ("processed_at", "run_id")}
