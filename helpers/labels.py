"""What an article is called wherever a reader meets it, and how per-article figures lay out rows.

Ids may be of any shape an analyst chooses (``000_0924…``, ``heldout_01_trump_eo_tiktok_45_days``,
``axios-2020-09-14-3fa1c2``), so no figure, finding, hover or table ever shows a piece of one:
each article gets one human label (:func:`article_labels`), and a figure with a row per article
switches to a row per outlet when the articles are too many to read (:func:`article_rows`).
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from helpers.text import shorten

LABEL_MAX_CHARS = 24  # an outlet or title longer than this is cut, with an ellipsis, in labels


def is_known(value: object) -> bool:
    """A metadata value that says something (not empty, not "unknown ...")."""
    text = str(value or "").strip()
    return bool(text) and not text.lower().startswith("unknown")


def article_labels(articles: pd.DataFrame) -> pd.Series:
    """One short human label per article (index as ``articles``): the outlet and the publication
    day ("Daily Beast 08-07"); the headline's first words where the outlet is unknown, "Untitled"
    where both are; the year too when the corpus spans more than one. Articles whose labels would
    collide are numbered in id order ("Reuters 09-24 #1", "Reuters 09-24 #2"). Never a piece of the
    id: ids may be of any shape."""
    published = pd.to_datetime(articles["published"])
    day_format = "%Y-%m-%d" if published.dt.year.nunique() > 1 else "%m-%d"
    names = [shorten(o, LABEL_MAX_CHARS) if is_known(o) else (shorten(t, LABEL_MAX_CHARS) if is_known(t) else "Untitled")
             for o, t in zip(articles["outlet"], articles["title"])]
    base = [f"{n} {d:{day_format}}" for n, d in zip(names, published)]
    shared = {label for label, n in Counter(base).items() if n > 1}
    labels = list(base)
    seen: Counter = Counter()
    ids = articles["article_id"].tolist()
    # the same outlet on the same day: numbered in id order
    for pos in sorted((pos for pos, label in enumerate(base) if label in shared), key=ids.__getitem__):
        seen[base[pos]] += 1
        labels[pos] = f"{base[pos]} #{seen[base[pos]]}"
    return pd.Series(labels, index=articles.index, dtype=object)


def article_rows(articles: pd.DataFrame, max_rows: int) -> pd.DataFrame:
    """How a per-article figure lays out its rows at any corpus size: one row per article (its
    label, in publication order) while there are at most ``max_rows``; else one row per outlet,
    the ``max_rows - 1`` outlets with the most articles and "all other outlets". Returns
    ``article_id, row_key, row_label, row_order`` and ``attrs["rows"]`` (article or outlet)."""
    arts = articles.sort_values(["published", "label"]).reset_index(drop=True)
    if len(arts) <= max_rows:
        out = pd.DataFrame({"article_id": arts["article_id"], "row_key": arts["article_id"], "row_label": arts["label"],
                            "row_order": range(len(arts))})
        out.attrs["rows"] = "article"
        return out
    outlet = arts["outlet"].where(arts["outlet"].map(is_known), "unknown outlet").map(lambda o: shorten(o, LABEL_MAX_CHARS))
    ranked = outlet.value_counts().sort_index().sort_values(ascending=False, kind="mergesort")
    kept = list(ranked.index[: max_rows - 1])
    key = outlet.where(outlet.isin(kept), "all other outlets")
    order = {k: i for i, k in enumerate([*kept, "all other outlets"])}
    out = pd.DataFrame({"article_id": arts["article_id"], "row_key": key, "row_label": key,
                        "row_order": key.map(order)})
    out.attrs["rows"] = "outlet"
    return out


def date_basis(published_basis: str, overridden: bool) -> str:
    """``overridden`` when a run's parameters set the date; ``inferred`` when ``published_basis``
    says the article does not state it (it begins with "inferred" or "not stated"); else ``stated``."""
    if overridden:
        return "overridden"
    return "inferred" if str(published_basis).strip().lower().startswith(("inferred", "not stated")) else "stated"


def row_shares(s: pd.DataFrame, column: str, values: list[str]) -> pd.DataFrame:
    """The ``shares`` form of a per-article figure: sentences ``s`` (with their :func:`article_rows`
    columns) counted per row and value of ``column`` (every value, 0 where none), their share of
    the row, and the row's articles."""
    n_articles = s.groupby("row_key")["article_id"].nunique()
    counts = s.groupby(["row_key", "row_label", "row_order", column]).size().rename("sentences").reset_index()
    grid = pd.MultiIndex.from_product([sorted(set(s["row_key"])), values], names=["row_key", column]).to_frame(index=False)
    meta = s.drop_duplicates("row_key")[["row_key", "row_label", "row_order"]]
    out = grid.merge(meta, on="row_key").merge(counts[["row_key", column, "sentences"]], on=["row_key", column], how="left")
    out["sentences"] = out["sentences"].fillna(0).astype("int64")
    out["share"] = (out["sentences"] / out.groupby("row_key")["sentences"].transform("sum")).round(4)
    out["n_articles"] = out["row_key"].map(n_articles).astype("int64")
    out = out.sort_values(["row_order", column]).reset_index(drop=True)
    out.attrs["form"] = "shares"
    return out[["row_key", "row_label", "row_order", "n_articles", column, "sentences", "share"]]
