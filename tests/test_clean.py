"""Cleaning: encoding repair, normalization, markup and page furniture (pipeline.clean)."""

from __future__ import annotations

import json
import unicodedata

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import clean
from pipeline.clean import clean_document, is_boilerplate, repair_text
from pipeline.config import CleanConfig
from pipeline.errors import NoTextError
from pipeline.records import Cleaned, Decoded

CONFIG = CleanConfig()


def cleaned(text: str, fmt: str = "text") -> Cleaned:
    return clean_document(Decoded(text=text, encoding="utf-8", format=fmt), CONFIG)


def block_texts(result: Cleaned) -> list[str]:
    return [b.text for b in result.blocks if not b.rule]


def all_text(result: Cleaned) -> str:
    return "\n".join(block_texts(result))


# ---- repair_text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("The Mona Lisa doesnâ€™t have eyebrows.", "The Mona Lisa doesn’t have eyebrows."),
        ("cafÃ© au lait and a rÃ©sumÃ©", "café au lait and a résumé"),
        ("Ã‰cole normale supÃ©rieure", "École normale supérieure"),
        ("He said â€œwe will winâ€\x9d and left.", "He said “we will win” and left."),
    ],
)
def test_repair_mojibake(broken: str, fixed: str) -> None:
    text, fixes = repair_text(broken)
    assert text == fixed
    assert "mojibake" in fixes


def test_repair_keeps_curly_quotes_even_when_ftfy_runs() -> None:
    # 'é' makes the text a candidate for ftfy; the curly quotes must still come out curly.
    original = "Café owners said “we are open” and ‘closed’ — it’s their choice."
    text, fixes = repair_text(original)
    assert text == original
    assert fixes == []


@pytest.mark.parametrize("extra", ["", " Café."], ids=["cjk_only", "with_latin1_letter"])
def test_repair_keeps_full_width_punctuation_and_ideographic_space(extra: str) -> None:
    original = "우리는「조국」을\u3000사랑한다，정말！ 中文（全角）标点：“好”。？" + extra
    text, _ = repair_text(original)
    assert text == original
    assert "\u3000" in text and "，" in text and "！" in text and "（" in text


def test_repair_applies_nfc() -> None:
    decomposed = "Cafe\u0301 and re\u0301sume\u0301"
    text, fixes = repair_text(decomposed)
    assert text == "Café and résumé"
    assert text == unicodedata.normalize("NFC", decomposed)
    assert "unicode_normalization" in fixes


def test_repair_unifies_line_endings() -> None:
    text, fixes = repair_text("one\r\ntwo\rthree\n")
    assert text == "one\ntwo\nthree\n"
    assert "line_endings" in fixes


def test_repair_latin_ligatures() -> None:
    text, _ = repair_text("The ﬁnal ofﬁcial report.")
    assert text == "The final official report."


def test_repair_leaves_clean_text_alone() -> None:
    original = "Plain ASCII text.\nДорогие товарищи!\n친애하는 여러분\n同志们"
    assert repair_text(original) == (original, [])


# Printable characters of the scripts the corpus holds, none of them C0/C1 controls.
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.just("\n"),
    st.sampled_from(_RUSSIAN),
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul syllables
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK unified ideographs
    st.characters(min_codepoint=0x3000, max_codepoint=0x303F),  # CJK symbols and punctuation
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),  # full-width forms
)


_BROAD = st.one_of(
    _ALPHABET,
    st.characters(min_codepoint=0xA0, max_codepoint=0x24F),  # Latin-1 supplement, Latin Extended-A/B
    st.characters(min_codepoint=0x400, max_codepoint=0x4FF),  # all of Cyrillic
    st.characters(min_codepoint=0x370, max_codepoint=0x3FF),  # all of Greek
    st.characters(min_codepoint=0x2010, max_codepoint=0x203A),  # dashes, quotes, ellipsis
    st.sampled_from("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"),  # what cp1252 puts in 0x80-0x9F
)


def _mojibake(text: str) -> str:
    """`text` as it looks after UTF-8 bytes were decoded as cp1252 (where possible)."""
    return text.encode("utf-8").decode("cp1252", errors="ignore")


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(_BROAD, max_size=120), st.text(_BROAD, max_size=60).map(_mojibake)))
def test_skipping_ftfy_never_changes_the_result(text: str) -> None:
    """repair_text skips ftfy when clean.needs_ftfy says ftfy has nothing to do: the result must be
    exactly what running ftfy would give."""
    if clean.needs_ftfy(text):
        return
    assert ftfy.fix_text(text, clean.FTFY_CONFIG) == unicodedata.normalize("NFC", text)


