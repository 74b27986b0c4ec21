"""Who is in the story: gazetteer, mentions, unknown names, typed relations and networks.

Frames (offsets are ``[start, end)`` into the raw article text):

``gazetteer`` (``data/reference/stakeholders.csv``)
    ``stakeholder_id, name, label`` (short, for charts), ``type, country, role_in_deal, aliases``
    (``|``-separated surface forms), ``source``.
``mentions`` (:func:`find_mentions`)
    ``article_id, sentence_no, start, end, surface, stakeholder_id``. One compiled regular
    expression over each article: aliases match as whole words (never inside another word), the
    longest alias wins where two overlap, possessives (``Trump's``) match their name, and case is
    ignored except for aliases written in capitals only (``US``, ``CNN``), which must match exactly
    so that the pronoun "us" is not the United States.
``candidates`` (:func:`find_candidates`)
    ``article_id, name, count, first_sentence_no, shape``: capitalised names, acronyms and
    @handles that no mention covers, for an analyst to add to the gazetteer.
``relations`` (:func:`find_relations`)
    ``article_id, sentence_no, start, end, source_id, relation, family, target_id, pattern_id,
    hedged, hedge_cues, evidence``: typed, directed ties from ``data/reference/relation_patterns.csv``.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from helpers.corpus import _QUOTE_PAIRS, _URL, Corpus
from helpers.errors import Problem
from helpers.outputs import counted, md_text

GAZETTEER_COLUMNS = ("stakeholder_id", "name", "label", "type", "country", "role_in_deal", "aliases", "source")
TYPES = ("company", "government body", "person", "media outlet", "commentator", "public", "place")
ROLES = ("seller", "bidder", "partner", "regulator", "decision-maker", "commentator", "affected party", "setting")
PATTERN_COLUMNS = ("pattern_id", "relation", "family", "pattern", "scope", "example", "source")
FAMILIES = ("conflict", "cooperation", "oversight", "affiliation")
HEDGE_COLUMNS = ("cue", "kind", "source")
MENTION_COLUMNS = ["article_id", "sentence_no", "start", "end", "surface", "stakeholder_id"]
CANDIDATE_COLUMNS = ["article_id", "name", "count", "first_sentence_no", "shape"]
RELATION_COLUMNS = ["article_id", "sentence_no", "start", "end", "source_id", "relation", "family", "target_id",
                    "pattern_id", "hedged", "hedge_cues", "evidence"]
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_WORD_START = re.compile(r"(?<![\w@])[\w@]")


# --------------------------------------------------------------------------------------------
# Gazetteer


def split_aliases(value: str) -> list[str]:
    """The ``|``-separated aliases of one gazetteer row, trimmed (empty ones kept, to be reported)."""
    return [a.strip() for a in str(value).split("|")]


@functools.lru_cache(maxsize=65536)
def alias_key(alias: str) -> str:
    """How aliases are compared: case-folded, white space collapsed, curly apostrophes straightened."""
    return re.sub(r"\s+", " ", alias.replace("’", "'")).strip().casefold()


def gazetteer_problems(gazetteer: pd.DataFrame, file: str) -> list[Problem]:
    """Duplicate ids, empty aliases, aliases claimed by two stakeholders, unknown type or role."""
    problems = [Problem(file, "(header)", f"missing required column {c!r}")
                for c in GAZETTEER_COLUMNS if c not in gazetteer.columns]
    if problems:
        return problems
    owner: dict[str, tuple[str, int]] = {}
    seen: dict[str, int] = {}
    for line, row in enumerate(gazetteer.itertuples(index=False), start=2):
        sid = row.stakeholder_id
        where = f"line {line} ({sid})"
        if not _ID.match(sid or ""):
            problems.append(Problem(file, f"{where}: stakeholder_id", "must be lower_snake_case"))
        if sid in seen:
            problems.append(Problem(file, f"{where}: stakeholder_id", f"duplicate id (first on line {seen[sid]})"))
        seen.setdefault(sid, line)
        if row.type not in TYPES:
            problems.append(Problem(file, f"{where}: type", f"{row.type!r} is not one of {', '.join(TYPES)}"))
        if row.role_in_deal not in ROLES:
            problems.append(Problem(file, f"{where}: role_in_deal", f"{row.role_in_deal!r} is not one of {', '.join(ROLES)}"))
        for alias in split_aliases(row.aliases):
            if not alias:
                problems.append(Problem(file, f"{where}: aliases", "empty alias (a doubled or trailing '|')"))
                continue
            key = alias_key(alias)
            if key in owner and owner[key][0] != sid:
                other, other_line = owner[key]
                problems.append(Problem(file, f"{where}: aliases",
                                        f"alias {alias!r} is also claimed by {other} (line {other_line})"))
            owner.setdefault(key, (sid, line))
    return problems


def load_gazetteer(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read and validate ``data/reference/stakeholders.csv``."""
    from helpers.reference import load_table

    return load_table("stakeholders", data_dir, GAZETTEER_COLUMNS, gazetteer_problems)


# --------------------------------------------------------------------------------------------
# Mentions


