"""Which occurrence a temporal expression means: the tense of the clause that governs it, and the
calendar arithmetic that turns a tense into a date ("Sunday" in a future clause is the coming
Sunday; "August" in a past one the last August). :mod:`helpers.temporal` finds the expressions and
calls these; every function here is pure and tested on its own. Also here: the quotations of a
text and the day a quotation's words were said (:func:`speech_day`), and the day last named
(:class:`Anchors`), the two anchors other than the publication date.

The tense of an expression (:func:`clause_tense`) comes from the clause around it, narrowed to the
part that governs it: between the nearest ``, ; : —``, subordinator (after, before, while, when,
although, because, but) or relative word (that, which, who), so that in "Trump on Thursday
signed orders that will bar ..." the "will" of the relative clause does not make Thursday future.
Within that clause the verb cue nearest the expression decides (in words, a preposition before
the expression counting with it; a tie goes to the cue before it): future (will, would, is due
to, is set to, takes effect, expires, must ...), past (was, had, said, signed, met, could ... and
other past forms; "was due to" and "would have" are a future seen from the past, so past) or
present (is, are, has, and a verb the Brill lexicon tags as the present's third person: "gives",
"threatens"; before a weekday or a day such a verb is a timetable, the nearer of the last and the next:
"the summit opens on Friday"). Where no verb decides, a forward word in its clause (deadline, effective,
starting, ahead of) or, before a weekday, weekend or day, a future signal (as of, from, by, until)
makes it future (not before a month: "by late August" alone is the nearest August);
a clause with no verb at all ("a day after Tuesday's election") takes the tense of its sentence.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

import holidays

from helpers import lexicons

# a comma or colon between digits ("11:59 p.m.", "1,500") cuts nothing
_BOUNDARY = re.compile(r"[;—]|(?<!\d)[,:]|[,:](?!\d)|\b(?:after|before|while|when|although|because|but)\b")
_RELATIVE = re.compile(r"\b(?:that|which|who)\b", re.IGNORECASE)
# Verb cues, word by word. Future in the past is past: "was due to", "was set to", "would have"; a
# word right after "to" is an infinitive, never a cue ("was due to take effect").
_PAST_WORDS = frozenset(
    "was were had did said told announced signed spoke met took gave made came went began wrote sent won lost struck "
    "brought bought sold held left ran saw got rose fell chose broke drew grew knew threw led paid sought thought upheld "
    "withdrew became found heard felt kept meant stood understood could".split())
_NOT_PAST = frozenset("need indeed speed proceed exceed succeed feed seed breed hundred bed red shed embed sacred naked "
                      "wicked rugged beloved united limited based related detailed advanced sophisticated interested "
                      "concerned dedicated supposed".split())
_FUTURE_WORDS = frozenset("will won't won’t shall would might must expire expires scheduled begins starts lapse lapses "
                          "ends closes".split())  # a timetable in the present: "a period that ends on Thursday"
_ADVERBS = frozenset("now still also already currently again then".split())
_FUTURE_BEFORE = {"going": "to", "set": "to", "expected": "to", "slated": "to", "poised": "to", "has": "to",
                  "have": "to", "need": "to", "needs": "to", "plan": "to", "plans": "to", "intend": "to", "intends": "to",
                  "aim": "to", "aims": "to", "take": "effect", "takes": "effect", "go": "into", "goes": "into",
                  "come": "into", "comes": "into", "kick": "in", "kicks": "in", "run": "out", "runs": "out"}
_BE_FUTURE = frozenset("due set scheduled slated expected poised likely about".split())  # is due, are set (to)
_WAS_FUTURE = _BE_FUTURE | {"supposed", "going", "meant"}  # was due, were going (to): a future in the past
_PASSIVE = frozenset("is are am be been being".split())
_PRESENT = frozenset("is are am has have says remain remains does seems seem".split())
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
# a signal right before the expression, or a word in its clause, that points forward when no verb decides
_FORWARD_SIGNALS = ("as of", "from", "by", "until", "till", "through")
# a deadline moved: "delayed its ban to Sunday", "moved the goalposts to Sunday" (the new day is ahead)
_MOVED = re.compile(r"\b(?:delay|postpon|push|mov|extend|defer|reschedul|put\s+off)\w*\b", re.IGNORECASE)
_AS_SOON_AS = re.compile(r"\bas\s+(?:soon|early)\s+as\s+(?:late\s+|early\s+|this\s+|next\s+)?$", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|once)\b", re.IGNORECASE)  # "If it's gone on Monday, …": ahead
_FORWARD_WORDS = re.compile(r"\b(?:deadline|effective|starting|beginning|ahead\s+of|no\s+later\s+than)\b", re.IGNORECASE)


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``[start, end)``: between the nearest , ; : — or subordinator."""
    left = max((m.end() for m in _BOUNDARY.finditer(text[:start])
                if m.group(0)[0] in ",;:—" or m.end() < start - 1), default=0)  # "before Sept. 15" is a signal
    right_match = _BOUNDARY.search(text[end:])
    right = end + right_match.start() if right_match else len(text)
    return left, right


