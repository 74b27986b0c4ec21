"""When things happened: temporal expressions, their resolution, events, and the sourced context.

Frames (offsets are ``[start, end)`` into the raw article text; dates are days, ``resolved_end``
inclusive):

``temporal_expressions`` (:func:`find_temporal_expressions`)
    ``article_id, sentence_no, start, end, text, signal`` (a preposition before the expression:
    on, in, from, since, by, until, before, after), ``kind`` (date, relative, weekday, month, year,
    part of period, duration, vague), ``value`` (TIMEX3 style: ``2020-09-13``, ``2020-08``,
    ``2020-W38``, ``2020-W38-WE``, ``P45D``, ``PAST_REF``), ``mod`` (START, MID, END or empty),
    ``granularity`` (day, week, month, year, or none), ``resolved_start, resolved_end``,
    ``direction`` (past, present, future, or none), ``dct`` (the publication date it was resolved
    against), ``rule``.
``events`` (:func:`build_events`)
    one row per dated expression: ``event_id, article_id, sentence_no, start, end, sentence_start,
    sentence_end, date_start, date_end, granularity, what, actors, status, expression``.
``timeline`` (:func:`merge_events`)
    the same event across articles merged: ``event_id, date_start, date_end, granularity, what,
    actors, status, n_articles`` (corroboration), ``articles, evidence`` (every sentence kept).

Relative expressions resolve against the article's publication date (the TIMEX3 document
creation time, as HeidelTime and SUTime do), never against today. Rules are small functions
below, each named in the ``rule`` column and tested on its own.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.corpus import Corpus
from helpers.errors import DataError, Problem
from helpers.outputs import counted, md_text

EXPRESSION_COLUMNS = ["article_id", "sentence_no", "start", "end", "text", "signal", "kind", "value", "mod",
                      "granularity", "resolved_start", "resolved_end", "direction", "dct", "rule"]
KINDS = ("date", "relative", "weekday", "month", "year", "part of period", "duration", "vague")
CONTEXT_COLUMNS = ("event_id", "date", "date_end", "precision", "label", "event", "actors", "keywords", "source")

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
            "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90, "several": None, "few": None}
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H"}
# A date written without its year is taken as the occurrence nearest the publication date, unless
# that is further away than this on the side the tense contradicts (see data/assumptions.yaml,
# timeline.tense_window_days, which the notebook passes in).
TENSE_WINDOW_DAYS = 90
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "midnight": "NI", "overnight": "NI"}
_SIGNAL = re.compile(r"(?:\b(?P<signal>on|in|from|since|by|until|till|before|after|during|through|as of)\s+)$",
                     re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|won't|shall|going to|is due|are due|was due|due to|expires?|is set to|are set to|"
                     r"scheduled|deadline|would have to|has to|have to|must)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did|said|told|announced|signed)\b"
                   r"|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\b\w+ed\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a name, a kind, an expression and a resolver."""

    name: str
    kind: str
    regex: re.Pattern
    resolve: Callable[..., dict]  # (match, publication date, tense, **options) -> resolved fields
    needs: tuple[str, ...] = ("",)  # lower-case words one of which the text must contain
    needs_digit: bool = False


