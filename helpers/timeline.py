"""What happened when: events dated by the coverage, their merging across articles, the sourced
record of the saga they are set against, and notebook 01's findings.

Frames (offsets are ``[start, end)`` into the raw article text; dates are days):

``events`` (:func:`build_events`, from the expressions of :mod:`helpers.temporal`)
    one row per dated expression: ``event_id, article_id, sentence_no, start, end, sentence_start,
    sentence_end, date_start, date_end, granularity, what, actors, status, expression``.
``timeline`` (:func:`merge_events`)
    the same event across articles merged: ``event_id, date_start, date_end, granularity, what,
    actors, status, n_articles`` (corroboration), ``articles, evidence`` (every sentence kept).
``context`` (``data/reference/context_events.csv``, loaded by :mod:`helpers.reference`)
    the sourced record: ``event_id, date, date_end, precision, label, event, actors, keywords,
    source``; :func:`context_coverage` and :func:`check_corpus_dates` set the corpus against it.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

import pandas as pd

from helpers.corpus import Corpus
from helpers.errors import DataError, Problem
from helpers.tables import cue_regex, speech_verb_regex
from helpers.temporal import find_temporal_expressions
from helpers.tense import clause_span
from helpers.text import counted, md_text, shorten, some

# --------------------------------------------------------------------------------------------
# Events

_DEADLINE = re.compile(r"\b(?:deadline|expires?|expired|by|before|due|until|no later than)\b", re.IGNORECASE)
# hedge-cue kinds that make an event's clause hedged (the "reported" ones make it attributed instead)
HEDGING_KINDS = ("modal", "conditional", "epistemic", "evidential")


@dataclass(frozen=True)
class StatusCues:
    """The words that make an event hedged (its clause holds a hedge cue of
    :data:`HEDGING_KINDS`) or reported (its sentence holds a speech verb or a reporting cue), from
    ``data/reference/hedge_cues.csv`` and ``attribution_cues.csv``: the vocabularies the
    stakeholder and tone analyses use too."""

    hedges: re.Pattern
    reported: re.Pattern

    @classmethod
    def from_tables(cls, hedge_cues: pd.DataFrame, attribution_cues: pd.DataFrame) -> StatusCues:
        reporting = cue_regex(hedge_cues[hedge_cues["kind"] == "reported"]).pattern
        verbs = speech_verb_regex(attribution_cues).pattern
        return cls(cue_regex(hedge_cues[hedge_cues["kind"].isin(HEDGING_KINDS)]),
                   re.compile(f"{reporting}|{verbs}", re.IGNORECASE))


def event_status(clause: str, sentence: str, dir_: str, signal: str, cues: StatusCues) -> str:
    """deadline, hedged, reported, scheduled or happened, in that order of precedence.

    A future date is a deadline when its clause says so ("deadline", "expires", "due") or it is
    introduced by "by", "before" or "until"; a clause with a hedge cue (a modal, a conditional,
    an epistemic or evidential word) is hedged; a sentence that attributes its content ("said",
    "according to") is reported."""
    if (dir_ == "future" and (_DEADLINE.search(clause) or signal in ("by", "before", "until"))) \
            or re.search(r"\bdeadline\b", clause, re.IGNORECASE):
        return "deadline"
    if cues.hedges.search(clause):
        return "hedged"
    if cues.reported.search(sentence):
        return "reported"
    return "scheduled" if dir_ == "future" else "happened"


def build_events(corpus: Corpus, expressions: pd.DataFrame, mentions: pd.DataFrame, cues: StatusCues,
                 min_clause_words: int) -> pd.DataFrame:
    """One event per dated expression (durations and vague ones are not dates): the clause around
    it (with the next clause too when it holds fewer than ``min_clause_words`` words besides the
    expression: "Yesterday, ..."), the stakeholders named in its sentence, a status, and its
    evidence offsets."""
    dated = expressions[expressions["resolved_start"].notna()]
    labels = dict(zip(corpus.articles["article_id"], corpus.articles["label"]))
    sents = {(r["article_id"], r["sentence_no"]): r for r in corpus.sentences.to_dict("records")}
    actors_of = (mentions.groupby(["article_id", "sentence_no"])["stakeholder_id"]
                 .agg(lambda s: "|".join(sorted(set(s)))).to_dict())
    rows = []
    for e in dated.itertuples(index=False):
        s = sents[(e.article_id, e.sentence_no)]
        c0, c1 = clause_span(s["text"], e.start - s["start"], e.end - s["start"])
        if len(s["text"][c0:c1].split()) - len(e.text.split()) < min_clause_words:
            c1 = clause_span(s["text"], min(c1 + 1, len(s["text"])), min(c1 + 1, len(s["text"])))[1]
        clause = s["text"][c0:c1].strip(" ,;:—")
        rows.append({"article_id": e.article_id, "article_label": labels[e.article_id], "sentence_no": e.sentence_no,
                     "start": e.start, "end": e.end, "sentence_start": int(s["start"]), "sentence_end": int(s["end"]),
                     "date_start": e.resolved_start, "date_end": e.resolved_end, "granularity": e.granularity,
                     "what": clause, "actors": actors_of.get((e.article_id, e.sentence_no), ""),
                     "status": event_status(clause, s["text"], e.direction, e.signal, cues), "expression": e.text,
                     "evidence": s["text"]})
    frame = pd.DataFrame(rows, columns=["article_id", "article_label", "sentence_no", "start", "end", "sentence_start",
                                        "sentence_end", "date_start", "date_end", "granularity", "what", "actors",
                                        "status", "expression", "evidence"])
    # unique by construction: an article id, a sentence, a character offset
    frame.insert(0, "event_id", [f"{r.article_id}:s{r.sentence_no}:{r.start}" for r in frame.itertuples()])
    return frame


def merge_events(events: pd.DataFrame) -> pd.DataFrame:
    """The same event across articles as one row: same date range and at least one shared actor
    (or, where neither names an actor, the same date range alone). ``n_articles`` counts the
    articles that state it; every evidence sentence is kept."""
    if events.empty:
        return pd.DataFrame(columns=["timeline_id", "date_start", "date_end", "granularity", "what", "actors", "status",
                                     "n_articles", "articles", "event_ids", "evidence"])
    records = events.sort_values(["date_start", "date_end", "article_id", "start"]).to_dict("records")
    groups: list[list[dict]] = []
    for _, same_dates in itertools.groupby(records, key=lambda r: (r["date_start"], r["date_end"])):
        clusters: list[tuple[set[str], list[dict]]] = []
        for r in same_dates:
            actors = set(filter(None, r["actors"].split("|")))
            for cluster_actors, members in clusters:
                if (actors & cluster_actors) or (not actors and not cluster_actors):
                    cluster_actors |= actors
                    members.append(r)
                    break
            else:
                clusters.append((actors, [r]))
        groups += [members for _, members in clusters]
    rows = []
    order = ["deadline", "happened", "scheduled", "reported", "hedged"]
    for members in groups:
        first = members[0]
        rows.append({"date_start": first["date_start"], "date_end": first["date_end"],
                     "granularity": first["granularity"], "what": first["what"],
                     "actors": "|".join(sorted({a for r in members for a in r["actors"].split("|") if a})),
                     "status": min((r["status"] for r in members), key=order.index),
                     "n_articles": len({r["article_id"] for r in members}),
                     "articles": ", ".join(sorted({r["article_label"] for r in members})),
                     "event_ids": "; ".join(r["event_id"] for r in members),
                     "evidence": " | ".join(f"[{r['article_label']} s{r['sentence_no']} {r['start']}-{r['end']}] "
                                            f"{r['evidence']}" for r in members)})
    out = pd.DataFrame(rows).sort_values(["date_start", "date_end", "what"]).reset_index(drop=True)
    out.insert(0, "timeline_id", [f"T{i + 1:02d}" for i in range(len(out))])
    return out


# --------------------------------------------------------------------------------------------
# Context: the sourced record of the saga


def context_coverage(context: pd.DataFrame, corpus: Corpus, expressions: pd.DataFrame) -> pd.DataFrame:
    """For each context event: which articles mention it (its keywords match a sentence), whether
    a sentence that mentions it also dates it (an expression resolving inside the event's range),
    and any date given there that falls outside the range (a date the corpus may get wrong)."""
    dated = expressions[expressions["resolved_start"].notna()]
    labels = dict(zip(corpus.articles["article_id"], corpus.articles["label"]))
    rows = []
    for c in context.itertuples(index=False):
        regex = re.compile(c.keywords, re.IGNORECASE)
        hits = corpus.sentences[corpus.sentences["text"].str.contains(regex)]
        keys = set(zip(hits["article_id"], hits["sentence_no"]))
        exprs = dated[[k in keys for k in zip(dated["article_id"], dated["sentence_no"])]]
        inside = exprs[(exprs["resolved_start"] <= c.date_end) & (exprs["resolved_end"] >= c.date)]
        outside = exprs.drop(inside.index)
        rows.append({"event_id": c.event_id, "date": c.date, "date_end": c.date_end, "event": c.event,
                     "mentioned_in": ", ".join(sorted({labels[a] for a in hits["article_id"]})),
                     "n_articles": int(hits["article_id"].nunique()), "n_sentences": len(hits),
                     "dated_in": ", ".join(sorted({labels[a] for a in inside["article_id"]})),
                     "other_dates": "; ".join(f"{labels[r.article_id]} s{r.sentence_no}: '{r.text}' = {r.value}"
                                              for r in outside.itertuples()),
                     "source": c.source})
    return pd.DataFrame(rows)


def check_corpus_dates(timeline: pd.DataFrame, context: pd.DataFrame) -> pd.DataFrame:
    """Each corpus event set against the record: the context events its evidence names (their
    keywords match) and whether the corpus date falls within one of them. ``consistent`` is
    False where the evidence names record events but none on that date: a date to check."""
    rows = []
    record = [(c, re.compile(c.keywords, re.IGNORECASE)) for c in context.itertuples(index=False)]
    for t in timeline.itertuples(index=False):
        named, agreeing = [], []
        for c, keywords in record:
            if keywords.search(t.evidence):
                named.append(c.event_id)
                if t.date_start <= c.date_end and t.date_end >= c.date:
                    agreeing.append(c.event_id)
        rows.append({"timeline_id": t.timeline_id, "date_start": t.date_start, "date_end": t.date_end,
                     "what": t.what, "record_events_named": ", ".join(named), "record_events_on_date": ", ".join(agreeing),
                     "consistent": bool(agreeing) or not named})
    return pd.DataFrame(rows, columns=["timeline_id", "date_start", "date_end", "what", "record_events_named",
                                       "record_events_on_date", "consistent"])


def window_dates(window: tuple[str, str]) -> tuple[dt.date, dt.date]:
    """The stretch of the saga a figure shows, from two ISO dates (a notebook parameter)."""
    try:
        start, end = (dt.date.fromisoformat(str(d)) for d in window)
    except ValueError as exc:
        raise ValueError(f"parameters: window: {window!r} is not two ISO dates YYYY-MM-DD ({exc})") from None
    if end < start:
        raise ValueError(f"parameters: window: {end} is before {start}")
    return start, end


def shifted_dates(articles: pd.DataFrame, days: int) -> dict[str, dt.date]:
    """Every article's publication date moved by ``days`` (to see what moves with the date assumption)."""
    return {aid: (p + pd.Timedelta(days=days)).date() for aid, p in zip(articles["article_id"], articles["published"])}


def deadlines(context: pd.DataFrame, event_ids: list[str] | tuple[str, ...]) -> list[tuple[dt.date, str]]:
    """The record events ``event_ids`` as (date, label) pairs, in date order: the dashed lines of
    the timeline and the days-to findings. An id the record lacks is a DataError naming it."""
    known = context.set_index("event_id")
    missing = [e for e in event_ids if e not in known.index]
    if missing:
        raise DataError([Problem("parameters", "deadline_events",
                                 f"{e!r} is not an event_id of reference/context_events.csv") for e in missing])
    return sorted((known.loc[e, "date"].date(), str(known.loc[e, "label"])) for e in dict.fromkeys(event_ids))


def days_to(lines: list[tuple[dt.date, str]], articles: pd.DataFrame) -> pd.DataFrame:
    """Days from each article's publication date to each deadline (negative: after it): one row
    per article and deadline, articles in corpus order, deadlines in date order."""
    cols = ["article_id", "label", "published", "date_basis", "published_overridden"]
    parts = []
    for day, name in sorted(lines):
        part = articles[cols].copy()
        part["deadline"], part["deadline_name"] = pd.Timestamp(day), name
        parts.append(part)
    if not parts:
        return pd.DataFrame(columns=[*cols, "deadline", "deadline_name", "days_to_deadline"])
    out = pd.concat(parts).sort_index(kind="stable").reset_index(drop=True)
    out["days_to_deadline"] = (out["deadline"] - out["published"]).dt.days.astype("int64")
    return out


# --------------------------------------------------------------------------------------------
# Plot data (drawn by helpers.plots.timeline)


def timeline_plot_data(timeline: pd.DataFrame, context: pd.DataFrame, start: dt.date, end: dt.date,
                       deadlines: list[tuple[dt.date, str]], articles: pd.DataFrame, max_labels: int,
                       window: tuple[dt.date, dt.date] | None = None) -> pd.DataFrame:
    """The items drawn: one row per corpus event and per context event inside ``[start, end]``,
    with lane, dates, label, and (for the corpus) the evidence. ``labelled`` marks the items whose
    label a static figure writes: every record event, and the ``max_labels`` corpus events stated by
    the most articles (then the earliest); the others are drawn as marks only. What is marked but
    is not an item rides in ``attrs``: ``view`` (``start, end``: what a static figure shows; an item
    that starts or ends outside it is cut at its edge), ``deadlines`` (date and name of each dashed line),
    ``published`` (each article's publication date and whether it is stated) and ``window`` (the
    dates an interactive view opens on; ``None``: all)."""
    rows = []
    for t in timeline.itertuples(index=False):
        who = t.articles if t.n_articles == 1 else counted(t.n_articles, "article")
        rows.append({"lane": "corpus", "item_id": t.timeline_id, "date_start": t.date_start, "date_end": t.date_end,
                     "granularity": t.granularity, "status": t.status, "n_articles": t.n_articles,
                     "label": f"{who}: {shorten(t.what, 40)}", "evidence": t.evidence})
    for c in context.itertuples(index=False):
        rows.append({"lane": "record", "item_id": c.event_id, "date_start": c.date, "date_end": c.date_end,
                     "granularity": c.precision, "status": "record", "n_articles": 0, "label": c.label,
                     "evidence": f"{c.event} (source: {c.source})"})
    frame = pd.DataFrame(rows)
    inside = (frame["date_end"] >= pd.Timestamp(start)) & (frame["date_start"] <= pd.Timestamp(end))
    items = frame[inside].sort_values(["lane", "date_start", "item_id"]).reset_index(drop=True)
    corpus_rank = (items[items["lane"] == "corpus"].sort_values(["n_articles", "date_start", "item_id"],
                                                                ascending=[False, True, True]).index[:max_labels])
    items["labelled"] = (items["lane"] == "record") | items.index.isin(corpus_rank)
    items.attrs.update(deadlines=list(deadlines), window=window, view=(start, end),
                       published=[(p, basis == "stated") for p, basis in zip(articles["published"], articles["date_basis"])])
    return items


def publication_dates(articles: pd.DataFrame) -> str:
    """How the publication dates are known, for a caption: how many stated, inferred, overridden, and their span."""
    basis = articles["date_basis"].value_counts()
    known = ", ".join(f"{int(basis[b])} {b}" for b in ("stated", "inferred", "overridden") if basis.get(b, 0))
    first, last = articles["published"].min(), articles["published"].max()
    span = f"{first:%Y-%m-%d}" if first == last else f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"
    return f"publication dates {span} ({known})"


def timeline_caption(articles: pd.DataFrame, timeline: pd.DataFrame, items: pd.DataFrame,
                     window: tuple[dt.date, dt.date], all_record: bool = False) -> str:
    """The caption of a timeline figure drawn from ``items``: counts from the frames, the window
    shown (or, for the interactive figure holding every record event, the window it opens on),
    the deadlines, how many event labels are written, and how the publication dates are known."""
    records = int((items["lane"] == "record").sum())
    corpus = items[items["lane"] == "corpus"]
    span = (f"all {records} sourced record events below (the view opens on {window[0]} to {window[1]})"
            if all_record else f"{records} sourced record events within {window[0]} to {window[1]} below")
    lines = "; ".join(f"{name} {day:%b} {day.day}" for day, name in items.attrs["deadlines"])
    labels = ("" if all_record or corpus["labelled"].all() else
              f"; the {int(corpus['labelled'].sum())} corpus events stated by the most articles are labelled, "
              "the rest are marks (the interactive view names every one)")
    return (f"Events dated by the corpus (n={len(articles)} articles, {len(timeline)} events) above, and {span}; "
            f"dashed lines: {lines}{labels}; {publication_dates(articles)}.")


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
    lines += _deadline_lines(days)
    mentioned = coverage[coverage["mentioned_in"] != ""]
    dated_ctx = coverage[coverage["dated_in"] != ""]
    wrong = checks[~checks["consistent"]]
    lines.append(f"Of {len(coverage)} events in the sourced record, the corpus names {len(mentioned)} (keyword match) "
                 f"and dates {len(dated_ctx)}; **{counted(len(wrong), 'corpus date')} "
                 f"{'disagrees' if len(wrong) == 1 else 'disagree'} with the record**"
                 + (": " + some([f"{w.timeline_id} {w.date_start:%Y-%m-%d}" for w in wrong.itertuples()])
                    if len(wrong) else "") + ".")
    changes = [f"'{md_text(r.text)}' {r.value}→{r.value_shifted}" if r.value != r.value_shifted
               else f"'{md_text(r.text)}' {r.direction}→{r.direction_shifted}"
               for r in moved.drop_duplicates("text").itertuples()]
    lines.append(f"Moving every publication date by {counted(shift_days, 'day')} changes {len(moved)} of "
                 f"{counted(len(expressions), 'expression')} ({some(changes) or 'none'}); absolute dates keep "
                 "their value.")
    return lines


def _deadline_lines(days: pd.DataFrame) -> list[str]:
    """How long before (or after) each deadline the articles appeared: each article when there are
    three or fewer, else how many on each side of each and the median; an inferred date is said to
    be one."""
    if days.empty:
        return []

    def name(d) -> str:
        return f"{md_text(d.deadline_name)} ({d.deadline:%b} {d.deadline.day})"

    n = days["article_id"].nunique()
    if n <= 3:
        out = []
        for _, rows in days.groupby("article_id", sort=False):
            first = rows.iloc[0]
            basis = {"stated": "", "inferred": ", date inferred", "overridden": ", date overridden"}[first.date_basis]
            spans = [f"**{counted(abs(d.days_to_deadline), 'day')} {'before' if d.days_to_deadline >= 0 else 'after'}** "
                     f"{name(d)}" for d in rows.itertuples()]
            out.append(f"{md_text(first.label)} (published {first.published:%Y-%m-%d}{basis}) appeared "
                       f"{_and(spans)}.")
        return out
    parts = []
    for _, rows in days.groupby("deadline", sort=True):
        d = rows.iloc[0]
        before = int((rows["days_to_deadline"] >= 0).sum())
        median = int(rows["days_to_deadline"].median())
        parts.append(f"**{before} appeared before {name(d)}** and {n - before} after it (median "
                     f"{counted(abs(median), 'day')} {'before' if median >= 0 else 'after'})")
    inferred = int((days.drop_duplicates("article_id")["date_basis"] != "stated").sum())
    return [f"Of the {n} articles, {'; '.join(parts)}; {inferred} of the {n} publication dates are inferred or "
            "overridden, not stated."]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def resolution_shift(expressions: pd.DataFrame, shifted: Corpus, window_days: int) -> pd.DataFrame:
    """Expressions whose resolution differs between ``expressions`` (:func:`find_temporal_expressions`
    of a corpus) and the same corpus with other publication dates, ``shifted``: what moves when a
    date assumption changes."""
    a = expressions
    b = find_temporal_expressions(shifted, window_days)
    keys = ["article_id", "sentence_no", "start", "end", "text"]  # not the rule: a quotation's today may change it
    both = a.merge(b, on=keys, suffixes=("", "_shifted"))
    moved = both[(both["value"] != both["value_shifted"]) | (both["direction"] != both["direction_shifted"])]
    return moved[keys[:1] + ["sentence_no", "text", "dct", "value", "direction", "dct_shifted", "value_shifted",
                             "direction_shifted"]].reset_index(drop=True)
