"""pipeline.langid.FastDetector must answer exactly what langdetect's own Detector answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from pipeline import langid

HERE = Path(__file__).resolve().parent
SEED = 0


@pytest.fixture(scope="module")
def factory() -> DetectorFactory:
    f = DetectorFactory()
    f.load_profile(PROFILES_DIRECTORY)
    f.set_seed(SEED)
    return f


def probabilities(detector, text: str, n_trial: int) -> list[tuple[str, float]] | str:  # type: ignore[no-untyped-def]
    """What a detector answers for `text`, or the message of the exception it raises."""
    detector.n_trial = n_trial
    detector.append(text)
    try:
        return [(c.lang, c.prob) for c in detector.get_probabilities()]
    except LangDetectException as exc:
        return str(exc)


def stock(factory: DetectorFactory, text: str, n_trial: int = 7) -> list[tuple[str, float]] | str:
    return probabilities(factory.create(), text, n_trial)


def fast(text: str, n_trial: int = 7, early_trials: int = 0, early_prob: float = 1.1) -> list[tuple[str, float]] | str:
    return probabilities(langid.create(SEED, early_trials, early_prob), text, n_trial)


def corpus_samples() -> list[str]:
    texts = []
    for folder in ("corpus", "corpus_dev", "corpus_dev2"):
        for path in sorted((HERE / folder).rglob("*")):
            if path.suffix not in {".txt", ".md"}:
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            texts.extend(text[i : i + 700] for i in range(0, min(len(text), 3000), 700))
    return texts


def test_same_probabilities_as_langdetect_on_the_test_corpora(factory: DetectorFactory) -> None:
    texts = corpus_samples()
    assert len(texts) > 100
    different = [t[:60] for t in texts if fast(t) != stock(factory, t)]
    assert not different, different[:5]


_MIXED = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("  \n\t"),
    st.sampled_from("àâçéèêëîïôûùüÿœæÀÉÈÇßäöüÄÖÜñáíóúÑ¿¡"),
    st.characters(min_codepoint=0x400, max_codepoint=0x4FF),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
    st.characters(min_codepoint=0xAC00, max_codepoint=0xAD00),
    st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF),
    st.characters(min_codepoint=0x2000, max_codepoint=0x206F),
    st.sampled_from(["http://example.org/a?b=1 ", "mail@example.org ", "ABC ", "The ", "der ", "и "]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_MIXED, min_size=1, max_size=120).map("".join))
def test_same_probabilities_as_langdetect_on_any_text(text: str) -> None:
    f = DetectorFactory()  # the module fixture cannot be used with @given
    f.word_lang_prob_map, f.langlist = _profiles()
    f.set_seed(SEED)
    assert fast(text) == stock(f, text)


def _profiles():  # type: ignore[no-untyped-def]
    factory = langid._factory(SEED)
    return factory.word_lang_prob_map, factory.langlist


def test_early_stop_is_the_short_run_or_the_full_run(factory: DetectorFactory) -> None:
    """With early_trials=3 the answer is langdetect's 3-walk answer when its best reaches the bar,
    else its 7-walk answer: what calling langdetect twice would give, from one extraction."""
    seen_short = seen_full = 0
    for text in corpus_samples()[:150]:
        short, full = stock(factory, text, n_trial=3), stock(factory, text)
        if isinstance(short, str):
            assert fast(text, early_trials=3, early_prob=0.995) == short
            continue
        expected = short if short and short[0][1] >= 0.995 else full
        seen_short += expected is short
        seen_full += expected is full
        assert fast(text, early_trials=3, early_prob=0.995) == expected
    assert seen_short and seen_full  # both branches were exercised