# --------------------------------------------------------------------------------------------
# Resolution helpers (pure, tested on their own)


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "Aug", "August")."""
    return _MONTHS[name.lower().rstrip(".")]


def nearest_year(month: int, day: int, dct: dt.date, tense: str = "present",
                 window_days: int = TENSE_WINDOW_DAYS) -> dt.date:
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
    """(year, month) of a bare month name: this month if it is the publication month, else the
    most recent one for past tense and the next one for future tense."""
    if month == dct.month:
        return dct.year, month
    if tense == "present":  # the nearer of last and next occurrence (ties go forward)
        ahead = (month - dct.month) % 12
        return month_occurrence(month, dct, "future" if ahead <= 6 else "past")
    if tense == "future":
        return (dct.year if month > dct.month else dct.year + 1), month
    return (dct.year if month < dct.month else dct.year - 1), month


def weekday_occurrence(weekday: int, dct: dt.date, modifier: str, tense: str) -> dt.date:
    """The day a weekday name points to from ``dct``.

    Bare: the publication day itself if it is that weekday, else the most recent one (past or
    present tense) or the next one (future tense: "will be banned from Sunday"). ``last``: the most
    recent before ``dct``; ``next``/``coming``: the first after it; ``this``: the one in ``dct``'s
    ISO week.
    """
    delta = weekday - dct.weekday()
    if modifier == "this":
        return dct + dt.timedelta(days=delta)
    if modifier in ("last", "past"):
        return dct - dt.timedelta(days=(-delta) % 7 or 7)
    if modifier in ("next", "coming"):
        return dct + dt.timedelta(days=delta % 7 or 7)
    if delta == 0:
        return dct
    if tense == "future":
        return dct + dt.timedelta(days=delta % 7)
    return dct - dt.timedelta(days=(-delta) % 7)


def sentence_tense(text: str) -> str:
    """future, past or present, from auxiliaries and verb forms in the clause (a coarse cue)."""
    if _FUTURE.search(text):
        return "future"
    if _PAST.search(text):
        return "past"
    return "present"


def direction(start: dt.date | None, end: dt.date | None, dct: dt.date) -> str:
    if start is None:
        return "none"
    if end < dct:
        return "past"
    if start > dct:
        return "future"
    return "present"


def _day(d: dt.date, **extra) -> dict:
    return {"value": d.isoformat(), "granularity": "day", "resolved_start": d, "resolved_end": d, **extra}


def _month(year: int, month: int, mod: str = "") -> dict:
    last = calendar.monthrange(year, month)[1]
    ranges = {"": (1, last), "START": (1, 10), "MID": (11, 20), "END": (21, last)}
    first, final = ranges[mod]
    return {"value": f"{year:04d}-{month:02d}", "granularity": "month" if not mod else "part of month", "mod": mod,
            "resolved_start": dt.date(year, month, first), "resolved_end": dt.date(year, month, final)}


def _week(d: dt.date, weekend: bool = False) -> dict:
    year, week, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    if weekend:
        return {"value": f"{year}-W{week:02d}-WE", "granularity": "week",
                "resolved_start": monday + dt.timedelta(days=5), "resolved_end": monday + dt.timedelta(days=6)}
    return {"value": f"{year}-W{week:02d}", "granularity": "week", "resolved_start": monday,
            "resolved_end": monday + dt.timedelta(days=6)}


def _year(year: int) -> dict:
    return {"value": f"{year:04d}", "granularity": "year", "resolved_start": dt.date(year, 1, 1),
            "resolved_end": dt.date(year, 12, 31)}


# --------------------------------------------------------------------------------------------
# Rules


def _r_iso(m, dct, tense, **options):
    return _day(dt.date(int(m["y"]), int(m["m"]), int(m["d"])))


def _r_month_day_year(m, dct, tense, **options):
    return _day(dt.date(int(m["year"]), month_number(m["month"]), int(m["day"])))


def _r_month_day(m, dct, tense, **options):
    return _day(nearest_year(month_number(m["month"]), int(m["day"]), dct, tense,
                             options.get("window_days", TENSE_WINDOW_DAYS)))


def _r_month_year(m, dct, tense, **options):
    return _month(int(m["year"]), month_number(m["month"]))


def _r_part_of_month(m, dct, tense, **options):
    mod = {"early": "START", "beginning of": "START", "mid": "MID", "middle of": "MID", "late": "END",
           "end of": "END"}[re.sub(r"\s+", " ", m["part"].lower())]
    month = month_number(m["month"])
    year = int(m["year"]) if m["year"] else month_occurrence(month, dct, tense)[0]
    return _month(year, month, mod)


def _r_month(m, dct, tense, **options):
    month = month_number(m["month"])
    modifier = ((m.groupdict().get("mod")) or "").lower()
    if modifier == "last":
        year = dct.year - 1 if month >= dct.month else dct.year
    elif modifier == "next":
        year = dct.year + 1 if month <= dct.month else dct.year
    elif modifier == "this":
        year = dct.year
    else:
        year = month_occurrence(month, dct, tense)[0]
    return _month(year, month)


def _r_relative_day(m, dct, tense, **options):
    word = m["word"].lower()
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    part = m["part"].lower() if m["part"] else ("night" if word == "tonight" else "")
    d = dct + dt.timedelta(days=offset)
    out = _day(d)
    if part:
        out["value"] += f"T{_PART_OF_DAY[part]}"
    return out


def _r_weekday(m, dct, tense, **options):
    d = weekday_occurrence(_WEEKDAYS[m["weekday"].lower()], dct, (m["mod"] or "").lower(), tense)
    out = _day(d)
    part = (m["part"] or "").lower()
    late = (m["late"] or "").lower()
    if part:
        out["value"] += f"T{_PART_OF_DAY[part]}"
    if late:
        out["mod"] = "END" if late == "late" else "START"
    return out


def _r_part_of_day(m, dct, tense, **options):
    word = m["word"].lower()
    d = dct - dt.timedelta(days=1) if (m["mod"] or "").lower() == "last" else dct
    out = _day(d)
    out["value"] += f"T{_PART_OF_DAY[word]}"
    return out


def _r_weekend(m, dct, tense, **options):
    """this weekend: the one of the publication week; last/past: the one before; next: the one
    after; the/over the weekend: the most recent one (past tense) or the coming one (otherwise)."""
    modifier = m["mod"].lower()
    this_saturday = dct + dt.timedelta(days=5 - dct.weekday())
    in_weekend = dct.weekday() >= 5
    if modifier in ("last", "past"):
        saturday = this_saturday - dt.timedelta(days=7)
    elif modifier == "next":
        saturday = this_saturday + dt.timedelta(days=7)
    elif modifier == "coming":
        saturday = this_saturday
    elif modifier in ("the", "over the"):
        saturday = this_saturday if in_weekend or tense != "past" else this_saturday - dt.timedelta(days=7)
    else:
        saturday = this_saturday
    return _week(saturday, weekend=True)


def _r_relative_period(m, dct, tense, **options):
    modifier = m["mod"].lower().replace("earlier this", "this").replace("later this", "this")
    unit = m["unit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[modifier]
    if unit == "week":
        return _week(dct + dt.timedelta(weeks=step))
    if unit == "month":
        month_index = dct.year * 12 + dct.month - 1 + step
        return _month(month_index // 12, month_index % 12 + 1)
    return _year(dct.year + step)


def _r_year(m, dct, tense, **options):
    return _year(int(m["year"]))


def _r_duration(m, dct, tense, **options):
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMBERS.get(raw)
    unit = _UNITS[m["unit"].lower()]
    return {"value": f"P{'X' if n is None else n}{unit}" if unit != "H" else f"PT{'X' if n is None else n}H",
            "granularity": "none", "resolved_start": None, "resolved_end": None}


_VAGUE = {"recently": "PAST_REF", "lately": "PAST_REF", "earlier": "PAST_REF", "previously": "PAST_REF",
          "in recent months": "PAST_REF", "in recent weeks": "PAST_REF", "in recent days": "PAST_REF",
          "in recent years": "PAST_REF", "at the time": "PAST_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF",
          "in the coming days": "FUTURE_REF", "in the coming weeks": "FUTURE_REF",
          "in the coming months": "FUTURE_REF", "now": "PRESENT_REF", "currently": "PRESENT_REF",
          "at present": "PRESENT_REF", "these days": "PRESENT_REF"}


def _r_vague(m, dct, tense, **options):
    return {"value": _VAGUE[re.sub(r"\s+", " ", m["word"].lower())], "granularity": "none",
            "resolved_start": None, "resolved_end": None}


_DIGIT = re.compile(r"\d")
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_B = r"(?<![\w.-])"
_E = r"(?![\w-])"
RULES: tuple[Rule, ...] = (
    Rule("iso_date", "date", re.compile(_B + r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)" + _E), _r_iso,
         needs=("",), needs_digit=True),
    Rule("month_day_year", "date", re.compile(_B + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _E), _r_month_day_year,
         needs=_MONTH_WORDS, needs_digit=True),
    Rule("day_month_year", "date", re.compile(_B + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _E), _r_month_day_year,
         needs=_MONTH_WORDS, needs_digit=True),
    Rule("month_day", "date", re.compile(_B + _MONTH + r"\s+" + _DAY + r"(?![\w-]|,?\s+(?:19|20)\d\d)"), _r_month_day,
         needs=_MONTH_WORDS, needs_digit=True),
    Rule("day_month", "date", re.compile(_B + _DAY + r"\s+" + _MONTH + r"(?![\w-]|,?\s+(?:19|20)\d\d)"), _r_month_day,
         needs=_MONTH_WORDS, needs_digit=True),
    Rule("month_year", "month", re.compile(_B + _MONTH + r",?\s+" + _YEAR + _E), _r_month_year,
         needs=_MONTH_WORDS, needs_digit=True),
    Rule("part_of_month", "part of period",
         re.compile(_B + r"(?P<part>early|mid|late|beginning of|middle of|end of)[-\s]+" + _MONTH
                    + r"(?:,?\s+" + _YEAR + r")?" + _E, re.IGNORECASE), _r_part_of_month,
         needs=_MONTH_WORDS),
    Rule("month_after_preposition", "month",
         re.compile(r"\b(?:in|since|until|by|from|during|through|before|after|of)\s+(?P<x>" + _MONTH + ")"
                    r"(?![\w-]|\s+[0-3]?\d\b|,?\s+(?:19|20)\d\d)"), _r_month,
         needs=_MONTH_WORDS),
    Rule("month_with_modifier", "month",
         re.compile(r"\b(?P<x>(?P<mod>last|next|this)\s+" + _MONTH + ")"
                    r"(?![\w-]|\s+[0-3]?\d\b|,?\s+(?:19|20)\d\d)"), _r_month,
         needs=_MONTH_WORDS),
    Rule("relative_day", "relative",
         re.compile(_B + r"(?P<word>yesterday|today|tomorrow|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?"
                    + _E, re.IGNORECASE), _r_relative_day,
         needs=("yesterday", "today", "tomorrow", "tonight")),
    Rule("weekday", "weekday",
         re.compile(_B + r"(?:(?P<late>late|early)\s+(?:on\s+)?)?(?:(?P<mod>last|this|next|past|coming)\s+)?" + _WEEKDAY
                    + r"(?:\s+(?P<part>morning|afternoon|evening|night))?" + _E, re.IGNORECASE), _r_weekday,
         needs=_WEEKDAY_WORDS),
    # lower case only: "Morning" in a name ("South China Morning Post") is not a time of day
    Rule("part_of_day", "relative",
         re.compile(_B + r"(?:(?P<mod>[Ll]ast|[Tt]his)\s+)?(?P<word>morning|afternoon|evening|night|midnight|overnight)"
                    + _E), _r_part_of_day,
         needs=("morning", "afternoon", "evening", "night")),
    Rule("weekend", "relative",
         re.compile(_B + r"(?P<mod>this|last|next|past|coming|over the|the)\s+weekend" + _E, re.IGNORECASE), _r_weekend,
         needs=("weekend",)),
    Rule("relative_period", "relative",
         re.compile(_B + r"(?P<mod>last|this|next|past|previous|coming|earlier this|later this)\s+(?P<unit>week|month|year)"
                    + _E, re.IGNORECASE), _r_relative_period,
         needs=("week", "month", "year")),
    Rule("year", "year", re.compile(r"(?<![\w.,$£€-])" + _YEAR + r"(?![\w%,.]\d|[\w%-])"), _r_year,
         needs=("",), needs_digit=True),
    Rule("duration", "duration",
         re.compile(_B + r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                    r"twenty|thirty|forty-five|sixty|ninety|several|few)[-\s]+(?:(?:working|business|calendar)\s+)?"
                    r"(?P<unit>day|week|month|year|hour)s?" + _E, re.IGNORECASE), _r_duration,
         needs=("day", "week", "month", "year", "hour")),
    Rule("vague", "vague",
         re.compile(_B + r"(?P<word>recently|lately|earlier|previously|in\s+recent\s+(?:months|weeks|days|years)|"
                    r"at\s+the\s+time|soon|shortly|in\s+the\s+coming\s+(?:days|weeks|months)|now|currently|at\s+present|"
                    r"these\s+days)" + _E, re.IGNORECASE), _r_vague,
         needs=("recent", "lately", "earlier", "previously", "at the time", "soon", "shortly", "coming", "now",
                "current", "present", "these days")),
)
# "part_of_day" words inside a weekday or relative-day match are left to the longer match.
_PRIORITY = {rule.name: i for i, rule in enumerate(RULES)}


# --------------------------------------------------------------------------------------------
# Extraction


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``[start, end)``: between the nearest , ; : — or subordinator."""
    left = max((m.end() for m in re.finditer(r"[,;:—]|\b(?:after|before|while|when|although|because|but)\b",
                                             text[:start])
                if m.group(0)[0] in ",;:—" or m.end() < start - 1), default=0)  # "before Sept. 15" is a signal
    right_match = re.search(r"[,;:—]|\b(?:after|before|while|when|although|because|but)\b", text[end:])
    right = end + right_match.start() if right_match else len(text)
    return left, right


