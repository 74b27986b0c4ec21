"""Speed-ups over vaderSentiment and TextBlob (Pattern) that give the packages' own answers.

Scoring asks each package about every sentence; these only skip work whose result is known in
advance, and ``tests/test_tone_fast_paths.py`` holds each to the package's own answer on the corpus,
the held-out texts and generated text:

- :func:`fast_vader`: VADER's analyser without its per-character emoji pass for texts without
  emoji, without a call for a word outside its lexicon, and with each sentence's words lower-cased
  once (the package lower-cases the whole sentence again for every modifier it looks at); its
  valence rules are vaderSentiment 3.3.2's own (MIT licence);
- :func:`textblob_may_score`: False only when Pattern's score is certainly 0, so the call can be
  skipped;
- :class:`TextBlobScorer`: Pattern's tokenizer run once per distinct white-space chunk (it treats
  chunks independently), the chunks' tokens kept in the scorer's own :class:`ChunkTokens` cache,
  new chunks tokenized many at a time; Pattern's scoring on a loaded copy of its lexicon whose
  lookups skip the lazy-loading check (:func:`pattern`).
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
def _pattern_checks():
    """What :func:`textblob_may_score` needs from Pattern's sentiment module (as TextBlob ships it)."""
    sentiment, EMOTICONS, PUNCTUATION = pattern()
    words = frozenset(w for w in sentiment.keys() if " " not in w)  # its words (loads the lexicon)
    if any(w[:1] in PUNCTUATION + "." or w[-1:] in PUNCTUATION + "." for w in words):
        raise RuntimeError("Pattern's lexicon has a word that starts or ends with punctuation: "
                           "textblob_may_score's reasoning no longer holds")
    # emoticons that Pattern can score (it skips all-letter tokens such as "XD"), and its irony mark,
    # as one expression grouped by first character
    marks: dict[str, list[str]] = {}
    for mark in sorted({e.lower() for faces in EMOTICONS.values() for e in faces if not e.isalpha()} | {"(!)"}):
        marks.setdefault(mark[0], []).append(mark[1:])
    expression = "|".join(re.escape(first) + "(?:" + "|".join(map(re.escape, sorted(ends, key=len, reverse=True))) + ")"
                          for first, ends in sorted(marks.items()))
    quotes = str.maketrans({q: " " for q in "“”‘’'\""})
    return words, PUNCTUATION + ".", re.compile(expression), quotes


def textblob_may_score(text: str) -> bool:
    """False only when TextBlob's (Pattern's) polarity and subjectivity for ``text`` are certainly
    both 0: none of its tokens is a lexicon word, and no emoticon or "(!)" can be formed.

    Pattern splits a text at white space and quotes (after "n't" → " n't"), then peels punctuation
    off each token's ends; a lexicon word neither starts nor ends with punctuation (checked when
    the lexicon loads), so a token that is one equals its white-space chunk stripped of
    punctuation. Emoticons are looked for, lower-cased, in the text with white space removed.
    """
    if "\n" in text:  # a paragraph break makes Pattern insert an end-of-sentence marker
        return True
    words, punctuation, marks, quotes = _pattern_checks()
    for chunk in text.replace("n't", " n't").translate(quotes).lower().split():
        if chunk.strip(punctuation) in words:
            return True
    return bool(marks.search("".join(text.split()).lower()))


# Between chunks when many are tokenized in one call: a private-use character, not punctuation to
# Pattern, so it stays a token of its own; a text that contains it takes the whole-text path.
_SENTINEL = "\ue000"


def _plain_chunks(text: str) -> bool:
    """True when Pattern's tokens for ``text`` are those of its white-space chunks taken one at a
    time: no line break (an end-of-sentence marker), no sentinel, and nothing from which the
    emoticon and irony rewrites, which may join tokens across chunks, could form a mark."""
    return ("\n" not in text and _SENTINEL not in text
            and not _pattern_checks()[2].search("".join(text.split()).lower()))


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
        """(polarity, subjectivity): (0, 0) without a call when :func:`textblob_may_score` rules a
        score out, else Pattern's sentiment of the text's tokens."""
        return self.score_many([text])[0]

    def score_many(self, texts: list[str]) -> list[tuple[float, float]]:
        """:meth:`score` of each text, the new chunks of all of them tokenized in one call."""
        may = [textblob_may_score(t) for t in texts]
        plain = [m and _plain_chunks(t) for t, m in zip(texts, may)]
        # the new chunks of every text that can be taken chunk by chunk, tokenized together
        self.chunks.add(c for t, p in zip(texts, plain) if p for c in t.split())
        sentiment, known = pattern()[0], self.chunks.known
        out = []
        for t, m, p in zip(texts, may, plain):
            if not m:
                out.append((0.0, 0.0))
                continue
            score = sentiment(known(t) if p else _pattern_own_tokens(t))  # words: Pattern skips its tokenizer
            out.append((score[0], score[1]))
        return out
