"""The articles as pandas frames: loading, validation, segmentation and character offsets.

:func:`load_corpus` reads ``data/articles.csv`` and ``data/raw/articles/*.txt`` and returns a
:class:`Corpus` with three frames. Offsets are ``[start, end)`` into the article text as decoded
from UTF-8 (a byte-order mark, if any, is kept as character 0), so that for every row
``corpus.texts[article_id][start:end] == text``.

``articles``
    ``article_id, file, title, outlet, published, published_basis, url`` (from the metadata;
    ``published`` is a datetime64 day) plus ``published_overridden`` (a run's parameters changed it),
    ``sha256`` (of the raw bytes), ``n_chars, n_words, n_paragraphs, n_sentences``.
``paragraphs``
    ``article_id, paragraph_no`` (1-based), ``start, end, text, kind`` where kind is
    ``headline`` (a short first line without closing punctuation), ``body``, ``embedded_post``
    (a social-media post pasted into the article, recognised by its ``— Name (@handle) Date``
    signature, with the short lines just before it that belong to it) or ``fragment`` (a short line
    that is not a sentence, e.g. an image caption). Embedded posts also fill ``post_author,
    post_handle, post_date, post_url``; other rows leave them empty.
``sentences``
    ``article_id, sentence_no`` (1-based within the article), ``paragraph_no, start, end, text,
    voice, paragraph_kind``. ``voice`` is ``narration``, ``direct_quote`` (at least
    ``corpus.quote_share_min`` of its characters lie inside a quotation that is speech rather than
    a scare quote) or ``embedded_post``. Sentences come from sentencex (Wikimedia's rule-based segmenter)
    with tested fixes: a quotation that holds several sentences is split,
    no break inside a URL, e-mail address or @handle, after a title (``Mr.``) or inside a dated
    abbreviation (``Sept. 15``), and a break before an embedded post's signature.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from sentencex import segment as _sentencex

from helpers import paths, safe_io
from helpers.assumptions import Assumptions, load_assumptions
from helpers.errors import DataError, Problem
from helpers.outputs import counted, md_text
from helpers.textcheck import control_problems, lookalike_warnings

METADATA_COLUMNS = ("article_id", "file", "title", "outlet", "published", "published_basis", "url")
REQUIRED_METADATA = ("article_id", "file", "published", "published_basis")
EARLIEST_DATE = dt.date(2000, 1, 1)

ARTICLE_COLUMNS = [*METADATA_COLUMNS, "published_overridden", "sha256", "n_chars", "n_words",
                   "n_paragraphs", "n_sentences"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph_no", "start", "end", "text", "kind",
                     "post_author", "post_handle", "post_date", "post_url"]
SENTENCE_COLUMNS = ["article_id", "sentence_no", "paragraph_no", "start", "end", "text", "voice",
                    "paragraph_kind"]
PARAGRAPH_KINDS = ("headline", "body", "embedded_post", "fragment")
VOICES = ("narration", "direct_quote", "embedded_post")

# Characters that may pad a line but are not content: white space (incl. no-break space),
# the byte-order mark and zero-width characters.
_PAD = " \t\r\n\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
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
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]’']")
# URLs, e-mail addresses and @handles, in which no sentence may break. An address is tried only
# where a run of its characters starts (protected_spans() adds the one case this misses).
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_PROTECTED = re.compile(_URL.pattern + r"|(?<![\w.+-])" + _EMAIL + r"|(?<![\w@])@\w+")
_EMAIL_AT = re.compile(_EMAIL)
_ADDRESS_CHARS = re.compile(r"[\w.+-]")
# A break right after these never ends a sentence.
_TITLE_BEFORE_BREAK = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Hon|Pres|Sec|Amb|St)\.|(?<![\w.])[A-Z]\.)$"
)
_MONTH_ABBR_BEFORE_BREAK = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
_BREAK_INSIDE_QUOTE = re.compile(r"(?<![.!?…])[.!?…]++\s++(?=[A-Z0-9‘'])")
_INNER_TERMINAL = re.compile(r"(?<![.!?…;:])[.!?…;:]++[\"'”’)\]]*+\s++\S")
_SENTENCE_AFTER_TOKEN = re.compile(r"[.!?]++[\"'”’)]*+\s++(?=[\"“‘(]?[A-Z])")
_QUOTE_PAIRS = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
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
        url = _URL.match(text, pos)
        address = _EMAIL_AT.match(text, pos) if url is None else None
        if url or address:
            spans.append((url or address).span())
            pos = (url or address).end()


@dataclass(frozen=True)
class Corpus:
    """The articles of one data folder as frames, plus their texts and a checksum."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    texts: Mapping[str, str] = field(repr=False)
    checksum: str = ""


