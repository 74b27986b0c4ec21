"""Temporal expressions and their resolution: the rules that find "Sept. 15", "yesterday", "late
Sunday" or "45 days" in a sentence and the arithmetic that turns them into dates.

``temporal_expressions`` (:func:`find_temporal_expressions`; offsets are ``[start, end)`` into the
raw article text, dates are days, ``resolved_end`` inclusive)
    ``article_id, article_label, sentence_no, start, end, text, signal`` (a preposition before the expression:
    on, in, from, since, by, until, before, after), ``kind`` (date, relative, weekday, month, year,
    part of period, duration, vague), ``value`` (TIMEX3 style: ``2020-09-13``, ``2020-08``,
    ``2020-W38``, ``2020-W38-WE``, ``2020-SU``, ``P45D``, ``PAST_REF``), ``mod`` (START, MID, END or
    empty), ``granularity`` (day, week, month, season, year, or none), ``resolved_start,
    resolved_end``, ``direction`` (past, present, future, or none), ``dct`` (the publication date
    it was resolved against), ``rule``.

Relative expressions resolve against the article's publication date (the TIMEX3 document
creation time, as HeidelTime and SUTime do), never against today. Which occurrence a weekday,
weekend, month or season means follows the tense of the clause that governs it
(:func:`helpers.tense.clause_tense`): future with will, would, is due to, as of, from, by or a
deadline, past with a past verb, the publication day's side otherwise. A month used as an
adjective ("the August executive order") is the occurrence nearest the publication date (six
months either way: the one before, a thing already named). A date written without its year is
the occurrence nearest the publication date unless that is further away than ``window_days``
(the assumption ``timeline.tense_window_days``) on the side the tense contradicts. Two anchors other
than the publication date: "the same day" or a bare "in the evening" take the day last named before
them in the article (rule ``anaphoric_day``, and ``part_of_day``), and a today, yesterday or
tomorrow inside a quotation takes the day the words were said when the sentence, or the one before,
reports that speech with a past day ("Microsoft said late on Sunday ... “ByteDance let us know today
...”": rule ``relative_day_in_quote``). Rules are small functions below, each named in the ``rule``
column and tested on its own; their values are built in :mod:`helpers.timex`. Events, the sourced
record and the findings built on these are in :mod:`helpers.timeline`.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from helpers import tense as when
from helpers import timex as tx
from helpers.corpus import Corpus

EXPRESSION_COLUMNS = ["article_id", "article_label", "sentence_no", "start", "end", "text", "signal", "kind", "value", "mod",
                      "granularity", "resolved_start", "resolved_end", "direction", "dct", "rule"]
KINDS = ("date", "relative", "weekday", "month", "year", "part of period", "duration", "vague")
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# what "that month", "the following year" do not refer back to: the present ("this year", "today") and themselves
_NOT_ANTECEDENTS = frozenset({"relative_period", "relative_day", "anaphoric_period"})
_SIGNAL_WORDS = ("on", "in", "from", "since", "by", "until", "till", "before", "after", "during", "through", "as of", "to")
# how far before an expression its signal may start: the longest signal word and up to five spaces
_SIGNAL_LOOKBACK = max(map(len, _SIGNAL_WORDS)) + 5
_SIGNAL = re.compile(r"(?:\b(?P<signal>" + "|".join(_SIGNAL_WORDS) + r")\s+)$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a name, a kind, an expression and a resolver."""

    name: str
    kind: str
    regex: re.Pattern
    resolve: Callable[..., dict]  # (match, publication date, tense, **options) -> resolved fields
    needs: tuple[str, ...] = ("",)  # words one of which the text must contain (in lower case, or as written: "Aug")
    needs_digit: bool = False
    # what picks the occurrence: "" nothing (the tense is not worked out), "verbs" the verbs and forward
    # words of its clause ("deadline", "starting"), "signals" those and the signal before it ("by Sunday")
    tensed: str = ""


