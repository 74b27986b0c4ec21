"""The stakeholder network (static and interactive) and the role-by-article matrix (notebook 02).

The network figures draw the one table of :func:`helpers.stakeholders.network_plot_data`: a row
per party (``kind`` node: ``stakeholder_id, name, type, role_in_deal, mentions, reviewed, x, y``;
a provisional party, ``reviewed`` False, is drawn hollow) and a row
per tie (``kind`` co-occurrence or relation: ``source_id, target_id, relation, family, weight,
hedged, evidence`` and both endpoints' positions). The matrix draws
:func:`helpers.stakeholders.role_matrix_plot_data`.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
import plotly.graph_objects as go
from matplotlib.lines import Line2D

from helpers.figures import (
    FONT_SIZES,
    LABEL_CHARS,
    NETWORK_LABELS,
    NEUTRAL,
    PARTY_TYPE_COLORS,
    PLOTLY_TEMPLATE,
    TIE_FAMILY_COLORS,
)
from helpers.tables import ROLES
from helpers.text import counted, figure_text, html_text

NODE_COLUMNS = ["stakeholder_id", "name", "type", "role_in_deal", "mentions", "reviewed", "x", "y"]
# every party type has a colour: an organisation of no other type in the house's dark grey
TYPE_COLORS = {**PARTY_TYPE_COLORS, "organisation": NEUTRAL["record"]}
PROVISIONAL = "provisional (not yet reviewed)"
EDGE_COLUMNS = ["kind", "source_id", "target_id", "relation", "family", "weight", "hedged", "evidence"]


def split_network(network: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The network table as its nodes and its edges, each with the columns and types it was built with."""
    is_node = network["kind"] == "node"
    nodes = network.loc[is_node].reindex(columns=NODE_COLUMNS)
    nodes["reviewed"] = nodes["reviewed"].fillna(True).astype(bool)
    nodes = nodes.astype({"mentions": "int64"}).reset_index(drop=True)
    edges = network.loc[~is_node, EDGE_COLUMNS].astype({"weight": "int64", "hedged": bool}).reset_index(drop=True)
    return nodes, edges


