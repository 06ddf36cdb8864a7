"""One document from bytes to rows, checked against the output contract (pipeline.document)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import schema
from pipeline.config import Config
from pipeline.document import process_document
from pipeline.errors import InternalError, PipelineError
from pipeline.records import DocumentRow, DocumentRows, ParagraphRow, QuoteRow, RawDocument, SectionRow
from pipeline.sources import doc_id_for

CONFIG = Config()
DOC_TYPES = {"speech", "letter", "article", "interview", "transcript", "other"}
SECTION_KINDS = {"speech", "narrative", "message"}


def process(path: str, text: str | bytes) -> DocumentRows:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return process_document(RawDocument(path, data, hashlib.sha256(data).hexdigest()), CONFIG)


def check_contract(rows: DocumentRows) -> None:
    """The invariants the output contract promises for every document."""
    doc = rows.document
    doc_id = doc.doc_id
    assert doc_id == doc_id_for(doc.source_path)
    assert doc.doc_type in DOC_TYPES
    assert doc.date_precision in (None, "day", "month", "year")
    assert (doc.date is None) == (doc.date_precision is None)
    assert 0.0 <= doc.language_score <= 1.0
    assert doc.n_sections == len(rows.sections)
    assert doc.n_paragraphs == len(rows.paragraphs)
    assert doc.text == doc.text.strip()
    assert "\n\n\n" not in doc.text

    # Provenance: every span is the row's text.
    for row in (*rows.sections, *rows.paragraphs, *rows.quotes):
        assert doc.text[row.char_start:row.char_end] == row.text, row

    # Identifiers: 0-based, contiguous, in document order.
    assert [s.section_index for s in rows.sections] == list(range(len(rows.sections)))
    assert [s.section_id for s in rows.sections] == [f"{doc_id}#s{i}" for i in range(len(rows.sections))]
    assert [p.paragraph_index for p in rows.paragraphs] == list(range(len(rows.paragraphs)))
    assert [p.paragraph_id for p in rows.paragraphs] == [f"{doc_id}#p{i}" for i in range(len(rows.paragraphs))]
    assert [q.quote_id for q in rows.quotes] == [f"{doc_id}#q{i}" for i in range(len(rows.quotes))]
    assert [p.char_start for p in rows.paragraphs] == sorted(p.char_start for p in rows.paragraphs)
    assert [s.char_start for s in rows.sections] == sorted(s.char_start for s in rows.sections)

    sections = {s.section_id: s for s in rows.sections}
    for section in rows.sections:
        assert section.doc_id == doc_id
        assert section.kind in SECTION_KINDS
        own = [p for p in rows.paragraphs if p.section_id == section.section_id]
        assert section.n_paragraphs == len(own) > 0
        assert section.text == "\n\n".join(p.text for p in own)
        assert section.n_chars == len(section.text)
    paragraphs = {p.paragraph_id: p for p in rows.paragraphs}
    for paragraph in rows.paragraphs:
        assert paragraph.doc_id == doc_id
        section = sections[paragraph.section_id]
        assert section.char_start <= paragraph.char_start <= paragraph.char_end <= section.char_end
        assert paragraph.speaker == section.speaker
        assert paragraph.n_chars == len(paragraph.text)
        assert paragraph.text.strip() == paragraph.text and paragraph.text
    for quote in rows.quotes:
        assert quote.doc_id == doc_id
        paragraph = paragraphs[quote.paragraph_id]
        assert paragraph.char_start <= quote.char_start < quote.char_end <= paragraph.char_end


# ---- documents --------------------------------------------------------------------------------

SPEECH = """\
ON THE TASKS OF THE HARVEST

ANNA PETROVA MARKOVA

Speech at the Regional Conference of Farmers

14 October 1987

Dear comrades,

The harvest this year has been the best in a decade, and it is the fruit of the hard work of every \
farmer and every engineer in the province. We must now turn to the tasks of the coming winter.

The second task is education. Every village must have a school, and every school must have teachers \
who are trained and paid on time. As Lenin wrote, “Communism is Soviet power plus the electrification \
of the whole country.”

Thank you.
"""

REPORT = """\
Conference of Workers' Parties Held in Lisbon

Lisbon, 3 May 2012

The conference opened on Thursday morning with more than forty delegations from four continents \
attending the sessions in the city hall. “We are here to learn from each other,” said Pedro Alves, who \
chaired the first session.