_BADNESS_CHARS = sorted(clean._pattern_chars(__import__("ftfy.badness").badness.BADNESS_RE) or ())
_NEAR_MOJIBAKE = st.one_of(
    _BROAD,
    st.sampled_from(_BADNESS_CHARS),
    st.sampled_from(" \n\t\u00a0"),
    st.characters(min_codepoint=0x61, max_codepoint=0x7A),
)
_ASCII_RUN = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=0, max_size=12)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.text(_NEAR_MOJIBAKE, max_size=8), _ASCII_RUN,
                          st.text(_BROAD, max_size=20).map(_mojibake),
                          st.sampled_from(["РїСЂ", "вЂ", "ГўВЂВ", "β€™", "ΒΓΞΟ", "Ð¿", "С‚", "Рё"])),  # cp1251/1253 mojibake
                max_size=12).map("".join))
def test_mojibake_check_on_shrunk_text_equals_ftfys(text: str) -> None:
    """needs_ftfy asks ftfy's badness regex about the text with runs of characters that regex
    cannot see shrunk to their edges; the answer must be ftfy's own on the whole text."""
    from ftfy.badness import is_bad

    assert clean._MOJIBAKE_CONTEXT is not None
    assert clean.looks_like_mojibake(text) == bool(is_bad(text))


def test_mojibake_check_sees_context_at_run_edges() -> None:
    from ftfy.badness import is_bad

    for text in ("word Ã and " + "x" * 50, "Word Ã and", "1. Word Ã ", "Q" * 9 + "d Ã ", "x" * 40 + "aÃ " + "y" * 40, "Ã " + "z" * 30, "x" * 30 + "Œ." + "x" * 30,
                 "plain ascii " * 20 + "é" + " more" * 20):
        assert clean.looks_like_mojibake(text) == bool(is_bad(text)), text


def test_mojibake_is_not_skipped() -> None:
    for original in ("The Mona Lisa doesn’t have eyebrows.", "Le café est très bon.", "Привет, мир"):
        assert clean.needs_ftfy(_mojibake(original))
        assert repair_text(_mojibake(original))[0] == original


# ---- markdown ---------------------------------------------------------------------------------


def test_markdown_heading_and_emphasis_removed() -> None:
    text = (
        "# The Tasks of the Party\n\n"
        "Some **bold words**, some *italic words*, __strong__ and _emphasis_ in a sentence.\n\n"
        "## Second part ##\n\n"
        "A [link to the archive](http://example.org/archive) and an image ![a photo](photo.jpg) here.\n"
    )
    result = cleaned(text, "markdown")
    headings = [(b.level, b.text) for b in result.blocks if b.level]
    assert headings == [(1, "The Tasks of the Party"), (2, "Second part")]
    body = [" ".join(t.split()) for t in block_texts(result)]  # the segmenter collapses spaces
    assert "Some bold words, some italic words, strong and emphasis in a sentence." in body
    assert "A link to the archive and an image here." in body
    assert not any(mark in all_text(result) for mark in ("**", "__", "#", "](", "!["))
    assert "markup" in result.fixes


def test_markdown_bold_spanning_hard_broken_lines() -> None:
    text = (
        "**ON VIGOROUSLY  \n"
        "CARRYING FORWARD  \n"
        "THE NATIONAL**\n\n"
        "The first paragraph of the speech, which is long enough to be a paragraph of the body.\n"
    )
    result = cleaned(text, "markdown")
    first = result.blocks[0]
    assert first.lines == ("ON VIGOROUSLY", "CARRYING FORWARD", "THE NATIONAL")
    assert first.emphasis
    assert "*" not in all_text(result)
    # The fixes column says what cleaning changed: the markup was removed.
    assert "markup" in result.fixes


def test_markdown_signs_in_plain_text_are_removed() -> None:
    result = cleaned("**SPEECH AT THE CONGRESS**\n\nThe *first* point is simple.\n", "text")
    assert block_texts(result) == ["SPEECH AT THE CONGRESS", "The first point is simple."]


