"""Evaluators used by the tests only: how many hand-annotated names and dates the suite finds.

They compare the suite's frames with gold annotations written before the code saw the texts
(``tests/heldout/gold_*.json``); the tests hold the scores to their thresholds."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers.corpus import Corpus


def name_recall(corpus: Corpus, mentions: pd.DataFrame, gold: dict[str, list[str]]) -> pd.DataFrame:
    """For hand-annotated names per article: is each one a mention of a party?

    A gold name is *found* when a mention overlaps it, and found *exactly* when a mention has
    exactly its words. Returns ``article_id, name, found, exact``."""
    rows = []
    for aid, names in sorted(gold.items()):
        text = corpus.texts[aid]
        m = mentions[mentions["article_id"] == aid]
        for name in names:
            spans = [(x.start(), x.end()) for x in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)]
            rows.append({"article_id": aid, "name": name,
                         "found": any(((m["start"] < e) & (m["end"] > s)).any() for s, e in spans),
                         "exact": any(((m["start"] == s) & (m["end"] == e)).any() for s, e in spans)})
    return pd.DataFrame(rows, columns=["article_id", "name", "found", "exact"])


def _date_part(value: str) -> str:
    """A TIMEX value without its time-of-day suffix (``2020-09-27TNI`` -> ``2020-09-27``)."""
    return re.sub(r"^(\d{4}-\d{2}-\d{2})T\w+$", r"\1", value)


def evaluate(expressions: pd.DataFrame, gold: dict[str, list[dict]]) -> pd.DataFrame:
    """Compare found expressions with hand-annotated ones: found (a found expression overlaps the
    gold text) and correct (its value, up to the day for day-level values, equals the gold value)."""
    rows = []
    for aid, items in sorted(gold.items()):
        mine = expressions[expressions["article_id"] == aid]
        for g in items:
            hits = mine[mine["text"].str.contains(re.escape(g["text"].split()[-1]), regex=True)
                        | np.array([t in g["text"] for t in mine["text"]], dtype=bool)]
            hit = hits.iloc[0] if len(hits) else None
            value = "" if hit is None else str(hit["value"])
            rows.append({"article_id": aid, "text": g["text"], "kind": g["kind"], "gold": g["value"], "found": hit is not None,
                         "value": value, "correct": hit is not None and _date_part(value) == g["value"]})
    return pd.DataFrame(rows)