@dataclass(frozen=True)
class AliasMatcher:
    """One compiled expression for every alias, and the stakeholder behind each alias."""

    regex: re.Pattern
    owner: dict[str, str]

    @classmethod
    def from_gazetteer(cls, gazetteer: pd.DataFrame, by_first_letter: bool = True) -> AliasMatcher:
        """Aliases longest first, one alternation; all-capital aliases match their case only.

        ``by_first_letter`` groups the alternation by each alias's first letter, every group
        behind a lookahead for that letter, so that at each position only the aliases that can
        start there are tried: the same matches (a position's letter opens exactly one group, in
        which the order is kept), two to three times faster. It is used only when every alias
        starts with an ASCII character, where letter case maps one to one.
        """
        owner: dict[str, str] = {}
        exact: set[str] = set()
        for row in gazetteer.itertuples(index=False):
            for alias in split_aliases(row.aliases):
                if alias:
                    owner.setdefault(alias_key(alias), row.stakeholder_id)
                    if not any(ch.islower() for ch in alias):
                        exact.add(alias)
        aliases = sorted({a for r in gazetteer["aliases"] for a in split_aliases(r) if a},
                         key=lambda a: (-len(a), a))
        by_first_letter = by_first_letter and all(a[0].isascii() for a in aliases)
        groups: dict[str, list[str]] = {}
        for alias in aliases:
            body = r"\s+".join(re.sub(r"['’]", "['’]", re.escape(w)) for w in alias.split())
            groups.setdefault(alias[0].lower() if by_first_letter else "", []).append(
                f"(?-i:{body})" if alias in exact else body)
        if by_first_letter:
            first = "[" + "".join(map(re.escape, sorted(groups))) + "]"
            alternation = f"(?={first})(?:" + "|".join(f"(?={re.escape(letter)})(?:{'|'.join(parts)})"
                                                        for letter, parts in sorted(groups.items())) + ")"
        else:
            alternation = "|".join(groups.get("", []))
        regex = re.compile(r"(?<![\w@])(?:" + alternation + r")(?!\w)", re.IGNORECASE)
        return cls(regex, owner)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping alias spans of ``text``; where two overlap, the longer wins.

        The scan is leftmost-first (one pass of the compiled expression); a match is then checked
        for a longer alias that starts inside it ("the U.S. Department of the Treasury": "U.S." is
        not kept when "U.S. Department of the Treasury" is an alias), which replaces it.
        """
        out: list[tuple[int, int]] = []
        pos = 0
        regex = self.regex
        while True:
            m = regex.search(text, pos)
            if m is None:
                return out
            start, end = m.span()
            for inner in _WORD_START.finditer(text, start + 1, end):
                longer = regex.match(text, inner.start())
                if longer is not None and longer.end() - longer.start() > end - start:
                    start, end = longer.span()
                    break
            out.append((start, end))
            pos = end

    def owner_of(self, surface: str) -> str:
        return self.owner[alias_key(surface)]


def _sentence_index(sentences: pd.DataFrame) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    index = {}
    for aid, part in sentences.groupby("article_id", sort=True):
        index[aid] = (part["start"].to_numpy(), part["end"].to_numpy(), part["sentence_no"].to_numpy())
    return index


def find_mentions(corpus: Corpus, gazetteer: pd.DataFrame, matcher: AliasMatcher | None = None) -> pd.DataFrame:
    """Every gazetteer alias found in the sentences, with offsets that slice the raw text."""
    matcher = matcher or AliasMatcher.from_gazetteer(gazetteer)
    index = _sentence_index(corpus.sentences)
    aids, nos, starts, ends, surfaces, owners = [], [], [], [], [], []
    for aid in sorted(index):
        text = corpus.texts[aid]
        s_start, s_end, s_no = index[aid]
        spans = matcher.spans(text)
        if not spans:
            continue
        span_start = np.fromiter((sp[0] for sp in spans), dtype=np.int64, count=len(spans))
        span_end = np.fromiter((sp[1] for sp in spans), dtype=np.int64, count=len(spans))
        i = np.searchsorted(s_start, span_start, side="right") - 1
        keep = (i >= 0) & (span_end <= s_end[np.maximum(i, 0)])  # inside one sentence
        for k in np.flatnonzero(keep):
            start, end = spans[k]
            surface = text[start:end]
            aids.append(aid)
            nos.append(int(s_no[i[k]]))
            starts.append(start)
            ends.append(end)
            surfaces.append(surface)
            owners.append(matcher.owner_of(surface))
    return pd.DataFrame({"article_id": aids, "sentence_no": nos, "start": starts, "end": ends,
                         "surface": surfaces, "stakeholder_id": owners}, columns=MENTION_COLUMNS).astype(
        {"sentence_no": "int64", "start": "int64", "end": "int64"})


# --------------------------------------------------------------------------------------------
# Candidates: names the gazetteer does not know

_CAP = r"(?:[A-Z][\w’'&.-]*[\w.]|[A-Z])"
_NAME = re.compile(
    r"(?<![\w@])@\w{1,30}"                                    # handles
    r"|(?<![\w])" + _CAP + r"(?:\s+(?:of|the|de|for|and|&|von|van|al|bin)?\s*" + _CAP + r")*"
)
_NOT_NAMES = frozenset(
    "a an the this that these those it its he she they we i you our their his her my your if in on at by for "
    "from to of and or but so yet after before while when where since as although though however meanwhile "
    "both all any each every some many most no not also even just still only then there here what which who "
    "why how always never now today yesterday tomorrow according above below last next first second third "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr "
    "at least in fact that is".split()
)
# Words that introduce a person's name without being part of it ("Senator Josh Hawley").
_TITLES = frozenset(
    "president secretary senator sen. judge minister spokesman spokeswoman spokesperson ceo chairman chairwoman "
    "chair founder director governor gov. representative rep. ambassador chief executive professor prof. "
    "commissioner mayor premier vice deputy attorney".split()
)


@functools.lru_cache(maxsize=1)
def _brill_lexicon() -> dict[str, str]:
    """Word → first part-of-speech tag, from the Brill lexicon that ships with TextBlob (Brill 1994)."""
    import textblob

    path = Path(textblob.__file__).parent / "en" / "en-lexicon.txt"
    lexicon: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(";"):
            word, tag = line.split()[:2]
            lexicon.setdefault(word, tag)
    return lexicon


def _is_name_at_sentence_start(word: str) -> bool:
    """A capitalised single word opening a sentence is a name unless it is a common word:
    unknown to the lexicon (Huawei), or known only as a proper noun (Reuters)."""
    lexicon = _brill_lexicon()
    return word.lower() not in lexicon and (lexicon.get(word, "NNP").startswith("NNP"))


def _name_parts(words: list[str], cut_after: frozenset[int] = frozenset()) -> list[list[str]]:
    """Split a run of capitalised words into names: after the words in ``cut_after`` (a possessive
    before a known name: "Commerce Department's TikTok"), at "and" (unless the run is an "X of Y
    and Z" institution), and after a title, which is dropped; leading and trailing function words go."""
    cut = sorted(i + 1 for i in cut_after if i < len(words) - 1)
    if cut:
        return [p for c0, c1 in zip([0, *cut], [*cut, len(words)]) for p in _name_parts(words[c0:c1])]
    joined = " ".join(words)
    runs = [words]
    if " and " in f" {joined} " and " of " not in f" {joined} ":
        runs, current = [], []
        for w in words:
            if w == "and":
                runs.append(current)
                current = []
            else:
                current.append(w)
        runs.append(current)
    parts = []
    for run in runs:
        while run and run[0].casefold().strip(".") in _NOT_NAMES:
            run = run[1:]
        while run and run[-1].casefold().strip(".") in _NOT_NAMES:
            run = run[:-1]
        titles = [i for i, w in enumerate(run) if w.casefold() in _TITLES]
        if titles and titles[-1] < len(run) - 1:
            run = run[titles[-1] + 1:]
            while run and run[0].casefold().strip(".") in _NOT_NAMES:
                run = run[1:]
        if run and not all(w.casefold() in _TITLES for w in run):
            parts.append(run)
    return parts


def _shape(name: str) -> str:
    if name.startswith("@"):
        return "handle"
    if re.fullmatch(r"[A-Z0-9.&-]{2,}", name):
        return "acronym"
    return "multiword" if " " in name else "single"


def find_candidates(corpus: Corpus, mentions: pd.DataFrame) -> pd.DataFrame:
    """Capitalised names, acronyms and @handles in the sentences that the gazetteer does not know.

    Runs of capitalised words are split at "and" and after titles ("Senator Josh Hawley" gives
    "Josh Hawley"). A name that a mention covers is known; one that only contains a mention and
    adds capitalised words of its own ("South China Morning Post", "TikTok Global") is reported,
    since it is likely another party. A lone capitalised word opening a sentence counts only if
    it is not a common English word (TextBlob's Brill lexicon). Text inside URLs is skipped;
    month and weekday names are left to the timeline.
    """
    spans_by_article: dict[str, list[tuple[int, int]]] = {}
    for aid, s, e in mentions[["article_id", "start", "end"]].itertuples(index=False):
        spans_by_article.setdefault(aid, []).append((s, e))
    rows = []
    for r in corpus.sentences.itertuples(index=False):
        urls = [(u.start(), u.end()) for u in _URL.finditer(r.text)]
        known = spans_by_article.get(r.article_id, [])
        for m in _NAME.finditer(r.text):
            if any(us <= m.start() < ue for us, ue in urls):
                continue
            cursor = m.start()
            words = list(re.finditer(r"\S+", m.group(0)))
            cut_after = frozenset(
                i for i, w in enumerate(words[:-1])
                if w.group(0).endswith(("’s", "'s"))
                and any(s == r.start + m.start() + words[i + 1].start() for s, _ in known))
            for part in _name_parts([w.group(0) for w in words], cut_after):
                name = " ".join(part)
                at = r.text.index(part[0], cursor)
                cursor = at + len(part[0])
                name = name.rstrip(".")
                if name.endswith(("’s", "'s")):
                    name = name[:-2]
                if len(name) < 2:
                    continue
                start = r.start + at
                end = start + len(name)
                inside = [(s, e) for s, e in known if s < end and start < e]
                if inside:
                    outside = [w for w, off in _word_offsets(name, start)
                               if not any(s <= off < e for s, e in inside)]
                    if not any(w[:1].isupper() and w.casefold() not in _TITLES | _NOT_NAMES for w in outside):
                        continue
                at_start = r.text[: at].strip(" \"“‘'(—-") == ""
                if at_start and _shape(name) == "single" and not _is_name_at_sentence_start(name):
                    continue
                rows.append({"article_id": r.article_id, "name": name, "sentence_no": r.sentence_no})
    if not rows:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    frame = pd.DataFrame(rows)
    out = (frame.groupby(["article_id", "name"], sort=True)
           .agg(count=("sentence_no", "size"), first_sentence_no=("sentence_no", "min")).reset_index())
    out["shape"] = out["name"].map(_shape)
    return out[CANDIDATE_COLUMNS].astype({"count": "int64", "first_sentence_no": "int64"})


def _word_offsets(name: str, start: int) -> list[tuple[str, int]]:
    return [(w.group(0), start + w.start()) for w in re.finditer(r"\S+", name)]


def name_recall(corpus: Corpus, mentions: pd.DataFrame, candidates: pd.DataFrame,
                gold: dict[str, list[str]]) -> pd.DataFrame:
    """For hand-annotated names per article: is each one surfaced, as a mention or a candidate?

    A gold name is *found* when a mention overlaps it or a candidate of the same article
    contains it or is contained in it; it is found *exactly* when a mention or a candidate has
    exactly its words. Returns ``article_id, name, found, exact, as``.
    """
    rows = []
    for aid, names in sorted(gold.items()):
        text = corpus.texts[aid]
        m = mentions[mentions["article_id"] == aid]
        cands = set(candidates.loc[candidates["article_id"] == aid, "name"])
        for name in names:
            spans = [(x.start(), x.end()) for x in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)]
            by_mention = any(((m["start"] < e) & (m["end"] > s)).any() for s, e in spans)
            by_candidate = any(name in c or c in name for c in cands)
            exact = name in cands or any(((m["start"] == s) & (m["end"] == e)).any() for s, e in spans)
            rows.append({"article_id": aid, "name": name, "found": by_mention or by_candidate, "exact": exact,
                         "as": "mention" if by_mention else "candidate" if by_candidate else "missed"})
    return pd.DataFrame(rows, columns=["article_id", "name", "found", "exact", "as"])