def test_front_matter_read_as_metadata() -> None:
    text = "---\ntitle: \"On Peace\"\nauthor: Jane Doe\ndate: 2001-02-03\n---\nThe text of the speech begins here.\n"
    result = cleaned(text, "markdown")
    assert result.meta == {"title": "On Peace", "author": "Jane Doe", "date": "2001-02-03"}
    assert block_texts(result) == ["The text of the speech begins here."]


# ---- page furniture and boilerplate -----------------------------------------------------------


def _paged_document() -> str:
    pages = []
    for number in range(1, 6):
        pages.append(
            "THE TASKS OF THE PARTY IN THE NEW YEAR\n\n"
            f"Paragraph {number}: the work of the year has shown what we can do when we act together, "
            "and the coming year will demand even more of every one of us.\n\n"
            f"- {number} -\n"
        )
    return "\n".join(pages) + "\nPage 6 of 6\n"


def test_page_numbers_and_running_head_removed_first_occurrence_kept() -> None:
    result = cleaned(_paged_document())
    texts = block_texts(result)
    assert texts[0] == "THE TASKS OF THE PARTY IN THE NEW YEAR"
    assert texts.count("THE TASKS OF THE PARTY IN THE NEW YEAR") == 1
    assert len([t for t in texts if t.startswith("Paragraph ")]) == 5
    assert not any(t.startswith("-") or t.startswith("Page ") for t in texts)
    assert "page_numbers" in result.fixes
    assert "running_heads" in result.fixes


def test_repeated_sentence_is_not_furniture() -> None:
    text = "\n\n".join(
        ["Long live our Party!", "The first point of the programme is peace, and we shall keep it."] * 3
    )
    texts = block_texts(cleaned(text))
    assert texts.count("Long live our Party!") == 3


@pytest.mark.parametrize(
    "line",
    [
        "Comments are closed, but trackbacks and pingbacks are open.",
        "Share this:",
        "Please check against delivery",
        "(Check against delivery)",
        "Seul le prononcé fait foi",
        "Es gilt das gesprochene Wort!",
        "Posted on 12 March 2014 by admin",
    ],
)
def test_web_boilerplate_removed(line: str) -> None:
    text = (
        "The minister opened the conference with a short address on the state of the economy.\n\n"
        f"{line}\n\n"
        "The delegates then discussed the report of the working group on trade.\n"
    )
    result = cleaned(text)
    assert block_texts(result) == [
        "The minister opened the conference with a short address on the state of the economy.",
        "The delegates then discussed the report of the working group on trade.",
    ]
    assert "boilerplate" in result.fixes


def test_archive_credits_removed() -> None:
    text = (
        "The speech begins with a greeting to the delegates of the congress.\n\n"
        "Source: Collected Works, Volume 5\nTranscription: A. Volunteer\nHTML Mark-up: B. Volunteer\n"
    )
    assert block_texts(cleaned(text)) == ["The speech begins with a greeting to the delegates of the congress."]


# ---- HTML, JSON, SRT --------------------------------------------------------------------------


def test_html_headings_scripts_and_entities() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Archive page</title><style>p { color: red; }</style>"
        "<script>var tracking = 'do not read me';</script></head><body>"
        "<nav>Home | About | Contact</nav>"
        "<h1>Speech on the Budget &amp; Taxes</h1>"
        "<p>The minister said the budget was &ldquo;fair&rdquo; and &lt;balanced&gt;, caf&eacute; owners agreed.</p>"
        "<script>document.write('nor me');</script>"
        "<h2>Second part</h2>"
        "<p>Prices rose by 5 * 2 per cent in snake_case_town.</p>"
        "</body></html>"
    )
    result = cleaned(page, "html")
    headings = [(b.level, b.text) for b in result.blocks if b.level]
    assert headings == [(1, "Speech on the Budget & Taxes"), (2, "Second part")]
    text = all_text(result)
    assert "The minister said the budget was “fair” and <balanced>, café owners agreed." in block_texts(result)
    assert "Prices rose by 5 * 2 per cent in snake_case_town." in block_texts(result)
    for gone in ("tracking", "nor me", "color", "Home | About", "&amp;", "&lt;"):
        assert gone not in text
    assert result.meta.get("html_title") == "Archive page"


