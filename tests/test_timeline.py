"""Temporal expressions and events, checked against the articles and against the calendar."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from conftest import SEED_000, SEED_003
from evaluation import evaluate

from helpers import paths, reference, temporal, tense
from helpers import timeline as tl
from helpers.assumptions import load_assumptions
from helpers.corpus import load_corpus
from helpers.errors import DataError
from helpers.mentions import find_mentions
from helpers.plots import timeline as plot
from helpers.validate import validate

DCT = dt.date(2020, 9, 14)  # a Monday
WINDOW = load_assumptions()["timeline.tense_window_days"]


def status_cues() -> tl.StatusCues:
    return tl.StatusCues.from_tables(reference.load("hedge_cues"), reference.load("attribution_cues"))


@pytest.fixture(scope="module")
def expressions(corpus):
    return temporal.find_temporal_expressions(corpus, WINDOW)


def one(expressions, article_id, text):
    e = expressions[(expressions["article_id"] == article_id) & (expressions["text"] == text)]
    assert len(e) >= 1, f"{text!r} not found in {article_id}"
    return e.iloc[0]


def test_offsets_slice_the_raw_text(corpus, expressions):
    for r in expressions.itertuples():
        assert corpus.texts[r.article_id][r.start:r.end] == r.text


def test_yesterday_in_000_is_the_day_before_publication(corpus, expressions):
    published = corpus.articles.set_index("article_id").loc[SEED_000, "published"]
    e = one(expressions, SEED_000, "Yesterday")
    assert e["resolved_start"] == e["resolved_end"] == published - pd.Timedelta(days=1)
    assert (e["kind"], e["direction"], e["rule"]) == ("relative", "past", "relative_day")


def test_changing_000s_date_moves_yesterday_with_it(corpus, expressions):
    shifted = load_corpus(published={SEED_000: "2020-09-15"})
    e = temporal.find_temporal_expressions(shifted, WINDOW)
    assert one(e, SEED_000, "Yesterday")["value"] == "2020-09-14"
    moved = tl.resolution_shift(expressions, shifted, WINDOW)
    assert list(moved["text"]) == ["Yesterday"]


def test_sept_15_and_september_7_2020_resolve_to_those_days(expressions):
    for e in expressions[(expressions["article_id"] == SEED_003) & (expressions["text"] == "Sept. 15")].itertuples():
        assert (e.value, e.direction) == ("2020-09-15", "future")  # still ahead when 003 was written
    assert one(expressions, SEED_003, "September 7, 2020")["value"] == "2020-09-07"


def test_in_august_in_003_is_august_2020_at_month_granularity(expressions):
    e = one(expressions, SEED_003, "August")
    assert (e["signal"], e["value"], e["granularity"]) == ("in", "2020-08", "month")
    assert e["resolved_start"] == pd.Timestamp("2020-08-01") and e["resolved_end"] == pd.Timestamp("2020-08-31")


def test_recently_is_vague_with_no_date(expressions):
    e = one(expressions, SEED_003, "recently")
    assert (e["kind"], e["value"]) == ("vague", "PAST_REF") and pd.isna(e["resolved_start"])


def resolve(text: str, dct: dt.date = DCT) -> list[tuple[str, str, str]]:
    return [(r["text"], r["value"], r["rule"]) for r in temporal.expressions_in_text(text, dct, WINDOW)]


@pytest.mark.parametrize(("text", "expected"), [
    # absolute dates, with and without year, abbreviated months with and without a period
    ("It closed on September 7, 2020.", [("September 7, 2020", "2020-09-07", "month_day_year")]),
    ("It closed on 7 September 2020.", [("7 September 2020", "2020-09-07", "day_month_year")]),
    ("The deadline is Sept. 15.", [("Sept. 15", "2020-09-15", "month_day")]),
    ("The deadline is Sep 15.", [("Sep 15", "2020-09-15", "month_day")]),
    ("It was announced Aug. 28.", [("Aug. 28", "2020-08-28", "month_day")]),
    ("It happened on Dec. 30.", [("Dec. 30", "2019-12-30", "month_day")]),  # the nearest Dec. 30 is in the past
    ("Filed 2020-08-24.", [("2020-08-24", "2020-08-24", "iso_date")]),
    # yesterday, today, tomorrow
    ("Yesterday it said no; today it agreed; tomorrow it signs.",
     [("Yesterday", "2020-09-13", "relative_day"), ("today", "2020-09-14", "relative_day"),
      ("tomorrow", "2020-09-15", "relative_day")]),
    # weekdays bare and with last/this/next, past and future tense
    ("Microsoft said on Sunday it had lost.", [("Sunday", "2020-09-13", "weekday")]),
    ("The app will be banned from Sunday.", [("Sunday", "2020-09-20", "weekday")]),
    ("It was signed last Friday.", [("last Friday", "2020-09-11", "weekday")]),
    ("It is due next Friday.", [("next Friday", "2020-09-18", "weekday")]),
    ("The board meets this Wednesday.", [("this Wednesday", "2020-09-16", "weekday")]),
    ("They met on Monday.", [("Monday", "2020-09-14", "weekday")]),  # the publication day itself
    # parts of day and week
    ("The order came late on Saturday.", [("late on Saturday", "2020-09-12", "weekday")]),
    ("He spoke on Saturday night.", [("Saturday night", "2020-09-12TNI", "weekday")]),
    ("It will be decided tonight.", [("tonight", "2020-09-14TNI", "relative_day")]),
    ("The filing came this morning.", [("this morning", "2020-09-14TMO", "part_of_day")]),
    ("Talks continued over the weekend.", [("over the weekend", "2020-W37-WE", "weekend")]),
    ("Talks resume next weekend.", [("next weekend", "2020-W39-WE", "weekend")]),
    # this/last/next week, month, year
    ("It was approved last week.", [("last week", "2020-W37", "relative_period")]),
    ("It closes next month.", [("next month", "2020-10", "relative_period")]),
    ("It began this year.", [("this year", "2020", "relative_period")]),
    ("It happened last year.", [("last year", "2019", "relative_period")]),
    # early/mid/late month, month names alone, years
    ("It was proposed in early August.", [("early August", "2020-08", "part_of_month")]),
    ("A ruling is expected in mid-October.", [("mid-October", "2020-10", "part_of_month")]),
    ("Trump announced in August that it had to be sold.", [("August", "2020-08", "month_after_preposition")]),
    ("It will be sold in November.", [("November", "2020-11", "month_after_preposition")]),
    ("It was launched in March.", [("March", "2020-03", "month_after_preposition")]),
    ("It may happen, and you may go.", []),  # the modal verb is not the month
    ("It launched in 2018 and grew.", [("2018", "2018", "year")]),
    ("It has 25,000 staff and $2020 in fees.", []),
    # durations: recognised, not dates
    ("It takes effect in 45 days.", [("45 days", "P45D", "duration")]),
    ("Talks lasted three months.", [("three months", "P3M", "duration")]),
    ("A 30-day extension.", [("30-day", "P30D", "duration")]),
    # vague expressions, kept without a date
    ("It said recently that a deal would come soon.", [("recently", "PAST_REF", "vague"), ("soon", "FUTURE_REF", "vague")]),
])
def test_rules(text, expected):
    assert resolve(text) == expected


def test_part_of_month_ranges():
    early = temporal.expressions_in_text("in early August", DCT, WINDOW)[0]
    late = temporal.expressions_in_text("by late August", DCT, WINDOW)[0]
    assert (early["resolved_start"], early["resolved_end"], early["mod"]) == (dt.date(2020, 8, 1), dt.date(2020, 8, 10), "START")
    assert (late["resolved_start"], late["resolved_end"], late["mod"]) == (dt.date(2020, 8, 21), dt.date(2020, 8, 31), "END")


def test_never_resolved_against_today():
    old = temporal.expressions_in_text("Yesterday it ended.", dt.date(2001, 3, 1), WINDOW)[0]
    assert old["value"] == "2001-02-28"


def test_weekday_helper_and_nearest_year():
    assert tense.weekday_occurrence(6, DCT, "", "past") == dt.date(2020, 9, 13)
    assert tense.weekday_occurrence(6, DCT, "", "future") == dt.date(2020, 9, 20)
    assert tense.nearest_year(1, 5, dt.date(2020, 12, 20), "present", WINDOW) == dt.date(2021, 1, 5)


def test_events_merge_across_articles_and_keep_evidence(corpus, expressions):
    mentions = find_mentions(corpus, reference.load("stakeholders"))
    events = tl.build_events(corpus, expressions, mentions, status_cues(), 3)
    assert set(events["status"]) <= {"happened", "scheduled", "deadline", "reported", "hedged"}
    deadline = events[events["expression"] == "Sept. 15"]
    assert set(deadline["status"]) == {"deadline"}
    timeline = tl.merge_events(events)
    sept15 = timeline[timeline["date_start"] == pd.Timestamp("2020-09-15")]
    label = corpus.articles.set_index("article_id").loc[SEED_003, "label"]
    assert len(sept15) == 1 and sept15.iloc[0]["evidence"].count(f"[{label} ") == 2
    # the same event stated by two articles is one row with a corroboration count of 2
    doubled = pd.concat([events, events.assign(article_id="zzz_copy", event_id=events["event_id"] + "-copy")])
    merged = tl.merge_events(doubled)
    assert len(merged) == len(timeline) and (merged["n_articles"] == 2).all()


def test_context_record_has_sourced_events_from_review_to_courts():
    ctx = reference.load("context_events")
    assert len(ctx) >= 15
    assert ctx["source"].str.len().gt(10).all()
    assert ctx["checked"].str.match(r"\d{4}-\d{2}-\d{2}: \S").all()  # issue 16: each row says when and against what
    assert ctx["date"].min() <= pd.Timestamp("2019-11-01") and ctx["date"].max() >= pd.Timestamp("2020-12-07")
    assert {"cfius_review_reported", "nichols_injunction", "beetlestone_injunction"} <= set(ctx["event_id"])


_OK = "2026-12-02: the source's text"


@pytest.mark.parametrize(("row", "says"), [
    (f"x,2020-13-01,,day,L,E,bytedance,Oracle,https://example.org,{_OK}", "line 2 (x): date: not an ISO date"),
    (f"x,2020-09-14,,day,L,E,bytedance,Oracle,,{_OK}", "line 2: source: empty"),
    (f"x,2020-09-14,2020-09-01,day,L,E,bytedance,Oracle,https://example.org,{_OK}", "date_end: 2020-09-01 is before"),
    (f"x,2020-09-14,,week,L,E,bytedance,Oracle,https://example.org,{_OK}", "precision: 'week'"),
    (f"x,2020-09-14,,day,L,E,nobody,Oracle,https://example.org,{_OK}", "actors: 'nobody' is not in the gazetteer"),
    ("x,2020-09-14,,day,L,E,bytedance,Oracle,https://example.org,looked fine", "line 2 (x): checked: must start with the day"),
    ("x,2020-09-14,,day,L,E,bytedance,Oracle,https://example.org,", "line 2 (x): checked: must start with the day"),
])
def test_bad_context_row_fails_validation(make_data, row, says):
    data = make_data()
    path = data / "reference" / "context_events.csv"
    path.write_text("event_id,date,date_end,precision,label,event,actors,keywords,source,checked\n" + row + "\n",
                    encoding="utf-8")
    assert any("context_events.csv" in str(p) and says in str(p) for p in validate(data)), validate(data)
    with pytest.raises(DataError):
        reference.load("context_events", data)


def test_heldout_expressions_are_found_and_resolved():
    heldout = paths.ROOT / "tests" / "heldout"
    corpus = load_corpus(heldout, assumptions=load_assumptions(), use_cache=False)
    gold = {k: v for k, v in json.loads((heldout / "gold_time.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}
    result = evaluate(temporal.find_temporal_expressions(corpus, WINDOW), gold)
    assert result["found"].mean() >= 0.9 and result["correct"].mean() >= 0.85, result[~result["correct"]]


def test_kinds_and_values_stay_within_the_documented_vocabulary(expressions):
    assert set(expressions["kind"]) <= set(temporal.KINDS)
    assert list(expressions.columns) == temporal.EXPRESSION_COLUMNS


def test_interactive_timeline_holds_every_record_event_and_opens_on_the_window(corpus, expressions):
    """The static figure shows a window; the interactive one (and its CSV) holds all of the record,
    opens on the same window, and its caption counts what it holds, not what the window shows."""
    mentions = find_mentions(corpus, reference.load("stakeholders"))
    timeline = tl.merge_events(tl.build_events(corpus, expressions, mentions, status_cues(), 3))
    ctx = reference.load("context_events")
    window = (dt.date(2020, 7, 25), dt.date(2020, 12, 12))
    deadline = dt.date(2020, 9, 15)
    lines = [(deadline, "deadline")]
    shown = tl.timeline_plot_data(timeline, ctx, *window, lines, corpus.articles, 20)
    everything = tl.timeline_plot_data(timeline, ctx, ctx["date"].min().date(), ctx["date_end"].max().date(), lines,
                                       corpus.articles, len(timeline), window=window)
    assert (everything["lane"] == "record").sum() == len(ctx) > (shown["lane"] == "record").sum()
    fig = plot.timeline_plotly(everything, "t")
    assert list(fig.layout.xaxis.range) == ["2020-07-22", "2020-12-15"]  # three days either side
    points = [trace for trace in fig.data if trace.mode == "markers"]
    assert sum(len(trace.x) for trace in points) == len(everything)  # one hoverable point per item
    spans = everything[everything["date_end"] > everything["date_start"]]
    drawn = [x for trace in fig.data if trace.mode == "lines" for x in trace.x if x is not None]
    assert len(drawn) == 2 * len(spans) > 0  # "in August" and the record's stretches: a bar each
    assert fig.layout.yaxis.fixedrange  # zooming and double-click reset act on the dates
    everything.attrs["window"] = None
    assert plot.timeline_plotly(everything, "t").layout.xaxis.range is None  # no window: all in view
    static = tl.timeline_caption(corpus.articles, timeline, shown, window)
    interactive = tl.timeline_caption(corpus.articles, timeline, everything, window, all_record=True)
    assert f"{(shown['lane'] == 'record').sum()} sourced record events within 2020-07-25 to 2020-12-12" in static
    assert f"all {len(ctx)} sourced record events below (the view opens on 2020-07-25 to 2020-12-12)" in interactive
    assert f"n={len(corpus.articles)} articles" in static and "deadline Sep 15" in static
    assert "publication dates 2020-09-14 (2 inferred)" in static


def test_both_deadlines_come_from_the_record_in_date_order():
    """Issue 16: Sept. 15 was the date the President gave on 3 Aug (The Verge); EO 13942 of 6 Aug
    let its prohibitions begin 45 days later, 20 Sept (Federal Register, 85 FR 48637)."""
    ctx = reference.load("context_events")
    lines = tl.deadlines(ctx, ["eo_prohibitions_effective", "deadline_sept15"])
    assert [day for day, _ in lines] == [dt.date(2020, 9, 15), dt.date(2020, 8, 6) + dt.timedelta(days=45)]
    assert "stated" in lines[0][1] and "13942" in lines[1][1]
    with pytest.raises(DataError, match="deadline_events: 'sept_31' is not an event_id"):
        tl.deadlines(ctx, ["deadline_sept15", "sept_31"])


def test_days_to_each_deadline_say_inferred_beside_an_inferred_date(corpus):
    """Both seeds are dated 2020-09-14 by inference (data/articles.csv): one day before 15 Sept,
    six before 20 Sept, and each finding says the date is inferred."""
    lines = [(dt.date(2020, 9, 15), "the stated deadline"), (dt.date(2020, 9, 20), "EO 13942 in effect")]
    days = tl.days_to(lines, corpus.articles)
    assert len(days) == 2 * len(corpus.articles)
    assert sorted(days["days_to_deadline"]) == [1, 1, 6, 6]
    found = tl._deadline_lines(days)
    assert len(found) == 2
    for line in found:
        assert "(published 2020-09-14, date inferred) appeared **1 day before** the stated deadline (Sep 15) and " \
               "**6 days before** EO 13942 in effect (Sep 20)." in line
    many = pd.concat([days.assign(article_id=days["article_id"] + f"-{i}") for i in range(3)], ignore_index=True)
    summary = tl._deadline_lines(many)
    assert summary == ["Of the 6 articles, **6 appeared before the stated deadline (Sep 15)** and 0 after it (median 1 "
                       "day before); **6 appeared before EO 13942 in effect (Sep 20)** and 0 after it (median 6 days "
                       "before); 6 of the 6 publication dates are inferred or overridden, not stated."]


def test_every_status_has_a_phrase_for_the_findings():
    """The findings name the latest event's status in words ("one that had happened"), never the
    bare label ("is a happened"); every status event_status can return has its phrase."""
    statuses = {tl.event_status(c, s, d, g, status_cues()) for c, s, d, g in [
        ("due Sept. 15", "due Sept. 15", "future", ""), ("it may close", "it may close", "past", ""),
        ("it closed", "He said it closed", "past", ""), ("it will close", "it will close", "future", ""),
        ("it closed", "it closed", "past", "")]}
    assert statuses == {"deadline", "hedged", "reported", "scheduled", "happened"} == set(tl._STATUS_PHRASE)


# --------------------------------------------------------------------------------------------
# Tense-aware dates (issue 15, item 3): the tense of the clause that governs an expression picks
# the occurrence. Every expected value below is read off the calendar: 2020-09-14 is a Monday,
# 2020-09-18 a Friday, 2020-10-31 a Saturday, 2020-11-13 a Friday; ISO week 37 of 2020 runs from
# Monday 7 to Sunday 13 September.


@pytest.mark.parametrize(("dct", "text", "expected"), [
    # future when the clause is: will, would, is due to, takes effect, as of, from ... on, by, deadline
    ("2020-09-18", "The ban takes effect on Sunday.", {"Sunday": "2020-09-20"}),
    ("2020-09-18", "Commerce said the ban would take effect on Sunday.", {"Sunday": "2020-09-20"}),
    ("2020-09-18", "The app would be removed from stores as of late Sunday.", {"late Sunday": "2020-09-20"}),
    ("2020-09-18", "WeChat, Ross said, would be shut down as of Monday.", {"Monday": "2020-09-21"}),
    ("2020-09-18", "Downloads are barred from Sunday on.", {"Sunday": "2020-09-20"}),
    ("2020-09-18", "The app is banned from Sunday, the department said.", {"Sunday": "2020-09-20"}),
    ("2020-09-18", "The deadline is Sunday.", {"Sunday": "2020-09-20"}),
    ("2020-09-18", "The ban, set to start on Sunday, covers new downloads.", {"Sunday": "2020-09-20"}),
    ("2020-09-14", "The review is due to finish on Sunday.", {"Sunday": "2020-09-20"}),
    ("2020-09-21", "The judge scheduled a hearing for Thursday.", {"Thursday": "2020-09-24"}),
    ("2020-09-21", "Trump is expected to sign the order on Friday.", {"Friday": "2020-09-25"}),
    # past otherwise; the verb nearest the expression decides, not one in a relative clause
    ("2020-08-07", "Trump on Thursday signed orders that will bar Americans from dealing with them.",
     {"Thursday": "2020-08-06"}),
    ("2020-09-14", "Microsoft said on Sunday it would not buy TikTok.", {"Sunday": "2020-09-13"}),
    ("2020-09-14", "Trump said Saturday that he would decide on Tuesday.", {"Saturday": "2020-09-12", "Tuesday": "2020-09-15"}),
    ("2020-09-18", "TikTok could not be reached for comment on Thursday.", {"Thursday": "2020-09-17"}),
    ("2020-09-18", "Thursday's deadline was missed.", {"Thursday": "2020-09-17"}),
    ("2020-09-21", "The ban that was due to take effect on Sunday was postponed.", {"Sunday": "2020-09-20"}),
    ("2020-09-28", "The ruling came hours before the ban was to take effect on Sunday.", {"Sunday": "2020-09-27"}),
    # a clause with no verb takes its sentence's tense
    ("2020-10-31", "Nichols will hear the case on Wednesday, a day after Tuesday's election.",
     {"Wednesday": "2020-11-04", "a day": "P1D", "Tuesday": "2020-11-03"}),
    # weekends: over the weekend with a past verb is the one just gone, with a future one the next
    ("2020-09-14", "Talks continued over the weekend.", {"over the weekend": "2020-W37-WE"}),
    ("2020-09-14", "Mnuchin spoke with reporters over the weekend and said a deal would come.",
     {"over the weekend": "2020-W37-WE"}),
    ("2020-09-14", "The talks, held over the weekend, would decide the app's fate.", {"over the weekend": "2020-W37-WE"}),
    ("2020-09-14", "Oracle will present the plan over the weekend.", {"over the weekend": "2020-W38-WE"}),
    ("2020-09-17", "Oracle's board met over the weekend.", {"over the weekend": "2020-W37-WE"}),
    # bare months: the nearest year consistent with the tense
    ("2020-11-13", "Trump signed the order in August.", {"August": "2020-08"}),
    ("2020-11-13", "The order Trump signed in August would force a sale.", {"August": "2020-08"}),
    ("2020-11-13", "In September, Trump said he approved the deal.", {"September": "2020-09"}),
    ("2020-11-13", "Biden will take office in January.", {"January": "2021-01"}),
    ("2020-08-27", "Microsoft's Aug. 6 order bans transactions starting in mid-September.",
     {"Aug. 6": "2020-08-06", "mid-September": "2020-09"}),
    # months as adjectives: the occurrence nearest the publication date
    ("2020-09-18", "The ban is unusable unless the August executive order is resolved.", {"August": "2020-08"}),
    ("2020-11-13", "Under the August order, ByteDance would have to sell.", {"August": "2020-08"}),
    ("2020-10-31", "TikTok challenged the November restrictions.", {"November": "2020-11"}),
    ("2020-11-13", "Trump's September announcement surprised investors.", {"September": "2020-09"}),
    ("2020-09-14", "The March on Washington was in 1963.", {"1963": "1963"}),  # a name, not a month
    ("2020-09-14", "The May Day protests were peaceful.", {}),
    # seasons, holidays, parts of the month, more durations, vague spans
    ("2020-08-27", "He joined TikTok this summer.", {"this summer": "2020-SU"}),
    ("2020-11-20", "The deadline falls after Thanksgiving.", {"Thanksgiving": "2020-11-26"}),
    ("2020-10-20", "The ruling is due before Election Day.", {"Election Day": "2020-11-03"}),
    ("2020-08-27", "She spoke at the start of the month.", {"the start of the month": "2020-08"}),
    ("2020-09-14", "The deal is expected to close by the end of the year.", {"the end of the year": "2020"}),
    ("2020-11-13", "It got 15 more days, then another week, and two additional weeks.",
     {"15 more days": "P15D", "another week": "P1W", "two additional weeks": "P2W"}),
    ("2020-09-14", "Over the past few months the talks changed.", {"the past few months": "PAST_REF"}),
    # the day last named, and a quotation's day
    ("2020-09-21", "On Monday, Trump told Fox News it was done. ByteDance said the same day it would own 80%.",
     {"Monday": "2020-09-21", "the same day": "2020-09-21"}),
    ("2020-08-07", "Trump on Thursday signed two orders. They were released late in the evening.",
     {"Thursday": "2020-08-06", "evening": "2020-08-06TEV"}),
    ("2020-09-14", "Microsoft said on Sunday that talks had ended. “ByteDance let us know today,” it said.",
     {"Sunday": "2020-09-13", "today": "2020-09-13"}),
    ("2020-09-14", "“We are pleased today,” Pappas said.", {"today": "2020-09-14"}),  # no day given for the words
    ("2020-09-14", "Trump said on Saturday he approved it. “I am signing it today,” he told reporters on Monday.",
     {"Saturday": "2020-09-12", "today": "2020-09-14", "Monday": "2020-09-14"}),
    # an adverb between "is" and "due"; a timetable in the present; a month of last year; a decade
    ("2020-09-24", "The ban, which is now due to kick in at 11:59 p.m. on Sunday, was delayed.",
     {"now": "PRESENT_REF", "Sunday": "2020-09-27"}),
    ("2020-11-11", "The order gave the firm 90 days, a period that ends on Thursday.",
     {"90 days": "P90D", "Thursday": "2020-11-12"}),
    ("2020-09-19", "Beijing first threatened such a list in May last year.", {"May last year": "2019-05"}),
    ("2021-02-10", "The August executive orders threatened the app. Last August, the ministry added it to the list.",
     {"August": "2020-08", "Last August": "2020-08"}),  # an adjective half a year off: the one before
    ("2021-01-27", "After supporting our 2000+ employees for months, we cut 200 jobs in 2021.", {"2021": "2021"}),
    ("2020-09-24", "He joined in April after a decade at a payroll firm, and two decades in banking.",
     {"April": "2020-04", "a decade": "P10Y", "two decades": "P20Y"}),
    # Thursday 10 June 2021: "ago" counts back from it (six weeks: Thursday 29 April, ISO week 17)
    ("2021-06-10", "China announced the list in May of last year. A year ago, plans had an asterisk.",
     {"May of last year": "2020-05", "A year ago": "2020-06"}),
    ("2021-06-10", "Six weeks ago clients worried; three days ago they stopped.",
     {"Six weeks ago": "2021-W17", "three days ago": "2021-06-07"}),
    ("2021-06-10", "Spending doubled over the past year, after half a year of doubt.",
     {"the past year": "P1Y", "half a year": "P6M"}),
    ("2020-10-19", "The administration spent the summer trying to force a sale.", {"the summer": "2020-SU"}),
    # Thursday 11 Feb 2021: a holiday that runs through Saturday (the 13th); Tuesday 22 Sept 2020: a ban delayed
    # to Sunday (the 27th); Thursday 24 Sept 2020: "if … on Monday" is the 28th, "By Wednesday, … was" the 23rd
    ("2021-02-11", "South Koreans headed into the holiday, which runs through Saturday.", {"Saturday": "2021-02-13"}),
    ("2020-09-22", "The department has delayed its ban on new downloads to Sunday.", {"Sunday": "2020-09-27"}),
    ("2020-09-24", "“If it’s gone on Monday,” she said, “I’ll move.”", {"Monday": "2020-09-28"}),
    ("2020-09-24", "By Wednesday, China Daily was calling the deal unfair.", {"Wednesday": "2020-09-23"}),
    # the day after Thanksgiving (Thursday 26 Nov 2020) and the Monday after it
    ("2020-09-22", "Walmart wants shoppers before Black Friday and Cyber Monday.",
     {"Black Friday": "2020-11-27", "Cyber Monday": "2020-11-30"}),
])
def test_tense_aware_dates(dct, text, expected):
    got = {r["text"]: r["value"] for r in temporal.expressions_in_text(text, dt.date.fromisoformat(dct), WINDOW)}
    assert got == expected


def test_the_issues_examples_resolve_as_the_calendar_says():
    """Issue 15: a Friday article's "the ban takes effect on Sunday"; "over the weekend" with a past
    verb on a Monday; "in August" in a November article; "the August executive order" in September."""
    def value(text, dct):
        return [r["value"] for r in temporal.expressions_in_text(text, dt.date.fromisoformat(dct), WINDOW)]
    assert value("The ban takes effect on Sunday.", "2020-09-18") == ["2020-09-20"]
    assert value("ByteDance and Oracle talked over the weekend.", "2020-09-14") == ["2020-W37-WE"]
    assert value("The order was signed in August.", "2020-11-13") == ["2020-08"]
    assert value("Ross cited the August executive order.", "2020-09-14") == ["2020-08"]


def test_clause_tense_reads_the_verb_that_governs_the_expression():
    from helpers import tense

    def of(text, expression, signal=""):
        start = text.index(expression)
        return tense.clause_tense(text, start, start + len(expression), signal)
    assert of("Trump on Thursday signed orders that will bar them.", "Thursday") == "past"
    assert of("He said the orders will bar them from Sunday.", "Sunday") == "future"
    assert of("It was due to take effect on Sunday.", "Sunday") == "past"  # a future seen from the past
    assert of("It would have taken effect on Sunday.", "Sunday") == "past"
    assert of("ByteDance would have to sell by Sunday.", "Sunday") == "future"
    assert of("It will be sold in November.", "November") == "future"  # "sold" after "be" is no past tense
    assert of("WeChat would, for all practical purposes, be shut down as of Monday.", "Monday", "as of") == "future"
    assert of("The company on Monday.", "Monday") == "present"
    assert of("by late August", "August") == "present" and of("by late Sunday", "Sunday", "by") == "future"


def test_occurrence_arithmetic_for_weekends_seasons_and_holidays():
    from helpers import tense
    monday, thursday = dt.date(2020, 9, 14), dt.date(2020, 9, 17)
    assert tense.weekend_saturday(monday, "over the", "past") == dt.date(2020, 9, 12)
    assert tense.weekend_saturday(monday, "over the", "future") == dt.date(2020, 9, 19)
    assert tense.weekend_saturday(monday, "over the", "present") == dt.date(2020, 9, 12)  # the nearer one
    assert tense.weekend_saturday(thursday, "over the", "present") == dt.date(2020, 9, 19)
    assert tense.weekend_saturday(dt.date(2020, 9, 19), "the", "past") == dt.date(2020, 9, 19)  # under way
    assert tense.month_occurrence(8, dt.date(2020, 11, 13), "present") == (2020, 8)
    assert tense.month_occurrence(3, dt.date(2020, 11, 13), "present") == (2021, 3)
    assert tense.season_range("winter", 2020) == (dt.date(2020, 12, 1), dt.date(2021, 2, 28))
    assert tense.season_year("summer", dt.date(2020, 8, 27), "last", "past") == 2019  # this one has not ended
    assert tense.season_year("summer", dt.date(2020, 9, 27), "last", "past") == 2020
    assert tense.season_year("winter", dt.date(2021, 1, 15), "this", "") == 2020
    assert [tense.holiday_date(h, 2020) for h in ("Thanksgiving", "Election Day", "Labor Day", "Memorial Day",
                                                  "Christmas", "Fourth of July")] == [
        dt.date(2020, 11, 26), dt.date(2020, 11, 3), dt.date(2020, 9, 7), dt.date(2020, 5, 25), dt.date(2020, 12, 25),
        dt.date(2020, 7, 4)]
    assert tense.nearest_holiday("Christmas", dt.date(2021, 1, 3), "present", WINDOW) == dt.date(2020, 12, 25)


def test_quotation_spans_run_across_sentences():
    from helpers import tense
    assert tense.quoted_spans('He said "no" and “yes”.') == [(9, 11), (18, 21)]
    assert tense.quoted_spans("over. “") == [(7, 7)] and tense.open_after("over. “", False)
    assert tense.quoted_spans("ByteDance let us know today.", opened=True) == [(0, 28)]
    assert not tense.open_after("us know today,” it said.", True) and tense.open_after("No marks here.", True)


def test_a_quotation_takes_the_day_its_words_were_said_across_sentences(make_data):
    """The segmenter may leave a quotation's opening mark on the sentence before: the quotation is
    followed across sentences of its paragraph, and its "today" is the day the sentence before said
    the words were said; "the same day" is the day last named. Published Monday 2020-09-14."""
    text = ("Microsoft said late on Sunday, US time, that its bid was over. “ByteDance let us know today they "
            "would not be selling TikTok. We are confident our proposal was good,\" the company said.\n\n"
            "Oracle confirmed its role on Monday. Walmart said the same day it was still interested.\n\n"
            "“We are pleased today,” a TikTok spokesperson said.\n")
    corpus = load_corpus(make_data({"x_quote": text}), use_cache=False)
    e = temporal.find_temporal_expressions(corpus, WINDOW).set_index("text")
    assert list(e.loc["today", "value"]) == ["2020-09-13", "2020-09-14"]
    assert list(e.loc["today", "rule"]) == ["relative_day_in_quote", "relative_day"]
    assert e.loc["late on Sunday", "value"] == "2020-09-13" and e.loc["the same day", "value"] == "2020-09-14"
    assert (e["dct"] == pd.Timestamp("2020-09-14")).all()


def test_the_last_year_or_two_is_no_duration_of_one_year():
    got = {r["text"]: r["value"] for r in temporal.expressions_in_text("Over the last year or two, it changed.",
                                                                        dt.date(2021, 6, 10), WINDOW)}
    assert got == {"last year": "2020"}


@pytest.mark.parametrize(("text", "expected"), [
    # an infinitive of expectation or intent after a past verb points ahead of it: the nearer October
    ("Nobody we spoke to expected the app to disappear in October.", "2020-10"),
    ("Zentrix planned to launch the service in October.", "2020-10"),
    ("I had to start from zero in October.", "2019-10"),  # an obligation in the past: the October before
    # words in a quotation keep their own time, not the tense of the verb that attributes them
    ("\"Ask me again in October,\" she said.", "2020-10"),
    ("\"We met in October,\" she said.", "2019-10"),
])
def test_a_bare_month_after_an_infinitive_or_in_quoted_words_is_the_nearer_one(text, expected):
    assert [v for t, v, _ in resolve(text) if t == "October"] == [expected]


def test_last_with_yesterdays_weekday_is_the_week_before():
    # DCT is a Monday: "Sunday" alone is yesterday; "last Sunday" is the Sunday before it (yesterday would be "Sunday")
    assert resolve("It was signed last Sunday.") == [("last Sunday", "2020-09-06", "weekday")]
    assert resolve("It was signed Sunday.") == [("Sunday", "2020-09-13", "weekday")]
    assert resolve("It was signed last Saturday.") == [("last Saturday", "2020-09-12", "weekday")]


@pytest.mark.parametrize(("text", "expected"), [
    ("It has been that kind of summer.", [("summer", "2020-SU")]),
    ("The law has had a rough autumn in court.", [("autumn", "2020-FA")]),
    ("Regulators have been investigating since the summer.", [("the summer", "2020-SU")]),
    ("The rules were published in the spring.", [("the spring", "2020-SP")]),
    ("He expected Commerce to name its targets by the autumn.", [("the autumn", "2020-FA")]),
    ("The fall in shares was steep.", []),  # a fall, not a season
    ("Summer Quorvith said it was over.", []),  # a name
])
def test_bare_seasons_and_seasons_after_the_are_dates_by_the_tense(text, expected):
    assert [(t, v) for t, v, _ in resolve(text)] == expected


@pytest.mark.parametrize(("text", "dct", "expected"), [
    # lunar and other countries' holidays come from the holidays package; the occurrence nearest the article
    ("Koreans headed into the Lunar New Year holiday, with Seollal on Friday.", dt.date(2021, 2, 11),
     [("Lunar New Year", "2021-02-12"), ("Seollal", "2021-02-12")]),
    ("Sellers had been counting on Diwali.", dt.date(2020, 9, 3), [("Diwali", "2020-11-14")]),
    ("Families gathered for Chuseok.", dt.date(2020, 9, 23), [("Chuseok", "2020-10-01")]),
    ("The office was closed for Veterans Day.", dt.date(2020, 11, 12), [("Veterans Day", "2020-11-11")]),
    ("Nothing will change before Inauguration Day.", dt.date(2020, 11, 20), [("Inauguration Day", "2021-01-20")]),
    ("Sales peak on Singles’ Day.", dt.date(2020, 8, 12), [("Singles’ Day", "2020-11-11")]),
    ("She will film it over the August bank holiday.", dt.date(2020, 8, 2), [("August bank holiday", "2020-08-31")]),
])
def test_holidays_of_other_countries_resolve_to_their_day(text, dct, expected):
    assert [(t, v) for t, v, rule in resolve(text, dct) if rule == "holiday"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ByteDance bought Musical.ly in 2017. The two were merged the following year.",
     [("2017", "2017"), ("the following year", "2018")]),
    ("It launched in October 2019. That month, sales rose. This year is different.",
     [("October 2019", "2019-10"), ("That month", "2019-10"), ("This year", "2020")]),
    ("The order came on Aug. 6, and the same week Zentrix sued.", [("Aug. 6", "2020-08-06"), ("the same week", "2020-W32")]),
])
def test_that_month_and_the_following_year_count_from_the_period_named_before(text, expected):
    assert [(t, v) for t, v, _ in resolve(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # DCT is Monday 14 September 2020
    ("Commerce pushed back its ban by a week, to Sunday, citing progress.", "2020-09-20"),  # the new day, ahead
    ("The department postponed the ban until Sunday.", "2020-09-20"),
    ("Ross had delayed the ban by a week, to Sunday, citing progress.", "2020-09-13"),  # past perfect: it may have passed
    ("He said he would act against the app as soon as Saturday.", "2020-09-19"),
])
def test_a_day_a_deadline_is_moved_to_or_as_soon_as_is_ahead(text, expected):
    assert [v for t, v, _ in resolve(text) if t.endswith(("Sunday", "Saturday"))] == [expected]


@pytest.mark.parametrize(("text", "dct", "day", "expected"), [
    ("Commerce pushed the ban back by a week, to Sunday, Sept. 27, citing progress.", dt.date(2020, 9, 19), "Sunday",
     "2020-09-27"),  # the tense alone would give the Sunday before
    ("CFIUS gave ByteDance until Friday (Dec 4) to resolve its concerns.", dt.date(2020, 12, 1), "Friday", "2020-12-04"),
    ("Labor Day is Monday, which means you have six more days.", dt.date(2020, 9, 1), "Monday", "2020-09-07"),
    ("Markets are closed Monday for Presidents Day.", dt.date(2021, 2, 10), "Monday", "2021-02-15"),
    ("Trump has set a September 15 deadline — Tuesday — for a sale.", dt.date(2020, 9, 8), "Tuesday", "2020-09-15"),
    ("It was signed Sunday, and on Sept. 28 the court ruled.", dt.date(2020, 9, 30), "Sunday", "2020-09-27"),  # not joined
])
def test_a_weekday_beside_a_date_or_holiday_of_that_weekday_is_that_day(text, dct, day, expected):
    assert [v for t, v, _ in resolve(text, dct) if t == day] == [expected]


@pytest.mark.parametrize(("text", "dct", "value"), [
    # a past clause that looks ahead from its own time: the weekday nearer the publication day
    ("The court canceled arguments that had been scheduled for Thursday.", dt.date(2021, 2, 10), "2021-02-11"),
    ("Rules that would have cut the app off from Thursday are on hold.", dt.date(2020, 11, 11), "2020-11-12"),
    ("The administration on Friday ordered a ban starting Sunday.", dt.date(2020, 9, 19), "2020-09-20"),
    ("The judge asked both sides to propose next steps by Wednesday.", dt.date(2020, 9, 28), "2020-09-30"),
    # a past clause that does not: the last one, however near the next
    ("The court heard arguments on Thursday.", dt.date(2021, 2, 10), "2021-02-04"),
])
def test_a_weekday_a_past_clause_looks_ahead_to_is_the_nearer_one(text, dct, value):
    found = [r for r in temporal.expressions_in_text(text, dct, WINDOW) if r["rule"] == "weekday"]
    assert found[-1]["value"] == value


@pytest.mark.parametrize(("text", "expected"), [
    # a verb in the present's third person (the Brill lexicon's VBZ) or a pronoun's contraction is the present:
    # the nearer month, not the one before the past verb further off
    ("A separate order signed Aug. 14 gives Zentrix until November to divest.", "2020-11"),
    ("The order threatens to ban transactions with the company from November.", "2020-11"),
    ("\"Fifteen days is not a lot. And after January, it's a different administration,\" he said.", "2021-01"),
])
def test_a_bare_month_in_a_present_clause_is_the_nearer_one(text, expected):
    assert [v for t, v, _ in resolve(text) if t in ("November", "January")] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a weekday whose clause's verb is the present's third person is a timetable: the nearer one, either side
    # (the publication day is a Monday: Thursday is nearer ahead, Friday behind)
    ("Zentrix, which publishes its quarterly results on Thursday, did not respond.", "2020-09-17"),
    ("The fair, which opens in Beijing on Wednesday, had drawn many exhibitors.", "2020-09-16"),
    ("The ministry, which holds its regular briefing on Thursday, has said little.", "2020-09-17"),
    ("The ministry, which holds its regular briefing on Friday, has said little.", "2020-09-11"),
])
def test_a_weekday_in_a_timetable_present_is_the_nearer_one(text, expected):
    assert [v for t, v, _ in resolve(text) if t in ("Wednesday", "Thursday", "Friday")] == [expected]


def test_today_in_a_statement_quoted_over_paragraphs_is_the_day_its_first_words_were_said(make_data):
    """Each paragraph of a statement quoted over several opens with its own mark; its "today" is the day its first
    words were said. Published Monday 2020-09-14."""
    text = ("\"For a year, Zentrix has engaged in good faith,\" the company said in a statement Friday. \"We have "
            "offered detailed solutions.\n\n\"Today, with the deadline imminent, we have filed a petition.\"\n")
    e = temporal.find_temporal_expressions(load_corpus(make_data({"x_statement": text}), use_cache=False), WINDOW)
    assert e.set_index("text").loc["Today", "value"] == "2020-09-11"


def test_today_in_words_a_sentence_before_says_were_disclosed_on_a_day_is_that_day(make_data):
    text = ("Quorvia disclosed late Sunday that Zentrix had rejected its offer. \"Zentrix let us know today they would "
            "not be selling,\" the company said.\n")
    e = temporal.find_temporal_expressions(load_corpus(make_data({"x_disclosed": text}), use_cache=False), WINDOW)
    assert e.set_index("text").loc["today", "value"] == "2020-09-13"
