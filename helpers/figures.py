"""The house style and the one ``save_figure`` every notebook uses.

``save_figure(fig, slug, data, caption, notebook=..., assumptions=..., corpus_checksum=...)``
writes, for a matplotlib figure, ``figures/NN-slug.png`` (200 dpi) and ``.svg``, byte-for-byte
reproducible (fixed fonts, a fixed ``svg.hashsalt``, no dates or versions in the metadata); for a
plotly figure, an offline ``.html`` that loads ``plotly.min.js`` from beside it. Always also
``.csv`` (exactly the data plotted) and ``.json`` (notebook, caption, files, assumptions in
force, corpus checksum). ``NN`` is the number of the notebook that drew it.

In a notebook, ``save_figure`` shows the PNG it has just written (at half its pixel size, so
100 dpi on screen and sharp on high-density displays) and closes the matplotlib figure: what a
reader sees is byte for byte the file they export, and the inline backend does not draw the
figure a second (with ``bbox_inches="tight"``, a third) time.
"""
from __future__ import annotations

import hashlib
import io
import json
import sys
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
# Neutrals, for what is not a category: text, reference lines, same-sentence ties, the record lane.
NEUTRAL = {"text": "#222222", "record": "#555555", "edge": "#BBBBBB", "rule": "#DDDDDD"}
# One sequential scale for shades of one quantity: ColorBrewer's "Blues" (4 classes), with a
# near-white zero (https://colorbrewer2.org/#type=sequential&scheme=Blues&n=4).
BLUES = ("#F2F2F2", "#C6DBEF", "#6BAED6", "#08519C")

# What each category is drawn in, everywhere in the suite (static and interactive figures alike).
VOICE_COLORS = {"narration": PALETTE["grey"], "direct_quote": PALETTE["blue"],
                "reported_speech": PALETTE["sky"], "embedded_post": PALETTE["vermillion"]}
PARTY_TYPE_COLORS = {"company": PALETTE["blue"], "government body": PALETTE["vermillion"], "person": PALETTE["green"],
                     "media outlet": PALETTE["purple"], "commentator": PALETTE["orange"], "public": PALETTE["sky"],
                     "place": PALETTE["grey"]}
TIE_FAMILY_COLORS = {"conflict": PALETTE["vermillion"], "cooperation": PALETTE["green"], "oversight": PALETTE["blue"],
                     "affiliation": PALETTE["purple"]}
EVENT_STATUS_COLORS = {"happened": PALETTE["blue"], "reported": PALETTE["sky"], "scheduled": PALETTE["green"],
                       "deadline": PALETTE["vermillion"], "hedged": PALETTE["orange"], "record": NEUTRAL["record"]}
FONT_SIZES = {"title": 12, "label": 10, "tick": 9, "note": 8}
# A name from the data as a tick or node label is cut to this many characters ("…"): a gazetteer label
# or outlet name of any length leaves the plot its canvas. The full text stays in the figure's CSV.
LABEL_CHARS = 48
# The static network names at most this many parties, the most often named whose names overlap no
# other; the rest are drawn unlabelled (every one, with its position, is in the figure's CSV and the
# interactive network).
NETWORK_LABELS = 30
DPI = 200
PLOTLY_MIME = "application/vnd.plotly.v1+json"
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
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


# The same house style for the interactive (plotly) figures, as a plain template: plotly's own
# "simple_white" look for 2-D axes, in the suite's palette and font. Plotly's named templates carry
# defaults for some forty trace types; building one costs a notebook a fifth of a second.
_PLOTLY_AXIS = {"showgrid": False, "showline": True, "linecolor": "rgb(36,36,36)", "ticks": "outside",
                "zeroline": False, "automargin": True, "title": {"standoff": 15}}
PLOTLY_TEMPLATE: dict[str, Any] = {"layout": {
    "colorway": list(HOUSE_STYLE["axes.prop_cycle"].by_key()["color"]),
    "font": {"family": "DejaVu Sans, Arial, sans-serif", "size": 12, "color": "rgb(36,36,36)"},
    "title": {"x": 0, "xref": "paper"},  # left, over the plot, as axes.titlelocation above
    "paper_bgcolor": "white", "plot_bgcolor": "white", "hovermode": "closest", "hoverlabel": {"align": "left"},
    "xaxis": _PLOTLY_AXIS, "yaxis": _PLOTLY_AXIS,
}}


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
    show: bool = True,
) -> dict[str, Any]:
    """Write a report figure with its data and sidecar; return the sidecar as a dict.

    The sidecar records the assumptions in force, every override of the run (assumptions, and
    publication dates given as ``published``) and the corpus checksum. With ``show`` (the
    default), a matplotlib figure saved inside a Jupyter kernel is shown as the PNG written and
    then closed (see the module docstring); outside a kernel nothing is shown."""
    if not isinstance(data, pd.DataFrame) or data.empty:
        raise ValueError(f"{slug}: save_figure needs the plotted data as a non-empty DataFrame")
    if not caption.strip():
        raise ValueError(f"{slug}: a report figure needs a caption")
    out = Path(out_dir) if out_dir is not None else paths.FIGURES
    stem = figure_stem(slug, notebook)
    files = []
    if hasattr(fig, "savefig"):  # matplotlib
        png = _write_matplotlib(fig, out, stem)
        files += [f"{stem}.png", f"{stem}.svg"]
        if show:
            _show_in_kernel(fig, png, stem)
    elif hasattr(fig, "to_html"):  # plotly
        html = fig.to_html(include_plotlyjs="plotly.min.js", full_html=True, div_id=stem, config=PLOTLY_CONFIG)
        atomic_write(out / f"{stem}.html", html)
        files.append(f"{stem}.html")
        ensure_plotlyjs(out)
        if show:
            _show_plotly_in_kernel(fig, stem)
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