_DIGIT = re.compile(r"\d")
# month names are written with a capital in every rule that needs one: looked for as written
_MONTH_WORDS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CENTURIES = ("19", "20")  # every year the rules read is 19xx or 20xx
_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_B = r"(?<![\w.-])"
_E = r"(?![\w-])"
# a month not followed by a day or year (those are the rules above it)
_BARE_MONTH = _MONTH + r")(?![\w-]|\s+[0-3]?\d\b|,?\s+(?:19|20)\d\d)"
RULES: tuple[Rule, ...] = (
    Rule("iso_date", "date", re.compile(_B + r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)" + _E), tx.r_iso,
         needs=_CENTURIES, needs_digit=True),
    Rule("month_day_year", "date", re.compile(_B + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _E), tx.r_month_day_year,
         needs=_MONTH_WORDS, needs_digit=True),
    Rule("day_month_year", "date", re.compile(_B + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _E), tx.r_month_day_year,
         needs=_MONTH_WORDS, needs_digit=True),
    Rule("month_day", "date", re.compile(_B + _MONTH + r"\s+" + _DAY + r"(?![\w-]|,?\s+(?:19|20)\d\d)"), tx.r_month_day,
         needs=_MONTH_WORDS, needs_digit=True, tensed="signals"),
    Rule("day_month", "date", re.compile(_B + _DAY + r"\s+" + _MONTH + r"(?![\w-]|,?\s+(?:19|20)\d\d)"), tx.r_month_day,
         needs=_MONTH_WORDS, needs_digit=True, tensed="signals"),
    Rule("month_year", "month", re.compile(_B + _MONTH + r",?\s+" + _YEAR + _E), tx.r_month_year,
         needs=_MONTH_WORDS, needs_digit=True),
    Rule("part_of_month", "part of period",
         re.compile(_B + r"(?P<part>early|mid|late|beginning of|middle of|end of)[-\s]+" + _MONTH
                    + r"(?:,?\s+" + _YEAR + r")?" + _E, re.IGNORECASE), tx.r_part_of_month,
         needs=_MONTH_WORDS, tensed="verbs"),
    Rule("month_after_preposition", "month",
         re.compile(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|of|to|[Bb]etween)"
                    r"\s+(?P<x>" + _BARE_MONTH), tx.r_month,
         needs=_MONTH_WORDS, tensed="verbs"),
    Rule("month_with_modifier", "month",
         re.compile(r"\b(?P<x>(?P<mod>[Ll]ast|[Nn]ext|[Tt]his)\s+" + _BARE_MONTH), tx.r_month,
         needs=_MONTH_WORDS, tensed="verbs"),
    Rule("month_relative_year", "month",  # "in May last year", "by March next year", "May of last year"
         re.compile(_B + _MONTH + r"\s+(?:of\s+)?(?P<ymod>last|next|this)\s+year" + _E), tx.r_month_relative_year,
         needs=_MONTH_WORDS),
    # a month as an adjective: after an article or a possessive, before a word in lower case
    Rule("month_as_modifier", "month",
         re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+|['’]s\s+)(?P<x>" + _BARE_MONTH
                    + r"(?=\s+[a-z])(?!\s+(?:of|on|in|at|for|with|by|from|as|and|or|to|is|was|will|would|has|had)\b)"),
         tx.r_month, needs=_MONTH_WORDS),
    Rule("relative_day", "relative",
         re.compile(_B + r"(?P<word>yesterday|today|tomorrow|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?"
                    + _E, re.IGNORECASE), tx.r_relative_day,
         needs=("yesterday", "today", "tomorrow", "tonight")),
    Rule("weekday", "weekday",
         re.compile(_B + r"(?:(?P<late>late|early)\s+(?:on\s+)?)?(?:(?P<mod>last|this|next|past|coming)\s+)?" + _WEEKDAY
                    + r"(?:\s+(?P<part>morning|afternoon|evening|night))?" + _E, re.IGNORECASE), tx.r_weekday,
         needs=_WEEKDAY_WORDS, tensed="signals"),
    # lower case only: "Morning" in a name ("South China Morning Post") is not a time of day
    Rule("part_of_day", "relative",
         re.compile(_B + r"(?:(?P<mod>[Ll]ast|[Tt]his)\s+)?(?P<word>morning|afternoon|evening|night|midnight|overnight)"
                    + _E), tx.r_part_of_day,
         needs=("morning", "afternoon", "evening", "night")),
    Rule("anaphoric_day", "relative",
         re.compile(_B + r"(?P<word>(?:the|that)\s+same\s+day|that\s+day|the\s+(?:next|following|previous)\s+day)" + _E,
                    re.IGNORECASE), tx.r_anaphoric_day,
         needs=("day",)),
    Rule("anaphoric_period", "relative",  # (not "the next year": "within the next year" is a span from now)
         re.compile(_B + r"(?P<word>(?:the|that)\s+same|that|the\s+(?:following|previous|preceding))\s+"
                    r"(?P<unit>week|month|year)(?!\s+(?:of|to|in|for)\b|[-’'])" + _E, re.IGNORECASE), tx.r_anaphoric_period,
         needs=("week", "month", "year")),
    Rule("weekend", "relative",
         re.compile(_B + r"(?P<mod>this|last|next|past|coming|over the|the)\s+weekend" + _E, re.IGNORECASE), tx.r_weekend,
         needs=("weekend",), tensed="signals"),
    Rule("relative_period", "relative",
         re.compile(_B + r"(?P<mod>last|this|next|past|previous|coming|earlier this|later this)\s+(?P<unit>week|month|year)"
                    + _E, re.IGNORECASE), tx.r_relative_period,
         needs=("week", "month", "year")),
    Rule("part_of_relative_period", "part of period",
         re.compile(_B + r"(?:the\s+)?(?P<part>start|beginning|middle|end)\s+of\s+(?P<mod>the|this|last|next)\s+"
                    r"(?P<unit>week|month|year)" + _E, re.IGNORECASE), tx.r_part_of_relative_period,
         needs=("week", "month", "year")),
    Rule("season", "part of period",
         re.compile(_B + r"(?:(?P<mod>this|last|next|past|coming)\s+(?P<season>" + _SEASON + r")(?:\s+(?:of\s+)?" + _YEAR
                    + r")?|(?P<season2>" + _SEASON + r")\s+(?:of\s+)?(?P<year2>(?:19|20)\d\d)"
                    r"|(?P<the>the)\s+(?P<season3>summer|winter|autumn|fall|spring)(?!\s+(?:of|in|from|to)\b)"
                    r"|(?<![Tt]he\s)(?P<season4>(?-i:summer|autumn|winter))(?!\s+(?:of|months?|camp|school|break)\b))" + _E,
                    re.IGNORECASE),  # "the fall" but not "the fall in shares"; a bare "summer", "autumn" in lower case
         tx.r_season, needs=("spring", "summer", "fall", "autumn", "winter"), tensed="verbs"),
    Rule("holiday", "date",
         re.compile(_B + r"(?P<name>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Day|Eve)|"
                    r"Independence\s+Day|Fourth\s+of\s+July|Labor\s+Day|Memorial\s+Day|Halloween|Election\s+Day|Black\s+Friday|"
                    r"Cyber\s+Monday|(?:Lunar|Chinese|Korean)\s+New\s+Year|Spring\s+Festival|Seollal|Chuseok|"
                    r"Mid-Autumn\s+Festival|National\s+Day(?:\s+holiday)?|Diwali|Deepavali|Eid(?:\s+al-Fitr)?|"
                    r"Veterans\s+Day|Columbus\s+Day|Presidents?['’]?\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|"
                    r"MLK\s+Day|Family\s+Day|Inauguration\s+Day|Singles['’]\s+Day|Double\s+11|Valentine['’]s\s+Day|"
                    r"Harbolnas|(?:August|[Ss]ummer)\s+bank\s+holiday)" + _E),
         tx.r_holiday, needs=("day", "thanksgiving", "christmas", "new year", "jul", "halloween", "black", "cyber",
                              "festival", "seollal", "chuseok", "diwali", "deepavali", "eid", "double 11", "harbolnas",
                              "bank holiday"),
         tensed="signals"),
    Rule("year", "year", re.compile(r"(?<![\w.,$£€-])" + _YEAR + r"(?![\w%,.]\d|[\w%+-])"), tx.r_year,  # not "2000+ staff"
         needs=_CENTURIES, needs_digit=True),
    Rule("ago", "relative",  # "a year ago", "six weeks ago": the day, week or month that far back
         re.compile(_B + r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                    r"(?P<unit>day|week|month|year)s?\s+ago" + _E, re.IGNORECASE), tx.r_ago, needs=("ago",)),
    Rule("duration_past", "duration",  # "over the past year": how long, not which year
         re.compile(r"\b(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or|[Tt]hroughout)\s+(?P<x>the\s+(?:past|last)\s+(?P<unit>week|month|year))"
                    + _E + r"(?!\s+or\b)"), tx.r_duration_past, needs=("past", "last")),
    Rule("half_duration", "duration",
         re.compile(_B + r"half\s+an?\s+(?P<unit>year|day|hour)" + _E, re.IGNORECASE), tx.r_half, needs=("half",)),
    Rule("duration", "duration",
         re.compile(_B + r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                    r"twenty|thirty|forty-five|sixty|ninety|several|few|another)[-\s]+"
                    r"(?:(?:more|additional|extra|further)\s+)?(?:(?:working|business|calendar)\s+)?"
                    r"(?P<unit>day|week|month|year|hour|decade)s?" + _E, re.IGNORECASE), tx.r_duration,
         needs=("day", "week", "month", "year", "hour", "decade")),
    Rule("vague", "vague",
         re.compile(_B + r"(?P<word>recently|lately|earlier|previously|in\s+recent\s+(?:months|weeks|days|years)|"
                    r"at\s+the\s+time|soon|shortly|in\s+the\s+coming\s+(?:days|weeks|months)|now|currently|at\s+present|"
                    r"these\s+days|(?:the\s+)?(?:last|past|next|coming)\s+(?:few|several)\s+(?:days|weeks|months|years))"
                    + _E, re.IGNORECASE), tx.r_vague,
         needs=("recent", "lately", "earlier", "previously", "at the time", "soon", "shortly", "coming", "now",
                "current", "present", "these days", "few", "several")),
)
# "part_of_day" words inside a weekday or relative-day match are left to the longer match.
_PRIORITY = {rule.name: i for i, rule in enumerate(RULES)}


