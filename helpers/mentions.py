"""Where the gazetteer's parties are named: its aliases found in the text (every other name is
read by :mod:`helpers.names` and becomes a party in :mod:`helpers.parties`).

Frames (offsets are ``[start, end)`` into the raw article text):

``mentions`` (:func:`find_mentions`)
    ``mention_id`` (the article id and the start offset: unique), ``article_id, sentence_no, start,
    end, surface, stakeholder_id``. One compiled regular
    expression over each article: aliases match as whole words (never inside another word), the
    longest alias wins where two overlap, possessives (``Trump's``) match their name, and case is
    ignored except for aliases written in capitals only (``US``, ``CNN``), which must match exactly
    so that the pronoun "us" is not the United States.

The gazetteer (``data/reference/stakeholders.csv``) is loaded and checked by
:mod:`helpers.reference`; these functions receive it as a frame.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.corpus import Corpus
from helpers.tables import alias_key, split_aliases

MENTION_COLUMNS = ["mention_id", "article_id", "sentence_no", "start", "end", "surface", "stakeholder_id"]
CANDIDATE_COLUMNS = ["article_id", "name", "count", "first_sentence_no", "shape"]
_WORD_START = re.compile(r"(?<![\w@])[\w@]")


def alias_owners(gazetteer: pd.DataFrame) -> dict[str, str]:
    """Each alias (by :func:`helpers.tables.alias_key`) and the party that owns it (the first row
    that names it: validation refuses an alias claimed twice)."""
    owner: dict[str, str] = {}
    for row in gazetteer.itertuples(index=False):
        for alias in split_aliases(row.aliases):
            if alias:
                owner.setdefault(alias_key(alias), row.stakeholder_id)
    return owner


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
        aliases = sorted({a for r in gazetteer["aliases"] for a in split_aliases(r) if a},
                         key=lambda a: (-len(a), a))
        exact = {a for a in aliases if not any(ch.islower() for ch in a)}
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
        return cls(regex, alias_owners(gazetteer))

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


MEMO_MAX = 100_000  # paragraphs whose spans one call of find_mentions remembers


def _remember(memo: dict, pieces: list[tuple[int, str]], spans: list[tuple[int, int]]) -> None:
    """Each paragraph's spans, relative to it, unless a span runs across one of its edges."""
    starts = [a for a, _ in spans]
    for p0, piece in pieces:
        p1 = p0 + len(piece)
        inside = spans[bisect.bisect_left(starts, p0):bisect.bisect_left(starts, p1)]
        i = bisect.bisect_left(starts, p0)
        if (inside and inside[-1][1] > p1) or (i and spans[i - 1][1] > p0):
            continue  # a match ran over the paragraph's edge: reading it alone could differ
        memo[piece] = [(a - p0, b - p0) for a, b in inside]


def _paragraph_index(paragraphs: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Per article, its paragraphs' ``(start, end)`` in text order."""
    if not len(paragraphs):
        return {}
    ids = paragraphs["article_id"].to_numpy().tolist()
    spans = zip(paragraphs["start"].to_numpy().tolist(), paragraphs["end"].to_numpy().tolist())
    out: dict[str, list[tuple[int, int]]] = {}
    for aid, span in zip(ids, spans):
        out.setdefault(aid, []).append(span)
    return {aid: sorted(v) for aid, v in out.items()}


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
    """Every gazetteer alias found in the sentences, with offsets that slice the raw text.

    An article mostly new to the call is scanned in one pass; in one mostly read before (a wire copy,
    boilerplate) only its new paragraphs are. Each paragraph's spans are remembered (at most
    :data:`MEMO_MAX` paragraphs; a mention never crosses a paragraph, it lies in a sentence)."""
    matcher = matcher or AliasMatcher.from_gazetteer(gazetteer)
    index = _sentence_index(corpus.sentences)
    paragraphs = _paragraph_index(corpus.paragraphs)
    memo: dict[str, list[tuple[int, int]]] = {}
    aids, nos, starts, ends, surfaces, owners = [], [], [], [], [], []
    for aid in sorted(index):
        text = corpus.texts[aid]
        s_start, s_end, s_no = index[aid]
        pieces = [(p0, text[p0:p1]) for p0, p1 in paragraphs.get(aid, ())]
        known = [memo.get(piece) for _, piece in pieces]
        if 2 * sum(k is None for k in known) > len(pieces):  # mostly new: one pass over the article
            spans = matcher.spans(text)
            if len(memo) < MEMO_MAX:
                _remember(memo, pieces, spans)
        else:  # mostly read before (wire copies, boilerplate): the new paragraphs alone
            spans = []
            for (p0, piece), found in zip(pieces, known):
                if found is None:
                    found = matcher.spans(piece)
                    if len(memo) < MEMO_MAX:
                        memo[piece] = found
                spans += [(a + p0, b + p0) for a, b in found]
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