# Beside each output folder, what the PNG of each figure was rendered from (git-ignored).
RENDER_CACHE = ".render-cache"


def _render(fig: Any, ext: str) -> bytes:
    buffer = io.BytesIO()
    meta = {"Software": None} if ext == "png" else {"Date": None, "Creator": None}
    with mpl.rc_context({"svg.hashsalt": SVG_HASHSALT}):
        fig.savefig(buffer, format=ext, dpi=DPI, metadata=meta)
    return buffer.getvalue()


def _render_key(svg: bytes) -> str:
    """What a PNG depends on: the figure (its SVG says every mark, word and position), the
    resolution, the style in force and the versions of the libraries that rasterise."""
    import PIL  # pyplot, Pillow and IPython only where a figure is drawn: `site` imports this module for its constants

    settings = {k: repr(v) for k, v in sorted(mpl.rcParams.items()) if k not in ("backend", "interactive")}
    h = hashlib.sha256(svg)
    h.update(json.dumps([DPI, mpl.__version__, PIL.__version__, settings]).encode())
    return h.hexdigest()


def _write_matplotlib(fig: Any, out: Path, stem: str) -> bytes:
    """Write ``stem.svg`` and ``stem.png``; return the PNG's bytes.

    The SVG is drawn first and lays the figure out; the PNG keeps those positions, so the two
    files agree. Drawing a 200-dpi PNG is the dearest step of a notebook, so when the SVG is byte
    for byte the one the PNG on disk was rendered from (same style, same library versions, and
    the PNG unchanged since: its SHA-256 is checked), that PNG is kept instead of drawn again.
    """
    engine = fig.get_layout_engine()
    try:
        svg = _render(fig, "svg")
        if engine is not None:  # laid out once: the PNG keeps the SVG's positions
            # no engine at all, not "none" (a placeholder engine, for which savefig would still
            # run a whole draw before drawing the PNG)
            with mpl.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
                fig.set_layout_engine(None)
        key = _render_key(svg)
        record = out / RENDER_CACHE / f"{stem}.json"
        png = _cached_png(out / f"{stem}.png", record, key)
        if png is None:
            png = _render(fig, "png")
            atomic_write(out / f"{stem}.png", png)
            atomic_write(record, json.dumps({"key": key, "png_sha256": hashlib.sha256(png).hexdigest()}) + "\n")
        atomic_write(out / f"{stem}.svg", svg)
    finally:
        if engine is not None:
            fig.set_layout_engine(engine)
    return png


def _cached_png(png_path: Path, record: Path, key: str) -> bytes | None:
    try:
        saved = json.loads(record.read_text(encoding="utf-8"))
        png = png_path.read_bytes()
    except (OSError, ValueError):
        return None
    if saved.get("key") == key and saved.get("png_sha256") == hashlib.sha256(png).hexdigest():
        return png
    return None


def _in_kernel() -> bool:
    """Whether this runs inside a Jupyter kernel (not a script, a test or a plain IPython shell)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell is not None and hasattr(shell, "kernel")


def _show_in_kernel(fig: Any, png: bytes, stem: str) -> None:
    """Inside a Jupyter kernel: close ``fig`` (so the inline backend does not draw it again) and
    display ``png``, the exported file, at half its pixel size; the output's metadata names the
    figure (``figure``: its stem), so the HTML edition links its files."""
    if not _in_kernel():
        return
    import matplotlib.pyplot as plt  # only in a kernel: see _render_key
    from IPython.display import Image, display

    plt.close(fig)
    display(Image(data=png, format="png", retina=True), metadata={"figure": stem})


def _show_plotly_in_kernel(fig: Any, stem: str) -> None:
    """Inside a Jupyter kernel: the interactive figure itself, as plotly's own mime type (JupyterLab
    draws it with plotly's renderer; the HTML edition draws it live from the same JSON), with a
    plain-text line for readers without either. Deterministic: no random ids, the same bytes on
    every run, so nbval compares it like any output."""
    if not _in_kernel():
        return
    from IPython.display import display  # only in a kernel: see _render_key

    spec = json.loads(fig.to_json())
    spec["config"] = PLOTLY_CONFIG
    display({PLOTLY_MIME: spec, "text/plain": f"Interactive figure {stem} (also figures/{stem}.html)"},
            raw=True, metadata={"figure": stem})


def ensure_plotlyjs(folder: Path) -> Path:
    """Ship plotly.js once beside the interactive figures, from the installed package (no CDN)."""
    # imported here: plotly loads only in the notebooks that make an interactive figure
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