# --------------------------------------------------------------------------------------------
# Extraction


# Every word some rule needs, looked for in the lower-cased text ("day" is in "today") or, with a
# capital, as written ("Aug"): fifty-odd substring searches cost less than one pass of an expression
# trying every word everywhere. A sentence is tried only on the rules one of its words allows.
_NEEDED_WORDS = tuple(sorted({w for rule in RULES for w in rule.needs if w and w.islower()}))
_NEEDED_AS_WRITTEN = tuple(sorted({w for rule in RULES for w in rule.needs if w and not w.islower()}))
_RULES_OF = {w: frozenset(i for i, rule in enumerate(RULES) if w in rule.needs) for w in _NEEDED_WORDS + _NEEDED_AS_WRITTEN}
_ALWAYS = frozenset(i for i, rule in enumerate(RULES) if rule.needs == ("",))


@functools.lru_cache(maxsize=65_536)  # the same sentence (a boilerplate line, a wire copy) matches the same
def _matches(text: str) -> list[tuple[int, int, Rule, re.Match]]:
    """Every rule's matches in ``text``; where two overlap the longer wins (then the earlier rule).
    The list is shared between calls with the same text: read it, never change it."""
    lower = text.lower()
    allowed = set(_ALWAYS)
    for w in _NEEDED_WORDS:
        if w in lower:
            allowed |= _RULES_OF[w]
    for w in _NEEDED_AS_WRITTEN:
        if w in text:
            allowed |= _RULES_OF[w]
    has_digit = _DIGIT.search(text) is not None
    found = []
    for i in sorted(allowed):
        rule = RULES[i]
        if rule.needs_digit and not has_digit:
            continue
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


