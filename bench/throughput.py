"""Throughput of the pipeline: how many MB/s a corpus of N documents goes through, measured side by
side with a floor (reading and decoding only), a naive design, the one-process runner, and the
Prefect flow on all cores and on one.

    python bench/throughput.py [--sizes 1000,10000] [--out bench/results/throughput.json]
                               [--workdir DIR] [--naive-docs 150] [--skip-full] [--keep]

For each size N it builds a corpus of N documents (copies of the seeds in raw/, of every file under
tests/corpus/ and of ../shared/corpus/real/** when present, each copy made different by rotating
the sentences of its paragraphs), then measures:

- floor: read + decode_bytes + NFC + split into lines and blocks, one process;
- naive: ftfy on every text, langdetect (no cache) on every paragraph and section, one Parquet
  file per document, on a sample of --naive-docs documents, per-stage shares;
- single: `python -m pipeline.runner RAW OUT` (one process, no Prefect);
- full_1worker / full: `speechcorpus run --workers 1` / all cores (Prefect), with the Prefect
  startup and overhead read from the flow's log lines;
- incremental (largest size): one new file added, `speechcorpus run` again, against the fixed
  startup of a run over an empty raw/;
- the output's shape (Parquet files per table) and DuckDB read times;
- language agreement of paragraphs.language with plain seeded langdetect.

See bench/README.md for what every number means. MB are 10**6 bytes of source files.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS_GLOB = "raw/*.txt"
TEST_CORPUS = ROOT / "tests" / "corpus"
REAL_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
# Index and expectation files at the top of those folders describe the documents; they are not ones.
TOP_LEVEL_SKIP = {"MANIFEST.tsv", "expected.json", "README.md", "README.txt", "README"}
PER_FOLDER = 100
MB = 1e6
PY = Path(sys.executable)
VENV_BIN = ROOT / ".venv" / "bin"
TIME_BIN = Path("/usr/bin/time")
PARALLEL_TARGET = 1.7


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def rnd(x: float | None, digits: int = 3) -> float | None:
    return None if x is None else round(x, digits)


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 4) if a and b else None


# ==== corpus ======================================================================================

# A blank line with any line ending (the Kenyan Hansard uses bare CR).
_BLOCK_SEP = re.compile(r"(?:\r\n?|\n)[^\S\r\n]*(?:\r\n?|\n)\s*")
# Sentence ends: the brief's (?<=[.!?])\s+, plus CJK full stops, which take no space after them
# (without them Chinese and Japanese copies would all be byte-identical).
_SENT_SEP = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*")
_SRT_HEAD = re.compile(r"\A\s*\d+[ \t]*\r?\n[^\n]*-->[^\n]*(?:\n|\Z)")
_HTML_TAG = re.compile(r"(<[^>]*>)")
_JSON_INDENT = re.compile(r"\n( +)\S")


class Unit:
    """A block of two or more sentences whose order can be rotated; separators stay in place."""

    __slots__ = ("lead", "sentences", "seps", "trail")

    def __init__(self, lead: str, sentences: list[str], seps: list[str], trail: str) -> None:
        self.lead, self.sentences, self.seps, self.trail = lead, sentences, seps, trail

    @property
    def n(self) -> int:
        return len(self.sentences)

    @staticmethod
    def parse(block: str) -> Unit | str:
        core = block.strip()
        if not core:
            return block
        start = block.index(core[0])
        lead, trail = block[:start], block[start + len(core):]
        sentences: list[str] = []
        seps: list[str] = []
        pos = 0
        for m in _SENT_SEP.finditer(core):
            if m.end() >= len(core) or m.start() == pos:
                continue
            sentences.append(core[pos:m.start()])
            seps.append(m.group())
            pos = m.end()
        sentences.append(core[pos:])
        if len(sentences) < 2:
            return block
        return Unit(lead, sentences, seps, trail)

    def render(self, r: int) -> str:
        r %= self.n
        order = self.sentences[r:] + self.sentences[:r]
        parts = [self.lead]
        for i, sentence in enumerate(order):
            parts.append(sentence)
            if i < len(self.seps):
                parts.append(self.seps[i])
        parts.append(self.trail)
        return "".join(parts)


Piece = str | Unit


def prose_pieces(text: str, srt: bool = False) -> list[Piece]:
    """Text split into blank-line blocks (Units when they have 2+ sentences) and separators."""
    pieces: list[Piece] = []
    pos = 0

    def block(b: str) -> None:
        if srt:
            head = _SRT_HEAD.match(b)
            if head:
                pieces.append(head.group())
                b = b[head.end():]
        pieces.append(Unit.parse(b))

    for m in _BLOCK_SEP.finditer(text):
        block(text[pos:m.start()])
        pieces.append(m.group())
        pos = m.end()
    block(text[pos:])
    return pieces


def render_pieces(pieces: list[Piece], rotations: Iterator[int]) -> str:
    return "".join(p if isinstance(p, str) else p.render(next(rotations)) for p in pieces)


class Variator:
    """Copies of one text: copy k rotates every block's sentences by k; when that repeats an earlier
    copy, a mixed-radix rotation (block b rotated by digit b of k) is used instead."""

    def __init__(self, text: str, fmt: str) -> None:
        self.units: list[Unit] = []
        self.render: Callable[[list[int]], str]
        if fmt == "json":
            try:
                obj = json.loads(text)
            except ValueError:
                obj = None
            if obj is not None:
                indent_m = _JSON_INDENT.search(text[:2000])
                indent = len(indent_m.group(1)) if indent_m else None
                tree = self._json_tree(obj)
                self.render = lambda rot: json.dumps(self._json_build(tree, iter(rot)), ensure_ascii=False,
                                                     indent=indent)
                return
        if fmt == "html":
            pieces: list[Piece] = []
            for i, chunk in enumerate(_HTML_TAG.split(text)):
                pieces.extend([chunk] if i % 2 else prose_pieces(chunk))
        else:
            pieces = prose_pieces(text, srt=fmt == "srt")
        self.units = [p for p in pieces if isinstance(p, Unit)]
        self.render = lambda rot: render_pieces(pieces, iter(rot))

    def _json_tree(self, obj: Any) -> Any:
        if isinstance(obj, str):
            pieces = prose_pieces(obj)
            self.units.extend(p for p in pieces if isinstance(p, Unit))
            return ("\0s", pieces)
        if isinstance(obj, list):
            return [self._json_tree(x) for x in obj]
        if isinstance(obj, dict):
            return {k: self._json_tree(v) for k, v in obj.items()}
        return obj

    def _json_build(self, node: Any, rot: Iterator[int]) -> Any:
        if isinstance(node, tuple) and len(node) == 2 and node[0] == "\0s":
            return render_pieces(node[1], rot)
        if isinstance(node, list):
            return [self._json_build(x, rot) for x in node]
        if isinstance(node, dict):
            return {k: self._json_build(v, rot) for k, v in node.items()}
        return node

    def simple(self, k: int) -> str:
        return self.render([k % u.n for u in self.units])

    def mixed_radix(self, k: int) -> str:
        digits = []
        for u in self.units:
            digits.append(k % u.n)
            k //= u.n
        return self.render(digits)


@dataclass
class Source:
    label: str  # where it came from, e.g. real/kcna_news_en/headlines_2024-08-04.json
    name: str  # its file name
    data: bytes
    encoding: str | None = None  # codec to re-encode copies in; None: copies keep the bytes
    fmt: str = "binary"
    variator: Variator | None = None
    seen: set[str] = field(default_factory=set)
    next_k: int = 0


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_source(label: str, path: Path) -> Source:
    from pipeline.errors import PipelineError
    from pipeline.records import RawDocument
    from pipeline.sources import decode_bytes, detect_format

    data = path.read_bytes()
    source = Source(label=label, name=path.name, data=data)
    text: str | None = None
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        # Not UTF-8: re-encode copies in the encoding the pipeline reads it as, if that gives the
        # same bytes back; otherwise copies keep the bytes as they are (only the name varies).
        try:
            decoded = decode_bytes(RawDocument(path=path.name, data=data, sha256=""))
            encoding, text = decoded.encoding, decoded.text
        except (PipelineError, LookupError):
            text = None
    if text is not None:
        try:
            if text.encode(encoding) == data:
                source.encoding = encoding
                source.fmt = detect_format(path.name, text)
                source.variator = Variator(text, source.fmt)
        except (UnicodeError, LookupError):
            pass
    source.seen.add(_sha(data))
    return source


def copy_bytes(source: Source, k: int) -> tuple[bytes, str]:
    """The bytes of copy k of `source` and how they were made different."""
    if k == 0:
        return source.data, "original"
    if source.variator is None or source.encoding is None:
        return source.data, "same_bytes"
    for how, make in (("rotated", source.variator.simple), ("rotated_mixed", source.variator.mixed_radix)):
        try:
            data = make(k).encode(source.encoding)
        except UnicodeError:
            return source.data, "same_bytes"
        if _sha(data) not in source.seen:
            source.seen.add(_sha(data))
            return data, how
    # Too few sentences to rotate into a new copy: only trailing newlines differ (cleaning strips
    # them, so to the pipeline's caches this copy is the same text).
    for extra in range(1, 10_000):
        data = (source.variator.render([0] * len(source.variator.units)) + "\n" * extra).encode(source.encoding)
        if _sha(data) not in source.seen:
            source.seen.add(_sha(data))
            return data, "trailing_newlines"
    return source.data, "same_bytes"


def _files_under(root: Path, skip_hidden: bool = False) -> list[Path]:
    """Every file under `root` (none when it is absent), but the folder's index/expectation files."""
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or (len(rel.parts) == 1 and rel.name in TOP_LEVEL_SKIP):
            continue
        if skip_hidden and any(part.startswith(".") for part in rel.parts):
            continue
        found.append(path)
    return found


