"""Open-world parties: every named person and organisation in the text is a party of the
analysis. The gazetteer's reviewed rows win; any other name becomes a *provisional* party
(``reviewed`` False) with a type read from its cues and an affiliation from its titles and
appositions (:mod:`helpers.names`).

:func:`open_world` returns an :class:`OpenWorld` of three frames:

``parties``
    The gazetteer's columns (``stakeholder_id, name, label, type, country, role_in_deal, aliases,
    source``) for every reviewed row and every provisional party, plus ``reviewed``, ``title``,
    ``affiliation``, ``articles`` (naming it), ``first_article``, ``evidence`` (the first sentence
    naming it). A provisional row is ready to paste into the gazetteer: its id is ``p_`` and the
    slug of its canonical name (stable: the same name gives the same id in any corpus), its aliases
    the forms seen, its source ``corpus: <article label> '<sentence excerpt>'``; its country comes
    from the places and demonyms in its name, title and affiliation, and its role in the deal is a
    placeholder by type (a reviewer's to set).
``mentions``
    :data:`helpers.mentions.MENTION_COLUMNS`, reviewed and provisional together: the gazetteer's
    mentions (lengthened where a name extends one: "Walmart Inc"; dropped where a longer name
    holds one: "U.S." in "U.S. Senate") and one per provisional name.
``set_aside``
    ``article_id, sentence_no, start, end, name, kind``: the capitalised names that are not parties
    (places, demonyms, weekdays and months, products, terms, acronyms, common words, credits).

How forms merge (one article, then the corpus):

- a person's names merge by their words: "Treasury Secretary Steven Mnuchin", "Steven Mnuchin",
  "Mnuchin", "Mr. Mnuchin" are one person; a lone word that is a given name or surname of one
  person named in the article is that person (of several, the one named last before it); of none
  in the article, the one person in the corpus with that surname. A person is never merged into a
  place, a country or an institution, nor an organisation into a person;
- an organisation word alone ("the Committee", "the Administration") is the party named last
  before it whose name holds that word; an acronym in parentheses after a name whose initials it
  spells ("China Global Television Network (CGTN)") is that party;
- across articles, persons by given name and surname ("Donald J. Trump" is "Donald Trump"),
  organisations by name less a trailing legal form ("Tencent Holdings" is "Tencent") and, when two
  words or more remain, a leading place or demonym ("US Commerce Department" is "Commerce
  Department"; "China Daily" stays itself); a provisional name that is a gazetteer alias is the
  gazetteer's party.

Reading a paragraph is remembered for the call (``MEMO_MAX`` paragraphs): the same paragraph with
the same gazetteer mentions reads the same again (a wire story in two outlets, a boilerplate line).
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import groupby

import pandas as pd
from nameparser import HumanName

from helpers import transcripts
from helpers.corpus import Corpus
from helpers.mentions import MENTION_COLUMNS, alias_owners
from helpers.namekinds import ACRONYM, FUNCTION_WORDS, Name, NameCues, bare
from helpers.names import read_names, title_case
from helpers.pinyin import family_name
from helpers.segment import quote_spans
from helpers.tables import alias_key

PARTY_COLUMNS = ["stakeholder_id", "name", "label", "type", "country", "role_in_deal", "aliases", "source", "reviewed",
                 "title", "affiliation", "articles", "first_article", "first_sentence_no", "evidence"]
GAZETTEER_COLUMNS = ["stakeholder_id", "name", "label", "type", "country", "role_in_deal", "aliases", "source"]
SET_ASIDE_COLUMNS = ["article_id", "sentence_no", "start", "end", "name", "kind"]
NOT_PARTIES = ("place", "demonym", "calendar", "thing", "platform", "term", "acronym", "common", "credit")
# A placeholder role for a provisional party, by type (the gazetteer needs one; a reviewer sets it).
PLACEHOLDER_ROLE = {"government body": "regulator", "media outlet": "commentator", "organisation": "commentator",
                    "company": "affected party", "person": "commentator"}
PROVISIONAL_PREFIX = "p_"
_NAME_WORDS = re.compile(r"[\w’'-]+")
MEMO_MAX = 100_000  # paragraphs remembered while reading a corpus (the memo lives for one call)


@dataclass
class OpenWorld:
    """The parties (reviewed and provisional), their mentions, and the names set aside."""

    parties: pd.DataFrame
    mentions: pd.DataFrame
    set_aside: pd.DataFrame


# Latin letters NFKD does not take apart into a base letter and an accent
_UNDECOMPOSED = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ß": "ss", "Æ": "AE",
                               "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th", "ı": "i"})


def slug(name: str) -> str:
    """A lower_snake_case ASCII id piece of a name: accents dropped ("Élise" -> "elise"), dots and
    apostrophes dropped, other non-letters joined."""
    s = unicodedata.normalize("NFKD", re.sub(r"[.’']", "", name).translate(_UNDECOMPOSED))
    s = s.encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_") or "x"


@functools.lru_cache(maxsize=4096)  # nameparser is the slow part of merging; names recur across articles
def _person_key(name: str) -> str:
    """Given name and surname of a person's name, for merging across articles ("Donald J. Trump")."""
    if family_name(name.split()) != name.split()[-1]:
        return slug(name)  # written family name first ("Ma Lin", "Winston Lau Ka-ming"): nameparser would misread it
    h = HumanName(name)
    first, last = h.first, h.last
    return slug(f"{first} {last}" if first and last else (last or first or name))


