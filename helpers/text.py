"""How findings are worded, and the one way text from the data reaches a reader.

Findings are sentences computed from frames; these are the few rules every notebook's findings
share: a count agrees with its noun, long lists are cut to a few items, and findings are shown as
one Markdown list. Every string that comes from the data (article text, metadata, reference
tables, assumptions) is untrusted: it reaches Markdown through :func:`md_text`, an HTML page or
a plotly hover through :func:`html_text`, and a matplotlib figure (its SVG too) through
:func:`figure_text`.
"""
from __future__ import annotations

import html
import re


def markdown_bullets(lines: list[str]) -> str:
    """Findings as a Markdown bullet list (what a notebook's findings cell displays)."""
    return "\n".join(f"- {line}" for line in lines)


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in agreement with it, for findings that must read right at any corpus
    size: ``counted(1, "article")`` is "1 article", ``counted(3, "article")`` "3 articles"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~-])")


def md_text(text: object) -> str:
    """Text from an article made safe inside Markdown: HTML escaped, Markdown syntax neutralised."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def html_text(text: object) -> str:
    """Text from the data made safe inside HTML (a plotly hover, a page): every markup character escaped."""
    return html.escape(str(text), quote=True)


def shorten(text: object, most: int) -> str:
    """``text`` on one line in at most ``most`` characters: cut at a word boundary where one is
    near (in its last 40 %), with an ellipsis. The one way labels, figures and the timeline cut."""
    text = " ".join(str(text).split())
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space >= 0.6 * most else cut).rstrip(" ,.;:-(") + "…"


def figure_text(text: object, most: int | None = None) -> str:
    """Text from the data as a matplotlib figure shows it, literally: a ``$`` would start
    mathematics (matplotlib escapes markup itself when it writes the SVG). With ``most``, a label
    longer than that is :func:`shorten`-ed, so that a long name from the data cannot push the plot
    off its canvas (the full text stays in the CSV)."""
    return (shorten(text, most) if most is not None else str(text)).replace("$", r"\$")


def some(items: list[str], most: int = 5) -> str:
    """Items as a list a sentence can hold at any size: all of them up to ``most``, else the first
    ``most`` and how many more ("A, B, C and 12 more")."""
    items = list(items)
    if len(items) <= most:
        return ", ".join(items)
    return ", ".join(items[:most]) + f" and {len(items) - most} more"
