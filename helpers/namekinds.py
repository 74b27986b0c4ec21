"""What a capitalised name is: a person, an organisation of a type, or not a party at all (a
place, a demonym, a weekday or month, a product, a term in scare quotes); the vocabularies it is
read with (:class:`NameCues`) and the record of one name read (:class:`Name`).

:func:`classify` takes one part of a run of capitalised words (:mod:`helpers.names` cuts the runs) and says what it
is, first rule that applies: a whole scare-quoted term is a term; a weekday or month is ``calendar``; demonyms
("Chinese", "Americans") are ``demonym``; a product or document head ("Act", "Catalogue of ...") is a ``thing``; an
organisation word (the cue table's ``organisation word`` rows: Ministry, Court, Inc., Times, University...) at the
name's head makes an organisation of that word's type; a capital used for its government (a possessive, the subject of
a verb, the one urged or accused, the object of a preposition or verb: "Washington's", "New Delhi banned", "pressure
from Washington"; :mod:`helpers.metonymy`) is a government; a place of GeoNames or ISO 3166
("Culver City", "Texas"), a town before a state's abbreviation or name ("Redmond, Wash.", "Bentonville,
Arkansas-based"), or "X-based", is ``place`` (and leaves the name it opens: "Shenzhen-based Tencent Holdings"); a
lower-case word next to the name says what it is (``not a party``: "the WeChat messaging service"; a title: "TikTok
lawyer John Hall", "a Treasury spokesperson"; a description: "telecommunications giant Huawei", "Xinhua news agency");
an apposition with a title makes a person ("Cui Fan, a professor of ... at the University of ..."; "its CEO, Doug
McMillon,"); a stock ticker after a name makes a company ("Apple (AAPL)"); an acronym is a party only when it speaks
or is told ("Mnuchin told CNBC"; one a name defines, "China Global Television Network (CGTN)", is found in
:mod:`helpers.parties`); a lone word that is a common English word (TextBlob's Brill lexicon) is not a name, unless it
is an organisation word ("the Committee": a reference); two or three words that are not common words are a person;
what is left is an organisation of unknown type, or not a name when it starts with a common word ("Air Force One",
"Squawk Box").

The gazetteer's mentions come in as spans: a part they cover adds nothing, one that adds only a legal form, a place or
given names to a mention extends it ("Walmart Inc", "US Treasury Department", "President Donald J. Trump"), and one
that adds other words is a new name that absorbs them ("TikTok Global", "U.S. Senate"). The expressions are matched on
bounded windows of a sentence, so each runs in time linear in the text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pandas as pd
from nameparser.config import CONSTANTS

from helpers import lexicons
from helpers.metonymy import acts, object_of, verb_follows
from helpers.pinyin import pinyin_name
from helpers.placenames import HOLIDAY_WEEKDAYS, NonParties, non_parties
from helpers.tables import cue_pattern, typed_cues

POSSESSIVE = ("’s", "'s", "’", "'")
_TICKER = re.compile(r"(?:’s|'s)?\s*\((?:[A-Z]+:\s*)?[A-Z]{1,5}\)")
ACRONYM = re.compile(r"[A-Z][A-Z0-9&.]*[A-Z0-9.]")
INITIAL = re.compile(r"[A-Z]\.")  # a middle initial
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten first second third".split())
FUNCTION_WORDS = frozenset(
    "a an the this that these those it its he she they we i you our their his her my your if in on at by for from "
    "to of and or but so yet after before while when where since as although though however meanwhile both all "
    "any each every some many most no not also even just still only then there here what which who why how "
    "always never now according above below last next under with without within among between".split())
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "miss", "mx", "sir", "dame", "prof"})


@dataclass(frozen=True)
class NameCues:
    """The vocabularies :func:`read_names` reads with, built once from the attribution cue table."""

    titles: re.Pattern
    org_words: tuple[tuple[re.Pattern, str], ...]
    descriptions: tuple[tuple[re.Pattern, str], ...]
    things: re.Pattern
    verbs: re.Pattern
    places: NonParties
    lexicon: dict[str, str] = field(repr=False)
    memo: dict[tuple[str, str], object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_table(cls, cues: pd.DataFrame) -> NameCues:
        return cls(cue_pattern(cues, "person title"), tuple(typed_cues(cues, "organisation word")),
                   tuple(typed_cues(cues, "description")), cue_pattern(cues, "not a party"),
                   cue_pattern(cues, "reporting verb"), non_parties(), lexicons.brill())

    def is_title(self, word: str) -> bool:
        """A personal title: nameparser's list or the table's (a hyphenated word by its first part:
        "Vice-Foreign", "President-elect")."""
        found = self.memo.get(("title", word))
        if found is None:
            found = self.memo[("title", word)] = _is_title(self, word)
        return found

    def org_type(self, word: str) -> str:
        """The party type an organisation word gives ("Ministry": government body), else ""."""
        found = self.memo.get(("org", word))
        if found is None:
            found = self.memo[("org", word)] = _org_type(self, word)
        return found

    def description_type(self, word: str) -> str:
        found = self.memo.get(("description", word))
        if found is None:
            found = next((t for regex, t in self.descriptions if regex.fullmatch(word)), "")
            self.memo[("description", word)] = found
        return found

    def is_common(self, word: str) -> bool:
        """A common English word (TextBlob's Brill lexicon knows its lower-case form)."""
        return plain(word).lower() in self.lexicon


@functools.lru_cache(maxsize=4096)
def bare(word: str) -> str:
    """A word less a possessive ending."""
    w = word
    for end in POSSESSIVE:
        if w.endswith(end) and len(w) > len(end):
            w = w[: -len(end)]
            break
    return w


@functools.lru_cache(maxsize=4096)
def plain(word: str) -> str:
    """A word less a possessive ending and a full stop that is not an abbreviation's ("Network.")."""
    w = bare(word)
    return w[:-1] if w.endswith(".") and len(w) > 3 and w[-2].islower() and "." not in w[:-1] else w


def _is_title(cues: NameCues, word: str) -> bool:
    w = bare(word).lower()
    if w.startswith(("then-", "ex-")):
        w = w.split("-", 1)[1]  # "Then-President", "ex-Senator": the title
    first = w.split("-")[0]
    if w in FUNCTION_WORDS or cues.places.is_place(w):  # nameparser lists "us", "uk", "his", "her" as titles
        return False
    return (w.rstrip(".") in CONSTANTS.titles or first.rstrip(".") in CONSTANTS.titles
            or bool(cues.titles.fullmatch(w)) or bool(cues.titles.fullmatch(first))
            or bool(cues.titles.fullmatch(w.rstrip("."))))


def _org_type(cues: NameCues, word: str) -> str:
    w = plain(word)
    for regex, party_type in cues.org_words:
        if regex.fullmatch(w):
            return party_type
    return ""


@dataclass(slots=True)
class Name:
    """One name read in a sentence (offsets into the article text). ``kind``: ``person``,
    ``organisation``, ``person_ref`` (one word that may be a person's surname or given name),
    ``org_ref`` (an organisation word alone: "the Committee"), ``extends`` (a gazetteer mention
    made longer), or what is not a party: ``place``, ``demonym``, ``calendar``, ``thing``,
    ``platform`` (a thing here only: "posted on Instagram"), ``term``, ``acronym``, ``common``,
    ``credit``."""

    start: int
    end: int
    name: str
    kind: str
    party_type: str = ""
    title: str = ""
    affiliation: str = ""
    absorbs: tuple[int, ...] = ()  # indexes of the gazetteer mentions this name replaces
    extends: int = -1  # the gazetteer mention this name makes longer
    weak: bool = False  # read by its shape alone, with no cue


@dataclass
class Part:
    start: int
    end: int
    words: list[tuple[int, int]]  # word spans
    title: str = ""
    affiliation: str = ""
    person: bool = False  # a title says so
    prefix: bool = False  # what stands before a title: "Commerce" in "Commerce Secretary Wilbur Ross"
    of_person: bool = False  # what a person is "of": "Carl Nichols of the U.S. District Court"


def classify(text: str, p: Part, s0: int, s1: int, mentions, cues: NameCues, quoted, base: int = 0) -> list[Name]:
    """What one part of a run is (see the module docstring). ``mentions`` are the gazetteer's
    mentions near it, the ``base``-th of the sentence's first (``absorbs`` and ``extends`` count
    from the sentence's first); ``quoted`` the quotations that may hold it."""
    name = bare(text[p.start:p.end])
    last = name.split()[-1] if name.split() else ""
    abbreviation = (ACRONYM.fullmatch(last) and not _ACRONYM_STOP.fullmatch(last)) or len(last) == 2 \
        or any(r.fullmatch(last) for r, _ in cues.org_words) or cues.places.is_state_abbreviation(last)
    if name.endswith(".") and not abbreviation:
        name = name[:-1]  # a full stop that ends the sentence, not an abbreviation's
    end = p.start + len(name)
    if end <= p.start:
        return []
    words = name.split()
    if len(words) > 1 and _MODIFIER.fullmatch(words[0]):  # "Shenzhen-based Tencent Holdings": the company
        skip = len(words[0]) + len(name[len(words[0]):]) - len(name[len(words[0]):].lstrip())
        kept = [w for w in p.words if w[0] >= p.start + skip]
        return classify(text, Part(p.start + skip, p.end, kept, p.title, p.affiliation, p.person, p.prefix, p.of_person),
                        s0, s1, mentions, cues, quoted, base)
    mid = next((i for i, (a, b) in enumerate(p.words[1:-1], 1) if _MODIFIER.fullmatch(text, a, b)), 0)
    if mid:  # "Communist Party-run Global Times": the party, then the outlet it runs
        (a, b), rest = p.words[mid], p.words[mid + 1:]
        stem = Part(p.start, text.rindex("-", a, b), p.words[:mid] + [(a, text.rindex("-", a, b))])
        return classify(text, stem, s0, s1, mentions, cues, quoted, base) + classify(
            text, Part(rest[0][0], p.end, rest), s0, s1, mentions, cues, quoted, base)
    inside = [(base + k, m) for k, m in enumerate(mentions) if m[0] < end and p.start < m[1]]
    row = Name(p.start, end, name, "", title=p.title, affiliation=p.affiliation)
    if any(q0 < p.start and end < q1 and text[q0 + 1:q1 - 1].strip(" .,;:!?").strip() == name for q0, q1 in quoted):
        row.kind = "term"
        return [row]
    if inside:
        return _with_mentions(text, row, words, inside, s0, s1, cues)
    if p.prefix and len(words) == 1 and (cues.is_common(name) or cues.places.is_place(name)):
        row.kind = "common"  # a department's word in a title ("Treasury Secretary"): the title, not a party
        return [row]
    row.kind, row.party_type = _what(text, row, words, s0, s1, cues, p.person)
    if p.of_person and row.kind == "person" and row.weak:
        row.kind, row.party_type = "organisation", "organisation"  # a person's affiliation: "of Davis Wright Tremaine"
    return [row]


def _with_mentions(text: str, row: Name, words: list[str], inside, s0: int, s1: int, cues: NameCues) -> list[Name]:
    """A part the gazetteer's mentions cover, extend (a legal form, a place, given names) or sit in."""
    covered = [False] * len(words)
    offsets = [row.start + m.start() for m in _SPACED.finditer(row.name)]
    for i, at in enumerate(offsets):
        covered[i] = any(m[0] <= at < m[1] for _, m in inside)
    extra = [w for w, c in zip(words, covered) if not c]
    if not extra:
        return []
    k, mention = inside[0]
    person = mention[3] == "person"
    if len(inside) == 1 and all(
            cues.org_type(w) == "company" or cues.places.is_place(w) or cues.places.is_demonym(w)
            or w.lower() in FUNCTION_WORDS or (person and (w[0].isupper() and (len(w) <= 2 or w.endswith("."))))
            for w in extra) and (not person or all(not cues.places.is_place(w) for w in extra)):
        row.kind, row.extends = "extends", k
        return [row]
    if person and len(inside) == 1 and all(w[:1].isupper() and not cues.org_type(w) for w in extra) and \
            len(words) <= 4 and not any(cues.places.is_place(w) for w in extra):
        row.kind, row.extends = "extends", k  # given names or initials: "Donald J. Trump"
        return [row]
    if all(cues.is_title(w) or w.lower() in FUNCTION_WORDS for w in extra):
        return []
    row.absorbs = tuple(i for i, _ in inside)
    kind, party_type = _what(text, row, words, s0, s1, cues, False, named=True)
    held = [m[3] for _, m in inside if m[3] not in ("person", "place", "public", "")]
    if kind == "person" and held:  # a name holding an organisation's is an organisation: "TikTok Global"
        kind, party_type = "organisation", held[0]
    if kind in ("person", "organisation"):
        row.kind, row.party_type, row.weak = kind, party_type, False
        return [row]
    return []


def _head(words: list[str]) -> str:
    """The head word of a name: the word before its first "of", "for", "on" or "to", else its last."""
    for i, w in enumerate(words):
        if i and w in ("of", "for", "on", "to"):
            return words[i - 1]
    return words[-1]


_SPACED = re.compile(r"\S+")
_MODIFIER = re.compile(r"(.+)-([a-z]+)")
# "follow her on Instagram", "posted on Twitter", "ads on Snapchat": a platform, not its maker
_ON_PLATFORM = re.compile(r"(?i)\b(?:post(?:ed|s|ing)?|follow(?:ed|ing|ers)?|available|live|stream(?:ed|ing|s)?|"
                          r"shar(?:e|ed|es|ing)|videos?|clips?|accounts?|active|popular|viral|ads|advertis\w*|"
                          r"content|presence|audiences?|creators?|influencers?)\s+(?:\w+\s+){0,2}?on\s+$")
_ACRONYM_STOP = re.compile(r"[A-Z][A-Z0-9&]{2,}\.")  # "told AFP.": the sentence's full stop (not "U.S.")
_NEXT_WORDS = re.compile(r"\s+([a-z-]+)(?:\s+([a-z-]+))?")
_WORD_BEFORE = re.compile(r"([a-z-]+)\s+$")
PARTISAN = re.compile(r"(?:Republican|Democrat)")  # a party member, singular: a description of a person
_WHO_AFTER = re.compile(r",\s+who\b")  # a relative pronoun for persons
_THE_BEFORE = re.compile(r"(?i)\bthe\s+$")
_TOLD_BEFORE = re.compile(r"(?i)\b(?:told|tells|tell|telling)\s+$")
_PHRASE_WORDS = re.compile(r"[\w.’'-]+")
_CONTRACTION = re.compile(r"[’'](?:re|ve|ll|d|m|t)$")
_FUNCTION_TAGS = ("DT", "CC", "IN", "PR", "WD", "WP", "MD", "EX", "TO")  # Brill tags of words that are no name
_COMPASS = frozenset("North South East West Northern Southern Eastern Western Central".split())
PARTY_TAG = re.compile(r"[A-Z]-(?:[A-Z][a-z]{0,12}|[A-Z]\.[A-Z]\.?)\.?")  # "R-Mo.", "R-Alaska", "D-S.C.": party and state


def _names_a_state(token: str, places: NonParties) -> bool:
    """A US state's abbreviation ("Wash.") or name ("Arkansas", "Arkansas-based")."""
    token = token.rstrip(",;")
    modifier = _MODIFIER.fullmatch(token)  # "Arkansas-based"
    bare = modifier.group(1) if modifier else token.rstrip(".")
    return places.is_state_abbreviation(token) or bare.casefold() in places.states


def _what(text: str, row: Name, words: list[str], s0: int, s1: int, cues: NameCues, titled: bool,
          named: bool = False) -> tuple[str, str]:
    """(kind, party type) of a name no mention covers (the order of the module docstring)."""
    places = cues.places
    name = row.name
    before = text[max(s0, row.start - 60):row.start]
    after = text[row.end:min(s1, row.end + 120)]
    at_start = before.strip(" \"“‘'(—–-") == "" or before.rstrip().endswith((":", "“", '"'))
    if titled and not all(cues.is_common(w) for w in words):  # not "General Data Protection Regulation"
        return "person", "person"
    if len(words) == 1 and PARTY_TAG.fullmatch(name):
        return "acronym", ""
    modifier = _MODIFIER.fullmatch(words[-1])
    stem = " ".join([*words[:-1], modifier.group(1)]) if modifier else ""
    if modifier and (len(words) == 1 or places.is_place(stem)):  # "Redmond-based", "Chinese-owned", "Hong Kong-based"
        return ("demonym" if places.is_demonym(stem) else "place" if places.is_place(stem) or modifier.group(2) == "based"
                else "thing"), ""
    if all(places.is_calendar(w) for w in words) or " ".join(words).lower().rstrip(".") in HOLIDAY_WEEKDAYS or \
            words[-2:] == ["New", "Year"] or (words[-1] in ("Day", "Eve") and (
            len(words) == 1 or "’" in name or "'" in name or cues.is_common(words[0]))):
        return "calendar", ""  # a holiday: "Valentine's Day", "Singles' Day", "Election Day" (not "Doris Day")
    if all(all(places.is_demonym(part) for part in w.split("-")) or w.lower() in ("people", "users")
           or (i == 0 and len(words) > 1 and w in _COMPASS) for i, w in enumerate(words)):  # "South Koreans", "North American"
        return "demonym", ""  # "Chinese", "Chinese-American"
    if PARTISAN.fullmatch(words[-1]) and (len(words) == 1 or places.is_place(" ".join(words[:-1])) or _THE_BEFORE.search(before)):
        return "common", ""  # "the Florida Republican" (a description: speechcues), "Republican senators"
    if words[-1] in ("Republicans", "Democrats") and all(w in ("Senate", "House", "Congressional") or places.is_place(w)
                                                          for w in words[:-1]):
        return "common", ""  # "Republicans", "Senate Democrats": a party's members, as "Americans" are a country's
    if len(words) == 1 and at_start and name[1:].islower() and cues.lexicon.get(name.lower(), "")[:2] in _FUNCTION_TAGS:
        return "common", ""  # a function word opening the sentence: "Neither the president-elect nor ..."
    head = _head(words)
    if cues.things.fullmatch(head):
        return "thing", ""
    org = cues.org_type(head) or next((cues.org_type(w) for w in reversed(words) if cues.org_type(w)), "")
    if org and (len(words) > 1 or named):
        return "organisation", org
    country = places.capital_of(name)
    if country and (acts(before, after, cues.lexicon) or (country != name  # (not a city state: "Singapore")
                                                          and object_of(before, after, cues.lexicon, places.capital_of))):
        row.affiliation = country
        return "organisation", "government body"  # a capital for its government: "Washington's bullying"
    if places.is_country(name) and acts(before, after if not after.startswith(("’s", "'s")) else "", cues.lexicon):
        row.affiliation = places.country_of(name)
        return "organisation", "government body"  # a country acting: "India banned the app", not "India's users"
    if places.is_place(name) or (after.startswith(", ") and _names_a_state(after[2:].split(" ")[0], places)):
        return "place", ""  # a town before its state: "Redmond, Wash.", "Bentonville, Arkansas-based"
    if len(words) > 1 and places.is_place(" ".join(words[1:])) and places.is_demonym(words[0]):
        return "place", ""
    after_words = _NEXT_WORDS.match(after)
    next_words = [w for w in (after_words.groups() if after_words else ()) if w]
    word_before = _WORD_BEFORE.search(before)
    previous = word_before.group(1) if word_before else ""
    if any(cues.things.fullmatch(w) for w in next_words) or (previous and cues.things.fullmatch(previous)):
        return "thing", ""
    if len(words) <= 2 and _ON_PLATFORM.search(before):
        return "platform", ""  # this mention only: the same name elsewhere may be the company ("Facebook launched")
    if len(words) == 1 and cues.org_type(name) and next_words and cues.is_title(next_words[0]) and \
            _THE_BEFORE.search(before):
        return "common", ""  # part of a title: "the Treasury secretary" is a person, not the Treasury
    if ACRONYM.fullmatch(name) and _TOLD_BEFORE.search(before):
        return "organisation", "organisation"  # "Mnuchin told CNBC": the one told is a party
    next_words = next_words[:next((i for i, w in enumerate(next_words) if not (cues.is_title(w) or cues.lexicon.get(
        w, "NN")[:2] in ("NN", "JJ"))), 2)]  # its head may follow: "Disney executive" (not "Biden took office", "Mayer as")
    for w in ([" ".join(next_words)] if len(next_words) == 2 else []) + next_words:
        # "Xinhua news agency", "a Treasury spokesperson", "Disney executive"
        described = cues.description_type(w)
        if described not in ("", "person", "organisation"):
            head = re.match(r"\s+" + re.escape(w) + r"\b", after)
            if len(words) == 1 and cues.is_common(name) and head and after[head.end():head.end() + 2].strip()[:1].isupper():
                return "common", ""  # "State broadcaster CCTV": the word modifies a description of the name after
            if described == "government body" and len(words) == 1 and head and (
                    cues.is_common(name) or w in ("administration", "government")):  # "the Biden administration"
                row.end += head.end()  # a word and its lower-case head: "Commerce department", "Foreign ministry"
                row.name = text[row.start:row.end]
            return "organisation", described
        if cues.is_title(w) and not cues.is_title(previous):
            return "organisation", "organisation"
    if previous and cues.is_title(previous) and not ACRONYM.fullmatch(name) and not (
            len(words) == 1 and cues.is_common(name)):
        row.title = previous
        return "person", "person"
    if _apposition_says_person(text, row, before, after, cues):
        return "person", "person"
    if previous and cues.description_type(previous) not in ("", "person", "organisation") and not _WHO_AFTER.match(after):
        return "organisation", cues.description_type(previous)  # "TikTok owner ByteDance" (not "owner Lena Sorensen, who")
    if _TICKER.match(after) and not ACRONYM.fullmatch(name):
        return "organisation", "company"
    if ACRONYM.fullmatch(name):
        if cues.verbs.match(after.lstrip()) and not places.is_place(name):
            return "organisation", "organisation"
        return "acronym", ""
    if _product(words, before, after, cues):
        return "platform", ""  # this mention only: "ShareChat's Moj", "apps such as Alipay and WeChat Pay"
    if len(words) == 1:
        if _CONTRACTION.search(name):
            return "common", ""  # "We’re", "Don't"
        if cues.org_type(name) and not at_start:
            return "org_ref", cues.org_type(name)
        stated = name + "." if after.startswith(".") and not name.endswith(".") else name  # "(Fla.)"
        if cues.is_title(name) or (places.is_state_abbreviation(stated) and before.rstrip().endswith((",", "("))):
            return ("place" if name.endswith(".") and not cues.is_title(name) else "common"), ""  # "the Secretary", "Wash."
        proper = cues.lexicon.get(plain(name), "")[:3] == "NNP"  # the lexicon knows it as a name: "Twitter", "Apple"
        if cues.lexicon.get(name, "")[:2] == "JJ" and not proper:
            return "demonym", ""  # an adjective capitalised as the lexicon has it: "Himalayan", "Dutch"
        if (cues.is_common(name) and (at_start or not proper)) or words[0].lower() in HONORIFICS or (
                at_start and not cues.lexicon.get(name, "NNP").startswith("NNP")):
            return "common", ""
        return "person_ref", ""
    first = words[0]
    if pinyin_name(words):
        return "person", "person"  # "Tang Wenjie", though "tang" is an English word
    if 3 <= len(words) <= 4 and all(INITIAL.fullmatch(w) for w in words[1:-1]) and \
            all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in (first, words[-1])):
        return "person", "person"  # a middle initial: "John E. Hall", "Carl J. Nichols"
    if first.lower() in HONORIFICS:
        row.title = first
        return "person", "person"
    if "&" in words and not any(w[0].islower() for w in words):
        return "organisation", "company"  # a firm of partners' or common words: "Procter & Gamble", "Hearth & Crumb"
    known_name = cues.lexicon.get(plain(first), "")[:3] in ("NNP", "FW")  # "John", "Alma", "Sana": given names
    if (cues.is_common(first) and not known_name) or (cues.is_common(first) and cues.is_common(words[-1])) \
            or any(w.lower() in NUMBER_WORDS for w in words):
        return "common", ""  # "Squawk Box", "Global Initiative", "Windows Phone", "Air Force One": no party
    row.weak = True
    if len(words) <= 3 and all(w[:1].isupper() and not ACRONYM.fullmatch(w) and w.lower() not in NUMBER_WORDS
                               for w in words):
        return "person", "person"
    return "organisation", "organisation"