# --------------------------------------------------------------------------------------------
# Relations

_SLOT = {"A": r"⟨(?P<a>\d+)⟩", "B": r"⟨(?P<b>\d+)⟩", "X": r"⟨\d+⟩"}


def compile_pattern(pattern: str) -> re.Pattern:
    """A relation pattern: a regular expression over a sentence whose mentions read ``{A}``,
    ``{B}`` (the two ends) or ``{X}`` (any other stakeholder)."""
    if "{A}" not in pattern or "{B}" not in pattern:
        raise ValueError("a relation pattern needs both {A} and {B}")
    body = pattern
    for slot, regex in _SLOT.items():
        body = body.replace("{" + slot + "}", regex)
    return re.compile(body, re.IGNORECASE)


def pattern_problems(patterns: pd.DataFrame, file: str) -> list[Problem]:
    problems = [Problem(file, "(header)", f"missing required column {c!r}")
                for c in PATTERN_COLUMNS if c not in patterns.columns]
    if problems:
        return problems
    for line, row in enumerate(patterns.itertuples(index=False), start=2):
        if row.family not in FAMILIES:
            problems.append(Problem(file, f"line {line}: family", f"{row.family!r} is not one of {', '.join(FAMILIES)}"))
        if row.scope not in ("sentence", "paragraph"):
            problems.append(Problem(file, f"line {line}: scope", f"{row.scope!r} is not sentence or paragraph"))
        try:
            compile_pattern(row.pattern)
        except (ValueError, re.error) as exc:
            problems.append(Problem(file, f"line {line} ({row.pattern_id}): pattern", str(exc)))
    return problems