def draw_network(network: pd.DataFrame, title: str):
    """Static report network: nodes coloured by type and sized by mentions, provisional parties
    (not yet in the gazetteer) hollow; grey co-occurrence edges (width = sentences shared); typed
    relations as arrows coloured by family, dashed when hedged."""
    nodes, edges = split_network(network)
    fig, ax = plt.subplots(figsize=(10.0, 8.0), layout="constrained")
    pos = {r.stakeholder_id: (r.x, r.y) for r in nodes.itertuples()}
    co = edges[edges["kind"] == "co-occurrence"]
    for r in co.itertuples():
        (x0, y0), (x1, y1) = pos[r.source_id], pos[r.target_id]
        ax.plot([x0, x1], [y0, y1], color=NEUTRAL["edge"], linewidth=0.4 + 0.6 * r.weight, zorder=1)
    for r in edges[edges["kind"] == "relation"].itertuples():
        ax.annotate("", xy=pos[r.target_id], xytext=pos[r.source_id], zorder=2,
                    arrowprops={"arrowstyle": "-|>", "color": TIE_FAMILY_COLORS[r.family], "linewidth": 1.4,
                                "linestyle": "--" if r.hedged else "-", "shrinkA": 9, "shrinkB": 9,
                                "connectionstyle": "arc3,rad=0.12"})
    sizes = 40 + 900 * nodes["mentions"] / max(1, int(nodes["mentions"].max()))  # area by mentions, the largest fixed
    colors = nodes["type"].map(TYPE_COLORS).fillna(NEUTRAL["record"])
    reviewed = nodes["reviewed"]
    ax.scatter(nodes.loc[reviewed, "x"], nodes.loc[reviewed, "y"], s=sizes[reviewed], c=colors[reviewed],
               edgecolors="white", linewidths=1.0, zorder=3)
    ax.scatter(nodes.loc[~reviewed, "x"], nodes.loc[~reviewed, "y"], s=sizes[~reviewed], facecolors="white",
               edgecolors=colors[~reviewed], linewidths=1.6, zorder=3)  # provisional parties: hollow
    ax.set_axis_off()
    ax.margins(0.08)
    # Names, most-mentioned first, up to NETWORK_LABELS, each only where it overlaps no name already placed.
    renderer, placed, named = fig.canvas.get_renderer(), [], set()
    for r in nodes.sort_values(["mentions", "name"], ascending=[False, True]).itertuples():
        if len(named) == NETWORK_LABELS:
            break
        label = ax.annotate(figure_text(r.name, LABEL_CHARS), (r.x, r.y),
                            xytext=(0, -5 - sizes[r.Index] ** 0.5 / 2), textcoords="offset points",
                            ha="center", va="top", fontsize=7.5, zorder=4)
        box = label.get_window_extent(renderer).expanded(1.04, 1.15)
        if any(box.overlaps(other) for other in placed):
            label.remove()
            continue
        placed.append(box)
        named.add(r.stakeholder_id)

    ax.set_title(title, pad=16 if len(named) < len(nodes) else None)
    if len(named) < len(nodes):  # under the title: which names the reader sees
        ax.text(0, 1.0, f"Names shown: {len(named)} of the {len(nodes)} parties, the most often named that fit "
                "without overlapping (all of them in the CSV and the interactive network)", transform=ax.transAxes,
                ha="left", va="bottom", fontsize=FONT_SIZES["note"], color=NEUTRAL["text"])
    types = [Line2D([], [], marker="o", linestyle="", color=c, label=t) for t, c in TYPE_COLORS.items()
             if t in set(nodes["type"])]
    if (~reviewed).any():
        types.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor=NEUTRAL["text"],
                            label=PROVISIONAL))
    fams = [Line2D([], [], color=c, label=f) for f, c in TIE_FAMILY_COLORS.items()
            if f in set(edges.get("family", []))]
    extra = [Line2D([], [], color=NEUTRAL["edge"], label="same sentence"),
             Line2D([], [], color="black", linestyle="--", label="hedged tie")]
    fig.legend(handles=types + fams + extra, loc="outside lower center", ncol=5, fontsize=8)
    return fig


def network_plotly(network: pd.DataFrame, title: str):
    """Interactive network: hover a node for its role and mentions, an edge's midpoint for the
    evidence sentences (escaped, so article text can never become markup); provisional parties
    are open circles."""
    nodes, edges = split_network(network)
    pos = {r.stakeholder_id: (r.x, r.y) for r in nodes.itertuples()}
    fig = go.Figure(layout={"template": PLOTLY_TEMPLATE})
    for family, color in [("", NEUTRAL["edge"]), *TIE_FAMILY_COLORS.items()]:
        part = edges[edges["family"] == family]
        if part.empty:
            continue
        xs, ys, mx, my, hover = [], [], [], [], []
        for r in part.itertuples():
            (x0, y0), (x1, y1) = pos[r.source_id], pos[r.target_id]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
            mx.append((x0 + x1) / 2)
            my.append((y0 + y1) / 2)
            label = (f"{r.source_id} — {r.relation} → {r.target_id}" if r.relation
                     else f"{r.source_id} & {r.target_id}: {counted(r.weight, 'sentence')} together")
            body = "<br>".join("<br>".join(textwrap.wrap(html_text(e), 90)) for e in r.evidence.split(" | ") if e)
            hover.append(html_text(label) + (" (hedged)" if r.hedged else "") + ("<br>" + body if body else ""))
        name = family or "same sentence"
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": color, "width": 1.5 if family else 0.8,
                                                                   "dash": "solid"},
                                 hoverinfo="skip", name=name, legendgroup=name))
        fig.add_trace(go.Scatter(x=mx, y=my, mode="markers", marker={"size": 7, "color": color, "opacity": 0.6},
                                 hovertext=hover, hoverinfo="text", showlegend=False, legendgroup=name))
    for (t, color), reviewed in ((tc, r) for r in (True, False) for tc in TYPE_COLORS.items()):
        part = nodes[(nodes["type"] == t) & (nodes["reviewed"] == reviewed)]
        if part.empty:
            continue
        hover = [html_text(f"{r.name} ({r.type}, {r.role_in_deal}{'' if reviewed else ', provisional'}): "
                           f"{counted(r.mentions, 'mention')}") for r in part.itertuples()]
        fig.add_trace(go.Scatter(x=part["x"], y=part["y"], mode="markers+text", text=[html_text(n) for n in part["name"]],
                                 textposition="bottom center", hovertext=hover, hoverinfo="text",
                                 name=t if reviewed else f"{t}, provisional (hollow)",
                                 marker={"size": list(8 + 3 * part["mentions"] ** 0.8), "color": color,
                                         "symbol": "circle" if reviewed else "circle-open",
                                         "line": {"color": "white" if reviewed else color, "width": 1 if reviewed else 2}}))
    pad_x = 0.18 * (nodes["x"].max() - nodes["x"].min() or 1)
    pad_y = 0.08 * (nodes["y"].max() - nodes["y"].min() or 1)
    fig.update_layout(title=title, width=950, height=720, hovermode="closest",
                      xaxis={"visible": False, "range": [nodes["x"].min() - pad_x, nodes["x"].max() + pad_x]},
                      yaxis={"visible": False, "range": [nodes["y"].min() - pad_y, nodes["y"].max() + pad_y]},
                      legend={"orientation": "h"})
    return fig