def open_world(corpus: Corpus, mentions: pd.DataFrame, gazetteer: pd.DataFrame, cues: pd.DataFrame) -> OpenWorld:
    """Every named person and organisation of the corpus as a party (see the module docstring)."""
    name_cues = NameCues.from_table(cues)
    gtype = dict(zip(gazetteer["stakeholder_id"], gazetteer["type"]))
    owners = alias_owners(gazetteer)
    labels = dict(zip(corpus.articles["article_id"], corpus.articles["label"]))
    m = mentions.sort_values(["article_id", "start"])
    s = corpus.sentences.sort_values(["article_id", "sentence_no"])
    placed = m.merge(s[["article_id", "sentence_no", "paragraph_no"]], on=["article_id", "sentence_no"], how="left")
    kinds = placed["stakeholder_id"].map(gtype).fillna("")
    ms = list(zip(*(placed[c].to_numpy().tolist() for c in ("article_id", "paragraph_no", "start", "end",
                                                             "stakeholder_id")), kinds.to_numpy().tolist()))
    found: list[tuple[str, int, Name, list]] = []
    memo: dict[tuple, list] = {}
    texts, at = corpus.texts, 0
    rows = zip(*(s[c].to_numpy().tolist() for c in ("article_id", "sentence_no", "paragraph_no", "start", "end",
                                                    "paragraph_kind")))
    for (aid, pno), sentences in groupby(rows, key=lambda r: (r[0], r[2])):
        sentences = list(sentences)
        p0, p1, kind = sentences[0][3], sentences[-1][4], sentences[0][5]
        while at < len(ms) and (ms[at][0], ms[at][1]) < (aid, pno):
            at += 1
        here = at
        while at < len(ms) and ms[at][0] == aid and ms[at][1] == pno:
            at += 1
        inside = [(a - p0, b - p0, sid, t) for _, _, a, b, sid, t in ms[here:at]]
        key = (texts[aid][p0:p1], kind == "headline" or (pno == 1 and title_case(texts[aid][p0:p1], 1.0)),
               tuple((a - p0, b - p0) for _, _, _, a, b, _ in sentences),
               tuple((a, b, t) for a, b, _, t in inside))
        read = memo.get(key)
        if read is None:  # a paragraph read once reads the same again (wire copies, boilerplate, repeats)
            read = _read_paragraph(key[0], key[1], key[2], inside, name_cues)
            if len(memo) < MEMO_MAX:
                memo[key] = read
        for k, n, within in read:
            found.append((aid, sentences[k][1], Name(n.start + p0, n.end + p0, n.name, n.kind, n.party_type, n.title,
                                                      n.affiliation, n.absorbs, n.extends, n.weak),
                          [(x + p0, y + p0, sid, t) for x, y, sid, t in within]))
    return _resolve(corpus, m, gazetteer, transcripts.read_labels(corpus, found, name_cues), name_cues, owners, labels)


