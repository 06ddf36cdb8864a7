"""A hand-written corpus of small fictional documents (tests/corpus), checked field by field.

Each file under tests/corpus/ is run through `process_document` and compared with what a careful
editor says it should give (tests/corpus/expected.json, written by hand before the pipeline was run;
conventions: ../shared/spec/OUTPUT_CONTRACT.md and ../shared/gold/README.md). Texts compare the way
the shared scorer's `norm` does: case, quote style, dashes and spacing ignored.

Expectation fields (all optional; `null` means the pipeline must give null):
- `title`, `author`, `occasion`, `date` (ISO), `date_precision`, `doc_type`, `language`: documents row.
- `encoding`: a codec name, or a list of acceptable ones (compared by Python's canonical codec name).
- `fixes_include`: names that must be among `documents.fixes`.
- `speakers`: the set of section speakers (scored as F1; an empty list means no section has a speaker).
- `affiliations`: speaker -> affiliation of that speaker's first section.
- `section_kinds`: the set of section kinds.
- `headings`: the section headings in order (numbering ignored).
- `paragraphs_include`: reflowed texts that must each be a paragraph row.
- `text_excludes`: strings that must not occur in `documents.text`; `text_excludes_re`: regexes likewise
  (on the text as it is); `text_max_counts`: string -> most times it may occur in `documents.text`.

`test_corpus_document[...]` is one case per document and reports every wrong field;
`test_corpus_scores` prints the share right per field and holds the corpus to the quality bar.
"""

from __future__ import annotations

import codecs
import difflib
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import score_corpus_module

from pipeline.config import Config
from pipeline.document import process_document
from pipeline.records import DocumentRows
from pipeline.sources import read_source

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CONFIG = Config()

META_FIELDS = ("title", "author", "occasion", "date", "date_precision", "doc_type", "language")
CHECK_FIELDS = (*META_FIELDS, "encoding", "fixes_include", "speakers", "affiliations", "section_kinds",
                "headings", "paragraphs_include", "text_excludes", "text_excludes_re", "text_max_counts")
# The quality bar on unseen documents: share right per metadata field, mean speaker-set F1.
MINIMUM = {"title": 0.85, "author": 0.85, "occasion": 0.85, "date": 0.85, "doc_type": 0.85, "language": 0.85,
           "speakers": 0.8}
MIN_BYTES, MAX_BYTES = 600, 4000

# ---- comparison: exactly as the shared scorer does it (its copy in tests/fixtures/tools) ---------

_SCORER = score_corpus_module()
norm = _SCORER.norm
norm_heading = _SCORER.norm_heading
norm_speaker = _SCORER.norm_speaker


def codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


def short(value: Any, limit: int = 90) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


# ---- running and checking one document ------------------------------------------------------------


@functools.cache
def run(path: str) -> DocumentRows | Exception:
    """The rows of one corpus file, or the exception processing it raised (computed once per session)."""
    try:
        return process_document(read_source(CORPUS, path, CONFIG.sources), CONFIG)
    except Exception as exc:  # reported as a mismatch of every field
        return exc


@dataclass(frozen=True)
class Check:
    field: str
    score: float  # 1.0 right, 0.0 wrong; a share for list fields, F1 for speakers
    detail: str = ""  # what was expected and what came, when not right


def _scalar(field: str, expected: Any, actual: Any) -> Check:
    same = norm_speaker if field == "author" else norm
    if field == "date_precision":
        ok = expected == actual
    else:
        ok = same(expected) == same(actual)
    return Check(field, float(ok), "" if ok else f"expected {short(expected)}, got {short(actual)}")


def _closest(text: str, candidates: list[str]) -> str:
    best = difflib.get_close_matches(norm(text) or "", [norm(c) or "" for c in candidates], n=1, cutoff=0.0)
    return best[0] if best else "(no paragraphs)"


