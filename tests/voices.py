"""Tiny corpora for the party and quote tests: one or more articles given as text, segmented and
read the way the notebooks read them (gazetteer mentions, open-world parties, quotations)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers import parties, quotes, reference, segment
from helpers.assumptions import load_assumptions
from helpers.corpus import Corpus
from helpers.mentions import find_mentions

A = load_assumptions()
GAZETTEER = reference.load("stakeholders")
CUES = reference.load("attribution_cues")


def corpus_of(*texts: str) -> Corpus:
    """A corpus of the given article texts (ids ``a0``, ``a1``...), segmented as the corpus loader does."""
    sentences, paragraphs, articles = [], [], []
    for i, text in enumerate(texts):
        aid = f"a{i}"
        paras = segment.segment_paragraphs(text, A)
        paragraphs += [{"article_id": aid, **p, "text": text[p["start"]:p["end"]]} for p in paras]
        sentences += [{"article_id": aid, **s, "text": text[s["start"]:s["end"]]}
                      for s in segment.segment_sentences(text, paras, A)]
        articles.append({"article_id": aid, "label": f"Article {i}", "published": pd.Timestamp("2020-09-14")})
    return Corpus(pd.DataFrame(articles), pd.DataFrame(paragraphs), pd.DataFrame(sentences),
                  {f"a{i}": t for i, t in enumerate(texts)}, "test")


@dataclass
class Read:
    corpus: Corpus
    world: parties.OpenWorld
    speech: quotes.Speech

    def party(self, form: str) -> pd.Series:
        """The party one of whose mentions reads ``form``."""
        m = self.world.mentions[self.world.mentions["surface"] == form]
        assert len(m), f"no mention {form!r}: {sorted(set(self.world.mentions['surface']))}"
        return self.world.parties.set_index("stakeholder_id").loc[m["stakeholder_id"].iloc[0]]

    def quote(self, fragment: str) -> pd.Series:
        q = self.speech.quotes[self.speech.quotes["text"].str.contains(fragment, regex=False)]
        assert len(q) == 1, f"{len(q)} quotations hold {fragment!r}: {list(self.speech.quotes['text'])}"
        return q.iloc[0]

    def reported(self, fragment: str) -> pd.Series:
        r = self.speech.reported[self.speech.reported["cue"].str.contains(fragment, regex=False)]
        assert len(r) >= 1, f"no reported speech at {fragment!r}: {list(self.speech.reported['cue'])}"
        return r.iloc[0]

    def provisional(self) -> pd.DataFrame:
        p = self.world.parties
        return p[~p["reviewed"] & (p["articles"] > 0)]


def read(*texts: str) -> Read:
    corpus = corpus_of(*texts)
    world = parties.open_world(corpus, find_mentions(corpus, GAZETTEER), GAZETTEER, CUES)
    speech = quotes.find_speech(corpus, world.mentions, world.parties, CUES, A["corpus.scare_quote_max_words"])
    return Read(corpus, world, speech)
