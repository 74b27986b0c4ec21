"""The house style and the one ``save_figure`` every notebook uses.

``save_figure(fig, slug, data, caption, notebook=..., assumptions=..., corpus_checksum=...)``
writes, for a matplotlib figure, ``figures/NN-slug.png`` (200 dpi) and ``.svg``, byte-for-byte
reproducible (fixed fonts, a fixed ``svg.hashsalt``, no dates or versions in the metadata); for a
plotly figure, an offline ``.html`` that loads ``plotly.min.js`` from beside it. Always also
``.csv`` (exactly the data plotted) and ``.json`` (notebook, caption, files, assumptions in
force, corpus checksum). ``NN`` is the number of the notebook that drew it.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import matplotlib as mpl
import pandas as pd

from helpers import paths
from helpers.outputs import atomic_write, table_csv

# One palette for the suite: Okabe & Ito's colour-blind-safe set (https://jfly.uni-koeln.de/color/).
PALETTE = {
    "black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
    "grey": "#999999",
}
VOICE_COLORS = {"narration": PALETTE["grey"], "direct_quote": PALETTE["blue"],
                "reported_speech": PALETTE["sky"], "embedded_post": PALETTE["vermillion"]}
FONT_SIZES = {"title": 12, "label": 10, "tick": 9, "note": 8}
DPI = 200
SVG_HASHSALT = "tiktok-oracle-suite"

HOUSE_STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs on every machine
    "font.size": FONT_SIZES["label"],
    "axes.titlesize": FONT_SIZES["title"],
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": FONT_SIZES["label"],
    "xtick.labelsize": FONT_SIZES["tick"],
    "ytick.labelsize": FONT_SIZES["tick"],
    "legend.fontsize": FONT_SIZES["tick"],
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=[PALETTE[k] for k in ("blue", "orange", "green", "vermillion",
                                                              "purple", "sky", "yellow", "black")]),
    "figure.figsize": (8.0, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "savefig.bbox": "standard",  # layouts are constrained or placed by hand; "tight" would draw twice
    "svg.hashsalt": SVG_HASHSALT,
    "svg.fonttype": "none",  # text stays text in the SVG: editable, and a quarter of the size
    "path.simplify": True,
}


def use_house_style() -> None:
    """Apply the suite's matplotlib style (call once at the top of a notebook)."""
    mpl.rcParams.update(HOUSE_STYLE)


def figure_stem(slug: str, notebook: str) -> str:
    """``NN-slug`` for a figure drawn in notebook ``NN-...``."""
    number = Path(notebook).name[:2]
    if not number.isdigit():
        raise ValueError(f"notebook {notebook!r} does not start with its two-digit number")
    return slug if slug[:3] == f"{number}-" else f"{number}-{slug}"


def save_figure(
    fig: Any,
    slug: str,
    data: pd.DataFrame,
    caption: str,
    *,
    notebook: str,
    assumptions: Mapping[str, Any] | None = None,
    corpus_checksum: str = "",
    out_dir: Path | str | None = None,
    published: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Write a report figure with its data and sidecar; return the sidecar as a dict.

    The sidecar records the assumptions in force, every override of the run (assumptions, and
    publication dates given as ``published``) and the corpus checksum."""
    if not isinstance(data, pd.DataFrame) or data.empty:
        raise ValueError(f"{slug}: save_figure needs the plotted data as a non-empty DataFrame")
    if not caption.strip():
        raise ValueError(f"{slug}: a report figure needs a caption")
    out = Path(out_dir) if out_dir is not None else paths.FIGURES
    stem = figure_stem(slug, notebook)
    files = []
    if hasattr(fig, "savefig"):  # matplotlib
        import io

        with mpl.rc_context({"svg.hashsalt": SVG_HASHSALT}):
            for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
                buffer = io.BytesIO()
                fig.savefig(buffer, format=ext, dpi=DPI, metadata=meta)
                atomic_write(out / f"{stem}.{ext}", buffer.getvalue())
                files.append(f"{stem}.{ext}")
    elif hasattr(fig, "to_html"):  # plotly
        html = fig.to_html(include_plotlyjs="plotly.min.js", full_html=True, div_id=stem,
                           config={"displaylogo": False, "responsive": True})
        atomic_write(out / f"{stem}.html", html)
        files.append(f"{stem}.html")
        ensure_plotlyjs(out)
    else:
        raise TypeError(f"{slug}: not a matplotlib or plotly figure: {type(fig).__name__}")
    atomic_write(out / f"{stem}.csv", table_csv(data))
    files.append(f"{stem}.csv")
    sidecar = {
        "figure": stem,
        "notebook": Path(notebook).stem,
        "caption": caption.strip(),
        "files": files + [f"{stem}.json"],
        "assumptions": {k: _jsonable(v) for k, v in sorted((assumptions or {}).items())},
        "overrides": {**{k: _jsonable(v) for k, v in sorted(dict(getattr(assumptions, "overridden", {}) or {}).items())},
                      **{f"published.{k}": _jsonable(v) for k, v in sorted((published or {}).items())}},
        "corpus_checksum": corpus_checksum,
        "rows_plotted": int(len(data)),
    }
    atomic_write(out / f"{stem}.json", json.dumps(sidecar, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return sidecar


def ensure_plotlyjs(folder: Path) -> Path:
    """Ship plotly.js once beside the interactive figures, from the installed package (no CDN)."""
    from plotly.offline import get_plotlyjs

    target = folder / "plotly.min.js"
    script = get_plotlyjs()
    if not target.exists() or target.read_text(encoding="utf-8") != script:
        atomic_write(target, script)
    return target


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def sentence_strip(sentences: pd.DataFrame, color: pd.Series, title: str, legend: Mapping[str, str] | None = None,
                   texts_length: Mapping[str, int] | None = None):
    """Each article as a horizontal strip of its sentences, ``[start, end)`` in characters.

    ``color`` gives each sentence row its colour; ``legend`` maps labels to colours.
    Returns the matplotlib figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

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
    ax.set_xlim(0, max(texts_length.values()) if texts_length else sentences["end"].max())
    ax.set_title(title)
    if legend:
        fig.legend(handles=[Patch(color=c, label=label.replace("_", " ")) for label, c in legend.items()],
                   loc="outside lower center", ncol=len(legend))
    return fig
