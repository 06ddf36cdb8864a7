"""No prose is lost between cleaning and the rows.

Cleaning removes what is not the document (page furniture, markup, web chrome); after that, the
header parser may leave out a letterhead or a masthead, and the segmenter joins the halves of
sentences that page breaks cut. None of that may drop a piece of running prose: a line of the
cleaned text that opens in lower case (a sentence going on) must reach the rows. Checked on every
document of the hand-written corpora, the sample corpus in raw/, and ../shared/corpus/real when it
is there. (It caught a middle line of a double-spaced PDF sentence taken for a running head.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.clean import clean_document
from pipeline.config import Config
from pipeline.document import decode_bytes, process_document
from pipeline.errors import PipelineError
from pipeline.sources import read_source

HERE = Path(__file__).resolve().parent
ROOTS = [HERE / "corpus", *sorted(HERE.glob("corpus_dev*")), HERE.parent / "raw"]
REAL = HERE.parent.parent / "shared" / "corpus" / "real"
CONFIG = Config()
_WORD = re.compile(r"\w+")


def _documents(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and p.name not in ("expected.json", "MANIFEST.tsv") and not p.name.startswith("."))


def _lost_prose(root: Path) -> list[str]:
    lost: list[str] = []
    for rel in _documents(root):
        try:
            raw = read_source(str(root), rel, CONFIG.sources)
            rows = process_document(raw, CONFIG)
            cleaned = clean_document(decode_bytes(raw), CONFIG.clean)
        except PipelineError:
            continue  # a reject: it lands in rejects with its reason, which other tests check
        kept = {w.casefold() for w in _WORD.findall(rows.document.text)}
        for block in cleaned.blocks:
            for line in block.lines:
                words = [w.casefold() for w in _WORD.findall(line)]
                if len(words) >= 3 and line.lstrip()[:1].islower() and \
                        sum(w not in kept for w in words) >= len(words) / 2:
                    lost.append(f"{rel}: {line[:100]}")
    return lost


@pytest.mark.parametrize("root", ROOTS, ids=lambda p: p.name)
def test_no_running_prose_is_lost(root: Path) -> None:
    assert _lost_prose(root) == []


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real is not beside the repository")
def test_no_running_prose_is_lost_in_the_real_corpus() -> None:
    assert _lost_prose(REAL) == []
