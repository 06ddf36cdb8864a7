"""Quality against hand-made gold annotations (tests/fixtures/gold), and the real corpus end to end."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import GOLD, SEEDS, contract_problems, copy_raw, rows, run_local, score

SEED_000 = "000_eeed716001cc5ed3"


@pytest.fixture(scope="module")
def seed_scores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]], dict[str, float]]:
    base = tmp_path_factory.mktemp("golden")
    raw = copy_raw(SEEDS, base / "raw")
    out = base / "processed"
    run_local(raw, out)
    assert contract_problems(out, raw) == []
    results, summary = score(out, GOLD)
    return out, results, summary


def test_gold_fixtures_cover_the_seeds() -> None:
    golds = sorted(GOLD.glob("*.json"))
    assert [p.stem for p in golds] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert (SEEDS / gold["source_path"]).is_file()


def test_every_gold_document_is_found(seed_scores: tuple[Path, list[dict[str, Any]], dict[str, float]]) -> None:
    _, results, summary = seed_scores
    assert [r["doc_id"] for r in results if not r["found"]] == []
    assert summary["found"] == 1.0


# The level reached on the seeds: every paragraph, section, speaker and quotation as the gold has it.
@pytest.mark.parametrize("metric, minimum", [
    ("para_f1", 1.0),
    ("section_f1", 1.0),
    ("para_speaker", 1.0),
    ("quote_p", 1.0),
    ("quote_r", 1.0),
])
def test_structure_scores(seed_scores: tuple[Path, list[dict[str, Any]], dict[str, float]],
                          metric: str, minimum: float) -> None:
    _, results, summary = seed_scores
    per_doc = {r["doc_id"]: r.get(metric) for r in results}
    assert summary.get(metric, 0.0) >= minimum, f"{metric}={summary.get(metric)} < {minimum}; per document: {per_doc}"


@pytest.mark.parametrize("field", ["title", "author", "occasion", "doc_type", "language", "date"])
def test_metadata_fields_are_right(seed_scores: tuple[Path, list[dict[str, Any]], dict[str, float]],
                                   field: str) -> None:
    out, results, summary = seed_scores
    wrong = [r["doc_id"] for r in results if r.get(field) is False]
    got = {d["doc_id"]: d[field] for d in rows(out, "documents")}
    assert summary.get(field) == 1.0 and not wrong, f"{field} wrong for {wrong}: {got}"


def test_speech_date(seed_scores: tuple[Path, list[dict[str, Any]], dict[str, float]]) -> None:
    out, results, _ = seed_scores
    doc = next(d for d in rows(out, "documents") if d["doc_id"] == SEED_000)
    assert doc["date"] == dt.date(1993, 6, 6), doc["date"]
    assert doc["date_precision"] == "day"
    assert doc["date_text"] and "1993" in doc["date_text"]
    assert next(r for r in results if r["doc_id"] == SEED_000)["date"] is True


def test_report_date_without_a_year(seed_scores: tuple[Path, list[dict[str, Any]], dict[str, float]]) -> None:
    """The meeting report says only "On Sunday 7 October"; it also says the party was "founded 62
    years ago … on 10 October 1945", and 7 October 2007 is a Sunday."""
    out, _, _ = seed_scores
    doc = next(d for d in rows(out, "documents") if d["doc_id"] == "004_1c7a97fb6ad47a1d")
    assert (doc["date"], doc["date_precision"], doc["date_text"]) == (dt.date(2007, 10, 7), "day", "Sunday 7 October")


# ---- the real corpus (../shared/corpus/real), when present ----------------------------------------


@pytest.mark.shared
def test_real_corpus_every_file_is_accounted_for(shared: Path, tmp_path: Path) -> None:
    source = shared / "corpus" / "real"
    if not source.is_dir():
        pytest.skip(f"{source} does not exist")
    raw = copy_raw(source, tmp_path / "raw")
    out = tmp_path / "processed"
    summary = run_local(raw, out)
    assert summary["status"] == "completed"

    files = sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*")
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(raw).parts))
    documents = [d["source_path"] for d in rows(out, "documents")]
    rejects = {r["source_path"]: r for r in rows(out, "rejects")}
    assert not set(documents) & set(rejects), "a file is both a document and a reject"
    assert sorted([*documents, *rejects]) == files
    assert summary["seen"] == len(files)
    assert all(r["reason"] and r["detail"] for r in rejects.values())
    assert not [r for r in rejects.values() if r["reason"] == "internal_error"], \
        {p: r["detail"] for p, r in rejects.items() if r["reason"] == "internal_error"}
    assert len(documents) >= len(files) // 2, f"only {len(documents)} of {len(files)} files became documents"
    assert contract_problems(out, raw) == []
