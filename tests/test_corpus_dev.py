"""More sets of fictional documents (tests/corpus_dev*/, 20 each, in layouts unlike
tests/corpus/), written with expectations by helpers who had not seen the pipeline's code.

Each was first measured blind, as a held-out set:
  corpus_dev:  title 0.74, author 0.75, occasion 0.61, date 0.85, doc_type 0.70, speakers 0.65
  corpus_dev2: title 0.61, author 0.75, occasion 1.00, date 0.85, doc_type 0.90, speakers 0.85
  corpus_dev3: title 0.50, author 0.60, occasion 0.85, date 0.75, doc_type 0.75, speakers 0.52
  corpus_dev4: title 0.29, author 0.65, occasion 0.92, date 0.65, doc_type 0.85, speakers 0.56
  corpus_dev5: title 0.67, author 0.71, occasion 0.92, date 0.83, doc_type 0.96, speakers 0.71
  corpus_dev6: title 0.58, author 0.92, occasion 0.79, date 0.92, doc_type 0.92, speakers 0.90
  corpus_dev7: title 0.67, author 0.83, occasion 0.96, date 0.96, doc_type 1.00, speakers 0.81
  corpus_dev8: title 0.79, author 0.88, occasion 0.92, date 1.00, doc_type 0.92, speakers 0.83
  corpus_dev9: title 0.88, author 0.96, occasion 1.00, date 0.92, doc_type 1.00, speakers 0.96 (24 documents)
  corpus_dev10: title 0.79, author 0.83, occasion 0.92, date 0.79, doc_type 0.92, speakers 0.83 (24 documents)
  corpus_dev11: title 0.92, author 0.92, occasion 0.92, date 0.92, doc_type 1.00, speakers 0.82 (24 documents)
  corpus_dev12: title 0.58, author 0.58, occasion 0.83, date 0.92, doc_type 0.75, speakers 0.47 (12 documents)
  corpus_dev13: title 0.67, author 0.75, occasion 0.50, date 0.75, doc_type 0.92, speakers 0.65 (12 documents)
  corpus_dev14: title 0.42, author 0.83, occasion 0.50, date 0.75, doc_type 0.75, speakers 0.59 (12 documents,
                measured after generalizing on dev12/13)
(dev12/13, written on 2026-12-07 with harder layouts, a hearing, a debate in captions, letters and
minutes in seven languages and legacy encodings, were measured after WebVTT support was added but
before any rule was changed for them.)
(dev5 was measured after the rules had been generalized on dev3/dev4, dev6 after dev5, and so on.)
Where a set's expectation contradicts ../shared/gold's conventions (corpus_dev3's pm/: a capitals
"X'S ADDRESS TO …" line is an occasion in gold/real, not a title; corpus_dev4's fr/ and un/ (since 2026-12-07: the cover's "President: Mr. Abenda (…)"): the chair
named "Présidence de M. …" is expected as "président"), gold wins and the document stays listed;
corpus_dev9's collected-works speech wants its title-page slogan out of documents.text, where the
header lines (slogan included, as in the seeds) are kept. corpus_dev10's two checks that no CR is
left were written as text_excludes (which compare normalized text, where "\r" is empty and always
"present"); they are text_excludes_re here, as the writer meant.
then used to generalize the rules; they are development sets now, not held-out ones. This test is a
floor against regression at the level reached, per field; documents still wrong are listed when it
runs (`pytest -s`)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
import test_corpus as tc

from pipeline.document import process_document
from pipeline.sources import read_source

HERE = Path(__file__).resolve().parent

# Reached on 2026-11-23; raise these as the rules improve, never lower them.
FLOORS = {
    "corpus_dev": {"title": 0.94, "author": 0.95, "occasion": 1.0, "date": 0.95, "doc_type": 0.95,
                   "language": 0.95, "speakers": 0.95, "paragraphs_include": 1.0},
    "corpus_dev2": {"title": 0.88, "author": 0.95, "occasion": 1.0, "date": 1.0, "doc_type": 1.0,
                    "language": 1.0, "speakers": 0.95, "paragraphs_include": 0.98},
    "corpus_dev3": {"title": 0.88, "author": 1.0, "occasion": 0.90, "date": 1.0, "doc_type": 1.0,
                    "language": 1.0, "speakers": 0.98, "paragraphs_include": 0.94},
    "corpus_dev4": {"title": 1.0, "author": 1.0, "occasion": 1.0, "date": 1.0, "doc_type": 0.95,
                    "language": 1.0, "speakers": 0.97, "paragraphs_include": 0.92},
    "corpus_dev5": {"title": 1.0, "author": 1.0, "occasion": 0.95, "date": 0.95, "doc_type": 1.0,
                    "language": 1.0, "speakers": 1.0, "paragraphs_include": 0.94},
    "corpus_dev6": {"title": 0.91, "author": 1.0, "occasion": 0.95, "date": 1.0, "doc_type": 0.91,
                    "language": 1.0, "speakers": 0.98, "paragraphs_include": 0.94},
    "corpus_dev7": {"title": 0.87, "author": 1.0, "occasion": 0.95, "date": 0.95, "doc_type": 1.0,
                    "language": 1.0, "speakers": 0.98, "paragraphs_include": 0.89},
    "corpus_dev8": {"title": 0.91, "author": 1.0, "occasion": 1.0, "date": 1.0, "doc_type": 1.0,
                    "language": 1.0, "speakers": 0.98, "paragraphs_include": 1.0},
    "corpus_dev11": {"title": 1.0, "author": 1.0, "occasion": 1.0, "date": 1.0, "doc_type": 1.0,
                     "language": 1.0, "speakers": 1.0, "paragraphs_include": 0.96},
    "corpus_dev10": {"title": 1.0, "author": 1.0, "occasion": 1.0, "date": 1.0, "doc_type": 1.0,
                     "language": 1.0, "speakers": 1.0, "paragraphs_include": 1.0},
    # Reached on 2026-12-07 (blind scores in the docstring).
    "corpus_dev12": {"title": 0.75, "author": 0.91, "occasion": 1.0, "date": 1.0, "doc_type": 1.0,
                     "language": 1.0, "speakers": 0.86, "paragraphs_include": 0.97},
    "corpus_dev13": {"title": 0.83, "author": 0.91, "occasion": 0.91, "date": 0.91, "doc_type": 1.0,
                     "language": 1.0, "speakers": 0.94, "paragraphs_include": 1.0},
    "corpus_dev14": {"title": 0.58, "author": 1.0, "occasion": 0.83, "date": 0.91, "doc_type": 0.83,
                     "language": 1.0, "speakers": 0.87, "paragraphs_include": 0.95},
    "corpus_dev9": {"title": 1.0, "author": 1.0, "occasion": 1.0, "date": 1.0, "doc_type": 1.0,
                    "language": 1.0, "speakers": 1.0, "paragraphs_include": 1.0},
}


@functools.cache
def _run_in(folder: str, path: str):
    try:
        return process_document(read_source(HERE / folder, path, tc.CONFIG.sources), tc.CONFIG)
    except Exception as exc:
        return exc


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_dev_corpus_scores_do_not_regress(folder: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected_all = json.loads((HERE / folder / "expected.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(tc, "run", lambda path: _run_in(folder, path))
    results = {path: tc.check_document(path, expected) for path, expected in expected_all.items()}
    summary = tc.summarize(results)
    print(tc.format_summary(summary))
    for path, checks in sorted(results.items()):
        for check in checks:
            if check.score < 1.0:
                print(f"  {path} | {check.field} | {check.detail}")
    floors = FLOORS[folder]
    below = {f: round(summary[f][0], 3) for f, floor in floors.items() if f in summary and summary[f][0] < floor - 1e-9}
    assert not below, f"{folder} below its floor: {below}"