Zane Carpenter, Communist Party of Great Britain

We have come here to share our experience of the struggle against austerity. In our country the cuts \
have closed hospitals and libraries.

Maria Lopez, Workers Union of Spain

Unemployment among young people has reached forty per cent. The unions are organising a general \
strike for next month.

Message of Greetings to the Conference

Dear comrades, we send you our warmest greetings and wish your conference every success in its work.
"""

TRANSCRIPT = """\
Proceedings of the Town Council

THE CHAIRMAN: The meeting is open. We have one item on the agenda today, the new library.

Mr. Smith (Labour): I rise to support the motion. The library has served this town for a hundred years.

Mrs. Jones (Liberal): I have doubts about the cost. Who will pay for the new building?

THE CHAIRMAN: Thank you. Mr. Smith, would you like to answer?

Mr. Smith (Labour): Gladly. The county has promised half of the cost, and the rest will come from the \
sale of the old site.
"""

LETTER = """\
Letter to the Editor

Dear Sir,

I write about your article on the future of our town. It is a fine piece but it does not mention the \
railway, which closed in 1965 and which many of us would like to see reopened.

I hope you will return to the subject in a later issue.

Yours faithfully,
John Smith
"""

FRENCH = """\
L'avenir de notre région

Jean-Paul Martin

Discours devant l'Assemblée régionale

Mesdames et Messieurs,

Je suis heureux d'être parmi vous aujourd'hui pour parler de l'avenir de notre région. Nous avons \
beaucoup travaillé ensemble depuis dix ans, et les résultats sont visibles partout.
"""

RUSSIAN = """\
О ЗАДАЧАХ НА ЗИМУ

Иван Сергеевич Петров

Выступление на собрании коллектива завода

5 октября 2010 года

Дорогие товарищи!

Сегодня мы подводим итоги работы за девять месяцев. Завод выполнил план, и это результат труда \
каждого из вас. Впереди зима, и нам нужно подготовить цеха к морозам.
"""

KOREAN = """\
광복 50주년 경축사

1995년 8월 15일

