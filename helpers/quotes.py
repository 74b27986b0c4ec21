"""Quotations as newsrooms print them, and reported speech, each with its speaker.

:func:`find_speech` returns a :class:`Speech` of two frames (offsets ``[start, end)`` into the text):

``quotes``
    ``quote_id, article_id, paragraph_no, sentence_no, start, end, text, kind, part, of,
    speaker_id, cue, how``: one row per quotation that is speech, ``start``/``end`` spanning the marks
    (a statement: its paragraph), ``text`` what stands between them. ``kind``:
    ``direct`` (a quoted sentence or clause), ``partial`` (a fragment in the reporter's sentence),
    ``multi-paragraph`` (an opening mark on each paragraph, the closing one on the last; one row
    per paragraph, ``part`` of ``of``), ``statement`` (paragraphs set after a line ending in a
    colon that names a statement or a speech verb, with no marks: "Microsoft's full statement:";
    the paragraphs after a line saying *full* or *in full* up to one with a reporting verb or
    quotation marks, else the one paragraph and those after it in the first person: "We will ...";
    a transcript's turn of a speaker not the outlet's, :mod:`helpers.transcripts`).
``reported``
    ``article_id, sentence_no, start, end, cue, speaker_id, how``: one row per reporting verb outside
    quotations that attributes none ("Mnuchin told CNBC his office received", "according to X").

Speech: a quotation ending on its own punctuation ("…interests,") or with a speaker; a short one (at most
``scare_quote_max_words`` words) only when a reporting verb governs it (called it "unacceptable") or closes its
sentence ('is "evaluating" risks, she said'; not 'A "working group" …, it said'). Scare quotes stay out: a term
(``term marker`` cues: "trusted technology partner") or a title ("For You").

A quotation's speaker, first rule that gives one (the subject and pronoun rules are :mod:`helpers.speakers`'): a
reporting verb right after it (", X said", "said X, title", ", the company continued", ", X, a professor at Y, told
reporters"), or a name right after it set off by a comma, however long its apposition, and one later in the
sentence; else, after a quotation ending on a comma, question or exclamation mark, a name and any verb closing the
clause ('"…," Velkaric fumed.', '"…," fumed Velkaric.'); a reporting verb before it in its sentence ("X said:", "X
said the move was "…""); a document the sentence is about, for its signer or issuer ('The new order directs … where
apps present an "undue or unacceptable risk"'); a colon before it in its sentence with no such verb (the sentence's
subject, or whom "His" opening it means: "For Velkaric, the answer was simple:"); the line before its paragraph when
that ends in a colon (its reporting verb's subject, else the line's subject: "Hawley laid out his case in March:");
another quotation of the paragraph; the previous paragraph's last quotation when this paragraph opens with one, else
the last speaker quoted in the two paragraphs before; for a quotation opening a sentence, the subject of the
sentence before when that reports no speech ('Velkaric was blunt. "…"'); one of more than two words ending on its own
punctuation, in a sentence with no reporting verb, its subject's ('The Commerce Department … delayed the ban by a
week, "in light of recent positive developments."'). A multi-paragraph quote's parts: one speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pandas as pd

from helpers.corpus import Corpus
from helpers.quotegroups import quote_groups, quote_kind
from helpers.segment import PAD, count_words, quote_spans
from helpers.sentencespeakers import rows_by_article, sentence_speakers  # noqa: F401 (sentence_speakers: quotes' API)
from helpers.speakers import UNKNOWN, ArticleVoices
from helpers.speechcues import AUXILIARY, POSSESSED, SpeechCues, end_mark, strip_asides, too_long
from helpers.tables import cue_pattern
from helpers.transcripts import turns

QUOTE_COLUMNS = ["quote_id", "article_id", "paragraph_no", "sentence_no", "start", "end", "text", "kind", "part", "of",
                 "speaker_id", "cue", "how"]
REPORTED_COLUMNS = ["article_id", "sentence_no", "start", "end", "cue", "speaker_id", "how"]
_NO_ATTRIBUTION = re.compile(r"\s*,?\s*(?:and|but|while|whereas|after|before|when|because|since|until|unless|once|if)\s"
                             r"|.*[\"“]")  # '"…," and X has …': its own clause; a quote
_NEGATED = re.compile(r"(?i)(?:\bnot|n[’']t|\bnever|\bno\s+one|\bnobody)\s+(?:\w+\s+)?$")
_VERB_WINDOW = 600  # a quotation's verb stands at most this many characters before it, in its sentence
_VERBS_BACK = 8  # and among the last few verbs there
_INTRODUCES = re.compile(r"[^“\".]{0,50}?[:,]\s*[“\"]")
# "describe X as", "call X", "brand X as": a verb of saying whose complement is the quoted words
_DESCRIBES = re.compile(r"(?i)\b(?:describ|call|brand|label|dismiss|denounc|characteri[sz])\w*"
                        r"(?=\b(?:[^.;:“”\"]|(?<=[A-Z])\.)*$)")
# (the term in the same clause: no stop but an abbreviation's, "describing … the U.S. Treasury … as")
_WORDS = re.compile(r"[\w’'-]+")
_APPROVES = re.compile(r"(?i)(?:\b(?P<verb>approv(?:ed|es|e|ing)|bless(?:ed|es|ing))(?:\s+(?:it|(?:the|a|an)\s+[\w-]+))?|"
                       r"\b(?P<gave>gave|given|gives|granted)\s+[^.;“”\"]{0,50}?\b(?:his|her|its|their)|"  # his "blessing"
                       r"(?-i:\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}?(?<=(?P<owner>[A-Za-z])))[’']s\s+(?:approval|blessing|endorsement))\s+$")
# (approving in words: the quotation is the approver's, "approved the deal "in concept"", "Trump's approval "…"")
_OR = re.compile(r"\bor\s+$")
_RELATIVE_END = re.compile(r"\b(?:that|which)\s*$")
_NAME_AFTER = re.compile(r"\s+([^\W\d_a-z][\w.]*)")  # "said Élodie Marchetti": a name, read or not (not "signaled Monday")
_NOT = re.compile(r"(?i)\bnot\b|n[’']t\b")
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:a|an|the)\s+$")
_STOP = re.compile(r"[,.;]")
_OWNER_BEFORE = re.compile(r"(?i)\b(its|his|her|their)\s+(?:[\w-]+\s+)?$")  # "Here is its (full) statement:"
_NOUN_BEFORE = re.compile(r"(?i)\b(?:a|an|the|its|their|his|her|our|other|such|these|those|any|no|[\w-]+[’']s)\s+$")
_NO_SUBJECT = re.compile(r"(?i)\b(?:to|as|be|been|being)\s+$")  # an infinitive, a participle or a passive ("to be
# called TikTok Global"): no speaker of its own
_CLOSING_PUNCT = frozenset(".,!?;:")
_SENTENCE_END = re.compile(r"[.!?][”\"’]?\s*$")


@dataclass
class Speech:
    """Quotations and reported speech (see the module docstring)."""

    quotes: pd.DataFrame
    reported: pd.DataFrame


def find_speech(corpus: Corpus, mentions: pd.DataFrame, parties: pd.DataFrame, cues: pd.DataFrame,
                scare_quote_max_words: int, speech_cues: SpeechCues | None = None) -> Speech:
    """Every quotation that is speech and every reported statement, with its speaker."""
    sc = speech_cues or SpeechCues.from_table(cues)
    terms = cue_pattern(cues, "term marker")
    term_before = re.compile(r"(?:" + terms.pattern + r")\s+(?:(?:the|a|an|its|their|his|her|[\w’'-]+(?:’s|'s))\s+)?$",
                             re.IGNORECASE)
    party_type = dict(zip(parties["stakeholder_id"], parties["type"]))
    party_words = {sid: " ".join(map(str, vals)).lower() for sid, *vals in
                   parties[["stakeholder_id", "name", "label", "title", "aliases"]].itertuples(index=False)}
    by_article = rows_by_article(mentions, ["start", "end", "stakeholder_id"])
    sents_by = rows_by_article(corpus.sentences, ["start", "end", "sentence_no", "paragraph_no", "voice"])
    paras_by = rows_by_article(corpus.paragraphs, ["paragraph_no", "start", "end", "kind"])
    quotes, reported = [], []
    for aid in sorted(sents_by):
        reader = _ArticleReader(corpus.texts[aid], aid, sents_by[aid], sorted(paras_by.get(aid, [])),
                                by_article.get(aid, []), party_type, party_words, sc, term_before, scare_quote_max_words)
        q, r = reader.attribute_all()
        quotes += q
        reported += r
    qf = pd.DataFrame(quotes, columns=QUOTE_COLUMNS)
    rf = pd.DataFrame(reported, columns=REPORTED_COLUMNS)
    return Speech(qf.astype({"start": "int64", "end": "int64", "sentence_no": "int64", "paragraph_no": "int64",
                             "part": "int64", "of": "int64"}),
                  rf.astype({"start": "int64", "end": "int64", "sentence_no": "int64"}))


class _ArticleReader:
    def __init__(self, text, aid, sents, paras, mentions, party_type, party_words, sc: SpeechCues, term_before,
                 scare_max):
        self.text, self.aid, self.sc, self.term_before, self.scare_max = text, aid, sc, term_before, scare_max
        self.sents = sents  # (start, end, sentence_no, paragraph_no, voice)
        self.paras = paras  # (paragraph_no, start, end, kind)
        self.spans = {}  # paragraph -> its quotations
        every = []
        for pno, p0, p1, kind in self.paras:
            if kind == "embedded_post":
                continue
            found = quote_spans(text, p0, p1)
            self.spans[pno] = found
            every += [(a, b) for a, b, _, _ in found]
        self.turns = turns(text, [p[:3] for p in paras], sc.names)  # a transcript's labels are no one's subject
        labels = {t.start for t in self.turns}
        self.label_of = {a: sid for a, _, sid in mentions if a in labels}  # whom each label names
        loud = [(p0, p1) for _, p0, p1, _ in paras if text[p0:p1].upper() == text[p0:p1]]  # a link in capitals, no text
        self.voices = ArticleVoices(text, [(a, b, no) for a, b, no, _, _ in self.sents], [m for m in mentions if m[0]
                                    not in labels and not any(p0 <= m[0] < p1 for p0, p1 in loud)], every, party_type,
                                    party_words, sc)
        self.used_verbs: set[int] = set()  # verbs that attribute a quotation: not reported speech
        self.attributing: set[int] = set()  # verbs after a quotation: they attribute no later one
        self.quotes: list[dict] = []
        self.quotes_in: dict[int, list[dict]] = {}  # the same per paragraph
        self._verbs: dict[int, tuple[list, list[int]]] = {}
        self.para_of, self.para_starts = {p[0]: p for p in paras}, [p[1] for p in paras]
        body = [p for p in paras if p[3] != "embedded_post"]
        self.previous = {b[0]: a for a, b in zip(body, body[1:])}

    # -- the article ---------------------------------------------------------------------------
    def attribute_all(self) -> tuple[list[dict], list[dict]]:
        guests = [t for t in self.turns if not t.staff]
        events = [(t.body, "turn", t) for t in guests]  # (position, "group"/"turn"/"verb", payload) in text order
        for group in quote_groups(self.text, self.paras, self.spans, self.sc):
            if not any(t.body <= group[0][0] < t.end for t in guests):  # (a guest's turn is one statement)
                events.append((group[0][0], "group", group))
        for _, p0, p1, kind in self.paras:
            if kind != "embedded_post":
                for m in self.verbs_between(p0, p1):
                    events.append((m.start(), "verb", (m, self._sentence(m.start())[2])))
        events.sort(key=lambda e: (e[0], e[1] != "group"))
        reported = []
        for _, what, payload in events:  # in text order, so that "he added" finds who spoke before
            if what == "group":
                self._attribute(payload)
            elif what == "turn":  # "ODILE FAIRBANKS: This takes …": the labelled speaker's statement
                for n, pno in enumerate(payload.paragraphs, start=1):
                    a, b = max(payload.body, self.para_of[pno][1]), self.para_of[pno][2]
                    self._add(a, b, pno, self.text[a:b], "statement", n, len(payload.paragraphs), self.label_of.get(
                        payload.start, UNKNOWN), self.text[payload.start:payload.body].strip(), "transcript label")
                self.voices.record(payload.body, self.label_of.get(payload.start, UNKNOWN))
            else:
                row = self._reported(*payload)
                if row:
                    reported.append(row)
        return self.quotes, reported

    # -- quotations ---------------------------------------------------------------------------
    def _attribute(self, group: list[tuple]) -> None:
        if group[0][4] == "intro":
            self._statement(group)
            return
        speaker, cue, how, governed = UNKNOWN, "", "none", False
        for item in reversed(group):  # a multi-paragraph quote's attribution is usually on its last part
            speaker, cue, how, governed = self._speaker_of(item)
            if speaker != UNKNOWN or governed:
                break
        if len(group) == 1:
            a, b, pno, closed, _ = group[0]
            inner = self._inner(a, b, closed)
            if not self._is_speech(a, inner, closed, governed, speaker, how.endswith("after the quote")):
                return
        for n, (a, b, pno, closed, _) in enumerate(group, start=1):
            inner = self._inner(a, b, closed)
            kind = "multi-paragraph" if len(group) > 1 else quote_kind(self.text, self._sentence(a)[0], a, inner)
            self._add(a, b, pno, inner, kind, n, len(group), speaker, cue, how)
        self.voices.record(group[-1][0], speaker)

    def _statement(self, group: list[tuple]) -> None:
        p0, p1, _, _, _ = group[0]
        speaker, how = UNKNOWN, "none"
        k = self.voices.sentence_at(p1 - 1)
        s0 = max(p0, self.voices.sentences[k][0])  # the sentence ending in the colon introduces the statement
        for m in self.verbs_between(p0, s0):  # "…, the department said in a fact sheet. … the fact sheet said:"
            self.voices.record(m.start(), self.voices.subject(m.start(), m.end())[0])
        noun = self.sc.statements.search(self.text, s0, p1)
        verb = self.sc.verbs.search(self.text, s0, p1)
        cands = [c for c in self.voices.candidates(k) if noun is None or c.end <= noun.start()]
        if noun is not None and cands:
            speaker, how = self.voices.resolve(cands[-1], noun.start()), "statement line"
        elif verb is not None:
            speaker, how = self.voices.subject(verb.start(), verb.end())
            self.used_verbs.add(verb.start())
        if speaker == UNKNOWN and noun is not None:  # "The statement went on:": whoever issued it
            doc = next((c for c in self.voices.candidates(k) if c.kind == "description" and c.start <= noun.start() < c.end
                        and (self.text[c.start:c.start + 4].lower() == "the " or c.start == s0)), None)  # "A White House fact
            # sheet sets out the change:" (the line's subject), not "In a blog post, X took aim:"
            speaker, how = (self.voices.resolve(doc, doc.start), "the statement's issuer") if doc else (speaker, how)
        owner = _OWNER_BEFORE.search(self.text, max(s0, noun.start() - 20), noun.start()) if noun is not None else None
        if speaker == UNKNOWN and owner is not None:  # "Here is its statement:": whom "its" means
            speaker, how = self.voices.pronoun(owner), "the statement's owner"
        if speaker == UNKNOWN:  # "In a blog post last week, chief executive Kevin Mayer ... took aim at Facebook:"
            speaker, how = self.voices.line_speaker(k, s0, p1), "the line's subject"
        cue = self.text[p0:p1].strip(PAD)
        self.used_verbs.update(h.start() for h in self.verbs_between(s0, p1))  # the line attributes the statement
        for n, (a, b, pno, _, _) in enumerate(group[1:], start=1):
            self._add(a, b, pno, self.text[a:b], "statement", n, len(group) - 1, speaker, cue, how)
        if len(group) > 1:
            self.voices.record(group[-1][0], speaker)

    def _inner(self, a: int, b: int, closed: bool) -> str:
        return self.text[a + 1:b - 1] if closed else self.text[a + 1:b].rstrip(PAD)

    def _sentence(self, pos: int) -> tuple[int, int, int, int, str]:
        return self.sents[self.voices.sentence_at(pos)]

    def _speaker_of(self, item: tuple) -> tuple[str, str, str, bool]:
        """(speaker, cue, how, governed by a reporting verb) of one quotation."""
        a, b, pno, closed, _ = item
        text, voices = self.text, self.voices
        s0, s1, _, _, _ = self._sentence(a)
        e0, e1, _, _, _ = self._sentence(max(a, b - 1))
        inner = self._inner(a, b, closed)
        e_same = e1 if e1 > b else self._sentence(b)[1]  # where the sentence after the quotation ends ('"…?" Lau
        e_after = self._sentence(b + 1)[1] if e1 <= b and end_mark(inner) in "?!" else e_same  # asked.': past the mark)
        if closed:  # after: ', X said' / ', said X' / ', the company continued'
            window_end = min(e_after, b + 90)
            for m in (h for h in self.verbs_between(b, window_end) if h.end() <= window_end):
                between = text[b:m.start()]
                if _NO_ATTRIBUTION.match(between) or (
                        too_long(strip_asides(between) or between) and not self.sc.noun_phrase(between)):
                    break
                if not (end_mark(inner) in _CLOSING_PUNCT or between.lstrip().startswith((",", "—", "–"))
                        or not between.strip(" ,")):
                    continue
                speaker, how = voices.subject(m.start(), m.end(), after_quote=True, lo=b)
                gap, relative = between.strip(" ,"), _RELATIVE_END.search(between)
                named = _NAME_AFTER.match(text, m.end())
                if how == "none" and (relative or (gap.split() or [""])[0] in AUXILIARY or not (
                        gap or (named and not self.sc.names.places.is_calendar(named[1])))):  # '"…," a line that
                    if relative:  # suggested', 'X, who called it "…," has argued': a noun's clause (no speech) or the
                        self.used_verbs.add(m.start())  # sentence going on (its subject's), no attribution (but '"…,"
                    break  # said Élodie Marchetti', a name unread; not '"…," signaled Monday')
                self.used_verbs.add(m.start())
                self.attributing.add(m.start())
                c0, c1 = voices.cue(m.start(), m.end())
                return speaker, text[c0:c1], how + " after the quote", True
            named = voices.named_after(b, self.verbs_between(b, e_after)) \
                if end_mark(inner) == "," else None
            if named is not None:  # '"…," Steven Mnuchin, the US Treasury secretary, who chairs …, told CNBC'
                self.used_verbs.add(named[2])
                self.attributing.add(named[2])
                return named[0], named[1], "the name after the quote", True
            if end_mark(inner) in ",?!—–":  # '"…," Velkaric fumed.': any verb of the name after it
                found = voices.verb_after(b, e_same)
                if found is not None:
                    return found[0], found[1], "any verb after the quote", True
        split = self._split_from(pno, a)
        if split is not None:  # '"This," she said, "is a change of method"': the quote goes on
            return split
        lo = s0
        verbs = [m for m in self.verbs_between(max(lo, a - _VERB_WINDOW), a)[-_VERBS_BACK:]
                 if m.end() <= a and not voices.in_quote(m.start()) and m.start() not in self.attributing
                 and (m.group(0).lower() in POSSESSED or not _NOUN_BEFORE.search(text, max(lo, m.start() - 30), m.start()))]
        while len(verbs) > 1 and (_NO_SUBJECT.search(text, max(lo, verbs[-1].start() - 4), verbs[-1].start())
                                  or not text[verbs[-2].end():verbs[-1].start()].strip()):
            verbs.pop()  # the verb before governs: 'X said China had the means to respond, "…"', 'as described'
        # before: 'X said: "…"' / 'X said the deal was "…"' (governed unless negated; with no speaker found, on below)
        governed = bool(verbs) and not _NEGATED.search(text[max(lo, verbs[-1].start() - 20):verbs[-1].start()])
        if governed and (m := verbs[-1]) and (found := voices.subject(m.start(), m.end()))[0] != UNKNOWN:
            if text[m.end():a].strip(PAD + ",:") == "" or text[max(lo, a - 8):a].rstrip(PAD).endswith((":", ",")):
                self.used_verbs.add(m.start())
            c0, c1 = voices.cue(m.start(), m.end())
            return found[0], text[c0:c1], found[1] + " before the quote", True
        marker = self._term_marker(a, s0)
        describing = self._describing(marker, s0) if marker else None
        if describing is not None:  # 'The company dismissed as a "rumor" …', 'described Oracle as "a great company"'
            found = voices.subject(describing.start(), describing.end())
            if found[0] != UNKNOWN:
                c0, c1 = voices.cue(describing.start(), describing.end())
                return found[0], text[c0:c1], found[1] + " describing", True
        if (approved := _APPROVES.search(text, max(s0, a - 60), a)) is not None:  # 'Trump approved "in concept"',
            verb = "verb" if approved["verb"] else "gave" if approved["gave"] else ""  # "gave the deal his "blessing""
            found = voices.subject(approved.start(verb), approved.end(verb)) if verb else (next((  # "Trump's approval"
                p for x, y, p in voices.mentions if y == approved.end("owner")), UNKNOWN), "approval")
            if found[0] != UNKNOWN:
                return found[0], approved[0].strip(), found[1] + " approving", True
        term = count_words(inner, limit=self.scare_max) <= self.scare_max and _DETERMINER_BEFORE.search(text, max(s0, a - 8), a)
        closing = self._closing_clause(b, e_same) if closed and not term else None
        if closing is not None:  # 'The list targets … "…" or …, the ministry said.' (not 'A "working group" …')
            return closing
        # 'The new order directs … an "undue … risk"', "Mr Biden's order tells": the document the sentence is about
        # (its first candidate), unless its verb is negated ("The order doesn't say which "transactions"")
        doc = next((c for c in voices.candidates(voices.sentence_at(a)) if c.start < a), None)
        if doc is not None and doc.start < s0 + 40 and (governed or (not verbs and len(_WORDS.findall(inner)) > 1)) \
                and (voices.owns_document(doc) or (  # (not 'The law covers … "dual-use" items': a term)
                doc.kind == "description" and self.sc.is_document(text[doc.start:doc.end], plural=False))) \
                and (by := voices.resolve(doc, doc.start)) != UNKNOWN:
            return by, text[doc.start:doc.end], "the document the sentence is about", True
        if text[s0:a].rstrip(PAD).endswith(":"):  # 'For Velkaric, the answer was simple: "…"': the line's subject
            found = voices.line_subject(voices.sentence_at(a), a)
            if found is not None:
                return found[0], found[1], "the line's subject", True
        if a == self.para_of[pno][1]:  # the paragraph opens with it: the line before, or the quote before
            prev = self.previous.get(pno)
            if prev is not None:
                _, q0, q1, _ = prev
                line = text[q0:q1].rstrip(PAD)
                verbs_before = self.verbs_between(q0, q1)
                verb = verbs_before[-1] if verbs_before else None
                if line.endswith(":") and verb is not None:
                    speaker, how = voices.subject(verb.start(), verb.end())
                    self.used_verbs.add(verb.start())
                    return speaker, text[verb.start():verb.end()], how + " on the line before", True
                if line.endswith(":"):  # "Hawley laid out his case in March:": the line's subject
                    found = voices.line_subject(voices.sentence_at(q1 - 1), q1)
                    if found is not None:
                        return found[0], found[1], "the line before", True
                last = self.quotes_in.get(prev[0], [])
                if last and self.text[q1 - 1] in "”\"»" or (last and last[-1]["end"] >= q1 - 2):
                    return last[-1]["speaker_id"], last[-1]["cue"], "the quote before", False
                found = self._sentence_before(voices.sentence_at(q1 - 1), person=True) \
                    if end_mark(inner) in _CLOSING_PUNCT and not self.spans.get(prev[0]) else None
                # (not a crosshead, 'A reset, not a pardon'; after a paragraph with quotations, their speaker, below)
                if found is not None:  # 'Mayer told staff in a letter that …' / 'Trump was effusive.' ¶ '"…"'
                    return found[0], found[1], "the paragraph before", False
                # no word of attribution anywhere: the last speaker quoted in the two paragraphs before
                earlier = self.previous.get(prev[0])
                for para in (prev, earlier):
                    spoken = [q for q in self.quotes_in.get(para[0], []) if q["speaker_id"] != UNKNOWN] if para else []
                    if spoken:
                        return spoken[-1]["speaker_id"], spoken[-1]["cue"], "the quote before", False
        same = [q for q in self.quotes_in.get(pno, []) if q["speaker_id"] != UNKNOWN  # in its sentence, if governed
                and (not governed or q["sentence_no"] == self._sentence(a)[2])]
        if same:
            return same[-1]["speaker_id"], same[-1]["cue"], "the paragraph's quote", False
        k = voices.sentence_at(a)
        if a == s0 and k > 0 and voices.sentences[k - 1][0] >= self.para_of[pno][1]:
            found = self._sentence_before(k - 1)  # 'Velkaric was blunt. "…"', 'Moss said he … . "…"'
            if found is not None:
                return found[0], found[1], "the sentence before", False
        found = voices.line_subject(k, a) if not verbs and a > s0 and end_mark(inner) in _CLOSING_PUNCT \
            and count_words(inner, limit=self.scare_max) > 2 else None  # 'X … delayed the ban, "in light of … developments."'
        if found is not None:
            return found[0], found[1], "the sentence's subject", False
        return UNKNOWN, "", "none", governed

    def _sentence_before(self, k: int, person: bool = False) -> tuple[str, str] | None:
        """``(speaker, cue)`` an unattributed quotation opening the sentence after sentence ``k`` takes
        from it: the last speaker a reporting verb there was read with, else (with no verb) its subject
        ('Velkaric was blunt.'); a ``person`` only when it is the paragraph before."""
        voices = self.voices
        k0, k1, _ = voices.sentences[k]
        spoke = [sp for _, sp in voices.events_in.get(k, ()) if sp != UNKNOWN]
        verbs = self.verbs_between(k0, k1)
        if spoke and verbs:
            return spoke[-1], verbs[-1].group(0)
        if verbs:
            return None
        found = voices.line_subject(k, k1)
        if found is None and not person and k > 0 and voices.sentences[k - 1][0] >= self._para_span(k0)[0] \
                and not voices.candidates(k):  # 'Moss said he'd … . He's not giving that up. "…"': one further back
            return self._sentence_before(k - 1, person=True)
        if found is None or (person and voices.party_type.get(found[0]) != "person"):
            return None
        return found

    def _closing_clause(self, b: int, s1: int) -> tuple[str, str, str, bool] | None:
        """The speaker of a reporting clause closing the quotation's sentence after a comma (", the ministry said.")."""
        text, voices = self.text, self.voices
        # the clause is a few words at the sentence's end: its verb is read in the last 200 characters (linear time)
        verbs = [m for m in self.verbs_between(max(b, s1 - 200), s1) if not voices.in_quote(m.start())]
        if not verbs:
            return None
        m = verbs[-1]
        comma = text.rfind(",", b, m.start())
        if comma < 0 or len(text[m.end():s1].split()) > 6 or not _SENTENCE_END.search(text, m.end(), s1) \
                or any(q in text[comma:s1] for q in '"“”') or len(text[comma + 1:m.start()].split()) > 5:
            return None
        speaker, how = voices.subject(m.start(), m.end(), after_quote=True, lo=comma + 1)
        if speaker == UNKNOWN:
            return None
        c0, c1 = voices.cue(m.start(), m.end())
        return speaker, text[c0:c1], how + " closing the sentence", True

    def _split_from(self, pno: int, a: int) -> tuple[str, str, str, bool] | None:
        """The attribution of the quotation this one continues, when only that attribution and a comma
        stand between them ('"This," she said, "is …"')."""
        before = self.quotes_in.get(int(pno), [])
        if not before or before[-1]["speaker_id"] == UNKNOWN:
            return None
        q = before[-1]
        between = self.text[q["end"]:a]
        if not between.rstrip().endswith(",") or too_long(between) or not any(
                m.start() in self.attributing for m in self.verbs_between(q["end"], a)):
            return None
        return q["speaker_id"], q["cue"], "the quote it continues", True

    def verbs_between(self, lo: int, hi: int) -> list:
        """The reporting verbs starting in ``[lo, hi)`` (within one paragraph), from a per-paragraph index."""
        p0, p1 = self._para_span(lo)
        if p0 not in self._verbs:
            hits = self.sc.verbs_in(self.text, p0, p1)
            self._verbs[p0] = (hits, [h.start() for h in hits])
        hits, starts = self._verbs[p0]
        return hits[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    def _para_span(self, pos: int) -> tuple[int, int]:
        """The paragraph holding ``pos``."""
        i = bisect.bisect_right(self.para_starts, pos) - 1
        return (self.paras[i][1], self.paras[i][2]) if i >= 0 and pos < self.paras[i][2] else (pos, pos)

    def _is_speech(self, a: int, inner: str, closed: bool, governed: bool, speaker: str, verb_after: bool = False) -> bool:
        words = _WORDS.findall(inner)
        if not words:
            return False
        s0 = self._sentence(a)[0]
        marker = self._term_marker(a, s0)
        if marker and not self._describing(marker, s0):
            return False  # a term: as TikTok's "trusted technology partner" (but: described it as "…")
        long_words = [w for w in words if len(w) >= 3 or w[0].isupper()]
        if len(words) <= 5 and long_words and all(w[0].isupper() for w in long_words) \
                and not (verb_after and end_mark(inner) in _CLOSING_PUNCT):  # but '"This," she said, "is …"'
            return False  # a name or title in title case: "Squawk Box", "For You"
        if governed:
            return True
        if count_words(inner, limit=self.scare_max) <= self.scare_max:  # a short one with no verb of its own:
            return speaker != UNKNOWN and end_mark(inner) in _CLOSING_PUNCT  # speech if it ends as speech does
        if speaker != UNKNOWN:
            return True
        return end_mark(inner) in _CLOSING_PUNCT or not closed

    def _term_marker(self, a: int, s0: int) -> re.Match | None:
        """What introduces the quotation at ``a`` as a term: a term marker ("as", "so-called"), or an article
        after a verb that describes ("branded Mayer a "puppet"": the brander's word), else None."""
        marker = self.term_before.search(self.text, max(s0, a - 40), a)
        det = _DETERMINER_BEFORE.search(self.text, max(s0, a - 8), a) if marker is None else None
        return det if det is not None and self._describing(det, s0) else marker

    def _describing(self, marker: re.Match, s0: int) -> re.Match | None:
        """The verb that describes, calls, brands, labels or dismisses something as the term after ``marker``
        ("dismissed reports that … as a"), within 120 characters before it in its sentence, else None."""
        return _DESCRIBES.search(self.text, max(s0, marker.start() - 120), marker.start())

    def _add(self, a, b, pno, inner, kind, part, of, speaker, cue, how) -> None:
        no = self._sentence(a)[2]
        self.quotes.append({"quote_id": f"{self.aid}:{a}", "article_id": self.aid, "paragraph_no": int(pno),
                            "sentence_no": int(no), "start": int(a), "end": int(b), "text": inner.strip(PAD),
                            "kind": kind, "part": part, "of": of, "speaker_id": speaker, "cue": cue, "how": how})
        self.quotes_in.setdefault(int(pno), []).append(self.quotes[-1])

    # -- reported speech ----------------------------------------------------------------------
    def _reported(self, m: re.Match, no: int) -> dict | None:
        text, voices = self.text, self.voices
        if m.start() in self.used_verbs or (voices.quoted and voices.in_quote(m.start())):
            return None
        s0, s1 = self._sentence(m.start())[:2]
        if _NEGATED.search(text[max(s0, m.start() - 20):m.start()]) or (
                _OR.search(text, max(s0, m.start() - 4), m.start())
                and _NOT.search(text, s0, m.start())):
            return None  # "did not mention … or say": the negation covers both
        if _INTRODUCES.match(text, m.end(), s1):  # 'X said: "…"' attributes the quotation, not a report
            return None
        if _DETERMINER_BEFORE.search(text, max(s0, m.start() - 6), m.start()):
            return None  # "a declared emergency", "a say": no verb
        if m.group(0).lower().endswith("ing") and self.sc.statements.search(text, max(s0, m.start() - 30), m.start()):
            return None  # "in a blog post announcing the suit": the statement's own description
        speaker, how = voices.subject(m.start(), m.end())
        voices.record(m.start(), speaker)
        start, end = voices.cue(m.start(), m.end())
        if how == "according to":
            stop = _STOP.search(text[m.end():m.end() + 60])
            end = m.end() + (stop.start() if stop else 0)
        return {"article_id": self.aid, "sentence_no": int(no), "start": int(start), "end": int(end),
                "cue": text[start:end], "speaker_id": speaker, "how": how}

