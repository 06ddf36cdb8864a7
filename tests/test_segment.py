"""Segmentation: joining broken paragraphs, reflowing hard wraps, header, speakers (pipeline.segment)."""

from __future__ import annotations

import pytest

from pipeline.clean import clean_document
from pipeline.config import CleanConfig
from pipeline.records import Block, Decoded, Segmented
from pipeline.segment import (
    join_kind,
    join_lines,
    merge_broken_blocks,
    parse_header,
    parse_label,
    parse_speaker_line,
    segment_document,
    split_paragraphs,
)


def segment(text: str, fmt: str = "text") -> Segmented:
    return segment_document(clean_document(Decoded(text=text, encoding="utf-8", format=fmt), CleanConfig()))


def paragraphs(result: Segmented) -> list[str]:
    return [p for s in result.sections for p in s.paragraphs]


LONG_BODY = (
    "The harvest this year has been the best in a decade, and it is the fruit of the hard work of every "
    "farmer and every engineer in the province. We must now turn to the tasks of the coming winter.\n\n"
    "The second task is education. Every village must have a school, and every school must have teachers "
    "who are trained and paid on time. This is not a luxury but a necessity.\n"
)


# ---- paragraphs broken by a page break --------------------------------------------------------


def test_join_paragraph_broken_mid_sentence() -> None:
    text = (
        "The speaker described the new variety of apple at length, comparing it to a peach, greatly\n\n"
        "emphasizing the role of the farmers who had bred it over many years.\n"
    )
    result = segment(text)
    assert paragraphs(result) == [
        "The speaker described the new variety of apple at length, comparing it to a peach, greatly "
        "emphasizing the role of the farmers who had bred it over many years."
    ]
    assert "broken_paragraphs" in result.fixes


def test_join_closing_quote_without_space() -> None:
    text = (
        "“Our proletarian revolution has achieved great successes in building the economy and great material results\n\n"
        "” he declared.\n"
    )
    assert paragraphs(segment(text)) == [
        "“Our proletarian revolution has achieved great successes in building the economy and great material "
        "results” he declared."
    ]


def test_join_title_in_quotes_split_over_three_blocks() -> None:
    text = (
        "In the evening the delegates gathered in the library for reading ‘\n\n"
        "Historical experience of building the Workers’ Party of Korea’\n\n"
        "by Kim Il Sung.\n"
    )
    assert paragraphs(segment(text)) == [
        "In the evening the delegates gathered in the library for reading ‘Historical experience of building "
        "the Workers’ Party of Korea’ by Kim Il Sung."
    ]


def test_join_kind_basic_cases() -> None:
    assert join_kind("comparing it to a peach, greatly", "emphasizing the role") == " "
    assert join_kind("great material results", "” he declared.") == ""
    assert join_kind("reading ‘", "Historical experience") == ""
    assert join_kind("building of the", "Workers’ Party") == " "  # a line ending in 'of the' goes on
    assert join_kind("The meeting ended at noon.", "The delegates went to lunch.") is None
    assert join_kind("Dear Leader Comrade Kim Jong Il", "We send you our greetings.") is None


def test_salutation_is_not_joined_to_the_next_paragraph() -> None:
    text = (
        "Dear Leader Comrade Kim Jong Il\n\n"
        "We send you our warmest greetings on this day of celebration, together with the best wishes of "
        "all the members of our society.\n"
    )
    body = paragraphs(segment(text))
    assert "Dear Leader Comrade Kim Jong Il" in body
    assert body[-1].startswith("We send you our warmest greetings")


def test_sentence_end_is_not_joined_to_the_next_block() -> None:
    blocks = [
        Block(("The first session ended at noon after a long debate on the harvest.",)),
        Block(("the afternoon was given over to visits to the farms of the district.",)),
        Block(("Comrades,",)),
        Block(("We have done much, but much remains to do.",)),
    ]
    merged, changed = merge_broken_blocks(blocks)
    assert [b.text for b in merged] == [b.text for b in blocks]
    assert not changed


def test_merge_never_joins_headings_or_rules() -> None:
    blocks = [
        Block(("Chapter one of the", ), level=2),
        Block(("the text continues here",)),
        Block((), rule=True),
        Block(("and here after the rule",)),
    ]
    merged, changed = merge_broken_blocks(blocks)
    assert merged == blocks
    assert not changed


