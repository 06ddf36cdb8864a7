"""One document's whole walk: bytes -> decode -> clean -> segment -> tag -> rows.

`process_document` is pure: the same bytes and configuration always give the same rows.
"""

from __future__ import annotations

import re
from collections import Counter

from . import __version__
from .config import Config
from .errors import InternalError, NoTextError, PipelineError
from .quotes import find_quotes
from .records import (
    DocumentRow,
    DocumentRows,
    Header,
    ParagraphRow,
    QuoteRow,
    RawDocument,
    Section,
    SectionRow,
    Segmented,
)
from .schema import SCHEMA_VERSION
from .segment import CLOSING, PRESS_EVENT, is_occasion, is_salutation, resolve_kinds, segment_document
from .sources import decode_bytes, doc_id_for
from .tag import (
    UND,
    ParsedDate,
    count_words_many,
    detect_language,
    find_date,
    infer_weekday_date,
    is_date_line,
    paragraph_language,
    script_of,
    spread_sample,
)

_INTERVIEW = re.compile(r"\b(?:interview|entrevista|entretien|intervista|интервью|беседа|인터뷰|담화)\b", re.IGNORECASE)
_INTERVIEW_ROLES = {"q", "a", "p", "r", "f", "question", "answer", "interviewer", "pergunta", "resposta", "pregunta",
                    "respuesta", "frage", "antwort", "вопрос", "ответ"}
_LETTER = re.compile(r"\b(?:letter|message|telegram|carta|mensaje|lettre|brief|lettera|messaggio|письмо|послание|телеграмма|서한|편지)\b", re.IGNORECASE)
# "Mensaje de la gobernadora … durante la entrega de títulos": a message spoken at an event is a speech.
_DELIVERED_AT = re.compile(
    r"\b(?:during|at the (?:ceremony|opening|inauguration|event|celebration|meeting)|durante|en (?:el|la) "
    r"(?:acto|ceremonia|inauguración|entrega)|lors de|à l'occasion de|während|anlässlich|durante la|na cerimônia|"
    r"в ходе|на церемонии|nel corso|"
    # said where a body sits, not sent to it: "Mensaje … en el Debate General", "Message … at the plenary"
    r"en el (?:debate|plenario|pleno|foro|congreso)|en la (?:sesión|asamblea|cumbre|conferencia)|"
    r"at the (?:general debate|plenary|debate|session|conference|congress|summit|forum)|in the (?:general )?debate|"
    r"au débat|lors du débat|à la tribune|im plenum|nel dibattito|no debate|на заседании|на сессии|на дискуссии)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-ZÀ-Þ][\w .'-]{1,40},\s+\w+\s+\d{1,2}\s*\([A-Za-z ]{2,20}\)\s*[-—–]+")
_FIRST_PERSON_WORDS = frozenset((
    "i", "we", "us", "our", "my", "me", "you", "your", "je", "nous", "vous", "notre", "nos", "wir", "ich", "uns",
    "unser", "unsere", "ihr", "yo", "nosotros", "nuestro", "nuestra", "nuestros", "ustedes", "noi", "nostro",
    "nostra", "voi", "nós", "nosso", "nossa", "vocês", "мы", "я", "вы", "наш", "наша", "наши", "нас",
))
_FIRST_PERSON = re.compile(r"\b(?:" + "|".join(sorted(_FIRST_PERSON_WORDS)) + r")\b", re.IGNORECASE)
_WORD_RUN = re.compile(r"\w+")
# Letters re's IGNORECASE equates with one of those words' letters although str.lower does not.
_SPECIAL_FOLDS = re.compile("[\u0130\u0131\u017f\u212a\u1c80-\u1c88]")


def first_person_count(text: str) -> int:
    """How many first- or second-person pronouns `text` holds (matches of _FIRST_PERSON), counted
    over its words: the regex alone costs four times as much."""
    if _SPECIAL_FOLDS.search(text):
        return len(_FIRST_PERSON.findall(text))
    return sum(map(_FIRST_PERSON_WORDS.__contains__, map(str.lower, _WORD_RUN.findall(text))))
# Speech in Chinese, Japanese and Korean: addressing the audience, "I"/"we" forms.
_CJK_SPEECH = re.compile(r"申し上げ|皆様|皆さん|私は|私たち|同志们|同志們|各位|我们|我們|女士们|여러분|저는|우리는|하겠습니다")
_LETTER_OPENING = re.compile(r"^(?:(?:my )?dear|cher|chère|querid|estimad|liebe|beste|geachte|caro|cara|дорог|уважаем)", re.IGNORECASE)


