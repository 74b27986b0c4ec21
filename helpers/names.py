"""Capitalised names in the text, cut into parts, each classified by :mod:`helpers.namekinds`.

:func:`read_names` reads one sentence and returns :class:`~helpers.namekinds.Name` s, with
offsets into the article text. How the runs are cut:

1. **Runs** are capitalised words joined by at most two of "of the for and & de von van al bin"
   ("U.S. District Court for the Central District of California"); a run ending in an
   organisation word joins the next over "to the" ("Chinese Mission to the EU"). A run is cut after
   a possessive ("Alphabet Inc's | Google") and at "and" unless it holds "of" or both sides hold an
   organisation word ("Oracle | Walmart", "Ministry of Commerce | Ministry of Science and
   Technology", but "Ministry of Science and Technology"); function words at either end go, and a
   sentence's first word when it is no noun or adjective ("Watch Eyewitness News").
2. **Titles** split a run: personal titles (nameparser's list and the cue table's ``person
   title`` rows: Secretary, Judge, CEO, Sen., spokesman...), one after another and joined by "of"
   ("Secretary of State"), followed by a person-shaped name, make that name a person; what comes
   before the titles is the person's affiliation ("U.S. Department of Commerce | Secretary |
   Wilbur Ross"); "of the ..." after the name is the affiliation too ("Carl Nichols | of the U.S.
   District Court ..."), and a name of its own.
3. A sentence's dateline or credit ("WASHINGTON (AP) —") is read as a ``credit``, and a headline
   in title case is not read (its capitals mark no names). Runs whose every capitalised word a
   gazetteer mention covers are skipped.
4. A country the gazetteer lists as a place ("United States", "U.S.") is read as its government where
   it acts (:mod:`helpers.metonymy`: "the U.S. had repeatedly abused …"), one party for all its forms.

Every expression here is linear in the text: the runs' connectors are bounded, the dateline's
white space possessive.
"""
from __future__ import annotations

import bisect
import re

from helpers.metonymy import acts
from helpers.namekinds import (
    ACRONYM,
    FUNCTION_WORDS,
    HOLIDAY_WEEKDAYS,
    INITIAL,
    NUMBER_WORDS,
    POSSESSIVE,
    Name,
    NameCues,
    Part,
    bare,
    classify,
)
from helpers.pinyin import pinyin_name
from helpers.segment import protected_spans

# a stock ticker after a company's legal form, as The Wall Street Journal prints it: "Oracle Corp. ORCL"
_TICKER_AFTER = re.compile(r"\b(?:Corp|Inc|Co|Cos|Ltd)\.(\s+[A-Z]{1,5})$")
# a capital of the Latin alphabets, accented ones too ("Élise Marchetti", "Łukasz", "Šefčovič")
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_TOKEN = r"(?:[" + UPPER + r"][\w’'&.-]*[\w.]|[" + UPPER + r"])"
_CONNECTOR = r"(?:of|the|for|and|&|de|von|van|al|bin)"
_RUN = re.compile(r"(?<![\w@’'])" + _TOKEN + r"(?:(?:\s+" + _CONNECTOR + r"){0,2}\s+" + _TOKEN + r")*")
_WORD = re.compile(r"\S+")
_OPENERS = re.compile(r"[\s\"“‘'(—–-]*")
_JOIN_AFTER_ORG = re.compile(r"\s+to(?:\s+the)?\s+")
_LOWER_BODY = re.compile(r"(?<![\w’'])([A-Z][\w.]*(?:’s|'s)?)\s+(?:[a-z]+\s+){0,2}?(?:ministry|embassy|consulate)(?![\w’'-])")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_LOWER_MINISTRY_OF = re.compile(r"(?<![\w’'])ministry\s+of\s+(?:[a-z]+\s+){0,4}?(?:[a-z]{4,}|[A-Z]{2,4})"  # "… and IT"
                                r"(?=\s*[(,.;]|\s+(?:has|had|said|says|is|was|[a-z]{3,}ed)\b)")  # "… banned it"