def governing_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """:func:`clause_span` narrowed further at a relative word (that, which, who) on either side."""
    c0, c1 = clause_span(text, start, end)
    left = max((m.end() for m in _RELATIVE.finditer(text, c0, start)), default=c0)
    right_match = _RELATIVE.search(text, end, c1)
    return left, right_match.start() if right_match else c1


def _cue(words: list[tuple[int, int, str, str]], i: int, day: bool = False) -> str:
    """future, past, present or '' for the ``i``-th word (start, end, word, lower case) of a clause; for a
    weekday or a day (``day``) a verb of the present's third person is a timetable, "nearest" ("the summit
    opens on Friday", "Walmart reports on Tuesday": the nearer of the last and the next)."""
    _, _, word, low = words[i]
    prev = words[i - 1][3] if i else ""
    nxt = words[i + 1][3] if i + 1 < len(words) else ""
    if prev == "to" or (low == "have" and prev in ("would", "could", "should", "might", "must", "will", "may")):
        return ""  # an infinitive ("to take effect"); "would have" is the modal's cue
    if low in ("was", "were") or (prev in ("was", "were", "been") and low in _WAS_FUTURE) \
            or (low == "would" and nxt == "have" and (i + 2 >= len(words) or words[i + 2][3] != "to")):
        return "past"  # "would have taken", not "would have to"
    if low in ("is", "are", "am"):
        j = i + 1
        while j < len(words) and words[j][3] in _ADVERBS:  # "is now due to", "are still set to"
            j += 1
        return "future" if j < len(words) and words[j][3] in _BE_FUTURE else "present"
    if low in _FUTURE_WORDS or low.endswith(("'ll", "’ll")) or (low == "due" and nxt != "to") or _FUTURE_BEFORE.get(low) == nxt:
        return "future"
    if (low in _PAST_WORDS or (low.endswith("ed") and word[0].islower() and "-" not in low and low not in _NOT_PAST)) \
            and prev not in _PASSIVE:  # "will be sold", "is expected": a participle, not a past tense
        return "past"
    if low.endswith("s") and low not in _PRESENT and lexicons.brill().get(low) == "VBZ":  # "gives", "reports"
        return "nearest" if day else "present"  # a day in the present's third person: a timetable, either side
    return "present" if low in _PRESENT else ""


def _verb_tense(text: str, c0: int, c1: int, start: int, end: int, day: bool = False) -> str:
    """The tense of the verb cue of ``text[c0:c1]`` nearest ``[start, end)`` (in words; ties go left), or ''.
    The words are read some six either side first, then some thirty if that decides nothing."""
    for reach in (40, 200):
        a, b = max(c0, start - reach), min(c1, end + reach)
        words = [(m.start(), m.end(), w, w.lower()) for m in _WORD.finditer(text, a, b) for w in (m.group(),)]
        left = sum(1 for w in words if w[1] <= start) - 1  # the last word before the expression
        right = next((i for i, w in enumerate(words) if w[0] >= end), len(words))  # the first after it
        for d in range(max(left + 1, len(words) - right)):
            if reach < 200 and ((left - d < 0 and a > c0) or (right + d >= len(words) and b < c1)):
                break  # a side is cut short here: read further
            if left - d >= 0 and (kind := _cue(words, left - d, day)):
                return kind
            if right + d < len(words) and (kind := _cue(words, right + d, day)):
                return kind
        else:
            if reach < 200 and a == c0 and b == c1:
                return ""  # the whole clause was read
    return ""


