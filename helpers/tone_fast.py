"""Speed-ups over vaderSentiment and TextBlob (Pattern) that give the packages' own answers.

Scoring asks each package about every sentence; these only skip work whose result is known in
advance, and ``tests/test_tone_fast_paths.py`` holds each to the package's own answer on the corpus,
the held-out texts and generated text:

- :func:`fast_vader`: VADER's analyser without its per-character emoji pass for texts without
  emoji, without a call for a word outside its lexicon, and with each sentence's words lower-cased
  once (the package lower-cases the whole sentence again for every modifier it looks at); its
  valence rules are vaderSentiment 3.3.2's own (MIT licence);
- :class:`TextBlobScorer`: Pattern's tokenizer run once per distinct white-space chunk (it treats
  chunks independently), the chunks' tokens kept in the scorer's own :class:`ChunkTokens` cache,
  new chunks tokenized many at a time; Pattern's scoring rules (:func:`pattern_score`) on a loaded
  copy of its lexicon whose lookups skip the lazy-loading check (:func:`pattern`).
"""
from __future__ import annotations

import functools
import re
import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    allcap_differential,
    normalize,
    scalar_inc_dec,
)

_NEGATE = frozenset(NEGATE)
# every word of the phrases VADER's idiom check looks up (its special cases, its booster phrases)
_IDIOM_WORDS = frozenset(w for phrase in [*SPECIAL_CASES, *BOOSTER_DICT] if " " in phrase for w in phrase.split())


def _negates(lowered_word: str) -> bool:
    """vaderSentiment's ``negated([word])`` for one lower-cased word."""
    return lowered_word in _NEGATE or "n't" in lowered_word


@functools.lru_cache(maxsize=1)
def pattern():
    """Pattern's sentiment object, its emoticons and punctuation, as TextBlob ships them."""
    # imported on first use: TextBlob loads NLTK (0.2 s), which a notebook reading tone from the cache never needs
    from textblob._text import EMOTICONS, PUNCTUATION
    from textblob.en import sentiment

    return _loaded_copy(sentiment), EMOTICONS, PUNCTUATION


def _loaded_copy(sentiment):
    """A loaded copy of Pattern's sentiment lexicon whose lookups are the plain ``dict``'s.

    Pattern's ``lazydict`` sends every ``in`` and ``[]`` through a Python method that checks whether
    the lexicon has loaded yet (a sixth of TextBlob's time here); the copy has the same words, the
    same settings and Pattern's own scoring code. TextBlob's object itself is left as it is."""
    sentiment.keys()  # loads the lexicon

    class Loaded(type(sentiment)):
        __contains__, __getitem__, __iter__, __len__ = dict.__contains__, dict.__getitem__, dict.__iter__, dict.__len__
        get, items, keys, values = dict.get, dict.items, dict.keys, dict.values

    copy = Loaded.__new__(Loaded)
    dict.update(copy, dict.items(sentiment))
    # its settings; not the methods lazydict bound to the original as it loaded
    copy.__dict__.update({k: v for k, v in vars(sentiment).items()
                          if getattr(v, "__self__", None) is not sentiment})
    return copy


@functools.lru_cache(maxsize=1)
def fast_vader():
    """VADER's analyser, with the fast path for texts without emoji (see :func:`_fast_vader_class`);
    built once (it reads its lexicon), read-only afterwards."""
    return _fast_vader_class()()