def _read_paragraph(text: str, headline: bool, bounds, mentions, cues: NameCues) -> list[tuple[int, Name]]:
    """The names of one paragraph's sentences (offsets relative to the paragraph), with each one's
    sentence index and the gazetteer's mentions of that sentence (to which a name's ``absorbs`` and
    ``extends`` point)."""
    quoted = [(a, b) for a, b, _, _ in quote_spans(text, 0, len(text))]
    quote_starts = [a for a, _ in quoted]  # sorted, as quote_spans gives them
    starts = [a for a, _, _, _ in mentions]
    out = []
    for k, (s0, s1) in enumerate(bounds):
        i, j = bisect.bisect_left(quote_starts, s0), bisect.bisect_left(quote_starts, s1)
        # those opening in the sentence, and the few opened before it that may run into it
        spans = [q for q in quoted[max(0, i - 8):j] if q[1] > s0]
        within = mentions[bisect.bisect_left(starts, s0):bisect.bisect_left(starts, s1)]
        out += [(k, n, within) for n in read_names(text, s0, s1, within, cues, spans, headline)]
    return out


@dataclass(slots=True)
class _Occurrence:
    article_id: str
    sentence_no: int
    start: int
    end: int
    surface: str
    key: str = ""  # the party it belongs to: a gazetteer id, or a provisional key "person:..." / "org:..."
    title: str = ""
    affiliation: str = ""
    party_type: str = ""


