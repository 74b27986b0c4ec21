"""Each article cut into paragraphs and sentences, with character offsets and voices.

Offsets are ``[start, end)`` into the article text as decoded from UTF-8; the spans of an
article's sentences tile each paragraph. Paragraphs are non-blank lines, labelled ``headline``,
``body``, ``embedded_post`` (a social post pasted in, recognised by its ``— Name (@handle) Date``
signature) or ``fragment``; sentences come from sentencex (Wikimedia's rule-based segmenter)
with the suite's tested fixes, and are ``narration``, ``direct_quote`` or ``embedded_post``. Every
expression here that sees article text runs in time linear in it (tests/test_linear_time.py).
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Mapping

import pandas as pd
from sentencex import segment as _sentencex

from helpers.assumptions import Assumptions
from helpers.placenames import AP_STATES

PARAGRAPH_KINDS = ("headline", "body", "embedded_post", "fragment")
VOICES = ("narration", "direct_quote", "embedded_post")

# Characters that may pad a line but are not content: white space (incl. no-break space),
# the byte-order mark and zero-width characters.
PAD = " \t\r\n\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
       "\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060"
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
WORD = re.compile(r"\w+(?:['’-]\w+)*")
_CLOSES_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")

# Every expression below that sees article text runs in time linear in the text, whatever the text
# (issue 17: one crafted 82 KB line had taken 71 s, one 60,000-letter word 12 s). Python's engine
# backtracks, so each is either anchored where it can start (a lookbehind: only at the start of a
# run, never again from every position inside it), possessive where giving back characters cannot
# help (the classes on either side are disjoint), bounded, or searched only inside a window found
# cheaply first. tests/test_linear_time.py holds them to the original expressions' results and to a
# time limit on crafted worst cases.

# "— Nicholas Grossman (@NGrossman81) September 7, 2020": the signature of an embedded tweet. The
# author is greedy but must end on a non-space character, which gives the same author as a lazy
# one would; use find_signature() rather than .search() on long text (it finds where to look first).
_SIGNATURE_DATE = (r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})|"
                   r"(?:\d{4}-\d{2}-\d{2}))\s*$")
POST_SIGNATURE = re.compile(
    r"(?P<dash>[—–-]|&mdash;)\s*(?P<author>[^\s()—–](?:[^()—–\n]*[^\s()—–])?)\s*\((?P<handle>@\w{1,30})\)\s*"
    + _SIGNATURE_DATE
)
_SIGNATURE_TAIL = re.compile(r"\((?P<handle>@\w{1,30})\)\s*" + _SIGNATURE_DATE)
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]’']")
# URLs, e-mail addresses and @handles, in which no sentence may break. An address is tried only
# where a run of its characters starts (protected_spans() adds the one case this misses).
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_PROTECTED = re.compile(URL.pattern + r"|(?<![\w.+-])" + _EMAIL + r"|(?<![\w@])@\w+")
_EMAIL_AT = re.compile(_EMAIL)
_ADDRESS_CHARS = re.compile(r"[\w.+-]")
# A break right after these never ends a sentence.
_TITLE_BEFORE_BREAK = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Hon|Pres|Sec|Amb|St|Pte)\.|(?<![\w.])[A-Z]\.)$"
)
_MONTH_ABBR_BEFORE_BREAK = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
# a town and its state's AP abbreviation ending a sentence ("from a garage in Tucson, Ariz. Half of his orders")
_STATE_ENDS_SENTENCE = re.compile(r"(?<=[a-z]),\s(?:" + "|".join(map(re.escape, AP_STATES)) + r")\.\s++(?=[A-Z][a-z])")
_BREAK_INSIDE_QUOTE = re.compile(r"(?<![.!?…])[.!?…]++\s++(?=[A-Z0-9‘'])")
_INNER_TERMINAL = re.compile(r"(?<![.!?…;:])[.!?…;:]++[\"'”’)\]]*+\s++\S")
_SENTENCE_AFTER_TOKEN = re.compile(r"[.!?]++[\"'”’)]*+\s++(?=[\"“‘(]?[A-Z])")
QUOTE_PAIRS = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
# sentencex pairs quotation marks by searching the rest of the text for each opening mark, which
# is quadratic in a paragraph of unclosed ones; a paragraph longer than this is given to it in
# pieces of at most this many characters, cut after a sentence-like break where there is one.
SENTENCEX_MAX_CHARS = 2000
_PIECE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+")


def find_signature(text: str) -> re.Match[str] | None:
    """``POST_SIGNATURE.search(text)``, in time linear in ``text``.

    The signature ends the text, and its "(" is the last one (nothing after the handle may hold
    one), so the tail is checked there first; the author holds none of ( ) — – or a line break,
    so the match can only start just before the last of those ahead of that "(" (a dash, then
    white space): the search starts there."""
    if "(@" not in text:
        return None
    paren = text.rfind("(")
    if _SIGNATURE_TAIL.match(text, paren) is None:
        return None
    barrier = max(text.rfind(ch, 0, paren) for ch in "()—–\n")
    start = barrier
    while start > 0 and text[start - 1].isspace():  # a dash may stand before the white space round a line break
        start -= 1
    return POST_SIGNATURE.search(text, max(0, start - len("&mdash;")))


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses and @handles, as ``finditer`` of the expression
    ``URL | [\\w.+-]+@domain | (?<![\\w@])@\\w+`` gives them, in linear time.

    :data:`_PROTECTED` tries an address only where a run of address characters starts: tried
    from every character of a run, the expression rescans the run each time (a 60,000-letter word
    took 12 s). The one place that misses is a run that starts inside the previous match (an
    address right after an @handle, "@a.b@c.de"); it is tried here, where the previous match ends."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        for m in _PROTECTED.finditer(text, pos):
            spans.append(m.span())
            end = m.end()
            if 0 < end < len(text) and _ADDRESS_CHARS.match(text, end - 1) and _ADDRESS_CHARS.match(text, end):
                break  # the run goes on past this match: an address may start right here
        else:
            return spans
        pos = end
        url = URL.match(text, pos)
        address = _EMAIL_AT.match(text, pos) if url is None else None
        if url or address:
            spans.append((url or address).span())
            pos = (url or address).end()


# --------------------------------------------------------------------------------------------
# Segmentation


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` less the padding (:data:`PAD`) at either end; ``(end, end)`` if all padding."""
    part = text[start:end]
    left = part.lstrip(PAD)
    if not left:
        return end, end
    return start + len(part) - len(left), start + len(part.rstrip(PAD))