def load_patterns(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read and validate ``data/reference/relation_patterns.csv``."""
    from helpers.reference import load_table

    return load_table("relation_patterns", data_dir, PATTERN_COLUMNS, pattern_problems)


def load_hedge_cues(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read ``data/reference/hedge_cues.csv`` (cue, kind, source)."""
    from helpers.reference import load_table

    return load_table("hedge_cues", data_dir, required=HEDGE_COLUMNS)


def hedge_regex(cues: pd.DataFrame) -> re.Pattern:
    """One expression that finds any hedge cue as whole words."""
    words = sorted(cues["cue"], key=lambda c: (-len(c), c))
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, c.split())) for c in words) + r")(?!\w)",
                      re.IGNORECASE)


def _masked(text: str, offset: int, spans: list[tuple[int, int, str]]) -> tuple[str, list[str]]:
    """``text`` with each mention replaced by ``⟨i⟩``; returns it and the ids in order."""
    out, ids, pos = [], [], offset
    for s, e, sid in spans:
        if s < pos:
            continue
        out.append(text[pos - offset:s - offset])
        out.append(f"⟨{len(ids)}⟩")
        ids.append(sid)
        pos = e
    out.append(text[pos - offset:])
    return "".join(out), ids


def _clause_before(masked: str, position: int) -> str:
    """The part of the sentence before ``position`` (from the last sentence break, for paragraph scope)."""
    head = masked[:position]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    return head[cut + 1:] if cut >= 0 else head


def find_relations(corpus: Corpus, mentions: pd.DataFrame, patterns: pd.DataFrame, cues: pd.DataFrame) -> pd.DataFrame:
    """Typed, directed relations between stakeholders, each with its evidence and a hedge flag.

    Patterns of scope ``sentence`` read one sentence; ``paragraph`` patterns read a whole
    paragraph (for ties a writer spreads over two sentences). A relation is *hedged* when the
    matched words hold a hedge cue ("would have chosen") or a conditional or reported frame
    precedes them in the sentence ("If ...", "According to the report, ...").
    """
    compiled = [(r.pattern_id, r.relation, r.family, r.scope, compile_pattern(r.pattern)) for r in patterns.itertuples()]
    hedges = hedge_regex(cues)
    framing = hedge_regex(cues[cues["kind"].isin(["conditional", "reported"])])
    by_article = {}
    for aid, part in mentions.sort_values(["article_id", "start"]).groupby("article_id", sort=False):
        by_article[aid] = (part["start"].to_numpy(), list(zip(part["start"], part["end"], part["stakeholder_id"])))
    s = corpus.sentences
    units = list(zip(repeat("sentence"), s["article_id"].tolist(), s["sentence_no"].tolist(),
                     s["start"].tolist(), s["end"].tolist(), s["text"].tolist()))
    if any(scope == "paragraph" for _, _, _, scope, _ in compiled):
        para_first = corpus.sentences.groupby(["article_id", "paragraph_no"])["sentence_no"].min()
        p = corpus.paragraphs
        firsts = [int(para_first.get(key, 0)) for key in zip(p["article_id"], p["paragraph_no"])]
        units += list(zip(repeat("paragraph"), p["article_id"], firsts, p["start"], p["end"], p["text"]))
    rows = []
    for scope, aid, sentence_no, start, end, text in units:
        if aid not in by_article:
            continue
        starts, spans = by_article[aid]
        lo, hi = np.searchsorted(starts, start), np.searchsorted(starts, end)
        inside = [sp for sp in spans[lo:hi] if sp[1] <= end]
        if len({sp[2] for sp in inside}) < 2:
            continue
        masked, ids = _masked(text, start, inside)
        for pattern_id, relation, family, pattern_scope, regex in compiled:
            if pattern_scope != scope:
                continue
            for m in regex.finditer(masked):
                a, b = ids[int(m["a"])], ids[int(m["b"])]
                if a == b:
                    continue
                found = sorted({h.group(0).casefold() for h in hedges.finditer(masked, m.start(), m.end())}
                               | {h.group(0).casefold() for h in framing.finditer(_clause_before(masked, m.start()))})
                rows.append({"article_id": aid, "sentence_no": int(sentence_no), "start": int(start), "end": int(end),
                             "source_id": a, "relation": relation, "family": family, "target_id": b,
                             "pattern_id": pattern_id,
                             "hedged": bool(found), "hedge_cues": "; ".join(found), "evidence": text})
    frame = pd.DataFrame(rows, columns=RELATION_COLUMNS)
    frame = frame.drop_duplicates(["article_id", "start", "source_id", "relation", "target_id"])
    return frame.sort_values(["article_id", "start", "relation", "source_id", "target_id"]).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Tables and networks