# Every word some rule needs, each looked for as a substring of the lower-cased text ("day" is
# in "today"): forty-odd substring searches cost less than one pass of an expression that tries
# every word at every position.
_NEEDED_WORDS = tuple(sorted({w for rule in RULES for w in rule.needs if w}))


def _matches(text: str) -> list[tuple[int, int, Rule, re.Match]]:
    """Every rule's matches in ``text``; where two overlap the longer wins (then the earlier rule)."""
    lower = text.lower()
    present = {w for w in _NEEDED_WORDS if w in lower}
    has_digit = _DIGIT.search(text) is not None
    found = []
    for rule in RULES:
        if (rule.needs_digit and not has_digit) or (rule.needs != ("",) and present.isdisjoint(rule.needs)):
            continue  # a cheap test first: the rule cannot match without one of its words
        has_x = "x" in rule.regex.groupindex
        for m in rule.regex.finditer(text):
            start, end = m.span("x") if has_x else m.span()
            found.append((start, end, rule, m))
    if len(found) < 2:
        return found
    found.sort(key=lambda f: (f[0] - f[1], _PRIORITY[f[2].name], f[0]))
    chosen: list[tuple[int, int, Rule, re.Match]] = []
    for f in found:
        if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f[0])


def _resolve(match: tuple[int, int, Rule, re.Match], text: str, offset: int, dct: dt.date,
             window_days: int) -> dict | None:
    """Resolve one match whose sentence is ``text`` (starting at ``offset`` in the matched string)."""
    start, end, rule, m = match
    local_start, local_end = start - offset, end - offset
    c0, c1 = _clause(text, local_start, local_end)
    tense = sentence_tense(text[c0:c1])
    try:
        resolved = rule.resolve(m, dct, tense, window_days=window_days)
    except ValueError:
        return None  # "Feb. 30": not a date
    signal = _SIGNAL.search(text[max(0, local_start - 12):local_start])
    return {"start": start, "end": end, "text": m.string[start:end],
            "signal": signal["signal"].lower() if signal else "", "kind": rule.kind, "mod": "", **resolved,
            "rule": rule.name, "tense": tense}