def collect_sources() -> tuple[list[Source], dict[str, Any]]:
    sources: list[Source] = []
    seeds = sorted(ROOT.glob(SEEDS_GLOB))
    for path in seeds:
        sources.append(load_source(f"raw/{path.name}", path))
    tests = _files_under(TEST_CORPUS)
    for path in tests:
        sources.append(load_source(f"tests/corpus/{path.relative_to(TEST_CORPUS).as_posix()}", path))
    real = _files_under(REAL_CORPUS, skip_hidden=True)
    for path in real:
        sources.append(load_source(f"real/{path.relative_to(REAL_CORPUS).as_posix()}", path))
    info = {
        "seeds": len(seeds),
        "tests_corpus": len(tests) if TEST_CORPUS.is_dir() else "absent",
        "shared_real": len(real) if REAL_CORPUS.is_dir() else "absent",
        "sources": len(sources),
        "source_bytes": sum(len(s.data) for s in sources),
        "not_varied": [s.label for s in sources if s.variator is None],
    }
    return sources, info


def copy_name(index: int, name: str) -> str:
    """A unique name that keeps the source's extension, hidden dot and temporary suffixes."""
    if name.startswith("."):
        return f".{index:06d}-{name[1:]}"
    return f"{index:06d}-{name}"


@dataclass
class Corpus:
    raw: Path
    files: list[tuple[str, int, int]]  # relative path, source index, size
    info: dict[str, Any]


