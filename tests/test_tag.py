"""Tagging: language, dates and word counts (pipeline.tag)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline import tag
from pipeline.config import Config, TagConfig
from pipeline.tag import UND, count_words, detect_language, find_date, is_date_line

CONFIG = TagConfig()

PARAGRAPHS = {
    "en": "The committee met on Tuesday to discuss the budget for the coming year, and agreed to raise "
          "spending on schools and hospitals in the northern districts.",
    "fr": "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine et a décidé d'augmenter "
          "les dépenses pour les écoles et les hôpitaux des quartiers du nord.",
    "de": "Der Ausschuss traf sich am Dienstag, um über den Haushalt des kommenden Jahres zu beraten, und "
          "beschloss, mehr Geld für Schulen und Krankenhäuser im Norden auszugeben.",
    "ru": "Комитет собрался во вторник, чтобы обсудить бюджет на следующий год, и решил увеличить расходы "
          "на школы и больницы в северных районах.",
    "ko": "위원회는 화요일에 모여 내년 예산을 논의하고 북부 지역의 학교와 병원에 대한 지출을 늘리기로 결정했습니다.",
    "zh": "委员会星期二开会讨论明年的预算，并决定增加北部地区学校和医院的开支。",
}


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_detect_language(code: str) -> None:
    language = detect_language(PARAGRAPHS[code], CONFIG)
    assert language.code == code
    assert 0.5 <= language.score <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n  ",
        "12345 678 90 1987 2001",
        "3.14 / 2.72 = 1.15; 42 - 17",
        "dole) drome (VV) SI arg tl Slact' Jl ols all",
        "tl Jl ols Sl (VV) fi gh rt kl mn",
    ],
    ids=["empty", "blank", "digits", "arithmetic", "ocr_garbage", "ocr_garbage_2"],
)
def test_no_language_is_und(text: str) -> None:
    language = detect_language(text, CONFIG)
    assert language.code == UND
    assert language.score == 0.0


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_detect_language_is_deterministic(code: str) -> None:
    # A short, mixed text is where an unseeded detector would wobble between answers.
    text = PARAGRAPHS[code][:60] + " ok"
    first = detect_language(text, CONFIG)
    assert all(detect_language(text, CONFIG) == first for _ in range(3))


# ---- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("14 October 1987", dt.date(1987, 10, 14), "day"),
        ("October 14, 1987", dt.date(1987, 10, 14), "day"),
        ("October 1987", dt.date(1987, 10, 1), "month"),
        ("1987", dt.date(1987, 1, 1), "year"),
        ("le 12 mai 2015", dt.date(2015, 5, 12), "day"),
        ("Paris, le 1er mars 1999", dt.date(1999, 3, 1), "day"),
        ("mai 2015", dt.date(2015, 5, 1), "month"),
        ("12 de mayo de 2015", dt.date(2015, 5, 12), "day"),
        ("Madrid, 3 de enero de 2001", dt.date(2001, 1, 3), "day"),
        ("14. Oktober 1987", dt.date(1987, 10, 14), "day"),
        ("Berlin, im Juli 1990", dt.date(1990, 7, 1), "month"),
        ("5 октября 2010 года", dt.date(2010, 10, 5), "day"),
        ("Москва, 5 октября 2010 г.", dt.date(2010, 10, 5), "day"),
        ("1995년 8월 15일", dt.date(1995, 8, 15), "day"),
        ("1995년 8월", dt.date(1995, 8, 1), "month"),
        ("1995年8月15日", dt.date(1995, 8, 15), "day"),
        ("2015年5月", dt.date(2015, 5, 1), "month"),
        ("2003-04-05", dt.date(2003, 4, 5), "day"),
        ("(Pyongyang, 14 October 1987)", dt.date(1987, 10, 14), "day"),
    ],
)
def test_date_lines(text: str, date: dt.date, precision: str) -> None:
    parsed = is_date_line(text)
    assert parsed is not None
    assert (parsed.date, parsed.precision) == (date, precision)
    assert parsed.text in text


@pytest.mark.parametrize(
    "text",
    [
        "The committee agreed that the budget for 2015 would be larger than the budget for the year before.",
        "Speech at the Congress held in 1987 in the capital",
        "We have worked for this moment since the spring of 1945 and will not stop now.",
        "Chapter 12",
        "Peace and bread for all",
        "",
    ],
)
def test_not_date_lines(text: str) -> None:
    assert is_date_line(text) is None


def test_find_date_in_a_sentence() -> None:
    text = "The agreement was signed in Geneva on 3 March 2001 after two years of talks."
    parsed = find_date(text)
    assert parsed is not None
    assert parsed.date == dt.date(2001, 3, 3)
    assert parsed.precision == "day"
    assert text[parsed.start:parsed.end] == parsed.text == "3 March 2001"


def test_find_date_year_only_needs_permission() -> None:
    text = "The town was founded in 1523 by merchants."
    assert find_date(text) is None
    parsed = find_date(text, allow_year_only=True)
    assert parsed is not None and (parsed.date, parsed.precision) == (dt.date(1523, 1, 1), "year")


def test_find_date_without_a_date() -> None:
    assert find_date("No date here at all, only words and the number 12.") is None
    assert find_date("Room 1204, telephone 555-0199", allow_year_only=False) is None


# ---- counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The quick brown fox jumps over the lazy dog.", 9),
        ("Don't re-elect him in 2015!", 5),
        ("  ", 0),
        ("委员会星期二开会。", 8),
        ("我们是朋友", 5),
        ("我们 are friends", 4),
        ("Дорогие товарищи!", 2),
        ("친애하는 국민 여러분", 3),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date: 23/05/2016", dt.date(2016, 5, 23)),  # day first: 23 cannot be a month
        ("05/23/2016", dt.date(2016, 5, 23)),  # month first: 23 cannot be a month
    ],
)
def test_unambiguous_slash_dates(text: str, expected: dt.date) -> None:
    found = find_date(text)
    assert found is not None and found.date == expected


def test_ambiguous_slash_date_is_not_guessed() -> None:
    assert find_date("05/06/2016") is None


def test_place_of_several_words_before_a_date() -> None:
    found = is_date_line("San Miguel del Monte, Tamaya, 3 de octubre de 2016")
    assert found is not None and found.date == dt.date(2016, 10, 3)
    assert is_date_line("The committee met on 3 October 2016 to discuss the budget of the city") is None


@pytest.mark.parametrize("code, sentence", [
    ("en", "We have been told that the people of this country would not accept it, but they have."),
    ("fr", "Nous sommes ici pour dire que cette réforme doit être faite avec les communes et pour elles."),
    ("de", "Wir haben schon immer gesagt, dass diese Reform nicht ohne die Gemeinden gemacht werden kann."),
    ("es", "Hemos sido muy claros: esta reforma no se puede hacer sin los municipios, y todos lo saben."),
    ("it", "Siamo sempre stati molto chiari: questa riforma non si fa senza i comuni, e tutti lo sanno."),
    ("pt", "Nós sempre fomos muito claros: esta reforma não se faz sem os municípios, e isso é sabido."),
    ("nl", "Wij hebben altijd gezegd dat deze hervorming niet zonder de gemeenten kan worden gedaan."),
    ("sw", "Bw. Spika, sisi tumesema kuwa hatutaki kutozwa ushuru kwa sababu ya hali ya wananchi."),
    ("ru", "Мы всегда говорили, что эта реформа не может быть проведена без муниципалитетов, и это так."),
])
def test_function_words_vouch_for_their_language(code: str, sentence: str) -> None:
    """Each language's function words point to it (no word that two languages share counts)."""
    best, hits, second = tag._stopword_guess(sentence)
    assert best == code and hits >= 2 and hits >= 3 * second, (best, hits, second)