_HOLIDAY_HEADS = ("Day", "Eve")
_PERSON_OF = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\s+of(?:\s+\S+){1,5}")  # "Tim Cook of Apple"
# Brill tags of a sentence's first word that is no part of a name: verbs, function words (not "FW",
# a foreign word, often a given name: "Sana Mirza")
_NOT_A_NAME_TAGS = ("VB", "IN", "CC", "DT", "RB", "PR", "MD", "WD", "WP", "WR", "TO", "UH", "EX", "RP", "PD")
# a plural title before several names, capitalised ("Senators Chuck Schumer and Tom Cotton", "Sens. Thom Tillis
# and Rick Scott"; AP Stylebook, "titles"), not "Federal judges"
_PLURAL_TITLE = re.compile(r"Senators|Sens\.|Reps\.|Representatives|Judges|Ministers|Commissioners")
_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_LIST_BEFORE = re.compile(r"([A-Za-z-]+)\s+(?:such\s+as|including|like)\s+$")
_OTHER_THINGS = re.compile(r"\s*,?\s*and\s+(?:[\w-]+\s+){0,2}?other\s+([a-z]+)")
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,40}(?:,\s++[A-Z][a-z]{1,6}\.)?\s*+(?:\([^()\n]{1,30}\))?\s*+(?:[—–]|--?)\s")


def read_names(text: str, start: int, end: int, mentions: list[tuple[int, int, str, str]], cues: NameCues,
               quoted: list[tuple[int, int]] = (), headline: bool = False) -> list[Name]:
    """The names of the sentence ``text[start:end]`` (see the module docstring), offsets into ``text``.

    ``mentions`` are the gazetteer's mentions in it as ``(start, end, stakeholder_id, type)``;
    ``quoted`` the spans of its quotations (a name that is all of one is a term). A headline in
    title case ("Commerce Department to Pull TikTok") is not read: its capitals mark no names."""
    found = read_sentence(text[start:end], [(a - start, b - start, sid, t) for a, b, sid, t in mentions], cues,
                          [(a - start, b - start) for a, b in quoted], headline)
    for n in found:
        n.start, n.end = n.start + start, n.end + start
    return found


def read_sentence(sentence: str, mentions, cues: NameCues, quoted=(), headline: bool = False) -> list[Name]:
    """:func:`read_names` of a sentence given alone (offsets, of the mentions and quotations too,
    relative to it)."""
    text, start, end = sentence, 0, len(sentence)
    out: list[Name] = []
    if headline and _title_case(sentence):
        return out
    dateline = _DATELINE.match(sentence) if sentence[:1].isupper() else None
    skip_to = start + dateline.end() if dateline else start
    runs = [(start + m.start(), start + m.end()) for m in _RUN.finditer(sentence)]
    if "://" in sentence or "www." in sentence or "@" in sentence:  # no name inside an address or a handle
        protected = protected_spans(sentence)
        runs = [(a, b) for a, b in runs if not any(p0 <= a < p1 for p0, p1 in protected)]
    runs = _bounded(text, _join_after_organisations(text, runs, cues))
    runs = [(a, ticker.start(1)) if (ticker := _TICKER_AFTER.search(text, a, b)) else (a, b) for a, b in runs]
    starts = [m[0] for m in mentions]
    quote_starts = [q[0] for q in quoted]
    for r0, r1 in runs:
        if r1 <= skip_to:
            if dateline:
                out.append(Name(r0, r1, text[r0:r1], "credit"))
            continue
        if r1 - r0 <= 12 and text[r0:r1].lower() in FUNCTION_WORDS:
            continue  # "The", "But": a sentence's first word
        i = max(0, bisect.bisect_right(starts, r0) - 1)  # the mentions that may meet the run
        near = mentions[i:bisect.bisect_left(starts, r1)]
        if near and _covered(text, r0, r1, near):
            continue  # every capitalised word is a gazetteer name's: nothing new (the usual case)
        q = bisect.bisect_left(quote_starts, r0)
        for part in _parts(text, r0, r1, start, cues):
            out.extend(classify(text, part, start, end, near, cues, quoted[max(0, q - 3):q], base=i))
    if "ministry" in sentence or "embassy" in sentence or "consulate" in sentence:
        out = _lower_case_bodies(sentence, mentions, cues, quoted, out)
    for k, (a, b, _, kind) in enumerate(mentions):  # a country the gazetteer lists as a place, acting: its government
        if kind == "place" and cues.places.is_country(text[a:b]) and not any(n.start < b and a < n.end for n in out) \
                and acts(text[max(start, a - 60):a], text[b:min(end, b + 120)], cues.lexicon):
            out.append(Name(a, b, text[a:b], "organisation", "government body", affiliation=cues.places.country_of(
                text[a:b]), absorbs=(k,)))
    if len(out) > 1:
        _coordinated_things(text, out, cues)
    return out


