"""Finding, reading and decoding files in raw/ (pipeline.sources)."""

from __future__ import annotations

import codecs
import hashlib
import os
import random
from pathlib import Path

import pytest

from pipeline.config import SourcesConfig, load_config
from pipeline.errors import (
    BinaryFileError,
    EmptyFileError,
    PipelineError,
    TooLargeError,
    UndecodableError,
    UnreadableError,
    UnsupportedTypeError,
    VanishedError,
)
from pipeline.records import RawDocument
from pipeline.sources import check_name, decode_bytes, detect_format, discover_files, doc_id_for, read_source


def raw(data: bytes, path: str = "doc.txt") -> RawDocument:
    return RawDocument(path=path, data=data, sha256=hashlib.sha256(data).hexdigest())


def assert_names_file(error: PipelineError, name: str) -> None:
    """The detail is a sentence a person can act on, and says which file it is about."""
    assert name in error.detail, error.detail
    assert len(error.detail.split()) >= 5, error.detail


# ---- texts used for decoding ------------------------------------------------------------------

ENGLISH = (
    "The committee met on Tuesday to discuss the budget for the coming year. After a long debate the "
    "members agreed to raise spending on schools and hospitals, and to ask the regional government for "
    "help with the repair of the bridge. The chairman thanked the secretary for her report and closed "
    "the meeting at six o'clock in the evening."
)

ENGLISH_CURLY = (
    "Ladies and gentlemen, it is a great honour to speak to you today. When I was a boy my father told me, "
    "\u201cNever give up on the things that matter.\u201d I have tried to live by those words. Our town has "
    "changed a great deal since then, but the people haven\u2019t. We still believe in hard work, in our "
    "neighbours, and in the promise that tomorrow can be better than today. Thank you."
)

# A short passage said twice, as in a form letter or a repeated notice.
ENGLISH_CURLY_REPEATED = (
    "He said \u201cwe will win\u201d and the crowd cheered. The minister\u2019s reply was short. "
) * 5

RUSSIAN = (
    "Дорогие товарищи! Сегодня мы собрались здесь, чтобы подвести итоги работы нашего завода за год. "
    "План выполнен досрочно, и это результат самоотверженного труда каждого рабочего, инженера и техника. "
    "Впереди у нас новые задачи: нужно обновить оборудование, построить новый цех и общежитие для молодых "
    "специалистов. Я уверен, что мы справимся с ними так же успешно, как и в прошлом году."
)

KOREAN = (
    "친애하는 동포 여러분, 오늘 우리는 광복 쉰 돌을 맞이하여 이 자리에 모였습니다. 우리 민족은 오랜 세월 동안 "
    "외세의 침략과 분단의 고통을 겪어 왔습니다. 그러나 우리는 결코 희망을 잃지 않았습니다. 이제 우리는 "
    "평화와 번영의 새로운 미래를 향해 함께 나아가야 합니다. 모든 국민이 힘을 모은다면 이루지 못할 일은 "
    "없을 것입니다. 감사합니다."
)


# ---- discovery --------------------------------------------------------------------------------


def test_discovery_skips_dot_paths_and_is_sorted(tmp_path: Path) -> None:
    files = [
        "b.txt",
        "a.txt",
        "2020/z.md",
        "2020/a.html",
        "10/x.txt",
        ".hidden.txt",
        ".git/config",
        "2020/.DS_Store",
        "2020/.cache/page.txt",
        "notes/.draft/speech.txt",
    ]
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text of " + name, encoding="utf-8")

    found = list(discover_files(tmp_path))
    paths = [f.path for f in found]

    assert paths == sorted(["10/x.txt", "2020/a.html", "2020/z.md", "a.txt", "b.txt"])
    assert all(not part.startswith(".") for p in paths for part in p.split("/"))
    by_path = {f.path: f for f in found}
    assert by_path["a.txt"].size == len("text of a.txt")


def test_discovery_of_empty_directory(tmp_path: Path) -> None:
    assert list(discover_files(tmp_path)) == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("1993/000_eeed716001cc5ed3.txt", "1993/000_eeed716001cc5ed3"),
        ("speech.md", "speech"),
        ("a/b/report.2020.html", "a/b/report.2020"),
        ("README", "README"),
        ("dir/no_extension", "dir/no_extension"),
    ],
)
def test_doc_id_is_path_without_last_extension(path: str, expected: str) -> None:
    assert doc_id_for(path) == expected


# ---- decoding: encodings ----------------------------------------------------------------------


