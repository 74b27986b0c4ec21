"""The HTML edition of one notebook: a page to read, navigate and export from, offline.

The page is built cell by cell from the executed notebook. What the notebook's author wrote
(Markdown cells) and what its code printed (tables, findings, text) is rendered and then cleaned
by an allow-list sanitiser (nh3, a binding of Rust's ammonia): no script, event handler,
``javascript:`` link or unknown tag can come through from the data, whatever the articles,
tables or assumptions hold. The page's own parts are added after the cleaning: the navigation
(contents, previous and next notebook), a switch that shows or folds the code (folded by
default: the reader follows the argument), the links of every figure to its PNG, SVG, CSV and
sidecar, and the interactive figures, drawn live by one local ``figures/plotly.min.js`` from the
same JSON the notebook stores (nothing is loaded from the network).
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import nbformat
import nh3

from helpers.figures import PLOTLY_MIME

TAGS = {"a", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "small", "span", "strong",
        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
ATTRIBUTES = {"*": {"class"}, "a": {"href", "title"}, "img": {"src", "alt", "width", "height"},
              "th": {"colspan", "rowspan", "scope"}, "td": {"colspan", "rowspan"}, "ol": {"start"}}
_HEADING = re.compile(r"<h([1-3])>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")

STYLE = """
:root{--ink:#222;--muted:#666;--rule:#ddd;--accent:#0072B2}
body{font-family:"DejaVu Sans",Arial,sans-serif;color:var(--ink);line-height:1.5;margin:0}
.page{display:grid;grid-template-columns:16rem minmax(0,1fr);gap:2rem;max-width:1250px;margin:0 auto;padding:1rem}
nav.toc{position:sticky;top:1rem;align-self:start;font-size:.88em;max-height:95vh;overflow:auto}
nav.toc ul{padding-left:1.2em} nav.toc li.h3{margin-left:1em;list-style:circle}
nav.bar{display:flex;gap:1.2em;flex-wrap:wrap;align-items:center;border-bottom:1px solid var(--rule);padding:.5em 1rem;
 font-size:.92em;background:#f7f9fb}
main{min-width:0} h1{font-size:1.7em} h2{margin-top:1.8em;border-bottom:1px solid var(--rule);padding-bottom:.2em}
details.code{margin:.4em 0;border-left:3px solid var(--rule);padding-left:.6em}
details.code summary{cursor:pointer;color:var(--muted);font-size:.85em}
pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:.85em} pre.stderr,pre.error{background:#fdecea}
.output-html{overflow:auto;font-size:.85em} .output-html table{border-collapse:collapse}
.output-html th,.output-html td{border:1px solid var(--rule);padding:.2em .5em;text-align:right;vertical-align:top}
figure.fig{margin:1em 0;border:1px solid var(--rule);padding:.6em;background:#fff}
figure.fig img{max-width:100%;height:auto} figcaption{font-size:.85em;color:var(--muted)}
figcaption .links a{margin-right:.7em} .plotly-figure{width:100%;min-height:420px}
@media (max-width:900px){.page{grid-template-columns:1fr} nav.toc{position:static}}
"""
SCRIPT = """
(function () {
  var specs = document.querySelectorAll("script.plotly-spec");
  for (var i = 0; i < specs.length; i++) {
    var s = specs[i], spec = JSON.parse(s.textContent);
    window.Plotly.newPlot(s.getAttribute("data-target"), spec.data, spec.layout, spec.config);
  }
  var toggle = document.getElementById("show-code");
  if (toggle) {
    toggle.addEventListener("change", function () {
      var all = document.querySelectorAll("details.code");
      for (var j = 0; j < all.length; j++) { all[j].open = toggle.checked; }
    });
  }
})();
"""


def clean(fragment: str) -> str:
    """HTML from a notebook (its Markdown, its outputs) with everything not on the allow-list
    removed: scripts and styles with their content, event handlers, ``javascript:`` and ``data:``
    links, comments. Relative links (the figures' files) are kept."""
    return nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     strip_comments=True, link_rel="noopener noreferrer")


def markdown(text: str) -> str:
    """Markdown to clean HTML (raw HTML in the text escaped first, then the result cleaned)."""
    import mistune  # comes with nbconvert; loaded with the HTML edition only

    return clean(mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])(text))


def script_json(value: Any) -> str:
    """JSON safe inside a ``<script type="application/json">``: no ``<``, ``>`` or ``&`` can close it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                        ("\u2029", "\\u2029")):
        text = text.replace(ch, escaped)
    return text


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", html.unescape(_TAG.sub("", text)).lower()).strip("-")[:60] or "section"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _headings(body: str, taken: set[str], toc: list[tuple[int, str, str]]) -> str:
    """Give the H1–H3 of a cleaned fragment ids (and list them in ``toc``)."""
    def name(m: re.Match) -> str:
        level, inner = int(m.group(1)), m.group(2)
        slug = _slug(inner, taken)
        toc.append((level, slug, html.unescape(_TAG.sub("", inner))))
        return f'<h{level} id="{slug}">{inner}</h{level}>'
    return _HEADING.sub(name, body)


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _figure(stem: str, sidecars: Mapping[str, Mapping[str, Any]], inner: str) -> str:
    """A figure block: the figure, its caption and links to every file it was saved as."""
    meta = sidecars.get(stem, {})
    e = html.escape
    links = " ".join(f'<a href="figures/{e(f)}">{e(Path(f).suffix[1:].upper() if not f.endswith(".json") else "sidecar")}</a>'
                     for f in meta.get("files", []))
    caption = f"<b>{e(stem)}</b> — {e(meta.get('caption', ''))}"
    return (f'<figure class="fig" id="fig-{e(stem)}">{inner}<figcaption>{caption}'
            f'<br><span class="links">Download: {links}</span></figcaption></figure>')


def _output(out: Mapping[str, Any], sidecars: Mapping[str, Mapping[str, Any]], plots: list[str]) -> str:
    kind = out.get("output_type")
    if kind == "stream":
        return f'<pre class="{html.escape(out.get("name", "stdout"))}">{html.escape(_text(out.get("text", "")))}</pre>'
    if kind == "error":
        return f'<pre class="error">{html.escape(out.get("ename", ""))}: {html.escape(out.get("evalue", ""))}</pre>'
    data, stem = out.get("data", {}), str(out.get("metadata", {}).get("figure", ""))
    if PLOTLY_MIME in data and stem:
        plots.append(stem)
        target = f"plot-{html.escape(stem)}"
        return _figure(stem, sidecars, f'<div class="plotly-figure" id="{target}"></div>'
                                       f'<script type="application/json" class="plotly-spec" data-target="{target}">'
                                       f"{script_json(data[PLOTLY_MIME])}</script>")
    if "image/png" in data and stem:
        return _figure(stem, sidecars, f'<img src="figures/{html.escape(stem)}.png" alt="{html.escape(stem)}">')
    if "image/png" in data:
        return f'<img src="data:image/png;base64,{html.escape(_text(data["image/png"]).strip())}" alt="figure">'
    if "text/markdown" in data:
        return f'<div class="output-md">{markdown(_text(data["text/markdown"]))}</div>'
    if "text/html" in data:
        return f'<div class="output-html">{clean(_text(data["text/html"]))}</div>'
    if "text/plain" in data:
        return f'<pre class="output">{html.escape(_text(data["text/plain"]))}</pre>'
    return ""


def render(path: Path, sidecars: Mapping[str, Mapping[str, Any]], neighbours: Sequence[tuple[str, str] | None],
           site_title: str) -> str:
    """The page of the notebook at ``path``; ``neighbours`` are the (stem, title) of the previous and
    next notebooks (or None), ``sidecars`` every figure's sidecar by stem."""
    nb = nbformat.read(path, as_version=4)
    taken: set[str] = set()
    toc: list[tuple[int, str, str]] = []
    plots: list[str] = []
    body = []
    for cell in nb.cells:
        source = _text(cell.source)
        if cell.cell_type == "markdown":
            body.append(_headings(markdown(source), taken, toc))
        elif cell.cell_type == "code":
            if source.strip():
                tags = cell.get("metadata", {}).get("tags", [])
                label = "Parameters (code)" if "parameters" in tags else "Code"
                body.append(f'<details class="code"><summary>{label}</summary><pre><code>{html.escape(source)}'
                            "</code></pre></details>")
            body += [_output(out, sidecars, plots) for out in cell.get("outputs", [])]
    title = next((t for level, _, t in toc if level == 1), path.stem)
    e = html.escape
    prev_next = [f'<a href="{e(n[0])}.html" rel="{rel}">{arrow} {e(n[0][:2])} · {e(n[1])}</a>'
                 for n, rel, arrow in zip(neighbours, ("prev", "next"), ("←", "→")) if n]
    links = f'<a href="index.html">{e(site_title)}</a>{"".join(prev_next)}'
    bar = f'<nav class="bar">{links}<label><input type="checkbox" id="show-code"> show the code</label></nav>'
    bottom = f'<nav class="bar">{links}</nav>'

    contents = "".join(f'<li class="h{level}"><a href="#{slug}">{e(text)}</a></li>' for level, slug, text in toc
                       if level > 1)
    scripts = ('<script src="figures/plotly.min.js"></script>' if plots else "") + f"<script>{SCRIPT}</script>"
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{e(title)}</title><style>{STYLE}</style></head><body>{bar}<div class='page'>"
            f"<nav class='toc'><b>Contents</b><ul>{contents}</ul></nav><main>{''.join(body)}</main></div>"
            f"{bottom}{scripts}</body></html>")