def quote_speakers(corpus: Corpus, mentions: pd.DataFrame, gazetteer: pd.DataFrame) -> pd.DataFrame:
    """Who speaks each direct quote and embedded post: ``article_id, sentence_no, speaker_id, cue``.

    For a quote, the stakeholder mentioned outside the quotation marks nearest to a speech verb
    (said, says, told, stated) in the same paragraph; for an embedded post, its author as the
    gazetteer knows them. Unknown speakers are ``unknown``.
    """
    matcher = AliasMatcher.from_gazetteer(gazetteer)
    verbs = re.compile(r"\b(?:said|says|say|told|stated|states|added|wrote|announced)\b", re.IGNORECASE)
    s = corpus.sentences
    rows = []
    for (aid, pno), part in s[s["voice"].isin(["direct_quote", "embedded_post"])].groupby(["article_id", "paragraph_no"]):
        para = corpus.paragraphs[(corpus.paragraphs["article_id"] == aid) & (corpus.paragraphs["paragraph_no"] == pno)].iloc[0]
        speaker, cue = "unknown", ""
        if para["kind"] == "embedded_post":
            author = para["post_author"] or ""
            try:
                speaker, cue = matcher.owner_of(author), f"post signature: {author} ({para['post_handle']})"
            except KeyError:
                speaker, cue = (author or "unknown"), f"post signature: {author} ({para['post_handle']})"
        else:
            text = corpus.texts[aid]
            quoted = [(m.start(), m.end()) for m in _QUOTE_PAIRS.finditer(text, para["start"], para["end"])]
            outside = [m for m in mentions.itertuples(index=False)
                       if m.article_id == aid and para["start"] <= m.start < para["end"]
                       and not any(qs <= m.start < qe for qs, qe in quoted)]
            verb_hits = list(verbs.finditer(text, para["start"], para["end"]))
            if outside and verb_hits:
                best = min(((abs(m.start - v.start()), m, v) for m in outside for v in verb_hits), key=lambda t: t[0])
                _, m, v = best
                lo, hi = min(m.start, v.start()), max(m.end, v.end())
                speaker, cue = m.stakeholder_id, text[lo:hi]
        for r in part.itertuples(index=False):
            rows.append({"article_id": aid, "sentence_no": r.sentence_no, "speaker_id": speaker, "cue": cue})
    return pd.DataFrame(rows, columns=["article_id", "sentence_no", "speaker_id", "cue"])


def stakeholder_table(corpus: Corpus, mentions: pd.DataFrame, gazetteer: pd.DataFrame,
                      speakers: pd.DataFrame) -> pd.DataFrame:
    """Per stakeholder: mentions per article, first appearance, share of sentences, quoted or not."""
    g = gazetteer.set_index("stakeholder_id")
    n_sent = len(corpus.sentences)
    counts = mentions.pivot_table(index="stakeholder_id", columns="article_id", values="start", aggfunc="size",
                                  fill_value=0)
    counts.columns = [f"mentions_{c[:3]}" for c in counts.columns]
    first = (mentions.sort_values(["article_id", "sentence_no"]).groupby("stakeholder_id").first()
             [["article_id", "sentence_no"]].rename(columns={"article_id": "first_article", "sentence_no": "first_sentence_no"}))
    sentences_with = mentions.drop_duplicates(["stakeholder_id", "article_id", "sentence_no"]).groupby("stakeholder_id").size()
    articles_with = mentions.groupby("stakeholder_id")["article_id"].nunique()
    quoted = speakers[speakers["speaker_id"] != "unknown"].groupby("speaker_id").size()
    out = g[["name", "label", "type", "role_in_deal"]].join(counts, how="left").fillna(
        {c: 0 for c in counts.columns})
    out["mentions"] = out[list(counts.columns)].sum(axis=1).astype("int64")
    out["articles"] = articles_with.reindex(out.index).fillna(0).astype("int64")
    out["sentences"] = sentences_with.reindex(out.index).fillna(0).astype("int64")
    out["share_of_sentences"] = (out["sentences"] / n_sent).round(3)
    out["n_sentences_corpus"] = n_sent
    out = out.join(first)
    out["quoted_sentences"] = quoted.reindex(out.index).fillna(0).astype("int64")
    out["voice"] = np.where(out["quoted_sentences"] > 0, "quoted", np.where(out["mentions"] > 0, "talked about", "absent"))
    for c in counts.columns:
        out[c] = out[c].astype("int64")
    out.index.name = "stakeholder_id"
    return out.reset_index().sort_values(["mentions", "stakeholder_id"], ascending=[False, True]).reset_index(drop=True)


def cooccurrence_edges(mentions: pd.DataFrame, exclude: Iterable[str] = ()) -> pd.DataFrame:
    """Pairs of stakeholders named in the same sentence: ``a, b, weight, articles``.

    ``weight`` is the number of sentences that name both (a sentence counts once per pair,
    however often it repeats either name); ``a < b`` alphabetically.
    """
    exclude = set(exclude)
    m = mentions[~mentions["stakeholder_id"].isin(exclude)].drop_duplicates(["article_id", "sentence_no", "stakeholder_id"])
    pairs = m.merge(m, on=["article_id", "sentence_no"])
    pairs = pairs[pairs["stakeholder_id_x"] < pairs["stakeholder_id_y"]]
    edges = (pairs.groupby(["stakeholder_id_x", "stakeholder_id_y"])
             .agg(weight=("sentence_no", "size"), articles=("article_id", "nunique")).reset_index()
             .rename(columns={"stakeholder_id_x": "a", "stakeholder_id_y": "b"}))
    return edges.sort_values(["a", "b"]).reset_index(drop=True)


def networks(mentions: pd.DataFrame, relations: pd.DataFrame, exclude: Iterable[str] = (),
             min_weight: int = 1) -> tuple[nx.Graph, nx.MultiDiGraph]:
    """The co-occurrence graph (weighted, undirected; ties of at least ``min_weight`` shared
    sentences) and the typed-relation graph (directed, one edge per evidence)."""
    exclude = set(exclude)
    co = nx.Graph()
    co.add_nodes_from(sorted(set(mentions["stakeholder_id"]) - exclude))
    for r in cooccurrence_edges(mentions, exclude).itertuples(index=False):
        if r.weight < min_weight:
            continue
        co.add_edge(r.a, r.b, weight=int(r.weight), articles=int(r.articles))
    rel = nx.MultiDiGraph()
    rel.add_nodes_from(sorted(set(mentions["stakeholder_id"]) - exclude))
    for r in relations.itertuples(index=False):
        if r.source_id not in exclude and r.target_id not in exclude:
            rel.add_edge(r.source_id, r.target_id, relation=r.relation, hedged=bool(r.hedged))
    return co, rel