def build_corpus(raw: Path, n: int, sources: list[Source]) -> Corpus:
    for s in sources:  # every size starts from copy 0
        s.seen = {_sha(s.data)}
    if raw.exists():
        shutil.rmtree(raw)
    raw.mkdir(parents=True)
    files: list[tuple[str, int, int]] = []
    how_counts: collections.Counter[str] = collections.Counter()
    formats: collections.Counter[str] = collections.Counter()
    fmt_bytes: collections.Counter[str] = collections.Counter()
    copies: collections.Counter[int] = collections.Counter()
    hashes: set[str] = set()
    started = time.perf_counter()
    for i in range(n):
        si = i % len(sources)
        source = sources[si]
        k = copies[si]
        copies[si] += 1
        data, how = copy_bytes(source, k)
        source.next_k = copies[si]
        how_counts[how] += 1
        rel = f"g{i // PER_FOLDER:04d}/{copy_name(i, source.name)}"
        (raw / rel).parent.mkdir(exist_ok=True)
        (raw / rel).write_bytes(data)
        files.append((rel, si, len(data)))
        formats[source.fmt] += 1
        fmt_bytes[source.fmt] += len(data)
        hashes.add(_sha(data))
    info = {
        "documents": n,
        "bytes": sum(f[2] for f in files),
        "mb": round(sum(f[2] for f in files) / MB, 3),
        "folders": math.ceil(n / PER_FOLDER),
        "files_per_folder": PER_FOLDER,
        "sources_used": min(n, len(sources)),
        "formats": dict(formats),
        "format_bytes": dict(fmt_bytes),
        "copies_by_method": dict(how_counts),
        "distinct_sha256": len(hashes),
        "build_seconds": round(time.perf_counter() - started, 2),
    }
    return Corpus(raw=raw, files=files, info=info)


