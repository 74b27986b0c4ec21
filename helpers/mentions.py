"""Where the parties are named: the gazetteer's aliases found in the text, and the capitalised
names nobody has catalogued.

Frames (offsets are ``[start, end)`` into the raw article text):

``mentions`` (:func:`find_mentions`)
    ``mention_id`` (the article id and the start offset: unique), ``article_id, sentence_no, start,
    end, surface, stakeholder_id``. One compiled regular
    expression over each article: aliases match as whole words (never inside another word), the
    longest alias wins where two overlap, possessives (``Trump's``) match their name, and case is
    ignored except for aliases written in capitals only (``US``, ``CNN``), which must match exactly
    so that the pronoun "us" is not the United States.
``candidates`` (:func:`find_candidates`)
    ``article_id, name, count, first_sentence_no, shape``: capitalised names, acronyms and
    @handles that no mention covers, for an analyst to add to the gazetteer.

The gazetteer (``data/reference/stakeholders.csv``) is loaded and checked by
:mod:`helpers.reference`; these functions receive it as a frame.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import lexicons
from helpers.corpus import Corpus
from helpers.segment import URL
from helpers.tables import alias_key, split_aliases

MENTION_COLUMNS = ["mention_id", "article_id", "sentence_no", "start", "end", "surface", "stakeholder_id"]
CANDIDATE_COLUMNS = ["article_id", "name", "count", "first_sentence_no", "shape"]
_WORD_START = re.compile(r"(?<![\w@])[\w@]")


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
            for inner in () if text[start:end].isalnum() else _WORD_START.finditer(text, start + 1, end):
                longer = regex.match(text, inner.start())
                if longer is not None and longer.end() - longer.start() > end - start:
                    start, end = longer.span()
                    break
            out.append((start, end))
            pos = end

    def owner_of(self, surface: str) -> str:
        return self.owner[alias_key(surface)]


def _sentence_index(sentences: pd.DataFrame) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Per article, its sentences' starts, ends and numbers (arrays in text order), cut from the
    sorted columns at once rather than through a group-by (a frame per article is slow)."""
    s = sentences.sort_values(["article_id", "start"], kind="stable")
    ids = s["article_id"].to_numpy()
    if not len(ids):
        return {}
    starts, ends, nos = (s[c].to_numpy(dtype=np.int64) for c in ("start", "end", "sentence_no"))
    cuts = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist(), len(ids)]
    return {ids[a]: (starts[a:b], ends[a:b], nos[a:b]) for a, b in zip(cuts, cuts[1:])}


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
        span = np.array(spans, dtype=np.int64)
        i = np.searchsorted(s_start, span[:, 0], side="right") - 1
        keep = (i >= 0) & (span[:, 1] <= s_end[np.maximum(i, 0)])  # inside one sentence
        kept = span[keep].tolist()
        found = [text[a:b] for a, b in kept]
        aids += [aid] * len(kept)
        nos += s_no[i[keep]].tolist()
        starts += [a for a, _ in kept]
        ends += [b for _, b in kept]
        surfaces += found
        owners += [matcher.owner_of(x) for x in found]
    ids = [f"{a}:{st}" for a, st in zip(aids, starts)]  # unique: mentions of one article never overlap
    return pd.DataFrame({"mention_id": ids, "article_id": aids, "sentence_no": nos, "start": starts, "end": ends,
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


def _is_name_at_sentence_start(word: str) -> bool:
    """A capitalised single word opening a sentence is a name unless it is a common word:
    unknown to the lexicon (Huawei), or known only as a proper noun (Reuters)."""
    lexicon = lexicons.brill()
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
        urls = [(u.start(), u.end()) for u in URL.finditer(r.text)]
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
