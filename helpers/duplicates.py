"""Duplicates among articles: the text compared (a fingerprint), exact duplicates refused, and
near-duplicates (a wire story run by two outlets) found with rapidfuzz's Indel similarity.

The articles are any objects with ``source``, ``article_id``, ``fingerprint`` and
``near_duplicate_of`` attributes (:class:`helpers.ingest.Article`).
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import chain

from rapidfuzz import fuzz

from helpers.errors import Problem

_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
# Near-duplicate prefilter: distinct articles on one story share up to 0.23 of the shorter one's
# three-word sequences (tests/realistic), a copy with 30 % of its words replaced (similarity 0.81)
# still shares 0.39; pairs below this share are not compared character by character.
PREFILTER_MIN_SHARED = 0.1


def fingerprint(text: str) -> str:
    """The text compared for duplicates: NFKC, case-folded, typographic quotes and dashes made
    plain, every run of white space one space."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_PLAIN).casefold().split())


def exact_duplicates(articles: list, existing: Mapping[str, str]) -> list[Problem]:
    """Fingerprint every article (in place); a problem for each whose text is an existing
    article's or an earlier one's in the batch, naming that one."""
    seen = {fp: f"article {aid}, already in the corpus" for aid, fp in existing.items()}
    problems = []
    for art in articles:
        art.fingerprint = fingerprint(art.text)
        file, _, line = art.source.partition(": ")
        if art.fingerprint in seen:
            problems.append(Problem(file, f"{line}: text" if line else "text", f"exact duplicate of {seen[art.fingerprint]}"))
        seen.setdefault(art.fingerprint, f"{art.source}, also in this batch")
    return problems


def _shingles(text: str) -> set[int]:
    words = text.split()
    return {hash(tuple(words[i:i + 3])) for i in range(max(1, len(words) - 2))}


def find_near_duplicates(articles: list, existing: Mapping[str, str], min_similarity: float) -> None:
    """Flag each article whose normalised text is at least ``min_similarity`` like an existing
    article's or an earlier one's in the batch (rapidfuzz ``fuzz.ratio``: Indel similarity, 0-1).

    Only pairs that share ``PREFILTER_MIN_SHARED`` of the shorter text's three-word sequences
    (counted through an index of them) are compared character by character, which costs ~0.4 ms
    a pair: every pair took 8.6 s for a batch of 200."""
    pool: list[tuple[str, str, int]] = []
    index: dict[int, list[int]] = defaultdict(list)

    def put(aid: str, fp: str, shingles: set[int]) -> None:
        for h in shingles:
            index[h].append(len(pool))
        pool.append((aid, fp, len(shingles)))

    for aid, fp in existing.items():
        put(aid, fp, _shingles(fp))
    for art in articles:
        mine, best = _shingles(art.fingerprint), (None, 0.0)
        for k, shared in Counter(chain.from_iterable(index.get(h, ()) for h in mine)).items():
            aid, fp, n = pool[k]
            if shared >= PREFILTER_MIN_SHARED * min(len(mine), n):
                score = fuzz.ratio(art.fingerprint, fp, score_cutoff=min_similarity * 100)
                best = (aid, score) if score > best[1] else best
        if best[0] is not None:
            art.near_duplicate_of = f"{best[0]} (similarity {best[1] / 100:.2f})"
        put(art.article_id, art.fingerprint, mine)
