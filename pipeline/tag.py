"""Tagging: language (langdetect, seeded), dates (dateparser), counts.

langdetect is by far the slowest stage (about 0.13 MB/s), so it is never called on text whose
answer is already known: short paragraphs take their section's language, and sections are
detected on a bounded sample.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .config import TagConfig

UND = "und"


@dataclass(frozen=True)
class Language:
    code: str
    score: float


_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_NON_LETTER = re.compile(r"[\W\d_]", re.UNICODE)
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")


def count_words(text: str) -> int:
    """Words: runs of letters and digits; each Han or kana character counts as one word. (The
    definition: documents are counted by `count_words_many`, held equal to it by property tests.)"""
    if text.isascii():
        return len(_ASCII_WORD.findall(text))  # the same words, without Unicode classes
    if not _CJK_CHAR.search(text):  # most non-ASCII text: no Han or kana to count one by one
        return len(_WORD.findall(text))
    cjk = len(_CJK_CHAR.findall(text))
    return cjk + len(_WORD.findall(_CJK_CHAR.sub(" ", text)))


# count_words_many's character classes, by code point: 1 a word character ([^\W_], str.isalnum),
# 2 a joiner inside a word (' ’ -), 3 a Han or kana character (one word each, and a word boundary).
_WORD_CLASS_ALNUM, _WORD_CLASS_JOINER, _WORD_CLASS_CJK = 1, 2, 3


@lru_cache(maxsize=1)
def _word_classes() -> Any:
    import numpy as np

    alnum = bytes(c.isalnum() for c in map(chr, range(0x110000)))
    classes = np.frombuffer(alnum, dtype=np.uint8).copy()  # 1 where alphanumeric, as re's [^\W_]
    classes[[ord("'"), ord("’"), ord("-")]] = _WORD_CLASS_JOINER
    for lo, hi in ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):  # _CJK_CHAR
        classes[lo : hi + 1] = _WORD_CLASS_CJK
    return classes


# Characters count_words_many looks at in one numpy pass: its arrays take ~10 bytes a character,
# so a document of any size costs at most ~10 MB more (a longer single paragraph goes alone).
WORD_COUNT_CHUNK_CHARS = 1_000_000


def count_words_many(texts: Sequence[str]) -> list[int]:
    """[count_words(t) for t in texts], computed in a vectorized pass over many texts at once.

    A word of count_words is a run of word characters, joined to the run before it by one joiner
    between two word characters; each Han or kana character is a word and splits words. So a
    text's count is the number of word characters that start a run and are not glued to one
    before them, plus its Han and kana characters. The texts are joined by newlines (a separator
    in every class) and counted together, up to WORD_COUNT_CHUNK_CHARS at a time: per paragraph,
    the regex costs ~5x more."""
    counts: list[int] = []
    chunk: list[str] = []
    size = 0
    for text in texts:
        if chunk and size + len(text) > WORD_COUNT_CHUNK_CHARS:
            counts += _count_words_joined(chunk)
            chunk, size = [], 0
        chunk.append(text)
        size += len(text) + 1
    return counts + _count_words_joined(chunk) if chunk else counts


def _count_words_joined(texts: list[str]) -> list[int]:
    import numpy as np

    joined = "\n".join(texts)
    classes = _word_classes()[np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)]
    alnum = classes == _WORD_CLASS_ALNUM
    counted = alnum.copy()
    counted[1:] &= ~alnum[:-1]  # a run's first character
    counted[2:] &= ~((classes[1:-1] == _WORD_CLASS_JOINER) & alnum[:-2])  # ... not glued to the run before
    counted |= classes == _WORD_CLASS_CJK
    positions = np.flatnonzero(counted)  # where each word starts, in order
    ends = np.cumsum([len(t) + 1 for t in texts]) - 1  # each text's end in `joined`
    starts = ends - np.array([len(t) for t in texts])
    found = np.searchsorted(positions, ends) - np.searchsorted(positions, starts)
    return found.tolist()  # type: ignore[no-any-return]


def _normalize_code(code: str) -> str:
    return code.split("-")[0].lower()


def _looks_like_language(text: str) -> bool:
    """False for OCR garbage, number tables and the like, where any answer would be a guess."""
    n_letters = len(text) - len(_NON_LETTER.findall(text))  # prose has fewer of these to list
    if n_letters < 0.4 * max(1, len(text.strip())) or n_letters < 3:
        return False
    words = _WORD.findall(text)
    if not words:
        return False
    first_letters = _LETTER.findall(text[:600])[:200]
    if len(first_letters) < 200 < n_letters:
        first_letters = _LETTER.findall(text)[:200]
    if _CJK_CHAR.search(text) or any(ord(ch) > 0x2000 for ch in first_letters):
        return True  # scripts without Latin-style words: trust the detector
    # Latin/Cyrillic/Greek prose has most words of 2+ letters and vowels in nearly every word.
    long_words = [w for w in words if len(w) >= 2 and not w.isdigit()]
    if len(long_words) < 0.5 * len(words):
        return False
    voweled = len(_VOWELED_WORD.findall(" ".join(long_words).lower()))  # words holding a vowel
    return voweled >= 0.75 * len(long_words)


# Lower-case vowels of the Latin, Cyrillic and Greek alphabets: prose words hold one, OCR noise and
# codes often not (segment.py tells a given name from a mangled title with them too).
VOWELS = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœāēīōūăąęėįųůőűаеёиоуыэюяіїєαεηιουω"
_VOWELED_WORD = re.compile(f"[^ ]*?[{VOWELS}][^ ]*")


def detect_language(text: str, config: TagConfig, limit: int | None = None) -> Language:
    """ISO 639-1 code and probability of `text` (its first `limit` characters, default the
    section sample size); `und` when there is no language to detect."""
    sample = text[: limit or config.section_sample_chars]
    return _detect_cached(sample, config.langdetect_seed, config.min_language_score)


@lru_cache(maxsize=8192)
def _detect_cached(sample: str, seed: int, min_score: float) -> Language:
    return _detect(sample, seed, min_score)


# Languages whose writing needs a script of their own: Korean text has Hangul, Japanese has kana.
_NEEDS_SCRIPT = {"ko": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"), "ja": re.compile(r"[\u3040-\u30ff]"),
                 "ru": re.compile(r"[\u0400-\u04ff]"), "uk": re.compile(r"[\u0400-\u04ff]"),
                 "bg": re.compile(r"[\u0400-\u04ff]"), "el": re.compile(r"[\u0370-\u03ff]"),
                 "zh-cn": re.compile(r"[\u3400-\u9fff]"), "zh-tw": re.compile(r"[\u3400-\u9fff]")}


def _script_consistent(candidates: list[Any], sample: str) -> tuple[str, float]:
    """langdetect's best answer whose script the text actually uses: it calls some Traditional
    Chinese 'ko' although the text has not one Hangul syllable."""
    possible = [c for c in candidates if (needed := _NEEDS_SCRIPT.get(c.lang)) is None or needed.search(sample)]
    if possible and possible[0] is candidates[0]:
        return candidates[0].lang, float(candidates[0].prob)
    if possible:
        # The probability of languages the text cannot be in goes to those it can.
        total = sum(float(c.prob) for c in possible)
        return possible[0].lang, float(possible[0].prob) / total
    if _NEEDS_SCRIPT["zh-cn"].search(sample):
        return "zh", 1.0  # Han, and no Hangul or kana: Chinese
    return candidates[0].lang, float(candidates[0].prob)


SHORT_PARAGRAPH = 200
EARLY_TRIALS = 3
EARLY_STOP_PROB = 0.995


def _detect(sample: str, seed: int, min_score: float) -> Language:
    if not _looks_like_language(sample):
        return Language(UND, 0.0)
    from langdetect.lang_detect_exception import LangDetectException

    from .langid import create

    try:
        # langdetect averages n_trial random walks drawn from one seeded sequence, so the first
        # EARLY_TRIALS walks are those of a full run. When they already agree beyond doubt, the
        # remaining walks cannot change the winner: stop there (about half the cost).
        detector = create(seed, EARLY_TRIALS, EARLY_STOP_PROB)
        detector.append(sample)
        candidates = detector.get_probabilities()
    except LangDetectException:
        return Language(UND, 0.0)
    if not candidates:
        return Language(UND, 0.0)
    lang, prob = _script_consistent(candidates, sample)
    if prob < min_score:
        return Language(UND, round(prob, 4))
    return Language(_normalize_code(lang), round(prob, 4))


# ---- paragraphs: langdetect only where the answer may differ from the section's ---------------

# Writing systems by code point spans, in the order a tie is decided.
_SCRIPT_SPANS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("hangul", ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F))),
    ("kana", ((0x3040, 0x30FF),)),
    ("han", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))),
    ("cyrillic", ((0x0400, 0x04FF),)),
    ("greek", ((0x0370, 0x03FF),)),
    ("arabic", ((0x0600, 0x06FF), (0x0750, 0x077F))),
    ("hebrew", ((0x0590, 0x05FF),)),
    ("devanagari", ((0x0900, 0x097F),)),
    ("thai", ((0x0E00, 0x0E7F),)),
    ("latin", ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F))),
)

# Frequent function words of the languages that share a script; a word common to two languages of
# the list is dropped from both, so every hit is evidence for one language. Enough to tell whether
# a paragraph is plausibly in its section's language without asking langdetect.
_STOPWORD_LISTS = {
    "en": "the of and to in is that it for was on are as with be by this have from not we our which were has been they "
          "their will would you he she his her had but all there what can more who its one should must these "
          "those because into than them only other people about us when my your any now very could most many",
    "fr": "le la les de des et est un une du que qui dans pour pas sur au avec ce il nous sont aux ont été cette mais leur "
          "vous ces plus tout très aussi être fait nos notre ils elle où sa son ses leurs se comme peut sans entre "
          "même doit faire donc depuis",
    "de": "der die das und ist nicht den von zu mit sich des auf für ein eine dem im wir auch es werden wird hat sind bei "
          "ich sie wie aber oder nur noch dass uns unsere einen einer eines diese dieser sehr kann haben wurde nach über "
          "schon hier heute was wenn muss zum zur durch gegen immer mehr",
    "es": "el la los las de que y en del se por un una con para es no al lo nuestro su sus como más pero fue "
          "esta estos han sido también hay todos todo nos entre sobre desde cuando muy ser hacer porque",
    "it": "il la di che e un una per non con del della le dei sono gli nel alla anche è più ha questo "
          "questa ci siamo essere delle degli nella sul tutti molto hanno stato nostro nostra perché",
    "pt": "o a os as de que e do da em um uma para com não no na dos se mais ao pela pelo também "
          "foi são isso esta muito nos nossa nosso seu sua ser há entre sobre já quando porque está é têm nós às",
    "nl": "de het een en van is dat op te in zijn met voor niet die aan er ook worden wordt bij "
          "ik wij hij zij maar naar nog deze kan om wat hebben heeft geen",
    "pl": "i w na z się nie do to że jest o jak ale po co tak za od przez być oraz "
          "jego które który która są tym może ich także dla już tylko",
    "sv": "och i att det som på är av för en med till den har inte om vi ett var "
          "jag de kan så men ska skulle också från vid eller",
    "da": "og i at det som på er af for en med til den har ikke om vi et var "
          "jeg de kan så men skal skulle også fra ved eller",
    "ro": "și în de la cu pe care nu este din o un pentru mai fost sunt "
          "să ca se sau acest această noi vom",
    "cs": "a v se na je že to s z do o k ve jsou by jako jeho které který která také pro jsme",
    "tr": "ve bir bu da de için ile olan çok gibi daha ne olarak en her kadar sonra",
    "id": "yang dan di dari ini itu dengan untuk tidak dalam akan pada kami kita adalah juga",
    "sw": "na ya wa kwa katika ni za la hii kama kuwa hiyo pia",
    "ru": "и в не на что с по это как а но он к из у за то же мы его все только она они был были уже бы или "
          "для нас наш наши так при также может будет чтобы который которые которая которых этого этом этой "
          "эти этих более всего всех всё ещё еще есть если когда очень должны нужно сегодня после своих свои "
          "своей чем через будут тоже где здесь сейчас потому можно до",
    "uk": "і в не на що з та це як до за у й він ми його від було які для також",
    "bg": "и в на да се не за от е с че по като са но това",
}
_ALL_WORDS: dict[str, int] = {}
for _words in _STOPWORD_LISTS.values():
    for _w in set(_words.split()):
        _ALL_WORDS[_w] = _ALL_WORDS.get(_w, 0) + 1
_STOPWORDS: dict[str, frozenset[str]] = {
    code: frozenset(w for w in words.split() if _ALL_WORDS[w] == 1) for code, words in _STOPWORD_LISTS.items()
}
# Each kept function word belongs to exactly one language; the text is split at spaces (a regex
# word split costs three times as much), so the word with the punctuation that most often follows
# or precedes it is looked up too.
_WORD_LANGUAGE: dict[str, str] = {
    variant: code
    for code, vocab in _STOPWORDS.items()
    for w in vocab
    for variant in (w, w + ",", w + ".", w + ";", w + ":", "(" + w, "«" + w, "„" + w, "“" + w, '"' + w)
}


# Scripts that (in practice) one language of langdetect's writes: the script settles the question.
_KANA = re.compile(r"[\u3040-\u30ff]")
_SCRIPT_LANGUAGE = {"hangul": "ko", "kana": "ja", "thai": "th", "greek": "el", "hebrew": "he"}


def spread_sample(text: str, size: int) -> str:
    """Up to `size` characters from the beginning, middle and end of `text`: a document's first
    page (a list of names, a table of contents) is a poor sample of its language."""
    if len(text) <= size:
        return text
    third = size // 3
    middle = len(text) // 2 - third // 2
    return "\n".join((text[:third], text[middle:middle + third], text[-third:]))


# Anything outside Latin letters, general punctuation and symbols.
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


# Every character of the ranges above mapped to one private-use character per script (checked in
# the order of _SCRIPT_SPANS, so the first listed wins a tie), the private-use characters
# themselves to a space: one translate and ten counts instead of ten regex scans.
_SCRIPT_MARKS = {name: chr(0xE000 + i) for i, (name, _) in enumerate(_SCRIPT_SPANS)}
_SCRIPT_TABLE: dict[int, str] = {0xE000 + i: " " for i in range(len(_SCRIPT_SPANS))}
for _name, _spans in _SCRIPT_SPANS:
    for _lo, _hi in _spans:
        _SCRIPT_TABLE.update(dict.fromkeys(range(_lo, _hi + 1), _SCRIPT_MARKS[_name]))


def script_of(text: str) -> str:
    """The writing system most letters of `text` belong to."""
    sample = text[:600]
    if sample.isascii() or not _BEYOND_LATIN.search(sample):  # most text: no need to count ten scripts
        return "latin" if _LATIN_LETTER.search(sample) else "none"
    marked = sample.translate(_SCRIPT_TABLE)
    best, most = "none", 0
    for name, mark in _SCRIPT_MARKS.items():
        count = marked.count(mark)
        if count > most:
            best, most = name, count
    return best


# Characters of a paragraph whose function words are counted: enough for dozens of them.
STOPWORD_SAMPLE = 800


def _stopword_guess(text: str) -> tuple[str | None, int, int]:
    """(best language, its hits, the runner-up's hits) by function words."""
    found = list(filter(None, map(_WORD_LANGUAGE.get, text[:STOPWORD_SAMPLE].lower().split())))  # in C
    if not found:
        return None, 0, 0
    ranked = sorted(((found.count(code), code) for code in set(found)), reverse=True)
    best_hits, best = ranked[0]
    return best, best_hits, ranked[1][0] if len(ranked) > 1 else 0


def paragraph_language(paragraph: str, section: Language, section_script: str, config: TagConfig,
                       limit: int = 2_000) -> Language:
    """A paragraph's (or a section's) language: its container's when cheap signals agree (same
    script; the container's language clearly leads the function-word count), else langdetect on
    the text itself (its first `limit` characters)."""
    if len(paragraph) < config.min_paragraph_chars:
        return section
    if section.code != UND and script_of(paragraph) == section_script:
        if _SCRIPT_LANGUAGE.get(section_script) == section.code:
            return section
        if section_script == "han" and section.code == "zh" and not _KANA.search(paragraph):
            return section
        if section.code in _STOPWORDS:
            best, hits, second = _stopword_guess(paragraph)
            if best == section.code and hits >= 2 and hits >= 3 * second:
                return section
            if len(paragraph) < SHORT_PARAGRAPH and best in (section.code, None) and second == 0:
                return section  # a short line with no evidence of another language
    return detect_language(paragraph, config, limit=limit)


# ---- dates ----------------------------------------------------------------------------------

_MONTHISH = r"[^\W\d_]{3,12}\.?"
_DATE_CANDIDATES = re.compile(
    r"(?P<cjk>\d{4}\s*[年년]\s*\d{1,2}\s*[月월](?:\s*\d{1,2}\s*[日일])?)"
    r"|(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    r"|(?P<dmy>\b\d{1,2}(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?" + _MONTHISH + r",?\s*(?:de\s+|del\s+)?\d{4})"
    r"|(?P<mdy>\b" + _MONTHISH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
    r"|(?P<num>\b\d{1,2}\.\d{1,2}\.\d{4}\b)"
    r"|(?P<slash>(?<![\d/])\b\d{1,2}/\d{1,2}/\d{4}\b(?!/))"
    r"|(?P<ymd>\b(?:1[6-9]|20)\d\d[./]\d{1,2}[./]\d{1,2}\b)"
    r"|(?P<my>\b" + _MONTHISH + r",?\s+\d{4}\b)"
    r"|(?P<y>(?<![\d/.-])\b(?:1[5-9]|20)\d{2}\b(?![\d/.-]))",
    re.UNICODE,
)


_DIGIT = re.compile(r"\d")
_JUCHE = re.compile(r"(?:주체|Juche)\s*\d{1,3}\s*\((\d{4})\)", re.IGNORECASE)


# Brackets, emphasis marks and dashes a date line is set in: "*June 6, 1993*", "（2015年3月5日）".
_DATE_FRAME = re.compile(r"^[\s*_()\[\]（）【】—–―-]+|[\s*_()\[\]（）【】—–―-]+$")

_ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_JAPANESE_ERA = re.compile(r"(明治|大正|昭和|平成|令和)(\d{1,2}|元)年")


# "二〇一六年九月三日": a date in Chinese numerals.
_CJK_NUMERAL_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?")
_CJK_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _cjk_number(text: str) -> int:
    """一 … 九十九 (十 = 10, 十二 = 12, 二十三 = 23)."""
    if "十" not in text:
        return int("".join(str(_CJK_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CJK_DIGITS[tens] if tens else 1) * 10 + (_CJK_DIGITS[ones] if ones else 0)


def _numeral_date(match: re.Match[str]) -> str:
    year = "".join(str(_CJK_DIGITS[c]) for c in match.group(1))
    day = f"{_cjk_number(match.group(3))}日" if match.group(3) else ""
    return f"{year}年{_cjk_number(match.group(2))}月{day}".ljust(len(match.group(0)))  # keep offsets


def _era_year(match: re.Match[str]) -> str:
    number = 1 if match.group(2) == "元" else int(match.group(2))
    year = str(_ERAS[match.group(1)] + number) + "年"
    return year.rjust(len(match.group(0)))  # keep offsets: the same length as the original


@dataclass(frozen=True)
class ParsedDate:
    date: dt.date
    precision: str  # day, month, year
    text: str  # as written
    start: int
    end: int


@lru_cache(maxsize=4)
def _date_parser(languages: tuple[str, ...]) -> object:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(languages),
        settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False, "REQUIRE_PARTS": ["year"]},
    )


@lru_cache(maxsize=4)
def _month_languages(languages: tuple[str, ...]) -> dict[str, set[str]]:
    """Month name (casefolded, without a full stop) -> the languages of `languages` that write it."""
    from dateparser.languages import default_loader

    months: dict[str, set[str]] = {}
    names = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")
    for lang in languages:
        info = default_loader.get_locale(lang).info
        for name in names:
            for word in info.get(name, []):
                months.setdefault(word.casefold().rstrip("."), set()).add(lang)
    return months


@lru_cache(maxsize=4096)
def _parse_candidate(candidate: str, kind: str, languages: tuple[str, ...] = TagConfig().date_languages) -> tuple[dt.date, str] | None:
    if kind == "y":
        return dt.date(int(candidate), 1, 1), "year"
    if kind == "num":
        # Dotted numeric dates are day.month.year wherever they are written (de, ru, pl, cs, …).
        day, month, year = (int(x) for x in candidate.split("."))
        try:
            return dt.date(year, month, day), "day"
        except ValueError:
            return None
    if kind == "ymd":
        # "2016.4.21", "2019/03/12": year first is year-month-day everywhere it is written.
        year, month, day = (int(x) for x in re.split(r"[./]", candidate))
        try:
            return dt.date(year, month, day), "day"
        except ValueError:
            return None
    if kind == "slash":
        # 23/05/2016 is day/month, 05/23/2016 month/day; 05/06/2016 could be either: no date.
        a, b, year = (int(x) for x in candidate.split("/"))
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        else:
            return None
        try:
            return dt.date(year, month, day), "day"
        except ValueError:
            return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", candidate)
    data = _date_parser(languages).get_date_data(cleaned)  # type: ignore[attr-defined]
    if data.date_obj is not None and data.date_obj.tzinfo is not None:
        # A date written as a day, a month and a year holds no time zone: the locale that read one
        # read a month name as a zone ("12 Mart 2015": Turkish March, to English Marquesas Time).
        # Ask only the languages in which one of the words is a month.
        words = {w.casefold().rstrip(".") for w in re.findall(r"[^\W\d_]+\.?", cleaned)}
        months = _month_languages(languages)
        speaking = tuple(lang for lang in languages if any(lang in months.get(w, ()) for w in words))
        data = _date_parser(speaking).get_date_data(cleaned) if speaking else None  # type: ignore[attr-defined]
    if data is None or data.date_obj is None or data.date_obj.tzinfo is not None:
        return None
    parsed = data.date_obj
    if data.period == "year":
        return dt.date(parsed.year, 1, 1), "year"
    if data.period == "month" or kind == "my" or (kind == "cjk" and not re.search(r"[日일]", candidate)):
        return dt.date(parsed.year, parsed.month, 1), "month"
    return parsed.date(), "day"


def find_date(text: str, allow_year_only: bool = False) -> ParsedDate | None:
    """The first date written in `text` that a date parser accepts."""
    if "年" in text:
        text = _CJK_NUMERAL_DATE.sub(_numeral_date, text)
    if not _DIGIT.search(text):
        return None
    # Juche-era years give the common-era year in parentheses: "주체91(2002)년", "Juche 102 (2013)";
    # Japanese era years are counted from the era's start: "平成27年" is 2015.
    # (right-aligned, so "Juche 105 (2016).4.21." reads as "2016.4.21.")
    text = _JUCHE.sub(lambda m: " " * (len(m.group(0)) - len(m.group(1))) + m.group(1), text)
    text = _JAPANESE_ERA.sub(_era_year, text)
    for match in _DATE_CANDIDATES.finditer(text):
        kind = match.lastgroup or ""
        if kind == "y" and not allow_year_only:
            continue
        candidate = match.group(0).strip()
        try:
            result = _parse_candidate(candidate, kind)
        except (ValueError, OverflowError):
            result = None
        if result is None and allow_year_only and kind in ("my", "dmy", "mdy"):
            # "Ostrel, 1962" looked like a month and a year; the year alone still stands.
            year = _YEAR_IN.search(candidate)
            if year is not None:
                start = match.start() + match.group(0).index(year.group(0))
                return ParsedDate(dt.date(int(year.group(0)), 1, 1), "year", year.group(0), start, start + 4)
        if result is None:
            continue
        date, precision = result
        if not (1000 <= date.year <= 2100):
            continue
        return ParsedDate(date, precision, candidate, match.start(), match.end())
    return None


# ---- a day and month with no year, dated by the anniversary the text counts ------------------

# Weekday names by language, Monday first (segment.py finds weekdays in headers with them too), and
# month names, January first, for the languages whose dates `infer_weekday_date` reads.
WEEKDAYS: dict[str, tuple[str, ...]] = {lang: tuple(names.split()) for lang, names in {
    "en": "monday tuesday wednesday thursday friday saturday sunday",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "ru": "понедельник вторник среда четверг пятница суббота воскресенье",
}.items()}
_MONTHS: dict[str, tuple[str, ...]] = {lang: tuple(names.split()) for lang, names in {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}.items()}
_CALENDAR_NAMES = {lang: (WEEKDAYS[lang], months) for lang, months in _MONTHS.items()}
_WEEKDAY_OF = {name: i for days, _ in _CALENDAR_NAMES.values() for i, name in enumerate(days)}
_MONTH_OF = {name: i + 1 for _, months in _CALENDAR_NAMES.values() for i, name in enumerate(months)}
_WEEKDAY_NAMES = "|".join(sorted(_WEEKDAY_OF, key=len, reverse=True))
_MONTH_NAMES = "|".join(sorted(_MONTH_OF, key=len, reverse=True))
# "Sunday 7 October", "Sunday, the 7th of October", "Sunday, October 7th", "dimanche 7 octobre",
# "Sonntag, den 7. Oktober", "domingo 7 de octubre" — and no year right after it.
_WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_NAMES}),?\s+(?:(?:the|den|le|el)\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?(?P<m1>{_MONTH_NAMES})"
    rf"|(?P<m2>{_MONTH_NAMES})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b"
    r"(?!,?\s*(?:de\s+|del\s+)?\d{4})",
    re.IGNORECASE,
)
# "founded 62 years ago", "the 60th anniversary of", "il y a 62 ans", "vor 62 Jahren", "hace 62 años",
# "62 anni fa", "há 62 anos", "62º aniversário".
_YEARS_SINCE = re.compile(
    r"\b(\d{1,3})\s+years\s+ago\b|\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\b|\bil\s+y\s+a\s+(\d{1,3})\s+ans\b"
    r"|\b(\d{1,3})(?:e|ème|eme)\s+anniversaire\b|\bvor\s+(\d{1,3})\s+Jahren\b|\b(\d{1,3})\.\s+(?:Jahrestag|Jubiläum)"
    r"|\bhace\s+(\d{1,3})\s+años\b|\b(\d{1,3})\s?[º°o]?\s+anivers[aá]rio\b|\b(\d{1,3})\s+anni\s+fa\b"
    r"|\b(\d{1,3})\s?[º°o]?\s+anniversario\b|\bhá\s+(\d{1,3})\s+anos\b",
    re.IGNORECASE,
)
# A year as _YEAR_IN reads one, except that it may end a sentence ("… on 10 October 1945.").
_FOUR_DIGIT_YEAR = re.compile(r"(?<![\d/.-])(?:1[5-9]|20)\d\d(?![\d/])")
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\d\.)\s+")  # not after "1." (German ordinals: "am 1. Mai")


