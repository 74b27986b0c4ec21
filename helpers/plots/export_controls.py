"""Figures of the export-control model (notebook 03): the function × control-point matrix, the
deal paths' expected values from each side, and the one-at-a-time sensitivity (tornado)."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap

from helpers.figures import BLUES, FONT_SIZES, PALETTE
from helpers.text import figure_text


def draw_matrix(matrix: pd.DataFrame, title: str):
    """Functions (rows) by catalogue items (columns), shaded and labelled by mapping confidence.

    ``matrix`` is :func:`helpers.export_controls.matrix_plot_data`: one row per function and item,
    in drawing order, with ``attrs["function_names"]`` and ``attrs["item_labels"]`` (id to label)."""
    fn = list(dict.fromkeys(matrix["function_id"]))
    it = list(dict.fromkeys(matrix["item_id"]))
    grid = matrix.pivot(index="function_id", columns="item_id", values="confidence_score").reindex(index=fn, columns=it)
    labels = matrix.pivot(index="function_id", columns="item_id", values="confidence").reindex(index=fn, columns=it)
    fig, ax = plt.subplots(figsize=(8.0, 4.8), layout="constrained")
    ax.imshow(grid.to_numpy(), cmap=ListedColormap(list(BLUES)), vmin=0, vmax=3, aspect="auto")
    names = matrix.attrs["function_names"]
    ax.set_yticks(range(len(fn)), [figure_text(names[f], 64) for f in fn], fontsize=8)
    cps = matrix.attrs["item_labels"]
    ax.set_xticks(range(len(it)), [f"{i}\n" + textwrap.fill(figure_text(cps[i], 100), 26) for i in it], fontsize=7.5)
    for y in range(len(fn)):
        for x in range(len(it)):
            text = labels.iloc[y, x]
            if text:
                ax.text(x, y, text, ha="center", va="center", fontsize=8,
                        color="white" if grid.iloc[y, x] == 3 else "black")
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    fig.suptitle(title, x=0.02, ha="left", fontweight="bold", fontsize=FONT_SIZES["title"])
    return fig


def draw_paths(plotted: pd.DataFrame, title: str):
    """Each path's expected value from each side (one panel per side): the value under the
    assumptions in force (dot), the median (tick) and central interval (bar) of the Monte Carlo
    draws, and the share of draws in which the path is best from that side (right of the bar).
    ``plotted`` is :func:`helpers.export_controls.paths_plot_data`."""
    sides = list(dict.fromkeys(plotted["side"]))
    names = plotted.attrs.get("sides", {})
    order = list(dict.fromkeys(plotted["path_id"]))
    top = float(plotted["high"].max())
    right = max(0.1, np.ceil(max(top, float(plotted["in_force"].max())) * 1.35 / 0.05) * 0.05)
    fig, axes = plt.subplots(1, len(sides), figsize=(9.6 if len(sides) > 1 else 6.4, 0.9 + 0.5 * len(order)), sharey=True,
                             layout="constrained")
    y = np.arange(len(order))
    interval = plotted.attrs.get("interval", 0.9)
    for ax, side in zip(np.atleast_1d(axes), sides):
        p = plotted[plotted["side"] == side].set_index("path_id").loc[order]
        ax.hlines(y, p["low"], p["high"], color=BLUES[2], linewidth=6, label=f"{interval:.0%} of Monte Carlo draws")
        ax.plot(p["median"], y, "|", color=BLUES[3], markersize=14, label="median of draws")
        ax.plot(p["in_force"], y, "o", color=PALETTE["vermillion"], label="assumptions in force")
        for i, (end, best) in enumerate(zip(p[["high", "in_force"]].max(axis=1), p["p_best"])):
            if best > 0:
                share = "<1%" if best < 0.005 else f"{best:.0%}"
                ax.text(end + right * 0.03, i, f"best in {share}", va="center", fontsize=7.5)
        ax.set_xlim(0, right)
        if len(sides) > 1:  # a one-side figure says its side in its title
            ax.set_title(textwrap.fill(figure_text(names.get(side, side), 96), 32), fontsize=FONT_SIZES["label"])
        ax.set_yticks(y, [path_label(q) for q in order])
        ax.grid(axis="x", color="#EEEEEE", linewidth=0.8)
        ax.set_axisbelow(True)
    np.atleast_1d(axes)[len(sides) // 2].set_xlabel("expected share of the US business's value")
    handles, labels = np.atleast_1d(axes)[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=3, fontsize=8)
    fig.suptitle(title, x=0.02, ha="left", fontweight="bold", fontsize=FONT_SIZES["title"])
    return fig


def path_label(path_id: str) -> str:
    """A path id as a chart label."""
    return path_id.replace("_", " ")


def draw_tornado(sens: pd.DataFrame, title: str, top: int = 12):
    """How far each assumption, moved across its range, shifts the margin of the preferred path
    (``attrs["preferred"]``) over the best other path; a bar crossing zero means the preference flips."""
    preferred = sens.attrs["preferred"]
    part = sens.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8.0, 1.3 + 0.36 * len(part)), layout="constrained")
    y = np.arange(len(part))
    lo, hi = part["margin_at_low"].to_numpy(), part["margin_at_high"].to_numpy()
    ax.barh(y, hi, color=PALETTE["blue"], height=0.6, label="assumption at the top of its range")
    ax.barh(y, lo, color=PALETTE["orange"], height=0.6, alpha=0.85, label="at the bottom of its range")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, [n.replace("export.", "") for n in part["assumption"]], fontsize=8)
    side = sens.attrs.get("side", "operating").replace("_", " ")
    ax.set_xlabel(f"margin of {path_label(preferred)} over the best other path (expected value, {side})")
    for i, r in enumerate(part.itertuples()):
        if not np.isnan(r.break_even):
            ax.text(max(lo[i], hi[i]) + 0.01, i, f"flips at {r.break_even:.3g}", va="center", fontsize=7.5)
    fig.legend(loc="outside lower center", ncol=2, fontsize=8)
    ax.set_title(title)
    return fig