def clause_tense(text: str, start: int, end: int, signal: str = "", day: bool = False) -> str:
    """future, past or present for the expression at ``[start, end)`` of the sentence ``text`` (see
    the module docstring), or nearest for a day in a timetable; ``signal`` is the preposition before
    it ("as of", "from", "by" ...), to be given for a weekday, weekend or day only, and ``day`` says the
    expression is one of those."""
    c0, c1 = governing_clause(text, start, end)
    tense = _verb_tense(text, c0, c1, start, end, day)
    moved = _MOVED.search(text, max(0, start - 120), start) if signal in ("to", "until", "till") else None
    if moved and not re.search(r"\bhad\s+$", text[max(0, moved.start() - 8):moved.start()]):
        return "future"  # "pushed back its ban by a week, to Sunday", "postponed the ban until Sunday": the new day
        # (not "had delayed the ban by a week, to Sunday": a day that may have passed)
    if _AS_SOON_AS.search(text, max(0, start - 20), start):
        return "future"  # "as soon as Saturday", "as soon as late Sunday"
    if tense in ("past", "future"):
        return tense
    if tense != "past" and _CONDITION.search(text, c0, start):
        return "future"
    if not tense and signal == "by" and not text[c0:start].strip(" \"“‘'(") and text[end:end + 2].startswith(","):
        # "By Wednesday, China Daily was calling it …": the sentence's tense (a narrative, not a deadline)
        return _verb_tense(text, 0, len(text), start, end, day) or "future"
    if signal in _FORWARD_SIGNALS or _FORWARD_WORDS.search(text, c0, c1):
        return "future"
    if tense in ("present", "nearest"):
        return tense
    if any(a <= start < b for a, b in quoted_spans(text)):
        return "present"  # '"Ask me again in September," she said': the words' own time, not the attribution's
    # a clause with no verb takes its sentence's tense
    return _verb_tense(text, 0, len(text), start, end, day) or "present"


_INFINITIVE_BEFORE = re.compile(r"\b(?:expect|plan|intend|hope|aim|want|schedul|promis|pledg|vow|agre|threaten|prepar|"
                                r"set|due|likely|going|poised|slated|ready)[a-z]*\s+(?:[A-Za-z]+\s+){0,2}?to\s+[a-z]+"
                                r"(?:\s+[a-z]+){0,4}\s+(?:in|by|until|before|after|past|through)\s+$")  # (not "had to")


def future_in_the_past(text: str, start: int) -> bool:
    """Whether an infinitive of expectation or intent governs the expression at ``start`` ("expected
    TikTok to disappear in September", "planned to launch the app in May"): a time ahead of the past
    verb, so not a year back (but "had to start from zero in July" is past)."""
    return _INFINITIVE_BEFORE.search(text, max(0, start - 90), start) is not None


# --------------------------------------------------------------------------------------------
# Quotes and who said them when

_SPEECH = re.compile(r"\b(?:said|says|told|announced|stated|wrote|added|tweeted|posted|confirmed|declared|statement|"
                     r"disclosed|revealed|argued|countered|replied|responded|dated|according\s+to)\b", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"“”]")


def quoted_spans(text: str, opened: bool = False) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of ``text`` inside double quotation marks (curly or straight); an
    opening mark left unclosed runs to the end of the text. ``opened``: a quotation is open where
    ``text`` starts (it opened in an earlier sentence of the paragraph)."""
    spans, at = [], 0 if opened else None
    for m in _QUOTE_MARKS.finditer(text):
        mark = m.group(0)
        if at is None and mark != "”":
            at = m.end()
        elif at is not None and mark != "“":
            spans.append((at, m.start()))
            at = None
    if at is not None:
        spans.append((at, len(text)))
    return spans


def open_after(text: str, opened: bool) -> bool:
    """Whether a quotation is open at the end of ``text``, given whether one was at its start."""
    if '"' not in text and "“" not in text and "”" not in text:
        return opened
    spans = quoted_spans(text, opened)
    return bool(spans) and spans[-1][1] == len(text)  # a closed quotation ends before its closing mark


def is_speech_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``[start, end)`` reports speech ("Microsoft said late on Sunday")."""
    c0, c1 = clause_span(text, start, end)
    return _SPEECH.search(text, c0, c1) is not None