def _resolve(match: tuple[int, int, Rule, re.Match], text: str, dct: dt.date, window_days: int,
             antecedent: dt.date | None = None, period: dt.date | None = None) -> dict | None:
    """Resolve one match of the sentence ``text``; ``antecedent`` is the day last named before it,
    ``period`` the start of the last day, week, month or year named."""
    start, end, rule, m = match
    found = _SIGNAL.search(text[max(0, start - _SIGNAL_LOOKBACK):start])
    signal = re.sub(r"\s+", " ", found["signal"].lower()) if found else ""
    # a preposition before the expression ties it to the verb before it: "signed in August would ..."
    tense = when.clause_tense(text, start - len(found.group(0)) if found else start, end,
                              signal if rule.tensed == "signals" else "", day=rule.tensed == "signals") if rule.tensed else ""
    if rule.resolve is tx.r_weekday and tense == "past" and not m["mod"] and when.seen_ahead(text, start, end, signal):
        tense = "nearest"  # "canceled arguments that had been scheduled for Thursday": the Thursday nearer the day
    if rule.resolve in (tx.r_month, tx.r_season):
        if signal == "since":
            tense = "past"  # "has been investigating since the summer": the last one
        elif tense == "past" and when.future_in_the_past(text, start):
            tense = "present"  # "expected TikTok to disappear in September", "to name targets by the autumn": nearer
    try:
        resolved = rule.resolve(m, dct, tense, window_days=window_days, antecedent=antecedent, period=period)
    except ValueError:
        return None  # "Feb. 30", or "that day" with no day named before: not a date
    return {"start": start, "end": end, "text": m.string[start:end], "signal": signal, "kind": rule.kind, "mod": "",
            "rule": rule.name, **resolved, "tense": tense}  # a resolver may name the variant of its rule


