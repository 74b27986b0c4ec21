"""Quotations grouped as they are read: one quotation, the paragraphs of a multi-paragraph one (an
opening mark on each paragraph, the closing one on the last), or a statement set after a line
ending in a colon that names a statement or a speech verb ("Microsoft's full statement:"): the one
paragraph after it and those in the statement's first person ("We will ..."), or, after a line
saying *full*, *in full* or *in part*, or naming a fact sheet or a filing (an excerpt of a document, in its
third person), every paragraph up to one with a reporting verb or quotation marks or a crosshead."""

from __future__ import annotations

import re

from helpers.segment import PAD
from helpers.speechcues import SpeechCues

_FULL = re.compile(r"(?i)\bfull\b|\bin\s+full\b")
_EXCERPT = re.compile(r"(?i)\bin\s+part\b|\bfact\s+sheet\b|\bfiling\b")  # an excerpt of a document, in its third person
_FIRST_WORD = re.compile(r"[A-Za-z]+")
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|I|[Oo]ur|[Mm]y)\b")  # a statement's next paragraph, in its own voice


def quote_groups(text: str, paras: list[tuple], spans: dict, sc: SpeechCues) -> list[list[tuple]]:
    """Quotations (outside others) as groups: one quotation, the parts of a multi-paragraph one,
    or the paragraphs of a statement. Items: (start, end, paragraph_no, closed, kind). ``paras``:
    (paragraph_no, start, end, kind); ``spans``: paragraph -> its quotations (:func:`helpers.segment.quote_spans`)."""
    groups: list[list[tuple]] = []
    open_group: list[tuple] | None = None
    statement_from: tuple | None = None
    for i, (pno, p0, p1, kind) in enumerate(paras):
        if kind == "embedded_post":
            open_group = None
            continue
        top = [(a, b, c) for a, b, d, c in spans.get(pno, []) if d == 0]
        starts_quoted = bool(top) and top[0][0] == p0 and text[p0] in "“\"«"
        if statement_from is not None:
            intro, mode = statement_from
            # after the first paragraph, only a full statement's or an excerpt's, or one in the statement's first person
            first_person = _FIRST_PERSON.search(text, p0, min(p1, p0 + 150))
            if not top and kind in ("body", "fragment") and (len(intro) == 1 or first_person or (
                    not sc.verbs.search(text, p0, p1) and (mode == "full" or (
                        mode == "excerpt" and kind == "body" and _common_start(text, p0, sc))))):
                intro.append((p0, p1, pno, True, "statement"))
                continue
            statement_from = None
        for a, b, closed in top:
            item = (a, b, pno, closed, "quote")
            if open_group is not None and a == p0 and starts_quoted:
                open_group.append(item)
            else:
                groups.append([item])
                open_group = groups[-1]
            if closed:
                open_group = None
        line = text[p0:p1].rstrip(PAD)
        if line.endswith(":") and (sc.statements.search(text, p0, p1) or sc.verbs.search(text, p0, p1)) \
                and i + 1 < len(paras) and text[paras[i + 1][1]] not in "“\"«":
            statement = [(p0, p1, pno, True, "intro")]
            groups.append(statement)
            statement_from = (statement, "full" if _FULL.search(line) else "excerpt" if _EXCERPT.search(line) else "")
    return [g for g in groups if not (len(g) == 1 and g[0][4] == "intro")]


def _common_start(text: str, p0: int, sc: SpeechCues) -> bool:
    """Whether a paragraph opens on a common English word ("Certain countries …", "The government will …"), as a
    document's next paragraph does, not on a name ("Quorvia did not comment."), as the story's own does; nor is
    it a crosshead (a fragment: see the caller)."""
    first = _FIRST_WORD.match(text, p0)
    return first is not None and not sc.names.lexicon.get(first.group(0).lower(), "NNP").startswith("NNP")


def quote_kind(text: str, s0: int, a: int, inner: str) -> str:
    """``direct`` for a quotation at ``a`` opening its sentence (from ``s0``), or after a colon, a comma
    or a full stop the segmenter did not cut at, and starting with a capital or a digit; else ``partial``."""
    before = text[s0:a].rstrip(PAD)
    starts = inner.lstrip()[:1]
    if (before == "" or before.endswith((":", ",", ".", "!", "?"))) and (starts.isupper() or starts.isdigit()):
        return "direct"
    return "partial"
