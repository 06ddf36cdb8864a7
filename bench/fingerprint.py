"""Output fingerprint and one-process speed of the stage functions, for changes meant to be pure
speed-ups: run it before and after, and the hash must not move.

    python bench/fingerprint.py RAW [--warm DIR] [--save OUT.json] [--compare OUT.json]

Reads every file under RAW, then times `process_document` on all of them (no Parquet, no Prefect)
and hashes every row it returns. `--warm` processes another folder first, untimed, so one-time
loading (langdetect's profiles, dateparser's locales) is not counted. `--save` writes a hash per
document; `--compare` lists the documents whose rows differ from a saved run.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.config import Config  # noqa: E402
from pipeline.document import process_document  # noqa: E402
from pipeline.errors import PipelineError  # noqa: E402
from pipeline.sources import check_name, read_source  # noqa: E402


def _files(raw: Path) -> list[str]:
    return sorted(str(p.relative_to(raw)) for p in raw.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path)
    parser.add_argument("--warm", type=Path, default=None)
    parser.add_argument("--save", type=Path, default=None)
    parser.add_argument("--compare", type=Path, default=None)
    args = parser.parse_args()
    config = Config()
    if args.warm:
        for rel in _files(args.warm):
            with contextlib.suppress(PipelineError):
                process_document(read_source(str(args.warm), rel, config.sources), config)
    sources = []
    for rel in _files(args.raw):
        try:
            check_name(rel, config.sources)
            sources.append((rel, read_source(str(args.raw), rel, config.sources)))
        except PipelineError:
            continue
    per_doc: dict[str, str] = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    for rel, source in sources:
        try:
            rows = process_document(source, config)
        except PipelineError as exc:
            per_doc[rel] = "reject:" + exc.reason
            continue
        digest = hashlib.sha256()
        for record in (rows.document, *rows.sections, *rows.paragraphs, *rows.quotes):
            digest.update(repr(dataclasses.astuple(record)).encode())
        per_doc[rel] = digest.hexdigest()[:16]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    total = hashlib.sha256("".join(k + v for k, v in sorted(per_doc.items())).encode()).hexdigest()[:16]
    mb = sum(len(s.data) for _, s in sources) / 1e6
    print(f"{len(sources)} documents, {mb:.2f} MB in {elapsed:.2f} s = {mb / elapsed:.2f} MB/s (CPU {cpu:.2f} s; "
          f"on a shared machine CPU time varies less than wall time); output hash {total}")
    if args.save:
        args.save.write_text(json.dumps(per_doc, indent=0), encoding="utf-8")
    if args.compare:
        saved = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = sorted(k for k in per_doc.keys() | saved.keys() if per_doc.get(k) != saved.get(k))
        print(f"{len(differ)} documents differ from {args.compare}", *differ[:20], sep="\n  ")
        if differ:
            # bench copies are named NNNNNN-<source file>: which sources the differences come from
            sources = Counter(re.sub(r"^\d+-", "", Path(k).name) for k in differ)
            print("by source:", ", ".join(f"{name} x{n}" for name, n in sources.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
