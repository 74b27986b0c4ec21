"""Speed-ups over vaderSentiment and TextBlob (Pattern) that give the packages' own answers.

Scoring asks each package about every sentence; these only skip work whose result is known in
advance, and ``tests/test_tone_fast_paths.py`` holds each to the package's own answer on the corpus,
the held-out texts and generated text:

- :func:`fast_vader`: VADER's analyser without its per-character emoji pass for texts without
  emoji, and without a call for a word outside its lexicon (vaderSentiment 3.3.2's code otherwise,
  MIT licence);
- :func:`vader_may_score`, :func:`textblob_may_score`: False only when the package's score is
  certainly 0, so the call can be skipped;
- :class:`TextBlobScorer`: Pattern's tokenizer run once per distinct white-space chunk (it treats
  chunks independently), the chunks' tokens kept in the scorer's own :class:`ChunkTokens` cache,
  new chunks tokenized many at a time.
"""
from __future__ import annotations

import functools
import re
import string

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText


@functools.lru_cache(maxsize=1)
def pattern():
    """Pattern's sentiment object, its emoticons and punctuation, as TextBlob ships them."""
    # imported on first use: TextBlob loads NLTK (0.2 s), which a notebook reading tone from the cache never needs
    from textblob._text import EMOTICONS, PUNCTUATION
    from textblob.en import sentiment

    return sentiment, EMOTICONS, PUNCTUATION


@functools.lru_cache(maxsize=1)
def fast_vader():
    """VADER's analyser, with the fast path for texts without emoji (see :func:`_fast_vader_class`);
    built once (it reads its lexicon), read-only afterwards."""
    return _fast_vader_class()()


@functools.lru_cache(maxsize=1)
def _fast_vader_class():
    """``SentimentIntensityAnalyzer`` whose ``polarity_scores`` skips the per-character emoji pass
    when a text holds no emoji character (that pass then only copies the text one character at a
    time: a fifth of VADER's cost), and appends a word's valence of 0 itself when the word is not
    in the lexicon (``sentiment_valence`` does nothing else for such a word). The rest is
    vaderSentiment 3.3.2's own code (MIT licence)."""
    class FastVader(SentimentIntensityAnalyzer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # the pass looks at single characters (a set: a regular-expression class of 1,200 is slow)
            self.emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)

        def polarity_scores(self, text):
            if not isinstance(text, str) or not self.emoji_chars.isdisjoint(text):
                return super().polarity_scores(text)
            text = text.strip()
            sentitext = SentiText(text)
            sentiments = []
            words_and_emoticons = sentitext.words_and_emoticons
            lexicon = self.lexicon
            for i, item in enumerate(words_and_emoticons):
                valence = 0
                lower = item.lower()
                if lower in BOOSTER_DICT or lower not in lexicon:
                    sentiments.append(valence)
                    continue
                if (i < len(words_and_emoticons) - 1 and lower == "kind" and
                        words_and_emoticons[i + 1].lower() == "of"):
                    sentiments.append(valence)
                    continue
                sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

    return FastVader


def vader_may_score(text: str, vader=None) -> bool:
    """False only when VADER's compound for ``text`` is certainly 0: no emoji, and none of the words
    VADER looks up (white-space tokens, stripped of punctuation unless that leaves two characters
    or fewer, lower-cased) is in its lexicon. A valence can only come from a lexicon word."""
    vader = vader or fast_vader()
    if not vader.emoji_chars.isdisjoint(text):
        return True
    lexicon = vader.lexicon
    for token in text.split():
        stripped = token.strip(string.punctuation)
        if (stripped if len(stripped) > 2 else token).lower() in lexicon:
            return True
    return False


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
        return [w for chunk in chunks for w in self._tokens[chunk]]


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
        # the new chunks of every text that can be taken chunk by chunk, tokenized together
        self.chunks.add(c for t, m in zip(texts, may) if m and _plain_chunks(t) for c in t.split())
        out = []
        for t, m in zip(texts, may):
            if not m:
                out.append((0.0, 0.0))
                continue
            score = pattern()[0](self.chunks.tokens(t))  # a list of words: Pattern skips its own tokenizer
            out.append((score[0], score[1]))
        return out