def _resolve(corpus, mentions, gazetteer, found, cues: NameCues, owners: dict[str, str], labels) -> OpenWorld:
    gtype = dict(zip(gazetteer["stakeholder_id"], gazetteer["type"]))
    dropped: set[tuple[str, int]] = set()  # gazetteer mentions (article, start) absorbed by longer names
    extended: dict[tuple[str, int], tuple[int, int]] = {}
    occurrences: list[_Occurrence] = []
    aside = []
    refs: list[tuple[_Occurrence, str]] = []  # one-word references, resolved once every article is read
    things = {slug(n.name) for _, _, n, _ in found if n.kind in ("thing", "term")}
    # a surname that is also a place or a title ("Mendoza", "Lau", "Shah") is the person where the article names one so
    surnames = {(aid, family_name(n.name.split())) for aid, _, n, _ in found
                if n.kind == "person" and len(n.name.split()) > 1}  # a Chinese family name comes first: "Ma" of "Ma Lin"
    for aid, no, name, inside in found:
        named_here = " " not in name.name and (aid, name.name) in surnames
        if name.kind in ("place", "common", "thing") and named_here \
                and not _PLACE_PREPOSITION.search(corpus.texts[aid], max(0, name.start - 8), name.start):
            name.kind = "person_ref"  # (and "The executive order Biden signed", after "President Joe Biden")
        if (name.weak or name.kind == "person_ref") and slug(name.name) in things and not named_here:
            name.kind = "thing"  # named as a product or a term elsewhere, with no cue of a party here
        if name.kind == "credit":  # a dateline names a place and a wire, not a party: "BEIJING (Reuters) -"
            dropped.update((aid, m[0]) for m in inside if m[0] < name.end and name.start < m[1])
        if name.kind in NOT_PARTIES:
            aside.append({"article_id": aid, "sentence_no": no, "start": name.start, "end": name.end, "name": name.name,
                          "kind": name.kind})
            continue
        if name.kind == "extends":
            extended[(aid, inside[name.extends][0])] = (name.start, name.end)
            continue
        dropped.update((aid, inside[k][0]) for k in name.absorbs)
        occ = _Occurrence(aid, no, name.start, name.end, name.name, title=name.title, affiliation=name.affiliation,
                          party_type=name.party_type)
        owner = owners.get(alias_key(name.name))
        if owner is not None and not (gtype.get(owner) == "place" and name.kind == "organisation"):  # (a place acting)
            occ.key = owner
        elif name.kind == "person" and len(name.name.split()) > 1:
            occ.key = "person:" + _person_key(name.name)
        elif name.kind == "organisation":  # a country's government by the country's name ("U.S.", "US": United States)
            occ.key = "org:" + _org_key(name.affiliation if cues.places.is_country(name.name) else name.name, cues)
        else:  # person_ref, org_ref, a titled one-word person: resolved below
            refs.append((occ, name.kind))
        occurrences.append(occ)
    base = _base_mentions(corpus, mentions, dropped, extended)
    # the gazetteer's mentions a one-word reference may point to (its article's), and those an
    # acronym in parentheses may follow ("China Global Television Network (CGTN)")
    defining = {(a["article_id"], a["start"] - 2) for a in aside if a["kind"] == "acronym"
                and corpus.texts[a["article_id"]][a["start"] - 2:a["start"]] == " ("}
    near = base[base["article_id"].isin({o.article_id for o, _ in refs})
                | pd.MultiIndex.from_arrays([base["article_id"], base["end"]]).isin(list(defining))]
    context = [_Occurrence(aid, no, s0, s1, surface, sid, "", "", gtype.get(sid, ""))
               for aid, no, s0, s1, surface, sid in zip(*(near[c].to_numpy().tolist() for c in MENTION_COLUMNS[1:]))]
    persons = base.loc[base["stakeholder_id"].isin([k for k, t in gtype.items() if t == "person"]),
                       ["surface", "stakeholder_id"]].drop_duplicates()
    _resolve_references(refs, occurrences + context, gtype,
                        list(zip(persons["surface"].to_numpy().tolist(), persons["stakeholder_id"].to_numpy().tolist())))
    _acronyms(corpus, aside, occurrences + [o for o in context if (o.article_id, o.end) in defining], occurrences)
    aside = [a for a in aside if a.get("kind") != "resolved"]
    ids = party_ids({o.key for o in occurrences} | set(base["stakeholder_id"].unique().tolist()),
                    set(gazetteer["stakeholder_id"]))
    provisional = pd.DataFrame({"article_id": [o.article_id for o in occurrences],
                                "sentence_no": [o.sentence_no for o in occurrences],
                                "start": [o.start for o in occurrences], "end": [o.end for o in occurrences],
                                "surface": [o.surface for o in occurrences],
                                "stakeholder_id": [ids[o.key] for o in occurrences]}, columns=MENTION_COLUMNS[1:])
    ints = {"sentence_no": "int64", "start": "int64", "end": "int64"}
    every = pd.concat([base.astype(ints), provisional.astype(ints)], ignore_index=True) \
        .sort_values(["article_id", "start"], kind="stable")
    every.insert(0, "mention_id", every["article_id"].astype(str) + ":" + every["start"].astype(str))  # no two overlap
    every = every.drop_duplicates("mention_id")
    table = _party_table(every.reset_index(drop=True), occurrences, gazetteer, corpus, labels, cues, ids)
    return OpenWorld(table, every.reset_index(drop=True),
                     pd.DataFrame(aside, columns=SET_ASIDE_COLUMNS).sort_values(["article_id", "start"])
                     .reset_index(drop=True))


def _base_mentions(corpus: Corpus, mentions: pd.DataFrame, dropped, extended) -> pd.DataFrame:
    """The gazetteer's mentions less those a longer name absorbed, lengthened where a name extends them."""
    base = mentions[MENTION_COLUMNS[1:]]
    if dropped:
        at = pd.MultiIndex.from_arrays([base["article_id"], base["start"]])
        base = base[~at.isin(list(dropped))]
    base = base.copy()
    if extended:
        at = pd.MultiIndex.from_arrays([base["article_id"], base["start"]])
        for i in [int(i) for i in (at.isin(list(extended))).nonzero()[0]]:
            aid, s0 = base.iat[i, 0], int(base.iat[i, 2])
            new0, new1 = extended[(aid, s0)]
            base.iat[i, 2], base.iat[i, 3], base.iat[i, 4] = new0, new1, corpus.texts[aid][new0:new1]
    return base


def _org_key(name: str, cues: NameCues) -> str:
    """An organisation's name less a leading place or demonym and a trailing legal form ("US Commerce
    Department" is "Commerce Department", "Tencent Holdings" is "Tencent")."""
    words = name.split()
    while len(words) > 2 and (cues.places.is_place(words[0]) or cues.places.is_demonym(words[0])
                              or words[0].lower() in FUNCTION_WORDS):
        words = words[1:]
    while len(words) > 1 and cues.org_type(words[-1]) == "company" and _LEGAL_FORM.fullmatch(words[-1]):
        words = words[:-1]
    return slug(" ".join(words))