오늘 우리는 광복 쉰 돌을 맞이하여 이 자리에 모였습니다. 우리 민족은 오랜 세월 동안 고난을 겪어 왔습니다. \
이제 우리는 새로운 미래를 향해 나아가야 합니다.
"""

ALL_DOCUMENTS = {
    "1987/speech.txt": SPEECH,
    "2012/lisbon.md": REPORT,
    "council/2019-05.txt": TRANSCRIPT,
    "letters/smith.txt": LETTER,
    "fr/martin.txt": FRENCH,
    "ru/petrov.txt": RUSSIAN,
    "ko/1995.txt": KOREAN,
}


@pytest.mark.parametrize("path", sorted(ALL_DOCUMENTS))
def test_contract_invariants(path: str) -> None:
    rows = process(path, ALL_DOCUMENTS[path])
    check_contract(rows)
    assert rows.document.source_path == path
    assert rows.document.schema_version == schema.SCHEMA_VERSION
    assert rows.paragraphs


def test_speech() -> None:
    rows = process("1987/speech.txt", SPEECH)
    doc = rows.document
    assert doc.doc_id == "1987/speech"
    assert doc.doc_type == "speech"
    assert doc.title == "ON THE TASKS OF THE HARVEST"
    assert doc.author == "Anna Petrova Markova"
    assert doc.occasion == "Speech at the Regional Conference of Farmers"
    assert (doc.date, doc.date_precision, doc.date_text) == (dt.date(1987, 10, 14), "day", "14 October 1987")
    assert doc.language == "en"
    assert doc.encoding == "utf-8"
    assert doc.source_size == len(SPEECH.encode())
    assert doc.source_sha256 == hashlib.sha256(SPEECH.encode()).hexdigest()
    assert [(s.kind, s.speaker) for s in rows.sections] == [("speech", "Anna Petrova Markova")]
    assert [p.text for p in rows.paragraphs][0] == "Dear comrades,"
    assert [p.text for p in rows.paragraphs][-1] == "Thank you."
    assert [(q.attributed_to, q.text) for q in rows.quotes] == [
        ("Lenin", "Communism is Soviet power plus the electrification of the whole country.")
    ]
    # The header is in the text once, before the body.
    assert doc.text.count("ON THE TASKS OF THE HARVEST") == 1
    assert doc.text.index("14 October 1987") < doc.text.index("Dear comrades,")


def test_meeting_report_with_speakers_and_message() -> None:
    rows = process("2012/lisbon.md", REPORT)
    doc = rows.document
    assert doc.doc_type == "article"
    assert doc.author is None
    assert (doc.date, doc.date_precision) == (dt.date(2012, 5, 3), "day")
    assert [(s.kind, s.speaker, s.affiliation, s.heading) for s in rows.sections] == [
        ("narrative", None, None, None),
        ("speech", "Zane Carpenter", "Communist Party of Great Britain", None),
        ("speech", "Maria Lopez", "Workers Union of Spain", None),
        ("message", None, None, "Message of Greetings to the Conference"),
    ]
    assert [p.speaker for p in rows.paragraphs] == [None, "Zane Carpenter", "Maria Lopez", None]
    assert [(q.attributed_to, q.text, q.paragraph_id) for q in rows.quotes] == [
        ("Pedro Alves", "We are here to learn from each other,", "2012/lisbon#p0")
    ]
    # Speaker lines and headings are part of the reading text.
    assert "\n\nZane Carpenter, Communist Party of Great Britain\n\n" in doc.text
    assert "\n\nMessage of Greetings to the Conference\n\n" in doc.text


def test_transcript_with_labels() -> None:
    rows = process("council/2019-05.txt", TRANSCRIPT)
    doc = rows.document
    assert doc.doc_type == "transcript"
    assert doc.author is None
    assert doc.title == "Proceedings of the Town Council"
    assert [(s.kind, s.speaker, s.affiliation) for s in rows.sections] == [
        ("speech", "Chairman", None),
        ("speech", "Smith", "Labour"),
        ("speech", "Jones", "Liberal"),
        ("speech", "Chairman", None),
        ("speech", "Smith", "Labour"),
    ]
    assert rows.paragraphs[1].text.startswith("I rise to support the motion.")
    assert "Mr. Smith (Labour):" not in rows.paragraphs[1].text


def test_letter() -> None:
    rows = process("letters/smith.txt", LETTER)
    doc = rows.document
    assert doc.doc_type == "letter"
    assert doc.occasion == "Letter to the Editor"
    assert {s.kind for s in rows.sections} == {"message"}
    assert rows.paragraphs[0].text == "Dear Sir,"


@pytest.mark.parametrize(
    ("path", "language"),
    [("fr/martin.txt", "fr"), ("ru/petrov.txt", "ru"), ("ko/1995.txt", "ko"), ("1987/speech.txt", "en")],
)
def test_document_language(path: str, language: str) -> None:
    rows = process(path, ALL_DOCUMENTS[path])
    assert rows.document.language == language
    assert {s.language for s in rows.sections} == {language}


def test_russian_header() -> None:
    ru = process("ru/petrov.txt", RUSSIAN).document
    assert (ru.date, ru.date_precision) == (dt.date(2010, 10, 5), "day")
    assert ru.author == "Иван Сергеевич Петров"
    assert ru.doc_type == "speech"


def test_korean_date_line_before_body() -> None:
    rows = process("ko/1995.txt", KOREAN)
    ko = rows.document
    assert (ko.date, ko.date_precision, ko.date_text) == (dt.date(1995, 8, 15), "day", "1995년 8월 15일")
    assert ko.title == "광복 50주년 경축사"
    assert rows.paragraphs[0].text.startswith("오늘 우리는")


def test_year_alone_on_a_header_line_is_the_date() -> None:
    text = (
        "ON THE TASKS OF THE HARVEST\n\nAnna Markova\n\n1987\n\n"
        "The harvest this year has been the best in a decade, and it is the fruit of the hard work of every "
        "farmer and every engineer in the province. We must now turn to the tasks of the coming winter.\n"
    )
    doc = process("x.txt", text).document
    assert (doc.date, doc.date_precision) == (dt.date(1987, 1, 1), "year")


def test_utf16_and_legacy_bytes_give_the_same_rows_as_utf8() -> None:
    utf8 = process("ru/petrov.txt", RUSSIAN)
    utf16 = process("ru/petrov.txt", b"\xff\xfe" + RUSSIAN.encode("utf-16-le"))
    assert utf16.document.encoding == "utf-16"
    assert utf16.document.text == utf8.document.text
    assert utf16.paragraphs == utf8.paragraphs
    assert utf16.sections == utf8.sections


# ---- determinism ------------------------------------------------------------------------------


def test_determinism() -> None:
    first = {path: process(path, text) for path, text in sorted(ALL_DOCUMENTS.items())}
    # Again, in the opposite order, so caches and detector state filled by other documents differ.
    for path in sorted(ALL_DOCUMENTS, reverse=True):
        assert process(path, ALL_DOCUMENTS[path]) == first[path]


# ---- robustness -------------------------------------------------------------------------------

_FRAGMENTS = [
    "", "", "", "THE CHAIRMAN:", "Mr. Smith (Labour): I agree.", "Q:", "A: Yes.", "Note: none.",
    "“Our revolution has achieved great results,” he declared.", "Stalin said", "“", "”", "‘", "’", "«", "»",
    "Speech at the Congress of Farmers", "14 October 1987", "le 12 mai 2015", "1987", "12", "- 3 -", "Page 3 of 9",
    "# Heading", "**bold text**", "**ON VIGOROUSLY  ", "THE NATIONAL**", "---", "> quoted", "* item", "_x_",
    "Zane Carpenter, Communist Party of Great Britain", "Dear comrades,", "KIM IL SUNG", "Share this:",
    "The harvest this year has been the best in a decade and it is the fruit of hard work.",
    "greatly", "emphasizing the role", "word-", "continued", "Message of Greetings", "<p>x &amp; y</p>",
    "1995년 8월 15일", "친애하는 동포 여러분,", "委员会星期二开会。", "Иван Петров: Да.", "方剛議員：好。", ":", "：", "\t", "~",
]
_LINES = st.one_of(
    st.sampled_from(_FRAGMENTS),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40),
    st.text(st.sampled_from(list("ab CD.:,;“”‘’\"'()[]-—…!?")), max_size=20),
    # Any printable character of any script (no controls, surrogates or unassigned code points).
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=30),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(_LINES, max_size=25),
    path=st.sampled_from(["doc.txt", "doc.md", "doc.html", "doc.srt", "doc"]),
)
def test_arbitrary_text_gives_valid_rows_or_a_reject(lines: list[str], path: str) -> None:
    data = "\n".join(lines).encode("utf-8")
    try:
        rows = process(path, data)
    except InternalError as exc:  # a PipelineError, but the wrapper for an unexpected exception: a bug
        pytest.fail(f"pipeline bug on {data!r}: {exc.detail}")
    except PipelineError as exc:
        assert exc.reason in {"empty", "binary", "undecodable", "no_text"}
        return
    check_contract(rows)


# ---- rows match the schema --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row_type", "table"),
    [
        (DocumentRow, "documents"),
        (SectionRow, "sections"),
        (ParagraphRow, "paragraphs"),
        (QuoteRow, "quotes"),
    ],
)
def test_row_fields_match_schema(row_type: type, table: str) -> None:
    stamped = schema.STAMPED_COLUMNS.get(table, ())
    columns = [name for name in schema.DOC_TABLES[table].names if name not in stamped]
    assert [f.name for f in dataclasses.fields(row_type)] == columns


def test_documents_stamped_columns() -> None:
    assert set(schema.STAMPED_COLUMNS["documents"]) == {"processed_at", "run_id"}
    assert {"processed_at", "run_id"} <= set(schema.DOCUMENTS.names)


def test_html_byline_spans_and_time_stamps_give_author_and_date() -> None:
    page = ("<html><body><header id='header'><ul class='gnb'><li>정치</li><li>경제</li></ul></header>"
            "<article><h1>해솔군, 방파제 보강 공사 착공</h1><div class='info'><span class='writer'>박정우 기자</span>"
            "<span class='date'>입력 2022.06.15 14:32</span></div>"
            "<p>해솔군은 태풍 피해가 잦은 남포항 방파제를 보강하는 공사를 이달 말 착공한다고 15일 밝혔다. 공사비는 모두 380억 원이다.</p>"
            "<p class='copyright'>저작권자 ⓒ 한빛통신, 무단전재 및 재배포 금지</p></article></body></html>")
    rows = process("news/breakwater.html", page)
    assert rows.document.author == "박정우"
    assert rows.document.date == dt.date(2022, 6, 15)
    assert "무단전재" not in rows.document.text and "정치" not in rows.document.text
    blog = ("<html><body><article><h1>Autumn meeting</h1><p>Speakers from three unions addressed the meeting, which "
            "was held in the chapel hall and closed with songs from the choir and a collection for the fund.</p>"
            "<footer class='entry-footer'><span class='posted-on'>Posted on <time datetime='2015-11-14T18:20:41+00:00'>"
            "November 14, 2015</time></span></footer></article></body></html>")
    assert process("blog/autumn.html", blog).document.date == dt.date(2015, 11, 14)


def test_a_closing_place_and_date_followed_by_a_note_dates_the_text() -> None:
    text = ("# The Common Field\n\n*A lecture delivered to the Valley Historical Society*\n\n" + "The field was never fenced, "
            "and the village kept it so for three hundred years, against every landlord who tried.\n\n" * 3
            + "*Thornbury, March 1951. Printed in the Society's Transactions, volume 9.*\n")
    rows = process("lectures/field.md", text)
    assert rows.document.date == dt.date(1951, 3, 1) and rows.document.date_precision == "month"


# ---- fast paths equal their definitions --------------------------------------------------------

from hypothesis import given as _given  # noqa: E402
from hypothesis import settings as _settings  # noqa: E402
from hypothesis import strategies as _st  # noqa: E402

from pipeline import document as _document  # noqa: E402

_PRONOUN_TEXT = _st.lists(_st.one_of(
    _st.sampled_from(sorted(_document._FIRST_PERSON_WORDS) + ["I", "WE", "Nous", "МЫ", "Я", "İ", "ıch", "uſ", "ᲂы", "ᲃ"]),
    _st.sampled_from([" ", ", ", "'", "-", "_", "1", "x", "é", "\u0307", "’"]),
), max_size=12).map("".join)


@_settings(max_examples=800, deadline=None)
@_given(_PRONOUN_TEXT)
def test_first_person_count_equals_the_regex(text: str) -> None:
    assert _document.first_person_count(text) == len(_document._FIRST_PERSON.findall(text))


def _exchange(asks: bool) -> str:
    """Two people in labelled turns; with `asks`, one of them ends every turn with a question."""
    turns = []
    for i in range(4):
        question = f"What did the council decide about the bridge in year {i + 1}?" if asks else \
            f"The council met again in year {i + 1} and the bridge was discussed at length."
        turns.append(f"HALVORSEN: {question}")
        turns.append(f"MARTINEAU: The council voted to repair the bridge and to widen the road in year {i + 1}.")
    return "A Conversation on the River\n\n" + "\n\n".join(turns) + "\n"


def test_two_people_one_of_whom_mostly_asks_is_an_interview() -> None:
    """Labels alone make a transcript; when one of exactly two speakers ends most turns with a
    question, the exchange is an interview."""
    assert process("talks/asks.txt", _exchange(asks=True)).document.doc_type == "interview"
    assert process("talks/tells.txt", _exchange(asks=False)).document.doc_type == "transcript"


# ---- a web page printed from a browser to PDF, then to text -------------------------------------

_PRINT_HEAD = "3/14/25, 9:05 AM Water for the Valleys: Statement at the Delta Water Conference_Ministry of Rivers ..."
_PRINT_FOOT = "https://www.rivers.gov.example/en/statements/2025/t20250313_0042.html"


def _browser_print() -> str:
    paragraphs = [
        ("Today our rivers carry less water than at any time since records began, and the farms along "
         "the lower valleys have lost two harvests in five years."),
        ("We have therefore agreed with our neighbours upstream on a shared plan: the reservoirs will be "
         "released in turn, and the gauges on each border will be read by both sides."),
        ("The plan is not a favour from one country to another. It is the only way that the delta, "
         "which feeds all of us, will still be green when our grandchildren farm it."),
    ]
    pages = [
        f"{_PRINT_HEAD}\nMinistry of Rivers\nThe Republic of Estravia\n\nHOME > STATEMENTS\n\n"
        "Water for the Valleys: Statement at the\nDelta Water Conference\n\n"
        "Updated: MARCH 14, 2025 08:37\n\n"
        "Statement by H.E. Lina Varga\nMember of the Cabinet and Minister of Rivers of the Republic of Estravia\n"
        "At the Delta Water Conference\n\nDelta City, March 13, 2025\n\nDistinguished delegates,\n\n"
        f"{paragraphs[0]}\n\n{_PRINT_FOOT}\n\n1/3\n",
        f"{_PRINT_HEAD}\n{paragraphs[1]}\n\n{_PRINT_FOOT} 2/3\n",
        f"{_PRINT_HEAD}\n{paragraphs[2]}\n\nThank you.\n\nLinks:\n\nCabinet Office | Ministry of Farms | Delta Commission |\n\n"
        "Border Water Authority\n\nCopyright© www.rivers.gov.example\n\n"
        f"{_PRINT_FOOT} 3/3\n",
    ]
    return "".join(pages)


def test_a_browser_printed_statement_loses_the_print_furniture_and_keeps_its_metadata() -> None:
    rows = process("un/estravia_statement.txt", _browser_print())
    doc = rows.document
    assert doc.title == "Water for the Valleys: Statement at the Delta Water Conference"
    assert doc.author == "Lina Varga"  # not "Lina Varga Member", nor a line of the site's footer
    assert doc.date == dt.date(2025, 3, 13)  # the dateline's, not the page's "Updated:" date
    assert doc.doc_type == "speech"
    texts = [p.text for p in rows.paragraphs]
    assert not any("9:05 AM" in t or "rivers.gov.example" in t or "Border Water Authority" in t for t in texts)
    assert texts[-1] == "Thank you."
    assert [s.speaker for s in rows.sections] == ["Lina Varga"] * len(rows.sections)  # no turn by "Delta City"
    assert "running_heads" in doc.fixes


def test_a_line_that_opens_with_a_date_and_time_once_is_text() -> None:
    """A chat log's line starts with a date and a time too; said once, it is not a print head."""
    text = ("Minutes of the ferry committee\n\n"
            "3/14/25, 9:05 AM Ana: the morning ferry will leave from the new pier from Monday on.\n\n"
            "3/14/25, 9:07 AM Ben: then the bus timetable has to change with it, or nobody will reach it.\n")
    rows = process("notes/ferry.txt", text)
    assert any("9:05 AM Ana" in p.text for p in rows.paragraphs)


