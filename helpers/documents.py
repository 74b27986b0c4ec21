"""Whom a document speaks for: an order, law or regulation for whoever signed or passed it ("The order,
signed by Trump, says", "the executive order President Trump signed", "Mr Biden's order"); another
document for its issuer ("a White House fact sheet", "X issued a statement that said"), else whoever
introduced "a statement" in the two sentences before, else the last to speak. A mixin of
:class:`helpers.speakers.ArticleVoices`, which gives it the article's text, sentences, candidates and
the speeches recorded so far.
"""
from __future__ import annotations

import bisect
import re

from helpers import speechcues as sc
from helpers.speechcues import UNKNOWN, Candidate

_WORDS = re.compile(r"[A-Za-z’'-]+")
_ACCORDING_TO = re.compile(r"(?i)\baccording\s+to\b")
_IN_A = re.compile(r"(?i)\s*in\s+(?:(?:a|an|the|its|their|court|new|separate|[\w-]+’s)\s+){0,2}")  # "In court filings"
_OWNER = re.compile(r"(?i)the\s+(?:[\w-]+\s+)?([\w-]+)[’']s\s")  # "the department's notice"
_FROM = re.compile(r"\s+from\s+(?:the\s+)?")
_SIGNED_BY = re.compile(r",?\s*" + sc.SIGNS + r"(?:\s+[^\s,;]+){0,3}?\s+by\s+([^,;]{1,60})")  # "An order signed by X"
_FILED = re.compile(r"(?i)\b(?:filing|motion|brief|petition|complaint|declaration)s?\b")  # papers filed with a court
_COURT = re.compile(r"\b(?:court|circuit|tribunal)\b")  # (its lower-case words)
_SIGNED_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?([^,;:]{1,40}?)\s+" + sc.SIGNS + r"\b")


