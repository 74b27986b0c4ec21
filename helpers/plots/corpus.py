"""Figures of the corpus itself (notebook 00), and the two layouts every per-article figure uses:
a strip of sentences per article while the articles are few, and a bar of shares per outlet
when they are many (see :func:`helpers.corpus.article_rows`)."""
from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from helpers import figures
from helpers.segment import VOICES
from helpers.text import figure_text


def sentence_strip(sentences: pd.DataFrame, color: pd.Series, title: str, legend: Mapping[str, str] | None = None):
    """Each row (``row_label, row_order``) as a horizontal strip of its sentences, ``[start, end)``
    in characters; ``color`` gives each sentence row its colour; ``legend`` maps labels to colours."""
    rows = sentences.drop_duplicates("row_order").sort_values("row_order")
    fig, ax = plt.subplots(figsize=(8.0, 1.6 + 0.45 * len(rows)), layout="constrained")
    for r in rows.itertuples():
        part = sentences[sentences["row_order"] == r.row_order]
        ax.broken_barh(list(zip(part["start"], part["end"] - part["start"])), (r.row_order - 0.35, 0.7),
                       facecolors=list(color.loc[part.index]), edgecolor="white", linewidth=0.6)
    n = sentences.groupby("row_order").size()
    ax.set_yticks(list(rows["row_order"]), [f"{figure_text(r.row_label, figures.LABEL_CHARS)} (n={int(n[r.row_order])} sentences)"
                                           for r in rows.itertuples()])
    ax.invert_yaxis()
    ax.set_xlabel("character offset in the article")
    ax.set_xlim(0, sentences["end"].max())
    ax.set_title(title)
    if legend:
        fig.legend(handles=[Patch(color=c, label=label.replace("_", " ")) for label, c in legend.items()],
                   loc="outside lower center", ncol=len(legend))
    return fig


def share_bars(shares: pd.DataFrame, column: str, colors: Mapping[str, str], title: str, xlabel: str):
    """Each row (``row_label, row_order``, with its ``n_articles``) as one bar of the shares of its
    sentences by ``column`` (its values in the order of ``colors``)."""
    rows = shares.drop_duplicates("row_order").sort_values("row_order")
    totals = shares.groupby("row_order")["sentences"].sum()
    fig, ax = plt.subplots(figsize=(8.0, 1.6 + 0.38 * len(rows)), layout="constrained")
    left = pd.Series(0.0, index=rows["row_order"])
    for value, color in colors.items():
        part = shares[shares[column] == value].set_index("row_order")["share"].reindex(rows["row_order"]).fillna(0)
        ax.barh(rows["row_order"], part, left=left, color=color, height=0.7, label=value.replace("_", " "))
        left += part
    ticks = [f"{figure_text(r.row_label, figures.LABEL_CHARS)} ({r.n_articles} art., {int(totals[r.row_order])} sent.)"
             for r in rows.itertuples()]
    ax.set_yticks(list(rows["row_order"]), ticks, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    fig.legend(loc="outside lower center", ncol=len(colors))
    return fig


def draw_voice_strip(plotted: pd.DataFrame, title: str):
    """Sentences by voice: a strip per article (``attrs["form"]`` sentences), or the share of each
    voice per outlet (shares), from :func:`helpers.overview.voice_plot_data`."""
    colors = {v: figures.VOICE_COLORS[v] for v in VOICES}
    if plotted.attrs["form"] == "shares":
        return share_bars(plotted, "voice", colors, title, "share of the outlet's sentences, by voice")
    return sentence_strip(plotted, plotted["voice"].map(colors), title, legend=colors)
