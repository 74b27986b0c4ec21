"""The calendar values of temporal expressions: TIMEX3 values (``2020-09-13``, ``2020-W38``,
``2020-SU``, ``P45D``, ``PAST_REF``) and the resolvers :mod:`helpers.temporal`'s rules call, each a
small pure function of its match, the publication date and the tense of its clause."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from helpers import tense as when
from helpers.tense import month_occurrence, nearest_year, weekday_occurrence

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
            "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90, "several": None, "few": None}
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "decade": "decade"}
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "midnight": "NI", "overnight": "NI"}


# --------------------------------------------------------------------------------------------
# Resolution helpers (pure, tested on their own)


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "Aug", "August")."""
    return _MONTHS[name.lower().rstrip(".")]


def day_value(d: dt.date, **extra) -> dict:
    return {"value": d.isoformat(), "granularity": "day", "resolved_start": d, "resolved_end": d, **extra}


def month_value(year: int, month: int, mod: str = "") -> dict:
    last = calendar.monthrange(year, month)[1]
    ranges = {"": (1, last), "START": (1, 10), "MID": (11, 20), "END": (21, last)}
    first, final = ranges[mod]
    return {"value": f"{year:04d}-{month:02d}", "granularity": "month" if not mod else "part of month", "mod": mod,
            "resolved_start": dt.date(year, month, first), "resolved_end": dt.date(year, month, final)}


def week_value(d: dt.date, weekend: bool = False) -> dict:
    year, week, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    if weekend:
        return {"value": f"{year}-W{week:02d}-WE", "granularity": "week",
                "resolved_start": monday + dt.timedelta(days=5), "resolved_end": monday + dt.timedelta(days=6)}
    return {"value": f"{year}-W{week:02d}", "granularity": "week", "resolved_start": monday,
            "resolved_end": monday + dt.timedelta(days=6)}


def year_value(year: int) -> dict:
    return {"value": f"{year:04d}", "granularity": "year", "resolved_start": dt.date(year, 1, 1),
            "resolved_end": dt.date(year, 12, 31)}


# --------------------------------------------------------------------------------------------
# Rules


def r_iso(m, dct, tense, **options):
    return day_value(dt.date(int(m["y"]), int(m["m"]), int(m["d"])))


def r_month_day_year(m, dct, tense, **options):
    return day_value(dt.date(int(m["year"]), month_number(m["month"]), int(m["day"])))


def r_month_day(m, dct, tense, **options):
    return day_value(nearest_year(month_number(m["month"]), int(m["day"]), dct, tense, options["window_days"]))


def r_month_year(m, dct, tense, **options):
    return month_value(int(m["year"]), month_number(m["month"]))


def r_part_of_month(m, dct, tense, **options):
    mod = {"early": "START", "beginning of": "START", "mid": "MID", "middle of": "MID", "late": "END",
           "end of": "END"}[re.sub(r"\s+", " ", m["part"].lower())]
    month = month_number(m["month"])
    year = int(m["year"]) if m["year"] else month_occurrence(month, dct, tense)[0]
    return month_value(year, month, mod)


def r_month(m, dct, tense, **options):
    """A month alone: with last/next/this, after a preposition (the tense picks the year), or as an
    adjective (``tense`` empty: "the August executive order" is the occurrence nearest ``dct``, the
    earlier one six months either way)."""
    month = month_number(m["month"])
    modifier = (m.groupdict().get("mod") or "").lower()
    if modifier == "last":
        year = dct.year - 1 if month >= dct.month else dct.year
    elif modifier == "next":
        year = dct.year + 1 if month <= dct.month else dct.year
    elif modifier == "this":
        year = dct.year
    elif not tense and (month - dct.month) % 12 == 6:
        year = month_occurrence(month, dct, "past")[0]  # an adjective half a year off: "the August orders" in February
    else:
        year = month_occurrence(month, dct, tense or "present")[0]
    return month_value(year, month)


def r_month_relative_year(m, dct, tense, **options):
    """A month of the year before, after or of publication: "May last year"."""
    return month_value(dct.year + {"last": -1, "next": 1, "this": 0}[m["ymod"]], month_number(m["month"]))


def r_relative_day(m, dct, tense, **options):
    word = m["word"].lower()
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    part = m["part"].lower() if m["part"] else ("night" if word == "tonight" else "")
    d = dct + dt.timedelta(days=offset)
    out = day_value(d)
    if part:
        out["value"] += f"T{_PART_OF_DAY[part]}"
    return out


def r_weekday(m, dct, tense, **options):
    d = weekday_occurrence(_WEEKDAYS[m["weekday"].lower()], dct, (m["mod"] or "").lower(), tense)
    out = day_value(d)
    part = (m["part"] or "").lower()
    late = (m["late"] or "").lower()
    if part:
        out["value"] += f"T{_PART_OF_DAY[part]}"
    if late:
        out["mod"] = "END" if late == "late" else "START"
    return out


def r_part_of_day(m, dct, tense, **options):
    """this/last morning: the publication day or the one before; bare ("late in the evening"): the
    day last named before it in the article, else the publication day."""
    word = m["word"].lower()
    modifier = (m["mod"] or "").lower()
    d = {"last": dct - dt.timedelta(days=1), "this": dct}.get(modifier, options.get("antecedent") or dct)
    out = day_value(d)
    out["value"] += f"T{_PART_OF_DAY[word]}"
    return out