def test_json_array_of_stories_becomes_headed_blocks() -> None:
    stories = [
        {"id": 1, "headline": "Harvest Breaks Records", "story_text": "The harvest this year was the best in a decade."},
        {"id": 2, "headline": "New School Opens", "story_text": "A new school opened in the village on Monday."},
    ]
    result = cleaned(json.dumps(stories), "json")
    got = [(b.level > 0, b.text) for b in result.blocks]
    assert got == [
        (True, "Harvest Breaks Records"),
        (False, "The harvest this year was the best in a decade."),
        (True, "New School Opens"),
        (False, "A new school opened in the village on Monday."),
    ]


@pytest.mark.parametrize(
    "payload",
    ['[{"id": 1, "code": "AB"}, {"id": 2, "code": "CD"}]', '{"count": 3}', "[1, 2, 3]", '{"text": '],
    ids=["short_fields", "no_strings", "no_objects", "invalid"],
)
def test_json_without_text_raises_no_text(payload: str) -> None:
    with pytest.raises(NoTextError) as info:
        cleaned(payload, "json")
    assert info.value.reason == "no_text"
    assert info.value.detail


def test_srt_cue_numbers_and_timestamps_removed() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\nGood evening, and welcome to the programme.\n\n"
        "2\n00:00:04,500 --> 00:00:07,250\n<i>Tonight we talk about</i> the harvest.\n\n"
        "3\n00:00:08,000 --> 00:00:10,000\nOur first guest is a farmer.\n"
    )
    result = cleaned(srt, "srt")
    text = all_text(result)
    assert "-->" not in text and "00:00" not in text and "<i>" not in text
    # cues that follow each other without a pause are one stretch of speech: one paragraph
    assert block_texts(result) == [
        "Good evening, and welcome to the programme. Tonight we talk about the harvest. Our first guest is a farmer.",
    ]


def _srt(cues: list[tuple[float, float, str]]) -> str:
    def stamp(t: float) -> str:
        return f"{int(t // 3600):02d}:{int(t % 3600 // 60):02d}:{int(t % 60):02d},{round(t % 1 * 1000):03d}"
    return "\n\n".join(f"{i}\n{stamp(a)} --> {stamp(b)}\n{body}" for i, (a, b, body) in enumerate(cues, 1)) + "\n"


def test_captions_paragraphs_end_at_pauses_and_sound_cues_not_at_cue_ends() -> None:
    srt = _srt([
        (1.0, 4.0, "It is good to be back in Port\nElsworth, and it is good to see"),
        (4.1, 7.0, "you all. We open a bridge"),
        (7.1, 8.0, "today."),
        (8.1, 9.0, "[Applause]"),
        (9.1, 12.0, "When I was a boy, there was only"),
        (12.1, 14.0, "a ferry."),
        (17.0, 20.0, "After a pause: a new paragraph."),
    ])
    assert block_texts(cleaned(srt, "srt")) == [
        "It is good to be back in Port Elsworth, and it is good to see you all. We open a bridge today.",
        "[Applause]",
        "When I was a boy, there was only a ferry.",
        "After a pause: a new paragraph.",
    ]


def test_captions_that_never_pause_still_break_into_paragraphs_at_sentence_ends() -> None:
    sentences = [f"This is sentence number {i} of a long speech whose captions never pause." for i in range(60)]
    srt = _srt([(i * 3.0, i * 3.0 + 2.9, sentence) for i, sentence in enumerate(sentences)])
    blocks = block_texts(cleaned(srt, "srt"))
    assert len(blocks) > 1
    assert all(b.endswith(".") for b in blocks)
    assert " ".join(blocks) == " ".join(sentences)
    # automatic captions have no punctuation at all: paragraphs stay bounded all the same
    words = [f"word{i} and some more of what was said" for i in range(400)]
    blocks = block_texts(cleaned(_srt([(i * 2.0, i * 2.0 + 1.9, w) for i, w in enumerate(words)]), "srt"))
    assert len(blocks) > 1 and max(map(len, blocks)) < 3000
    assert " ".join(blocks) == " ".join(words)