# before a surname that is also a place, the prepositions of a place only: not namekinds' wider list,
# whose "for", "of", "by" also stand before people ("For Mendoza, the calculation is simple")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|from|near|to|at|outside)\s+$")
_LEGAL_FORM = re.compile(r"(?i)inc\.?|incorporated|corp\.?|corporation|co\.|ltd\.?|limited|llc|plc|holdings|group")


def _resolve_references(refs, every: list[_Occurrence], gtype: dict[str, str],
                        reviewed_persons: list[tuple[str, str]]) -> None:
    """One-word names: a person's given name or surname, an organisation word, else a party of its
    own. Each is looked up in an index of the article's named parties by word (linear overall)."""
    surname_corpus: dict[str, set[str]] = defaultdict(set)
    for surface, key in set(reviewed_persons) | {(o.surface, o.key) for o in every if o.key.startswith("person:")}:
        words = [w for w in _NAME_WORDS.findall(surface) if len(w) > 1]
        if words:
            surname_corpus[words[-1].casefold()].add(key)
    persons: dict[tuple[str, str], list[tuple[int, _Occurrence]]] = defaultdict(list)
    organisations: dict[tuple[str, str], list[tuple[int, _Occurrence]]] = defaultdict(list)
    for o in sorted((o for o in every if o.key), key=lambda o: (o.article_id, o.start)):
        person = o.key.startswith("person:") or gtype.get(o.key) == "person" or o.party_type == "person"
        if person or gtype.get(o.key) not in ("place", "public"):
            index = persons if person else organisations
            for w in {w.casefold() for w in _NAME_WORDS.findall(o.surface)}:
                index[(o.article_id, w)].append((o.start, o))
    for occ, kind in refs:
        word = occ.surface.split()[-1].casefold()
        if kind in ("person_ref", "person"):
            same = persons.get((occ.article_id, word), [])
            i = bisect.bisect_left(same, occ.start, key=lambda e: e[0])
            pick = same[i - 1][1] if i else (same[0][1] if same else None)  # the one named last before, else after
            if pick is not None:
                occ.key, occ.party_type = pick.key, "person"
                occ.title = occ.title or pick.title
                continue
            corpus_wide = surname_corpus.get(word, set())
            if len(corpus_wide) == 1:
                occ.key, occ.party_type = next(iter(corpus_wide)), "person"
                continue
            if kind == "person":  # "Secretary Mnuchin", no one else so named: a person, whom a later "Mnuchin" is
                occ.key, occ.party_type = "person:" + slug(occ.surface), "person"
                bisect.insort(persons[(occ.article_id, word)], (occ.start, occ), key=lambda e: e[0])
                continue
            occ.key, occ.party_type = "org:" + slug(occ.surface), occ.party_type or "organisation"
        else:  # an organisation word alone: the party named last before it whose name holds the word
            named = organisations.get((occ.article_id, word), [])
            i = bisect.bisect_left(named, occ.start, key=lambda e: e[0])
            if i:
                occ.key, occ.party_type = named[i - 1][1].key, named[i - 1][1].party_type
            else:
                occ.key = "org:" + slug(occ.surface)
        if not occ.key.startswith("person:"):
            for w in {w.casefold() for w in _NAME_WORDS.findall(occ.surface)}:
                bisect.insort(organisations[(occ.article_id, w)], (occ.start, occ), key=lambda e: e[0])