def r_weekend(m, dct, tense, **options):
    return week_value(when.weekend_saturday(dct, m["mod"].lower(), tense), weekend=True)


def r_anaphoric_period(m, dct, tense, **options):
    """that month, the same week, the following year, the previous month: from the period last named before it
    ("Musical.ly, bought in 2017 … merged the following year": 2018)."""
    period = options.get("period")
    if period is None:
        raise ValueError("no period named before")
    word = m["word"].lower()
    step = 1 if ("next" in word or "following" in word) else -1 if ("previous" in word or "preceding" in word) else 0
    return period_value(m["unit"].lower(), period, step)


def r_anaphoric_day(m, dct, tense, **options):
    """the same day, that day, the next/following/previous day: from the day last named before it."""
    antecedent = options.get("antecedent")
    if antecedent is None:
        raise ValueError("no day named before")
    word = m["word"].lower()
    step = 1 if ("next" in word or "following" in word) else -1 if "previous" in word else 0
    return day_value(antecedent + dt.timedelta(days=step))


def period_value(unit: str, dct: dt.date, step: int, mod: str = "") -> dict:
    """The week, month or year ``step`` of them away from the one holding ``dct``; ``mod`` a part of it."""
    if unit == "month":
        index = dct.year * 12 + dct.month - 1 + step
        return month_value(index // 12, index % 12 + 1, mod)
    found = week_value(dct + dt.timedelta(weeks=step)) if unit == "week" else year_value(dct.year + step)
    return {**found, "mod": mod} if mod else found


def r_part_of_relative_period(m, dct, tense, **options):
    """the start of the month, the end of next week, the middle of this year."""
    mod = {"start": "START", "beginning": "START", "middle": "MID", "end": "END"}[m["part"].lower()]
    return period_value(m["unit"].lower(), dct, {"the": 0, "this": 0, "last": -1, "next": 1}[m["mod"].lower()], mod)


def r_season(m, dct, tense, **options):
    season = (m["season"] or m["season2"] or m["season3"] or m["season4"]).lower()  # "spent the summer": by tense
    if m["year"] or m["year2"]:
        return when.season(season, int(m["year"] or m["year2"]))
    modifier = {"past": "last", "coming": "next"}.get((m["mod"] or "").lower(), (m["mod"] or "").lower())
    return when.season(season, when.season_year(season, dct, modifier, tense))


def r_holiday(m, dct, tense, **options):
    name = re.sub(r"(?i)^thanksgiving\s+day$", "Thanksgiving", re.sub(r"\s+", " ", m["name"]))
    return day_value(when.nearest_holiday(name, dct, tense, options["window_days"]))


def r_relative_period(m, dct, tense, **options):
    modifier = m["mod"].lower().replace("earlier this", "this").replace("later this", "this")
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[modifier]
    return period_value(m["unit"].lower(), dct, step)


def r_year(m, dct, tense, **options):
    return year_value(int(m["year"]))


def r_duration(m, dct, tense, **options):
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else 1 if raw == "another" else _NUMBERS.get(raw)
    unit = _UNITS[m["unit"].lower()]
    if unit == "decade":  # TIMEX3 writes a decade as ten years
        unit, n = "Y", None if n is None else 10 * n
    return {"value": f"P{'X' if n is None else n}{unit}" if unit != "H" else f"PT{'X' if n is None else n}H",
            "granularity": "none", "resolved_start": None, "resolved_end": None}


def r_ago(m, dct, tense, **options):
    raw = m["n"].lower()
    n, unit = int(raw) if raw.isdigit() else _NUMBERS[raw], m["unit"].lower()
    if unit == "day":
        return day_value(dct - dt.timedelta(days=n))
    if unit == "week":
        return period_value("week", dct, -n)
    return period_value("month", dct, -n * (12 if unit == "year" else 1))  # "a year ago": that month a year before


def r_duration_past(m, dct, tense, **options):
    return {"value": f"P1{_UNITS[m['unit'].lower()]}", "granularity": "none", "resolved_start": None, "resolved_end": None}


def r_half(m, dct, tense, **options):
    value = {"year": "P6M", "day": "PT12H", "hour": "PT30M"}[m["unit"].lower()]
    return {"value": value, "granularity": "none", "resolved_start": None, "resolved_end": None}


_VAGUE = {"recently": "PAST_REF", "lately": "PAST_REF", "earlier": "PAST_REF", "previously": "PAST_REF",
          "in recent months": "PAST_REF", "in recent weeks": "PAST_REF", "in recent days": "PAST_REF",
          "in recent years": "PAST_REF", "at the time": "PAST_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF",
          "in the coming days": "FUTURE_REF", "in the coming weeks": "FUTURE_REF",
          "in the coming months": "FUTURE_REF", "now": "PRESENT_REF", "currently": "PRESENT_REF",
          "at present": "PRESENT_REF", "these days": "PRESENT_REF"}


def r_vague(m, dct, tense, **options):
    word = re.sub(r"\s+", " ", m["word"].lower())
    value = _VAGUE.get(word) or ("FUTURE_REF" if re.match(r"(?:the )?(?:next|coming)", word) else "PAST_REF")
    return {"value": value, "granularity": "none", "resolved_start": None, "resolved_end": None}