def test_a_paragraph_in_another_language_than_its_section_is_detected() -> None:
    config = Config().tag
    english = tag.Language("en", 0.99)
    swahili = "Bw. Spika, sisi tumesema kuwa hatutaki kutozwa ushuru kwa sababu ya hali ya wananchi wetu."
    assert tag.paragraph_language(swahili, english, "latin", config).code == "sw"
    thanks = ("Thank you, Mr. Speaker, Sir. I would first of all want to congratulate the Minister for the manner "
              "in which he has handled this matter.")
    assert tag.paragraph_language(thanks, tag.Language("sw", 0.9), "latin", config).code == "en"


def test_a_place_and_a_year_and_a_two_digit_year_stamp_are_date_lines() -> None:
    found = is_date_line("Ostrel, 1962")
    assert found is not None and found.precision == "year" and found.date == dt.date(1962, 1, 1)
    stamp = is_date_line("17.10.96 14:05")
    assert stamp is not None and stamp.date == dt.date(1996, 10, 17)
    assert is_date_line("OSTREL 1971") is None  # a publisher's place and year (imprint)
    assert is_date_line("Version 1.2.10") is None


def test_dates_in_chinese_numerals() -> None:
    found = find_date("（二〇一六年九月三日）")
    assert found is not None and found.date == dt.date(2016, 9, 3) and found.precision == "day"
    later = find_date("二〇二三年十二月二十五日")
    assert later is not None and later.date == dt.date(2023, 12, 25)
    month = find_date("一九九五年八月")
    assert month is not None and month.precision == "month" and month.date == dt.date(1995, 8, 1)
    assert is_date_line("（二〇一六年九月三日）") is not None


