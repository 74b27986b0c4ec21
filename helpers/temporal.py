"""Temporal expressions and their resolution: the rules that find "Sept. 15", "yesterday", "late
Sunday" or "45 days" in a sentence and the arithmetic that turns them into dates.

``temporal_expressions`` (:func:`find_temporal_expressions`; offsets are ``[start, end)`` into the
raw article text, dates are days, ``resolved_end`` inclusive)
    ``article_id, article_label, sentence_no, start, end, text, signal`` (a preposition before the expression:
    on, in, from, since, by, until, before, after), ``kind`` (date, relative, weekday, month, year,
    part of period, duration, vague), ``value`` (TIMEX3 style: ``2020-09-13``, ``2020-08``,
    ``2020-W38``, ``2020-W38-WE``, ``P45D``, ``PAST_REF``), ``mod`` (START, MID, END or empty),
    ``granularity`` (day, week, month, year, or none), ``resolved_start, resolved_end``,
    ``direction`` (past, present, future, or none), ``dct`` (the publication date it was resolved
    against), ``rule``.

Relative expressions resolve against the article's publication date (the TIMEX3 document
creation time, as HeidelTime and SUTime do), never against today. A date written without its
year is the occurrence nearest the publication date unless that is further away than
``window_days`` (the assumption ``timeline.tense_window_days``) on the side the tense
contradicts. Rules are small functions below, each named in the ``rule`` column and tested on
its own. Events, the sourced record and the findings built on these are in
:mod:`helpers.timeline`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from helpers.corpus import Corpus

EXPRESSION_COLUMNS = ["article_id", "article_label", "sentence_no", "start", "end", "text", "signal", "kind", "value", "mod",
                      "granularity", "resolved_start", "resolved_end", "direction", "dct", "rule"]
KINDS = ("date", "relative", "weekday", "month", "year", "part of period", "duration", "vague")
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
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "midnight": "NI", "overnight": "NI"}
_SIGNAL_WORDS = ("on", "in", "from", "since", "by", "until", "till", "before", "after", "during", "through", "as of")
# how far before an expression its signal may start: the longest signal word and up to five spaces
_SIGNAL_LOOKBACK = max(map(len, _SIGNAL_WORDS)) + 5
_SIGNAL = re.compile(r"(?:\b(?P<signal>" + "|".join(_SIGNAL_WORDS) + r")\s+)$",
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
    return _day(nearest_year(month_number(m["month"]), int(m["day"]), dct, tense, options["window_days"]))


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


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
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
    c0, c1 = clause_span(text, local_start, local_end)
    tense = sentence_tense(text[c0:c1])
    try:
        resolved = rule.resolve(m, dct, tense, window_days=window_days)
    except ValueError:
        return None  # "Feb. 30": not a date
    signal = _SIGNAL.search(text[max(0, local_start - _SIGNAL_LOOKBACK):local_start])
    return {"start": start, "end": end, "text": m.string[start:end],
            "signal": signal["signal"].lower() if signal else "", "kind": rule.kind, "mod": "", **resolved,
            "rule": rule.name, "tense": tense}


def expressions_in_text(text: str, dct: dt.date, window_days: int) -> list[dict]:
    """Every temporal expression of one text (taken as one sentence), resolved against ``dct``."""
    rows = [_resolve(f, text, 0, dct, window_days) for f in _matches(text)]
    return [r for r in rows if r is not None]


def find_temporal_expressions(corpus: Corpus, window_days: int) -> pd.DataFrame:
    """All temporal expressions of the corpus, resolved against each article's publication date
    (``window_days``: see :func:`nearest_year`). Rules run over each sentence that holds an anchor
    (a digit, or the letters of a month, weekday or time word); the rest are skipped unread."""
    dct_of = dict(zip(corpus.articles["article_id"], corpus.articles["published"].dt.date))
    label_of = dict(zip(corpus.articles["article_id"], corpus.articles["label"]))
    rows = []
    sentences = corpus.sentences
    for aid, no, s_start, s_text in zip(sentences["article_id"].tolist(), sentences["sentence_no"].tolist(),
                                        sentences["start"].tolist(), sentences["text"].tolist()):
        dct = dct_of[aid]
        for match in _matches(s_text):
            r = _resolve(match, s_text, 0, dct, window_days)
            if r is None:
                continue
            rows.append({"article_id": aid, "article_label": label_of[aid], "sentence_no": int(no), **r,
                         "start": int(s_start) + r["start"], "end": int(s_start) + r["end"], "dct": dct,
                         "direction": direction(r["resolved_start"], r["resolved_end"], dct)})
    frame = pd.DataFrame(rows, columns=EXPRESSION_COLUMNS)
    for col in ("resolved_start", "resolved_end", "dct"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[s]")
    return frame.astype({"sentence_no": "int64", "start": "int64", "end": "int64"})


def resolution_shift(corpus: Corpus, shifted: Corpus, window_days: int) -> pd.DataFrame:
    """Expressions whose resolution differs between two runs of the same corpus with different
    publication dates: what moves when a date assumption changes."""
    a = find_temporal_expressions(corpus, window_days)
    b = find_temporal_expressions(shifted, window_days)
    keys = ["article_id", "sentence_no", "start", "end", "text", "rule"]
    both = a.merge(b, on=keys, suffixes=("", "_shifted"))
    moved = both[(both["value"] != both["value_shifted"]) | (both["direction"] != both["direction_shifted"])]
    return moved[keys[:1] + ["sentence_no", "text", "dct", "value", "direction", "dct_shifted", "value_shifted",
                             "direction_shifted"]].reset_index(drop=True)