def check_document(path: str, expected: dict[str, Any]) -> list[Check]:
    """One Check per expectation field present for the document."""
    fields = [f for f in CHECK_FIELDS if f in expected]
    rows = run(path)
    if isinstance(rows, Exception):
        return [Check(f, 0.0, f"process_document raised {type(rows).__name__}: {rows}") for f in fields]
    doc, sections, paragraphs = rows.document, rows.sections, rows.paragraphs
    text_norm = norm(doc.text) or ""
    para_norms = {norm(p.text) for p in paragraphs}
    checks: list[Check] = []
    for field in fields:
        want = expected[field]
        if field in META_FIELDS:
            checks.append(_scalar(field, want, getattr(doc, field)))
        elif field == "encoding":
            accepted = [want] if isinstance(want, str) else list(want)
            ok = codec_name(doc.encoding) in {codec_name(e) for e in accepted}
            checks.append(Check(field, float(ok), "" if ok else f"expected {accepted}, got {doc.encoding!r}"))
        elif field == "fixes_include":
            missing = [f for f in want if f not in doc.fixes]
            checks.append(Check(field, float(not missing),
                                f"missing {missing}; fixes were {list(doc.fixes)}" if missing else ""))
        elif field == "speakers":
            exp = {norm_speaker(s) for s in want}
            got = {norm_speaker(s.speaker) for s in sections if s.speaker}
            hits = len(exp & got)
            if not exp and not got:
                f1 = 1.0
            elif hits:
                precision, recall = hits / len(got), hits / len(exp)
                f1 = 2 * precision * recall / (precision + recall)
            else:
                f1 = 0.0
            detail = "" if exp == got else f"missing {sorted(exp - got)}, unexpected {sorted(got - exp)}"
            checks.append(Check(field, f1, detail))
        elif field == "affiliations":
            wrong = []
            for name, affiliation in want.items():
                first = next((s for s in sections if norm_speaker(s.speaker) == norm_speaker(name)), None)
                actual = first.affiliation if first else "(no section by this speaker)"
                if first is None or norm_speaker(actual) != norm_speaker(affiliation):
                    wrong.append(f"{name}: expected {short(affiliation)}, got {short(actual)}")
            checks.append(Check(field, 1 - len(wrong) / max(1, len(want)), "; ".join(wrong)))
        elif field == "section_kinds":
            got_kinds = sorted({s.kind for s in sections})
            ok = set(want) == set(got_kinds)
            checks.append(Check(field, float(ok), "" if ok else f"expected {sorted(want)}, got {got_kinds}"))
        elif field == "headings":
            exp_h = [norm_heading(h) for h in want]
            got_h = [norm_heading(s.heading) for s in sections if s.heading]
            ok = exp_h == got_h
            checks.append(Check(field, float(ok), "" if ok else f"expected {exp_h}, got {got_h}"))
        elif field == "paragraphs_include":
            missing = [p for p in want if norm(p) not in para_norms]
            detail = "; ".join(f"missing {short(p, 70)} (closest: {short(_closest(p, [q.text for q in paragraphs]), 70)})"
                               for p in missing)
            checks.append(Check(field, 1 - len(missing) / max(1, len(want)), detail))
        elif field == "text_excludes":
            found = [s for s in want if (norm(s) or "") in text_norm]
            checks.append(Check(field, 1 - len(found) / max(1, len(want)),
                                f"present in documents.text: {found}" if found else ""))
        elif field == "text_excludes_re":
            found = [p for p in want if re.search(p, doc.text)]
            checks.append(Check(field, 1 - len(found) / max(1, len(want)),
                                f"matched in documents.text: {found}" if found else ""))
        elif field == "text_max_counts":
            over = {s: text_norm.count(norm(s) or "") for s, n in want.items() if text_norm.count(norm(s) or "") > n}
            checks.append(Check(field, 1 - len(over) / max(1, len(want)),
                                f"too many occurrences (allowed {want}): {over}" if over else ""))
    return checks


def summarize(results: dict[str, list[Check]]) -> dict[str, tuple[float, int]]:
    """Field -> (mean score over the documents that have it, number of those documents)."""
    scores: dict[str, list[float]] = {}
    for checks in results.values():
        for check in checks:
            scores.setdefault(check.field, []).append(check.score)
    return {f: (sum(scores[f]) / len(scores[f]), len(scores[f])) for f in CHECK_FIELDS if f in scores}


def format_summary(summary: dict[str, tuple[float, int]]) -> str:
    lines = ["corpus summary (share right per field; speakers = mean speaker-set F1):"]
    lines += [f"  {field:<20} {value:6.3f}  ({n} docs)" for field, (value, n) in summary.items()]
    return "\n".join(lines)


# ---- tests ------------------------------------------------------------------------------------------


def test_corpus_files_have_expectations() -> None:
    files = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*")
                   if p.is_file() and p.name != "expected.json")
    assert files == sorted(EXPECTED), f"files without expectations or expectations without files: {set(files) ^ set(EXPECTED)}"
    sizes = {f: (CORPUS / f).stat().st_size for f in files}
    assert all(MIN_BYTES <= s <= MAX_BYTES for s in sizes.values()), {f: s for f, s in sizes.items()
                                                                      if not MIN_BYTES <= s <= MAX_BYTES}


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_corpus_document(path: str) -> None:
    checks = check_document(path, EXPECTED[path])
    wrong = [c for c in checks if c.score < 1.0]
    report = "\n".join(f"  {c.field}: {c.detail}" for c in wrong)
    assert not wrong, f"{path} ({EXPECTED[path].get('format', '')}): {len(wrong)} of {len(checks)} fields wrong\n{report}"


def test_corpus_scores() -> None:
    results = {path: check_document(path, expected) for path, expected in sorted(EXPECTED.items())}
    summary = summarize(results)
    text = format_summary(summary)
    print("\n" + text)
    below = {f: round(summary[f][0], 3) for f, minimum in MINIMUM.items() if summary.get(f, (0.0, 0))[0] < minimum}
    wrong = {f: [p for p, checks in results.items() for c in checks if c.field == f and c.score < 1.0] for f in below}
    assert not below, f"below the quality bar {MINIMUM}: {below}\nwrong documents: {wrong}\n{text}"
