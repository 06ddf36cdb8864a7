"""Attributed quotations (pipeline.quotes)."""

from __future__ import annotations

import pytest

from pipeline.quotes import Quote, find_quotes


def only_quote(paragraph: str, context: str = "") -> Quote:
    quotes = find_quotes(paragraph, context)
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    assert paragraph[quote.start:quote.end] == quote.text
    return quote


def test_pronoun_resolved_to_person_named_earlier() -> None:
    context = "The importance of the harvest was pointed out by Anna Markova at the opening session."
    paragraph = "“Our proletarian revolution has achieved great material results,” he declared."
    quote = only_quote(paragraph, context)
    assert quote.text == "Our proletarian revolution has achieved great material results,"
    assert quote.attributed_to == "Anna Markova"


def test_pronoun_resolved_within_the_paragraph() -> None:
    paragraph = (
        "The point was stressed by Pierre Dubois in his closing words. "
        "“We shall meet again next year in a stronger position,” he said."
    )
    assert only_quote(paragraph).attributed_to == "Pierre Dubois"


def test_pronoun_resolves_to_the_most_recent_speaker() -> None:
    context = "Anna Markova said the harvest was good. Then Pierre Dubois said the prices were too low."
    paragraph = "“The farmers cannot live on promises alone,” he added."
    assert only_quote(paragraph, context).attributed_to == "Pierre Dubois"


def test_pronoun_without_anyone_named_gives_nothing() -> None:
    assert find_quotes("“We shall meet again next year in a stronger position,” he said.", "") == []


def test_name_after_quote() -> None:
    paragraph = "“The state will wither away in due course,” Stalin said, before moving on to other business."
    quote = only_quote(paragraph)
    assert quote.text == "The state will wither away in due course,"
    assert quote.attributed_to == "Stalin"


def test_verb_then_name_after_quote() -> None:
    paragraph = "“We want peace, not a new war in Europe,” said Willy Brandt."
    assert only_quote(paragraph).attributed_to == "Willy Brandt"


@pytest.mark.parametrize(
    ("paragraph", "who", "text"),
    [
        (
            "Kim Il Sung told them that they could “build a new country with their own hands” if they worked together.",
            "Kim Il Sung",
            "build a new country with their own hands",
        ),
        (
            "At the meeting Maria Lopez told them that they could “count on the support of every union in the region”.",
            "Maria Lopez",
            "count on the support of every union in the region",
        ),
        (
            "As Lenin wrote, “Communism is Soviet power plus the electrification of the whole country.”",
            "Lenin",
            "Communism is Soviet power plus the electrification of the whole country.",
        ),
    ],
)
def test_name_before_quote(paragraph: str, who: str, text: str) -> None:
    quote = only_quote(paragraph)
    assert (quote.attributed_to, quote.text) == (who, text)


def test_honorific_is_not_part_of_the_name() -> None:
    paragraph = "Comrade Kim Il Sung told the workers that they could “overcome any difficulty by their own efforts”."
    assert only_quote(paragraph).attributed_to == "Kim Il Sung"


def test_other_quotation_marks() -> None:
    quote = only_quote("«Мы должны работать лучше и больше», сказал Иванов на собрании.")
    assert (quote.text, quote.attributed_to) == ("Мы должны работать лучше и больше", "Иванов")
    quote = only_quote('"We will not give up the fight for our jobs," Maria Lopez said on Monday.')
    assert (quote.text, quote.attributed_to) == ("We will not give up the fight for our jobs,", "Maria Lopez")


@pytest.mark.parametrize(
    "paragraph",
    [
        "So-called “experts in the field” have been wrong before, and the so-called “free market” is not free.",
        "The delegates read “Historical experience of building the Party” in the evening.",
        "The word “democracy” means many things to many people.",
        "They sang “The Internationale” at the end of the meeting and went home.",
    ],
)
def test_scare_quotes_and_titles_give_nothing(paragraph: str) -> None:
    assert find_quotes(paragraph, "Anna Markova said the harvest was good.") == []


def test_offsets_for_several_quotes() -> None:
    paragraph = (
        "Opening the session, Anna Markova said “the harvest is the best in a decade” and thanked the farmers. "
        "“Prices are still too low for a family to live on,” Pierre Dubois replied."
    )
    quotes = find_quotes(paragraph, "")
    assert [(q.attributed_to, q.text) for q in quotes] == [
        ("Anna Markova", "the harvest is the best in a decade"),
        ("Pierre Dubois", "Prices are still too low for a family to live on,"),
    ]
    for quote in quotes:
        assert paragraph[quote.start:quote.end] == quote.text
        assert paragraph[quote.start - 1] == "“"
    assert quotes[0].end <= quotes[1].start


def test_quote_text_has_no_surrounding_spaces() -> None:
    paragraph = "“  We shall build the future together with our own hands  ,” she said, as Anna Markova said before."
    quotes = find_quotes(paragraph, "Anna Markova said it.")
    assert [q.attributed_to for q in quotes] == ["Anna Markova"]
    for quote in quotes:
        assert quote.text.startswith("We shall")
        assert quote.text == quote.text.strip()
        assert paragraph[quote.start:quote.end] == quote.text
