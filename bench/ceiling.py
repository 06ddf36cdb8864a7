"""How fast the stage functions would run if language tagging cost nothing: the ceiling that the
rest of the pipeline (decoding, cleaning, segmenting, metadata, quotes) puts on any run.

    python bench/ceiling.py RAW [--warm DIR] [--repeat N]

Times `process_document` over every file under RAW in one process (no Prefect, no Parquet), in
CPU seconds, alternately as it is and with language tagging replaced by a constant (the body,
section and paragraph detectors return at once), `--repeat` times each, and prints both rates,
the share of language tagging, and what two cores would reach with no fixed cost at all. The rows
of the second pass are wrong on purpose (every language the same); only its time is used.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pipeline.document as document  # noqa: E402
import pipeline.tag as tag  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.errors import PipelineError  # noqa: E402
from pipeline.sources import check_name, read_source  # noqa: E402
from pipeline.tag import Language  # noqa: E402


def _files(raw: Path) -> list[str]:
    return sorted(str(p.relative_to(raw)) for p in raw.rglob("*") if p.is_file())


def _cpu_seconds(sources: list[Any], config: Config) -> float:
    # Detection is cached by text: a second pass over the same texts would only hit the cache.
    tag._detect_cached.cache_clear()
    started = time.process_time()
    for source in sources:
        with contextlib.suppress(PipelineError):
            document.process_document(source, config)
    return time.process_time() - started


@contextlib.contextmanager
def _no_language_tagging() -> Any:
    fixed = Language("en", 1.0)
    saved = document.detect_language, document.paragraph_language
    document.detect_language = lambda *args, **kwargs: fixed  # type: ignore[assignment]
    document.paragraph_language = lambda paragraph, container, *args, **kwargs: container  # type: ignore[assignment]
    try:
        yield
    finally:
        document.detect_language, document.paragraph_language = saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path)
    parser.add_argument("--warm", type=Path, default=None, help="processed first, untimed (one-time loading)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    config = Config()
    sources = []
    for rel in _files(args.raw):
        try:
            check_name(rel, config.sources)
            sources.append(read_source(str(args.raw), rel, config.sources))
        except PipelineError:
            continue
    warm = sources if args.warm is None else [
        read_source(str(args.warm), rel, config.sources) for rel in _files(args.warm)
    ]
    _cpu_seconds(warm, config)
    with _no_language_tagging():
        _cpu_seconds(warm[:50], config)
    full: list[float] = []
    bare: list[float] = []
    for _ in range(args.repeat):
        full.append(_cpu_seconds(sources, config))
        with _no_language_tagging():
            bare.append(_cpu_seconds(sources, config))
    mb = sum(len(s.data) for s in sources) / 1e6
    f, b = statistics.median(full), statistics.median(bare)
    print(f"{len(sources)} documents, {mb:.2f} MB, CPU seconds (median of {args.repeat}, alternated):")
    print(f"  as it is:               {f:7.2f} s = {mb / f:5.2f} MB/s per core   runs {', '.join(f'{x:.2f}' for x in full)}")
    print(f"  language tagging free:  {b:7.2f} s = {mb / b:5.2f} MB/s per core   runs {', '.join(f'{x:.2f}' for x in bare)}")
    print(f"  language tagging's share: {1 - b / f:.1%}")
    print(f"  two cores, perfect scaling, no startup or writing: {2 * mb / f:.2f} MB/s as it is, "
          f"{2 * mb / b:.2f} MB/s with language tagging free")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