# Addressing an audience is what a speech does: "Mr. President,", "Ladies and gentlemen", …
_VOCATIVE = re.compile(
    r"\b(?:Mr\.?|Madam|Madame|Monsieur|Señor|Señora|Signor|Herr|Frau) (?:President|Chairman|Chair|Speaker|"
    r"Secretary-General|Presidente|Président|Präsident|Presidenta)\b[,:!]|\b(?:Ladies and gentlemen|"
    r"Dear (?:friends|colleagues|comrades)|Comrades|Fellow citizens|Meine (?:sehr geehrten )?Damen und Herren|"
    r"Mesdames(?:,| et) Messieurs|Señoras y señores|Signore e signori|Дорогие друзья|Уважаемые)\b[,:!]",
)
# "『김일성저작집』2권", "Collected Works of V. I. Lenin", "Lenin, Collected Works": whose words these are.
_CITED_WORKS = re.compile(
    r"『\s*(?P<ko>[가-힣]{2,4})\s*(?:저작집|선집|전집)|(?:Collected|Selected) Works,? (?:of )?(?P<en>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})"
    r"|(?P<en2>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}),? (?:Collected|Selected) Works"
)


def cited_author(body: str) -> str | None:
    """The author a closing source citation names (the last 600 characters of the body)."""
    match = _CITED_WORKS.search(body[-600:])
    if not match:
        return None
    name = match.group("ko") or match.group("en") or match.group("en2")
    return name.strip(" .,") if name else None


_BRACKETED = re.compile(r"\(.*\)|\[.*\]")


def _closing_date(sections: tuple[Section, ...]) -> str | None:
    """A place-and-date line ending the text ("Valbruna, 12 maggio 2004"), as letters and some
    speeches are dated."""
    # the last two paragraphs that are dates or not bracketed notes, with their dates
    last_two: list[tuple[str, ParsedDate | None]] = []
    for paragraph in (p for s in reversed(sections) for p in reversed(s.paragraphs)):
        dated = is_date_line(paragraph)
        if dated is not None or not _BRACKETED.fullmatch(paragraph.strip()):
            last_two.append((paragraph, dated))
            if len(last_two) == 2:
                break
    for paragraph, found in last_two:
        if found is None and len(paragraph) < 300:
            # "Thornbury, February 1954. Printed in the Society's Transactions, volume 12."
            found = is_date_line(re.split(r"(?<=[.;])\s+", paragraph.strip("*_ "), maxsplit=1)[0])
        if found is not None and found.precision in ("day", "month"):
            return found.text
    return None