def add_new_file(corpus: Corpus, sources: list[Source]) -> str:
    """One more document, different from every other (for the incremental run)."""
    source = next(s for s in sources if s.variator is not None and s.variator.units)
    k = max(source.next_k, 1)
    data, _ = copy_bytes(source, k)
    source.next_k = k + 1
    rel = f"incremental/{copy_name(len(corpus.files), source.name)}"
    (corpus.raw / rel).parent.mkdir(exist_ok=True)
    tmp = corpus.raw / (rel + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(corpus.raw / rel)
    return rel


# ==== floor =======================================================================================


def measure_floor(corpus: Corpus) -> dict[str, Any]:
    from pipeline.errors import PipelineError
    from pipeline.records import RawDocument
    from pipeline.sources import decode_bytes

    blank = re.compile(r"\n[^\S\n]*\n")
    n_bytes = n_files = n_lines = n_blocks = failed = 0
    hash_s = 0.0
    load = loadavg()
    started = time.perf_counter()
    for dirpath, dirnames, filenames in os.walk(corpus.raw):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            data = path.read_bytes()
            n_bytes += len(data)
            n_files += 1
            t = time.perf_counter()
            hashlib.sha256(data).hexdigest()  # timed apart: not part of the floor
            hash_s += time.perf_counter() - t
            try:
                decoded = decode_bytes(RawDocument(path=name, data=data, sha256=""))
            except PipelineError:
                failed += 1
                continue
            text = unicodedata.normalize("NFC", decoded.text)
            n_lines += len(text.splitlines())
            n_blocks += len(blank.split(text))
    seconds = time.perf_counter() - started - hash_s
    return {
        "seconds": rnd(seconds), "files": n_files, "bytes": n_bytes,
        "mb_s": rnd(n_bytes / MB / seconds), "files_s": rnd(n_files / seconds, 1),
        "lines": n_lines, "blocks": n_blocks, "undecodable_or_binary": failed,
        "sha256_mb_s": rnd(n_bytes / MB / hash_s, 1) if hash_s else None, "loadavg": load,
    }


# ==== naive =======================================================================================


def sample_indices(n_files: int, n_sources: int, k: int) -> list[int]:
    """k documents spread over the corpus and over its sources: a stride coprime with the number of
    sources (documents go round-robin over sources), so consecutive picks hit different sources."""
    k = max(1, min(k, n_files))
    stride = max(1, n_files // k)
    while stride > 1 and math.gcd(stride, n_sources) != 1:
        stride -= 1
    return sorted({(j * stride) % n_files for j in range(k)})


@contextlib.contextmanager
def patched(patches: list[tuple[Any, str, Any]]) -> Iterator[None]:
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in patches]
    try:
        for obj, name, value in patches:
            setattr(obj, name, value)
        yield
    finally:
        for obj, name, value in reversed(saved):
            setattr(obj, name, value)


def measure_naive(corpus: Corpus, n_sources: int, n_docs: int, out_dir: Path) -> dict[str, Any]:
    import dataclasses

    import ftfy
    import pyarrow as pa

    import pipeline.clean as clean
    import pipeline.document as document
    import pipeline.tag as tag
    from pipeline.config import Config
    from pipeline.errors import PipelineError
    from pipeline.records import RawDocument
    from pipeline.schema import DOC_TABLES
    from pipeline.store import write_parquet

    config = Config()
    timers: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timers[name] += time.perf_counter() - t
                calls[name] += 1
        return wrapper

    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    def naive_language(text: str, container: Any, script: str, cfg: Any, limit: int = 10_000) -> Any:
        # Every paragraph and every section: plain seeded langdetect on the text itself (a fresh
        # detector per call, all 7 walks), no cache, no shortcut, no early stop.
        t = time.perf_counter()
        try:
            DetectorFactory.seed = cfg.langdetect_seed
            try:
                found = detect_langs(text[:10_000])
            except LangDetectException:
                return tag.Language(tag.UND, 0.0)
            if not found:
                return tag.Language(tag.UND, 0.0)
            code = found[0].lang.split("-")[0] if found[0].prob >= cfg.min_language_score else tag.UND
            return tag.Language(code, round(float(found[0].prob), 4))
        finally:
            timers["langdetect"] += time.perf_counter() - t
            calls["langdetect"] += 1

    def no_body_language(text: str, cfg: Any, limit: int | None = None) -> Any:
        # The document-wide sample only feeds the pipeline's shortcut; the naive design has none.
        return tag.Language(tag.UND, 0.0)

    # process_document imported these names from pipeline.tag/sources/segment, so they are patched
    # where it looks them up (pipeline.document) as well as in their own modules.
    for obj, name in ((clean, "needs_ftfy"), (clean, "clean_document"), (document, "decode_bytes"),
                      (document, "segment_document"), (document, "paragraph_language"),
                      (document, "detect_language")):
        if not hasattr(obj, name):
            raise RuntimeError(f"{obj.__name__}.{name} is gone: the naive design's patches need updating")
    patches = [
        (clean, "needs_ftfy", lambda text: True),
        (ftfy, "fix_text", timed("ftfy", ftfy.fix_text)),
        (clean, "clean_document", timed("clean", clean.clean_document)),
        (document, "decode_bytes", timed("decode", document.decode_bytes)),
        (document, "segment_document", timed("segment", document.segment_document)),
        (document, "paragraph_language", naive_language),
        (tag, "paragraph_language", naive_language),
        (document, "detect_language", no_body_language),
    ]
    indices = sample_indices(len(corpus.files), n_sources, n_docs)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    run_id = "naive"
    processed_at = dt.datetime.now(dt.UTC)

    def one(rel: str, dest: Path) -> tuple[int, bool]:
        t0 = time.perf_counter()
        data = (corpus.raw / rel).read_bytes()
        raw = RawDocument(path=rel, data=data, sha256=hashlib.sha256(data).hexdigest())
        t1 = time.perf_counter()
        timers["read"] += t1 - t0
        try:
            result = document.process_document(raw, config)
        except PipelineError:
            timers["process"] += time.perf_counter() - t1
            return len(data), False
        t2 = time.perf_counter()
        timers["process"] += t2 - t1
        doc = dataclasses.asdict(result.document)
        doc.update(processed_at=processed_at, run_id=run_id)
        rows = {"documents": [doc],
                "sections": [dataclasses.asdict(r) for r in result.sections],
                "paragraphs": [dataclasses.asdict(r) for r in result.paragraphs],
                "quotes": [dataclasses.asdict(r) for r in result.quotes]}
        for table, schema in DOC_TABLES.items():
            if rows[table]:
                write_parquet(pa.Table.from_pylist(rows[table], schema=schema), dest / f"{table}.parquet")
        timers["write"] += time.perf_counter() - t2
        return len(data), True

    with patched(patches):
        # Warm-up, untimed: langdetect's profiles, dateparser's locales, imports.
        naive_language("A warm-up sentence for the language detector.", None, "latin", config.tag)
        warm = sorted(ROOT.glob(SEEDS_GLOB))
        if warm:
            with contextlib.suppress(PipelineError):
                document.process_document(RawDocument(warm[0].name, warm[0].read_bytes(), ""), config)
        timers.clear()
        calls.clear()
        load = loadavg()
        n_bytes = docs = rejects = 0
        for j, idx in enumerate(indices):
            size, ok = one(corpus.files[idx][0], out_dir / f"{j:05d}")
            n_bytes += size
            docs += ok
            rejects += not ok

    total = timers["read"] + timers["process"] + timers["write"]
    stages = {
        "read": timers["read"],
        "decode": timers["decode"],
        "ftfy": timers["ftfy"],
        "clean_rest": timers["clean"] - timers["ftfy"],
        "segment": timers["segment"],
        "langdetect": timers["langdetect"],
        "rows_write": timers["process"] - timers["decode"] - timers["clean"] - timers["segment"]
        - timers["langdetect"] + timers["write"],
    }
    mb_s = n_bytes / MB / total if total else None
    return {
        "sample_docs": len(indices), "sample_bytes": n_bytes, "documents": docs, "rejects": rejects,
        "seconds": rnd(total), "mb_s": rnd(mb_s, 4), "files_s": rnd(len(indices) / total, 2) if total else None,
        "extrapolated_corpus_seconds": rnd(corpus.info["bytes"] / MB / mb_s, 1) if mb_s else None,
        "stage_seconds": {k: rnd(v) for k, v in stages.items()},
        "stage_share": {k: rnd(v / total) for k, v in stages.items()} if total else {},
        "langdetect_calls": calls["langdetect"], "ftfy_calls": calls["ftfy"],
        "sample_sources": len({corpus.files[i][1] for i in indices}), "loadavg": load,
    }


# ==== subprocesses ================================================================================


class TreeSampler(threading.Thread):
    """Sums the RSS of a process and all its descendants from /proc every `interval` seconds."""

    def __init__(self, root: int, skip_root: bool, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.root, self.skip_root, self.interval = root, skip_root, interval
        self.page = os.sysconf("SC_PAGE_SIZE")
        self.max_sum = 0
        self.max_procs = 0
        self.most_procs = 0
        self.samples = 0
        self._stop_event = threading.Event()

    def sample(self) -> None:
        children: dict[int, list[int]] = collections.defaultdict(list)
        rss: dict[int, int] = {}
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", "rb") as handle:
                    stat = handle.read()
            except OSError:
                continue
            fields = stat[stat.rindex(b")") + 2:].split()
            pid = int(name)
            children[int(fields[1])].append(pid)
            rss[pid] = int(fields[21]) * self.page
        total = procs = 0
        stack = [self.root]
        while stack:
            pid = stack.pop()
            stack.extend(children.get(pid, ()))
            if pid == self.root and self.skip_root:
                continue
            total += rss.get(pid, 0)
            procs += 1
        self.samples += 1
        self.most_procs = max(self.most_procs, procs)
        if total > self.max_sum:
            self.max_sum, self.max_procs = total, procs

    def run(self) -> None:
        if not Path("/proc").is_dir():
            return
        while not self._stop_event.is_set():
            with contextlib.suppress(Exception):
                self.sample()
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)


def run_measured(cmd: list[str], logs: Path) -> dict[str, Any]:
    """Run `cmd`; wall time, peak RSS, and every output line with the time it arrived."""
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("PREFECT_API_URL", None)  # Prefect's throwaway local API, as `make run` uses it
    logs.parent.mkdir(parents=True, exist_ok=True)
    time_file = logs.with_suffix(".time")
    use_time = TIME_BIN.exists()
    full = [str(TIME_BIN), "-v", "-o", str(time_file), *cmd] if use_time else cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    load = loadavg()
    lines: list[tuple[float, str, str]] = []
    started = time.perf_counter()
    proc = subprocess.Popen(full, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    sampler = TreeSampler(proc.pid, skip_root=use_time)
    sampler.start()

    def reader(stream: Any, name: str) -> None:
        for raw_line in iter(stream.readline, b""):
            lines.append((time.perf_counter() - started, name, raw_line.decode("utf-8", "replace").rstrip("\n")))

    readers = [threading.Thread(target=reader, args=(proc.stdout, "out"), daemon=True),
               threading.Thread(target=reader, args=(proc.stderr, "err"), daemon=True)]
    for t in readers:
        t.start()
    rc = proc.wait()
    wall = time.perf_counter() - started
    for t in readers:
        t.join(timeout=10)
    sampler.stop()
    lines.sort(key=lambda x: x[0])
    logs.write_text("".join(f"{t:9.3f} {s} {line}\n" for t, s, line in lines), encoding="utf-8")
    max_rss_kb: int | None = None
    cpu_s: float | None = None
    if use_time and time_file.exists():
        report = time_file.read_text()
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
        max_rss_kb = int(m.group(1)) if m else None
        user = re.search(r"User time \(seconds\): ([\d.]+)", report)
        system = re.search(r"System time \(seconds\): ([\d.]+)", report)
        if user and system:
            cpu_s = float(user.group(1)) + float(system.group(1))
    else:
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        max_rss_kb = after if after > before else None  # else hidden by an earlier, bigger child
    result = {
        "command": " ".join(cmd), "exit_code": rc, "wall_s": rnd(wall),
        "peak_rss_one_process_mb": rnd(max_rss_kb / 1024, 1) if max_rss_kb else None,
        "peak_rss_tree_mb": rnd(sampler.max_sum / 2**20, 1) if sampler.samples else None,
        "processes_at_peak": sampler.max_procs if sampler.samples else None,
        "most_processes": sampler.most_procs if sampler.samples else None,
        "cpu_s": rnd(cpu_s, 2),
        "log": str(logs), "loadavg": load,
    }
    if rc != 0:
        result["stderr_tail"] = [line for _, s, line in lines if s == "err"][-15:]
    result["_lines"] = lines
    return result


_PREFECT_TS = re.compile(r"^(\d\d):(\d\d):(\d\d(?:\.\d+)?) \|")
_BATCH = re.compile(r"batch (\d+)/(\d+) committed: (\d+) documents, (\d+) rejected \(([\d.]+)s\)")
_CLI_TOTAL = re.compile(r"(\d+) files seen: (\d+) new, (\d+) changed, (\d+) unchanged, (\d+) deleted, "
                        r"(\d+) rejected \((\d+) documents written\) in ([\d.]+)s")


def _ts(line: str) -> float | None:
    m = _PREFECT_TS.match(line)
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3)) if m else None