@dataclass
class Anchors:
    """What the sentences of an article read so far leave for the next: its publication date (and
    id), the day last named (for "the same day") and the start of the last period named (for "that
    month", "the following year"), and the previous sentence with its resolved
    expressions (``start, end, granularity, resolved_start`` each), where a quotation's speaker may
    have been given a day (and whether a quotation was open where it started)."""

    dct: dt.date
    article: str = ""
    antecedent: dt.date | None = None
    previous: tuple[str, list[dict], bool] | None = None
    period: dt.date | None = None  # the start of the last day, week, month or year named ("that month", "the following year")
    said: dt.date | None = None  # the day the quotation under way was said, while the sentences after it are quoted


def _inside(spans: list[tuple[int, int]], row: dict) -> bool:
    return any(s <= row["start"] and row["end"] <= e for s, e in spans)


def said_on(text: str, rows: list[dict], dct: dt.date, quotes: list[tuple[int, int]] | None = None) -> dt.date | None:
    """The day a sentence reports words said on: its last day-level expression, on or before
    ``dct`` and outside quotation marks (``quotes``, default :func:`quoted_spans` of ``text``),
    whose clause has a speech verb ("Microsoft said late on Sunday"); None if it has none."""
    quotes = quoted_spans(text) if quotes is None else quotes
    for r in reversed(rows):
        if r["granularity"] == "day" and r["resolved_start"] <= dct and not _inside(quotes, r) \
                and is_speech_clause(text, r["start"], r["end"]):
            return r["resolved_start"]
    return None


def speech_day(text: str, rows: list[dict], candidates: list[dict], anchors: Anchors,
               opened: bool = False) -> tuple[dt.date | None, list[dict]]:
    """The day the words of a quotation in ``text`` were said, and those of ``candidates`` (today,
    yesterday, tomorrow ...) inside it that it anchors: the speech day the sentence itself gives
    outside the quotation, else the one the previous sentence gives; nothing when neither gives
    one or it is the publication day; a sentence that starts quoted takes the day of the quotation under
    way (:attr:`Anchors.said`). ``opened``: see :func:`quoted_spans`."""
    spans = quoted_spans(text, opened)
    inside = [r for r in candidates if _inside(spans, r)]
    if not inside:
        return None, []
    said = said_on(text, rows, anchors.dct, spans)
    if said is None and anchors.previous is not None:
        p_text, p_rows, p_opened = anchors.previous
        said = said_on(p_text, p_rows, anchors.dct, quoted_spans(p_text, p_opened))
    if said is None and starts_quoted(text, opened):  # a statement quoted over sentences and paragraphs: the day
        said = anchors.said  # its first words were said on ('"…," the company said in a statement Tuesday. "Today, …')
    return (said, inside) if said is not None and said != anchors.dct else (None, [])


def starts_quoted(text: str, opened: bool) -> bool:
    """Whether a sentence starts inside a quotation: one open before it, or its own opening mark."""
    return opened or text.lstrip()[:1] in ("\"", "“")


# --------------------------------------------------------------------------------------------
# Which occurrence


def direction(start: dt.date | None, end: dt.date | None, dct: dt.date) -> str:
    """past, present or future: where a resolved span lies against the publication date."""
    if start is None:
        return "none"
    if end < dct:
        return "past"
    if start > dct:
        return "future"
    return "present"


def nearest_year(month: int, day: int, dct: dt.date, tense: str, window_days: int) -> dt.date:
    """The date with this month and day closest to ``dct`` (for "Sept. 15" with no year).

    Tense overrides closeness only when the closest date is more than ``window_days`` away on
    the wrong side ("It happened on Dec. 30", written in September, is last December)."""
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError(f"no such day: {month}-{day}")
    best = min(candidates, key=lambda d: (abs((d - dct).days), d))
    if abs((best - dct).days) > window_days:
        if tense == "past" and best > dct:
            return max((d for d in candidates if d <= dct), default=best)
        if tense == "future" and best < dct:
            return min((d for d in candidates if d >= dct), default=best)
    return best


def month_occurrence(month: int, dct: dt.date, tense: str) -> tuple[int, int]:
    """(year, month) of a bare month name: the nearest occurrence consistent with the tense. The
    publication month itself whatever the tense; else the most recent one (past), the next one
    (future) or the nearer of the two (present: "the August order"; ties go forward)."""
    if month == dct.month:
        return dct.year, month
    if tense == "present":
        ahead = (month - dct.month) % 12
        return month_occurrence(month, dct, "future" if ahead <= 6 else "past")
    if tense == "future":
        return (dct.year if month > dct.month else dct.year + 1), month
    return (dct.year if month < dct.month else dct.year - 1), month