def test_webvtt_voices_become_speaker_labels_and_markup_goes() -> None:
    vtt = (
        "WEBVTT - an interview\nKind: captions\nLanguage: en\n\n"
        "STYLE\n::cue { color: yellow }\n\n"
        "NOTE produced by hand\nfor a test\n\n"
        "intro\n00:00.000 --> 00:03.000 align:start position:10%\n<v.host Ruth Amsel>Welcome to <i>Lakeside</i>\nTonight &amp; every night.\n\n"
        "00:03.100 --> 00:06.000\n<v Ruth Amsel>My guest is the mayor.</v>\n\n"
        "00:06.100 --> 00:09.000\n<v Tobias Brenn>Thank you, Ruth. It is<00:00:07.500><c> good</c> to be here.\n"
    )
    result = cleaned(vtt, "vtt")
    assert block_texts(result) == [
        "Ruth Amsel: Welcome to Lakeside Tonight & every night. My guest is the mayor.",
        "Tobias Brenn: Thank you, Ruth. It is good to be here.",
    ]
    text = all_text(result)
    for gone in ("WEBVTT", "Kind:", "color", "NOTE", "produced by hand", "intro", "-->", "<", "align:"):
        assert gone not in text


def test_rolling_captions_keep_each_line_once() -> None:
    """YouTube's automatic captions show each line twice: once as it is spoken, then again above
    the next line."""
    vtt = (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:03.000\nwe have come here today\n\n"
        "00:00:03.000 --> 00:00:05.000\nwe have come here today\nto open the new school\n\n"
        "00:00:05.000 --> 00:00:07.000\nto open the new school\nand thank its builders\n"
    )
    assert block_texts(cleaned(vtt, "vtt")) == ["we have come here today to open the new school and thank its builders"]


def test_broadcast_caption_turns_start_paragraphs() -> None:
    srt = _srt([
        (1.0, 3.0, ">> MODERATOR: Good evening. Our first question"),
        (3.1, 5.0, "goes to the governor."),
        (5.1, 8.0, ">> GOVERNOR HALE: Thank you. Let me answer it"),
        (8.1, 9.0, "plainly."),
    ])
    assert block_texts(cleaned(srt, "srt")) == [
        "MODERATOR: Good evening. Our first question goes to the governor.",
        "GOVERNOR HALE: Thank you. Let me answer it plainly.",
    ]


def test_cjk_caption_lines_join_without_a_space() -> None:
    srt = _srt([(1.0, 3.0, "今天我们在这里\n隆重集会"), (3.1, 5.0, "庆祝大桥通车。")])
    assert block_texts(cleaned(srt, "srt")) == ["今天我们在这里隆重集会庆祝大桥通车。"]


# ---- line endings -----------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings(newline: str) -> None:
    text = newline.join([
        "The first paragraph starts here",
        "and continues on this line.",
        "",
        "The second paragraph.",
        "",
    ])
    result = cleaned(text)
    assert [b.lines for b in result.blocks] == [
        ("The first paragraph starts here", "and continues on this line."),
        ("The second paragraph.",),
    ]
    assert "\r" not in all_text(result)
    assert "line_endings" in result.fixes


def test_only_furniture_leaves_no_text() -> None:
    with pytest.raises(NoTextError):
        cleaned("Share this:\n\nComments are closed.\n")



def _clean(text: str, fmt: str = "text") -> str:
    cleaned = clean_document(Decoded(text=text, encoding="utf-8", format=fmt), CleanConfig())
    return "\n\n".join(b.text for b in cleaned.blocks)


def test_html_chrome_named_by_class_is_dropped() -> None:
    page = (
        "<html><body><div class='cookie-banner'><p>We use some essential cookies to make this website work.</p></div>"
        "<ol class='breadcrumbs'><li>Home</li><li>Health</li></ol><h1>Building a health service</h1>"
        "<p>For as long as anyone can remember, a serious illness on the islands meant a boat and a long wait.</p>"
        "<div class='share'>Share this page <a>Facebook</a></div></body></html>"
    )
    text = _clean(page, "html")
    assert "Building a health service" in text and "serious illness" in text
    for chrome in ("cookies", "Home", "Health\n", "Share this page"):
        assert chrome not in text


def test_malformed_markup_keeps_the_text() -> None:
    text = _clean("<![\n<p>The text of the speech is still here and readable.</p>", "html")
    assert "The text of the speech is still here" in text


