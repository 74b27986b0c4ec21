"""Temporal expressions and events, checked against the articles and against the calendar."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from conftest import SEED_000, SEED_003
from evaluation import evaluate

from helpers import paths, reference, temporal
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


def test_changing_000s_date_moves_yesterday_with_it(corpus):
    shifted = load_corpus(published={SEED_000: "2020-09-15"})
    e = temporal.find_temporal_expressions(shifted, WINDOW)
    assert one(e, SEED_000, "Yesterday")["value"] == "2020-09-14"
    moved = temporal.resolution_shift(corpus, shifted, WINDOW)
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
    assert temporal.weekday_occurrence(6, DCT, "", "past") == dt.date(2020, 9, 13)
    assert temporal.weekday_occurrence(6, DCT, "", "future") == dt.date(2020, 9, 20)
    assert temporal.nearest_year(1, 5, dt.date(2020, 12, 20), "present", WINDOW) == dt.date(2021, 1, 5)


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
    assert ctx["date"].min() <= pd.Timestamp("2019-11-01") and ctx["date"].max() >= pd.Timestamp("2020-12-07")
    assert {"cfius_review_reported", "nichols_injunction", "beetlestone_injunction"} <= set(ctx["event_id"])


@pytest.mark.parametrize(("row", "says"), [
    ("x,2020-13-01,,day,L,E,bytedance,Oracle,https://example.org", "line 2 (x): date: not an ISO date"),
    ("x,2020-09-14,,day,L,E,bytedance,Oracle,", "line 2: source: empty"),
    ("x,2020-09-14,2020-09-01,day,L,E,bytedance,Oracle,https://example.org", "date_end: 2020-09-01 is before"),
    ("x,2020-09-14,,week,L,E,bytedance,Oracle,https://example.org", "precision: 'week'"),
    ("x,2020-09-14,,day,L,E,nobody,Oracle,https://example.org", "actors: 'nobody' is not in the gazetteer"),
])
def test_bad_context_row_fails_validation(make_data, row, says):
    data = make_data()
    path = data / "reference" / "context_events.csv"
    path.write_text("event_id,date,date_end,precision,label,event,actors,keywords,source\n" + row + "\n", encoding="utf-8")
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


def test_every_status_has_a_phrase_for_the_findings():
    """The findings name the latest event's status in words ("one that had happened"), never the
    bare label ("is a happened"); every status event_status can return has its phrase."""
    statuses = {tl.event_status(c, s, d, g, status_cues()) for c, s, d, g in [
        ("due Sept. 15", "due Sept. 15", "future", ""), ("it may close", "it may close", "past", ""),
        ("it closed", "He said it closed", "past", ""), ("it will close", "it will close", "future", ""),
        ("it closed", "it closed", "past", "")]}
    assert statuses == {"deadline", "hedged", "reported", "scheduled", "happened"} == set(tl._STATUS_PHRASE)
