"""Frozen records passed between stages, and the row records written to each table.

Row records have exactly the columns of their table in `schema.py` (minus the columns stamped at
write time); a test keeps the two in step, since `pa.Table.from_pylist` would silently drop or
null-fill a mismatch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class SourceFile:
    """A file found in raw/: where it is and what it looked like when discovered."""

    path: str  # relative to raw/, POSIX separators
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class RawDocument:
    path: str
    data: bytes
    sha256: str


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    format: str  # text, markdown, html, json, srt, vtt


@dataclass(frozen=True)
class Block:
    """A run of lines between blank lines, with what markup said about it."""

    lines: tuple[str, ...]
    level: int = 0  # heading level from markup (1-6), 0 for none
    emphasis: bool = False  # the whole block was bold or italic
    rule: bool = False  # a horizontal rule / separator

    @cached_property
    def text(self) -> str:  # asked for again and again by the segmenter: joined once
        return " ".join(line.strip() for line in self.lines if line.strip())


@dataclass(frozen=True)
class Cleaned:
    blocks: tuple[Block, ...]
    fixes: tuple[str, ...]
    meta: dict[str, str] = field(default_factory=dict)  # hints from markup (<title>, meta author)


@dataclass(frozen=True)
class Header:
    title: str | None = None
    author: str | None = None
    occasion: str | None = None
    date_text: str | None = None
    lines: tuple[str, ...] = ()  # header lines as they appear in the cleaned text, once each
    byline: str | None = None  # "By Jane Roe": the header names a writer, as articles do


@dataclass(frozen=True)
class Section:
    kind: str  # speech, narrative, message
    paragraphs: tuple[str, ...]
    heading: str | None = None
    speaker: str | None = None
    affiliation: str | None = None
    label: str | None = None  # the speaker or heading line as written in the text


@dataclass(frozen=True)
class Segmented:
    header: Header
    sections: tuple[Section, ...]
    fixes: tuple[str, ...]


# ---- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    doc_id: str
    source_path: str
    source_sha256: str
    source_size: int
    encoding: str
    format: str
    fixes: list[str]
    title: str | None
    occasion: str | None
    author: str | None
    doc_type: str
    date: dt.date | None
    date_text: str | None
    date_precision: str | None
    language: str
    language_score: float
    n_sections: int
    n_paragraphs: int
    n_words: int
    n_chars: int
    text: str
    pipeline_version: str
    schema_version: int


@dataclass(frozen=True)
class SectionRow:
    doc_id: str
    section_id: str
    section_index: int
    kind: str
    heading: str | None
    speaker: str | None
    affiliation: str | None
    language: str
    language_score: float
    n_paragraphs: int
    n_words: int
    n_chars: int
    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class ParagraphRow:
    doc_id: str
    section_id: str
    paragraph_id: str
    paragraph_index: int
    speaker: str | None
    text: str
    language: str
    language_score: float
    n_words: int
    n_chars: int
    char_start: int
    char_end: int


@dataclass(frozen=True)
class QuoteRow:
    doc_id: str
    quote_id: str
    paragraph_id: str
    text: str
    attributed_to: str | None
    char_start: int
    char_end: int


@dataclass(frozen=True)
class RejectRow:
    source_path: str
    source_sha256: str | None
    source_size: int | None
    reason: str
    detail: str


@dataclass(frozen=True)
class DocumentRows:
    """Everything one document contributes to the tables."""

    document: DocumentRow
    sections: tuple[SectionRow, ...]
    paragraphs: tuple[ParagraphRow, ...]
    quotes: tuple[QuoteRow, ...]