# ---- hard wraps -------------------------------------------------------------------------------

HARD_WRAPPED = """\
The delegates arrived in the capital on Monday evening after a long
journey across the mountains, and were welcomed at the station by the
members of the organising committee and by a brass band that played
until the last train had come in.
In the afternoon the conference divided into working groups on agri-
culture, industry, education and health, each of which was asked to
prepare a short report for the closing plenary session on Friday.
The reports were printed overnight.
The closing session adopted a resolution calling for closer ties
between the trade unions of the region and for a common programme of
action on wages, working hours and the protection of young workers in
the mines.
"""


def test_hard_wrapped_text_is_reflowed_into_paragraphs() -> None:
    result = segment(HARD_WRAPPED)
    assert paragraphs(result) == [
        "The delegates arrived in the capital on Monday evening after a long journey across the mountains, "
        "and were welcomed at the station by the members of the organising committee and by a brass band "
        "that played until the last train had come in.",
        "In the afternoon the conference divided into working groups on agriculture, industry, education and "
        "health, each of which was asked to prepare a short report for the closing plenary session on "
        "Friday. The reports were printed overnight.",
        "The closing session adopted a resolution calling for closer ties between the trade unions of the "
        "region and for a common programme of action on wages, working hours and the protection of young "
        "workers in the mines.",
    ]
    assert "hard_wraps" in result.fixes


def test_hard_wrapped_paragraphs_separated_by_blank_lines() -> None:
    text = HARD_WRAPPED.replace("come in.\n", "come in.\n\n").replace("overnight.\n", "overnight.\n\n")
    assert len(paragraphs(segment(text))) == 3


def test_whole_paragraph_lines_are_not_joined() -> None:
    # Lines that are whole paragraphs (no wrapping): each line stays its own paragraph.
    block = Block((
        "The first paragraph is a single long line that ends with a full stop.",
        "The second paragraph is also one line and it ends here.",
    ))
    assert split_paragraphs(block, None) == list(block.lines)


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("the government has decided to intro-", "duce a new law", "the government has decided to introduce a new law"),
        ("the protec-", "tion of workers", "the protection of workers"),
        ("both pre-", "and post-war governments", "both pre- and post-war governments"),
        ("the Anglo-", "American alliance", "the Anglo-American alliance"),
    ],
)
def test_line_end_hyphenation(a: str, b: str, joined: str) -> None:
    assert join_lines(a, b) == joined


def test_hyphenation_joined_in_a_block() -> None:
    block = Block((
        "The government has decided to intro-",
        "duce a new law on the protec-",
        "tion of workers in the mining industry.",
    ))
    assert split_paragraphs(block, None) == [
        "The government has decided to introduce a new law on the protection of workers in the mining industry."
    ]


# ---- header -----------------------------------------------------------------------------------

TITLE_PAGE = (
    "ON THE TASKS OF THE HARVEST\n\n"
    "ANNA PETROVA MARKOVA\n\n"
    "Speech at the Regional Conference of Farmers\n\n"
    "14 October 1987\n\n"
)


def test_header_with_title_page_repeated_twice() -> None:
    result = segment(TITLE_PAGE + TITLE_PAGE + "Dear comrades,\n\n" + LONG_BODY)
    header = result.header
    assert header.title == "ON THE TASKS OF THE HARVEST"
    assert header.author == "Anna Petrova Markova"
    assert header.occasion == "Speech at the Regional Conference of Farmers"
    assert header.date_text == "14 October 1987"
    # Each header line once, in order, as written.
    assert header.lines == (
        "ON THE TASKS OF THE HARVEST",
        "ANNA PETROVA MARKOVA",
        "Speech at the Regional Conference of Farmers",
        "14 October 1987",
    )
    assert "title_page" in result.fixes
    assert paragraphs(result)[0] == "Dear comrades,"
    assert not any("HARVEST" in p or "14 October" in p for p in paragraphs(result))


def test_header_title_page_without_blank_lines() -> None:
    # The same title page as a PDF converter often writes it: one line each, no blank lines between.
    page = TITLE_PAGE.replace("\n\n", "\n")
    result = segment(page + "\n" + page + "\nDear comrades,\n\n" + LONG_BODY)
    header = result.header
    assert header.title == "ON THE TASKS OF THE HARVEST"
    assert header.author == "Anna Petrova Markova"
    assert header.occasion == "Speech at the Regional Conference of Farmers"
    assert header.date_text == "14 October 1987"