def expressions_in_text(text: str, dct: dt.date, window_days: int = TENSE_WINDOW_DAYS) -> list[dict]:
    """Every temporal expression of one text (taken as one sentence), resolved against ``dct``."""
    rows = [_resolve(f, text, 0, dct, window_days) for f in _matches(text)]
    return [r for r in rows if r is not None]


def find_temporal_expressions(corpus: Corpus, window_days: int = TENSE_WINDOW_DAYS) -> pd.DataFrame:
    """All temporal expressions of the corpus, resolved against each article's publication date
    (``window_days``: see :func:`nearest_year`). Rules run over each sentence that holds an anchor
    (a digit, or the letters of a month, weekday or time word); the rest are skipped unread."""
    dct_of = dict(zip(corpus.articles["article_id"], corpus.articles["published"].dt.date))
    rows = []
    sentences = corpus.sentences
    for aid, no, s_start, s_text in zip(sentences["article_id"].tolist(), sentences["sentence_no"].tolist(),
                                        sentences["start"].tolist(), sentences["text"].tolist()):
        dct = dct_of[aid]
        for match in _matches(s_text):
            r = _resolve(match, s_text, 0, dct, window_days)
            if r is None:
                continue
            rows.append({"article_id": aid, "sentence_no": int(no), **r, "start": int(s_start) + r["start"],
                         "end": int(s_start) + r["end"], "dct": dct,
                         "direction": direction(r["resolved_start"], r["resolved_end"], dct)})
    frame = pd.DataFrame(rows, columns=EXPRESSION_COLUMNS)
    for col in ("resolved_start", "resolved_end", "dct"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[s]")
    return frame.astype({"sentence_no": "int64", "start": "int64", "end": "int64"})


# --------------------------------------------------------------------------------------------
# Events

_DEADLINE = re.compile(r"\b(?:deadline|expires?|expired|by|before|due|until|no later than)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:according to|said|says|reported|told|announced|stated)\b", re.IGNORECASE)
_HEDGES = re.compile(r"\b(?:would|could|might|may|if|reportedly|allegedly|possibly|likely|unlikely)\b", re.IGNORECASE)


def event_status(clause: str, sentence: str, dir_: str, signal: str = "") -> str:
    """deadline, hedged, reported, scheduled or happened, in that order of precedence.

    A future date is a deadline when its clause says so ("deadline", "expires", "due") or it is
    introduced by "by", "before" or "until"; a clause with a modal or conditional is hedged; a
    sentence that attributes its content ("said", "according to") is reported."""
    if (dir_ == "future" and (_DEADLINE.search(clause) or signal in ("by", "before", "until"))) \
            or re.search(r"\bdeadline\b", clause, re.IGNORECASE):
        return "deadline"
    if _HEDGES.search(clause):
        return "hedged"
    if _REPORTED.search(sentence):
        return "reported"
    return "scheduled" if dir_ == "future" else "happened"


def build_events(corpus: Corpus, expressions: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One event per dated expression (durations and vague ones are not dates): the clause around
    it, the stakeholders named in its sentence, a status, and its evidence offsets."""
    dated = expressions[expressions["resolved_start"].notna()]
    sents = corpus.sentences.set_index(["article_id", "sentence_no"])
    actors_of = (mentions.groupby(["article_id", "sentence_no"])["stakeholder_id"]
                 .agg(lambda s: "|".join(sorted(set(s)))).to_dict())
    rows = []
    for e in dated.itertuples(index=False):
        s = sents.loc[(e.article_id, e.sentence_no)]
        c0, c1 = _clause(s["text"], e.start - s["start"], e.end - s["start"])
        if len(s["text"][c0:c1].split()) - len(e.text.split()) < 3:  # "Yesterday, ...": take the next clause too
            c1 = _clause(s["text"], min(c1 + 1, len(s["text"])), min(c1 + 1, len(s["text"])))[1]
        clause = s["text"][c0:c1].strip(" ,;:—")
        rows.append({"article_id": e.article_id, "sentence_no": e.sentence_no, "start": e.start, "end": e.end,
                     "sentence_start": int(s["start"]), "sentence_end": int(s["end"]),
                     "date_start": e.resolved_start, "date_end": e.resolved_end, "granularity": e.granularity,
                     "what": clause, "actors": actors_of.get((e.article_id, e.sentence_no), ""),
                     "status": event_status(clause, s["text"], e.direction, e.signal), "expression": e.text,
                     "evidence": s["text"]})
    frame = pd.DataFrame(rows, columns=["article_id", "sentence_no", "start", "end", "sentence_start", "sentence_end",
                                        "date_start", "date_end", "granularity", "what", "actors", "status",
                                        "expression", "evidence"])
    frame.insert(0, "event_id", [f"{r.article_id[:3]}-s{r.sentence_no}-{r.start}" for r in frame.itertuples()])
    return frame


def merge_events(events: pd.DataFrame) -> pd.DataFrame:
    """The same event across articles as one row: same date range and at least one shared actor
    (or, where neither names an actor, the same date range alone). ``n_articles`` counts the
    articles that state it; every evidence sentence is kept."""
    if events.empty:
        return pd.DataFrame(columns=["timeline_id", "date_start", "date_end", "granularity", "what", "actors", "status",
                                     "n_articles", "articles", "event_ids", "evidence"])
    groups: list[list[int]] = []
    for (_, _), part in events.groupby(["date_start", "date_end"], sort=True):
        clusters: list[tuple[set[str], list[int]]] = []
        for i, r in part.iterrows():
            actors = set(filter(None, r["actors"].split("|")))
            for cluster_actors, members in clusters:
                if (actors & cluster_actors) or (not actors and not cluster_actors):
                    cluster_actors |= actors
                    members.append(i)
                    break
            else:
                clusters.append((actors, [i]))
        groups += [members for _, members in clusters]
    rows = []
    order = ["deadline", "happened", "scheduled", "reported", "hedged"]
    for members in groups:
        part = events.loc[members].sort_values(["article_id", "start"])
        first = part.iloc[0]
        statuses = sorted(set(part["status"]), key=order.index)
        rows.append({"date_start": first["date_start"], "date_end": first["date_end"],
                     "granularity": first["granularity"], "what": first["what"],
                     "actors": "|".join(sorted({a for x in part["actors"] for a in x.split("|") if a})),
                     "status": statuses[0], "n_articles": int(part["article_id"].nunique()),
                     "articles": ", ".join(sorted({a[:3] for a in part["article_id"]})),
                     "event_ids": "; ".join(part["event_id"]),
                     "evidence": " | ".join(f"[{r.article_id[:3]} s{r.sentence_no} {r.start}-{r.end}] {r.evidence}"
                                            for r in part.itertuples())})
    out = pd.DataFrame(rows).sort_values(["date_start", "date_end", "what"]).reset_index(drop=True)
    out.insert(0, "timeline_id", [f"T{i + 1:02d}" for i in range(len(out))])
    return out


# --------------------------------------------------------------------------------------------
# Context: the sourced record of the saga


def context_problems(frame: pd.DataFrame, file: str, known_actors: set[str] | None = None) -> list[Problem]:
    """Malformed dates, unknown precision, an end before its start, unknown actors, bad keywords."""
    problems = [Problem(file, "(header)", f"missing required column {c!r}") for c in CONTEXT_COLUMNS
                if c not in frame.columns]
    if problems:
        return problems
    for line, r in enumerate(frame.itertuples(index=False), start=2):
        where = f"line {line} ({r.event_id})"
        try:
            start = dt.date.fromisoformat(r.date)
            end = dt.date.fromisoformat(r.date_end) if r.date_end else start
            if end < start:
                problems.append(Problem(file, f"{where}: date_end", f"{end} is before date {start}"))
        except ValueError as exc:
            problems.append(Problem(file, f"{where}: date", f"not an ISO date YYYY-MM-DD ({exc})"))
        if r.precision not in ("day", "month", "year"):
            problems.append(Problem(file, f"{where}: precision", f"{r.precision!r} is not day, month or year"))
        for actor in filter(None, r.actors.split("|")):
            if known_actors is not None and actor not in known_actors:
                problems.append(Problem(file, f"{where}: actors", f"{actor!r} is not in the gazetteer"))
        try:
            re.compile(r.keywords)
        except re.error as exc:
            problems.append(Problem(file, f"{where}: keywords", f"not a regular expression ({exc})"))
    return problems


def load_context(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read and validate ``data/reference/context_events.csv`` (dates as datetime64 days)."""
    from helpers import paths
    from helpers.reference import read_table
    from helpers.stakeholders import load_gazetteer

    path = paths.reference(data_dir) / "context_events.csv"
    frame, problems = read_table(path, required=CONTEXT_COLUMNS)
    if not frame.empty:
        try:
            known = set(load_gazetteer(data_dir)["stakeholder_id"])
        except DataError:
            known = None
        problems += context_problems(frame, paths.relative(path), known)
    if problems:
        raise DataError(problems)
    out = frame.copy()
    out["date_end"] = out["date_end"].where(out["date_end"].str.len() > 0, out["date"])
    for col in ("date", "date_end"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[s]")
    return out


def context_coverage(context: pd.DataFrame, corpus: Corpus, expressions: pd.DataFrame) -> pd.DataFrame:
    """For each context event: which articles mention it (its keywords match a sentence), whether
    a sentence that mentions it also dates it (an expression resolving inside the event's range),
    and any date given there that falls outside the range (a date the corpus may get wrong)."""
    dated = expressions[expressions["resolved_start"].notna()]
    rows = []
    for c in context.itertuples(index=False):
        regex = re.compile(c.keywords, re.IGNORECASE)
        hits = corpus.sentences[corpus.sentences["text"].str.contains(regex)]
        keys = set(zip(hits["article_id"], hits["sentence_no"]))
        exprs = dated[[k in keys for k in zip(dated["article_id"], dated["sentence_no"])]]
        inside = exprs[(exprs["resolved_start"] <= c.date_end) & (exprs["resolved_end"] >= c.date)]
        outside = exprs.drop(inside.index)
        rows.append({"event_id": c.event_id, "date": c.date, "date_end": c.date_end, "event": c.event,
                     "mentioned_in": ", ".join(sorted({a[:3] for a in hits["article_id"]})),
                     "n_sentences": len(hits),
                     "dated_in": ", ".join(sorted({a[:3] for a in inside["article_id"]})),
                     "other_dates": "; ".join(f"{r.article_id[:3]} s{r.sentence_no}: '{r.text}' = {r.value}"
                                              for r in outside.itertuples()),
                     "source": c.source})
    return pd.DataFrame(rows)


def check_corpus_dates(timeline: pd.DataFrame, context: pd.DataFrame) -> pd.DataFrame:
    """Each corpus event set against the record: the context events its evidence names (their
    keywords match) and whether the corpus date falls within one of them. ``consistent`` is
    False where the evidence names record events but none on that date: a date to check."""
    rows = []
    for t in timeline.itertuples(index=False):
        named, agreeing = [], []
        for c in context.itertuples(index=False):
            if re.search(c.keywords, t.evidence, re.IGNORECASE):
                named.append(c.event_id)
                if t.date_start <= c.date_end and t.date_end >= c.date:
                    agreeing.append(c.event_id)
        rows.append({"timeline_id": t.timeline_id, "date_start": t.date_start, "date_end": t.date_end,
                     "what": t.what, "record_events_named": ", ".join(named), "record_events_on_date": ", ".join(agreeing),
                     "consistent": bool(agreeing) or not named})
    return pd.DataFrame(rows, columns=["timeline_id", "date_start", "date_end", "what", "record_events_named",
                                       "record_events_on_date", "consistent"])


def days_to(deadline: dt.date, articles: pd.DataFrame) -> pd.DataFrame:
    """Days from each article's publication date to ``deadline`` (negative: after it)."""
    out = articles[["article_id", "published", "published_overridden"]].copy()
    out["deadline"] = pd.Timestamp(deadline)
    out["days_to_deadline"] = (out["deadline"] - out["published"]).dt.days.astype("int64")
    return out


def resolution_shift(corpus: Corpus, shifted: Corpus, window_days: int = TENSE_WINDOW_DAYS) -> pd.DataFrame:
    """Expressions whose resolution differs between two runs of the same corpus with different
    publication dates: what moves when a date assumption changes."""
    a = find_temporal_expressions(corpus, window_days)
    b = find_temporal_expressions(shifted, window_days)
    keys = ["article_id", "sentence_no", "start", "end", "text", "rule"]
    both = a.merge(b, on=keys, suffixes=("", "_shifted"))
    moved = both[(both["value"] != both["value_shifted"]) | (both["direction"] != both["direction_shifted"])]
    return moved[keys[:1] + ["sentence_no", "text", "dct", "value", "direction", "dct_shifted", "value_shifted",
                             "direction_shifted"]].reset_index(drop=True)


def _date_part(value: str) -> str:
    """A TIMEX value without its time-of-day suffix (``2020-09-27TNI`` -> ``2020-09-27``)."""
    return re.sub(r"^(\d{4}-\d{2}-\d{2})T\w+$", r"\1", value)


def evaluate(expressions: pd.DataFrame, gold: dict[str, list[dict]]) -> pd.DataFrame:
    """Compare found expressions with hand-annotated ones: found (a found expression overlaps the
    gold text) and correct (its value, up to the day for day-level values, equals the gold value)."""
    rows = []
    for aid, items in sorted(gold.items()):
        mine = expressions[expressions["article_id"] == aid]
        for g in items:
            hits = mine[mine["text"].str.contains(re.escape(g["text"].split()[-1]), regex=True)
                        | np.array([t in g["text"] for t in mine["text"]], dtype=bool)]
            hit = hits.iloc[0] if len(hits) else None
            value = "" if hit is None else str(hit["value"])
            rows.append({"article_id": aid, "text": g["text"], "kind": g["kind"], "gold": g["value"], "found": hit is not None,
                         "value": value, "correct": hit is not None and _date_part(value) == g["value"]})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# Figures (built here, saved by helpers.figures.save_figure)


def timeline_plot_data(timeline: pd.DataFrame, context: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """The items drawn: one row per corpus event and per context event inside ``[start, end]``,
    with lane, dates, label, and (for the corpus) the evidence."""
    rows = []
    for t in timeline.itertuples(index=False):
        rows.append({"lane": "corpus", "item_id": t.timeline_id, "date_start": t.date_start, "date_end": t.date_end,
                     "granularity": t.granularity, "status": t.status, "n_articles": t.n_articles,
                     "label": f"{t.articles}: {_short(t.what, 40)}", "evidence": t.evidence})
    for c in context.itertuples(index=False):
        rows.append({"lane": "record", "item_id": c.event_id, "date_start": c.date, "date_end": c.date_end,
                     "granularity": c.precision, "status": "record", "n_articles": 0, "label": c.label,
                     "evidence": f"{c.event} (source: {c.source})"})
    frame = pd.DataFrame(rows)
    inside = (frame["date_end"] >= pd.Timestamp(start)) & (frame["date_start"] <= pd.Timestamp(end))
    return frame[inside].sort_values(["lane", "date_start", "item_id"]).reset_index(drop=True)


def timeline_caption(articles: pd.DataFrame, timeline: pd.DataFrame, items: pd.DataFrame, deadline: dt.date,
                     window: tuple[dt.date, dt.date], all_record: bool = False) -> str:
    """The caption of a timeline figure drawn from ``items``: counts from the frames, the window
    shown (or, for the interactive figure holding every record event, the window it opens on),
    the deadline and each article's publication date as used."""
    records = int((items["lane"] == "record").sum())
    span = (f"all {records} sourced record events below (the view opens on {window[0]} to {window[1]})"
            if all_record else f"{records} sourced record events within {window[0]} to {window[1]} below")
    dates = ", ".join(f"{a[:3]} {p:%Y-%m-%d}" for a, p in zip(articles["article_id"], articles["published"]))
    return (f"Events dated by the corpus (n={len(articles)} articles, {len(timeline)} events) above, and {span}; "
            f"the dashed line is the {deadline:%b} {deadline.day} deadline; publication dates (inferred): {dates}.")


def _short(text: str, n: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


STATUS_COLORS = {"happened": "#0072B2", "reported": "#56B4E9", "scheduled": "#009E73", "deadline": "#D55E00",
                 "hedged": "#E69F00", "record": "#555555"}


def draw_timeline(items: pd.DataFrame, deadline: dt.date, publications: pd.DataFrame, title: str):
    """Two lanes, what the corpus dates and the sourced record; spans for month-level items, dots
    for days; the deadline and each article's publication date marked; labels stacked so that
    none overlaps another (widths measured on the final axes)."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    fig = plt.figure(figsize=(11.0, 2.2 + 0.32 * (len(items) + 4) ** 0.9))
    ax = fig.add_axes((0.13, 0.13, 0.84, 0.80))
    x0 = mdates.date2num(items["date_start"].min() - pd.Timedelta(days=3))
    x1 = mdates.date2num(items["date_end"].max() + pd.Timedelta(days=3))
    ax.set_xlim(x0, x1)
    renderer = fig.canvas.get_renderer()
    per_pixel = (x1 - x0) / ax.get_window_extent(renderer).width
    step, gap = 0.30, 0.35
    placed = []
    n_levels = {}
    for lane in ("corpus", "record"):
        part = items[items["lane"] == lane].sort_values(["date_start", "item_id"])
        levels: list[float] = []
        for r in part.itertuples():
            x = mdates.date2num(r.date_start)
            probe = ax.text(x, 0, " " + r.label, fontsize=7.5)
            width = probe.get_window_extent(renderer).width * per_pixel * 1.2 + 1.0  # padding, in days
            probe.remove()
            if x + width > x1:  # would run off the right edge: write it leftwards
                left, right, ha = x - width, x, "right"
            else:
                left, right, ha = x, x + width, "left"
            for level, edge in enumerate(levels):
                if left > edge:
                    levels[level] = right
                    break
            else:
                level = len(levels)
                levels.append(right)
            placed.append((lane, r, level, ha))
        n_levels[lane] = max(1, len(levels))
    base = {"record": 0.0, "corpus": 0.8}
    top = base["corpus"] + gap + step * n_levels["corpus"] + 0.2
    for lane, r, level, ha in placed:
        y0 = base[lane]
        y = y0 + gap + step * level if lane == "corpus" else y0 - gap - step * level
        color = STATUS_COLORS.get(r.status, "#555555")
        if (r.date_end - r.date_start).days >= 1:
            ax.plot([r.date_start, r.date_end + pd.Timedelta(days=1)], [y0, y0], color=color, linewidth=7,
                    solid_capstyle="butt", alpha=0.75, zorder=2)
        else:
            ax.plot([r.date_start], [y0], marker="o", color=color, markersize=6, zorder=3)
        ax.plot([r.date_start, r.date_start], [y0, y], color=color, linewidth=0.6, zorder=1)
        ax.text(r.date_start, y, (" " + r.label) if ha == "left" else (r.label + " "), fontsize=7.5, va="center",
                ha=ha, color="#222222")
    for y0 in base.values():
        ax.axhline(y0, color="#DDDDDD", linewidth=1, zorder=0)
    ax.set_ylim(base["record"] - gap - step * n_levels["record"], top)
    ax.axvline(pd.Timestamp(deadline), color=STATUS_COLORS["deadline"], linestyle="--", linewidth=1)
    ax.text(pd.Timestamp(deadline), top, f" deadline {deadline:%b} {deadline.day}", color=STATUS_COLORS["deadline"],
            fontsize=8, va="top")
    for p in publications.itertuples():
        ax.plot([p.published], [base["corpus"]], marker="v", color="black", markersize=7, zorder=4)
    ax.set_yticks([base["record"], base["corpus"]], ["sourced record", "stated in the corpus"])
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title(title)
    handles = [Line2D([], [], marker="o", linestyle="", color=c, label=s) for s, c in STATUS_COLORS.items()
               if s in set(items["status"])]
    handles.append(Line2D([], [], marker="v", linestyle="", color="black", label="article published"))
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=8, bbox_to_anchor=(0.55, 0.0))
    return fig


def timeline_plotly(items: pd.DataFrame, deadline: dt.date, title: str,
                    window: tuple[dt.date, dt.date] | None = None):
    """Interactive timeline: hover any item for its evidence sentence (or record entry and source).

    With ``window`` the view opens on those dates (as the static figure), with every item still
    in the figure: zoom out, or double-click the plot, to see the rest."""
    import html
    import textwrap

    import plotly.graph_objects as go

    from helpers.figures import PLOTLY_TEMPLATE

    fig = go.Figure(layout={"template": PLOTLY_TEMPLATE})  # first: add_vline would fill in plotly's default
    lanes = {"record": 0, "corpus": 1}
    for status, color in STATUS_COLORS.items():
        part = items[items["status"] == status]
        if part.empty:
            continue
        hover = [f"<b>{html.escape(r.label)}</b><br>{r.date_start:%Y-%m-%d}"
                 + (f" to {r.date_end:%Y-%m-%d}" if r.date_end != r.date_start else "") + "<br>"
                 + "<br>".join(textwrap.wrap(html.escape(r.evidence), 100)) for r in part.itertuples()]
        spans = part[part["date_end"] > part["date_start"]]
        if not spans.empty:  # a month or a stretch of days: a bar from its first to its last day
            fig.add_trace(go.Scatter(
                x=[d for r in spans.itertuples() for d in (r.date_start, r.date_end, None)],
                y=[y for lane in spans["lane"] for y in (lanes[lane], lanes[lane], None)], mode="lines",
                line={"color": color, "width": 6}, opacity=0.6, hoverinfo="skip", showlegend=False,
                legendgroup=status))
        fig.add_trace(go.Scatter(
            x=[r.date_start + (r.date_end - r.date_start) / 2 for r in part.itertuples()],
            y=[lanes[lane] for lane in part["lane"]], mode="markers", name=status, legendgroup=status,
            marker={"color": color, "size": 11, "line": {"color": "white", "width": 1}},
            hovertext=hover, hoverinfo="text"))
    fig.add_vline(x=pd.Timestamp(deadline).timestamp() * 1000, line_dash="dash", line_color=STATUS_COLORS["deadline"],
                  annotation_text="deadline", annotation_position="top")
    fig.update_layout(title=title, height=420, width=1000, hovermode="closest",
                      yaxis={"tickvals": [0, 1], "ticktext": ["sourced record", "stated in the corpus"],
                             "range": [-0.6, 1.6], "fixedrange": True},  # zoom and reset act on dates only
                      legend={"orientation": "h"})
    if window is not None:
        pad = dt.timedelta(days=3)
        fig.update_xaxes(range=[(window[0] - pad).isoformat(), (window[1] + pad).isoformat()])
    return fig


# How a finding names an event's status ("the latest dated event is ...").
_STATUS_PHRASE = {"happened": "one that had happened", "reported": "one attributed to a source", "scheduled": "a scheduled one",
                  "deadline": "a deadline", "hedged": "a hedged one"}


def timeline_findings(expressions: pd.DataFrame, timeline: pd.DataFrame, coverage: pd.DataFrame,
                      checks: pd.DataFrame, days: pd.DataFrame, moved: pd.DataFrame, shift_days: int) -> list[str]:
    """Notebook 01's findings, computed from its tables (never typed by hand)."""
    n_art = expressions["article_id"].nunique()
    dated = expressions["resolved_start"].notna()
    kinds = expressions["kind"].value_counts()
    lines = [
        f"The articles hold **{counted(len(expressions), 'temporal expression')}** ({int(dated.sum())} "
        f"{'resolves' if int(dated.sum()) == 1 else 'resolve'} to dates; "
        f"{int(kinds.get('vague', 0))} vague, {counted(int(kinds.get('duration', 0)), 'duration')}) in "
        f"{counted(n_art, 'article')}; "
        f"they state **{counted(len(timeline), 'dated event')}**, "
        f"{int((timeline['n_articles'] > 1).sum()) if len(timeline) else 0} of them in more than one article.",
    ]
    if len(timeline):
        lines.append(f"The corpus timeline runs from {timeline['date_start'].min():%Y-%m-%d} to "
                     f"{timeline['date_end'].max():%Y-%m-%d}; the latest dated event is "
                     f"{_STATUS_PHRASE[timeline.sort_values('date_end').iloc[-1]['status']]}.")
    for d in days.itertuples():
        when = "before" if d.days_to_deadline >= 0 else "after"
        lines.append(f"Article {d.article_id[:3]} (published {d.published:%Y-%m-%d}"
                     f"{', overridden' if d.published_overridden else ''}) appeared "
                     f"**{counted(abs(d.days_to_deadline), 'day')} {when}** the {d.deadline:%b} {d.deadline.day} deadline.")
    mentioned = coverage[coverage["mentioned_in"] != ""]
    dated_ctx = coverage[coverage["dated_in"] != ""]
    wrong = checks[~checks["consistent"]]
    lines.append(f"Of {len(coverage)} events in the sourced record, the corpus names {len(mentioned)} (keyword match) "
                 f"and dates {len(dated_ctx)}; **{counted(len(wrong), 'corpus date')} "
                 f"{'disagrees' if len(wrong) == 1 else 'disagree'} with the record**"
                 + (": " + "; ".join(f"{w.timeline_id} {w.date_start:%Y-%m-%d}" for w in wrong.itertuples())
                    if len(wrong) else "") + ".")
    changes = [f"'{md_text(r.text)}' {r.value}→{r.value_shifted}" if r.value != r.value_shifted
               else f"'{md_text(r.text)}' {r.direction}→{r.direction_shifted}"
               for r in moved.drop_duplicates("text").itertuples()]
    lines.append(f"Moving every publication date by {counted(shift_days, 'day')} changes {len(moved)} of "
                 f"{counted(len(expressions), 'expression')} ({'; '.join(changes) or 'none'}); absolute dates keep "
                 "their value.")
    return lines