def parse_flow(run: dict[str, Any], corpus_bytes: int, workers: int) -> dict[str, Any]:
    """Startup, flow time, batch time and what is left (Prefect's overhead) from the log lines."""
    lines: list[tuple[float, str, str]] = run.pop("_lines")
    first = {}
    for t, _, line in lines:
        for key, needle in (("server", "Starting temporary server"), ("begin", "Beginning flow run"),
                            ("finish", "Finished in state"), ("stop", "Stopping temporary server")):
            if needle in line and key not in first:
                first[key] = (t, _ts(line))
    batches = [(_BATCH.search(line), t) for t, _, line in lines if _BATCH.search(line)]
    batch_seconds = sum(float(m.group(5)) for m, _ in batches)
    # How many batches ran at once, from each one's commit time and duration (approximate).
    events = sorted([(t - float(m.group(5)), 1) for m, t in batches] + [(t, -1) for _, t in batches])
    running = most = 0
    for _, step in events:
        running += step
        most = max(most, running)
    n_batches = int(batches[0][0].group(2)) if batches else 0
    # The flow uses its process pool only for >= 1 MB of new bytes in more than one batch.
    used = workers if corpus_bytes >= 1_000_000 and n_batches > 1 else 1
    cli = None
    for _, _, line in lines:
        m = _CLI_TOTAL.search(line)
        if m:
            cli = m
    wall = run["wall_s"]
    startup = first["begin"][0] if "begin" in first else None
    flow_s = None
    if "begin" in first and "finish" in first and first["begin"][1] is not None and first["finish"][1] is not None:
        flow_s = (first["finish"][1] - first["begin"][1]) % 86400
    parsed: dict[str, Any] = {
        "startup_s": rnd(startup),
        "server_started_at_s": rnd(first["server"][0]) if "server" in first else None,
        "flow_s": rnd(flow_s),
        "after_flow_s": rnd(wall - first["finish"][0]) if "finish" in first else None,
        "cli_total_s": float(cli.group(8)) if cli else None,
        "batches": n_batches,
        "batch_seconds_sum": rnd(batch_seconds),
        "workers_used": used,
        "batch_seconds_per_worker": rnd(batch_seconds / used),
        "first_batch_committed_s": rnd(min(t for _, t in batches)) if batches else None,
        "max_concurrent_batches_est": most,
    }
    if cli:
        parsed.update(seen=int(cli.group(1)), new=int(cli.group(2)), unchanged=int(cli.group(4)),
                      rejected=int(cli.group(6)), documents=int(cli.group(7)))
    if startup is not None:
        overhead = wall - startup - batch_seconds / used
        parsed["overhead_s"] = rnd(overhead)
        parsed["overhead_share"] = rnd(overhead / wall)
        parsed["startup_share"] = rnd(startup / wall)
        if most > used:
            parsed["overhead_note"] = (f"about {most} batches ran at once on {used} worker(s): batch times "
                                       "include waiting for CPU, so overhead_s is understated")
    return parsed


def run_single(corpus: Corpus, out: Path, logs: Path) -> dict[str, Any]:
    if out.exists():
        shutil.rmtree(out)
    run = run_measured([str(PY), "-m", "pipeline.runner", str(corpus.raw), str(out)], logs)
    lines = run.pop("_lines")
    counts: dict[str, Any] = {}
    for _, stream, line in lines:
        if stream == "out" and line.startswith("seen="):
            counts = dict(part.split("=", 1) for part in line.split())
    wall = run["wall_s"]
    run.update(
        mb_s=rnd(corpus.info["bytes"] / MB / wall, 4), files_s=rnd(len(corpus.files) / wall, 2),
        in_process_s=float(counts["seconds"]) if "seconds" in counts else None,
        documents=int(counts["documents"]) if "documents" in counts else None,
        rejected=int(counts["rejected"]) if "rejected" in counts else None,
    )
    if run["in_process_s"] is not None:
        run["startup_and_exit_s"] = rnd(wall - run["in_process_s"])
    return run