_OWNER_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}[’']s\s+$")  # "Ant Group's "
_LEGAL_FORMS = frozenset({"Inc", "Corp", "Ltd", "LLC", "PLC", "Co", "AG", "SA", "NV"})
_LISTED_AFTER = re.compile(r"\b([a-z]+),?\s+(?:such\s+as|including|like)\s+(?:[A-Z][\w.&’'-]*,?\s+(?:(?:and|or)\s+)?)*$")


def _product(words: list[str], before: str, after: str, cues: NameCues) -> bool:
    """A product, not its maker: a name of one or two words after a company's possessive ("ShareChat's
    Moj", "Tencent's WeChat Pay"), or listed after a word for things ("apps such as Alipay, CamScanner and
    WPS Office"). Not a maker in the list ("including Tencent's WeChat Pay": Tencent), not one that acts
    ("Facebook's Instagram launched"), not a person ("Microsoft's Brad Smith", "Venezuela's Nicolás
    Maduro": a place's), and not a company owned by one in legal form ("Alphabet Inc's Google")."""
    if after.startswith(("’s", "'s")):
        return False
    if verb_follows(after, cues.lexicon):
        return False
    listed = _LISTED_AFTER.search(before)
    if listed and cues.things.fullmatch(listed.group(1)):
        return True
    owner = _OWNER_BEFORE.search(before)
    if owner is None or len(words) > 2 or (len(words) == 2 and cues.lexicon.get(plain(words[0]), "")[:3] in ("NNP", "FW")):
        return False
    owner_words = owner.group(0).strip()[:-2].split()
    places = cues.places
    return not any((cues.is_title(w) and not cues.org_type(w)) or w.rstrip(".") in _LEGAL_FORMS for w in owner_words) and not (
        places.is_place(" ".join(owner_words)) or places.is_demonym(owner_words[0]))


_APPOSITION_AFTER = re.compile(r",\s+(?:\d{1,3},\s+)?((?:a|an|the|its|his|her|[A-Z][\w.&’'-]*(?:’s|'s))\s[^,;.()]{0,90}?)"
                               r"(?=[,;.)]|$)")  # an age may come first: "Sana Qureshi, 22, a comedy creator"
_APPOSITION_BEFORE = re.compile(r"(?:^|[,;(]\s*|\bthat\s+|\band\s+)((?:the|a|an|its|his|her|their|[A-Z][\w.&’'-]*(?:’s|'s))"
                                r"\s[^,;()]{0,90}?),\s+$")


def _apposition_says_person(text: str, row: Name, before: str, after: str, cues: NameCues) -> bool:
    """", a professor of ... at the University of ...", ", TikTok's U.S. general manager," after
    the name; "its CEO, " or "the head of the Chinese Mission to the EU, " before it (when the
    name is followed by a comma or a verb). The phrase's organisation is the affiliation."""
    for regex, phrase_text, where in ((_APPOSITION_AFTER, after, "after"), (_APPOSITION_BEFORE, before, "before")):
        m = regex.match(phrase_text) if where == "after" else regex.search(phrase_text)
        if not m:
            continue
        phrase = m.group(1)
        words = [w.strip("’'") for w in _PHRASE_WORDS.findall(phrase)]
        lower = [w for w in words if w[:1].islower()]
        roles = [i for i, w in enumerate(lower) if cues.is_title(w) and cues.lexicon.get(w, "NN").startswith("NN")]
        things = [i for i, w in enumerate(lower) if cues.things.fullmatch(w)]
        if len(row.name.split()) == 1 and cues.is_common(row.name):
            return False
        if roles and (not things or roles[0] < things[0]):  # "a professor of law": a person; "the app's owner": not
            roles = [lower[i] for i in roles]
            org = re.findall(r"(?:(?<=\bof )|(?<=\bat )|(?<=\bfor ))(?:the\s+)?([A-Z][\w.’'&-]*(?:\s+(?:of|and|for|the|to)?\s*"
                             r"[A-Z][\w.’'&-]*)*)", phrase)
            owner = re.match(r"(?:the\s+|a\s+|an\s+)?(?:former\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*?)(?:’s|'s)?\s", phrase)
            row.title = " ".join(roles)
            row.affiliation = (org[-1] if org else owner.group(1) if owner else "")
            return True
    return False