def _sentence(text: str, window_days: int, state: when.Anchors, opened: bool = False) -> list[dict]:
    """Every expression of one sentence, resolved; ``state`` carries what the article said before,
    ``opened`` whether a quotation was open where the sentence starts."""
    rows = []
    for match in _matches(text):
        r = _resolve(match, text, state.dct, window_days, state.antecedent, state.period)
        if r is None:
            continue
        rows.append(r)
        if r["granularity"] == "day":
            state.antecedent = r["resolved_start"]
        if r["granularity"] in ("day", "week", "month", "year") and r["rule"] not in _NOT_ANTECEDENTS:
            state.period = r["resolved_start"]
    _named_days(text, rows)
    quoted = [r for r in rows if r["rule"] == "relative_day"] if rows else rows
    said, quoted = when.speech_day(text, rows, quoted, state, opened) if quoted else (None, [])
    for r in quoted:  # today, yesterday, tomorrow in a quotation: from the day the words were said
        again = tx.day_value(said + dt.timedelta(days=r["resolved_start"].toordinal() - state.dct.toordinal()))
        r.update(again, value=again["value"] + r["value"][10:], rule="relative_day_in_quote")
    if quoted:
        state.antecedent = next(r["resolved_start"] for r in reversed(rows) if r["granularity"] == "day")
    day = when.said_on(text, rows, state.dct, when.quoted_spans(text, opened))
    state.said = day if day is not None else state.said if when.starts_quoted(text, opened) else None
    state.previous = (text, rows, opened)
    return rows


# what joins a weekday to the date or holiday it names: "Sunday, Sept. 27", "Friday (Dec 4)", "Sept. 15, which is
# Tuesday", "a September 15 deadline — Tuesday", "Labor Day is Monday", "closed Monday for Presidents Day"
_SAME_DAY_AFTER = re.compile(r"\s*(?:,|\(|—|–|,\s+which\s+is|\s+for)\s*")
_SAME_DAY_BEFORE = re.compile(r"\s*(?:,|—|–|,\s+which\s+is|\s+is|\s+falls\s+on|\s+deadline\s*—)\s*")


def _named_days(text: str, rows: list[dict]) -> None:
    """A weekday set beside a date or holiday of the same weekday is that day, whatever the tense said."""
    days = [r for r in rows if r["granularity"] == "day" and r["rule"] != "weekday"]
    for r in rows:
        if r["rule"] != "weekday" or r["value"][10:]:
            continue  # (not "Sunday night": a day with its time)
        weekday = r["resolved_start"].weekday()
        for d in days:
            after = d["start"] >= r["end"] and _SAME_DAY_AFTER.fullmatch(text, r["end"], d["start"])
            before = d["end"] <= r["start"] and _SAME_DAY_BEFORE.fullmatch(text, d["end"], r["start"])
            if (after or before) and d["resolved_start"].weekday() == weekday and d["resolved_start"] != r["resolved_start"]:
                r.update(tx.day_value(d["resolved_start"]), rule="weekday")
                break


def expressions_in_text(text: str, dct: dt.date, window_days: int) -> list[dict]:
    """Every temporal expression of one text (taken as one sentence), resolved against ``dct``."""
    return _sentence(text, window_days, when.Anchors(dct))


def find_temporal_expressions(corpus: Corpus, window_days: int) -> pd.DataFrame:
    """All temporal expressions of the corpus, resolved against each article's publication date
    (``window_days``: see :func:`nearest_year`), sentence by sentence in the order of the text.
    Rules run over each sentence that holds an anchor (a digit, or the letters of a month,
    weekday or time word); the rest are skipped unread."""
    dct_of = dict(zip(corpus.articles["article_id"], corpus.articles["published"].dt.date))
    label_of = dict(zip(corpus.articles["article_id"], corpus.articles["label"]))
    rows = []
    sentences = corpus.sentences.sort_values(["article_id", "sentence_no"], kind="stable")  # in the order of the text
    state, paragraph, opened = when.Anchors(dt.date.min), None, False
    for aid, no, pno, s_start, s_text in zip(*(sentences[c].tolist() for c in ("article_id", "sentence_no",
                                                                                  "paragraph_no", "start", "text"))):
        dct = dct_of[aid]
        if aid != state.article:
            state = when.Anchors(dct, article=aid)
        if (aid, pno) != paragraph:  # a quotation may open in one sentence and go on in the next
            paragraph, opened = (aid, pno), False
        for r in _sentence(s_text, window_days, state, opened):
            rows.append({"article_id": aid, "article_label": label_of[aid], "sentence_no": int(no), **r,
                         "start": int(s_start) + r["start"], "end": int(s_start) + r["end"], "dct": dct,
                         "direction": when.direction(r["resolved_start"], r["resolved_end"], dct)})
        if '"' in s_text or "“" in s_text or "”" in s_text:
            opened = when.open_after(s_text, opened)
    frame = pd.DataFrame(rows, columns=EXPRESSION_COLUMNS)
    for col in ("resolved_start", "resolved_end", "dct"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[s]")
    return frame.astype({"sentence_no": "int64", "start": "int64", "end": "int64"})