def speechcorpus_cmd(raw: Path, out: Path, workers: int | None) -> list[str]:
    exe = VENV_BIN / "speechcorpus"
    cmd = [str(exe)] if exe.exists() else [str(PY), "-m", "flows.cli"]
    cmd += ["run", "--raw", str(raw), "--out", str(out), "--settle", "0"]
    if workers:
        cmd += ["--workers", str(workers)]
    return cmd


def run_flow(corpus_raw: Path, corpus_bytes: int, n_files: int, out: Path, logs: Path, workers: int | None,
             fresh: bool = True) -> dict[str, Any]:
    if fresh and out.exists():
        shutil.rmtree(out)
    run = run_measured(speechcorpus_cmd(corpus_raw, out, workers), logs)
    run.update(parse_flow(run, corpus_bytes, workers or os.cpu_count() or 1))
    wall = run["wall_s"]
    run.update(mb_s=rnd(corpus_bytes / MB / wall, 4), files_s=rnd(n_files / wall, 2))
    return run


# ==== output ======================================================================================


def output_shape(out: Path, corpus_bytes: int) -> dict[str, Any]:
    import pyarrow.parquet as pq

    tables: dict[str, Any] = {}
    total = 0
    for folder in sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("_")):
        files = sorted(folder.glob("*.parquet"))
        size = sum(f.stat().st_size for f in files)
        rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
        total += size
        tables[folder.name] = {"files": len(files), "bytes": size, "rows": rows,
                               "mean_file_kb": rnd(size / len(files) / 1024, 1) if files else None}
    return {"tables": tables, "parquet_bytes": total, "parquet_over_source": rnd(total / corpus_bytes)}


def _to_arrow(result: Any) -> Any:
    for name in ("to_arrow_table", "arrow", "fetch_arrow_table"):
        fn = getattr(result, name, None)
        if fn is not None:
            return fn()
    raise RuntimeError("this duckdb has no Arrow fetch")


def duckdb_reads(out: Path, repeats: int = 3) -> dict[str, Any]:
    import duckdb

    glob = (out / "paragraphs" / "*.parquet").as_posix()
    con = duckdb.connect()
    count_times, arrow_times = [], []
    answer: Any = None
    rows = nbytes = 0
    for _ in range(repeats):
        t = time.perf_counter()
        answer = con.sql(f"select count(*), sum(n_words) from '{glob}'").fetchall()[0]
        count_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        table = _to_arrow(con.sql(f"select * from '{glob}'"))
        arrow_times.append(time.perf_counter() - t)
        rows, nbytes = table.num_rows, table.nbytes
        del table
    con.close()
    return {
        "count_sum_first_s": rnd(count_times[0], 4), "count_sum_best_s": rnd(min(count_times), 4),
        "arrow_all_first_s": rnd(arrow_times[0], 4), "arrow_all_best_s": rnd(min(arrow_times), 4),
        "paragraphs": answer[0], "n_words": int(answer[1] or 0), "arrow_rows": rows,
        "arrow_mb": rnd(nbytes / MB, 2),
    }


def language_agreement(out: Path, max_n: int = 3000, min_chars: int = 50) -> dict[str, Any]:
    import pyarrow.dataset as ds
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    table = ds.dataset(str(out / "paragraphs"), format="parquet").to_table(columns=["paragraph_id", "text", "language"])
    rows = [(p, t, lang) for p, t, lang in zip(*(table.column(c).to_pylist() for c in ("paragraph_id", "text", "language")))
            if t is not None and len(t) >= min_chars]
    eligible = len(rows)
    if len(rows) > max_n:
        rows = random.Random(0).sample(rows, max_n)
    DetectorFactory.seed = 0
    started = time.perf_counter()
    agree = 0
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    examples: dict[tuple[str, str], str] = {}
    ours_counts: collections.Counter[str] = collections.Counter()
    for pid, text, ours in rows:
        try:
            found = detect_langs(text)  # a fresh detector each call, seeded
            ref = found[0].lang if found else "und"
        except LangDetectException:
            ref = "und"
        if ref in ("zh-cn", "zh-tw"):
            ref = "zh"
        ours_counts[ours] += 1
        if ours == ref:
            agree += 1
        else:
            pairs[(ours, ref)] += 1
            examples.setdefault((ours, ref), f"{pid}: {text[:90]!r}")
    n = len(rows)
    return {
        "paragraphs_eligible": eligible, "paragraphs_checked": n, "min_chars": min_chars,
        "agreement": rnd(agree / n, 4) if n else None,
        "disagreements": n - agree,
        "top_disagreements": [{"ours": o, "langdetect": r, "count": c, "example": examples[(o, r)]}
                              for (o, r), c in pairs.most_common(10)],
        "ours_languages": dict(ours_counts.most_common()),
        "seconds": rnd(time.perf_counter() - started, 1),
    }


# ==== report ======================================================================================


def _fmt(x: Any, spec: str = ".2f") -> str:
    return "-" if x is None else format(x, spec)