class DocumentSpeakers:
    """The document rules of :class:`helpers.speakers.ArticleVoices` (see the module docstring)."""

    def document_speaker(self, c: Candidate, at: int, depth: int = 0) -> str:
        """The party a document description (``c``, read at ``at``) speaks for."""
        enacted = bool(sc.ENACTED.fullmatch(self.text[c.start:c.end].split()[-1]))
        k = self.sentence_at(c.start)
        if self.text[c.start:c.end].lower() == "the document" and depth < 3:  # "The provisions … target
            before = [x for kk in (k, k - 1) if kk >= 0 for x in reversed(self.candidates(kk)) if x.start < c.start
                      and x.kind == "description" and self.cues.is_document(self.text[x.start:x.end])]  # …, according to
            if before:  # the document": the document named before it
                return self.resolve(before[0], before[0].start, "", depth + 1)
        owner = _OWNER.match(self.text, c.start, c.end)
        if owner and depth < 3:  # "The department's notice": the department's
            by = self.resolve(Candidate(c.start, owner.end(1), "description", head=owner.group(1).lower()), at, "", depth + 1)
            if by != UNKNOWN:
                return by
        by = _FROM.match(self.text, c.end)  # "a fresh notice from the Ministry of Electronics": the ministry's
        sender = next((x for x in self.window(k, by.end(), by.end() + 80) if x.start == by.end()), None) if by else None
        if sender is not None and (who := self.resolve(sender, sender.start, "", depth + 1)) != UNKNOWN:
            return who
        if c.modifier and not enacted and not (_FILED.search(self.text, c.start, c.end)
                                              and _COURT.search(self.party_words.get(c.modifier, ""))):
            return c.modifier  # "a White House fact sheet says": the White House (but "the TikTok order": its signer,
        # and "the D.C. Circuit filing": filed with the court, by whoever filed it)
        if enacted:  # "The order, signed by President Trump on Friday, says", "the order, which Trump signed in August"
            by = sc.SIGNED_BY.match(self.text, c.end, min(self.sentences[k][1], c.end + 120))
            g = (1 if by.group(1) else 2) if by else 0
            signer = next((x for x in self.window(k, by.start(g), by.end(g)) if x.kind == "name"), None) if by else None
            if signer is not None:
                return signer.party
        after = _SIGNED_AFTER.match(self.text, c.end, min(self.sentences[k][1], c.end + 80)) if enacted else None
        signer = next((x for x in reversed(self.window(k, after.start(1), after.end(1))) if x.kind in ("name", "description")
                       and not self.text[x.end:after.end(1)].strip()), None) if after else None  # "… the president signed"
        if signer is not None and (by := self.resolve(signer, signer.start)) != UNKNOWN:
            return by
        # "X issued a statement that said": X; "the post added": whoever issued one before
        s0 = self.sentences[k][0]
        issuer = next((x for x in reversed(self.window(k, s0, c.start)) if x.kind == "name"
                       and not self.possessive(x)
                       and len(_WORDS.findall(self.text, x.end, c.start)) <= 4  # "X issued a statement"
                       and not _ACCORDING_TO.search(self.text, x.end, c.start)  # not "X, according to the filing,"
                       and not sc.PREPOSITION_BEFORE.search(self.text, max(s0, x.start - 30), x.start)), None)
        if issuer is not None:
            return issuer.party
        earlier = self._document_issuer(c, k, enacted)  # "… in a statement. The statement read:"
        if earlier != UNKNOWN or enacted:
            return earlier
        i = bisect.bisect_left(self.events, (at, ""))
        return self.events[i - 1][1] if i else UNKNOWN

    def owns_document(self, c: Candidate) -> bool:
        """Whether ``c`` is a name in the possessive before a document ("Biden's order", "Microsoft's full
        statement"): the document is that party's."""
        after = self.text[c.end + 2:c.end + 40].split()[:3]
        return c.kind == "name" and self.possessive(c) and any(self.cues.is_document(" ".join(after[:n])) for n in (1, 2, 3))

    def _document_issuer(self, c: Candidate, k: int, enacted: bool) -> str:
        """Whom "the statement" (sentence ``k``) is by when one of the sentences before (two; twelve for an
        order, law or regulation) introduced "a statement" or signed, issued or passed "the order": the
        subject of that sentence, before the noun; for an order, also the signer a sentence names after it
        ("the executive order President Trump signed") or before it, a person in the possessive ("Mr
        Biden's order"), and an order introduced with no signer ("a companion order") looks further back."""
        words = self.text[c.start:c.end].split()
        noun = " ".join(words[-2:]) if len(words) > 2 and self.cues.statements.fullmatch(" ".join(words[-2:]).lower()) \
            else words[-1]
        noun = self.cues.singular(noun)  # "the orders"
        noun = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun  # "the rules", a plural noun
        plural = r"(?=\s+(?:[\w-]+\s+)?" + re.escape(noun.lower()) + r"s\b)"  # "signed executive orders"
        introduced = re.compile(r"\b(?:(?:a|an|its|their|his|her|" + sc.SIGNS + r"\s+(?:\w+\s+)?(?:the|an?|two|three)|"
                                + sc.SIGNS + plural + r")\s+(?:[\w-]+\s+){0,2}?|" + sc.PUBLISHES + r"\s+(?:the\s+)?"
                                r"(?:(?!(?:alongside|with|to|for|in|on|by|of|after|before|under)\b)[\w-]+\s+)?)"
                                + re.escape(noun.lower()) + r"s?\b")  # (not "a fact sheet published alongside the order")
        signed = re.compile(r"\b" + re.escape(noun.lower()) + r"\s+(?:that\s+|which\s+)?([^,.;:]{1,60}?)\s+"
                            + sc.SIGNS + r"\b"  # "the order Trump signed"
                            r"|()[’']s\s+(?:[\w-]+\s+){0,2}?" + re.escape(noun.lower()) + r"\b")  # "Mr Biden's order"
        subject = re.compile(r"(?:(?:on|in|by|after)\s[^,]{1,40},\s+)?(?:the|an?|this|that)\s+(?:[\w-]+\s+){0,2}?"
                             + re.escape(noun.lower()) + r"\b(?!s)")  # "The new order, signed Wednesday, withdraws"
        for kk in range(k - 1, max(-1, k - 1 - (12 if enacted else 2)), -1):
            s0, s1, _ = self.sentences[kk]
            low = self.text[s0:s1].lower()
            if enacted and (own := subject.match(low)):  # a sentence about the order itself ("The new order, signed
                signer = self._subject_signer(kk, s0, s1, low, own.end(), signed, noun)  # Wednesday, withdraws …")
                if signer != UNKNOWN:
                    return signer
                continue  # none of the orders it names ("the two orders Trump issued") is this one: on back
            m = introduced.search(low)
            issuer = self.line_speaker(kk, s0, s0 + m.start()) if m else UNKNOWN
            opening = _IN_A.match(self.text, s0, s1)  # "In a notice posted …, the department said": the one after the phrase
            opening = opening if opening and (m is None or s0 + m.start() < opening.end()) else None
            if opening and self.text[opening.end():s1].lower().startswith(noun.lower()):  # "In filings with the court,
                comma = self.text.find(",", opening.end(), s1)  # lawyers asked"
                issuer = self.line_speaker(kk, comma + 1, s1) if comma > 0 else UNKNOWN
                if issuer != UNKNOWN:
                    return issuer
            if issuer != UNKNOWN or (m and not enacted):  # an order with no signer there ("a companion order"): on back
                return issuer
            m = signed.search(low)
            lo, hi = ((m.start(1), m.end(1)) if m.group(1) is not None else (max(0, m.start(2) - 60), m.start(2))) if m \
                else (0, 0)
            by = [x for x in self.window(kk, s0 + lo, s0 + hi) if x.kind == "name"]
            if by and (m.group(1) is not None or (by[-1].end == s0 + hi and self.party_type.get(by[-1].party) == "person")):
                return by[0 if m.group(1) is not None else -1].party
            if enacted and (by := self._enacted_in(kk)) != UNKNOWN:  # the nearest sentence that says who did it
                return by
        return UNKNOWN

    def _subject_signer(self, kk: int, s0: int, s1: int, low: str, at: int, signed: re.Pattern, noun: str) -> str:
        """The signer named right after an order that is the subject of sentence ``kk`` (``low``: its text in lower
        case; ``at``: the end of the order's words in it): "An executive order signed by President Joe Biden",
        "The executive order President Trump signed"; else unknown."""
        by = _SIGNED_BY.match(self.text, s0 + at, s1)
        lo, hi = (by.start(1), by.end(1)) if by else (0, 0)
        if by is None and (by := signed.match(low, at - len(noun))) and by.group(1):
            lo, hi = s0 + by.start(1), s0 + by.end(1)
        return next((x.party for x in self.window(kk, lo, hi) if x.kind == "name"), UNKNOWN)

    def _enacted_in(self, kk: int) -> str:
        """Whom an order, law or regulation with no signer named near it is by, read in sentence ``kk`` (one of
        the twelve before it): the person who, as its subject, signed, ordered, directed, revoked, rescinded,
        replaced, decreed or enacted, within 120 characters of the subject ("President Joe Biden on Wednesday
        revoked … and ordered a broader review. … "…," the order said": Biden; not "a judge issued an
        injunction"), else unknown."""
        s0, s1, _ = self.sentences[kk]
        found = self.line_subject(kk, s1)
        start = self.text.find(found[1], s0, s1) + len(found[1]) if found else s1
        if found and self.party_type.get(found[0]) == "person" and sc.ENACTS.search(self.text, start, min(s1, start + 120)):
            return found[0]
        for m in sc.ENACTS.finditer(self.text, s0, s1):  # "…'s campaign went to paperwork when he signed …"
            c = next(iter(self.window(kk, max(s0, m.start() - 40), m.start())[-1:]), None)
            if c is not None and c.kind in ("name", "pronoun") and not self.text[c.end:m.start()].strip(" ,") \
                    and self.party_type.get(by := self.resolve(c, m.start())) == "person":
                return by
        return UNKNOWN
