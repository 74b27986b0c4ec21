"""Whom a pronoun or description means beyond its own sentence: the leader of a group "led by" someone,
each party's first mention (for "the president", the one person titled so), a new referent introduced
by description only, and the company a story is about (salience). A mixin of
:class:`helpers.speakers.ArticleVoices`, which gives it the article's text, sentences, mentions and
candidates.
"""
from __future__ import annotations

import bisect
import re

from helpers import speechcues as sc
from helpers.speechcues import Candidate

SALIENCE_MENTIONS = 200  # how many mentions back "the company said" weighs who the story is about
_LED_BY = re.compile(r"\bled\s+by\s+")  # a group and its leader
_GROUP = re.compile(r"(?i)\b(?:" + "|".join(h + "s" for h in sc.GROUP_HEADS)
                    + r"|members|republicans|democrats|group|delegation)\b")


class Referents:
    """The referent rules of :class:`helpers.speakers.ArticleVoices` (see the module docstring)."""

    def _first_mentions(self) -> dict[str, int]:
        """Each party's first mention in the article (once per article: linear)."""
        if self._firsts is None:
            self._firsts = {}
            for a, _, p in self.mentions:
                self._firsts.setdefault(p, a)
        return self._firsts

    def _leader(self, k: int, at: int, back: int) -> str:
        """The person a group of people named just before "led by", in sentence ``k`` or the ``back`` - 1
        before it, is led by ("A group of Republican senators led by Sen. Marco Rubio (Fla.) is urging"):
        whom "the senators" or "they" speak through."""
        for kk in range(k, max(-1, k - back), -1):
            s0, s1, _ = self.sentences[kk]
            led = _LED_BY.search(self.text, s0, min(s1, at))
            led = led if led is not None and _GROUP.search(self.text, max(s0, led.start() - 60), led.start()) else None
            after = self.window(kk, led.end(), min(s1, led.end() + 40))[:1] if led is not None else []
            if after and after[0].kind == "name" and self.party_type.get(after[0].party) == "person":
                return after[0].party
        return ""

    def _new_referent(self, first: Candidate, c: Candidate) -> bool:
        """Whether ``first``, a sentence's subject introduced by description only ("An executive at a major
        trading house"), is whom ``c`` takes up: "he" or "she", or "the executive" (Heim 1982)."""
        if first.kind != "description" or self.possessive(first) or not sc.indefinite(self.text[first.start:first.end]):
            return False
        if c.kind == "pronoun":
            return c.head in ("he", "she") and not first.head.endswith("s") and \
                self.cues.wants(first, self.text)[0] in ("person", "")
        return c.kind == "description" and c.head == first.head and not sc.indefinite(self.text[c.start:c.end])

    def _salient(self, k: int, at: int, want: str, word: str) -> str:
        """Of the compatible parties named in sentence ``k`` and the three before it, the one named most
        often in the last :data:`SALIENCE_MENTIONS` mentions before ``at`` (then the latest): salience by
        frequency and recency (Lappin & Leass 1994)."""
        lo = self.sentences[max(0, k - 3)][0]
        i, j = bisect.bisect_left(self.mention_starts, lo), bisect.bisect_left(self.mention_starts, at)
        pool = {p for _, _, p in self.mentions[i:j] if self._fits(p, want, word)}
        if not pool:
            return ""
        counts = {p: 0 for p in pool}
        last = {}
        for a, _, p in self.mentions[max(0, j - SALIENCE_MENTIONS):j]:  # bounded: the search stays linear
            if p in counts:
                counts[p] += 1
                last[p] = a
        return max(pool, key=lambda p: (counts[p], last[p]))
