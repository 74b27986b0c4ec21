"""Tone, voices and certainty checked against what the articles say."""
from __future__ import annotations

import sys

import pandas as pd
import pytest
from conftest import SEED_003

from helpers import parties, paths, quotes, reference, tone
from helpers.assumptions import load_assumptions
from helpers.mentions import find_mentions

sys.path.insert(0, str(paths.ROOT / "benchmarks"))
from baseline import score_texts_plain  # noqa: E402


def score(texts: pd.Series) -> pd.DataFrame:
    """score_texts with the assumptions in force."""
    a = load_assumptions()
    return tone.score_texts(texts, a["tone.gdelt_lexicon"], a["tone.min_english_share"], a["tone.language_test_min_words"])


@pytest.fixture(scope="module")
def sentences(corpus):
    a = load_assumptions()
    gaz, cues = reference.load("stakeholders"), reference.load("attribution_cues")
    world = parties.open_world(corpus, find_mentions(corpus, gaz), gaz, cues)
    speech = quotes.find_speech(corpus, world.mentions, world.parties, cues, a["corpus.scare_quote_max_words"])
    voices = tone.attribute(corpus, world.mentions, world.parties, cues, speech)
    sure = tone.certainty(corpus, voices, reference.load("hedge_cues"))
    return tone.tone_sentences(corpus, voices, sure, a["tone.gdelt_lexicon"], a["tone.min_english_share"],
                               a["tone.language_test_min_words"])


def row(sentences, fragment):
    hit = sentences[(sentences["article_id"] == SEED_003) & sentences["text"].str.contains(fragment, regex=False)]
    assert len(hit) == 1, fragment
    return hit.iloc[0]


def test_the_tweets_verdict_is_negative_under_vader_and_gdelt(sentences):
    r = row(sentences, "Trump’s trade war is a failure.")
    assert r["vader_compound"] <= -0.05
    assert r["gdelt_tone"] < 0 and r["lm_negative"] >= 1  # "failure" is a Loughran–McDonald negative word
    assert r["voice"] == "embedded_post" and r["speaker"] == "nicholas_grossman"


def test_microsoft_and_zhang_quotes_are_attributed(sentences):
    r = row(sentences, "ByteDance has informed us")
    assert (r["voice"], r["speaker"]) == ("direct_quote", "microsoft")
    assert "said Microsoft" in r["cue"]
    r = row(sentences, "We are developing solutions")
    assert (r["voice"], r["speaker"]) == ("direct_quote", "zhang_yiming")
    assert "Zhang Yiming said" in r["cue"]


def test_reported_speech_names_its_source(sentences, corpus):
    cnn = sentences[sentences["text"].str.contains("latest news from CNN")].iloc[0]
    assert (cnn["voice"], cnn["speaker"]) == ("reported_speech", "cnn")
    report = sentences[sentences["text"].str.startswith("According to the report")].iloc[0]
    assert (report["voice"], report["speaker"], report["cue"]) == ("reported_speech", "unknown", "According to the report")
    treasury = sentences[sentences["text"].str.contains("has stated that it will carefully evaluate")].iloc[0]
    assert treasury["speaker"] == "us_treasury"


def test_would_have_chosen_is_hedged(sentences):
    r = row(sentences, "would have chosen Oracle")
    assert r["certainty"] == "hedged" and "would have" in r["hedges"]


def test_if_is_conditional_and_according_to_is_attributed(sentences):
    assert row(sentences, "If so, this partnership")["certainty"] == "conditional"
    report = sentences[sentences["text"].str.startswith("According to the report")].iloc[0]
    assert report["certainty"] == "attributed"


