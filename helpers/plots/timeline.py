"""The deal timeline (notebook 01): a two-lane report figure and an interactive view.

Both draw the frame of :func:`helpers.timeline.timeline_plot_data`: one row per item (``lane``
corpus or record, ``item_id, date_start, date_end, granularity, status, n_articles, label,
evidence, labelled``), with ``attrs["deadlines"]`` (date and name of each dashed line),
``attrs["published"]`` (each article's publication date and whether the article states it: a
filled marker, or a hollow one for an inferred date) and ``attrs["window"]`` (the dates the
interactive view opens on). The static figure writes the labels of the ``labelled`` items only;
the interactive one shows every item's label on hover.
"""
from __future__ import annotations

import datetime as dt
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import plotly.graph_objects as go
from matplotlib.lines import Line2D

from helpers.figures import EVENT_STATUS_COLORS, NEUTRAL, PLOTLY_TEMPLATE
from helpers.text import figure_text, html_text

STATUS_COLORS = EVENT_STATUS_COLORS


def draw_timeline(items: pd.DataFrame, title: str):
    """Two lanes, what the corpus dates and the sourced record; spans for month-level items, dots
    for days; the deadline and each article's publication date marked; labels stacked so that
    none overlaps another (widths measured on the final axes)."""
    fig = plt.figure(figsize=(11.0, 2.2 + 0.32 * (int(items["labelled"].sum()) + 4) ** 0.9))
    ax = fig.add_axes((0.13, 0.13, 0.84, 0.80))
    view_start, view_end = (pd.Timestamp(d) for d in items.attrs["view"])
    x0 = mdates.date2num(max(items["date_start"].min(), view_start) - pd.Timedelta(days=3))
    x1 = mdates.date2num(min(items["date_end"].max(), view_end) + pd.Timedelta(days=3))
    ax.set_xlim(x0, x1)
    renderer = fig.canvas.get_renderer()
    per_pixel = (x1 - x0) / ax.get_window_extent(renderer).width
    step, gap = 0.30, 0.35
    placed = []
    n_levels = {}
    for lane in ("corpus", "record"):
        part = items[items["lane"] == lane].sort_values(["date_start", "item_id"])
        levels: list[float] = []
        for r in part.itertuples():
            if not r.labelled:
                placed.append((lane, r, None, "left", None))
                continue
            x = max(mdates.date2num(r.date_start), x0)  # an item begun before the view is labelled at its edge
            probe = ax.text(x, 0, " " + figure_text(r.label), fontsize=7.5)
            width = probe.get_window_extent(renderer).width * per_pixel * 1.2 + 1.0  # padding, in days
            probe.remove()
            if x + width > x1:  # would run off the right edge: write it leftwards
                left, right, ha = x - width, x, "right"
            else:
                left, right, ha = x, x + width, "left"
            for level, edge in enumerate(levels):
                if left > edge:
                    levels[level] = right
                    break
            else:
                level = len(levels)
                levels.append(right)
            placed.append((lane, r, level, ha, x))
        n_levels[lane] = max(1, len(levels))
    base = {"record": 0.0, "corpus": 0.8}
    top = base["corpus"] + gap + step * n_levels["corpus"] + 0.2
    for lane, r, level, ha, x in placed:
        y0 = base[lane]
        color = STATUS_COLORS.get(r.status, NEUTRAL["record"])
        if (r.date_end - r.date_start).days >= 1:
            ax.plot([r.date_start, r.date_end + pd.Timedelta(days=1)], [y0, y0], color=color, linewidth=7,
                    solid_capstyle="butt", alpha=0.75, zorder=2)
        else:
            ax.plot([r.date_start], [y0], marker="o", color=color, markersize=6, zorder=3)
        if level is None:  # a mark without a label
            continue
        y = y0 + gap + step * level if lane == "corpus" else y0 - gap - step * level
        ax.plot([x, x], [y0, y], color=color, linewidth=0.6, zorder=1)
        ax.text(x, y, (" " + figure_text(r.label)) if ha == "left" else (figure_text(r.label) + " "),
                fontsize=7.5, va="center",
                ha=ha, color=NEUTRAL["text"])
    for y0 in base.values():
        ax.axhline(y0, color=NEUTRAL["rule"], linewidth=1, zorder=0)
    ax.set_ylim(base["record"] - gap - step * n_levels["record"], top)
    for i, (day, name) in enumerate(items.attrs["deadlines"]):
        ax.axvline(pd.Timestamp(day), color=STATUS_COLORS["deadline"], linestyle="--" if i == 0 else ":", linewidth=1)
        ax.text(pd.Timestamp(day), top - 0.18 * i, f" {figure_text(name)} {day:%b} {day.day}", color=STATUS_COLORS["deadline"],
                fontsize=8, va="top")
    for published, stated in items.attrs["published"]:
        ax.plot([published], [base["corpus"]], marker="v", markersize=7, zorder=4, color="black",
                markerfacecolor="black" if stated else "white")
    ax.set_yticks([base["record"], base["corpus"]], ["sourced record", "stated in the corpus"])
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title(title)
    handles = [Line2D([], [], marker="o", linestyle="", color=c, label=s) for s, c in STATUS_COLORS.items()
               if s in set(items["status"])]
    handles.append(Line2D([], [], marker="v", linestyle="", color="black", label="article published"))
    if not all(stated for _, stated in items.attrs["published"]):
        handles.append(Line2D([], [], marker="v", linestyle="", color="black", markerfacecolor="white",
                              label="date inferred"))
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=8, bbox_to_anchor=(0.55, 0.0))
    return fig


