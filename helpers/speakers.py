"""Who speaks: the subject of a reporting verb, and whom a pronoun or a description means.

A small, documented rule set (no parser): :class:`ArticleVoices` reads one article with its
party mentions (reviewed and provisional), the parties' types and titles, and its quotations.

The **subject** of a reporting verb (the cue table's ``reporting verb`` rows), first rule that
applies:

1. "according to X": X, the first name or description after it.
2. A verb right after a quotation's close followed by a name ("…," said Microsoft): that name.
3. A verb after "and", or a participle after a comma (", saying", ", calling"): the subject of
   the sentence's previous reporting verb, else the sentence's first name not governed by a
   preposition.
4. The nearest name, pronoun or description before the verb in its sentence, outside
   quotations, that is the verb's subject: not governed by a preposition ("in a letter to
   Mnuchin, Hawley said"), not inside an apposition ("Nichols, a Trump appointee who joined the
   court last year, declined": Nichols; "Vanessa Pappas, TikTok's U.S. general manager, said":
   Pappas; but "the head of the Chinese Mission to the EU, Zhang Ming, said": Zhang Ming), not
   separated from the verb by another finite verb (Brill lexicon tags), and not a modifier of a
   noun ("The TikTok order says": the order, unknown). Of names joined by "and", the first
   ("TikTok and its parent ByteDance asked": TikTok).
   "a TikTok spokesperson", "a Justice Department lawyer": the institution speaks, even when the
   spokesperson is named after ("a TikTok spokeswoman, Hilary McQuaide, said").

**Pronouns and descriptions** (the cue table's ``description`` rows and personal titles): "he",
"she" mean a person; "it" an organisation; "they" either (the first of the people named
together); "the company", "the retailer" a company; "the department", "the ministry" a government
body, one whose name holds that word first; "the president", "the Treasury secretary", "the
spokesperson" the person whose title holds that word, and when none is found near, the one person of the
article titled so; "the senators" after a group of people "led by" a person in its sentence or the three before,
that person, and "they" so in its sentence or the one before (:mod:`helpers.referents`).
A description with a name in apposition ("a judge in Pennsylvania, Wendy Beetlestone,") is that name
when it fits; a role that speaks for an organisation named after it ("an official in charge of
MOFCOM's department", "a spokeswoman for the ministry") is that organisation; a document ("the
statement", "the petition") is whoever the sentence names as its subject, else the last to speak.
Each resolves to the previous speaker if that is compatible and spoke in this or the two sentences
before; else, walking back sentence by sentence, to the sentence's first name if it is compatible
(its subject: Centering's preference, Grosz, Joshi & Weinstein 1995), else the last compatible name
in it. A spokesperson or official no person fits ("the spokesman added", "the official said") is the
organisation that spoke last, within three sentences. A pronoun after a comma ending its sentence
("Oracle would get 20%, it said") skips the names before it: they are what was said; "…, the company
said" there is the company the article has named most in the last four sentences (salience). Unnamed
sources ("analysts", "officials", "a person familiar with the talks"), a description whose last
determiner is "a" ("a senior media buyer", a new referent), an official even of a named institution ("a
White House official", "a senior administration official") unless the text says whom it speaks for, and a
former official are ``unknown``; so is "he", "she" or "the official" taking up such a subject of a
sentence before ("An executive at a trading house said …. '…,' he said"). An
order, law or regulation speaks for whoever signed or passed it ("The order, signed by Trump, says");
another document for its issuer ("a White House fact sheet"), else whoever introduced "a statement" in
the two sentences before (:mod:`helpers.documents`); "It reads in part:" is the document named last,
and "it" after a sentence whose subject is a document is that document ("The WeChat order … '…,' it says").
"""
from __future__ import annotations

import bisect
import operator
import re

from helpers import speechcues as sc
from helpers.documents import DocumentSpeakers
from helpers.lines import WINDOW_CANDIDATES, LineSubjects
from helpers.referents import Referents
from helpers.speechcues import UNKNOWN, Candidate, SpeechCues

