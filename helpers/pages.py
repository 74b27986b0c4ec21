"""What a saved web page says: its article text and metadata, read with trafilatura, and which
field of the page states its date. Used by :mod:`helpers.ingest` (``python -m helpers add``).

:func:`read_saved_page` returns a :class:`Page`: ``text`` (trafilatura's main text, furniture
inside the article pruned), ``title`` (og:title or the like), ``sitename`` (og:site_name, else the
host), ``url`` (canonical link or og:url), ``date`` (what the markup states, found by htmldate
without its free-text search; a bare year is no date) and ``date_field`` (the field that states
it: ``<meta property="article:published_time">``, ``JSON-LD datePublished``, ``<time datetime>``,
the canonical URL; None when htmldate found it elsewhere in the markup).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

import lxml.etree
import lxml.html
from dateutil import parser as dateutil_parser

from helpers.tables import EARLIEST_DATE

_JSONLD_KEYS = ("datePublished", "dateCreated", "uploadDate", "dateModified")
_DATE_KEY = re.compile(r"date|time|publish|modif|creat|issue", re.IGNORECASE)
# Furniture inside an article that trafilatura keeps: photo captions, highlight boxes, "Read more"
# links, agency credit lines. Not pruned when these would take more than FURNITURE_MAX_SHARE of
# the page's paragraph words: they have then matched the article itself (a wrapper's class).
FURNITURE_XPATH = "//figcaption | " + " | ".join(f"//*[contains(@class, '{c}')]" for c in (
    "caption", "highlights", "read-more", "readmore", "credit", "picture"))
FURNITURE_MAX_SHARE = 0.3


@dataclass(frozen=True)
class Page:
    """A saved page's article text and metadata; see the module docstring."""

    text: str
    title: str | None
    sitename: str | None
    url: str | None
    date: dt.date | None
    date_field: str | None


def _day_of(value: str | None) -> dt.date | None:
    """The day a markup value states, as written (no time-zone shift), or None."""
    try:
        return dateutil_parser.parse(value.strip(), default=dt.datetime(1900, 1, 1)).date() if value else None
    except (ValueError, OverflowError):
        return None


def _jsonld_dates(node: object) -> Iterable[tuple[str, str]]:
    if isinstance(node, list):
        for item in node:
            yield from _jsonld_dates(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in _JSONLD_KEYS and isinstance(value, str):
                yield key, value
            else:
                yield from _jsonld_dates(value)


def date_field(tree: lxml.html.HtmlElement, day: dt.date, url: str | None) -> str | None:
    """Which field of a page states ``day`` (the date htmldate found), looked for in htmldate's
    order: the address, a ``<meta>`` tag, JSON-LD, a ``<time>`` element; None if none does."""
    if url and any(f in url for f in (f"/{day:%Y/%m/%d}/", f"/{day.year}/{day.month}/{day.day}/", f"{day:%Y-%m-%d}")):
        return "the date in its canonical URL"
    for meta in tree.iter("meta"):
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key and _DATE_KEY.search(key) and _day_of(meta.get("content") or meta.get("datetime")) == day:
                return f'<meta {attr}="{key}">'
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            found = [key for key, value in _jsonld_dates(json.loads(script.text or "")) if _day_of(value) == day]
        except ValueError:
            continue
        if found:
            return f"JSON-LD {found[0]}"
    return next(("<time datetime>" for t in tree.iter("time") if _day_of(t.get("datetime")) == day), None)


def furniture_share(tree: lxml.html.HtmlElement) -> float:
    """The share of the page's paragraph words that ``FURNITURE_XPATH`` would remove."""
    hits = set(tree.xpath(FURNITURE_XPATH))
    total = inside = 0
    for p in tree.iter("p"):
        n = len(p.text_content().split())
        total += n
        inside += n if p in hits or any(a in hits for a in p.iterancestors()) else 0
    return inside / total if total else 0.0


def read_saved_page(data: bytes) -> Page | None:
    """The article and metadata of a saved page (its raw bytes; trafilatura finds the encoding),
    or None if trafilatura finds no article at all. trafilatura's own errors are raised."""
    from trafilatura import bare_extraction  # loaded only when a saved page is added (0.3 s)

    try:
        tree = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    prune = [FURNITURE_XPATH] if tree is not None and furniture_share(tree) <= FURNITURE_MAX_SHARE else None
    limits = {"original_date": True, "extensive_search": False, "min_date": EARLIEST_DATE.isoformat(),
              "max_date": dt.date.today().isoformat()}
    doc = bare_extraction(data, with_metadata=True, include_comments=False, date_extraction_params=limits,
                          prune_xpath=prune)
    if doc is None:
        return None
    day = dt.date.fromisoformat(doc.date) if doc.date else None
    where = date_field(tree, day, doc.url) if day and tree is not None else None
    if day and not where and (day.month, day.day) == (1, 1):  # a bare year found in the markup is no date
        day = None
    return Page(doc.text or "", doc.title or None, doc.sitename or None, doc.url or None, day, where)
