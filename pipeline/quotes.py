"""Attributed quotations: quoted words and the person the text says spoke or wrote them.

A quotation is kept only when the text attributes it ("…" he declared; "…" Stalin said;
X told them that "…"; as Lenin wrote, "…"); scare quotes and titles are not quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import HONORIFICS, NAME_STOP

_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("\"", "\""), ("「", "」"), ("『", "』"), ("‘", "’"))
_QUOTE = re.compile(
    "|".join(f"{re.escape(o)}(?P<q{i}>[^{re.escape(o)}{re.escape(c)}]{{8,}}?){re.escape(c)}" for i, (o, c) in enumerate(_PAIRS))
)
_VERBS = (
    r"said|says|declared|declares|stated|states|told|tells|wrote|writes|noted|notes|stressed|stresses|"
    r"emphasi[sz]ed|emphasi[sz]es|added|adds|pointed out|points out|remarked|asked|replied|answered|"
    r"explained|insisted|warned|urged|announced|proclaimed|argued|observed|recalled|affirmed|"
    r"concluded|exclaimed|continued|put it|assured|underlined|taught|teaches|instructed|"
    r"sagte|erklärte|betonte|dit|a dit|déclaré|a déclaré|dijo|afirmó|declaró|disse|ha detto|"
    r"сказал|заявил|отметил|подчеркнул|писал"
)
_NAME = r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]*\.?)(?:\s+(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]*\.?|de|van|von|der|bin|al|ibn|la|le)){0,3}"
_PRONOUN = r"(?:he|she|they|il|elle|er|sie|él|ella|ele|ela|он|она)"
_AFTER = re.compile(
    rf"^\s*[,—–-]?\s*(?:(?P<pron>{_PRONOUN})\s+(?:{_VERBS})\b|(?P<name>{_NAME})\s+(?:{_VERBS})\b|(?:{_VERBS})\s+(?P<name2>{_NAME}))",
)
_BEFORE = re.compile(rf"(?P<name>{_NAME})\s+(?:(?:has|had|once|also|then|later)\s+)?(?:{_VERBS})\b")
_AS_SAID = re.compile(rf"\b(?:as|wie|comme|como|как)\s+(?P<name>{_NAME})\s+(?:{_VERBS})\b", re.IGNORECASE)
_BY = re.compile(rf"\bby\s+(?P<name>{_NAME})")
_NOT_NAMES = {"i", "we", "he", "she", "it", "they", "you", "this", "that", "there", "these", "those", "but", "and",
              "as", "when", "if", "then", "so", "yet", "our", "his", "her", "their", "its", "my", "your"}


@dataclass(frozen=True)
class Quote:
    text: str
    start: int  # offsets within the paragraph
    end: int
    attributed_to: str


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    tokens = name.split()
    while tokens and (tokens[0].casefold().strip(".") in _NOT_NAMES or tokens[0].casefold() in HONORIFICS
                      or tokens[0].casefold() in NAME_STOP):
        tokens.pop(0)
    while tokens and (tokens[-1].casefold() in NAME_STOP or tokens[-1].casefold() in _NOT_NAMES):
        tokens.pop()
    if not tokens:
        return None
    return " ".join(tokens).strip(" .,")


def _last_mention(context: str) -> str | None:
    """The person most recently named as speaking or writing in `context`."""
    best: tuple[int, str] | None = None
    for pattern in (_BEFORE, _BY, _AS_SAID):
        for match in pattern.finditer(context):
            name = _clean_name(match.group("name"))
            if name and (best is None or match.start() > best[0]):
                best = (match.start(), name)
    return best[1] if best else None


def find_quotes(paragraph: str, context: str) -> list[Quote]:
    """Attributed quotations in `paragraph`; `context` is the section's text before it."""
    found: list[Quote] = []
    for match in _QUOTE.finditer(paragraph):
        group = next(name for name, value in match.groupdict().items() if value is not None)
        inner_start, inner_end = match.span(group)
        inner = paragraph[inner_start:inner_end]
        stripped = inner.strip()
        if len(stripped.split()) < 3:
            continue
        lead = len(inner) - len(inner.lstrip())
        trail = len(inner) - len(inner.rstrip())
        inner_start, inner_end = inner_start + lead, inner_end - trail
        after = paragraph[match.end(): match.end() + 80]
        before = paragraph[max(0, match.start() - 200): match.start()]
        sentence_before = re.split(r"(?<=[.!?])\s+", before)[-1] if before else ""
        who: str | None = None
        tail = _AFTER.match(after)
        if tail:
            if tail.group("pron"):
                who = _last_mention(context + "\n" + paragraph[: match.start()])
            else:
                who = _clean_name(tail.group("name") or tail.group("name2"))
        if who is None and sentence_before:
            lead_in = list(_BEFORE.finditer(sentence_before)) + list(_AS_SAID.finditer(sentence_before))
            if lead_in:
                who = _clean_name(max(lead_in, key=lambda m: m.start()).group("name"))
        if who:
            found.append(Quote(paragraph[inner_start:inner_end], inner_start, inner_end, who))
    return found