def test_header_french_speech() -> None:
    text = (
        "L'avenir de notre région\n\n"
        "Jean-Paul Martin\n\n"
        "Discours devant l'Assemblée régionale\n\n"
        "le 12 mai 2015\n\n"
        "Mesdames et Messieurs,\n\n"
        "Je suis heureux d'être parmi vous aujourd'hui pour parler de l'avenir de notre région. Nous avons "
        "beaucoup travaillé ensemble depuis dix ans, et les résultats sont visibles partout.\n"
    )
    header = segment(text).header
    assert header.title == "L'avenir de notre région"
    assert header.author == "Jean-Paul Martin"
    assert header.occasion == "Discours devant l'Assemblée régionale"
    assert header.date_text == "12 mai 2015"


def test_header_russian_speech() -> None:
    text = (
        "О ЗАДАЧАХ НА ЗИМУ\n\n"
        "Иван Сергеевич Петров\n\n"
        "Выступление на собрании коллектива завода\n\n"
        "5 октября 2010 года\n\n"
        "Дорогие товарищи!\n\n"
        "Сегодня мы подводим итоги работы за девять месяцев. Завод выполнил план, и это результат труда "
        "каждого из вас. Впереди зима, и нам нужно подготовить цеха к морозам.\n"
    )
    result = segment(text)
    assert result.header.title == "О ЗАДАЧАХ НА ЗИМУ"
    assert result.header.author == "Иван Сергеевич Петров"
    assert result.header.occasion == "Выступление на собрании коллектива завода"
    assert result.header.date_text is not None and result.header.date_text.startswith("5 октября 2010")
    assert paragraphs(result)[0] == "Дорогие товарищи!"


def test_header_korean_speech() -> None:
    text = (
        "광복 50주년 경축사\n\n"
        "1995년 8월 15일\n\n"
        "친애하는 국민 여러분,\n\n"
        "오늘 우리는 광복 쉰 돌을 맞이하여 이 자리에 모였습니다. 우리 민족은 오랜 세월 동안 고난을 겪어 왔습니다. "
        "이제 우리는 새로운 미래를 향해 나아가야 합니다.\n"
    )
    result = segment(text)
    assert result.header.title == "광복 50주년 경축사"
    assert result.header.date_text == "1995년 8월 15일"
    # The salutation opens the body; it is not part of the date line.
    assert result.header.lines == ("광복 50주년 경축사", "1995년 8월 15일")
    assert paragraphs(result)[0] == "친애하는 국민 여러분,"


def test_header_from_heading_markup() -> None:
    text = "# On Peace and Bread\n\nby Jane Doe\n\nMarch 1990\n\n" + LONG_BODY
    header = segment(text, "markdown").header
    assert header.title == "On Peace and Bread"
    assert header.author == "Jane Doe"
    assert header.date_text == "March 1990"


def test_parse_header_stops_at_body() -> None:
    blocks = [
        Block(("A Short Title",)),
        Block(("This first paragraph of the body is a full sentence with more than ten words in it.",)),
        Block(("Second paragraph.",)),
    ]
    header, body_start, folded = parse_header(blocks, {})
    assert header.title == "A Short Title"
    assert body_start == 1
    assert not folded


@pytest.mark.parametrize(
    "text",
    [
        LONG_BODY,
        "Thank you very much.\n\n" + LONG_BODY,
        "The report of the Central Committee to the congress covers the work of the past five years in every "
        "field of the life of the country.\n\n" + LONG_BODY,
    ],
    ids=["long_first_paragraph", "short_first_sentence", "first_sentence_mentions_report"],
)
def test_plain_text_gets_no_invented_header(text: str) -> None:
    result = segment(text)
    assert result.header.title is None
    assert result.header.author is None
    assert result.header.occasion is None
    assert result.header.date_text is None
    assert result.header.lines == ()
    assert paragraphs(result)[0] == text.split("\n\n")[0]


# ---- speakers and labels ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Zane Carpenter, Communist Party of Great Britain", ("Zane Carpenter", "Communist Party of Great Britain")),
        ("Maria Lopez - Workers Union of Spain", ("Maria Lopez", "Workers Union of Spain")),
        ("Speech by Pierre Dubois, Parti communiste français", ("Pierre Dubois", "Parti communiste français")),
        ("In the morning, the delegates met.", None),
        ("Peace, Bread and Land", None),
        ("The harvest was good, and the people were happy.", None),
    ],
)
def test_parse_speaker_line(line: str, expected: tuple[str, str] | None) -> None:
    assert parse_speaker_line(line) == expected


