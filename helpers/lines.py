"""A sentence's subject read without its verb: the subject of a line near its start ('Velkaric was
blunt.', "His view was blunt:"), a colon line's first name or description, the name and verb after a
quotation ('"…," Velkaric fumed.', '"…," Steven Mnuchin, the US Treasury secretary, …, told CNBC'), and
the main clause's subject after an opening participle ("Asked about Oracle, Trump was effusive"). A
mixin of :class:`helpers.speakers.ArticleVoices`, which gives it the article's text, sentences and
candidates and resolves them.
"""
from __future__ import annotations

import re

from helpers import speechcues as sc
from helpers.speechcues import UNKNOWN, Candidate

WINDOW_CANDIDATES = 24  # a speaker is looked for among how many possible speakers at most (near its verb)
_OWNER = re.compile(r"(?:His|Her)\b")  # a sentence opening with a possessive pronoun
_PREPOSITION = sc.PREPOSITION_BEFORE


class LineSubjects:
    """The subject rules of :class:`helpers.speakers.ArticleVoices` read without a verb (see the module docstring)."""

    def _main_subject(self, k: int, lo: int) -> Candidate | None:
        """The subject of sentence ``k``'s main clause after an opening participle ending before ``lo``: the
        first candidate after ``lo`` set off by a comma (and at most "the"), no possessive."""
        for c in self.window(k, lo, self.sentences[k][1])[:WINDOW_CANDIDATES]:
            gap = self.text[self.text.rfind(",", lo, c.start) + 1:c.start].strip()
            if "," in self.text[lo:c.start] and gap.lower() in ("", "the") and not self.possessive(c):
                return c
        return None

    def line_subject(self, k: int, at: int) -> tuple[str, str] | None:
        """``(speaker, cue)`` of sentence ``k``'s subject when it names one near its start (the first
        name, pronoun or description there that is no possessive, before ``at``; else whom "His" or "Her"
        opening it means), else None."""
        s0 = self.sentences[k][0]
        first = next((c for c in self.candidates(k) if c.kind != "unnamed" and not self.possessive(c)), None)
        owner = _OWNER.match(self.text, s0) if first is None else None  # "His view was blunt:": whom "his" means
        if owner is not None and owner.end() < at:
            first = sc.pronoun_candidate(s0, owner.end(), owner[0])
        if first is None or self.sentence_at(first.start) != k or not s0 <= first.start < s0 + 40 or first.start >= at:
            return None
        speaker = self.resolve(first, first.start)
        return (speaker, self.text[first.start:first.end]) if speaker != UNKNOWN else None

    def verb_after(self, b: int, s1: int) -> tuple[str, str] | None:
        """``(speaker, cue)`` of '"…," Velkaric fumed.' / '"…," fumed Velkaric.' after a quotation that
        ends at ``b`` (:func:`helpers.speechcues.clause_after_quote`); else None."""
        k = self.sentence_at(max(0, b - 1))
        found = sc.clause_after_quote(self.text, b, self.window(k, b, min(s1, b + 60))[:2], self.cues.names.lexicon,
                                   self.possessive)
        if found is None:
            return None
        c, verb = found
        speaker = self.resolve(c, verb.start(1), verb.group(1))
        return None if speaker == UNKNOWN else (speaker, self.text[min(c.start, verb.start(1)):max(c.end, verb.end())])

    def named_after(self, b: int, verbs: list) -> tuple[str, str, int] | None:
        """``(speaker, cue, verb start)`` when a name stands right after a quotation's comma at ``b``, set
        off by a comma of its own, and one of the reporting ``verbs`` after it closes the apposition with
        no quotation in between ('"…," Steven Mnuchin, the US Treasury secretary, who chairs …, told CNBC')."""
        first = next(iter(self.window(self.sentence_at(b), b, b + 4)), None)
        if first is None or first.kind != "name" or self.text[first.end:first.end + 1] != "," \
                or self.text[b:first.start].strip(" ,") or self.possessive(first):
            return None
        verb = next((m for m in verbs if m.start() > first.end and not self.in_quote(m.start())), None)
        if verb is None or any(q in self.text[first.end:verb.start()] for q in '"“”'):
            return None
        return first.party, self.text[first.start:verb.end()], verb.start()

    def line_speaker(self, k: int, lo: int, hi: int) -> str:
        """The first name or description of sentence ``k`` in ``[lo, hi)`` that is no possessive and not
        governed by a preposition (a colon line's subject when it has no reporting verb), else unknown."""
        s0 = self.sentences[k][0]
        for c in self.window(k, lo, hi):
            if (c.kind == "name" or (c.kind == "description" and not self.cues.is_document(self.text[c.start:c.end]))) \
                    and not self.possessive(c) \
                    and not _PREPOSITION.search(self.text, max(s0, c.start - 30), c.start):
                return self.resolve(c, c.start)
        return UNKNOWN