def count_words(text: str, limit: int | None = None) -> int:
    """Words as the suite counts them: runs of letters/digits, joined by apostrophes or hyphens.

    With ``limit``, counting stops once it is passed (the answer is then ``limit + 1``): enough
    to compare with a threshold without scanning a long paragraph to its end."""
    if limit is None:
        return len(WORD.findall(text))
    n = 0
    for n, _ in enumerate(WORD.finditer(text), start=1):
        if n > limit:
            break
    return n


def segment_paragraphs(text: str, a: Assumptions) -> list[dict]:
    """Split one article into paragraphs (one per non-blank line) and label each one's kind."""
    lines = []
    for m in _LINE.finditer(text):
        start, end = _strip_span(text, m.start(), m.end())
        if end > start:
            lines.append([start, end])
    headline_max = a["corpus.headline_max_words"]
    fragment_max = a["corpus.fragment_max_words"]
    lead_max = a["corpus.post_lead_max_words"]
    lead_lines = a["corpus.post_lead_max_lines"]
    rows: list[dict] = []
    for start, end in lines:
        body = text[start:end]
        words = count_words(body, limit=max(headline_max, fragment_max))  # only compared with these
        closes = bool(_CLOSES_SENTENCE.search(body))
        sig = find_signature(body)
        row = {"start": start, "end": end, "kind": "body", "post_author": None, "post_handle": None,
               "post_date": None, "post_url": None}
        if sig and count_words(body[: sig.start()], limit=0) > 0:
            # the short lines right above the signature line are the post's opening lines
            taken = 0
            while taken < lead_lines and len(rows) > 1 and rows[-1]["kind"] in ("body", "fragment") \
                    and count_words(text[rows[-1]["start"]:rows[-1]["end"]], limit=lead_max) <= lead_max:
                row["start"] = rows.pop()["start"]
                taken += 1
            url = URL.search(body[: sig.start()])
            row.update(kind="embedded_post", post_author=sig["author"].strip(), post_handle=sig["handle"],
                       post_date=_post_date(sig["date"]), post_url=url.group(0) if url else None)
        elif not rows and words <= headline_max and not closes:
            row["kind"] = "headline"
        elif words <= fragment_max and not closes:
            row["kind"] = "fragment"
        rows.append(row)
    for no, row in enumerate(rows, start=1):
        row["paragraph_no"] = no
    return rows