# ---- fast paths equal their definitions --------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_MIXED = st.text(alphabet=st.sampled_from(list("ab Z9_'’-.,\n") + ["é", "ж", "한", "中", "か", "α", "ש", "ก", "\ue001", "ı"]),
                 max_size=80)


def _script_by_regex(text: str) -> str:
    """script_of as first written: one regex count per script, the first listed winning a tie."""
    import re

    sample = text[:600]
    best, most = "none", 0
    for name, spans in tag._SCRIPT_SPANS:
        pattern = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in spans) + "]")
        count = len(pattern.findall(sample))
        if count > most:
            best, most = name, count
    return best


@settings(max_examples=400, deadline=None)
@given(_MIXED)
def test_script_of_counts_every_script(text: str) -> None:
    assert tag.script_of(text) == _script_by_regex(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_ascii_word_count_equals_the_unicode_definition(text: str) -> None:
    assert count_words(text) == len(tag._WORD.findall(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(_MIXED | st.text(max_size=40), max_size=8))
def test_word_counts_of_a_whole_document_equal_each_paragraphs_count(texts: list[str]) -> None:
    """The vectorized count over a document's paragraphs gives each paragraph's own count, whatever
    the scripts, joiners at the edges, empty paragraphs or newlines inside one."""
    assert tag.count_words_many(texts) == [count_words(t) for t in texts]


def test_word_counts_of_a_document_keep_paragraphs_apart() -> None:
    # a joiner at a paragraph's edge does not glue it to the next one's first word
    assert tag.count_words_many(["well-", "known", "", "re-", "-elect", "中文", "ok"]) == [1, 1, 0, 1, 1, 2, 1]
    assert tag.count_words_many([]) == []


def test_stopword_guess_counts_words_beside_punctuation() -> None:
    """Splitting at spaces still finds a function word with a comma or full stop after it, or a
    bracket or quotation mark before it; a word glued inside an abbreviation ('U.S.') is none."""
    assert tag._stopword_guess("for the people, of the state. (the") == ("en", 5, 0)
    assert tag._stopword_guess("«nous avons dans cette „wir haben") == ("fr", 3, 2)
    assert tag._stopword_guess("U.S. P.O. Box (K) Ltd.") == (None, 0, 0)


# ---- a weekday, a day and a month with no year: the year from the anniversary counted ---------

from pipeline.tag import _CALENDAR_NAMES, infer_weekday_date  # noqa: E402


def _report(language: str, day: dt.date, weekday: int | None = None, anniversary: str = "") -> str:
    days, months = _CALENDAR_NAMES[language]
    name = days[day.weekday() if weekday is None else weekday].capitalize()
    opening = {
        "en": f"On {name} {day.day} {months[day.month - 1].capitalize()} the Friends of the Harbour met in the old hall.",
        "fr": f"Le {name} {day.day} {months[day.month - 1]}, les Amis du Port se sont réunis dans l'ancienne salle.",
        "de": f"Am {name}, den {day.day}. {months[day.month - 1].capitalize()} trafen sich die Freunde des Hafens.",
        "es": f"El {name} {day.day} de {months[day.month - 1]} se reunieron los Amigos del Puerto en la vieja sala.",
        "it": f"{name} {day.day} {months[day.month - 1]} gli Amici del Porto si sono riuniti nella vecchia sala.",
        "pt": f"No {name}, {day.day} de {months[day.month - 1]}, os Amigos do Porto reuniram-se na velha sala.",
    }[language]
    return opening + " There was a film, then speeches, then food and drink for everyone.\n\n" + anniversary


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), st.integers(1, 150),
       st.sampled_from(["en", "fr", "de", "es", "it", "pt"]))