def test_end_mark_and_contact_block_are_dropped() -> None:
    body = "The ministry will triple solar power by 2030, the minister said on Wednesday in the capital.\n\n" * 3
    text = _clean(body + "###\n\nMedia contact\nJana Novak, press@energy.gov.example, +385 1 555 0142\n")
    assert "###" not in text and "press@energy" not in text
    assert text.count("triple solar power") == 3
    text = _clean(body + "For media enquiries\nmedia@health.gov.example\n")
    assert "media@health" not in text


def test_menu_rows_and_arrow_breadcrumbs_are_boilerplate() -> None:
    text = _clean("Home  World  Economy  Science  Sports\n\nГлавная → Общество → Интервью\n\n"
                  "The desalination plant will begin supplying water to the eastern districts next week.\n")
    assert "Economy" not in text and "Общество" not in text
    assert "desalination plant" in text


# Pieces boilerplate lines are made of, so that random lines come near to matching.
_BOILERPLATE_PIECES = st.sampled_from([
    "All Rights Reserved", "© 2019 ", "Photo by Anna Lee", "(Photo: Reuters)", "photograph courtesy ",
    "licensed under CC-BY", "바로가기", "공공누리", "Все права защищены", "Tous droits réservés.", "Share this",
    "Comments are closed", "image ", "PICTURE", "Bild von ", "Фото: ", "foto", " ", "(", ")", ".", "x" * 70,
    "Mr Smith said", "Tags: ", "Read more", "Ⅰ", "ſ", "K", "İ", "ı", "ᲂ", "ᲄ", "lİcenſed under ", "ФОᲄО: ",
    "ſhare this", "ıNDEX", "ᲂЕРСИЯ ДЛЯ ПЕЧАТИ", "SUBSCRIBE", "\t", "Sign in", "Kontakt", "ⅰ", "À LIRE AUSSI", "인쇄", "打印本页",
    # alternatives that open with an optional sign, a character set or a symbol
    "(Check against delivery)", "（责任编辑：", "版权所有", "版權所有 ", "【打印】", "← Previous", "3 min read", "rq/ms",
    "[Music]", "©2020", "<< back", "Powered by ", "[en] [fr]",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_BOILERPLATE_PIECES, st.text(max_size=6)), max_size=8).map("".join))
def test_boilerplate_fast_path_equals_the_pattern(line: str) -> None:
    """is_boilerplate tries the alternatives that may start anywhere in a line only on lines with
    one of their key words; its answer must be the full pattern's on any line."""
    assert clean.is_boilerplate(line) == bool(clean._BOILERPLATE.match(line))
    assert clean._lead_match(line) == bool(clean._BOILERPLATE_LEAD_RE.match(line))


def test_boilerplate_lines_are_recognised_wherever_the_key_word_is() -> None:
    for line in ("Copyright 2020 Ministry of Foreign Affairs. All rights reserved.",
                 "The minister greets delegates (Official Photo by Tom Lind)",
                 "Texto publicado: Todos los derechos reservados", "홈페이지 바로가기"):
        assert clean.is_boilerplate(line), line
    assert not clean.is_boilerplate("The photo of the delegation was taken at the summit in May.")


def test_a_title_repeated_beside_a_page_number_is_a_running_head() -> None:
    body = ("The cooperatives gathered more grain than in any year since the League was founded, and the\n"
            "granaries of the lower villages were full by October. But the upper villages\n")
    text = _clean("THE TASKS OF THE SPRING SOWING\n\nSpeech at a Meeting of Brigade Leaders\n\n" + body +
                  "\nTHE TASKS OF THE SPRING SOWING\n\n117\n\nremained poor, and their yields were low.\n")
    assert text.count("THE TASKS OF THE SPRING SOWING") == 1
    assert "117" not in text
    # a heading said twice with no page number beside it stays
    twice = _clean("ON THE SCHOOLS\n\n" + body + "\nON THE SCHOOLS AND THE TEACHERS OF THE DISTRICT\n\nThe teachers.\n")
    assert "ON THE SCHOOLS AND THE TEACHERS" in twice


