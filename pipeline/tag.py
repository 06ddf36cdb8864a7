"""Tagging: language (langdetect, seeded), dates (dateparser), counts.

langdetect is by far the slowest stage (about 0.13 MB/s), so it is never called on text whose
answer is already known: short paragraphs take their section's language, and sections are
detected on a bounded sample.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .config import TagConfig

UND = "und"


@dataclass(frozen=True)
class Language:
    code: str
    score: float


_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)


def count_words(text: str) -> int:
    """Words: runs of letters and digits; each Han or kana character counts as one word."""
    cjk = len(_CJK_CHAR.findall(text))
    rest = _CJK_CHAR.sub(" ", text) if cjk else text
    return cjk + len(_WORD.findall(rest))


@lru_cache(maxsize=1)
def _factory_ready(seed: int) -> bool:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = seed
    init_factory()
    return True


def _normalize_code(code: str) -> str:
    return code.split("-")[0].lower()


def _looks_like_language(text: str) -> bool:
    """False for OCR garbage, number tables and the like, where any answer would be a guess."""
    letters = _LETTER.findall(text)
    if len(letters) < 0.4 * max(1, len(text.strip())) or len(letters) < 3:
        return False
    words = _WORD.findall(text)
    if not words:
        return False
    if _CJK_CHAR.search(text) or any(ord(ch) > 0x2000 for ch in letters[:200]):
        return True  # scripts without Latin-style words: trust the detector
    # Latin/Cyrillic/Greek prose has most words of 2+ letters and vowels in nearly every word.
    vowels = set("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœаеёиоуыэюяіїєαεηιουω")
    long_words = [w for w in words if len(w) >= 2 and not w.isdigit()]
    if len(long_words) < 0.5 * len(words):
        return False
    voweled = sum(1 for w in long_words if any(c in vowels for c in w.lower()))
    return voweled >= 0.75 * len(long_words)


def detect_language(text: str, config: TagConfig) -> Language:
    """ISO 639-1 code and probability of `text`; `und` when there is no language to detect."""
    sample = text[: config.section_sample_chars]
    if not _looks_like_language(sample):
        return Language(UND, 0.0)
    _factory_ready(config.langdetect_seed)
    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = detector_factory._factory.create()  # type: ignore[union-attr]
        detector.append(sample)
        candidates = detector.get_probabilities()
    except LangDetectException:
        return Language(UND, 0.0)
    if not candidates:
        return Language(UND, 0.0)
    best = candidates[0]
    if best.prob < config.min_language_score:
        return Language(UND, round(float(best.prob), 4))
    return Language(_normalize_code(best.lang), round(float(best.prob), 4))


# ---- dates ----------------------------------------------------------------------------------

_MONTHISH = r"[^\W\d_]{3,12}\.?"
_DATE_CANDIDATES = re.compile(
    r"(?P<cjk>\d{4}\s*[年년]\s*\d{1,2}\s*[月월](?:\s*\d{1,2}\s*[日일])?)"
    r"|(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    r"|(?P<dmy>\b\d{1,2}(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?" + _MONTHISH + r",?\s*(?:de\s+|del\s+)?\d{4})"
    r"|(?P<mdy>\b" + _MONTHISH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
    r"|(?P<num>\b\d{1,2}\.\d{1,2}\.\d{4}\b)"
    r"|(?P<my>\b" + _MONTHISH + r",?\s+\d{4}\b)"
    r"|(?P<y>(?<![\d/.-])\b(?:1[5-9]|20)\d{2}\b(?![\d/.-]))",
    re.UNICODE,
)


@dataclass(frozen=True)
class ParsedDate:
    date: dt.date
    precision: str  # day, month, year
    text: str  # as written
    start: int
    end: int


@lru_cache(maxsize=4096)
def _parse_candidate(candidate: str, kind: str) -> tuple[dt.date, str] | None:
    if kind == "y":
        year = int(candidate)
        return dt.date(year, 1, 1), "year"
    import dateparser

    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", candidate)
    parsed = dateparser.parse(
        cleaned,
        settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False, "REQUIRE_PARTS": ["year"]},
    )
    if parsed is None:
        return None
    if kind in ("my",) or (kind == "cjk" and not re.search(r"[日일]", candidate)):
        return dt.date(parsed.year, parsed.month, 1), "month"
    return parsed.date(), "day"


def find_date(text: str, allow_year_only: bool = False) -> ParsedDate | None:
    """The first date written in `text` that a date parser accepts."""
    for match in _DATE_CANDIDATES.finditer(text):
        kind = match.lastgroup or ""
        if kind == "y" and not allow_year_only:
            continue
        candidate = match.group(0).strip()
        try:
            result = _parse_candidate(candidate, kind)
        except (ValueError, OverflowError):
            result = None
        if result is None:
            continue
        date, precision = result
        if not (1000 <= date.year <= 2100):
            continue
        return ParsedDate(date, precision, candidate, match.start(), match.end())
    return None


def is_date_line(line: str) -> ParsedDate | None:
    """A line that is a date, perhaps with a weekday, a place or a time, and little else."""
    text = line.strip().strip("*_()[]").strip()
    if not text or len(text) > 80:
        return None
    found = find_date(text, allow_year_only=True)
    if found is None:
        return None
    rest = (text[: found.start] + " " + text[found.end:]).strip(" ,.-–—()")
    rest_words = _WORD.findall(rest)
    if found.precision == "year" and len(rest_words) > 0 and not re.fullmatch(r"\(?\d{4}\)?", text):
        return None
    if len(rest_words) <= 4:
        return found
    return None


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