def infer_weekday_date(text: str, opening: int = 1500) -> ParsedDate | None:
    """A date written as a weekday, a day and a month with no year ("On Sunday 7 October the
    Friends of Korea held …"), in the first `opening` characters of `text`, dated by an anniversary
    the text counts in one sentence ("founded 62 years ago … on 10 October 1945": 2007). The year
    is taken only when that day of that year is that weekday and no other counted year fits: a
    weekday matches a wrong year one time in seven, so a single consistent year is strong
    evidence, and two are none."""
    match = _WEEKDAY_DATE.search(text[:opening])
    if match is None:
        return None
    weekday = _WEEKDAY_OF[match.group("wd").lower()]
    day = int(match.group("d1") or match.group("d2"))
    month = _MONTH_OF[(match.group("m1") or match.group("m2")).lower()]
    fits: set[int] = set()
    for sentence in _SENTENCE_END.split(text):
        if not _YEARS_SINCE.search(sentence):
            continue
        years = [int(y.group(0)) for y in _FOUR_DIGIT_YEAR.finditer(sentence)]
        for since in _YEARS_SINCE.finditer(sentence):
            count = int(next(g for g in since.groups() if g))
            for year in years:
                candidate = year + count
                try:
                    if count and candidate <= 2100 and dt.date(candidate, month, day).weekday() == weekday:
                        fits.add(candidate)
                except ValueError:  # 29 February of a common year, 31 April
                    continue
    if len(fits) != 1:
        return None
    return ParsedDate(dt.date(fits.pop(), month, day), "day", match.group(0), match.start(), match.end())


