"""Figures of the export-control model (notebook 03): the function × control-point matrix, the
deal paths' expected values, and the one-at-a-time sensitivity (tornado)."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap

from helpers.figures import BLUES, PALETTE


def draw_matrix(matrix: pd.DataFrame, title: str):
    """Functions (rows) by catalogue items (columns), shaded and labelled by mapping confidence.

    ``matrix`` is :func:`helpers.export_controls.matrix_plot_data`: one row per function and item,
    in drawing order, with ``attrs["function_names"]`` and ``attrs["item_labels"]`` (id to label)."""
    fn = list(dict.fromkeys(matrix["function_id"]))
    it = list(dict.fromkeys(matrix["item_id"]))
    grid = matrix.pivot(index="function_id", columns="item_id", values="confidence_score").reindex(index=fn, columns=it)
    labels = matrix.pivot(index="function_id", columns="item_id", values="confidence").reindex(index=fn, columns=it)
    fig, ax = plt.subplots(figsize=(7.5, 4.6), layout="constrained")
    ax.imshow(grid.to_numpy(), cmap=ListedColormap(list(BLUES)), vmin=0, vmax=3, aspect="auto")
    names = matrix.attrs["function_names"]
    ax.set_yticks(range(len(fn)), [names[f] for f in fn], fontsize=8)
    cps = matrix.attrs["item_labels"]
    ax.set_xticks(range(len(it)), [f"{i}\n" + textwrap.fill(cps[i], 26) for i in it], fontsize=7.5)
    for y in range(len(fn)):
        for x in range(len(it)):
            text = labels.iloc[y, x]
            if text:
                ax.text(x, y, text, ha="center", va="center", fontsize=8,
                        color="white" if grid.iloc[y, x] == 3 else "black")
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title(title)
    return fig


def draw_paths(plotted: pd.DataFrame, title: str):
    """Each path's expected value: the value in force (dot) and the Monte Carlo 90 % interval (bar),
    from :func:`helpers.export_controls.paths_plot_data`."""
    p = plotted.set_index("path_id").sort_values("expected_value")
    order = p.index.tolist()
    fig, ax = plt.subplots(figsize=(7.5, 3.2), layout="constrained")
    y = np.arange(len(order))
    ax.hlines(y, p["q05"], p["q95"], color=BLUES[2], linewidth=6, label="90 % of Monte Carlo draws")
    ax.plot(p["median"], y, "|", color=BLUES[3], markersize=14, label="median of draws")
    ax.plot(p["expected_value"], y, "o", color=PALETTE["vermillion"], label="assumptions in force")
    ax.set_yticks(y, [path_label(q) for q in order])
    ax.set_xlim(0, 1)
    ax.set_xlabel("expected share of the US product's value kept")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(title)
    return fig


def path_label(path_id: str) -> str:
    """A path id as a chart label."""
    return path_id.replace("_", " ")


def draw_tornado(sens: pd.DataFrame, title: str, top: int = 12):
    """How far each assumption, moved across its range, shifts the margin of the preferred path
    (``attrs["preferred"]``) over the best other path; a bar crossing zero means the preference flips."""
    preferred = sens.attrs["preferred"]
    part = sens.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8.0, 0.9 + 0.36 * len(part)), layout="constrained")
    y = np.arange(len(part))
    lo, hi = part["margin_at_low"].to_numpy(), part["margin_at_high"].to_numpy()
    ax.barh(y, hi, color=PALETTE["blue"], height=0.6, label="assumption at the top of its range")
    ax.barh(y, lo, color=PALETTE["orange"], height=0.6, alpha=0.85, label="at the bottom of its range")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, [n.replace("export.", "") for n in part["assumption"]], fontsize=8)
    ax.set_xlabel(f"margin of {path_label(preferred)} over the best other path (expected value)")
    for i, r in enumerate(part.itertuples()):
        if not np.isnan(r.break_even):
            ax.text(max(lo[i], hi[i]) + 0.01, i, f"flips at {r.break_even:.3g}", va="center", fontsize=7.5)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(title)
    return fig
