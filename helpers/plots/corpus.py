"""Figures of the corpus itself: each article as a strip of its sentences (notebook 00; the tone
strip of notebook 04 is drawn on the same frame)."""
from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from helpers import figures
from helpers.corpus import VOICES


def sentence_strip(sentences: pd.DataFrame, color: pd.Series, title: str, legend: Mapping[str, str] | None = None):
    """Each article as a horizontal strip of its sentences, ``[start, end)`` in characters.

    ``color`` gives each sentence row its colour; ``legend`` maps labels to colours.
    Returns the matplotlib figure.
    """
    ids = sorted(sentences["article_id"].unique())
    fig, ax = plt.subplots(figsize=(8.0, 1.6 + 0.45 * len(ids)), layout="constrained")
    for row_no, aid in enumerate(ids):
        part = sentences[sentences["article_id"] == aid]
        ax.broken_barh(list(zip(part["start"], part["end"] - part["start"])), (row_no - 0.35, 0.7),
                       facecolors=list(color.loc[part.index]), edgecolor="white", linewidth=0.6)
    ax.set_yticks(range(len(ids)), [f"{aid[:3]} (n={int((sentences['article_id'] == aid).sum())} sentences)"
                                    for aid in ids])
    ax.invert_yaxis()
    ax.set_xlabel("character offset in the article")
    ax.set_xlim(0, sentences["end"].max())
    ax.set_title(title)
    if legend:
        fig.legend(handles=[Patch(color=c, label=label.replace("_", " ")) for label, c in legend.items()],
                   loc="outside lower center", ncol=len(legend))
    return fig


def draw_voice_strip(plotted: pd.DataFrame, title: str):
    """Each article's sentences (``article_id, start, end, voice``) coloured by voice."""
    colors = {v: figures.VOICE_COLORS[v] for v in VOICES}
    return sentence_strip(plotted, plotted["voice"].map(colors), title, legend=colors)