def print_size(n: int, r: dict[str, Any]) -> None:
    c = r["corpus"]
    print(f"\n== {n} documents: {c['mb']:.1f} MB in {c['documents']} files, {c['folders']} folders "
          f"({c['distinct_sha256']} distinct contents; formats {c['formats']}) ==")
    print(f"{'mode':<14}{'wall s':>9}{'MB/s':>9}{'files/s':>9}{'RSS MB 1 proc':>15}{'RSS MB tree':>13}  notes")
    f = r["floor"]
    print(f"{'floor':<14}{_fmt(f['seconds']):>9}{_fmt(f['mb_s'], '.3f'):>9}{_fmt(f['files_s'], '.1f'):>9}"
          f"{'':>15}{'':>13}  read+decode+NFC+split; sha256 alone {f['sha256_mb_s']} MB/s")
    nv = r["naive"]
    shares = ", ".join(f"{k} {v:.0%}" for k, v in nv["stage_share"].items())
    print(f"{'naive':<14}{_fmt(nv['seconds']):>9}{_fmt(nv['mb_s'], '.3f'):>9}{_fmt(nv['files_s'], '.1f'):>9}"
          f"{'':>15}{'':>13}  {nv['sample_docs']} docs sampled, whole corpus ~{nv['extrapolated_corpus_seconds']}s")
    print(f"{'':<14}  shares: {shares}")
    for mode in ("single", "full_1worker", "full"):
        m = r.get(mode)
        if not m:
            continue
        note = f"exit {m['exit_code']}, cpu {m.get('cpu_s')}s, {m.get('most_processes')} procs max"
        if mode == "single":
            note += f"; in-process {m.get('in_process_s')}s, {m.get('documents')} docs, {m.get('rejected')} rejected"
        else:
            note += (f"; startup {m.get('startup_s')}s, {m.get('batches')} batches on {m.get('workers_used')} "
                     f"worker(s) = {m.get('batch_seconds_per_worker')}s each, overhead {m.get('overhead_s')}s "
                     f"(~{m.get('max_concurrent_batches_est')} batches at once), beyond single "
                     f"{m.get('excess_vs_single_s')}s")
        print(f"{mode:<14}{_fmt(m['wall_s']):>9}{_fmt(m['mb_s'], '.3f'):>9}{_fmt(m['files_s'], '.1f'):>9}"
              f"{_fmt(m['peak_rss_one_process_mb'], '.0f'):>15}{_fmt(m['peak_rss_tree_mb'], '.0f'):>13}  {note}")
    print("ratios: " + ", ".join(f"{k} {_fmt(v)}" for k, v in r["ratios"].items()))
    shape = r.get("shape")
    if shape:
        print("output: " + ", ".join(f"{t} {v['files']} files/{v['bytes'] / MB:.2f} MB/{v['rows']} rows"
                                     for t, v in shape["tables"].items()))
    d = r.get("duckdb")
    if d:
        print(f"duckdb: count+sum {d['count_sum_first_s']}s (best {d['count_sum_best_s']}s), all paragraphs to "
              f"Arrow {d['arrow_all_first_s']}s (best {d['arrow_all_best_s']}s, {d['arrow_rows']} rows, {d['arrow_mb']} MB)")


def print_tail(results: dict[str, Any]) -> None:
    s = results.get("startup")
    if s:
        print(f"\nstartup (empty raw/, fresh out/): {s['wall_s']}s (first run {s['first_wall_s']}s)")
    inc = results.get("incremental")
    if inc:
        print(f"incremental (+1 file on {inc['corpus_documents']} docs): {inc['wall_s']}s = "
              f"{_fmt(results['ratios'].get('incremental/startup'))} x startup")
    a = results.get("agreement")
    if a:
        print(f"language agreement ({a['size']} docs, {a['paragraphs_checked']} paragraphs >= {a['min_chars']} chars): "
              f"{_fmt(a['agreement'], '.1%')}")
        for p in a["top_disagreements"]:
            print(f"   ours {p['ours']:>4} vs langdetect {p['langdetect']:>5}: {p['count']:4d}  e.g. {p['example'][:100]}")


def write_results(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def meta() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for pkg in ("speechcorpus", "prefect", "pyarrow", "langdetect", "ftfy", "charset-normalizer", "duckdb"):
        try:
            versions[pkg] = version(pkg)
        except PackageNotFoundError:
            versions[pkg] = None
    commit = None
    dirty: list[str] | None = None
    with contextlib.suppress(Exception):  # read-only git queries
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                timeout=10).stdout.strip() or None
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                capture_output=True, text=True, timeout=10).stdout
        dirty = [line[3:] for line in status.splitlines() if line.strip()]
    return {
        "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "host": platform.node(), "cpus": os.cpu_count(), "python": platform.python_version(),
        "platform": platform.platform(), "versions": versions, "git_commit": commit,
        "git_modified_files": dirty,
        "loadavg_at_start": loadavg(), "mb": "10**6 bytes of source files",
        "peak_rss_method": "/usr/bin/time -v" if TIME_BIN.exists() else "getrusage(RUSAGE_CHILDREN)",
    }