def _acronyms(corpus: Corpus, aside: list[dict], every: list[_Occurrence], occurrences: list[_Occurrence]) -> None:
    """"China Global Television Network (CGTN)": the acronym is a form of the party it follows."""
    by_end = {(o.article_id, o.end): o for o in every if o.key}
    defined: dict[tuple[str, str], _Occurrence] = {}
    for a in aside:
        if a["kind"] != "acronym":
            continue
        text = corpus.texts[a["article_id"]]
        owner = by_end.get((a["article_id"], a["start"] - 2)) if text[a["start"] - 2:a["start"]] == " (" else None
        if owner is None:
            owner = defined.get((a["article_id"], a["name"]))
            if owner is None:
                continue
        else:
            if _initials(owner.surface) != a["name"].replace(".", "").upper():
                continue
            defined[(a["article_id"], a["name"])] = owner
        occurrences.append(_Occurrence(a["article_id"], a["sentence_no"], a["start"], a["end"], a["name"],
                                       key=owner.key, party_type=owner.party_type))
        every.append(occurrences[-1])
        a["kind"] = "resolved"
    # an acronym read as an organisation of its own ("(PTA) on Friday blocked", "the PTA said") joins the
    # party it was defined after, there and later in the article
    for o in sorted((o for o in occurrences if o.key.startswith("org:") and ACRONYM.fullmatch(o.surface)),
                    key=lambda o: (o.article_id, o.start)):
        text = corpus.texts[o.article_id]
        owner = by_end.get((o.article_id, o.start - 2)) if text[o.start - 2:o.start] == " (" else None
        if owner is not None and _initials(owner.surface) == o.surface.replace(".", "").upper():
            defined[(o.article_id, o.surface)] = owner
        owner = defined.get((o.article_id, o.surface))
        if owner is not None and owner is not o:
            o.key, o.party_type = owner.key, owner.party_type


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper() and w.lower() not in FUNCTION_WORDS).upper()


def party_ids(keys: set[str], reviewed: set[str]) -> dict[str, str]:
    """Each key's id: a gazetteer id as it is; a provisional key as ``p_<slug>``, and where two
    keys (a person and an organisation) or a gazetteer id share that, ``_2``, ``_3``... in the
    order of their keys (persons first)."""
    ids, taken = {}, set(reviewed)
    for key in sorted(keys, key=lambda k: (not k.startswith("person:"), k)):
        if not key.startswith(("person:", "org:")):
            ids[key] = key
            continue
        base = PROVISIONAL_PREFIX + key.split(":", 1)[1]
        pid, n = base, 1
        while pid in taken:
            n += 1
            pid = f"{base}_{n}"
        ids[key] = pid
        taken.add(pid)
    return ids


def _party_table(mentions: pd.DataFrame, occurrences: list[_Occurrence], gazetteer: pd.DataFrame, corpus: Corpus,
                 labels: dict[str, str], cues: NameCues, ids: dict[str, str]) -> pd.DataFrame:
    texts = corpus.texts
    firsts = mentions.drop_duplicates("stakeholder_id").set_index("stakeholder_id")
    n_articles = mentions.groupby("stakeholder_id")["article_id"].nunique()
    wanted = firsts[["article_id", "sentence_no"]].drop_duplicates()
    texts_of = wanted.merge(corpus.sentences[["article_id", "sentence_no", "text"]], on=["article_id", "sentence_no"])
    sentences = dict(zip(zip(texts_of["article_id"].tolist(), texts_of["sentence_no"].tolist()),
                         texts_of["text"].tolist()))

    def where(sid: str) -> dict:
        if sid not in firsts.index:
            return {"articles": 0, "first_article": "", "first_sentence_no": 0, "evidence": ""}
        f = firsts.loc[sid]
        return {"articles": int(n_articles[sid]), "first_article": f["article_id"],
                "first_sentence_no": int(f["sentence_no"]), "evidence": sentences.get((f["article_id"], f["sentence_no"]), "")}

    rows = [{"stakeholder_id": g.stakeholder_id, "name": g.name, "label": g.label, "type": g.type,
             "country": g.country, "role_in_deal": g.role_in_deal, "aliases": g.aliases, "source": g.source,
             "reviewed": True, "title": "", "affiliation": "", **where(g.stakeholder_id)}
            for g in gazetteer.itertuples(index=False)]
    by_key: dict[str, list[_Occurrence]] = defaultdict(list)
    for o in occurrences:
        by_key[o.key].append(o)
    claimed = set(alias_owners(gazetteer))  # the reviewed parties' aliases: no provisional row may claim one
    for key in sorted(k for k in by_key if k.startswith(("person:", "org:"))):
        occ = by_key[key]
        person = key.startswith("person:")
        forms = Counter(o.surface for o in occ)
        full = [f for f in forms if len(f.split()) > 1] or list(forms)
        ranked = sorted(((len(f.split()), forms[f], f) if person else (forms[f], len(f), f)) for f in full)
        label = ranked[-1][2]  # a person's fullest name; an organisation's most frequent form
        types = Counter(o.party_type for o in occ if o.party_type and o.party_type != "organisation")
        party_type = "person" if person else (types.most_common(1)[0][0] if types else "organisation")
        titles = Counter(o.title for o in occ if o.title)
        affiliations = Counter(o.affiliation for o in occ if o.affiliation)
        title = titles.most_common(1)[0][0] if titles else ""
        affiliation = affiliations.most_common(1)[0][0] if affiliations else ""
        aliases = [f for f in sorted(forms, key=lambda f: (-len(f), f)) if alias_key(f) not in claimed]
        claimed |= {alias_key(f) for f in aliases}
        first = min(occ, key=lambda o: (o.article_id, o.start))
        excerpt = _excerpt(texts[first.article_id], first.start, first.end,
                           sentences.get((first.article_id, first.sentence_no), "")
                           or _sentence_text(corpus, first.article_id, first.sentence_no))
        rows.append({"stakeholder_id": ids[key], "name": label, "label": label, "type": party_type,
                     "country": _country(label, title, affiliation, cues), "role_in_deal": _role(party_type, title),
                     "aliases": "|".join(aliases) or label,
                     "source": f"corpus: {labels.get(first.article_id, first.article_id)} '{excerpt}'",
                     "reviewed": False, "title": title, "affiliation": affiliation, **where(ids[key])})
    frame = pd.DataFrame(rows, columns=PARTY_COLUMNS)
    return frame.astype({"reviewed": bool, "articles": "int64", "first_sentence_no": "int64"})


