"""Finding files in raw/, reading their bytes, and decoding them to text.

Decoding order: byte-order marks; binary signatures; UTF-16/32 without a BOM (NUL-byte pattern,
checked before UTF-8 because mostly-ASCII UTF-16 is valid UTF-8); strict UTF-8; then
charset-normalizer for legacy code pages. The name of the encoding used is recorded.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from charset_normalizer import from_bytes

from .config import SourcesConfig
from .errors import (
    BinaryFileError,
    EmptyFileError,
    TooLargeError,
    UndecodableError,
    UnreadableError,
    UnsupportedTypeError,
    VanishedError,
)
from .records import Decoded, RawDocument, SourceFile

# Magic numbers of formats people drop into raw/ by mistake, named in the reject message.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "a legacy Microsoft Office document"),
    (b"\x7fELF", "an executable program"),
    (b"{\\rtf", "an RTF document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"RIFF", "a RIFF (WAV/AVI/WebP) media file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def is_hidden(relative: PurePosixPath) -> bool:
    """Paths with a part starting with '.' are not documents (the contract's own rule)."""
    return any(part.startswith(".") for part in relative.parts)


def discover_files(raw_dir: str | Path) -> Iterator[SourceFile]:
    """Every file under raw_dir whose path has no dot-part, in sorted path order."""
    root = Path(raw_dir)
    found: list[SourceFile] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            full = Path(dirpath) / name
            relative = PurePosixPath(full.relative_to(root).as_posix())
            try:
                st = full.stat()
            except OSError:
                # Vanished or a dangling symlink: still listed, so the reader reports why.
                found.append(SourceFile(str(relative), -1, 0))
                continue
            found.append(SourceFile(str(relative), st.st_size, st.st_mtime_ns))
    found.sort(key=lambda f: f.path)
    return iter(found)


def doc_id_for(path: str) -> str:
    """The source path without its last extension (contract: Identifiers)."""
    pure = PurePosixPath(path)
    return str(pure.with_suffix("")) if pure.suffix else str(pure)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_name(path: str, config: SourcesConfig) -> None:
    """Reject names that are not documents we can read, before touching the bytes."""
    name = PurePosixPath(path).name
    for suffix in config.ignore_suffixes:
        if name.endswith(suffix):
            raise UnsupportedTypeError(
                f"'{name}' has a temporary-file name (ending '{suffix}'), as left by a download or "
                "an editor; rename it when it is complete and it will be processed."
            )
    ext = PurePosixPath(path).suffix.lower()
    if ext not in config.text_extensions:
        raise UnsupportedTypeError(
            f"'{name}': files of type '{ext}' are not read; convert it to text (.txt, .md, .html, .json, .srt, .vtt) "
            "or remove it from raw/."
        )


def read_source(raw_dir: str | Path, path: str, config: SourcesConfig) -> RawDocument:
    """The bytes of raw_dir/path with their SHA-256; raises a PipelineError a person can act on."""
    full = Path(raw_dir) / path
    try:
        size = full.stat().st_size
    except FileNotFoundError as exc:
        raise VanishedError(f"'{path}' disappeared while the run was reading raw/; it is picked up again if it returns.") from exc
    except OSError as exc:
        raise UnreadableError(f"cannot look at '{path}': {exc.strerror or exc}; check the file's permissions.") from exc
    if size > config.max_bytes:
        raise TooLargeError(
            f"'{path}' is {size:,} bytes, over the limit of {config.max_bytes:,}; split it into "
            "smaller files or raise sources.max_bytes in the configuration."
        )
    try:
        data = full.read_bytes()
    except FileNotFoundError as exc:
        raise VanishedError(f"'{path}' disappeared while the run was reading it; it is picked up again if it returns.") from exc
    except IsADirectoryError as exc:
        raise UnreadableError(f"'{path}' is a directory, not a file.") from exc
    except OSError as exc:
        raise UnreadableError(
            f"cannot read '{path}': {exc.strerror or exc}; check that the file is readable "
            "(e.g. chmod a+r) by the user running the pipeline."
        ) from exc
    if len(data) > config.max_bytes:
        raise TooLargeError(f"'{path}' grew past the limit of {config.max_bytes:,} bytes while being read.")
    return RawDocument(path=path, data=data, sha256=hashlib.sha256(data).hexdigest())


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' if NULs sit on one side of most byte pairs (mostly-ASCII UTF-16)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even = sum(1 for i in range(0, pairs * 2, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if sample[i] == 0)
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = len(_CONTROL.findall(text[:65536]))
    return controls > max(2, 0.01 * min(len(text), 65536))


def detect_format(path: str, text: str) -> str:
    """How the text is marked up: html, json, markdown, srt, vtt or plain text."""
    ext = PurePosixPath(path).suffix.lower()
    head = text.lstrip()[:512].lower()
    if ext in (".html", ".htm", ".xhtml") or head.startswith(("<!doctype html", "<html")):
        return "html"
    if ext == ".json":
        return "json"
    if ext in (".md", ".markdown"):
        return "markdown"
    if ext == ".srt":
        return "srt"
    if ext == ".vtt" or (text.lstrip("\ufeff").startswith("WEBVTT") and "-->" in text[:4096]):
        return "vtt"  # the WebVTT signature, and a cue timing to go with it
    return "text"


# Among code pages that fit the bytes equally well, the ones documents are most often written in
# win: charset-normalizer alone reads short cp1252 English with curly quotes as cp852 (DOS).
_PREFERRED_LEGACY = (
    "cp1252", "cp1251", "cp1250", "koi8_r", "euc_kr", "cp949", "gb18030", "gbk", "big5", "shift_jis",
    "euc_jp", "iso8859_15", "latin_1", "iso8859_2", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "iso8859_5", "mac_cyrillic", "cp866", "koi8_u",
)


def _detect_legacy(data: bytes) -> tuple[str, str] | None:
    """Text and encoding for bytes that are not UTF-8, by charset-normalizer's measure of mess,
    preferring common code pages among equally good fits."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]  # charset-normalizer's ranking: least mess, then most coherent language
    best_text = str(best)
    close = [m for m in matches if m.chaos <= best.chaos + 0.02]
    for preferred in _PREFERRED_LEGACY:
        for match in close:
            names = {codecs.lookup(n).name for n in (match.could_be_from_charset or [match.encoding])}
            if codecs.lookup(preferred).name in names:
                try:
                    text = data.decode(preferred)
                except UnicodeDecodeError:
                    continue
                # A common code page among equally good fits, but not one that reads the bytes as
                # other letters than the best fit does (cp1252's "bøehy" for cp1250's "břehy").
                if text == best_text or match.chaos <= best.chaos:
                    return text, codecs.lookup(preferred).name
    return best_text, codecs.lookup(best.encoding).name


def decode_bytes(raw: RawDocument) -> Decoded:
    """Text and the name of the encoding it was decoded from."""
    data = raw.data
    if not data.strip():
        raise EmptyFileError(
            f"'{raw.path}' is empty or holds only whitespace; add its text or remove it from raw/."
        )
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise BinaryFileError(
                f"'{raw.path}' is {what}, not text; extract its text (e.g. pdftotext for a PDF) "
                "and put the .txt file in raw/ instead."
            )
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise UndecodableError(
                    f"'{raw.path}' starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {exc.start}); re-save it as UTF-8."
                ) from exc
            text = text.lstrip("\ufeff")
            encoding = name
            break
    if text is None and b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise BinaryFileError(
                f"'{raw.path}' contains NUL bytes and is not UTF-16 text: it looks like a binary file; "
                "extract its text and put that in raw/ instead."
            )
        try:
            text, encoding = data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise UndecodableError(f"'{raw.path}' looks like {utf16} but byte {exc.start} is invalid; re-save it as UTF-8.") from exc
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            legacy = _detect_legacy(data)
            if legacy is None:
                raise UndecodableError(
                    f"'{raw.path}' is not UTF-8 and no legacy encoding fits its bytes; re-save it "
                    "as UTF-8 (e.g. iconv -f <encoding> -t utf-8)."
                ) from None
            text, encoding = legacy
    if _looks_binary(text):
        raise BinaryFileError(
            f"'{raw.path}' decodes as {encoding} but is full of control characters: it looks like "
            "a binary file; extract its text and put that in raw/ instead."
        )
    return Decoded(text=text, encoding=encoding, format=detect_format(raw.path, text))
