"""Broadcast transcripts: each turn is a paragraph opened by its speaker's label in capitals
("ODILE FAIRBANKS: This takes the worst case off the table", later "FAIRBANKS: …"), as radio and
television transcripts print them (NPR, PBS NewsHour, Marketplace, CNBC).

An article is a transcript when at least three paragraphs open with a label that reads as a
person's name (no common English word, no place: not "WATCH:", "RELATED:", "ISLAMABAD:") and at
least two speakers are labelled. A turn runs from its label to the next label, over the paragraphs
between them; the last turn is its paragraph only (what follows a transcript is seldom speech).

The outlet's own people read the story, they are not quoted in it: the first speaker (the host)
and anyone the text introduces as staff ("correspondent Theo Lindqvist", "Marketplace's Theo
Lindqvist has more", "I'm Theo Lindqvist, for Marketplace") are ``staff``; :mod:`helpers.quotes`
takes the other turns as statements of their speaker, and :mod:`helpers.parties` reads each label
as the person's name. Every expression is anchored or bounded, so each runs in linear time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.namekinds import Name, NameCues

# a label: one to four words in capitals (initials, apostrophes, hyphens), a colon, then the turn
LABEL = re.compile(r"([A-Z][A-Z’'.-]{0,30}(?:[ \t]+[A-Z][A-Z’'.-]{0,30}){0,3})[ \t]*:[ \t]+(?=\S)")
_STAFF_BEFORE = re.compile(r"(?i)\b(?:host|anchor|correspondent|reporter|moderator|presenter|producer)\s+$")
_MIN_TURNS, _MIN_SPEAKERS = 3, 2


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label ``[start, label_end)``, the words ``[body, end)`` (the last
    paragraph's end), its paragraphs, the name in title case, and whether the outlet's own."""

    start: int
    label_end: int
    body: int
    end: int
    paragraphs: tuple[int, ...]
    name: str
    staff: bool


def _is_name(label: str, cues: NameCues) -> bool:
    """A label that may be a person's: not every word a common English word ("READ MORE", "WATCH"),
    no place ("ISLAMABAD", "NEW DELHI"); "DONALD TRUMP" and "BILL WHITAKER" are names."""
    words = [w.title() for w in label.split()]
    return not all(cues.is_common(w) for w in words) and not any(cues.places.is_place(w) for w in words) \
        and not cues.places.is_place(" ".join(words))


def turns(text: str, paragraphs: list[tuple[int, int, int]], cues: NameCues) -> list[Turn]:
    """The turns of a transcript in ``text`` (``paragraphs``: ``(paragraph_no, start, end)`` in
    order), or ``[]`` when the article is no transcript."""
    labelled = [(i, m) for i, (_, p0, p1) in enumerate(paragraphs) if (m := LABEL.match(text, p0, p1))
                and _is_name(m[1], cues)]
    if len(labelled) < _MIN_TURNS or len({m[1] for _, m in labelled}) < _MIN_SPEAKERS:
        return []
    full: dict[str, str] = {}  # surname -> the full label it shortens ("FAIRBANKS" -> "ODILE FAIRBANKS")
    for _, m in labelled:
        full.setdefault(m[1].split()[-1], m[1])
    host = full[labelled[0][1][1].split()[-1]]
    out = []
    for n, (i, m) in enumerate(labelled):
        last = labelled[n + 1][0] if n + 1 < len(labelled) else i + 1
        label = full.get(m[1].split()[-1], m[1]) if len(m[1].split()) == 1 else m[1]
        out.append(Turn(m.start(1), m.end(1), m.end(), paragraphs[last - 1][2],
                        tuple(p[0] for p in paragraphs[i:last]), m[1].title(), label == host or _staff(text, label)))
    return out


def _staff(text: str, label: str) -> bool:
    """Whether the text introduces the labelled person as the outlet's: "correspondent Theo
    Lindqvist", "Marketplace's Theo Lindqvist has more", "I'm Theo Lindqvist"."""
    for m in re.finditer(r"(?i)\b" + re.escape(label.title()) + r"\b", text):
        if _STAFF_BEFORE.search(text, max(0, m.start() - 20), m.start()) \
                or re.match(r"\s+(?:has\s+more|reports)\b", text[m.end():m.end() + 20]) \
                or text[max(0, m.start() - 4):m.start()] in ("I'm ", "I’m "):
            return True
    return False


def by_article(corpus, cues: NameCues) -> dict[str, list[Turn]]:
    """The turns of each transcript of ``corpus`` (a :class:`helpers.corpus.Corpus`), by article."""
    p = corpus.paragraphs.sort_values(["article_id", "paragraph_no"])
    rows: dict[str, list[tuple[int, int, int]]] = {}
    for aid, no, a, b in zip(p["article_id"], p["paragraph_no"], p["start"], p["end"]):
        rows.setdefault(aid, []).append((int(no), int(a), int(b)))
    return {aid: found for aid, paras in rows.items() if (found := turns(corpus.texts[aid], paras, cues))}


def read_labels(corpus, found: list, cues: NameCues) -> list:
    """``found`` (:mod:`helpers.parties`' ``(article, sentence_no, Name, mentions)`` rows) with each
    transcript label read as its speaker's name in title case: a person ("ODILE FAIRBANKS"), or one
    word that names one ("FAIRBANKS"), in place of what the capitals were read as."""
    labels = {(aid, t.start): t for aid, ts in by_article(corpus, cues).items() for t in ts}
    if not labels:
        return found
    s = corpus.sentences
    sentence_of = dict(zip(zip(s["article_id"], s["start"]), s["sentence_no"]))  # a label opens its sentence
    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, t in ((aid, t) for (aid, _), t in labels.items()):
        spans.setdefault(aid, []).append((t.start, t.label_end))
    out = [row for row in found if not any(a <= row[2].start < b for a, b in spans.get(row[0], ()))]
    for (aid, start), t in sorted(labels.items()):
        if (aid, start) in sentence_of:
            out.append((aid, int(sentence_of[(aid, start)]), Name(start, t.label_end, t.name, "person" if " " in t.name
                                                                  else "person_ref", "person"), []))
    return out