def test_weekday_date_takes_the_year_the_anniversary_gives(day: dt.date, years: int, language: str) -> None:
    founded = day.year - years
    if founded < 1500:
        return
    counted = {
        "en": f"The party was founded {years} years ago by the dockers on 1 May {founded}.",
        "fr": f"Le parti a été fondé il y a {years} ans par les dockers, le 1er mai {founded}.",
        "de": f"Die Partei wurde vor {years} Jahren von den Hafenarbeitern gegründet, am 1. Mai {founded}.",
        "es": f"El partido fue fundado hace {years} años por los estibadores, el 1 de mayo de {founded}.",
        "it": f"Il partito fu fondato {years} anni fa dai portuali, il 1º maggio {founded}.",
        "pt": f"O partido foi fundado há {years} anos pelos estivadores, a 1 de maio de {founded}.",
    }[language]
    found = infer_weekday_date(_report(language, day, anniversary=counted))
    assert found is not None and found.date == day and found.precision == "day"
    # The same text with another weekday names a day that year does not have: no date.
    wrong = (day.weekday() + 3) % 7
    assert infer_weekday_date(_report(language, day, wrong, counted)) is None


def test_weekday_date_needs_a_counted_anniversary_and_a_single_fit() -> None:
    day = dt.date(2007, 10, 7)
    assert infer_weekday_date(_report("en", day)) is None  # nothing to count from
    assert infer_weekday_date(_report("en", day, anniversary="It was a cold night in 1945.")) is None
    one = "We marked the 62nd anniversary of the party founded in 1945."
    assert infer_weekday_date(_report("en", day, anniversary=one)).date == day  # type: ignore[union-attr]
    # A second counted year that also falls on that weekday (2012-10-07 is a Sunday too) leaves it open.
    two = one + " The newspaper first printed in 1962 was 50 years ago the voice of the port."
    assert dt.date(2012, 10, 7).weekday() == day.weekday()
    assert infer_weekday_date(_report("en", day, anniversary=two)) is None
    # A year written after the day is not a missing year (find_date reads those).
    assert infer_weekday_date("On Sunday 7 October 2007 we met. Founded 62 years ago in 1945.") is None
    # Only the opening of the text is searched for the day.
    late = "x " * 1000 + _report("en", day, anniversary=one)
    assert infer_weekday_date(late) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(_MIXED, max_size=12), st.integers(min_value=1, max_value=60))
def test_word_counts_are_the_same_whatever_the_chunks(texts: list[str], chunk: int) -> None:
    """A long document is counted a chunk of paragraphs at a time (bounded memory): the counts do
    not depend on where the chunks end."""
    import pytest

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tag, "WORD_COUNT_CHUNK_CHARS", chunk)
        assert tag.count_words_many(texts) == [count_words(t) for t in texts]


@pytest.mark.parametrize(("text", "date"), [
    ("Kuzeyova, 12 Mart 2015", dt.date(2015, 3, 12)),  # Turkish March, not the Marquesas time zone
    ("Borowice, 14 listopada 2019 r.", dt.date(2019, 11, 14)),
])
def test_month_names_that_read_as_time_zones_elsewhere(text: str, date: dt.date) -> None:
    found = find_date(text)
    assert found is not None and found.date == date and found.precision == "day"


def test_a_time_zone_is_never_taken_for_a_month() -> None:
    assert find_date("12 EST 2015") is None