WINDOW_CHARS = 400  # how far before its verb a subject is looked for
_START = operator.attrgetter("start")
_PREPOSITION = sc.PREPOSITION_BEFORE  # "in a letter to Mnuchin, Hawley said": no subject
_WORDS = re.compile(r"[A-Za-z’'-]+")
_ACCORDING = re.compile(r"(?i)according\s+to")
_SPACE_OR_COMMA = re.compile(r"[\s,]*")
_COMMA = re.compile(r"\s*,\s*")
_AND_BEFORE = re.compile(r"\b(?:and|but|yet)\s+(?:(?:also|then|later|has|had|have)\s*)?(?:,?\s*(?:in|on|at|by|after|before|"
                         r"last|this|next|within|during|weeks|days|months|hours)\b[^,;]{0,40},\s*)?$")  # "said …, but insisted",
# "…, and then, in September, announced": the verbs' one subject
# "TikTok and its parent ByteDance", "Ms Pappas and Mr Chandlee"
_AND = re.compile(sc.AFTER_PARTY_TAG +  # "Marco Rubio, R-Fla., and five other Republican senators"
                  r"\s*(?:,\s*)?and\s+(?:(?:its|their|his|her|(?:[a-z]+\s+)?other)\s+(?:[a-z-]+\s+){0,2}|(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?")
_PHRASE_END = re.compile(r"[,;:.]")
_CONTINUES = re.compile(r"(?i)add|continu")
_GROUP_WORDS = frozenset(h + "s" for h in sc.GROUP_HEADS)
_INTRODUCES_NEXT = re.compile(r"[:“\"]")
_PART_OF = re.compile(r"(?i)\b(?:part|parts|some|much|most|all|the\s+rest)\s+of\s+(it|them)\s+$")  # "Part of it read:"
_OF_THE = re.compile(r"\b(?:of|the)\b")  # between the titles before a name: "Secretary of State Mike Pompeo"
_NEW_CLAUSE = re.compile(r"(?:,\s*(?:and|but|while)|;)\s+(?=[A-Z])")  # a new clause with a subject of its own
_GOES_ON = re.compile(r"\s(?:went|goes|go|has\s+gone|had\s+gone)\s+on\s+to\s+$|\s(?:continued|proceeded)\s+to\s+$")
_ASIDE_GOES_ON = re.compile(r"[ \t]*,[ \t]*[a-z]")  # "the order, she said, was": the sentence goes on after the aside
_IN_BEFORE = re.compile(r"(?i)\bin\s+$")
_IN_TELLING = re.compile(r"(?i)\bin\s+(his|her|its|their)\s+$")  # "In her telling, …": according to her
# between a description and the name in apposition to it: a short place or affiliation, then a comma
_APPOSITION_GAP = re.compile(r"(?:\s+(?:in|of|at|for|from)\s+[^,;:.“”\"]{1,40})?\s*[,(—–]\s*")
_SPEAKS_FOR_OF = re.compile(r"\s+(?:in\s+charge\s+)?(?:of|for|at|from)\s+(?:the\s+)?")