def test_an_occasion_run_into_its_dateline_is_the_header_and_a_message_at_a_debate_is_a_speech() -> None:
    """A page break mended between '… de la Organización de las' and 'Naciones Unidas (ONU) … Nueva
    York, 28 de septiembre de 2024.' makes one long block ending in a full stop: still the header."""
    text = ("Misión Permanente de Valdora ante las Naciones Unidas\n\n"
            "Mensaje del secretario de Relaciones Exteriores, Tomás Ibarra Luna, en el Debate General del 80\n"
            "periodo ordinario de sesiones de la Asamblea General de la Organización de las\n\n"
            "Naciones Unidas (ONU) Plenario de la Asamblea General, 12:00 hrs.\nNueva York, 26 de septiembre de 2025.\n\n"
            "2310 palabras - 14 minutos\n\n"
            "Señor presidente, queridos delegados:\n\n"
            "Les transmito el saludo fraterno de nuestro pueblo, que ha sufrido este año la peor sequía de su historia "
            "y que, sin embargo, ha compartido su agua con los pueblos vecinos.\n\n"
            "Valdora pide a esta Asamblea que el agua sea tratada como un bien común de la humanidad, y no como una "
            "mercancía más en los mercados del mundo.\n")
    doc = process("un/valdora_2025.txt", text).document
    assert doc.author == "Tomás Ibarra Luna"
    assert doc.date == dt.date(2025, 9, 26)
    assert doc.occasion is not None and doc.occasion.startswith("Mensaje del secretario")
    assert doc.doc_type == "speech"  # a message given at the debate, not a letter sent to it
    assert doc.title is None  # not the text's length in words and minutes