def _coordinated_things(text: str, names: list[Name], cues: NameCues) -> None:
    """Names listed together are things together: in "apps such as Moj, Josh and Chingari", "Alipay,
    WeChat Pay and eight other apps", or a list holding one thing, a name read by its shape alone
    (no cue of a party) is a thing too."""
    names = sorted(names, key=lambda n: n.start)
    groups, current = [], [names[0]]
    for prev, n in zip(names, names[1:]):
        if _LIST_GAP.fullmatch(text, prev.end, n.start):
            current.append(n)
        else:
            groups.append(current)
            current = [n]
    groups.append(current)
    for g in groups:
        head = _LIST_BEFORE.search(text, max(0, g[0].start - 40), g[0].start)
        tail = _OTHER_THINGS.match(text, g[-1].end)
        kind = "platform" if any(n.kind == "platform" for n in g) else "thing"
        if any(n.kind in ("thing", "platform") for n in g) or (head and cues.things.fullmatch(head.group(1).lower())) \
                or (tail and cues.things.fullmatch(tail.group(1))):
            for n in g:  # not an owner in the possessive: "WeChat, Alibaba's UC Browser"
                if (n.weak or n.kind == "person_ref") and text[n.end:n.end + 2] not in ("’s", "'s"):
                    n.kind, n.party_type = kind, ""


def _lower_case_bodies(text: str, mentions, cues: NameCues, quoted, names: list[Name]) -> list[Name]:
    """Institutions written in lower case after their country: "China's foreign ministry", "the
    Indian embassy" (a government body, not the country: the country's mention is absorbed), but
    not before a person's title ("Chinese foreign ministry spokesperson Wang Wenbin" names the
    spokesperson)."""
    for m in _LOWER_BODY.finditer(text):
        owner = m.group(1).removesuffix("’s").removesuffix("'s")
        if not (cues.places.is_country(owner) or cues.places.is_demonym(owner)) or any(a <= m.start() < b for a, b in quoted):
            continue
        following = _NEXT_WORD.match(text, m.end())
        if following and cues.is_title(following.group(1)):
            continue
        inside = [k for k, (a, b, _, _) in enumerate(mentions) if a < m.end() and m.start() < b]
        if any(mentions[k][1] > m.end() or (mentions[k][0] > m.start() and not text[mentions[k][0]].isupper())
               for k in inside):
            continue  # the gazetteer knows it ("commerce ministry")
        names = [n for n in names if not (n.start < m.end() and m.start() < n.end)]
        names.append(Name(m.start(), m.end(), m.group(0), "organisation", "government body", absorbs=tuple(inside)))
    for m in _LOWER_MINISTRY_OF.finditer(text):  # "the ministry of electronics and information technology"
        if not any(n.start < m.end() and m.start() < n.end for n in names) \
                and not any(a < m.end() and m.start() < b for a, b, _, _ in mentions):
            names.append(Name(m.start(), m.end(), m.group(0), "organisation", "government body"))
    return sorted(names, key=lambda n: n.start)


MAX_RUN_WORDS = 16  # no name is longer: a longer run of capitalised words is read in pieces of this many