def timeline_plotly(items: pd.DataFrame, title: str):
    """Interactive timeline: hover any item for its evidence sentence (or record entry and source).

    With ``attrs["window"]`` the view opens on those dates (as the static figure), with every
    item still in the figure: zoom out, or double-click the plot, to see the rest."""
    window: tuple[dt.date, dt.date] | None = items.attrs.get("window")
    fig = go.Figure(layout={"template": PLOTLY_TEMPLATE})  # first: add_vline would fill in plotly's default
    lanes = {"record": 0, "corpus": 1}
    for status, color in STATUS_COLORS.items():
        part = items[items["status"] == status]
        if part.empty:
            continue
        hover = [f"<b>{html_text(r.label)}</b><br>{r.date_start:%Y-%m-%d}"
                 + (f" to {r.date_end:%Y-%m-%d}" if r.date_end != r.date_start else "") + "<br>"
                 + "<br>".join(textwrap.wrap(html_text(r.evidence), 100)) for r in part.itertuples()]
        spans = part[part["date_end"] > part["date_start"]]
        if not spans.empty:  # a month or a stretch of days: a bar from its first to its last day
            fig.add_trace(go.Scatter(
                x=[d for r in spans.itertuples() for d in (r.date_start, r.date_end, None)],
                y=[y for lane in spans["lane"] for y in (lanes[lane], lanes[lane], None)], mode="lines",
                line={"color": color, "width": 6}, opacity=0.6, hoverinfo="skip", showlegend=False,
                legendgroup=status))
        fig.add_trace(go.Scatter(
            x=[r.date_start + (r.date_end - r.date_start) / 2 for r in part.itertuples()],
            y=[lanes[lane] for lane in part["lane"]], mode="markers", name=status, legendgroup=status,
            marker={"color": color, "size": 11, "line": {"color": "white", "width": 1}},
            hovertext=hover, hoverinfo="text"))
    for i, (day, name) in enumerate(items.attrs["deadlines"]):
        fig.add_vline(x=pd.Timestamp(day).timestamp() * 1000, line_dash="dash" if i == 0 else "dot",
                      line_color=STATUS_COLORS["deadline"], annotation_text=html_text(name),
                      annotation_position="top" if i == 0 else "bottom")
    fig.update_layout(title=title, height=420, width=1000, hovermode="closest",
                      yaxis={"tickvals": [0, 1], "ticktext": ["sourced record", "stated in the corpus"],
                             "range": [-0.6, 1.6], "fixedrange": True},  # zoom and reset act on dates only
                      legend={"orientation": "h"})
    if window is not None:
        pad = dt.timedelta(days=3)
        fig.update_xaxes(range=[(window[0] - pad).isoformat(), (window[1] + pad).isoformat()])
    return fig