class ArticleVoices(DocumentSpeakers, Referents, LineSubjects):
    """Speaker resolution over one article (see the module docstring)."""

    def __init__(self, text: str, sentences: list[tuple[int, int, int]], mentions: list[tuple[int, int, str]],
                 quoted: list[tuple[int, int]], party_type: dict[str, str], party_words: dict[str, str],
                 cues: SpeechCues):
        self.text, self.cues = text, cues
        self.sentences = sentences  # (start, end, sentence_no), in order
        self.starts = [s for s, _, _ in sentences]
        self.mentions = sorted(mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.quoted = sorted(quoted)
        self.party_type = party_type
        self.party_words = party_words  # party -> its name, title and forms, lower case, for descriptions
        self.events: list[tuple[int, str]] = []  # (position, speaker) of every speech attributed so far, in order
        self.events_in: dict[int, list[tuple[int, str]]] = {}  # the same per sentence
        self._candidates: dict[int, list[Candidate]] = {}
        self._starts: dict[int, list[int]] = {}
        self._fits_memo: dict[tuple[str, str, str], bool] = {}
        self._firsts: dict[str, int] | None = None  # each party's first mention, once read
        self.last_span = (0, 0)

    # -- reading ---------------------------------------------------------------------------
    def sentence_at(self, pos: int) -> int:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k if k > 0 else 0

    def possessive(self, c: Candidate) -> bool:
        """Whether a candidate stands in the possessive ("TikTok's"): a modifier, not a subject."""
        return self.text[c.end:c.end + 2] in ("’s", "'s")

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1]

    def candidates(self, k: int) -> list[Candidate]:
        """The possible speakers of sentence ``k`` outside its quotations, in order."""
        if k in self._candidates:
            return self._candidates[k]
        s0, s1, _ = self.sentences[k]
        text = self.text
        lo, hi = bisect.bisect_left(self.mention_starts, s0), bisect.bisect_left(self.mention_starts, s1)
        found = [Candidate(a, b, "name", party=p) for a, b, p in self.mentions[lo:hi]
                 if b <= s1 and self.party_type.get(p, "") not in ("place", "public", "")]
        names, name_starts, dropped = list(found), [c.start for c in found], set()
        for a, b, kind, head in self.cues.speakers_in(text[s0:s1]):
            a, b = a + s0, b + s0
            if kind == "unnamed" and any(c.start <= a < c.end for c in found):
                continue
            if kind != "description":
                found.append(Candidate(a, b, kind, head=head))
                continue
            i = bisect.bisect_left(name_starts, a)
            if any(c.end > b for c in names[i:bisect.bisect_left(name_starts, b)]):
                continue  # "The ministry of electronics and information technology": the name, not "The ministry"
            inner = [c for c in names[i:bisect.bisect_left(name_starts, b)] if c.end <= b]
            if inner and not self.cues.names.is_title(head) and not self.cues.names.description_type(head) \
                    and not self.cues.is_document(text[a:b]):  # but "a White House fact sheet": the White House's
                continue
            dropped.update(id(c) for c in inner)
            found.append(Candidate(a, b, "description", head=head, modifier=inner[-1].party if inner else ""))
        # "the research firm Sensor Tower", "state broadcaster CCTV": the name says who, not the description
        named_after = {c.start for c in names}
        found = [c for c in found if c.kind != "description" or c.modifier
                 or not (text[c.end:c.end + 1] == " " and c.end + 1 in named_after)]
        if dropped:
            found = [c for c in found if id(c) not in dropped]
        if self.quoted:
            found = [c for c in found if not self.in_quote(c.start)]
        found.sort(key=_START)
        self._candidates[k] = found
        self._starts[k] = [c.start for c in found]
        return found

    def window(self, k: int, lo: int, hi: int) -> list[Candidate]:
        """The candidates of sentence ``k`` starting in ``[lo, hi)``, at most :data:`WINDOW_CANDIDATES`
        of them next to ``hi`` (a subject stands near its verb: the search stays linear in the text)."""
        cands = self.candidates(k)
        starts = self._starts[k]
        i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        return cands[max(i, j - WINDOW_CANDIDATES):j]

    # -- the subject of a verb -------------------------------------------------------------
    def subject(self, verb_start: int, verb_end: int, after_quote: bool = False, lo: int = 0) -> tuple[str, str]:
        """(speaker, how) of the reporting verb at ``[verb_start, verb_end)``; ``lo`` bounds the
        search to the left (a quotation's end). The subject is looked for within
        :data:`WINDOW_CHARS` characters of the verb."""
        k = self.sentence_at(verb_start)
        s0, s1, _ = self.sentences[k]
        text = self.text
        self.last_span = (verb_start, verb_end)  # the subject's span, once found (for the cue)
        left = max(lo, s0, verb_start - WINDOW_CHARS)
        before_verb = self.window(k, left, verb_start)
        verb = text[verb_start:verb_end]
        if _ACCORDING.fullmatch(verb):  # the source is in the phrase after it, before any comma
            stop = _PHRASE_END.search(text, verb_end, min(s1, verb_end + 60))
            after = self.window(k, verb_end, min(verb_end + 40, stop.start() if stop else s1))[:1]
            self.last_span = (after[0].start, after[0].end) if after else (verb_start, verb_end)
            return (self.resolve(after[0], verb_start), "according to") if after else (UNKNOWN, "according to")
        inverted = not after_quote and sc.INVERTS.fullmatch(verb) \
            and text[max(s0, verb_start - 3):verb_start].rstrip().endswith(",")
        told = bool(sc.TELL.match(verb))
        if told and sc.PASSIVE.search(text, max(s0, verb_start - 12), verb_start):
            return UNKNOWN, "passive"  # "the Commerce Department is told to evaluate": the one told, not who tells
        if (after_quote or inverted) and not told:  # "told AFP": the one told
            # '"…," said X' / '…, said Jordan Feld, a talent manager' (the reporting clause inverted)
            follow = self.window(k, verb_end, min(s1, verb_end + 40))[:1]
            if follow and self.cues.only_titles(text[verb_end:follow[0].start]) and follow[0].kind != "pronoun" \
                    and (not after_quote or text[max(s0, lo):verb_start].strip(" ,—–-\n") == "") \
                    and (after_quote or sc.CLAUSE_END.match(text, follow[0].end)):
                self.last_span = (follow[0].start, follow[0].end)
                return self.resolve(follow[0], verb_start), "said X"
        named = next((c for c in before_verb if c.kind == "name" and text[c.end:verb_start] in ("’s ", "'s ")
                      and _IN_BEFORE.search(text, max(s0, c.start - 4), c.start)), None) if verb.lower() == "telling" else None
        if named is not None:  # "In Forsythe-Ng's telling, the rule amounts to "…"": hers
            self.last_span = (named.start, verb_end)
            return named.party, "subject"
        owner = _IN_TELLING.search(text, max(s0, verb_start - 10), verb_start) if verb.lower() in sc.POSSESSED else \
            _PART_OF.search(text, max(s0, verb_start - 20), verb_start) if verb.lower() in sc.READS else None
        if owner is not None:  # "In her telling, the audience …", "Part of it read:": whom "her", "it" means
            self.last_span = (owner.start(1), verb_end)
            return self.pronoun(owner, verb), "subject"
        if text[s0:verb_start].strip(" \n“\"")[-1:] in ("", ":") and verb[:1].isupper() and verb.lower().endswith(("ed", "ing")):
            main = self._main_subject(k, verb_end)  # "Asked about Oracle, Trump was effusive": the main clause's
            if main is not None:
                self.last_span = (main.start, main.end)
                return self.resolve(main, verb_start, verb), "subject of the main clause"
        before = text[left:verb_start]
        coordinated = _AND_BEFORE.search(before)
        adjacent = before_verb[-1] if before_verb and verb.lower().endswith("ing") else None
        if adjacent is not None and adjacent.kind != "unnamed" and not text[adjacent.end:verb_start].strip() \
                and sc.WITH_BEFORE.search(text, max(s0, adjacent.start - 50), adjacent.start):
            self.last_span = (adjacent.start, adjacent.end)  # "with the ministry saying": its own subject
            return self.resolve(adjacent, verb_start, verb), "subject"
        if coordinated or verb.lower().endswith("ing"):
            previous = [e for e in self.events_in.get(k, ()) if e[0] < verb_start]
            clause = None if coordinated else _NEW_CLAUSE.search(text, previous[-1][0], verb_start) if previous else \
                next(reversed(list(_NEW_CLAUSE.finditer(text, s0, verb_start))), None)  # (no verb before: the last clause)
            if clause is not None:  # "Last month it said …, and Vanessa Pappas … posted a video, telling users:"
                after = [c for c in self.window(k, clause.end(), verb_start) if not self.possessive(c)]
                if after and self.cues.only_titles(_OF_THE.sub(" ", text[clause.end():after[0].start])):  # titles between
                    self.last_span = (after[0].start, after[0].end)
                    return self.resolve(after[0], verb_start, verb), "subject of its clause"
            if previous:
                return previous[-1][1], "previous verb"
            first = next((c for c in self.window(k, max(lo, s0), verb_start)[:WINDOW_CANDIDATES]
                          if not _PREPOSITION.search(text, max(s0, c.start - 30), c.start)
                          and not self._titles_next(c, verb_start) and not (  # not "The orders
                              c.kind == "description" and self.cues.is_document(text[c.start:c.end], plural=False)
                              != self.cues.is_document(text[c.start:c.end]))  # came after X …, calling"
                          and not self.possessive(c) and c.end <= verb_start), None)
            if first is not None:
                self.last_span = (first.start, first.end)
                return self.resolve(first, verb_start, verb), "sentence subject"
        for c in reversed([c for c in before_verb if c.end <= verb_start]):
            if self._is_subject(c, verb_start, s0):
                head = self._first_of_coordination(self._named_before(c, before_verb), before_verb)
                self.last_span = (head.start, head.end)
                spokes = [x for x in before_verb if x.end <= head.start]
                if head.kind == "name" and spokes and spokes[-1].kind == "description" and spokes[-1].modifier \
                        and spokes[-1].head.startswith("spokes") and _COMMA.fullmatch(self.text, spokes[-1].end, head.start):
                    return spokes[-1].modifier, "subject"  # "a TikTok spokeswoman, Hilary McQuaide, said": TikTok speaks
                return self.resolve(head, verb_start, verb), "subject"
        return UNKNOWN, "none"

    def pronoun(self, m: re.Match, verb: str = "") -> str:
        """Whom the pronoun (possessive or object) in group 1 of ``m`` means, read at its verb ``verb``."""
        return self.resolve(sc.pronoun_candidate(m.start(1), m.end(1), m[1]), m.end(), verb)

    def _titles_next(self, c: Candidate, hi: int) -> bool:
        """Whether a name modifies a title and name after it ("White House press secretary Jen Psaki")."""
        after = self.window(self.sentence_at(c.start), c.end, hi)[:1]
        words = self.text[c.end:after[0].start].split() if after else []
        return 0 < len(words) <= 3 and any(self.cues.names.is_title(w) for w in words) and after[0].kind == "name"

    def cue(self, verb_start: int, verb_end: int) -> tuple[int, int]:
        """The span of the last verb read and its subject, when the subject was in its sentence."""
        a, b = self.last_span
        return min(a, verb_start), max(b, verb_end)

    def _is_subject(self, c: Candidate, verb_start: int, s0: int) -> bool:
        text = self.text
        if _PREPOSITION.search(text, max(s0, c.start - 30), c.start) or (
                sc.IN_ASIDE.search(text, max(s0, c.start - 120), c.start) and "," in text[c.end:verb_start]):
            return False  # not "which TikTok has said": there the aside holds the verb too
        gap = sc.strip_asides(_GOES_ON.sub(" ", text[c.end:verb_start]))  # "The company went on to say"
        if gap is None:
            return False
        words = _WORDS.findall(gap)
        if self.possessive(c) and c.kind == "name":
            return False  # a possessive: "TikTok's parent company said" is not TikTok
        if words and words[0][0].islower() and self.cues.names.lexicon.get(words[0], "")[:2] == "NN" \
                and not (c.kind == "name" and self.cues.names.is_title(words[0].removesuffix("s"))) \
                and not (c.kind == "name" and len(words) == 1 and self.party_type.get(c.party) not in ("person", None)
                         and self.cues.names.description_type(words[0]) not in ("", "person")):
            return False  # a modifier of a noun: "The TikTok order says" (but "Justice Department lawyers argued",
        # "the Global Times newspaper said": the noun names what the name is)
        for w in words:
            tag = self.cues.names.lexicon.get(w.lower(), "")
            if w.lower() not in sc.AUXILIARY and tag in ("VBD", "VBZ", "VBP", "MD") and not self.cues.verbs.fullmatch(w):
                return False
        # "An official in charge of the ministry's services department said": the role's "of" phrase is longer
        return len(words) <= (14 if c.kind == "description" and _SPEAKS_FOR_OF.match(text, c.end) else 8)

    def _named_before(self, c: Candidate, cands: list[Candidate]) -> Candidate:
        """The name a description stands in apposition after ("Tomas Velkaric, a vice president,"), else it."""
        if c.kind != "description":
            return c
        names = [x for x in cands if x.end <= c.start and x.kind == "name"]
        if not names or not _COMMA.fullmatch(self.text, names[-1].end, c.start):
            return c
        want = self.cues.wants(c, self.text)[0]  # not "ByteDance, the president said": a person is no company
        return c if want == "person" and self.party_type.get(names[-1].party) != "person" else names[-1]

    def _first_of_coordination(self, c: Candidate, cands: list[Candidate]) -> Candidate:
        if c.kind == "pronoun":
            return c  # "Stories was modeled on Snapchat, and he told reporters": a clause of its own
        earlier = [x for x in cands if x.end <= c.start and x.kind == "name"]  # not "its parent" in between
        while earlier and (_AND.fullmatch(self.text, earlier[-1].end, c.start)
                           or self.cues.and_titled(self.text[earlier[-1].end:c.start])):
            c = earlier.pop()
        return c

    # -- pronouns and descriptions ---------------------------------------------------------
    def resolve(self, c: Candidate, at: int, verb: str = "", depth: int = 0) -> str:
        """The party a candidate speaker is (see the module docstring)."""
        if c.kind == "name":  # but "a senior Commerce Department official told": an official, unnamed
            return UNKNOWN if sc.UNNAMED_ROLE_AFTER.match(self.text, c.end) else c.party
        if c.kind == "unnamed":
            return UNKNOWN
        group = c.head in _GROUP_WORDS or c.head == "they"  # "A group … led by X … they wrote" ("they": that sentence or next)
        if group and depth == 0 and (leader := self._leader(self.sentence_at(at), at, 2 if c.head == "they" else 4)):
            return leader
        want, word = self.cues.wants(c, self.text)
        if want == "institution":  # "a TikTok spokesperson": TikTok; "the US Treasury Secretary": the one so titled
            head_of = c.kind == "description" and c.head not in sc.SPEAKS_FOR and self.cues.names.is_title(c.head) \
                and self.text[c.start:c.start + 4].lower() == "the " and depth < 3
            person = self.resolve(Candidate(c.start, c.end, c.kind, head=c.head), at, verb, depth + 1) if head_of else UNKNOWN
            return person if person != UNKNOWN else c.modifier
        named = self._apposition(c, want, word) or self._spoken_for(c, want, word)
        if named:
            return named
        if c.kind == "description" and want != "document" and word == c.head \
                and (word not in sc.SPEAKS_FOR or word in sc.UNNAMED_ROLES) \
                and sc.indefinite(self.text[c.start:c.end]):
            return UNKNOWN  # "A senior media buyer at an agency said": someone new (not "a ministry spokesman")
        if want == "document":
            return self.document_speaker(c, at, depth)
        if not want:
            return UNKNOWN
        k = self.sentence_at(at)
        docs = [x for kk in range(k, max(-1, k - 3), -1) for x in reversed(self.candidates(kk)) if x.kind == "description"
                and x.start < c.start and self.cues.is_document(self.text[x.start:x.end])] \
            if c.head == "it" and (verb.lower() in sc.READS or sc.DIRECTS.fullmatch(verb.lower())) else []
        if docs and depth < 3:  # "… led the letter to the president. It reads in part:" (or "It directs …"): the letter,
            # so whoever sent it
            return self.resolve(docs[0], docs[0].start, "", depth + 1)
        if _CONTINUES.match(verb):  # "he added", "the company continued": the one who spoke before
            for kk in range(k, max(-1, k - 3), -1):
                for position, speaker in reversed(self.events_in.get(kk, ())):
                    if position < at and self._fits(speaker, want, word):
                        return speaker
        # "..., it said", "..., the company said" closing a sentence: the names before are what was said, not who said it
        closing = c.kind in ("pronoun", "description") and bool(verb) and \
            self.text[max(self.sentences[k][0], c.start - 3):c.start].rstrip().endswith(",") and \
            not _ASIDE_GOES_ON.match(self.text, at + len(verb))  # but "Stiel …: the order, she said, was "…"": an aside
        owner = next((x.party for x in (self.candidates(k - 1) if k and c.kind == "description" and depth == 0 else ())
                      if self.owns_document(x) and self._fits(x.party, want, word)), "")
        if owner:  # "Walmart's statement is worth reading closely: ¶ "…," the company said": the statement's owner
            return owner
        salient = self._salient(k, c.start, want, word) if closing and c.kind == "description" and want == "company" \
            and not _INTRODUCES_NEXT.search(self.text, at, self.sentences[k][1]) else ""  # not "After X, the company said:"
        if salient:  # "…, the company said": the story's company
            return salient
        for kk in range(k, max(-1, k - 12), -1):
            cands = self.candidates(kk)
            here = ([] if closing else self.window(kk, self.sentences[kk][0], c.start)) if kk == k else \
                cands[:1] + cands[max(1, len(cands) - WINDOW_CANDIDATES):]
            if not here:
                continue
            first = here[0]
            document = kk < k and c.head == "it" and first.kind == "description" \
                and self.cues.is_document(self.text[first.start:first.end])
            if document and depth < 3:  # "The WeChat order … '…,' it says"
                found = self.resolve(first, first.start, "", depth + 1)
                if found != UNKNOWN:
                    return found
            if document:  # not "TikTok" in "The TikTok order … It says"
                here = [x for x in here if not first.start <= x.start < first.end]
            if kk < k and c.head == "it" and self.owns_document(first):
                return first.party  # "Biden's order sets out criteria. It says …": its signer, Biden
            if kk < k and depth < 3 and self._new_referent(first, c):  # "An executive … said …. '…,' he said": that one
                return self.resolve(first, first.start, "", depth + 1)
            if kk < k and first.kind in ("pronoun", "description") and depth < 3 and \
                    self.cues.wants(first, self.text) == (want, word):
                found = self.resolve(first, first.start, "", depth + 1)  # "the company … the company"
                if found != UNKNOWN:
                    return found
            spoke = [sp for pos, sp in self.events_in.get(kk, ()) if pos < at and self._fits(sp, want, word)]
            if spoke:
                return spoke[-1]
            names = [x for x in here if x.kind == "name" and x.party != c.modifier and self._fits(x.party, want, word)
                     and not self.possessive(x)]  # "TikTok's head, X," is X
            subject = next((x for x in here if not self.possessive(x)), first)
            if names and subject.kind == "description" and _APPOSITION_GAP.fullmatch(self.text, subject.end, names[0].start):
                subject = names[0]  # "TikTok's interim head, Vanessa Pappas, and ..."
            if names:  # "they", "the two executives": the first of the people named together
                plural = c.head == "they" or (c.kind == "description" and c.head.endswith("s"))
                return names[0].party if subject is names[0] or (plural and kk < k) else names[-1].party
            owners = [x for x in here if x.kind == "name" and want == "person" and (kk < k or c.kind == "pronoun")
                      and self._fits(x.party, want, word)]  # (and "Trump's campaign …, when he signed")
            if owners:  # "Osei's advice hasn't changed. '…,' she says": the only person there, in the possessive
                return owners[-1].party
        if want == "person" and word and c.kind == "description":  # "the president said", whoever is titled so before
            titled = [p for p, first in self._first_mentions().items() if first < at and self._fits(p, want, word)]
            if len(titled) == 1:  # one person of the article, however far back
                return titled[0]
        if want == "person" and word and not self.cues.holds(word, self.party_type, self.party_words, "person"):
            # "the Prime Minister told" when no one is titled so:
            i = bisect.bisect_left(self.events, (at, ""))  # the person who spoke last, within two sentences
            for position, speaker in reversed(self.events[max(0, i - 3):i]):
                if self.sentence_at(position) >= k - 2 and self.party_type.get(speaker) == "person":
                    return speaker
        if want == "person" and c.kind == "description" and self.text[c.start:c.start + 4].lower() == "the " \
                and not self.text[self.sentences[k][0]:c.start].strip(' "“') and depth < 3:
            for kk in range(k - 1, max(-1, k - 3), -1):  # "Kevin Mayer is done with TikTok. The former chairman of
                found = self.line_subject(kk, self.sentences[kk][1])  # Disney's … told employees": the person before
                if found is not None and self.party_type.get(found[0]) == "person":
                    return found[0]
        if want == "person" and word in sc.SPEAKS_FOR:  # no such person named: "the official said" after the ministry spoke
            line = self.line_subject(k - 1, self.sentences[k - 1][1]) if k and not self.events_in.get(k - 1) else None
            if line is not None and self.party_type.get(line[0]) not in ("person", None):
                return line[0]  # or after a line about a body: "Tencent was more guarded. "…," a spokesperson said"
            i = bisect.bisect_left(self.events, (at, ""))
            for position, speaker in reversed(self.events[max(0, i - 3):i]):
                if self.sentence_at(position) >= k - 3 and self.party_type.get(speaker) not in ("person", None):
                    return speaker
        if c.kind == "description" and want not in ("person", "any") and self.text[c.start:c.start + 4].lower() == "the ":
            # "“…, Pakistan Telecommunication Authority has issued instructions …,” the authority said": a body
            # named only inside a quotation in the two sentences before, whose name ends in the description's head
            lo = bisect.bisect_left(self.mention_starts, self.sentences[max(0, k - 2)][0])
            for a, b, p in reversed(self.mentions[lo:bisect.bisect_left(self.mention_starts, c.start)]):
                if self.in_quote(a) and self.text[a:b].lower().endswith(c.head) and self._fits(p, want, ""):
                    return p
        return UNKNOWN

    def _apposition(self, c: Candidate, want: str, word: str) -> str:
        """The party a description names in apposition, when it fits: "a judge in Pennsylvania,
        Wendy Beetlestone, ruled" is Wendy Beetlestone; else ""."""
        k = self.sentence_at(c.start)
        after = self.window(k, c.end, min(self.sentences[k][1], c.end + 80))
        name = next((x for x in after if x.kind == "name"), None)
        if name is None or not _APPOSITION_GAP.fullmatch(self.text, c.end, name.start) \
                or self.text[name.end:name.end + 1] not in (",", ")", "—", "–"):
            return ""
        return name.party if self._fits(name.party, want, "" if want == "person" else word) else ""

    def _spoken_for(self, c: Candidate, want: str, word: str) -> str:
        """The organisation a role speaks for when the text says so: "an official in charge of
        MOFCOM's department", "a spokeswoman for the ministry"; else ""."""
        if want != "person" or word not in sc.SPEAKS_FOR:
            return ""
        of = _SPEAKS_FOR_OF.match(self.text, c.end)
        if of is None:
            return ""
        k = self.sentence_at(c.start)
        name = next((x for x in self.window(k, of.end(), of.end() + 1) if x.kind == "name"), None)
        return name.party if name is not None and self.party_type.get(name.party) not in ("person", "place", "public", None) \
            else ""

    def _fits(self, party: str, want: str, word: str) -> bool:
        key = (party, want, word)
        if key not in self._fits_memo:
            self._fits_memo[key] = self._compatible(party, want, word)
        return self._fits_memo[key]

    def _compatible(self, party: str, want: str, word: str) -> bool:
        kind = self.party_type.get(party, "")
        if kind in ("place", "public", "") or party == UNKNOWN:
            return False
        if want == "any":  # "they": people or an organisation
            return True
        if want == "person":
            if word == sc.LAWMAKER:  # "the Florida Republican": a senator, representative or governor
                return kind == "person" and bool(sc.LAWMAKER_TITLE.search(self.party_words.get(party, "")))
            return kind == "person" and (not word or word in self.party_words.get(party, ""))
        if kind == "person":
            return False
        if want == "organisation":
            return True
        ok = kind == want or kind == "organisation"
        if ok and word and want == "government body" and word != "government":  # (any body is "the government")
            return word in self.party_words.get(party, "") or not self.cues.holds(word, self.party_type, self.party_words)
        return ok

    def record(self, position: int, speaker: str) -> None:
        """Remember a speech attributed at ``position`` (for "he added", "the company continued")."""
        if speaker != UNKNOWN:
            bisect.insort(self.events, (position, speaker))
            bisect.insort(self.events_in.setdefault(self.sentence_at(position), []), (position, speaker))
