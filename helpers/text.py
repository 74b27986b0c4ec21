"""How findings are worded and how text from the data is made safe to show.

Findings are sentences computed from frames; these are the few rules every notebook's findings
share: a count agrees with its noun, text quoted from an article is escaped before it reaches
Markdown, and findings are shown as one Markdown list.
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