# --------------------------------------------------------------------------------------------
# Reading and validating


def _parse_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value.strip())


def read_metadata(data_dir: Path | str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``data/articles.csv``; return the frame and every problem (file, line, field)."""
    from helpers.reference import read_table

    path = paths.articles_csv(data_dir)
    file = paths.relative(path)
    frame, problems = read_table(path, required=REQUIRED_METADATA)
    problems = [p for p in problems if "source" not in p.field]  # metadata has no source column
    if frame.empty and problems:
        return frame, problems
    extra = [c for c in frame.columns if c not in METADATA_COLUMNS]
    problems += [Problem(file, "(header)", f"unknown column {c!r}; expected {', '.join(METADATA_COLUMNS)}")
                 for c in extra]
    for col in METADATA_COLUMNS:
        if col not in frame.columns:
            if col not in REQUIRED_METADATA:
                frame[col] = "unknown"
    if any(c not in frame.columns for c in REQUIRED_METADATA):
        return frame, problems
    today = dt.date.today()
    seen: dict[str, int] = {}
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        for col in REQUIRED_METADATA:
            if not getattr(row, col):
                problems.append(Problem(file, f"line {i}: {col}", "empty"))
        aid = row.article_id
        if aid in seen:
            problems.append(Problem(file, f"line {i}: article_id", f"duplicate id {aid!r} (first on line {seen[aid]})"))
        seen.setdefault(aid, i)
        if row.file and (row.file != Path(row.file).name or row.file in (".", "..") or "\\" in row.file):
            problems.append(Problem(file, f"line {i}: file", f"{row.file!r} is not a file name in raw/articles/ "
                                    "(no folders, no '..')"))
        elif row.file and aid and Path(row.file).stem != aid:
            problems.append(Problem(file, f"line {i}: file",
                                    f"{row.file!r} does not match article_id {aid!r} (the id is the file stem)"))
        if row.published:
            problems.extend(_date_problems(row.published, file, f"line {i}: published", today))
    return frame, problems


def _date_problems(value: Any, file: str, field_name: str, today: dt.date) -> list[Problem]:
    try:
        day = value if isinstance(value, dt.date) else _parse_date(str(value))
    except ValueError:
        return [Problem(file, field_name, f"{value!r} is not a date (YYYY-MM-DD)")]
    if day < EARLIEST_DATE:
        return [Problem(file, field_name, f"{day} is before {EARLIEST_DATE}; is the year right?")]
    if day > today:
        return [Problem(file, field_name, f"{day} is in the future")]
    return []


def read_text(path: Path, within: Path | str | None = None, limit: int | None = None) -> tuple[str | None, list[Problem]]:
    """Decode one article file strictly as UTF-8; a missing, undecodable or blank file is a problem.

    The file must be a regular file inside ``within`` (default: its own folder) of at most
    ``limit`` bytes (default: :data:`helpers.safe_io.DEFAULT_MAX_ARTICLE_BYTES`), see
    :func:`helpers.safe_io.read_bytes`; text with control characters other than tab, line feed and
    carriage return is refused with its line and column (:mod:`helpers.textcheck`)."""
    file = paths.relative(path)
    within = within if within is not None else Path(path).absolute().parent
    limit = limit if limit is not None else safe_io.DEFAULT_MAX_ARTICLE_BYTES
    text, problems = safe_io.read_text(path, within, limit, "the article size limit (input.max_article_bytes)", file)
    if text is None:
        return None, problems
    if not text.strip(_PAD):
        return None, [Problem(file, "(text)", "empty or white space only")]
    problems = control_problems(text, file)
    if problems:
        return None, problems
    return text, []


def check_files(meta: pd.DataFrame, data_dir: Path | str | None = None) -> list[Problem]:
    """Every metadata row has its file and every article file has its row."""
    folder = paths.raw_articles(data_dir)
    meta_file = paths.relative(paths.articles_csv(data_dir))
    problems = []
    if not folder.is_dir():
        return [Problem(paths.relative(folder), "(folder)", "missing")]
    on_disk = {p.name for p in folder.glob("*.txt")}
    listed = set(meta["file"]) if "file" in meta.columns else set()
    for i, name in enumerate(meta.get("file", []), start=2):
        if name and name not in on_disk:
            problems.append(Problem(meta_file, f"line {i}: file", f"{name!r} has no file in {paths.relative(folder)}/"))
    for name in sorted(on_disk - listed):
        problems.append(Problem(paths.relative(folder / name), "(file)", f"has no row in {meta_file}"))
    return problems


def _override_problems(meta: pd.DataFrame, published: Mapping[str, Any]) -> list[Problem]:
    known = set(meta["article_id"]) if "article_id" in meta.columns else set()
    problems = []
    today = dt.date.today()
    for aid, value in sorted(published.items()):
        if aid not in known:
            problems.append(Problem("parameters", f"published[{aid!r}]", "no article with this id"))
        else:
            problems.extend(_date_problems(value, "parameters", f"published[{aid!r}]", today))
    return problems


# --------------------------------------------------------------------------------------------
# Segmentation


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` less the padding (:data:`_PAD`) at either end; ``(end, end)`` if all padding."""
    part = text[start:end]
    left = part.lstrip(_PAD)
    if not left:
        return end, end
    return start + len(part) - len(left), start + len(part.rstrip(_PAD))


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
            url = _URL.search(body[: sig.start()])
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
    starts (less white space), and the last ends at ``end``.
    """
    para = text[start:end]
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
        for q in _QUOTE_PAIRS.finditer(para):
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
        before = para[max(0, b - 24):b].rstrip(_PAD)  # the words just before the break are enough
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
    return spans


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


def speech_spans(text: str, start: int, end: int, scare_quote_max_words: int) -> list[tuple[int, int]]:
    """Quotations in ``text[start:end]`` that are speech, not scare quotes.

    A quotation counts as speech when it has more than ``scare_quote_max_words`` words or when
    it closes on punctuation inside the marks (``...interests,"``).
    """
    spans = []
    for m in _QUOTE_PAIRS.finditer(text, start, end):
        inner = m.group(0)[1:-1].rstrip()
        closes = inner[-1:] in {".", ",", "!", "?", ";", ":"}
        # n words need at least 2n - 1 characters: a shorter quotation is not counted
        if closes or (len(inner) >= 2 * scare_quote_max_words + 1
                      and count_words(inner, limit=scare_quote_max_words) > scare_quote_max_words):
            spans.append((m.start(), m.end()))
    return spans


def _open_quote_spans(text: str, start: int, end: int, scare_quote_max_words: int) -> list[tuple[int, int]]:
    """Speech spans, plus an unclosed opening quote that runs to the end of the paragraph."""
    spans = speech_spans(text, start, end, scare_quote_max_words)
    para = text[start:end]
    if para.count("“") > para.count("”") or para.count('"') % 2 == 1:
        last_open = max(para.rfind("“"), para.rfind('"'))
        if last_open >= 0 and all(not (s <= start + last_open < e) for s, e in spans):
            if count_words(para[last_open:], limit=scare_quote_max_words) > scare_quote_max_words:
                spans.append((start + last_open, end))
    return spans


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


# --------------------------------------------------------------------------------------------
# The corpus


def corpus_checksum(articles: pd.DataFrame) -> str:
    """A short checksum of the corpus: article ids and the SHA-256 of their raw bytes."""
    h = hashlib.sha256()
    for aid, sha in sorted(zip(articles["article_id"], articles["sha256"])):
        h.update(f"{aid}\t{sha}\n".encode())
    return h.hexdigest()[:16]


def validate_corpus(data_dir: Path | str | None = None, published: Mapping[str, Any] | None = None) -> list[Problem]:
    """Every problem with the articles and their metadata, without segmenting anything."""
    return _read_and_validate(data_dir, published, safe_io.max_article_bytes(data_dir))[0]


def text_warnings(data_dir: Path | str | None = None) -> list[Problem]:
    """Warnings (not errors: the articles still load) about words that are not what they look like:
    zero-width characters inside a word, Latin mixed with Cyrillic or Greek letters
    (:func:`helpers.textcheck.lookalike_warnings`), for every article that can be read."""
    _, _, files = _read_and_validate(data_dir, None, safe_io.max_article_bytes(data_dir))
    folder = paths.raw_articles(data_dir)
    found: list[Problem] = []
    for name, (raw, _) in sorted(files.items()):
        found += lookalike_warnings(raw.decode("utf-8"), paths.relative(folder / name))
    return found


def _read_and_validate(data_dir: Path | str | None, published: Mapping[str, Any] | None, limit: int | None = None
                       ) -> tuple[list[Problem], pd.DataFrame, dict[str, tuple[bytes, str]]]:
    """The problems, the metadata and each readable file's raw bytes and their SHA-256, by file name.
    Articles are read only from inside the data folder and up to ``limit`` bytes each."""
    meta, problems = read_metadata(data_dir)
    files: dict[str, tuple[bytes, str]] = {}
    if "file" in meta.columns:
        problems += check_files(meta, data_dir)
        folder = paths.raw_articles(data_dir)
        seen: dict[str, str] = {}
        for name in sorted(set(meta["file"]) & {p.name for p in folder.glob("*.txt")}):
            text, found = read_text(folder / name, paths.data_dir(data_dir), limit)
            problems += found
            if text is not None:
                raw = text.encode("utf-8")  # read_text decodes strictly, so this is the file's bytes
                digest = hashlib.sha256(raw).hexdigest()
                if digest in seen:
                    problems.append(Problem(paths.relative(folder / name), "(text)",
                                            f"same content as {seen[digest]}: one article under two ids would be counted twice"))
                seen.setdefault(digest, name)
                files[name] = (raw, digest)
    if published:
        problems += _override_problems(meta, published)
    return sorted(set(problems)), meta, files


def load_corpus(
    data_dir: Path | str | None = None,
    published: Mapping[str, Any] | None = None,
    assumptions: Assumptions | None = None,
    use_cache: bool = True,
) -> Corpus:
    """Load and segment every article of ``data_dir`` (default: the project's ``data/``).

    ``published`` maps article ids to publication dates that replace the metadata's for this
    run (a notebook's ``parameters`` cell). Raises :class:`~helpers.errors.DataError` listing
    every problem, each naming its file and field, if anything is wrong with the input.
    Segmentation is cached in ``data/interim/`` (see :mod:`helpers.cache`) unless ``use_cache``
    is False.
    """
    a = assumptions if assumptions is not None else load_assumptions(paths.assumptions_yaml(data_dir))
    problems, meta, files = _read_and_validate(data_dir, published,
                                               a.get("input.max_article_bytes", safe_io.DEFAULT_MAX_ARTICLE_BYTES))
    if problems:
        raise DataError(problems)
    overrides = {k: (v if isinstance(v, dt.date) else _parse_date(str(v))) for k, v in (published or {}).items()}
    art_rows, texts, digests = [], {}, {}
    for row in meta.sort_values("article_id").itertuples(index=False):
        raw, digests[row.article_id] = files[row.file]
        texts[row.article_id] = raw.decode("utf-8")
    checksum = corpus_checksum(pd.DataFrame({"article_id": list(digests), "sha256": list(digests.values())}))
    from helpers.cache import cached

    # the thresholds are passed only so that they enter the cache key: changing one re-segments
    thresholds = {k: a[k] for k in a if k.startswith("corpus.")}
    segments = cached("segments", checksum, lambda _t: _segment_all(texts, a), thresholds,
                      data_dir=data_dir, enabled=use_cache)
    n_units = segments.groupby(["article_id", "unit"]).size().to_dict()
    for row in meta.sort_values("article_id").itertuples(index=False):
        text = texts[row.article_id]
        record = {c: getattr(row, c) for c in METADATA_COLUMNS}
        record["published"] = overrides.get(row.article_id, _parse_date(row.published))
        record["published_overridden"] = row.article_id in overrides
        record.update(sha256=digests[row.article_id], n_chars=len(text),
                      n_words=count_words(text), n_paragraphs=int(n_units.get((row.article_id, "paragraph"), 0)),
                      n_sentences=int(n_units.get((row.article_id, "sentence"), 0)))
        art_rows.append(record)

    def with_text(part: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
        part = part.reset_index(drop=True)
        part["text"] = [texts[a][b:e] for a, b, e in zip(part["article_id"].tolist(), part["start"].tolist(),
                                                          part["end"].tolist())]
        part = part[columns].copy()
        for col in [c for c in part.columns if part[c].dtype.kind == "O"]:  # one string dtype, cached or not
            part[col] = pd.Series(part[col].tolist(), index=part.index)
        return part

    paragraphs_df = with_text(segments[segments["unit"] == "paragraph"], PARAGRAPH_COLUMNS)
    sentences_df = with_text(segments[segments["unit"] == "sentence"], SENTENCE_COLUMNS)
    articles = pd.DataFrame(art_rows, columns=ARTICLE_COLUMNS)
    articles["published"] = pd.to_datetime(articles["published"]).astype("datetime64[s]")
    for frame, cols in ((articles, ["n_chars", "n_words", "n_paragraphs", "n_sentences"]),
                        (paragraphs_df, ["paragraph_no", "start", "end"]),
                        (sentences_df, ["sentence_no", "paragraph_no", "start", "end"])):
        frame[cols] = frame[cols].astype("int64")
    return Corpus(articles, paragraphs_df, sentences_df, texts, checksum)


def _segment_all(texts: Mapping[str, str], a: Assumptions) -> pd.DataFrame:
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


# --------------------------------------------------------------------------------------------
# Summaries and checks used by notebook 00 and the tests


def structure_by_article(corpus: Corpus) -> pd.DataFrame:
    """Per article: paragraphs by kind and sentences by voice (counts), with totals."""
    kinds = pd.crosstab(corpus.paragraphs["article_id"], corpus.paragraphs["kind"])
    kinds = kinds.reindex(columns=list(PARAGRAPH_KINDS), fill_value=0).add_prefix("paragraphs_")
    voices = pd.crosstab(corpus.sentences["article_id"], corpus.sentences["voice"])
    voices = voices.reindex(columns=list(VOICES), fill_value=0).add_prefix("sentences_")
    table = corpus.articles.set_index("article_id")[["n_words", "n_paragraphs", "n_sentences"]]
    table = table.join(kinds).join(voices).fillna(0).astype("int64")
    total = table.sum().to_frame("all articles").T
    out = pd.concat([table, total])
    out.index.name = "article_id"
    return out.reset_index()


def offset_mismatches(corpus: Corpus) -> pd.DataFrame:
    """Rows of ``paragraphs`` and ``sentences`` whose offsets do not slice to their text (should be none)."""
    rows = []
    for name in ("paragraphs", "sentences"):
        frame = getattr(corpus, name)
        for r in frame.itertuples(index=False):
            if corpus.texts[r.article_id][r.start:r.end] != r.text:
                rows.append({"frame": name, "article_id": r.article_id, "start": r.start, "end": r.end})
    return pd.DataFrame(rows, columns=["frame", "article_id", "start", "end"])


def uncovered_characters(corpus: Corpus) -> pd.DataFrame:
    """Per article, non-space characters that no sentence covers (should be zero everywhere)."""
    rows = []
    for aid, text in sorted(corpus.texts.items()):
        covered = bytearray(len(text))
        for s, e in corpus.sentences.loc[corpus.sentences["article_id"] == aid, ["start", "end"]].itertuples(index=False):
            covered[s:e] = b"\x01" * (e - s)
        missing = sum(1 for i, ch in enumerate(text) if not covered[i] and ch not in _PAD)
        rows.append({"article_id": aid, "uncovered_chars": missing})
    return pd.DataFrame(rows, columns=["article_id", "uncovered_chars"])


def sha256_mismatches(corpus: Corpus, data_dir: Path | str | None = None) -> list[str]:
    """Articles whose file on disk no longer has the checksum recorded at load time."""
    folder = paths.raw_articles(data_dir)
    limit = safe_io.max_article_bytes(data_dir)

    def digest(name: str) -> str | None:
        raw, _ = safe_io.read_bytes(folder / name, paths.data_dir(data_dir), limit)
        return None if raw is None else hashlib.sha256(raw).hexdigest()

    return [r.article_id for r in corpus.articles.itertuples() if digest(r.file) != r.sha256]


def overview_findings(corpus: Corpus) -> list[str]:
    """Notebook 00's findings, as sentences computed from the corpus (never typed by hand)."""
    arts, sents, paras = corpus.articles, corpus.sentences, corpus.paragraphs
    voice_n = sents["voice"].value_counts()
    posts = paras[paras["kind"] == "embedded_post"]
    quoted_in = sents.loc[sents["voice"] == "direct_quote", "article_id"].nunique()
    dates = ", ".join(f"{r.article_id[:3]} {r.published:%Y-%m-%d}" for r in arts.itertuples())
    lines = [
        f"The corpus holds **{counted(len(arts), 'article')}** ({counted(int(arts['n_words'].sum()), 'word')}, "
        f"{counted(len(sents), 'sentence')}); "
        f"the outlet is known for {int((arts['outlet'] != 'unknown').sum())} of {len(arts)}.",
        f"No article states its date: publication dates are inferred from the text ({dates}); "
        f"{int(arts['published_overridden'].sum())} overridden in this run.",
        f"**{voice_n.get('narration', 0)} of {len(sents)} sentences** are the authors' narration, "
        + (f"{voice_n.get('direct_quote', 0)} are direct quotes (in {quoted_in} of {counted(len(arts), 'article')})"
           if voice_n.get("direct_quote", 0) else "none is a direct quote")
        + (f" and {voice_n.get('embedded_post', 0)} come from {counted(len(posts), 'embedded social post')}."
           if len(posts) else "; no social post is embedded."),
    ]
    lines += [f"Embedded post by {md_text(p.post_author)} ({md_text(p.post_handle)}), dated {p.post_date}, in article "
              f"{md_text(p.article_id[:3])} at characters {p.start}–{p.end}." for p in posts.itertuples()]
    return lines