# A news or press-release dateline opening the text: "DRAVOSK, 21 September 2022 — The government …".
_DATELINE = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][\w .'’()\-]{1,60}?,\s+(?P<date>[^—–]{6,40}?)\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s")


def _dateline_date(sections: tuple[Section, ...]) -> str | None:
    first = next((p for s in sections for p in s.paragraphs), "")
    match = _DATELINE.match(first)
    if not match:
        return None
    found = find_date(match.group("date"))
    return found.text if found is not None and found.precision == "day" else None


def _meta_date(meta: dict[str, str]) -> str | None:
    for key in ("posted", "published", "date", "running_head_date"):
        value = meta.get(key)
        if value:
            found = find_date(value, allow_year_only=False)
            if found is not None:
                return found.text
    return None


def classify_doc_type(segmented: Segmented) -> str:
    """speech, letter, article, interview, transcript or other, from the document's structure."""
    header = segmented.header
    sections = segmented.sections
    described = " ".join(t for t in (header.occasion, header.title) if t)
    labelled = [s for s in sections if s.kind == "speech" and s.label and s.label.endswith((":", "："))]
    speakers = {s.speaker for s in labelled}
    if len(labelled) >= 3 and len(speakers) >= 2:
        roles = sum(1 for s in labelled if s.speaker and s.speaker.casefold() in _INTERVIEW_ROLES)
        if PRESS_EVENT.search(described):
            return "transcript"  # a press conference or briefing: a spokesperson and many journalists
        if _INTERVIEW.search(described) or roles >= 0.3 * len(labelled):
            return "interview"
        if len(speakers) == 2:
            # Two people, one of whom mostly asks: an interview, whatever the labels say; counted
            # also without the opening turn (a welcome) and the closing one (thanks), which ask
            # nothing in many interviews.
            for asking in (labelled, labelled[1:-1] if len(labelled) >= 5 else []):
                turns = Counter(s.speaker for s in asking)
                questions = Counter(s.speaker for s in asking if s.paragraphs and s.paragraphs[-1].rstrip().endswith("?"))
                if turns and max(questions[who] / turns[who] for who in turns) >= 0.6:
                    return "interview"
            # …or who speaks briefly between the other's long answers, turn after turn
            if len(labelled) >= 6 and sum(a.speaker != b.speaker for a, b in zip(labelled, labelled[1:])) >= 0.8 * (len(labelled) - 1):
                length = {who: sorted(sum(map(len, s.paragraphs)) for s in labelled if s.speaker == who) for who in speakers}
                medians = sorted(lengths[len(lengths) // 2] for lengths in length.values())
                if medians[0] * 2.5 <= medians[1]:
                    return "interview"
        return "transcript"
    if described and _INTERVIEW.search(described):
        return "interview"
    if header.occasion and _LETTER.search(header.occasion) and not _DELIVERED_AT.search(header.occasion):
        return "letter"
    # the speech sections not in `labelled` (testing membership would compare whole sections)
    named_turns = [s for s in sections if s.kind == "speech" and not (s.label and s.label.endswith((":", "：")))]
    if named_turns:
        return "article"
    if header.occasion and is_occasion(header.occasion):
        return "speech"
    body = [p for s in sections for p in s.paragraphs]
    if not body:
        return "other"
    if _DATELINE.match(body[0]) or (header.byline and not header.occasion):
        return "article"
    saluted = is_salutation(body[0]) or bool(_LETTER_OPENING.match(body[0])) \
        or bool(header.lines and is_salutation(header.lines[-1]))  # (a salutation kept with the header)
    if any(CLOSING.match(p.strip()) for p in body[-4:]) and saluted:
        return "letter"
    if header.title and _LETTER.search(header.title) and not labelled:
        return "letter"
    if is_salutation(body[0]) or (body[0].endswith((",", ":", "!")) and len(body[0]) < 80):
        # "Beste buren," opens speeches too: a letter also closes like one.
        closed = any(CLOSING.match(p.strip()) for p in body[-4:])
        return "letter" if _LETTER_OPENING.match(body[0]) and closed else "speech"
    if labelled:
        return "speech"
    sample = " ".join(body)[:20000]
    words = max(1, len(sample.split()))
    if _VOCATIVE.search(sample) or first_person_count(sample) / words > 0.013 \
            or len(_CJK_SPEECH.findall(sample)) >= 2:
        return "speech"
    return "article" if header.title else "other"


def _assemble(header: Header, sections: tuple[Section, ...]) -> tuple[str, list[tuple[int, int, list[tuple[int, int]]]]]:
    """The document's reading text, and per section its span and its paragraphs' spans."""
    parts: list[str] = []
    offset = 0

    def add(block: str) -> tuple[int, int]:
        nonlocal offset
        if parts:
            parts.append("\n\n")
            offset += 2
        start = offset
        parts.append(block)
        offset += len(block)
        return start, offset

    for line in header.lines:
        add(line)
    spans: list[tuple[int, int, list[tuple[int, int]]]] = []
    for section in sections:
        if section.label:
            add(section.label)
        paragraph_spans = [add(p) for p in section.paragraphs]
        if paragraph_spans:
            spans.append((paragraph_spans[0][0], paragraph_spans[-1][1], paragraph_spans))
        else:
            spans.append((offset, offset, []))
    return "".join(parts), spans


def process_document(raw: RawDocument, config: Config) -> DocumentRows:
    """All rows one source document contributes; raises a PipelineError for a reject."""
    try:
        return _process(raw, config)
    except PipelineError:
        raise
    except RecursionError as exc:
        raise InternalError(f"'{raw.path}' is nested too deeply to process ({exc}).") from exc
    except Exception as exc:  # a bug must cost one document, not the run
        raise InternalError(
            f"the pipeline failed on '{raw.path}' with {type(exc).__name__}: {exc}; this is a bug, "
            "please report it with the file."
        ) from exc


def _process(raw: RawDocument, config: Config) -> DocumentRows:
    from .clean import clean_document

    decoded = decode_bytes(raw)
    cleaned = clean_document(decoded, config.clean)
    segmented = segment_document(cleaned)
    if not any(s.paragraphs for s in segmented.sections):
        if not segmented.header.lines:
            raise NoTextError(f"'{raw.path}' has no text left after cleaning.")
        # A document that is only short lines: they are its body, not a header.
        segmented = Segmented(
            header=Header(),
            sections=(Section(kind="", paragraphs=segmented.header.lines),),
            fixes=segmented.fixes,
        )
    doc_type = classify_doc_type(segmented)
    sections = tuple(s for s in resolve_kinds(segmented, doc_type))
    header = segmented.header
    kept = tuple(s for s in sections if s.paragraphs)
    text, spans = _assemble(header, sections)

    doc_id = doc_id_for(raw.path)
    section_rows: list[SectionRow] = []
    paragraph_rows: list[ParagraphRow] = []
    quote_rows: list[QuoteRow] = []
    language_chars: Counter[str] = Counter()
    language_scores: dict[str, list[float]] = {}
    section_index = 0
    paragraph_index = 0
    sample_chars = config.tag.section_sample_chars
    paragraphs = [p for s in sections for p in s.paragraphs]
    body_sample = spread_sample("\n\n".join(paragraphs), sample_chars)
    body_lang = detect_language(body_sample, config.tag)
    word_counts = count_words_many(paragraphs)  # in paragraph order
    body_script = script_of(body_sample)
    for section, (start, end, paragraph_spans) in zip(sections, spans):
        if not section.paragraphs:
            continue
        section_text = "\n\n".join(section.paragraphs)
        section_sample = spread_sample(section_text, sample_chars)
        section_lang = paragraph_language(section_sample, body_lang, body_script, config.tag, limit=sample_chars)
        section_script = script_of(section_sample)
        section_id = f"{doc_id}#s{section_index}"
        context = ""
        for paragraph, (p_start, p_end) in zip(section.paragraphs, paragraph_spans):
            lang = paragraph_language(paragraph, section_lang, section_script, config.tag)
            paragraph_id = f"{doc_id}#p{paragraph_index}"
            paragraph_rows.append(ParagraphRow(
                doc_id=doc_id, section_id=section_id, paragraph_id=paragraph_id,
                paragraph_index=paragraph_index, speaker=section.speaker, text=paragraph,
                language=lang.code, language_score=lang.score, n_words=word_counts[paragraph_index],
                n_chars=len(paragraph), char_start=p_start, char_end=p_end,
            ))
            language_chars[lang.code] += len(paragraph)
            language_scores.setdefault(lang.code, []).append(lang.score)
            for quote in find_quotes(paragraph, context[-3000:]):
                quote_rows.append(QuoteRow(
                    doc_id=doc_id, quote_id=f"{doc_id}#q{len(quote_rows)}", paragraph_id=paragraph_id,
                    text=quote.text, attributed_to=quote.attributed_to,
                    char_start=p_start + quote.start, char_end=p_start + quote.end,
                ))
            context = (context + "\n" + paragraph)[-3000:]  # all find_quotes looks at
            paragraph_index += 1
        # Words never span paragraphs: a section's count is the sum of its paragraphs'.
        section_words = sum(r.n_words for r in paragraph_rows[-len(section.paragraphs):])
        section_rows.append(SectionRow(
            doc_id=doc_id, section_id=section_id, section_index=section_index, kind=section.kind,
            heading=section.heading, speaker=section.speaker, affiliation=section.affiliation,
            language=section_lang.code, language_score=section_lang.score,
            n_paragraphs=len(section.paragraphs), n_words=section_words,
            n_chars=len(section_text), text=section_text, char_start=start, char_end=end,
        ))
        section_index += 1

    known = {code: chars for code, chars in language_chars.items() if code != UND}
    if known and sum(known.values()) >= 0.2 * sum(language_chars.values()):
        doc_lang = max(sorted(known), key=lambda c: known[c])
        doc_score = round(known[doc_lang] / sum(language_chars.values()), 4)
    else:
        doc_lang, doc_score = UND, 0.0

    date = None
    date_precision = None
    # Without a date in the header, a web page's "Posted on …" line or its metadata tells it.
    date_text = header.date_text or _meta_date(cleaned.meta) or _closing_date(kept) or _dateline_date(kept)
    if doc_type == "article" and _meta_date(cleaned.meta):
        date_text = _meta_date(cleaned.meta)  # an article's date is when it was published
    if date_text:
        parsed = find_date(date_text, allow_year_only=True)
        if parsed is not None:
            date, date_precision = parsed.date, parsed.precision
        else:
            date_text = None
    body_text = "\n\n".join(p for s in kept for p in s.paragraphs)
    if date_text is None:
        # "On Sunday 7 October …": the year from the anniversary the text counts, if one fits.
        inferred = infer_weekday_date(body_text)
        if inferred is not None:
            date, date_precision, date_text = inferred.date, inferred.precision, inferred.text
    fixes = list(dict.fromkeys([*cleaned.fixes, *segmented.fixes]))
    document = DocumentRow(
        doc_id=doc_id, source_path=raw.path, source_sha256=raw.sha256, source_size=len(raw.data),
        encoding=decoded.encoding, format=decoded.format, fixes=fixes, title=header.title,
        occasion=header.occasion, author=None if doc_type == "transcript" else (header.author or cited_author(body_text)),
        doc_type=doc_type, date=date, date_text=date_text, date_precision=date_precision,
        language=doc_lang, language_score=doc_score, n_sections=len(section_rows),
        n_paragraphs=len(paragraph_rows), n_words=sum(r.n_words for r in section_rows), n_chars=len(body_text),
        text=text, pipeline_version=__version__, schema_version=SCHEMA_VERSION,
    )
    return DocumentRows(document, tuple(section_rows), tuple(paragraph_rows), tuple(quote_rows))