def _sentence_text(corpus: Corpus, aid: str, no: int) -> str:
    s = corpus.sentences
    hit = s[(s["article_id"] == aid) & (s["sentence_no"] == no)]
    return hit["text"].iloc[0] if len(hit) else ""


def _excerpt(text: str, start: int, end: int, sentence: str, width: int = 60) -> str:
    """The words around a name, at most ``2 * width`` characters, on one line."""
    at = sentence.find(text[start:end])
    at = max(at, 0)
    lo, hi = max(0, at - width), min(len(sentence), at + (end - start) + width)
    piece = sentence[lo:hi].replace("\n", " ").replace("'", "’")
    return ("…" if lo else "") + piece.strip() + ("…" if hi < len(sentence) else "")


def _country(label: str, title: str, affiliation: str, cues: NameCues) -> str:
    for text in (label, affiliation, title):
        for word in re.findall(r"[A-Z][\w.’']*", text):
            country = cues.places.country_of(bare(word))  # "Texas’s" is Texas, not "Texa"
            if country:
                return country
    return "unknown"


def _role(party_type: str, title: str) -> str:
    if party_type == "person" and re.search(r"(?i)secretary|minister|judge|senator|sen\.|president|spokes", title):
        return "regulator"
    return PLACEHOLDER_ROLE.get(party_type, "affected party")


def gazetteer_rows(parties: pd.DataFrame) -> pd.DataFrame:
    """The provisional parties as rows of ``data/reference/stakeholders.csv``, ready to paste there
    once reviewed: the gazetteer's columns, the id stable, the source the first sentence naming it.
    Their role in the deal is a placeholder by type (set it), their country read from their name."""
    provisional = parties[~parties["reviewed"].astype(bool)]
    return provisional[GAZETTEER_COLUMNS].sort_values("stakeholder_id").reset_index(drop=True)


def set_aside_summary(set_aside: pd.DataFrame) -> pd.DataFrame:
    """The names set aside, one row per article and name: ``article_id, name, kind, count,
    first_sentence_no`` (what ``stakeholder_candidates.csv`` holds)."""
    columns = ["article_id", "name", "kind", "count", "first_sentence_no"]
    if set_aside.empty:
        return pd.DataFrame(columns=columns)
    out = (set_aside.groupby(["article_id", "name", "kind"], sort=True)
           .agg(count=("start", "size"), first_sentence_no=("sentence_no", "min")).reset_index())
    return out[columns].astype({"count": "int64", "first_sentence_no": "int64"})