def test_decode_plain_utf8() -> None:
    text = "Café, naïve, Zürich — “quoted” words and 한국어 text. " * 8
    decoded = decode_bytes(raw(text.encode("utf-8")))
    assert decoded.encoding == "utf-8"
    assert decoded.text == text


def test_decode_utf8_with_bom() -> None:
    decoded = decode_bytes(raw(ENGLISH.encode("utf-8-sig")))
    assert decoded.encoding == "utf-8-sig"
    assert decoded.text == ENGLISH
    assert not decoded.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text = ENGLISH + " " + RUSSIAN
    decoded = decode_bytes(raw(bom + text.encode(codec)))
    assert decoded.encoding == "utf-16"
    assert decoded.text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom_is_not_read_as_utf8(codec: str) -> None:
    data = ENGLISH.encode(codec)
    # Mostly-ASCII UTF-16 is valid UTF-8 full of NULs: that reading must not win.
    data.decode("utf-8")
    decoded = decode_bytes(raw(data))
    assert decoded.encoding == codec
    assert decoded.text == ENGLISH
    assert "\x00" not in decoded.text


@pytest.mark.parametrize(
    "text",
    [ENGLISH_CURLY, ENGLISH_CURLY_REPEATED],
    ids=["speech", "short_passage_repeated"],
)
def test_decode_cp1252_curly_quotes(text: str) -> None:
    data = text.encode("cp1252")
    assert b"\x93" in data and b"\x94" in data
    decoded = decode_bytes(raw(data))
    assert decoded.text == text
    assert "\u201c" in decoded.text and "\u201d" in decoded.text


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_decode_russian_legacy_code_pages(codec: str) -> None:
    decoded = decode_bytes(raw(RUSSIAN.encode(codec)))
    assert decoded.text == RUSSIAN
    assert codecs.lookup(decoded.encoding).name == codecs.lookup(codec).name


def test_decode_korean_euc_kr() -> None:
    decoded = decode_bytes(raw(KOREAN.encode("euc-kr")))
    assert decoded.text == KOREAN
    # cp949 is a superset of EUC-KR; either name decodes these bytes to the same text.
    assert codecs.lookup(decoded.encoding).name in ("euc_kr", "cp949")


def test_decode_records_format_from_extension() -> None:
    assert decode_bytes(raw(b"# Title\n\nText here.", "a.md")).format == "markdown"
    assert decode_bytes(raw(b"<p>Hello there</p>", "a.html")).format == "html"
    assert decode_bytes(raw(b'{"text": "Hello there"}', "a.json")).format == "json"
    assert decode_bytes(raw(b"<!DOCTYPE html><html><body>x</body></html>", "a.txt")).format == "html"
    assert decode_bytes(raw(b"Just text.", "a.txt")).format == "text"


# ---- decoding: bad inputs ---------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  \n"], ids=["empty", "whitespace"])
def test_empty_or_whitespace_file(data: bytes) -> None:
    with pytest.raises(EmptyFileError) as info:
        decode_bytes(raw(data, "1999/blank.txt"))
    assert info.value.reason == "empty"
    assert_names_file(info.value, "1999/blank.txt")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml", "ZIP"),
    ],
    ids=["pdf", "png", "zip"],
)
def test_binary_signatures_named_txt(data: bytes, what: str) -> None:
    with pytest.raises(BinaryFileError) as info:
        decode_bytes(raw(data, "speeches/report.txt"))
    assert info.value.reason == "binary"
    assert_names_file(info.value, "speeches/report.txt")
    assert what in info.value.detail


def test_random_bytes_with_nuls_are_binary() -> None:
    rnd = random.Random(1234)
    data = b"\x00\x01" + bytes(rnd.randrange(256) for _ in range(4000))
    with pytest.raises(BinaryFileError) as info:
        decode_bytes(raw(data, "dump.txt"))
    assert info.value.reason == "binary"
    assert_names_file(info.value, "dump.txt")


def test_text_full_of_control_characters_is_binary() -> None:
    data = ("abc\x01\x02\x03\x04\x05\x06\x07\x08" * 50).encode("ascii")
    with pytest.raises(BinaryFileError) as info:
        decode_bytes(raw(data, "ctl.txt"))
    assert info.value.reason == "binary"
    assert_names_file(info.value, "ctl.txt")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(0x80, 0x100)) * 10,
        codecs.BOM_UTF16_LE + b"\x00\xd8A\x00",  # a lone surrogate after a UTF-16 BOM
        codecs.BOM_UTF8 + b"Hello \xff\xfe world",
    ],
    ids=["high_bytes", "bad_utf16_after_bom", "bad_utf8_after_bom"],
)
def test_undecodable_bytes(data: bytes) -> None:
    with pytest.raises(UndecodableError) as info:
        decode_bytes(raw(data, "odd/bytes.txt"))
    assert info.value.reason == "undecodable"
    assert_names_file(info.value, "odd/bytes.txt")