@functools.lru_cache(maxsize=1)
def _fast_vader_class():
    """``SentimentIntensityAnalyzer`` whose ``polarity_scores`` skips the per-character emoji pass
    when a text holds no emoji character (that pass then only copies the text one character at a
    time: a fifth of VADER's cost), gives a word outside the lexicon its valence of 0 without a
    call (``sentiment_valence`` does nothing else for such a word), and reads each sentence's
    words lower-cased once. The valence rules, the "but" rule and the scoring are vaderSentiment
    3.3.2's own (MIT licence)."""
    class FastVader(SentimentIntensityAnalyzer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # the pass looks at single characters (a set: a regular-expression class of 1,200 is slow)
            self.emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)

        def polarity_scores(self, text):
            if not isinstance(text, str) or not self.emoji_chars.isdisjoint(text):
                return super().polarity_scores(text)
            sentiments, text = self._sentiments(text)
            return self.score_valence(sentiments, text)

        def compound(self, text) -> float:
            """``polarity_scores(text)["compound"]``, without working out the other three scores."""
            if not isinstance(text, str) or not self.emoji_chars.isdisjoint(text):
                return super().polarity_scores(text)["compound"]
            sentiments, text = self._sentiments(text)
            total = float(sum(sentiments))
            if total:  # score_valence's compound
                emphasis = self._punctuation_emphasis(text)
                total = total + emphasis if total > 0 else total - emphasis
            return round(normalize(total), 4)

        def _sentiments(self, text):
            """The valence of each word of a text without emoji, and the text as scored (stripped)."""
            text = text.strip()
            # SentiText's words: white-space tokens stripped of punctuation unless that leaves two
            # characters or fewer (an emoticon); lower-cased once per sentence
            words = [w if len(s := w.strip(string.punctuation)) <= 2 else s for w in text.split()]
            lowered = [w.lower() for w in words]
            lexicon = self.lexicon
            last = len(words) - 1
            sentiments = [0] * len(words)
            is_cap_diff = None  # SentiText's, worked out once a lexicon word needs it
            for i, lower in enumerate(lowered):
                if lower in lexicon and lower not in BOOSTER_DICT and not (i < last and lower == "kind"
                                                                           and lowered[i + 1] == "of"):
                    if is_cap_diff is None:
                        is_cap_diff = allcap_differential(words)
                    sentiments[i] = self._valence(words, lowered, i, is_cap_diff)
            if "but" in lowered:
                sentiments = self._but_check(words, sentiments)
            return sentiments, text

        def _valence(self, words, lowered, i, is_cap_diff):
            """``sentiment_valence`` for a lexicon word, reading the lower-cased words once made."""
            lexicon = self.lexicon
            item, lower = words[i], lowered[i]
            valence = lexicon[lower]
            if lower == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
                valence = 0.0
            if ((i > 0 and lowered[i - 1] == "no") or (i > 1 and lowered[i - 2] == "no")
                    or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor"))):
                valence = lexicon[lower] * N_SCALAR
            if item.isupper() and is_cap_diff:
                valence = valence + C_INCR if valence > 0 else valence - C_INCR
            for start_i in range(0, 3):
                if i > start_i and lowered[i - (start_i + 1)] not in lexicon:
                    s = scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = _negation_check(valence, lowered, start_i, i)
                    # the package's idiom check reads words i - 3 to i + 2: skipped when none of
                    # them is a word of an idiom or of a booster phrase
                    if start_i == 2 and not _IDIOM_WORDS.isdisjoint(lowered[i - 3:i + 3]):
                        valence = self._special_idioms_check(valence, words[i - 3:i + 3], 3)
            return self._least_check(valence, words, i)

    return FastVader


def _negation_check(valence, lowered, start_i, i):
    """vaderSentiment's ``_negation_check`` on the sentence's lower-cased words."""
    if start_i == 0:
        if _negates(lowered[i - 1]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lowered[i - 2] == "never" and (lowered[i - 1] == "so" or lowered[i - 1] == "this"):
            valence = valence * 1.25
        elif lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
            pass
        elif _negates(lowered[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if (lowered[i - 3] == "never" and (lowered[i - 2] == "so" or lowered[i - 2] == "this")
                or (lowered[i - 1] == "so" or lowered[i - 1] == "this")):
            valence = valence * 1.25
        elif lowered[i - 3] == "without" and (lowered[i - 2] == "doubt" or lowered[i - 1] == "doubt"):
            pass
        elif _negates(lowered[i - 3]):
            valence = valence * N_SCALAR
    return valence


@functools.lru_cache(maxsize=1)
def _marks() -> re.Pattern:
    """Pattern's emoticons that it can score (it skips all-letter ones such as "XD") and its irony
    mark, lower-cased, as one expression grouped by first character."""
    _, EMOTICONS, _ = pattern()
    marks: dict[str, list[str]] = {}
    for mark in sorted({e.lower() for faces in EMOTICONS.values() for e in faces if not e.isalpha()} | {"(!)"}):
        marks.setdefault(mark[0], []).append(mark[1:])
    return re.compile("|".join(re.escape(first) + "(?:" + "|".join(map(re.escape, sorted(ends, key=len, reverse=True)))
                               + ")" for first, ends in sorted(marks.items())))


# Between chunks when many are tokenized in one call: a private-use character, not punctuation to
# Pattern, so it stays a token of its own; a text that contains it takes the whole-text path.
_SENTINEL = "\ue000"


def _plain_chunks(text: str) -> bool:
    """True when Pattern's tokens for ``text`` are those of its white-space chunks taken one at a
    time: no line break (an end-of-sentence marker), no sentinel, and nothing from which the
    emoticon and irony rewrites, which may join tokens across chunks, could form a mark."""
    return ("\n" not in text and _SENTINEL not in text
            and not _marks().search("".join(text.split()).lower()))


@functools.lru_cache(maxsize=1)
def _emoticon_polarity() -> dict[str, float]:
    """Pattern's emoticons, lower-cased, each with the polarity of the first group that holds it (as
    ``assessments`` looks them up: the groups in order, each group's faces lower-cased)."""
    _, EMOTICONS, _ = pattern()
    found: dict[str, float] = {}
    for (_, polarity), faces in EMOTICONS.items():
        for face in faces:
            found.setdefault(face.lower(), polarity)
    return found


def pattern_score(words: list[str]) -> tuple[float, float]:
    """Pattern's ``sentiment(words)`` for a list of lower-cased words: (polarity, subjectivity).

    Pattern's own rules (TextBlob 0.18's ``Sentiment.assessments`` and ``__call__``, BSD licence),
    with what the two numbers do not use left out (the words of each assessment and its label) and
    each lookup made once; ``tests/test_tone_fast_paths.py`` holds it to Pattern's answer."""
    sentiment, _, punctuation = pattern()
    negations, modifiers, is_modifier = sentiment.negations, sentiment.modifiers, sentiment.modifier
    emoticons = _emoticon_polarity()
    a: list[list[float]] = []  # [polarity, subjectivity, intensity, negated (-1) or not (1)]
    m = n = None  # the preceding modifier word, the preceding negation
    for w in words:
        senses = sentiment.get(w)
        if senses is not None and None in senses:
            p, s, i = senses[None]
            if m is None:  # a known word not preceded by a modifier ("good")
                a.append([p, s, i, 1])
            else:  # preceded by one ("really good")
                last = a[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                last[2] = i
            if n is not None:  # preceded by a negation ("not really good")
                a[-1][2] = 1.0 / a[-1][2]
                a[-1][3] = -1
            m = n = None
            if any(map(senses.__contains__, modifiers)):  # the word may modify the next one
                m = w
            if w in negations:
                n = w
        else:
            if w in negations:  # an unknown word may be a negation ("not good")
                n = w
            elif n and len(w.strip("'")) > 1:  # a negation carries across small words ("not a good")
                n = None
            if n is not None and m is not None and is_modifier(m):  # "really not good"
                a[-1][3] = -1
                n = None
            elif m and len(w) > 2:  # a modifier carries across small words ("really is a good")
                m = None
            if w == "!" and a:  # an exclamation mark boosts the word before
                a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
            if w == "(!)":  # irony
                a.append([0.0, 1.0, 1.0, 1])
            if w.isalpha() is False and len(w) <= 5 and w not in punctuation and w in emoticons:
                a.append([emoticons[w], 1.0, 1.0, 1])
    polarity = subjectivity = 0
    for p, s, _, negated in a:
        polarity += p * -0.5 if negated < 0 else p  # "not good" = slightly bad, "not bad" = slightly good
        subjectivity += s
    return polarity / float(len(a) or 1), subjectivity / float(len(a) or 1)


def _pattern_own_tokens(text: str) -> list[str]:
    return [w.lower() for w in " ".join(pattern()[0].tokenizer(text)).split()]


class ChunkTokens:
    """Pattern's lower-cased tokens of white-space chunks, each distinct chunk tokenized once.

    Pattern's tokenizer treats each white-space chunk on its own (it inserts spaces for quotes
    and contractions and peels punctuation off the ends of each chunk; which sentence a token
    lands in does not change the tokens), so a chunk's tokens can be kept and reused. New chunks
    are tokenized many at a time, one call of Pattern's tokenizer with a sentinel token between
    them. The cache holds at most ``max_chunks``; when full it starts again with what is asked
    for. It belongs to its owner (a :class:`TextBlobScorer`): nothing outside needs clearing.
    """

    def __init__(self, max_chunks: int = 1 << 18):
        self.max_chunks = max_chunks
        self._tokens: dict[str, tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self._tokens)

    def add(self, chunks) -> None:
        """Tokenize every chunk not yet known (many per call of Pattern's tokenizer)."""
        wanted = list(dict.fromkeys(chunks))
        new = [c for c in wanted if c not in self._tokens]
        if len(self._tokens) + len(new) > self.max_chunks:  # full: start again with what is wanted now
            self._tokens.clear()
            new = wanted
        for at in range(0, len(new), 10_000):
            batch = new[at:at + 10_000]
            found: list[list[str]] = [[]]
            for token in " ".join(pattern()[0].tokenizer(f" {_SENTINEL} ".join(batch))).split():
                if token == _SENTINEL:
                    found.append([])
                else:
                    found[-1].append(token.lower())
            if len(found) != len(batch):
                raise RuntimeError("Pattern's tokenizer did not keep the chunks apart")
            self._tokens.update(zip(batch, map(tuple, found)))

    def tokens(self, text: str) -> list[str]:
        """The lower-cased tokens Pattern's sentiment scores for ``text``: chunk by chunk where
        that gives Pattern's own tokens (see :func:`_plain_chunks`), else the whole text by Pattern."""
        if not _plain_chunks(text):
            return _pattern_own_tokens(text)
        chunks = text.split()
        if any(c not in self._tokens for c in chunks):
            self.add(chunks)
        return self.known(text)

    def known(self, text: str) -> list[str]:
        """:meth:`tokens` of a text that :func:`_plain_chunks` accepts and whose chunks were all added."""
        tokens = self._tokens
        return [w for chunk in text.split() for w in tokens[chunk]]


class TextBlobScorer:
    """TextBlob's (Pattern's) polarity and subjectivity of texts, as ``textblob.en.sentiment``
    gives them, with the fast paths above; it owns its chunk cache."""

    def __init__(self, max_chunks: int = 1 << 18):
        self.chunks = ChunkTokens(max_chunks)

    def score(self, text: str) -> tuple[float, float]:
        """(polarity, subjectivity): Pattern's sentiment of the text's tokens (:func:`pattern_score`)."""
        return self.score_many([text])[0]

    def score_many(self, texts: list[str]) -> list[tuple[float, float]]:
        """:meth:`score` of each text, the new chunks of all of them tokenized in one call."""
        plain = [_plain_chunks(t) for t in texts]
        # the new chunks of every text that can be taken chunk by chunk, tokenized together
        self.chunks.add(c for t, p in zip(texts, plain) if p for c in t.split())
        known = self.chunks.known
        out = [pattern_score(known(t) if p else _pattern_own_tokens(t)) for t, p in zip(texts, plain)]
        return out