def draw_role_matrix(plotted: pd.DataFrame, title: str):
    """Mentions of each party (rows, grouped by role in the deal) in each column (articles, or
    weeks or months of publication: ``attrs["columns"]``), from
    :func:`helpers.stakeholders.role_matrix_plot_data`."""
    role_order = {r: i for i, r in enumerate(ROLES)}
    rows = (plotted.drop_duplicates("row_id")
            .assign(role_rank=lambda d: d["role_in_deal"].map(role_order).fillna(len(ROLES)))
            .sort_values(["role_rank", "row_order"]))
    cols = plotted.drop_duplicates("column_key").sort_values("column_order")
    grid = (plotted.pivot(index="row_id", columns="column_key", values="mentions")
            .reindex(index=rows["row_id"], columns=cols["column_key"]))
    values = grid.to_numpy()
    per_column = {"article": "", "week": " articles", "month": " articles"}[plotted.attrs["columns"]]
    xlabels = [figure_text(r.column_label, LABEL_CHARS) + (f" ({r.n_articles}{per_column})" if per_column else "")
               for r in cols.itertuples()]
    upright = len(cols) <= 3 and max(map(len, xlabels)) <= 12  # short labels of few columns read upright
    width = min(max(5.5, 3.2 + 0.45 * len(cols)), 12.0)
    fig, ax = plt.subplots(figsize=(width, 1.6 + 0.27 * len(rows) + (0 if upright else 0.055 * max(map(len, xlabels)))),
                           layout="constrained")
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(cols)), xlabels, rotation=0 if upright else 40, ha="center" if upright else "right",
                  rotation_mode="anchor", fontsize=7.5)
    ylabels = [figure_text(r.row_label, LABEL_CHARS) + (f" · {figure_text(r.role_in_deal, 24)}" if r.role_in_deal else "")
               for r in rows.itertuples()]
    ax.set_yticks(range(len(rows)), ylabels, fontsize=8)
    if values.size <= 400:  # the numbers themselves while they fit
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                ax.text(j, i, str(values[i, j]), ha="center", va="center", fontsize=7,
                        color="white" if values[i, j] > values.max() * 0.6 else "black")
    ax.tick_params(length=0)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    # over the whole figure, from its left edge: the heat map is narrower than a long title
    fig.suptitle(title, x=0.02, ha="left", fontweight="bold", fontsize=FONT_SIZES["title"])
    return fig
