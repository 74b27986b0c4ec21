"""The tone fast paths give the packages' own answers: the faster VADER is VADER, and Pattern's
rules on cached tokens are TextBlob's sentiment.

Texts: every sentence of the seeds and of the held-out articles, and generated text built from
lexicon words, negations, contractions, quotes, emoticon characters, emoji and stray punctuation."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st_
from textblob.en import sentiment as pattern_sentiment
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from helpers import paths, tone
from helpers import tone_fast as fast
from helpers.assumptions import load_assumptions
from helpers.corpus import load_corpus

VADER = SentimentIntensityAnalyzer()  # the package, unmodified
FAST = fast.fast_vader()
A = load_assumptions()
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = ["good ", "bad ", "not ", "never ", "very ", "kind of ", "but ", "no ", "least ", "GREAT ", "terrible ",
          "failure ", "deal ", "the ", "Oracle ", "don't ", "isn’t ", "can't ", "won’t ", "it's ", "U.S. ",
          "(!) ", "( ! ) ", "!", "!!! ", "?", "?? ", ":) ", ": ) ", ":-( ", ";) ", "<3 ", "♥ ", "8) ", "xD ",
          "XD ", "o.O ", "°O° ", ":'( ", ">:D ", "😀 ", "💔 ", "🇺🇸 ", "“", "”", "‘", "’", "'", '"', "(", ")", "-",
          ".", ",", ";", ":", "...", "…", " ", "\t", "\n", "\u00a0", "well-known ", "light-hearted ", "ly ",
          "happily ", "sad.", "'good' ", "“best” ", "(nice) ", "#win ", "@fail ",
          # the modifiers VADER reads around a lexicon word: negations, "never so", "without doubt",
          # "no ... or", "at least", boosters and dampeners, its idioms
          "so ", "this ", "without ", "doubt ", "or ", "nor ", "at ", "Never ", "NOT ", "cannot ", "aint ",
          "extremely ", "EXTREMELY ", "barely ", "sort of ", "yeah right ", "kiss of death ", "the bomb ",
          "bus stop ", "to die for "]
texts = st_.one_of(st_.lists(st_.sampled_from(PIECES), max_size=30).map("".join), st_.text(max_size=60))


@pytest.fixture(scope="module")
def real_sentences() -> list[str]:
    seeds = load_corpus().sentences["text"].tolist()
    held = load_corpus(paths.ROOT / "tests" / "heldout", assumptions=load_assumptions(), use_cache=False)
    return seeds + held.sentences["text"].tolist()


def test_fast_vader_is_vader_on_real_sentences(real_sentences):
    assert len(real_sentences) > 50  # 36 in the seeds, 41 in the held-out articles
    for text in real_sentences:
        assert FAST.polarity_scores(text) == VADER.polarity_scores(text), text
        assert FAST.compound(text) == VADER.polarity_scores(text)["compound"], text


@SETTINGS
@given(texts)
def test_fast_vader_is_vader_on_generated_text(text):
    assert FAST.polarity_scores(text) == VADER.polarity_scores(text)
    assert FAST.compound(text) == VADER.polarity_scores(text)["compound"]


# Pattern's rules turn on modifiers (adverbs: "really good"), negations carried across small words
# ("not a good"), a negation after a modifier ("really not good"), "!" after a scored word, "(!)"
# and emoticons; texts made of those, for pattern_score against Pattern's own scoring
PATTERN_PIECES = ["very ", "really ", "extremely ", "definitely ", "seriously ", "not ", "no ", "never ", "n't ",
                  "don't ", "a ", "is ", "the ", "so ", "it ", "good ", "bad ", "great ", "terrible ", "nice ",
                  "happy ", "sad ", "perfect ", "worst ", "!", "! ", "(!) ", ":) ", "<3 ", ":-( ", "xD ", "2020 ",
                  "5% ", "- ", "'s ", "GOOD ", "Really "]
pattern_texts = st_.lists(st_.sampled_from(PATTERN_PIECES), max_size=25).map("".join)


@SETTINGS
@given(pattern_texts)
def test_pattern_score_is_patterns_own_on_its_rules(text):
    words = _pattern_own_tokens(text)
    assert fast.pattern_score(words) == tuple(pattern_sentiment(words))[:2]
    assert fast.TextBlobScorer().score(text) == tuple(pattern_sentiment(text))[:2]


@pytest.mark.parametrize("text", ["It was good.", "Not bad at all", "I :) you", "What (!) a plan", "so sad 😢",
                                  "I don't like it", "A “great” deal"])
def test_score_texts_gives_the_packages_scores(text):
    out = tone.score_texts(pd.Series([text]), A["tone.gdelt_lexicon"], A["tone.min_english_share"],
                           A["tone.language_test_min_words"])
    assert out.loc[0, "vader_compound"] == VADER.polarity_scores(text)["compound"]
    assert (out.loc[0, "textblob_polarity"], out.loc[0, "textblob_subjectivity"]) == tuple(pattern_sentiment(text))


def _pattern_own_tokens(text: str) -> list[str]:
    """What Pattern's sentiment call does with a string: its tokenizer, joined, split, lower-cased."""
    return [w.lower() for w in " ".join(pattern_sentiment.tokenizer(text)).split()]


def test_chunk_by_chunk_tokens_are_patterns_tokens_on_real_sentences(real_sentences):
    scorer = fast.TextBlobScorer()
    for text in real_sentences:
        assert scorer.chunks.tokens(text) == _pattern_own_tokens(text), text
        assert scorer.score(text) == tuple(pattern_sentiment(text))[:2], text


@SETTINGS
@given(texts)
def test_chunk_by_chunk_tokens_are_patterns_tokens_on_generated_text(text):
    scorer = fast.TextBlobScorer()
    assert scorer.chunks.tokens(text) == _pattern_own_tokens(text)
    assert scorer.score(text) == tuple(pattern_sentiment(text))[:2]


def test_a_full_chunk_cache_starts_again_without_losing_a_chunk(real_sentences):
    """When the cache of tokenized chunks would overflow it is emptied, and every chunk asked for
    is tokenized again: no text is left with a chunk missing (a KeyError) or a stale one."""
    scorer = fast.TextBlobScorer(max_chunks=50)
    first = scorer.score_many(real_sentences[:20])
    again = scorer.score_many(real_sentences)  # overflows: emptied, refilled
    assert again[:20] == first
    assert again == [tuple(pattern_sentiment(t))[:2] for t in real_sentences]
    assert len(scorer.chunks) <= len({c for t in real_sentences for c in t.split()})


def test_two_scorers_share_no_cache(real_sentences):
    """Each scorer owns its cache: one scorer's chunks are not another's, and nothing global fills up."""
    one, other = fast.TextBlobScorer(), fast.TextBlobScorer()
    one.score_many(real_sentences)
    assert len(one.chunks) > 0 and len(other.chunks) == 0