_AHEAD_IN_THE_PAST = re.compile(r"(?i)\b(?:(?:was|were|been)\s+(?:" + "|".join(sorted(_WAS_FUTURE)) + r")|would\s+have)\b")


def seen_ahead(text: str, start: int, end: int, signal: str = "") -> bool:
    """Whether a past clause looks ahead from its own time to the expression at ``[start, end)``: a future in
    the past ("had been scheduled for Thursday", "would have cut it off from Thursday") or a forward signal or
    word ("ordered a ban starting Sunday", "had given it until Thursday"). The day it names may lie either side
    of the publication date."""
    c0, c1 = governing_clause(text, start, end)
    return bool(_AHEAD_IN_THE_PAST.search(text, c0, c1) or _FORWARD_WORDS.search(text, c0, c1)) \
        or signal in _FORWARD_SIGNALS


def weekday_occurrence(weekday: int, dct: dt.date, modifier: str, tense: str) -> dt.date:
    """The day a weekday name points to from ``dct``.

    Bare: the publication day itself if it is that weekday, else the most recent one (past or
    present tense), the next one (future tense: "will be banned from Sunday") or the nearer of the two
    ("nearest": a past clause that looks ahead, :func:`seen_ahead`; ties go ahead). ``last``: the most
    recent before ``dct`` but the day before it, which would be "yesterday" (then the one a week
    earlier); ``next``/``coming``: the first after it; ``this``: the one in ``dct``'s
    ISO week.
    """
    delta = weekday - dct.weekday()
    if modifier == "this":
        return dct + dt.timedelta(days=delta)
    if modifier in ("last", "past"):  # the day before publication is "yesterday": "last Wednesday" on a Thursday is
        return dct - dt.timedelta(days=((-delta) % 7 or 7) + (7 if (-delta) % 7 == 1 else 0))  # the week before's
    if modifier in ("next", "coming"):
        return dct + dt.timedelta(days=delta % 7 or 7)
    if delta == 0:
        return dct
    if tense == "future" or (tense == "nearest" and delta % 7 <= (-delta) % 7):  # "nearest": either side (ties ahead)
        return dct + dt.timedelta(days=delta % 7)
    return dct - dt.timedelta(days=(-delta) % 7)


def weekend_saturday(dct: dt.date, modifier: str, tense: str) -> dt.date:
    """The Saturday of the weekend meant. this: the one of the publication week; last/past: the one
    before; next: the one after; coming: the next to come; the/over the: the one under way on a
    weekend, else the most recent (past tense), the coming one (future) or the nearer (present:
    Monday to Wednesday look back, Thursday and Friday ahead)."""
    this_saturday = dct + dt.timedelta(days=5 - dct.weekday())
    previous = this_saturday - dt.timedelta(days=7)
    if modifier in ("last", "past"):
        return previous
    if modifier == "next":
        return this_saturday + dt.timedelta(days=7)
    if modifier in ("the", "over the") and dct.weekday() < 5:
        if tense == "past" or (tense == "present" and dct.weekday() <= 2):
            return previous
    return this_saturday


SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12)}