def centrality_table(co: nx.Graph, rel: nx.MultiDiGraph) -> pd.DataFrame:
    """Degree, betweenness and eigenvector centrality on the co-occurrence graph, plus relation degrees.

    Degree and betweenness ignore weights (who is tied to whom); eigenvector centrality uses the
    co-occurrence weights and is computed per connected component (it is undefined across them).
    """
    degree = nx.degree_centrality(co)
    strength = dict(co.degree(weight="weight"))
    between = nx.betweenness_centrality(co, normalized=True)
    eigen = {}
    for comp in nx.connected_components(co):
        sub = co.subgraph(comp)
        if sub.number_of_edges() == 0:
            eigen.update({n: 0.0 for n in comp})
            continue
        values = nx.eigenvector_centrality(sub, weight="weight", max_iter=1000, tol=1e-10)
        scale = len(comp) / co.number_of_nodes()
        eigen.update({n: v * scale for n, v in values.items()})
    simple = nx.DiGraph(rel)
    rows = [{"stakeholder_id": n, "degree": round(degree[n], 4), "weighted_degree": int(strength[n]),
             "betweenness": round(between[n], 4), "eigenvector": round(eigen[n], 4),
             "relations_out": int(rel.out_degree(n)), "relations_in": int(rel.in_degree(n)),
             "related_to": int(len(set(simple.successors(n)) | set(simple.predecessors(n))))}
            for n in sorted(co.nodes)]
    return pd.DataFrame(rows).sort_values(["betweenness", "degree", "stakeholder_id"],
                                          ascending=[False, False, True]).reset_index(drop=True)


def relation_summary(relations: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct tie (source, relation, target) with its support across articles.

    ``n_evidence`` sentences in ``n_articles`` articles; ``n_hedged`` of them hedged;
    ``single_hedged`` marks a tie that rests on one hedged sentence only.
    """
    if relations.empty:
        return pd.DataFrame(columns=["source_id", "relation", "target_id", "n_evidence", "n_articles",
                                     "n_hedged", "single_hedged", "articles"])
    g = relations.groupby(["source_id", "relation", "target_id"])
    out = g.agg(n_evidence=("start", "size"), n_articles=("article_id", "nunique"),
                n_hedged=("hedged", "sum"),
                articles=("article_id", lambda s: ", ".join(sorted({a[:3] for a in s})))).reset_index()
    out["n_hedged"] = out["n_hedged"].astype("int64")
    out["single_hedged"] = (out["n_evidence"] == 1) & (out["n_hedged"] == 1)
    return out.sort_values(["n_evidence", "source_id", "relation", "target_id"],
                           ascending=[False, True, True, True]).reset_index(drop=True)


def article_disagreements(relations: pd.DataFrame, articles: Iterable[str]) -> pd.DataFrame:
    """Ties that the articles report differently: asserted in one and hedged in another, or
    reported by some articles and not others. One row per tie with the status in each article."""
    articles = sorted(articles)
    if relations.empty or len(articles) < 2:
        return pd.DataFrame(columns=["source_id", "relation", "target_id", *articles])
    status = (relations.assign(state=np.where(relations["hedged"], "hedged", "asserted"))
              .groupby(["source_id", "relation", "target_id", "article_id"])["state"]
              .agg(lambda s: "asserted" if (s == "asserted").any() else "hedged").unstack("article_id"))
    status = status.reindex(columns=articles).fillna("absent")
    differs = status.nunique(axis=1) > 1
    out = status[differs].reset_index()
    out.columns.name = None
    return out


# --------------------------------------------------------------------------------------------
# Figures (built here, saved by helpers.figures.save_figure)

LAYOUT_SEED = 20200913  # fixed, so the static network is drawn the same way on every run


def layout(co: nx.Graph, rel: nx.MultiDiGraph | None = None) -> dict[str, tuple[float, float]]:
    """Fixed node positions. The largest connected part (of co-occurrence and typed ties together)
    gets a seeded spring layout in the unit square; smaller parts and loners sit in a row below it."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(co.nodes))
    graph.add_weighted_edges_from(sorted((a, b, d["weight"]) for a, b, d in co.edges(data=True)))
    if rel is not None:
        for a, b in sorted({tuple(sorted(e[:2])) for e in rel.edges}):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=1)
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    pos: dict[str, tuple[float, float]] = {}
    if not parts:
        return pos
    main = graph.subgraph(parts[0])
    spring = nx.spring_layout(main, seed=LAYOUT_SEED, weight=None, k=2.2 / max(1, len(parts[0])) ** 0.5,
                              iterations=500, scale=1.0)
    pos.update({n: (float(x), float(y)) for n, (x, y) in spring.items()})
    rest = [n for part in parts[1:] for n in part]
    for i, n in enumerate(rest):
        x = -1.0 + 2.0 * (i + 0.5) / len(rest)
        pos[n] = (x, -1.45)
    return {n: (round(x, 4), round(y, 4)) for n, (x, y) in sorted(pos.items())}