def test_site_links_and_widgets_are_boilerplate() -> None:
    text = _clean("[Archivio](../../index.htm) \\> [Ferrandi](../index.htm)\n\n"
                  "Il discorso del sindaco ai maestri delle scuole rurali della provincia.\n\n"
                  "[Ferrandi Archive](../index.htm)\n\n[Torna all'archivio](../index.htm)\n", "markdown")
    assert "Archivio" not in text and "Ferrandi Archive" not in text and "Torna" not in text
    assert "maestri delle scuole rurali" in text
    html = ('<div class="entry"><p>The meeting closed with songs from the choir and a collection for the fund.</p>'
            '<div class="sharedaddy sd-like">Like this: Like Loading...</div></div>'
            '<div id="primary" class="widget-area"><h3>Recent Posts</h3><ul><li><a href="/a">Spring meeting</a></li></ul></div>')
    text = _clean(html, "html")
    assert "Like Loading" not in text and "Recent Posts" not in text and "Spring meeting" not in text
    assert "collection for the fund" in text


def test_a_date_span_inside_running_text_does_not_break_the_paragraph() -> None:
    text = _clean('<p>The bridge opened on <span class="date">3 May 2019</span> after four years of work '
                  'and two changes of contractor.</p><div class="info"><span class="byline">Ana Reis</span> '
                  '<span class="date">3 May 2019</span></div>', "html")
    assert "The bridge opened on 3 May 2019 after four years of work" in text
    assert "Ana Reis\n\n" in text


# ---- fast paths equal their definitions --------------------------------------------------------

_NAVISH = st.text(alphabet=st.sampled_from(list("Home ab|•·\t\u00a0\u2003 1") + ["\u3000"]), max_size=60)


@settings(max_examples=500, deadline=None)
@given(_NAVISH)
def test_nav_guard_never_hides_a_menu(line: str) -> None:
    for candidate in (line, "Home  " + line, "ГЛАВНАЯ" + line, "home page\t" + line):
        assert not clean._NAV.match(candidate) or clean._may_be_nav(candidate)


@settings(max_examples=500, deadline=None)
@given(_NAVISH)
def test_collapsing_spaces_equals_its_definition(text: str) -> None:
    assert clean.collapse_spaces(text) == clean._SPACES.sub(" ", text)
    assert clean.collapse_spaces(text + "\n x  y\u2003 z") == clean._SPACES.sub(" ", text + "\n x  y\u2003 z")


@settings(max_examples=500, deadline=None)
@given(_NAVISH)
def test_furniture_key_equals_its_definition(line: str) -> None:
    assert clean._norm_furniture(line) == clean._DIGITS.sub("#", clean._SPACES.sub(" ", line).strip().casefold())


def test_ascii_boilerplate_keys_cover_every_ascii_key() -> None:
    """is_boilerplate looks for the short keys in ASCII lines: each ASCII key word holds one."""
    for key in clean._ANYWHERE_KEYS:
        if key.isascii():
            assert any(short in key for short in clean._ANYWHERE_ASCII_KEYS), key


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a \t\u3000\u00a0\u2028x")), max_size=12))
def test_trimmed_line_equals_its_definition(line: str) -> None:
    assert clean._trim_line(line) == (line.strip(" ") if line.strip() else "")


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("-*_=# a\\\t\u00a0\u3000")), max_size=10))
def test_markdown_line_guards_are_necessary_conditions(line: str) -> None:
    """markdown_to_blocks tries the rule, heading and hard-break patterns only on lines whose first
    mark or last characters they need."""
    sign = line.lstrip()[:1]
    assert not clean._MD_RULE.match(line) or sign in clean._RULE_SIGNS
    assert not clean._MD_HEADING.match(line) or sign == "#"
    assert not clean._MD_HARD_BREAK.search(line) or line.endswith(("  ", "\\"))


def test_a_cover_price_is_page_furniture_and_a_sentence_about_prices_is_not() -> None:
    for line in ("Price: KShs. 25", "Prix : 2 €", "Price 50p", "Цена 10 руб."):
        assert clean.is_boilerplate(line), line
    for line in ("The price of bread rose to 25 shillings.", "Price controls"):
        assert not clean.is_boilerplate(line), line


def test_index_entries_with_lists_of_page_and_column_references_are_furniture() -> None:
    """A parliament's printed index: '… . 5643D, 5644A', '…<tab>5644B, 5658D', '… . . . . 5644C, D,'."""
    text = _clean("143. Sitzung\n\nGeschäftliche Mitteilungen . 5643D, 5644A, 5661D\n"
                  "Zur Tagesordnung \t 5644B, 5658D\nAbstimmungen . . . . 5644C, 5645C, 5646B, D,\n\n"
                  "Die Sitzung wird um 13 Uhr 32 Minuten durch den Präsidenten eröffnet.\n")
    assert "Mitteilungen" not in text and "Tagesordnung" not in text and "Abstimmungen" not in text
    assert "Die Sitzung wird um 13 Uhr 32 Minuten" in text
    assert "in 1951. It cost 12, 13 or 14 marks" in _clean("We met in 1951. It cost 12, 13 or 14 marks\nthen.\n")