def season_range(season: str, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a (meteorological, northern) season; winter ``year`` runs into February."""
    first = SEASONS[season][1]
    last_month = first + 2
    end_year, end_month = (year + 1, last_month - 12) if last_month > 12 else (year, last_month)
    return dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def season(name: str, year: int) -> dict:
    """The TIMEX value (``2020-SU``) and days of a season."""
    first, last = season_range(name, year)
    return {"value": f"{year:04d}-{SEASONS[name][0]}", "granularity": "season", "resolved_start": first,
            "resolved_end": last}


def season_year(season: str, dct: dt.date, modifier: str, tense: str) -> int:
    """The year of the season meant: this (the one around or of the publication year), last (the
    latest that has ended), next (the first still to start); bare: by the tense, like a month."""
    this = dct.year - 1 if season == "winter" and dct.month <= 2 else dct.year
    start, end = season_range(season, this)
    if modifier == "last" or (not modifier and tense == "past" and start > dct):
        return this if end < dct else this - 1
    if modifier == "next" or (not modifier and tense == "future" and end < dct):
        return this if start > dct else this + 1
    return this


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th (1-based; -1 = last) ``weekday`` (0 = Monday) of a month."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if dt.date(year, month, d).weekday() == weekday]
    return dt.date(year, month, days[n - 1 if n > 0 else n])


# United States holidays (the coverage is about U.S. deadlines): a fixed day, or the n-th weekday of a month
HOLIDAYS = {"thanksgiving": (11, 3, 4), "christmas": (12, 25, None), "christmas eve": (12, 24, None),
            "christmas day": (12, 25, None), "new year's day": (1, 1, None), "new year's eve": (12, 31, None),
            "independence day": (7, 4, None), "fourth of july": (7, 4, None), "labor day": (9, 0, 1),
            "memorial day": (5, 0, -1), "halloween": (10, 31, None), "election day": (11, 1, None)}
HOLIDAYS.update({"singles' day": (11, 11, None), "double 11": (11, 11, None), "valentine's day": (2, 14, None),
                 "harbolnas": (12, 12, None), "august bank holiday": (8, 0, -1), "summer bank holiday": (8, 0, -1)})
# (Singles' Day, Indonesia's Harbolnas and Valentine's Day are shopping days; the UK's summer bank holiday is the last
# Monday of August.) Other countries' holidays, lunar ones too, from the holidays package: the name as written ->
# (country, subdivision, the package's name of its first day)
WORLD_HOLIDAYS = {**dict.fromkeys(("lunar new year", "chinese new year", "spring festival"),
                                  ("CN", None, "Chinese New Year (Spring Festival)")),
                  **dict.fromkeys(("seollal", "korean new year"), ("KR", None, "Korean New Year")),
                  "chuseok": ("KR", None, "Chuseok"), "mid-autumn festival": ("TW", None, "Mid-Autumn Festival"),
                  "national day": ("CN", None, "National Day"), "national day holiday": ("CN", None, "National Day"),
                  **dict.fromkeys(("diwali", "deepavali"), ("IN", None, "Diwali")),
                  **dict.fromkeys(("eid", "eid al-fitr"), ("ID", None, "Eid al-Fitr")),
                  "veterans day": ("US", None, "Veterans Day"), "columbus day": ("US", None, "Columbus Day"),
                  **dict.fromkeys(("presidents' day", "presidents day", "president's day"),
                                  ("US", None, "Washington's Birthday")),
                  **dict.fromkeys(("martin luther king jr. day", "martin luther king day", "mlk day"),
                                  ("US", None, "Martin Luther King Jr. Day")),
                  "family day": ("CA", "ON", "Family Day")}
_AFTER_THANKSGIVING = {"black friday": 1, "cyber monday": 4}  # days after it: the Friday and the Monday


@functools.lru_cache(maxsize=256)
def _world_holiday(key: str, year: int) -> dt.date:
    country, subdivision, wanted = WORLD_HOLIDAYS[key]
    days = holidays.country_holidays(country, subdiv=subdivision, years=year)
    found = sorted(d for d, names in days.items() if wanted in names.split("; "))
    if not found:
        raise ValueError(f"no {key} in {year}")
    return found[0]


def holiday_date(name: str, year: int) -> dt.date:
    """The day of a holiday in ``year`` (Election Day: the Tuesday after the first Monday of November)."""
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if key in WORLD_HOLIDAYS:
        return _world_holiday(key, year)
    if key == "inauguration day":  # 20 January after a presidential election (the Twentieth Amendment)
        if year % 4 != 1:
            raise ValueError(f"no inauguration in {year}")
        return dt.date(year, 1, 20)
    if key in _AFTER_THANKSGIVING:
        return holiday_date("thanksgiving", year) + dt.timedelta(days=_AFTER_THANKSGIVING[key])
    month, a, n = HOLIDAYS[key]
    if key.startswith("election"):
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    return dt.date(year, month, a) if n is None else _nth_weekday(year, month, a, n)


def nearest_holiday(name: str, dct: dt.date, tense: str, window_days: int) -> dt.date:
    """The occurrence of a holiday nearest ``dct``, the tense deciding as for :func:`nearest_year`."""
    candidates = []
    for year in range(dct.year - 4, dct.year + 5):  # (an inauguration comes every four years)
        try:
            candidates.append(holiday_date(name, year))
        except ValueError:
            continue
    if not candidates:
        raise ValueError(f"no {name} near {dct}")
    best = min(candidates, key=lambda d: (abs((d - dct).days), d))
    if abs((best - dct).days) > window_days:
        if tense == "past" and best > dct:
            return max(d for d in candidates if d <= dct)
        if tense == "future" and best < dct:
            return min(d for d in candidates if d >= dct)
    return best
