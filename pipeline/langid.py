"""langdetect's own algorithm, profiles and seeded random walks, computed faster.

langdetect (pinned at 1.0.9) spends most of its time in pure-Python bookkeeping: it feeds the text
one character at a time through an `NGram` object (a method call, a Unicode-block binary search and
string slicing per character), and updates 55 probabilities with an index loop per sampled n-gram.
`FastDetector` overrides those steps of `langdetect.detector.Detector` with equivalents that
produce the same n-gram list in the same order and the same floating-point operations in the same
order, so that, given the same seed, it returns exactly what `Detector` returns
(tests/test_langid.py compares the two on generated and real text). It also folds our early stop
into one pass: the first `early_trials` random walks of a full run are those of a run with
`n_trial = early_trials`, so when they already agree beyond `early_prob` the answer of that short
run is returned, and otherwise the walks continue to the full `n_trial` without extracting the
n-grams again.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

_SPACES = re.compile(" {2,}")
# Detector.cleaning_text counts 'A' <= ch <= 'z' as Latin (the ASCII range, punctuation included)
# and every character from U+0300 up as non-Latin: it means to spare Latin Extended Additional,
# but compares unicode_block()'s number with the block's name, so it never does.
_LATIN_RANGE = re.compile("[A-z]")
_FROM_0300 = re.compile("[\u0300-\U0010ffff]")

# NGram.normalize per character, memoized: it depends on the character alone.
_NORMALIZED: dict[int, str] = {}


def _normalize_text(text: str) -> str:
    missing = {ch for ch in set(text) if ord(ch) not in _NORMALIZED}
    for ch in missing:
        _NORMALIZED[ord(ch)] = NGram.normalize(ch)
    return text.translate(_NORMALIZED)


class FastDetector(Detector):  # type: ignore[misc]
    """A langdetect Detector with the same results, faster. Build it with `create(seed)`."""

    early_trials: int = 0
    early_prob: float = 1.1
    text: str  # set by Detector.__init__

    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        # Detector.append keeps a space only when the character before it was not one.
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        text: str = self.text
        if text.isascii():
            return  # no character from U+0300 up: nothing to remove
        non_latin_count = len(_FROM_0300.findall(text))
        if non_latin_count and len(_LATIN_RANGE.findall(text)) * 2 < non_latin_count:
            self.text = _LATIN_RANGE.sub("", text)

    def _extract_ngrams(self) -> list[str]:
        """The n-grams NGram.add_char/get would give, character by character, in the same order.

        After normalization the text is a sequence of words between spaces; the n-gram buffer starts
        each word as ' ', so word w is seen as ' ' + w (+ ' ' when a space follows). At each position
        j >= 1 of that string the 1-, 2- and 3-grams ending at j are emitted (the 1-gram ' ' never),
        except while two capitals in a row have been read (NGram.capitalword)."""
        grams_of = _word_grams(self.word_lang_prob_map)
        words = _normalize_text(str(self.text)).split(" ")
        # A word followed by a space (every word but the last piece) also yields the n-grams that
        # end with that space; empty pieces are runs of spaces.
        keys = [" " + w + " " for w in words[:-1] if w]
        if words[-1]:
            keys.append(" " + words[-1])
        return list(chain.from_iterable(map(grams_of.__getitem__, keys)))

    def _detect_block(self) -> None:
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        n_langs = len(self.langlist)
        n_trial = self.n_trial
        early = self.early_trials if 0 < self.early_trials < n_trial else 0
        langprob = [0.0] * n_langs
        early_prob = [0.0] * n_langs
        vectors = _vectors(self.word_lang_prob_map)
        rand = self.random
        rand.seed(self.seed)
        choice, gauss = rand.choice, rand.gauss
        conv, limit, base_freq = self.CONV_THRESHOLD, self.ITERATION_LIMIT, self.BASE_FREQ
        multiply, add = np.multiply, np.add
        scratch = np.empty(n_langs)
        for t in range(n_trial):
            prob = np.array(self._init_probability(), dtype=np.float64)
            alpha = self.alpha + gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / base_freq
            i = 0
            while True:
                # Detector._update_lang_prob: prob[i] *= weight + lang_prob_map[i], elementwise
                # in IEEE doubles, as numpy does it.
                add(vectors[choice(ngrams)], weight, out=scratch)
                multiply(prob, scratch, out=prob)
                if i % 5 == 0:
                    # Detector._normalize_prob; sum() of Python floats, as langdetect adds them.
                    prob /= sum(prob.tolist())
                    if prob.max() > conv or i >= limit:
                        break
                i += 1
            values = prob.tolist()
            langprob = [a + p / n_trial for a, p in zip(langprob, values)]
            if early:
                early_prob = [a + p / early for a, p in zip(early_prob, values)]
                if t + 1 == early:
                    if max(early_prob) >= self.early_prob:
                        self.langprob = early_prob
                        return
                    early = 0
        self.langprob = langprob


class _Vectors(dict):  # type: ignore[type-arg]
    """n-gram -> its langdetect probabilities as a numpy vector, made on first use."""

    def __init__(self, word_map: dict[str, list[float]]) -> None:
        super().__init__()
        self.word_map = word_map

    def __missing__(self, word: str) -> Any:
        vector = self[word] = np.array(self.word_map[word], dtype=np.float64)
        return vector


_VECTORS: dict[int, _Vectors] = {}


class _WordGrams(dict):  # type: ignore[type-arg]
    """' word' or ' word ' -> the known n-grams NGram yields for it, in order, made on first use."""

    def __init__(self, word_map: dict[str, list[float]]) -> None:
        super().__init__()
        self.word_map = word_map

    def __missing__(self, s: str) -> tuple[str, ...]:
        known = self.word_map
        out: list[str] = []
        upper_prev = False
        for j in range(1, len(s)):
            ch = s[j]
            upper = ch.isupper()
            if upper and upper_prev:
                continue  # NGram.capitalword: two capitals in a row, nothing emitted
            upper_prev = upper
            if ch != " " and ch in known:
                out.append(ch)
            w = s[j - 1 : j + 1]
            if w in known:
                out.append(w)
            if j >= 2:
                w = s[j - 2 : j + 1]
                if w in known:
                    out.append(w)
        grams = self[s] = tuple(out)
        if len(self) > 200_000:  # bound the memo on endless vocabularies
            self.clear()
        return grams


_WORD_GRAMS: dict[int, _WordGrams] = {}


def _word_grams(word_map: dict[str, list[float]]) -> _WordGrams:
    found = _WORD_GRAMS.get(id(word_map))
    if found is None or found.word_map is not word_map:
        found = _WORD_GRAMS[id(word_map)] = _WordGrams(word_map)
    return found


def _vectors(word_map: dict[str, list[float]]) -> _Vectors:
    found = _VECTORS.get(id(word_map))
    if found is None or found.word_map is not word_map:
        found = _VECTORS[id(word_map)] = _Vectors(word_map)
    return found


@lru_cache(maxsize=4)
def _factory(seed: int) -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(seed)
    return factory


def create(seed: int, early_trials: int = 0, early_prob: float = 1.1) -> FastDetector:
    """A detector over langdetect's bundled profiles, seeded; with `early_trials`, the answer of
    the first `early_trials` walks when its best probability reaches `early_prob`."""
    detector = FastDetector(_factory(seed))
    detector.early_trials = early_trials
    detector.early_prob = early_prob
    return detector