@pytest.mark.parametrize(("line", "furniture"), [
    ("-- ENDS --", True), ("-- END OF TRANSCRIPT --", True), ("Voltar ao topo", True), ("Torna su", True),
    ("このページの先頭へ", True), ("Lees ook: Nieuwe dijk bij Havendam", True), ("Deel dit artikel", True),
    ("Mehr zum Thema", True), ("(continued on page 5)", True), ("Captioning by Nordtext Media Access", True),
    ("(Reporting by Tove Lind; Editing by Mark Haldane)", True), ("ページ番号：1004521", True),
    ("お問い合わせ先：北浜市総務部広報課　電話：0123-45-6789", True),
    ("The ends justify the means, they said.", False), ("Delen van de winst gaan naar de gemeente.", False),
    ("Related coverage of the summit was extensive.", False), ("Nach oben führt nur eine Treppe.", False),
])
def test_more_page_furniture_in_more_languages(line: str, furniture: bool) -> None:
    assert bool(is_boilerplate(line)) is furniture


@pytest.mark.parametrize("line", ["-- Page 2 of 2 --", "[Page 1]", "Strona 2 z 3", "Pág. 2237", "Sayfa 3"])
def test_page_markers_in_more_languages(line: str) -> None:
    from pipeline.clean import _PAGE_NUMBER

    assert _PAGE_NUMBER.match(line)


def test_markdown_link_and_emphasis_broken_by_the_wrap_and_comments_go() -> None:
    text = (
        "One of them is the [Orsund Community\nClinic](https://www.orsundclinic.org/about), which now has six doctors.\n\n"
        "She does not say, *Doctor, I\nhave heart failure.* She says he is tired.\n\n"
        "<!-- exported by speechdb-export v2.3 -->\n"
    )
    text_out = all_text(cleaned(text, "markdown"))
    assert "Orsund Community Clinic, which" in " ".join(text_out.split())
    assert "](" not in text_out and "https://" not in text_out and "*" not in text_out
    assert "speechdb-export" not in text_out


def test_a_single_json_document_opens_with_what_its_fields_say() -> None:
    payload = json.dumps({
        "title": "A Country of Bridges", "speaker": "Chancellor Aurel Vantz", "date": "1964",
        "event": "Address at the Opening of the Velda River Bridge, Kessin", "word_count": 372,
        "body": "Friends and neighbours.\n\nThis bridge took four years to build. I ask you to remember them.\n"
                "A bridge is not only steel.\n\n- first\n- second",
    })
    blocks = block_texts(cleaned(payload, "json"))
    assert blocks[:4] == ["A Country of Bridges", "Address at the Opening of the Velda River Bridge, Kessin",
                          "Chancellor Aurel Vantz", "Date: 1964"]
    assert any(b.startswith("This bridge took four years to build.") for b in blocks)  # the body follows


def test_a_json_array_by_one_speaker_opens_with_its_fields_and_loses_its_markup() -> None:
    payload = json.dumps([
        {"fecha": "2024-05-02", "orador": "Lucía Berrondo Arrieta", "acto": "Inauguración del parque eólico",
         "texto": "Buenos días a todas y a todos.\n\nHace cuatro años nos decían que era imposible."},
        {"fecha": "2024-05-02", "orador": "Lucía Berrondo Arrieta", "acto": "Foro de Cooperativas",
         "texto": "<p>Gracias, presidenta, y gracias a todas las cooperativas.</p><p>Esta mañana he estado en Punta Garza.</p>"},
    ])
    meta: dict[str, str] = {}
    from pipeline.clean import json_to_text

    text = json_to_text(payload, meta=meta)
    assert text.startswith("Inauguración del parque eólico\n\nLucía Berrondo Arrieta\n\nDate: 2024-05-02\n\n")
    assert meta["occasion"] == "Inauguración del parque eólico"
    assert "<p>" not in text and "Gracias, presidenta, y gracias a todas las cooperativas." in text