# ---- names and reading ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["scan.pdf", "minutes.docx", "table.tsv"])
def test_unsupported_extension(name: str) -> None:
    with pytest.raises(UnsupportedTypeError) as info:
        check_name(f"2001/{name}", SourcesConfig())
    assert info.value.reason == "unsupported_type"
    assert Path(name).suffix in info.value.detail
    assert_names_file(info.value, name)


@pytest.mark.parametrize("name", ["speech.txt.part", "download.tmp", "notes.txt~", "page.html.crdownload"])
def test_temporary_names(name: str) -> None:
    with pytest.raises(UnsupportedTypeError) as info:
        check_name(f"incoming/{name}", SourcesConfig())
    assert info.value.reason == "unsupported_type"
    assert_names_file(info.value, name)
    assert "temporary" in info.value.detail


@pytest.mark.parametrize("name", ["a.txt", "b.TXT", "c.md", "d.html", "e.json", "f.srt", "g.vtt", "README"])
def test_text_names_pass(name: str) -> None:
    check_name(name, SourcesConfig())


@pytest.mark.parametrize(("name", "text", "fmt"), [
    ("talk.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n", "vtt"),
    ("talk.txt", "\ufeffWEBVTT - exported\n\n00:01.000 --> 00:02.000\nHello.\n", "vtt"),
    ("talk.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello.\n", "srt"),
    ("talk.txt", "WEBVTT is a caption format; this is a note about it.\n", "text"),
])
def test_caption_formats_are_recognised(name: str, text: str, fmt: str) -> None:
    assert detect_format(name, text) == fmt


def test_read_source_returns_bytes_and_hash(tmp_path: Path) -> None:
    data = ENGLISH.encode("utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_bytes(data)
    doc = read_source(tmp_path, "sub/x.txt", SourcesConfig())
    assert doc.path == "sub/x.txt"
    assert doc.data == data
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_too_large(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"word " * 100)
    with pytest.raises(TooLargeError) as info:
        read_source(tmp_path, "big.txt", SourcesConfig(max_bytes=100))
    assert info.value.reason == "too_large"
    assert_names_file(info.value, "big.txt")
    # At the limit is fine.
    assert read_source(tmp_path, "big.txt", SourcesConfig(max_bytes=500)).data == b"word " * 100


def test_too_large_limit_from_toml(tmp_path: Path) -> None:
    config_file = tmp_path / "settings.toml"
    config_file.write_text("[sources]\nmax_bytes = 64\n", encoding="utf-8")
    config = load_config(config_file)
    assert config.sources.max_bytes == 64
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    (raw_dir / "long.txt").write_bytes(b"x" * 65)
    with pytest.raises(TooLargeError):
        read_source(raw_dir, "long.txt", config.sources)


def test_vanished_file(tmp_path: Path) -> None:
    with pytest.raises(VanishedError) as info:
        read_source(tmp_path, "2020/gone.txt", SourcesConfig())
    assert info.value.reason == "vanished"
    assert_names_file(info.value, "2020/gone.txt")


def test_unreadable_file_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked.txt").write_bytes(b"Some text that cannot be read.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(UnreadableError) as info:
        read_source(tmp_path, "locked.txt", SourcesConfig())
    assert info.value.reason == "unreadable"
    assert_names_file(info.value, "locked.txt")
    assert "Permission denied" in info.value.detail


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_chmod(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(b"Some text that cannot be read.")
    path.chmod(0)
    try:
        with pytest.raises(UnreadableError) as info:
            read_source(tmp_path, "locked.txt", SourcesConfig())
        assert info.value.reason == "unreadable"
        assert_names_file(info.value, "locked.txt")
    finally:
        path.chmod(0o644)


def test_directory_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(UnreadableError) as info:
        read_source(tmp_path, "folder.txt", SourcesConfig())
    assert_names_file(info.value, "folder.txt")


def test_czech_in_cp1250_is_not_read_as_cp1252() -> None:
    text = ("Vážení spoluobčané, vážení hosté, dovolte mi, abych vás přivítala na břehu řeky. "
            "Stavba mostu trvala čtrnáct měsíců a spojuje dvě obce, které k sobě vždy patřily.\n") * 3
    decoded = decode_bytes(RawDocument("cz.txt", text.encode("cp1250"), "x"))
    assert decoded.encoding == "cp1250"
    assert "břehu" in decoded.text