def network_plot_data(co: nx.Graph, relations: pd.DataFrame, table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (id, name, type, role, mentions, x, y) and edges (co-occurrence and typed) as plotted."""
    rel = nx.MultiDiGraph()
    if not relations.empty:
        rel.add_edges_from(zip(relations["source_id"], relations["target_id"]))
        rel.remove_nodes_from([n for n in list(rel.nodes) if n not in co])
    pos = layout(co, rel)
    t = table.set_index("stakeholder_id")
    nodes = pd.DataFrame([{"stakeholder_id": n, "name": t.loc[n, "label"], "type": t.loc[n, "type"],
                           "role_in_deal": t.loc[n, "role_in_deal"], "mentions": int(t.loc[n, "mentions"]),
                           "x": pos[n][0], "y": pos[n][1]} for n in sorted(co.nodes)])
    edges = [{"kind": "co-occurrence", "source_id": a, "target_id": b, "relation": "", "family": "",
              "weight": int(d["weight"]), "hedged": False, "evidence": ""}
             for a, b, d in sorted(co.edges(data=True))]
    if not relations.empty:
        rel = relations[relations["source_id"].isin(pos) & relations["target_id"].isin(pos)]
        for (a, relation, family, b), part in rel.groupby(["source_id", "relation", "family", "target_id"], sort=True):
            edges.append({"kind": "relation", "source_id": a, "target_id": b, "relation": relation, "family": family,
                          "weight": int(len(part)), "hedged": bool(part["hedged"].all()),
                          "evidence": " | ".join(f"[{r.article_id[:3]} s{r.sentence_no}] {r.evidence}"
                                                 for r in part.itertuples())})
    columns = ["kind", "source_id", "target_id", "relation", "family", "weight", "hedged", "evidence"]
    return nodes, pd.DataFrame(edges, columns=columns)  # the columns even when no two parties share a sentence


def network_table(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """The network figures' data as one table, enough to draw them again: a row per node (its
    position, type, role and mentions, isolated parties included) and a row per edge (both
    endpoints' positions, weight, relation and evidence)."""
    at = nodes.set_index("stakeholder_id")[["x", "y"]]
    node_rows = nodes.assign(kind="node")
    edge_rows = edges.assign(x_source=list(at.loc[edges["source_id"], "x"]), y_source=list(at.loc[edges["source_id"], "y"]),
                             x_target=list(at.loc[edges["target_id"], "x"]), y_target=list(at.loc[edges["target_id"], "y"]))
    columns = ["kind", "stakeholder_id", "name", "type", "role_in_deal", "mentions", "x", "y", "source_id", "target_id",
               "relation", "family", "weight", "hedged", "evidence", "x_source", "y_source", "x_target", "y_target"]
    return pd.concat([node_rows, edge_rows], ignore_index=True).reindex(columns=columns)


TYPE_COLORS = {"company": "#0072B2", "government body": "#D55E00", "person": "#009E73", "media outlet": "#CC79A7",
               "commentator": "#E69F00", "public": "#56B4E9", "place": "#999999"}
FAMILY_COLORS = {"conflict": "#D55E00", "cooperation": "#009E73", "oversight": "#0072B2", "affiliation": "#CC79A7"}


def draw_network(nodes: pd.DataFrame, edges: pd.DataFrame, title: str):
    """Static report network: nodes coloured by type and sized by mentions; grey co-occurrence
    edges (width = sentences shared); typed relations as arrows coloured by family, dashed when hedged."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(10.0, 8.0), layout="constrained")
    pos = {r.stakeholder_id: (r.x, r.y) for r in nodes.itertuples()}
    co = edges[edges["kind"] == "co-occurrence"]
    for r in co.itertuples():
        (x0, y0), (x1, y1) = pos[r.source_id], pos[r.target_id]
        ax.plot([x0, x1], [y0, y1], color="#BBBBBB", linewidth=0.4 + 0.6 * r.weight, zorder=1)
    for r in edges[edges["kind"] == "relation"].itertuples():
        ax.annotate("", xy=pos[r.target_id], xytext=pos[r.source_id], zorder=2,
                    arrowprops={"arrowstyle": "-|>", "color": FAMILY_COLORS[r.family], "linewidth": 1.4,
                                "linestyle": "--" if r.hedged else "-", "shrinkA": 9, "shrinkB": 9,
                                "connectionstyle": "arc3,rad=0.12"})
    sizes = 60 + 40 * nodes["mentions"]
    ax.scatter(nodes["x"], nodes["y"], s=sizes, c=nodes["type"].map(TYPE_COLORS), edgecolors="white",
               linewidths=1.0, zorder=3)
    for r in nodes.itertuples():
        ax.annotate(r.name, (r.x, r.y),
                    xytext=(0, -9 - (40 * r.mentions + 60) ** 0.5 / 2), textcoords="offset points",
                    ha="center", va="top", fontsize=7.5, zorder=4)
    ax.set_axis_off()
    ax.margins(0.08)
    ax.set_title(title)
    types = [Line2D([], [], marker="o", linestyle="", color=c, label=t) for t, c in TYPE_COLORS.items()
             if t in set(nodes["type"])]
    fams = [Line2D([], [], color=c, label=f) for f, c in FAMILY_COLORS.items()
            if f in set(edges.get("family", []))]
    extra = [Line2D([], [], color="#BBBBBB", label="same sentence"),
             Line2D([], [], color="black", linestyle="--", label="hedged tie")]
    fig.legend(handles=types + fams + extra, loc="outside lower center", ncol=5, fontsize=8)
    return fig


def network_plotly(nodes: pd.DataFrame, edges: pd.DataFrame, title: str):
    """Interactive network: hover a node for its role and mentions, an edge's midpoint for the
    evidence sentences (escaped, so article text can never become markup)."""
    import html
    import textwrap

    import plotly.graph_objects as go

    from helpers.figures import PLOTLY_TEMPLATE

    pos = {r.stakeholder_id: (r.x, r.y) for r in nodes.itertuples()}
    fig = go.Figure(layout={"template": PLOTLY_TEMPLATE})
    for family, color in [("", "#BBBBBB"), *FAMILY_COLORS.items()]:
        part = edges[edges["family"] == family]
        if part.empty:
            continue
        xs, ys, mx, my, hover = [], [], [], [], []
        for r in part.itertuples():
            (x0, y0), (x1, y1) = pos[r.source_id], pos[r.target_id]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
            mx.append((x0 + x1) / 2)
            my.append((y0 + y1) / 2)
            label = (f"{r.source_id} — {r.relation} → {r.target_id}" if r.relation
                     else f"{r.source_id} & {r.target_id}: {counted(r.weight, 'sentence')} together")
            body = "<br>".join("<br>".join(textwrap.wrap(html.escape(e), 90)) for e in r.evidence.split(" | ") if e)
            hover.append(html.escape(label) + (" (hedged)" if r.hedged else "") + ("<br>" + body if body else ""))
        name = family or "same sentence"
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": color, "width": 1.5 if family else 0.8,
                                                                   "dash": "solid"},
                                 hoverinfo="skip", name=name, legendgroup=name))
        fig.add_trace(go.Scatter(x=mx, y=my, mode="markers", marker={"size": 7, "color": color, "opacity": 0.6},
                                 hovertext=hover, hoverinfo="text", showlegend=False, legendgroup=name))
    for t, color in TYPE_COLORS.items():
        part = nodes[nodes["type"] == t]
        if part.empty:
            continue
        hover = [html.escape(f"{r.name} ({r.type}, {r.role_in_deal}): {counted(r.mentions, 'mention')}")
                 for r in part.itertuples()]
        fig.add_trace(go.Scatter(x=part["x"], y=part["y"], mode="markers+text", text=list(part["name"]),
                                 textposition="bottom center", hovertext=hover, hoverinfo="text", name=t,
                                 marker={"size": list(8 + 3 * part["mentions"] ** 0.8), "color": color,
                                         "line": {"color": "white", "width": 1}}))
    pad_x = 0.18 * (nodes["x"].max() - nodes["x"].min() or 1)
    pad_y = 0.08 * (nodes["y"].max() - nodes["y"].min() or 1)
    fig.update_layout(title=title, width=950, height=720, hovermode="closest",
                      xaxis={"visible": False, "range": [nodes["x"].min() - pad_x, nodes["x"].max() + pad_x]},
                      yaxis={"visible": False, "range": [nodes["y"].min() - pad_y, nodes["y"].max() + pad_y]},
                      legend={"orientation": "h"})
    return fig


def draw_role_matrix(table: pd.DataFrame, title: str):
    """Mentions of each stakeholder (rows, grouped by role) in each article (columns)."""
    import matplotlib.pyplot as plt

    from helpers import figures

    cols = sorted(c for c in table.columns if c.startswith("mentions_"))
    t = table[table["mentions"] > 0].copy()
    t["role_order"] = t["role_in_deal"].map({r: i for i, r in enumerate(ROLES)})
    t = t.sort_values(["role_order", "mentions", "stakeholder_id"], ascending=[True, False, True])
    values = t[cols].to_numpy()
    fig, ax = plt.subplots(figsize=(2.2 + 1.1 * len(cols), 0.9 + 0.28 * len(t)), layout="constrained")
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(cols)), [c.replace("mentions_", "article ") for c in cols])
    ax.set_yticks(range(len(t)), [f"{r.label} · {r.role_in_deal}" for r in t.itertuples()], fontsize=8)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            ax.text(j, i, str(values[i, j]), ha="center", va="center", fontsize=8,
                    color="white" if values[i, j] > values.max() * 0.6 else "black")
    ax.tick_params(length=0)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    # over the whole figure, from its left edge: the heat map is narrower than a long title
    fig.suptitle(title, x=0.02, ha="left", fontweight="bold", fontsize=figures.FONT_SIZES["title"])
    return fig


def stakeholder_findings(table: pd.DataFrame, centrality: pd.DataFrame, summary: pd.DataFrame,
                         disagreements: pd.DataFrame, candidates: pd.DataFrame, n_articles: int) -> list[str]:
    """Notebook 02's findings, computed from its tables (never typed by hand)."""
    names = table.set_index("stakeholder_id")["label"].to_dict()
    lines = []
    present = table[(table["mentions"] > 0) & (table["type"] != "place")]
    everywhere = int((present["articles"] == n_articles).sum())
    lines.append(f"**{counted(len(present), 'stakeholder')}** (places aside) are named or described in "
                 f"{counted(n_articles, 'article')} ({counted(int(present['mentions'].sum()), 'mention')})"
                 + (f"; {everywhere} appear in every article." if n_articles > 1 else "."))
    if not centrality.empty:
        top = centrality.iloc[0]
        lines.append(f"**{names[top['stakeholder_id']]}** is the most central party: betweenness "
                     f"{top['betweenness']:.2f}, sharing a sentence with {int(round(top['degree'] * (len(centrality) - 1)))} "
                     f"of the other {len(centrality) - 1} parties in the co-occurrence network.")
    quoted = present[present["voice"] == "quoted"]
    lines.append(f"Only {len(quoted)} of {len(present)} speak in their own words (direct quote or post): "
                 f"{', '.join(names[s] for s in quoted['stakeholder_id'])}; the rest are talked about." if len(quoted)
                 else f"None of the {len(present)} speaks in its own words (no direct quote or post): all are talked "
                 "about.")
    single = summary[summary["single_hedged"]] if not summary.empty else summary
    lines.append(f"{counted(len(summary), 'distinct typed tie')}; **{len(single)} "
                 f"{'rests' if len(single) == 1 else 'rest'} on a single hedged sentence**"
                 + (": " + "; ".join(f"{names[r.source_id]} {r.relation} {names[r.target_id]}"
                                     for r in single.itertuples()) if len(single) else "") + ".")
    if n_articles > 1:
        everywhere = summary[summary["n_articles"] == n_articles] if not summary.empty else summary
        both = disagreements[(disagreements.drop(columns=["source_id", "relation", "target_id"]) != "absent").all(axis=1)]
        lines.append(f"Only {len(everywhere)} of {len(summary)} ties {'is' if len(everywhere) == 1 else 'are'} reported "
                     f"by every article; **{len(both)} of those {'differs' if len(both) == 1 else 'differ'} in "
                     "certainty** between articles"
                     + (": " + "; ".join(f"{names[r.source_id]} {r.relation} {names[r.target_id]}"
                                         for r in both.itertuples()) if len(both) else "")
                     + ". A tie in one article only is not a contradiction, just a gap.")
    lines.append(f"{counted(len(candidates), 'name')} in the text {'is' if len(candidates) == 1 else 'are'} "
                 "not in the gazetteer"
                 + (f" ({', '.join(md_text(n) for n in sorted(set(candidates['name'])))})" if len(candidates) else "")
                 + ".")
    return lines
