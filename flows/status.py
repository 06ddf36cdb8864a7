"""`speechcorpus status`: what the corpus holds, what is pending, the rejects and the last runs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds

from pipeline.config import load_config
from pipeline.plan import plan_run
from pipeline.store import StateStore


def _table(out: Path, name: str, columns: list[str]) -> list[dict]:
    folder = out / name
    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        return []
    return ds.dataset(str(folder), format="parquet").to_table(columns=columns).to_pylist()


def print_status(raw_dir: str, out_dir: str, config_path: str | None = None) -> int:
    out = Path(out_dir)
    if not out.is_dir():
        print(f"{out_dir}/ does not exist yet: run 'speechcorpus run --raw {raw_dir} --out {out_dir}' first.")
        return 1
    docs = _table(out, "documents", ["doc_id", "language", "doc_type"])
    sections = _table(out, "sections", ["section_id"])
    paragraphs = _table(out, "paragraphs", ["language"])
    print(f"corpus {out_dir}/: {len(docs)} documents, {len(sections)} sections, {len(paragraphs)} paragraphs")
    if docs:
        by_type = Counter(d["doc_type"] for d in docs)
        print("  documents by doc_type: " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()))
        by_lang = Counter(d["language"] for d in docs)
        print("  documents by language: " + ", ".join(f"{k} {v}" for k, v in by_lang.most_common()))
    if paragraphs:
        by_plang = Counter(p["language"] for p in paragraphs)
        print("  paragraphs by language: " + ", ".join(f"{k} {v}" for k, v in by_plang.most_common(12)))
    state = StateStore(out)
    try:
        if Path(raw_dir).is_dir():
            plan = plan_run(raw_dir, state.files(), load_config(config_path))
            pending = len(plan.todo) + len(plan.deleted) + len(plan.duplicates)
            print(f"pending in {raw_dir}/: {len(plan.new)} new, {len(plan.changed)} changed, "
                  f"{len(plan.deleted)} deleted ({'up to date' if not pending else 'run speechcorpus run'})")
            for item in plan.todo[:10]:
                print(f"  {item.path}")
        rejects = state.db.execute(
            "select source_path, reason, detail from files where status='reject' order by source_path"
        ).fetchall()
        print(f"rejects: {len(rejects)}")
        for path, reason, detail in rejects[:50]:
            print(f"  {path}: {reason}: {detail}")
        runs = state.runs()[-5:]
        print(f"last runs ({len(state.runs())} in all):")
        for run in runs:
            print(f"  {run['started_at'][:19]}  {run['status']:<9} {run['duration_s'] or 0:7.1f}s  "
                  f"seen {run['seen'] or 0}, new {run['new'] or 0}, changed {run['changed'] or 0}, "
                  f"deleted {run['deleted'] or 0}, rejected {run['rejected'] or 0}")
    finally:
        state.close()
    return 0