def _bounded(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of at most :data:`MAX_RUN_WORDS` words (which keeps the reading of a run bounded, so
    the whole linear in the text)."""
    out = []
    for r0, r1 in runs:
        if r1 - r0 < 12 * MAX_RUN_WORDS:
            out.append((r0, r1))
            continue
        words = [m.span() for m in _WORD.finditer(text, r0, r1)]
        out += [(chunk[0][0], chunk[-1][1]) for chunk in (words[k:k + MAX_RUN_WORDS]
                                                        for k in range(0, len(words), MAX_RUN_WORDS))]
    return out


def _covered(text: str, r0: int, r1: int, mentions: list[tuple[int, int, str, str]]) -> bool:
    """Whether the gazetteer's mentions cover every capitalised word of ``text[r0:r1]`` and
    nothing beyond a possessive follows the last one."""
    inside = [(a, b) for a, b, _, _ in mentions if a < r1 and r0 < b]
    if not inside:
        return False
    if inside[0][0] <= r0 and r1 <= inside[0][1]:
        return True
    for m in _WORD.finditer(text, r0, r1):
        if m.group(0)[0].isupper() and not any(a <= m.start() < b for a, b in inside):
            return False
    return True


def _title_case(sentence: str) -> bool:
    """Most words of four letters or more capitalised."""
    return title_case(sentence, 0.6)


def title_case(text: str, share: float) -> bool:
    """At least three words of four letters or more, and ``share`` of them capitalised (1.0: a
    headline printed as an article's first paragraph: "Biden Pauses Trump's TikTok Crusade.")."""
    words = [w for w in _WORD.findall(text) if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= share * len(words)


def _join_after_organisations(text: str, runs: list[tuple[int, int]], cues: NameCues) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for r in runs:
        if joined:
            p0, p1 = joined[-1]
            gap = _JOIN_AFTER_ORG.fullmatch(text, p1, r[0])
            last = text[p0:p1].split()[-1]
            if gap and cues.org_type(last) and not ACRONYM.fullmatch(last):
                joined[-1] = (p0, r[1])
                continue
        joined.append(r)
    return joined


def _parts(text: str, r0: int, r1: int, s0: int, cues: NameCues) -> list[Part]:
    """A run cut after possessives, at "and" (unless it holds "of"), and at titles."""
    words = [m.span() for m in _WORD.finditer(text, r0, r1)]
    pieces, current = [], []
    texts = [text[a:b] for a, b in words]
    ands = [i for i, w in enumerate(texts) if w == "and"]
    # "of" keeps "Ministry of Science and Technology" whole, but not "Tim Cook of Apple and Sundar Pichai of Alphabet"
    has_of = "of" in texts and not (ands and all(_PERSON_OF.fullmatch(" ".join(seg)) for seg in _split_at(texts, ands)))
    org_after = {i: any(cues.org_type(x) for x in texts[i + 1:j]) for i, j in zip(ands, [*ands[1:], len(texts)])}
    org_before = False
    for i, (a, b) in enumerate(words):
        w = texts[i]
        if w == "and" and (not has_of or (org_before and org_after[i])):
            pieces.append(current)
            current = []
            continue
        if len(words) > 1 and cues.places.is_calendar(bare(w)) and w[:1].isupper() and not pinyin_name(texts) and not (
                i and f"{texts[i - 1]} {bare(w).rstrip('.,;:')}".lower() in HOLIDAY_WEEKDAYS):  # "Black Friday": one name
            pieces += [current, [(a, b)]]  # "In February the Biden administration", "on Monday CNBC reported"
            current = []
            continue
        org_before = org_before or bool(cues.org_type(w))
        current.append((a, b))
        if (w.endswith(POSSESSIVE[:2]) or (w.endswith(POSSESSIVE[2:]) and w[:-1].endswith("s"))) and not (
                i + 1 < len(words) and (cues.lexicon.get(bare(w).lower(), "") == "NNS"  # "National People's Congress"
                                        or texts[i + 1] in _HOLIDAY_HEADS)):  # "Valentine's Day"
            pieces.append(current)
            current = []
    pieces.append(current)
    parts: list[Part] = []
    for piece in pieces:
        parts.extend(_split_at_titles(text, piece, cues))
    out = []
    for p in parts:
        words = p.words
        while words and text[words[0][0]:words[0][1]].lower().strip(".’'") in FUNCTION_WORDS | {"the"}:
            words = words[1:]
        first = text[words[0][0]:words[0][1]] if words else ""
        if len(words) > 1 and _OPENERS.fullmatch(text, s0, words[0][0]) and \
                cues.lexicon.get(first.lower(), "NN")[:2] in _NOT_A_NAME_TAGS and cues.lexicon.get(first, "")[:3] != "NNP" \
                and not pinyin_name([text[a:b] for a, b in words]):  # not "Wen Shuyi" ("wen" is an adverb)
            words = words[1:]  # a sentence's first word that is no noun or adjective: "Watch Eyewitness News"
        while words and (text[words[-1][0]:words[-1][1]].lower() in FUNCTION_WORDS or text[words[-1][0]].islower()):
            words = words[:-1]
        if words:
            out.append(Part(words[0][0], words[-1][1], words, p.title, p.affiliation, p.person, p.prefix, p.of_person))
    return out


def _split_at(texts: list[str], cuts: list[int]) -> list[list[str]]:
    return [texts[a + 1 if a >= 0 else 0:b] for a, b in zip([-1, *cuts], [*cuts, len(texts)])]


def _split_at_titles(text: str, words: list[tuple[int, int]], cues: NameCues) -> list[Part]:
    """Titles followed by a person-shaped name: the name is a person, what is before is its
    affiliation, "of ..." after it a name of its own."""
    n = len(words)
    texts = [text[a:b] for a, b in words]
    i = 0
    while i < n:
        if not (cues.is_title(texts[i]) or _PLURAL_TITLE.fullmatch(texts[i])) or texts[i][0].islower():
            i += 1
            continue
        j = i  # the title chain: titles, and "of" + title ("Secretary of State")
        while j < n and (cues.is_title(texts[j]) or _PLURAL_TITLE.fullmatch(texts[j])
                         or (texts[j] == "of" and j + 1 < n and cues.is_title(texts[j + 1]))):
            j += 1
        k = j  # the person's name: capitalised words up to a connector or an organisation word
        while k < n and texts[k][0].isupper() and not cues.org_type(texts[k]) and texts[k].lower() not in NUMBER_WORDS:
            k += 1
        if k > j and _person_shaped(texts[j:k], texts[k] if k < n else "", cues):
            before = [Part(words[0][0], words[i - 1][1], words[:i], prefix=True)] if i else []
            title = " ".join(texts[:j]) if i and not cues.org_type(texts[i - 1]) else " ".join(texts[i:j])
            affiliation = " ".join(texts[:i]) if i else ""
            person = Part(words[j][0], words[k - 1][1], words[j:k], title=title, affiliation=affiliation,
                           person=True)
            rest = words[k:]
            while rest and text[rest[0][0]:rest[0][1]] in ("of", "the", "for"):
                rest = rest[1:]
            after = _split_at_titles(text, rest, cues) if rest else []
            for part in after[:1]:
                part.of_person = True
            if after and not person.affiliation:
                person.affiliation = text[after[0].start:after[0].end]
            return before + [person] + after
        i = j
    if "of" in texts[2:4]:  # "Ambika Kumar of Davis Wright Tremaine": a person of an organisation
        k = texts.index("of")
        name, rest = texts[:k], words[k + 1:]
        while rest and text[rest[0][0]:rest[0][1]] in ("the", "for"):
            rest = rest[1:]
        if rest and _person_shaped(name, "", cues) and not any(
                cues.org_type(w) or cues.is_title(w) or cues.places.is_place(w) or cues.places.is_demonym(w)
                or (cues.is_common(w) and cues.lexicon.get(w, "")[:3] != "NNP" and (i == 0 or len(name) > 2))
                for i, w in enumerate(name)):  # (a surname may be a word: "Roger Wicker of Mississippi")
            org = _split_at_titles(text, rest, cues)
            org[0].of_person = True
            return [Part(words[0][0], words[k - 1][1], words[:k], affiliation=text[org[0].start:org[0].end],
                         person=True), *org]
    return [Part(words[0][0], words[-1][1], words)] if words else []


def _person_shaped(name: list[str], following: str, cues: NameCues) -> bool:
    """Words that can be a person's name after a title: one to four capitalised words, none an
    acronym, a number, a product or a place, not followed by an organisation word or a number;
    one word alone must not be a common English word ("Executive Order", "Air Force One",
    "Fox Business Network" hold titles but no person)."""
    if not 1 <= len(name) <= 4 or cues.org_type(following) or following.lower() in NUMBER_WORDS:
        return False
    if any((ACRONYM.fullmatch(w) and not (0 < i < len(name) - 1 and INITIAL.fullmatch(w)))  # "Carl J. Nichols"
           or cues.things.fullmatch(w) or w.lower() in NUMBER_WORDS for i, w in enumerate(name)):
        return False
    if cues.places.is_place(" ".join(name)) or (len(name) == 1 and cues.is_common(bare(name[0]))):
        return False
    return True
