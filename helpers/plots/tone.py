"""Figures of the commentary's tone (notebook 04): sentences coloured by tone, tone per party,
and the agreement of the methods."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import Normalize
from matplotlib.lines import Line2D

from helpers.figures import BLUES, FONT_SIZES, LABEL_CHARS, NEUTRAL, VOICE_COLORS
from helpers.plots.corpus import sentence_strip, share_bars
from helpers.text import figure_text
from helpers.tone import interval_columns, percent


def draw_tone_strip(plotted: pd.DataFrame, title: str):
    """Each article as a strip of its sentences (``row_label, row_order, start, end, voice,
    vader_compound``) coloured by VADER compound (blue positive, red negative), with a marker
    above each sentence that is not narration; or, for many articles (``attrs["form"]``
    shares), each outlet's share of negative, neutral and positive sentences."""
    if plotted.attrs["form"] == "shares":
        colors = {"negative": colormaps["RdBu"](0.15), "neutral": NEUTRAL["rule"], "positive": colormaps["RdBu"](0.85)}
        return share_bars(plotted, "tone", colors, title, "share of the outlet's scored sentences, by VADER")
    cmap, norm = colormaps["RdBu"], Normalize(-1, 1)
    colors = plotted["vader_compound"].map(lambda v: cmap(norm(v)))
    fig = sentence_strip(plotted, colors, title)
    ax = fig.axes[0]
    markers = {"direct_quote": "v", "reported_speech": "o", "embedded_post": "s"}
    for voice, marker in markers.items():
        sel = plotted[plotted["voice"] == voice]
        ax.plot((sel["start"] + sel["end"]) / 2, sel["row_order"] - 0.45, marker, color="black",
                markersize=4, linestyle="")
    sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
    fig.colorbar(sm, ax=ax, label="VADER compound", fraction=0.03, pad=0.01)
    fig.legend(handles=[Line2D([], [], marker=m, color="black", linestyle="", label=v.replace("_", " "))
                        for v, m in markers.items()], loc="outside lower center", ncol=3, fontsize=8)
    return fig


def draw_stakeholder_tone(plotted: pd.DataFrame, title: str):
    """Mean VADER compound of the sentences naming each party, with its bootstrap interval and n
    (rows of :func:`helpers.tone.stakeholder_tone_plot_data`; ``attrs``: ``labels`` names them,
    ``level`` is the interval's)."""
    labels, level = plotted.attrs["labels"], plotted.attrs["level"]
    lo, hi = interval_columns("vader_compound", level)
    st = plotted.sort_values("vader_compound_mean")
    fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.32 * len(st)), layout="constrained")
    y = np.arange(len(st))
    ax.hlines(y, st[lo], st[hi], color=BLUES[2], linewidth=5)
    ax.plot(st["vader_compound_mean"], y, "o", color=BLUES[3])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, [f"{figure_text(labels.get(g, g), LABEL_CHARS)} (n={n})" for g, n in zip(st["group"], st["n"])], fontsize=8)
    ax.set_xlim(-1, 1)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.set_xlabel(f"mean VADER compound of the sentences\nnaming each party ({percent(level)} bootstrap interval)")
    fig.suptitle(title, x=0.02, ha="left", fontweight="bold", fontsize=FONT_SIZES["title"])
    return fig


def draw_agreement(plotted: pd.DataFrame, title: str):
    """VADER against TextBlob and against the GDELT-style tone, one dot per scored sentence."""
    fig, axes = plt.subplots(1, 2, figsize=(8.5, 3.6), layout="constrained")
    for ax, other, lim in ((axes[0], "textblob_polarity", (-1, 1)), (axes[1], "gdelt_tone", None)):
        for voice, part in plotted.groupby("voice"):
            ax.scatter(part["vader_compound"], part[other], s=18, label=voice.replace("_", " "), alpha=0.85,
                       color=VOICE_COLORS.get(voice, NEUTRAL["record"]))
        ax.axhline(0, color=NEUTRAL["edge"], linewidth=0.8)
        ax.axvline(0, color=NEUTRAL["edge"], linewidth=0.8)
        ax.set_xlabel("VADER compound")
        ax.set_ylabel(other.replace("_", " "))
        ax.set_xlim(-1, 1)
        if lim:
            ax.set_ylim(*lim)
    axes[0].legend(fontsize=7, loc="upper left")
    fig.suptitle(title, x=0.02, ha="left", fontweight="bold", fontsize=FONT_SIZES["title"])
    return fig
