"""The analyses of notebooks 00–04 run on a data folder without the notebooks: every findings
list and every figure's plot frame, as the notebooks compute them (same functions, same
assumptions), so that tests can check them at corpus sizes too many to execute notebooks for."""
from __future__ import annotations

from pathlib import Path

from helpers import export_controls as ec
from helpers import overview, parties, quotes, reference, temporal, tone
from helpers import stakeholders as st
from helpers import timeline as tl
from helpers.assumptions import load_assumptions
from helpers.corpus import load_corpus
from helpers.mentions import find_mentions
from helpers.plots import corpus as plot_corpus
from helpers.plots import export_controls as plot_export
from helpers.plots import network as plot_network
from helpers.plots import timeline as plot_timeline
from helpers.plots import tone as plot_tone


def analyse(data: Path) -> dict:
    """``{"findings": {notebook: [sentences]}, "figures": {name: (draw function, frame)}}``."""
    a = load_assumptions(data / "assumptions.yaml")
    corpus = load_corpus(data, assumptions=a, use_cache=False)
    gaz, hedges, cues = reference.load("stakeholders", data), reference.load("hedge_cues", data), \
        reference.load("attribution_cues", data)
    context = reference.load("context_events", data)
    mentions = find_mentions(corpus, gaz)
    findings, figures = {}, {}

    findings["00"] = overview.overview_findings(corpus)
    figures["00-sentence-voices"] = (plot_corpus.draw_voice_strip, overview.voice_plot_data(corpus, a["corpus.figure_max_rows"]))

    window = a["timeline.tense_window_days"]
    expressions = temporal.find_temporal_expressions(corpus, window)
    events = tl.build_events(corpus, expressions, mentions, tl.StatusCues.from_tables(hedges, cues),
                             a["timeline.min_clause_words"])
    timeline = tl.merge_events(events)
    coverage = tl.context_coverage(context, corpus, expressions)
    checks = tl.check_corpus_dates(timeline, context)
    deadlines = tl.deadlines(context, ["deadline_sept15", "eo_prohibitions_effective"])
    days = tl.days_to(deadlines, corpus.articles)
    shift = a["timeline.sensitivity_shift_days"]
    shifted = load_corpus(data, published=tl.shifted_dates(corpus.articles, shift), assumptions=a, use_cache=False)
    moved = tl.resolution_shift(expressions, shifted, window)
    findings["01"] = tl.timeline_findings(expressions, timeline, coverage, checks, days, moved, shift)
    start, end = tl.window_dates(("2020-07-25", "2020-12-12"))
    figures["01-deal-timeline"] = (plot_timeline.draw_timeline, tl.timeline_plot_data(
        timeline, context, start, end, deadlines, corpus.articles, a["timeline.figure_max_labels"]))

    world = parties.open_world(corpus, mentions, gaz, cues)
    speech = quotes.find_speech(corpus, world.mentions, world.parties, cues, a["corpus.scare_quote_max_words"])
    places = set(world.parties.loc[world.parties["type"] == "place", "stakeholder_id"])
    relations = st.find_relations(corpus, world.mentions, reference.load("relation_patterns", data), hedges)
    speakers = quotes.sentence_speakers(corpus, speech.quotes, world.parties)
    table = st.stakeholder_table(corpus, world.mentions, world.parties, speakers, speech.quotes)
    co, rel = st.networks(world.mentions, relations, exclude=places, min_weight=a["stakeholders.network_min_weight"])
    findings["02"] = st.stakeholder_findings(table, st.centrality_table(co, rel), st.relation_summary(relations),
                                             st.article_disagreements(relations), world.set_aside, len(corpus.articles))
    figures["02-stakeholder-network"] = (plot_network.draw_network,
                                         st.network_plot_data(co, relations, table, a["stakeholders.network_max_parties"]))
    figures["02-role-by-article"] = (plot_network.draw_role_matrix, st.role_matrix_plot_data(
        world.mentions, table, corpus.articles, a["stakeholders.figure_max_columns"], a["stakeholders.figure_max_parties"]))

    export_part(data, a, corpus, findings, figures)

    voices = tone.attribute(corpus, world.mentions, world.parties, cues, speech)
    sure = tone.certainty(corpus, voices, hedges)
    sentences = tone.tone_sentences(corpus, voices, sure, a["tone.gdelt_lexicon"], a["tone.min_english_share"],
                                    a["tone.language_test_min_words"])
    tsummary = tone.summarise(sentences, world.mentions, 500, a["tone.bootstrap_seed"], a["tone.interval_level"])
    thresholds = {m: a[f"tone.{m.split('_')[0]}_threshold"] for m in ("vader_compound", "textblob_polarity", "gdelt_tone")}
    labels = world.parties.set_index("stakeholder_id")["label"].to_dict()
    findings["04"] = tone.findings(sentences, tsummary, tone.method_agreement(sentences, thresholds),
                                   a["tone.vader_threshold"], a["tone.min_sentences_per_stakeholder"], labels)
    figures["04-tone-strip"] = (plot_tone.draw_tone_strip, tone.tone_strip_plot_data(
        sentences, corpus.articles, a["tone.figure_max_rows"], a["tone.vader_threshold"]))
    figures["04-stakeholder-tone"] = (plot_tone.draw_stakeholder_tone, tone.stakeholder_tone_plot_data(
        tsummary, labels, a["tone.min_sentences_per_stakeholder"], a["tone.figure_max_parties"]))
    figures["04-method-agreement"] = (plot_tone.draw_agreement, tone.agreement_plot_data(sentences))
    return {"findings": findings, "figures": figures, "corpus": corpus}


def export_part(data, a, corpus, findings, figures):
    """Notebook 03 (the export model is corpus-independent but for its evidence sentences)."""
    ref = reference.load_export(data)
    scen, sens, draws = ec.scenarios(ref, a), ec.sensitivity(ref, a), ec.monte_carlo(ref, a, n=2000)
    summary = ec.monte_carlo_summary(draws, a["export.monte_carlo_interval"])
    findings["03"] = ec.findings(scen, sens, draws, ec.find_evidence(corpus, ref), ref, a)
    paths_data = ec.paths_plot_data(summary, scen)
    figures["03-deal-paths"] = (plot_export.draw_paths, paths_data)
    for side in ("us_owners", "bytedance"):
        figures[f"03-value-{side.replace('_', '-')}"] = (plot_export.draw_paths, ec.one_side(paths_data, side))
