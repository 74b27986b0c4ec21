"""Parties, quotations and speakers in time linear in the text: crafted texts of a repeated unit
(the shapes that make a rule look far back or pair far apart: long runs of capitals, titles,
connectors, quotation marks never closed, colon lines, pronouns, reporting verbs) are read in
bounded time, and four times the text costs about four times as much. Times are CPU time."""
from __future__ import annotations

import time

import pytest
from voices import CUES, GAZETTEER, A, corpus_of

from helpers import parties, quotes, tone
from helpers.mentions import find_mentions

pytestmark = pytest.mark.slow  # timings: make test-slow (CI runs it)

UNITS = {
    "capitals": "Ab Cd Ef ",
    "connectors": "Ab of the Cd for Ef and ",
    "titles": "Judge Ab Cd of the Ef Court Sen. ",
    "possessives": "Ab's Cd's ",
    "gazetteer names": "Oracle TikTok ByteDance ",
    "names and verbs": "Ab Cd said, ",
    "apposition": "Oracle, a firm that Ab Cd founded, said ",
    "pronouns": "he said it added she wrote ",
    "descriptions": "the company said the ministry said a Treasury spokesperson said ",
    "according to": "according to Oracle, ",
    "participles": ", saying, calling ",
    "open quotes": "“Ab said ",
    "straight quotes": '"Ab" said Cd, "',
    "mixed quotes": '“a," he said. "b” ',
    "short quotes": 'called it "a b" and ',
    "dotted words after called": "called A.b.c.d.e.f.g.h.i.j.k.l ",
    "colon lines": "Oracle's full statement:\n",
    "quote paragraphs": "“We will go on\n",
    "acronyms": "Ab Cd Ef (ACE) ",
    "datelines": "WASHINGTON (AP) — ",
    "hyphens": "Ab-based Cd-owned ",
}


def analyse(text: str) -> None:
    corpus = corpus_of(text)
    world = parties.open_world(corpus, find_mentions(corpus, GAZETTEER), GAZETTEER, CUES)
    speech = quotes.find_speech(corpus, world.mentions, world.parties, CUES, A["corpus.scare_quote_max_words"])
    tone.attribute(corpus, world.mentions, world.parties, CUES, speech)


def cost(unit: str, size: int) -> float:
    text = (unit * (size // len(unit) + 1))[:size] + "\n"
    began = time.process_time()
    analyse(text)
    return time.process_time() - began


@pytest.mark.parametrize("name", list(UNITS))
def test_four_times_the_text_costs_about_four_times_as_much(name):
    """5 KB against 20 KB of each shape: a rule that looks far back or pairs far apart grows
    with the square of the text (16 times, not 4)."""
    small, large = cost(UNITS[name], 5_000), cost(UNITS[name], 20_000)
    assert large < 2.0, f"{name}: {large:.2f} s for 20 KB"
    assert large < 8 * max(small, 0.03), (name, small, large)


@pytest.mark.parametrize("name", list(UNITS))
def test_a_crafted_text_of_100_kb_is_read_in_bounded_time(name):
    took = cost(UNITS[name], 100_000)
    assert took < 6.0, f"{name}: {took:.2f} s"