_UN_BODY = ("Señor Presidente:\n\n"
            "Valdora llega a esta Asamblea después del año más seco de su historia, y pide que el agua sea tratada "
            "como un bien común de la humanidad y no como una mercancía más.\n\n"
            "Ningún país puede enfrentar solo la sequía; por eso proponemos un fondo común para los ríos compartidos.\n")


def test_a_bilingual_un_header_gives_one_occasion_and_no_title() -> None:
    """The occasion set over three lines (what, who, where), then the same in English: the place line
    ends the occasion; neither the English occasion, the name again nor the place is the title."""
    text = ("INTERVENCIÓN DEL PRESIDENTE DE LA REPÚBLICA DE VALDORA\nEXCMO. SR. D. TOMÁS IBARRA LUNA\n\n"
            "EN EL DEBATE GENERAL DEL OCTOGÉSIMO PERÍODO DE SESIONES DE LA ASAMBLEA GENERAL DE LAS NACIONES UNIDAS\n\n"
            "Nueva York, 26 de septiembre de 2025\n\n"
            "STATEMENT BY THE PRESIDENT OF THE REPUBLIC OF VALDORA\nH.E. MR. TOMÁS IBARRA LUNA\n"
            "AT THE GENERAL DEBATE OF THE EIGHTIETH SESSION OF THE GENERAL ASSEMBLY OF THE UNITED NATIONS\n"
            "New York, September 26, 2025\n\n(Vérifier au prononcé)\n\n" + _UN_BODY)
    doc = process("un/valdora_2025_es.txt", text).document
    assert doc.occasion == ("INTERVENCIÓN DEL PRESIDENTE DE LA REPÚBLICA DE VALDORA EN EL DEBATE GENERAL DEL "
                            "OCTOGÉSIMO PERÍODO DE SESIONES DE LA ASAMBLEA GENERAL DE LAS NACIONES UNIDAS")
    assert doc.title is None
    assert doc.author == "Tomás Ibarra Luna"
    assert doc.date == dt.date(2025, 9, 26)
    assert "Vérifier" not in doc.text