@pytest.mark.parametrize(("text", "flag"), [
    ("", "empty"), ("   ", "empty"),
    ("Der Handelskrieg von Trump ist ein Misserfolg und eine Katastrophe.", "non-English"),
    ("这是一个测试。", "non-English"),
    ("— Nicholas Grossman (@NGrossman81) September 7, 2020", "post signature"),
])
def test_unscorable_text_is_neutral_with_a_flag(text, flag):
    out = score(pd.Series([text, "The deal is a great success."]))
    assert out.loc[0, "flag"] == flag and not out.loc[0, "scored"]
    assert (out.loc[0, ["vader_compound", "textblob_polarity", "gdelt_tone", "lm_negative"]] == 0).all()
    assert out.loc[1, "scored"] and out.loc[1, "vader_compound"] > 0.05


def test_gdelt_formula_by_hand():
    # Loughran–McDonald: "failure" and "loss" negative, "gain" positive; 8 words
    out = score(pd.Series(["The failure and the loss beat the gain"]))
    assert (out.loc[0, "lm_negative"], out.loc[0, "lm_positive"], out.loc[0, "n_words"]) == (2, 1, 8)
    assert out.loc[0, "gdelt_tone"] == pytest.approx(100 * (1 - 2) / 8)
    assert out.loc[0, "gdelt_polarity"] == pytest.approx(100 * 3 / 8)


def test_vectorised_scores_equal_the_packages_own_api():
    texts = ["Trump’s trade war is a failure.", "We were confident that our proposal would have been positive.",
             "The data is stored in the United States."]
    fast = score(pd.Series(texts))
    plain = pd.DataFrame(score_texts_plain(texts))
    assert fast["vader_compound"].tolist() == pytest.approx(plain["vader_compound"].tolist())
    assert fast["textblob_polarity"].tolist() == pytest.approx(plain["textblob_polarity"].tolist())


def test_bootstrap_interval_contains_the_mean_and_is_seeded():
    values = [-0.8, -0.5, 0.1, 0.3, 0.6]
    a = tone.bootstrap_mean_ci(values, 2000, 7, 0.9)
    assert a == tone.bootstrap_mean_ci(values, 2000, 7, 0.9)
    assert a[1] <= a[0] <= a[2] and a[0] == pytest.approx(sum(values) / 5)


def test_summary_has_n_and_intervals(sentences, corpus):
    mentions = find_mentions(corpus, reference.load("stakeholders"))
    summary = tone.summarise(sentences, mentions, 1000, 1, 0.9)
    voices = summary[summary["level"] == "voice"].set_index("group")
    assert voices["n"].sum() == int(sentences["scored"].sum())
    assert (summary["vader_compound_lo90"] <= summary["vader_compound_hi90"]).all()
    post = voices.loc["embedded_post"]
    assert post["vader_compound_hi90"] < 0  # the tweet is negative throughout


def test_every_measure_and_voice_is_in_the_documented_vocabulary(sentences):
    assert set(tone.MEASURES) <= set(sentences.columns)
    assert set(sentences["voice"]) <= set(tone.VOICES)
    assert set(sentences["certainty"]) <= {"asserted", "hedged", "conditional", "attributed"}


@pytest.mark.parametrize("text", ["I don't know.", "I don't like it", "It's what they're saying.", "We won't sell."])
def test_short_english_with_contractions_is_scored(text):
    """The Loughran–McDonald list has no "I" and no contractions; such sentences are still English."""
    out = score(pd.Series([text]))
    assert out.loc[0, "scored"] and out.loc[0, "flag"] == ""


def test_a_text_scored_twice_scores_the_same_as_alone():
    texts = pd.Series(["A great deal for everyone.", "A terrible, awful ban.", "A great deal for everyone.", "", None,
                       "A terrible, awful ban.", "Das ist kein englischer Satz, sagt er heute."])
    together = tone.score_texts(texts, "loughran_mcdonald", 0.5, 4)
    alone = pd.concat([tone.score_texts(pd.Series([t], dtype=object), "loughran_mcdonald", 0.5, 4) for t in texts],
                      ignore_index=True)
    pd.testing.assert_frame_equal(together, alone)
    assert together["vader_compound"].iloc[0] > 0 > together["vader_compound"].iloc[1]