_YEAR_IN = re.compile(r"(?<![\d/.-])\b(?:1[5-9]|20)\d{2}\b(?![\d/.-])")
_SHORT_YEAR_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})(?:\s+\d{1,2}:\d{2})?$")
# "Ostrel, 1962": a place, then the year alone.
_PLACE_YEAR = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][\w'’.\-]*(?:\s[A-ZÀ-ÞА-ЯЁ][\w'’.\-]*){0,2},\s*(?:1[5-9]|20)\d\d\.?$")


def is_date_line(line: str) -> ParsedDate | None:
    """A line that is a date, perhaps with a weekday, a place or a time, and little else."""
    if len(line) > 400 or not (_DIGIT.search(line) or ("年" in line and _CJK_NUMERAL_DATE.search(line))):
        return None  # the common case, decided without the regex work below
    text = _DATE_FRAME.sub("", line).strip()
    if not text or len(text) > 80:
        return None
    short = _SHORT_YEAR_DATE.match(text)
    if short:
        # "17.10.96 14:05": a wire service's day.month.two-digit-year stamp
        day, month, year = short.groups()
        century = 1900 if int(year) > (dt.date.today().year % 100) + 1 else 2000
        return find_date(f"{day}.{month}.{century + int(year)}")
    found = find_date(text, allow_year_only=True)
    if found is None:
        return None
    rest = (text[: found.start] + " " + text[found.end:]).strip(" ,.-–—()")
    rest_words = [w for w in _WORD.findall(rest) if not w.isdigit()]  # a time of day is not words
    if found.precision == "year" and len(rest_words) > 0 and not re.fullmatch(r"\(?\d{4}\)?", text) \
            and not _PLACE_YEAR.match(text):
        return None
    if len(rest_words) <= 4:
        return found
    # "San Miguel del Monte, Tamaya, 3 de octubre de 2016": a place of several words, then the date.
    place = text[: found.start].rstrip(" ,")
    if found.precision == "day" and not text[found.end:].strip(" .") and len(rest_words) <= 7 \
            and "," in text[: found.start] and all(w[:1].isupper() or len(w) <= 3 for w in _WORD.findall(place)):
        return found
    return None