def scale_only(sizes: list[int], sources: list[Source], workdir: Path, out: Path, results: dict[str, Any],
               clean_up: bool) -> int:
    """How the full run's peak memory, time and part files grow with the corpus: one full run per size."""
    peaks: dict[str, float] = {}
    for n in sizes:
        base = workdir / f"n{n}"
        base.mkdir(exist_ok=True)
        log(f"[{n}] building the corpus")
        corpus = build_corpus(base / "raw", n, sources)
        log(f"[{n}] {corpus.info['mb']:.1f} MB in {n} files; full: speechcorpus run (all cores)")
        full = run_flow(corpus.raw, corpus.info["bytes"], n, base / "out-full", base / "logs" / "full.log", None)
        results["sizes"][str(n)] = {"corpus": corpus.info, "full": full,
                                    "shape": output_shape(base / "out-full", corpus.info["bytes"])}
        peaks[str(n)] = full.get("peak_rss_tree_mb") or 0.0
        log(f"[{n}] wall {full['wall_s']:.1f}s, {full.get('mb_s')} MB/s, peak RSS tree {peaks[str(n)]} MB, "
            f"one process {full.get('peak_rss_one_process_mb')} MB")
        write_results(out, results)
        if clean_up:
            shutil.rmtree(base, ignore_errors=True)
    if len(sizes) >= 2:
        small, large = str(sizes[0]), str(sizes[-1])
        results["ratios"]["peak_rss_tree large/small"] = ratio(peaks[large], peaks[small])
        log(f"peak RSS of the process tree, {large} vs {small} documents: {results['ratios']['peak_rss_tree large/small']}x")
    results["meta"]["finished"] = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    write_results(out, results)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes in documents (default 1000,10000)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "throughput.json")
    parser.add_argument("--workdir", type=Path, default=None, help="where corpora and outputs go (default: a temp dir)")
    parser.add_argument("--naive-docs", type=int, default=150, help="documents the naive design processes")
    parser.add_argument("--skip-full", action="store_true", help="skip the Prefect runs (quick check)")
    parser.add_argument("--agreement-size", type=int, default=1000,
                        help="corpus size for the language agreement (default 1000; the smallest size if absent)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary workdir")
    parser.add_argument("--scale-only", action="store_true",
                        help="per size only the full run: peak RSS, wall time and output shape (for 50,000 documents)")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or min(sizes) < 1:
        parser.error("--sizes needs positive integers")
    own_workdir = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="speechcorpus-bench-", dir="/tmp")) if own_workdir else args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    agreement_size = args.agreement_size if args.agreement_size in sizes else sizes[0]
    log(f"workdir {workdir}; sizes {sizes}; results -> {args.out}")

    results: dict[str, Any] = {"meta": meta(), "settings": {
        "sizes": sizes, "naive_docs": args.naive_docs, "skip_full": args.skip_full, "workdir": str(workdir),
        "agreement_size": agreement_size}}
    sources, source_info = collect_sources()
    results["sources"] = source_info
    log(f"{len(sources)} sources ({source_info['source_bytes'] / MB:.1f} MB): seeds {source_info['seeds']}, "
        f"tests/corpus {source_info['tests_corpus']}, shared real {source_info['shared_real']}")
    results["sizes"] = {}
    results["ratios"] = {}
    if args.scale_only:
        return scale_only(sizes, sources, workdir, args.out, results, own_workdir and not args.keep)
    try:
        if not args.skip_full:
            empty = workdir / "empty-raw"
            empty.mkdir(exist_ok=True)
            log("startup: speechcorpus run on an empty raw/ (twice; the second counts)")
            first = run_flow(empty, 0, 0, workdir / "empty-out-1", workdir / "logs" / "startup-1.log", None)
            second = run_flow(empty, 0, 0, workdir / "empty-out-2", workdir / "logs" / "startup-2.log", None)
            results["startup"] = {**{k: v for k, v in second.items() if k not in ("mb_s", "files_s")},
                                  "first_wall_s": first["wall_s"]}
        for n in sizes:
            base = workdir / f"n{n}"
            base.mkdir(exist_ok=True)
            log(f"[{n}] building the corpus")
            corpus = build_corpus(base / "raw", n, sources)
            r: dict[str, Any] = {"corpus": corpus.info}
            results["sizes"][str(n)] = r
            log(f"[{n}] {corpus.info['mb']:.1f} MB in {n} files; floor")
            r["floor"] = measure_floor(corpus)
            log(f"[{n}] naive on {args.naive_docs} documents")
            r["naive"] = measure_naive(corpus, len(sources), args.naive_docs, base / "naive-out")
            log(f"[{n}] single: python -m pipeline.runner")
            r["single"] = run_single(corpus, base / "out-single", base / "logs" / "single.log")
            final_out = base / "out-single"
            if not args.skip_full:
                log(f"[{n}] full_1worker: speechcorpus run --workers 1")
                r["full_1worker"] = run_flow(corpus.raw, corpus.info["bytes"], n, base / "out-full1",
                                             base / "logs" / "full1.log", 1)
                log(f"[{n}] full: speechcorpus run (all cores)")
                r["full"] = run_flow(corpus.raw, corpus.info["bytes"], n, base / "out-full",
                                     base / "logs" / "full.log", None)
                final_out = base / "out-full"
            r["shape_of"] = final_out.name
            r["shape"] = output_shape(final_out, corpus.info["bytes"])
            r["duckdb"] = duckdb_reads(final_out)
            full = r.get("full", {})
            single_s = r["single"].get("in_process_s")
            for mode in ("full_1worker", "full"):
                m = r.get(mode)
                if m and single_s and m.get("startup_s") is not None:
                    # Beyond startup, what the flow took over the one-process walk spread evenly on
                    # its workers: Prefect, pool start-up and imbalance together.
                    m["excess_vs_single_s"] = rnd(m["wall_s"] - m["startup_s"] - single_s / m["workers_used"])
            r["ratios"] = {
                "full/naive": ratio(full.get("mb_s"), r["naive"]["mb_s"]),
                "full/full_1worker": ratio(full.get("mb_s"), r.get("full_1worker", {}).get("mb_s")),
                "full/floor": ratio(full.get("mb_s"), r["floor"]["mb_s"]),
                "full/single": ratio(full.get("mb_s"), r["single"]["mb_s"]),
                "single/naive": ratio(r["single"]["mb_s"], r["naive"]["mb_s"]),
                "cpu full/single": ratio(full.get("cpu_s"), r["single"].get("cpu_s")),
            }
            r["parallel_speedup_meets_1.7"] = (r["ratios"]["full/full_1worker"] >= PARALLEL_TARGET
                                               if r["ratios"]["full/full_1worker"] else None)
            results["ratios"][str(n)] = r["ratios"]
            if n == agreement_size:
                log(f"[{n}] language agreement on {final_out.name}")
                results["agreement"] = {"size": n, "output": final_out.name, **language_agreement(final_out)}
            if n == sizes[-1] and not args.skip_full:
                rel = add_new_file(corpus, sources)
                log(f"[{n}] incremental: +{rel}, speechcorpus run again")
                inc = run_flow(corpus.raw, (corpus.raw / rel).stat().st_size, 1, base / "out-full",
                               base / "logs" / "incremental.log", None, fresh=False)
                inc.pop("mb_s", None)
                inc.pop("files_s", None)
                results["incremental"] = {"corpus_documents": n, "new_file": rel, **inc}
                results["ratios"]["incremental/startup"] = ratio(inc["wall_s"], results["startup"]["wall_s"])
            print_size(n, r)
            write_results(args.out, results)
            if own_workdir and not args.keep:
                shutil.rmtree(base, ignore_errors=True)
        results["meta"]["finished"] = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        results["meta"]["loadavg_at_end"] = loadavg()
        write_results(args.out, results)
        print_tail(results)
        log(f"results written to {args.out}")
    finally:
        if own_workdir and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