def test_a_state_letterhead_and_an_office_line_are_not_the_title() -> None:
    text = ("Democratic Republic of Valdora\n\nPERMANENT MISSION TO THE UNITED NATIONS\n\n"
            "Statement by Head of the Valdoran Delegation\nH.E. Mr. Tomás Ibarra,\n"
            "Ambassador and Permanent Representative of the Democratic Republic of Valdora to the United Nations\n"
            "At the General Debate of the 80th session of the United Nations General Assembly\n\n"
            "26 September 2025, New York\n\n" + _UN_BODY)
    doc = process("un/valdora_2025_en.txt", text).document
    assert doc.title is None
    assert doc.author == "Tomás Ibarra"
    assert doc.occasion == ("Statement by Head of the Valdoran Delegation At the General Debate of the 80th session "
                            "of the United Nations General Assembly")


def test_a_blog_post_by_its_poster_is_an_article_and_a_letter_closes_in_spanish() -> None:
    def run(text: str, path: str) -> DocumentRows:
        data = text.encode("utf-8")
        return process_document(RawDocument(path=path, data=data, sha256=hashlib.sha256(data).hexdigest()), Config())

    blog = run(
        "<html><body><h1>Why the Harbour Levy Vote Matters</h1>"
        "<p class='meta'>Posted by <a href='/author/lena/'>Lena Osk</a> on November 14, 2013 in City Council</p>"
        "<p>On Tuesday night the Lorvik city council will vote on whether to introduce a levy on cruise passengers, "
        "and almost nobody is talking about it.</p><p>Last summer 212 cruise ships called at Lorvik, and the old "
        "harbour could not cope with the crowds that came ashore on the busiest days.</p></body></html>",
        "blog.html",
    ).document
    assert (blog.author, blog.doc_type) == ("Lena Osk", "article")
    letter = run(
        "Puerto Alegre, 3 de marzo de 1998\n\nA las maestras y los maestros de Montalbar\n\n"
        "Queridas compañeras, queridos compañeros:\n\n"
        "Mañana más de seiscientos mil niños y niñas volverán a las aulas de nuestro país, y quiero darles las gracias.\n\n"
        "Les deseo a todos un buen comienzo de año.\n\nCon mi gratitud y mi afecto,\n\nCarmen Ibarra Solís\n"
        "Ministra de Educación y Cultura\n\n"
        "Av. de la Independencia 1450 · Puerto Alegre · Tel. (02) 481 2200 · www.mec.gob.mb\n",
        "carta.txt",
    ).document
    assert (letter.doc_type, letter.author, letter.title) == ("letter", "Carmen Ibarra Solís", None)
    assert "481 2200" not in letter.text and "www.mec.gob.mb" not in letter.text  # a contact footer