def test_speaker_lines_create_speech_sections() -> None:
    text = (
        "The conference opened on Thursday morning with more than forty delegations from four continents "
        "attending the sessions in the city hall.\n\n"
        "Zane Carpenter, Communist Party of Great Britain\n\n"
        "We have come here to share our experience of the struggle against austerity. In our country the "
        "cuts have closed hospitals and libraries.\n\n"
        "Maria Lopez, Workers Union of Spain\n\n"
        "Unemployment among young people has reached forty per cent.\n\n"
        "The unions are organising a general strike for next month.\n"
    )
    sections = [s for s in segment(text).sections if s.paragraphs]
    speech = [(s.kind, s.speaker, s.affiliation, len(s.paragraphs)) for s in sections if s.kind == "speech"]
    assert speech == [
        ("speech", "Zane Carpenter", "Communist Party of Great Britain", 1),
        ("speech", "Maria Lopez", "Workers Union of Spain", 2),
    ]
    assert sections[0].speaker is None
    assert sections[0].paragraphs[0].startswith("The conference opened")


@pytest.mark.parametrize(
    ("paragraph", "speaker", "affiliation", "rest"),
    [
        ("THE CHAIRMAN: The meeting is open.", "Chairman", None, "The meeting is open."),
        ("Mr. Smith (Labour): I rise to support the motion.", "Smith", "Labour", "I rise to support the motion."),
        ("MR. JOHN SMITH: Thank you.", "John Smith", None, "Thank you."),
        ("The Minister for Energy (Mr. Kyalo): We have a plan.", "Kyalo", "The Minister for Energy", "We have a plan."),
    ],
)
def test_parse_label(paragraph: str, speaker: str, affiliation: str | None, rest: str) -> None:
    parsed = parse_label(paragraph)
    assert parsed is not None
    label, remainder = parsed
    assert (label.speaker, label.affiliation, remainder) == (speaker, affiliation, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Note: this is only a note about the text.",
        "In 1990: the year everything changed.",
        "See http://example.org: the archive.",
        "The results were clear: the people had spoken and the government had to listen.",
    ],
)
def test_not_a_label(paragraph: str) -> None:
    assert parse_label(paragraph) is None


def test_labels_create_turns() -> None:
    text = (
        "Proceedings of the Town Council\n\n"
        "THE CHAIRMAN: The meeting is open. We have one item on the agenda today, the new library.\n\n"
        "Mr. Smith (Labour): I rise to support the motion. The library has served this town for a hundred years.\n\n"
        "Mrs. Jones (Liberal): I have doubts about the cost. Who will pay for the new building?\n\n"
        "THE CHAIRMAN: Thank you. Mr. Smith, would you like to answer?\n"
    )
    result = segment(text)
    turns = [(s.kind, s.speaker, s.affiliation, s.paragraphs) for s in result.sections if s.paragraphs]
    assert turns == [
        ("speech", "Chairman", None, ("The meeting is open. We have one item on the agenda today, the new library.",)),
        ("speech", "Smith", "Labour", ("I rise to support the motion. The library has served this town for a hundred years.",)),
        ("speech", "Jones", "Liberal", ("I have doubts about the cost. Who will pay for the new building?",)),
        ("speech", "Chairman", None, ("Thank you. Mr. Smith, would you like to answer?",)),
    ]
    assert result.header.title == "Proceedings of the Town Council"


def test_heading_starts_a_section() -> None:
    text = (
        "This year the congress meets at a time of great change in every field of the life of the "
        "country, and the delegates have much to discuss.\n\n"
        "## The Economy\n\n"
        "Production grew by five per cent last year, the highest rate for a decade.\n\n"
        "## Message of Greetings to the Congress\n\n"
        "Dear comrades, we send you our warmest greetings.\n"
    )
    sections = [s for s in segment(text, "markdown").sections if s.paragraphs]
    assert [(s.heading, s.kind or None) for s in sections] == [
        (None, None),
        ("The Economy", None),
        ("Message of Greetings to the Congress", "message"),
    ]