def _post_date(value: str) -> str | None:
    value = re.sub(r"\s+", " ", value.replace(",", "").replace(".", "")).strip()
    for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    if value.startswith("Sept "):
        return _post_date("Sep " + value[5:])
    return None


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``: sentencex's boundaries, then the suite's fixes.

    The spans tile the paragraph: the first starts at ``start``, each ends where the next one
    starts (less white space), and the last ends at ``end``. They depend on the paragraph's text
    alone, so a paragraph read before (a wire copy, a boilerplate line) is not read again.
    """
    return [(start + a, start + b) for a, b in _sentence_offsets(text[start:end])]


@functools.lru_cache(maxsize=65_536)
def _sentence_offsets(para: str) -> tuple[tuple[int, int], ...]:
    """:func:`sentence_spans` of a paragraph given alone (offsets relative to it)."""
    text, start = para, 0
    boundaries = set()
    if _INNER_TERMINAL.search(para):  # no . ! ? … before the end: one sentence, nothing to split
        for offset, chunk, after_break in _sentencex_pieces(para):
            pos = 0
            for piece in _sentencex("en", chunk) if offset == 0 or _INNER_TERMINAL.search(chunk) else [chunk]:
                stripped = piece.strip()
                at = pos if chunk.startswith(piece, pos) else chunk.find(stripped, pos)
                if at < 0:
                    continue
                if at or after_break:  # where a piece was cut without a break, sentencex did not see one
                    boundaries.add(offset + at)
                pos = at + len(stripped)
        # sentencex keeps a quotation whole; a quote that holds several sentences is split
        for m in _STATE_ENDS_SENTENCE.finditer(para):
            boundaries.add(m.end())
        for q in QUOTE_PAIRS.finditer(para):
            for m in _BREAK_INSIDE_QUOTE.finditer(para, q.start(), q.end() - 1):
                boundaries.add(m.end())
    protected = protected_spans(para) if "@" in para or "://" in para or "www." in para else []
    starts = [s for s, _ in protected]  # sorted and disjoint, as finditer gives them
    kept = set()
    for b in sorted(boundaries):
        if protected:
            i = bisect.bisect_left(starts, b) - 1  # the last span starting before b
            if i >= 0 and b < protected[i][1]:
                continue
        before = para[max(0, b - 24):b].rstrip(PAD)  # the words just before the break are enough
        # both expressions end in a full stop and match at most 5 characters and 1 before them
        if before.endswith(".") and (_TITLE_BEFORE_BREAK.search(before[-7:]) or (
                _MONTH_ABBR_BEFORE_BREAK.search(before[-7:]) and para[b:b + 1].isdigit())):
            continue
        kept.add(b)
    for _, e in protected:  # a full stop right after a URL or address ends a sentence
        after = _SENTENCE_AFTER_TOKEN.match(para, e)
        if after:
            kept.add(after.end())
    sig = find_signature(para)
    if sig and count_words(para[: sig.start()], limit=0) > 0:
        kept = {b for b in kept if b < sig.start()} | {sig.start()}
    cuts = [0, *sorted(kept), len(para)]
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        s, e = _strip_span(text, start + a, start + b)
        if e > s:
            spans.append((s, e))
    return tuple(spans)


def _sentencex_pieces(para: str) -> list[tuple[int, str, bool]]:
    """``para`` as (offset, text, starts after a break) pieces for sentencex: the whole paragraph
    when it is at most :data:`SENTENCEX_MAX_CHARS` long (every paragraph of the seeds and test
    texts), else pieces of at most that length, each cut after the last sentence-like break
    (". " and the like) in its second half, else after the last space, else at the limit."""
    pieces, start, after_break = [], 0, True
    while len(para) - start > SENTENCEX_MAX_CHARS:
        limit = start + SENTENCEX_MAX_CHARS
        cut = None
        for m in _PIECE_BREAK.finditer(para, start + SENTENCEX_MAX_CHARS // 2, limit):
            cut = m.end()
        pieces.append((start, None, after_break))
        after_break = cut is not None
        if cut is None:
            space = max(para.rfind(" ", start + 1, limit), para.rfind("\t", start + 1, limit))
            cut = space + 1 if space > start else limit
        pieces[-1] = (start, para[start:cut], pieces[-1][2])
        start = cut
    pieces.append((start, para[start:], after_break))
    return pieces


# Quotation marks as newsrooms print them: curly and straight, double and single, mixed pairs
# (an opening “ closed by "), quotes inside quotes, and an opening mark never closed in its
# paragraph (a quote that runs on into the next one). An apostrophe is a ’ or ' between letters,
# or after a word's final s with no single quote open.
_MARK = re.compile(r"[“”\"«»‘’']")
_OPENER = re.compile(r"[“\"‘'«]")  # ” » ’ only ever close
_OPENS_BEFORE = frozenset(" \t\n([{—–-/:;") | frozenset(PAD)
_CLOSES_AFTER = frozenset(".,;:!?)]}—–-…") | frozenset(PAD)
# A paragraph holding more quotation marks than this is no prose (a pasted table, a crafted line):
# its marks are paired by QUOTE_PAIRS, in C, rather than one by one.
QUOTE_MARKS_MAX = 2000
_CURRENCY = frozenset("$£€¥")  # what a quotation may open with besides a letter or digit ("put '$5 billion …'")
_RUNS_ON = re.compile(r"['‘][A-Z][a-z]")  # a single mark before a capitalised word: a quotation, not "'90s", "'em"
_OPEN_CONTEXT = _OPENS_BEFORE | frozenset("“‘'")  # what a straight double mark opens after
_CLOSE_CONTEXT = _CLOSES_AFTER | frozenset("”’'")  # and closes before


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, int, bool]]:
    """Quotations in ``text[start:end]`` as ``(start, end, depth, closed)``, sorted by start, in
    one pass (linear in the text: each mark is pushed and popped once).

    ``start`` is the opening mark and ``end`` just after the closing one (or ``end`` of the span
    when the quotation is never closed); ``depth`` is 0 for a quotation in the narration, 1 for
    one inside another. Double marks pair with double marks of either style (“ with ” or ", " with
    " or ”), single with single; a straight mark opens after white space or an opening bracket or
    dash and closes before white space or punctuation. A single quote left open is dropped (it is
    taken for an apostrophe) unless it opens a sentence before a capitalised word, as British
    quotations over several paragraphs do; the outermost double one left open runs to ``end`` (the others
    opened inside it are dropped). Past :data:`QUOTE_MARKS_MAX` marks, :data:`QUOTE_PAIRS` pairs them.
    """
    if _OPENER.search(text, start, end) is None:  # no mark that can open a quotation: none (the usual paragraph)
        return []
    piece = text[start:end]
    if sum(map(piece.count, "“”\"«»‘’'")) > QUOTE_MARKS_MAX:  # no prose: pair them by the plain expression
        return [(m.start(), m.end(), 0, True) for m in QUOTE_PAIRS.finditer(text, start, end)]
    out: list[tuple[int, int, int, bool]] = []
    stack: list[tuple[int, bool, int]] = []  # (position, a double mark, marks below it)
    doubles: list[int] = []  # indexes in the stack of the open double marks
    singles: list[int] = []
    for m in _MARK.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "“" or ch == "«":
            doubles.append(len(stack))
            stack.append((i, True, stack[-1][2] + 1 if stack else 0))
            continue
        if ch == "”" or ch == "»":
            if doubles:
                _close(stack, doubles, singles, doubles[-1], i, out)
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch == '"':
            if doubles and (after in _CLOSE_CONTEXT or before not in _OPEN_CONTEXT):
                _close(stack, doubles, singles, doubles[-1], i, out)
            elif singles and not doubles and after in _CLOSE_CONTEXT and before not in _OPEN_CONTEXT:
                _close(stack, doubles, singles, singles[-1], i, out)  # a mixed pair: 'Once the clock stops …"
            else:
                doubles.append(len(stack))
                stack.append((i, True, stack[-1][2] + 1 if stack else 0))
        elif ch == "‘":
            if before in _OPENS_BEFORE or before in "“\"":
                singles.append(len(stack))
                stack.append((i, False, stack[-1][2] + 1 if stack else 0))
        elif before.isalnum() and after.isalnum():
            continue  # ’ or ' between letters: an apostrophe
        elif singles and not before.isspace() and (after in _CLOSES_AFTER or after in "”\""):
            _close(stack, doubles, singles, singles[-1], i, out)
        elif ch == "'" and (before in _OPENS_BEFORE or before in "“\"") and (after.isalnum() or after in _CURRENCY):
            singles.append(len(stack))
            stack.append((i, False, stack[-1][2] + 1 if stack else 0))
    if doubles:  # never closed: the outermost runs to the end of the span
        out.append((stack[doubles[0]][0], end, 0, False))
    elif singles and _RUNS_ON.match(text, stack[singles[0]][0]) and (  # a single mark opening a sentence, never
            stack[singles[0]][0] == start or text[start:stack[singles[0]][0]].rstrip().endswith((".", "!", "?", ":"))):
        out.append((stack[singles[0]][0], end, stack[singles[0]][2], False))  # closed: British style runs on
    out.sort()
    return out


def _close(stack: list[tuple[int, bool, int]], doubles: list[int], singles: list[int], k: int, i: int,
           out: list[tuple[int, int, int, bool]]) -> None:
    """Close the quotation opened at ``stack[k]`` at ``i`` (anything opened inside it and still open is dropped)."""
    opened, _, depth = stack[k]
    out.append((opened, i + 1, depth, True))
    del stack[k:]
    while doubles and doubles[-1] >= k:
        doubles.pop()
    while singles and singles[-1] >= k:
        singles.pop()


def speech_spans(text: str, start: int, end: int, scare_quote_max_words: int,
                 spans: list[tuple[int, int, int, bool]] | None = None) -> list[tuple[int, int]]:
    """Closed double-marked quotations in ``text[start:end]`` (outside any other) that are speech,
    not scare quotes (``spans``: its :func:`quote_spans`, when already found).

    A quotation counts as speech when it has more than ``scare_quote_max_words`` words or when
    it closes on punctuation inside the marks (``...interests,"``). Whether a shorter quotation
    is a partial quote (attributed by a speech verb) is decided with its speaker
    (:mod:`helpers.quotes`); a sentence's voice rests on the longer ones.
    """
    found = []
    for qs, qe, depth, closed in quote_spans(text, start, end) if spans is None else spans:
        if depth or not closed or text[qs] in "‘'":  # single marks: terms as often as speech
            continue
        inner = text[qs + 1:qe - 1].rstrip()
        closes = inner[-1:] in {".", ",", "!", "?", ";", ":"}
        # n words need at least 2n - 1 characters: a shorter quotation is not counted
        if closes or (len(inner) >= 2 * scare_quote_max_words + 1
                      and count_words(inner, limit=scare_quote_max_words) > scare_quote_max_words):
            found.append((qs, qe))
    return found


def _open_quote_spans(text: str, start: int, end: int, scare_quote_max_words: int) -> list[tuple[int, int]]:
    """Speech spans, plus an unclosed opening quote (outside any other) that runs to the end of the paragraph."""
    spans = quote_spans(text, start, end)
    found = speech_spans(text, start, end, scare_quote_max_words, spans)
    for qs, qe, depth, closed in spans:
        if not closed and not depth and text[qs] not in "‘'" \
                and count_words(text[qs:qe], limit=scare_quote_max_words) > scare_quote_max_words:
            found.append((qs, qe))
    return sorted(found)


def segment_sentences(text: str, paragraphs: list[dict], a: Assumptions) -> list[dict]:
    """Sentences of one article with their paragraph and voice."""
    scare_max = a["corpus.scare_quote_max_words"]
    share_min = a["corpus.quote_share_min"]
    rows = []
    for p in paragraphs:
        quotes = [] if p["kind"] == "embedded_post" else _open_quote_spans(text, p["start"], p["end"], scare_max)
        ends = [qe for _, qe in quotes]  # quotes are sorted and disjoint
        for s, e in sentence_spans(text, p["start"], p["end"]):
            voice = "embedded_post" if p["kind"] == "embedded_post" else "narration"
            if quotes:
                inside, i = 0, bisect.bisect_right(ends, s)  # the first quote ending after s
                while i < len(quotes) and quotes[i][0] < e:
                    inside += max(0, min(e, quotes[i][1]) - max(s, quotes[i][0]))
                    i += 1
                if inside / (e - s) >= share_min:
                    voice = "direct_quote"
            rows.append({"paragraph_no": p["paragraph_no"], "start": s, "end": e, "voice": voice,
                         "paragraph_kind": p["kind"]})
    for no, row in enumerate(rows, start=1):
        row["sentence_no"] = no
    return rows


def segment_all(texts: Mapping[str, str], a: Assumptions) -> pd.DataFrame:
    """Paragraphs and sentences of every article in one long frame (``unit`` tells which), the
    form in which segmentation is cached."""
    rows = []
    for aid, text in sorted(texts.items()):
        paragraphs = segment_paragraphs(text, a)
        for p in paragraphs:
            rows.append({"unit": "paragraph", "article_id": aid, **p})
        for s in segment_sentences(text, paragraphs, a):
            rows.append({"unit": "sentence", "article_id": aid, **s})
    columns = ["unit", "article_id", "paragraph_no", "sentence_no", "start", "end", "kind", "voice", "paragraph_kind",
               "post_author", "post_handle", "post_date", "post_url"]
    frame = pd.DataFrame(rows, columns=columns)
    for col in ("paragraph_no", "start", "end"):
        frame[col] = frame[col].astype("int64")
    frame["sentence_no"] = frame["sentence_no"].astype("Int64")
    for col in ("kind", "voice", "paragraph_kind", "post_author", "post_handle", "post_date", "post_url"):
        frame[col] = frame[col].astype("object")
    return frame


