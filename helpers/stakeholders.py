"""Who is in the story: typed relations between the parties, who speaks, and the networks.

Frames (offsets are ``[start, end)`` into the raw article text):

``gazetteer`` (``data/reference/stakeholders.csv``, loaded by :mod:`helpers.reference`)
    ``stakeholder_id, name, label`` (short, for charts), ``type, country, role_in_deal, aliases``
    (``|``-separated surface forms), ``source``.
``relations`` (:func:`find_relations`)
    ``article_id, sentence_no, start, end, source_id, relation, family, target_id, pattern_id,
    hedged, hedge_cues, evidence``: typed, directed ties from ``data/reference/relation_patterns.csv``.
``speakers`` (:func:`quote_speakers`), the stakeholder ``table``, the ``centrality`` table and the
networks, built from the mentions of :mod:`helpers.mentions`.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat

import networkx as nx
import numpy as np
import pandas as pd

from helpers.corpus import QUOTE_PAIRS, Corpus
from helpers.mentions import AliasMatcher
from helpers.reference import compile_relation_pattern, cue_regex, speech_verb_regex
from helpers.text import counted, md_text

RELATION_COLUMNS = ["article_id", "sentence_no", "start", "end", "source_id", "relation", "family", "target_id",
                    "pattern_id", "hedged", "hedge_cues", "evidence"]


# --------------------------------------------------------------------------------------------
# Relations

def mask_mentions(text: str, offset: int, spans: list[tuple[int, int, str]]) -> tuple[str, list[str]]:
    """``text`` with each mention replaced by ``⟨i⟩``; returns it and the ids in order."""
    out, ids, pos = [], [], offset
    for s, e, sid in spans:
        if s < pos:
            continue
        out.append(text[pos - offset:s - offset])
        out.append(f"⟨{len(ids)}⟩")
        ids.append(sid)
        pos = e
    out.append(text[pos - offset:])
    return "".join(out), ids


def _clause_before(masked: str, position: int) -> str:
    """The part of the sentence before ``position`` (from the last sentence break, for paragraph scope)."""
    head = masked[:position]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    return head[cut + 1:] if cut >= 0 else head


def find_relations(corpus: Corpus, mentions: pd.DataFrame, patterns: pd.DataFrame, cues: pd.DataFrame) -> pd.DataFrame:
    """Typed, directed relations between stakeholders, each with its evidence and a hedge flag.

    Patterns of scope ``sentence`` read one sentence; ``paragraph`` patterns read a whole
    paragraph (for ties a writer spreads over two sentences). A relation is *hedged* when the
    matched words hold a hedge cue ("would have chosen") or a conditional or reported frame
    precedes them in the sentence ("If ...", "According to the report, ...").
    """
    compiled = [(r.pattern_id, r.relation, r.family, r.scope, compile_relation_pattern(r.pattern)) for r in patterns.itertuples()]
    hedges = cue_regex(cues)
    framing = cue_regex(cues[cues["kind"].isin(["conditional", "reported", "evidential"])])
    by_article = {}
    for aid, part in mentions.sort_values(["article_id", "start"]).groupby("article_id", sort=False):
        by_article[aid] = (part["start"].to_numpy(), list(zip(part["start"], part["end"], part["stakeholder_id"])))
    s = corpus.sentences
    units = list(zip(repeat("sentence"), s["article_id"].tolist(), s["sentence_no"].tolist(),
                     s["start"].tolist(), s["end"].tolist(), s["text"].tolist()))
    if any(scope == "paragraph" for _, _, _, scope, _ in compiled):
        para_first = corpus.sentences.groupby(["article_id", "paragraph_no"])["sentence_no"].min()
        p = corpus.paragraphs
        firsts = [int(para_first.get(key, 0)) for key in zip(p["article_id"], p["paragraph_no"])]
        units += list(zip(repeat("paragraph"), p["article_id"], firsts, p["start"], p["end"], p["text"]))
    rows = []
    for scope, aid, sentence_no, start, end, text in units:
        if aid not in by_article:
            continue
        starts, spans = by_article[aid]
        lo, hi = np.searchsorted(starts, start), np.searchsorted(starts, end)
        inside = [sp for sp in spans[lo:hi] if sp[1] <= end]
        if len({sp[2] for sp in inside}) < 2:
            continue
        masked, ids = mask_mentions(text, start, inside)
        for pattern_id, relation, family, pattern_scope, regex in compiled:
            if pattern_scope != scope:
                continue
            for m in regex.finditer(masked):
                a, b = ids[int(m["a"])], ids[int(m["b"])]
                if a == b:
                    continue
                found = sorted({h.group(0).casefold() for h in hedges.finditer(masked, m.start(), m.end())}
                               | {h.group(0).casefold() for h in framing.finditer(_clause_before(masked, m.start()))})
                rows.append({"article_id": aid, "sentence_no": int(sentence_no), "start": int(start), "end": int(end),
                             "source_id": a, "relation": relation, "family": family, "target_id": b,
                             "pattern_id": pattern_id,
                             "hedged": bool(found), "hedge_cues": "; ".join(found), "evidence": text})
    frame = pd.DataFrame(rows, columns=RELATION_COLUMNS)
    frame = frame.drop_duplicates(["article_id", "start", "source_id", "relation", "target_id"])
    return frame.sort_values(["article_id", "start", "relation", "source_id", "target_id"]).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Tables and networks


def quote_speakers(corpus: Corpus, mentions: pd.DataFrame, gazetteer: pd.DataFrame, cues: pd.DataFrame) -> pd.DataFrame:
    """Who speaks each direct quote and embedded post: ``article_id, sentence_no, speaker_id, cue``.

    For a quote, the stakeholder mentioned outside the quotation marks nearest to a speech verb
    (the ``speech verb`` rows of the attribution cues: said, says, told, stated...) in the same
    paragraph; for an embedded post, its author as the gazetteer knows them. Unknown speakers
    are ``unknown``.
    """
    matcher = AliasMatcher.from_gazetteer(gazetteer)
    verbs = speech_verb_regex(cues)
    s = corpus.sentences
    rows = []
    for (aid, pno), part in s[s["voice"].isin(["direct_quote", "embedded_post"])].groupby(["article_id", "paragraph_no"]):
        para = corpus.paragraphs[(corpus.paragraphs["article_id"] == aid) & (corpus.paragraphs["paragraph_no"] == pno)].iloc[0]
        speaker, cue = "unknown", ""
        if para["kind"] == "embedded_post":
            author = para["post_author"] or ""
            try:
                speaker, cue = matcher.owner_of(author), f"post signature: {author} ({para['post_handle']})"
            except KeyError:
                speaker, cue = (author or "unknown"), f"post signature: {author} ({para['post_handle']})"
        else:
            text = corpus.texts[aid]
            quoted = [(m.start(), m.end()) for m in QUOTE_PAIRS.finditer(text, para["start"], para["end"])]
            outside = [m for m in mentions.itertuples(index=False)
                       if m.article_id == aid and para["start"] <= m.start < para["end"]
                       and not any(qs <= m.start < qe for qs, qe in quoted)]
            verb_hits = list(verbs.finditer(text, para["start"], para["end"]))
            if outside and verb_hits:
                best = min(((abs(m.start - v.start()), m, v) for m in outside for v in verb_hits), key=lambda t: t[0])
                _, m, v = best
                lo, hi = min(m.start, v.start()), max(m.end, v.end())
                speaker, cue = m.stakeholder_id, text[lo:hi]
        for r in part.itertuples(index=False):
            rows.append({"article_id": aid, "sentence_no": r.sentence_no, "speaker_id": speaker, "cue": cue})
    return pd.DataFrame(rows, columns=["article_id", "sentence_no", "speaker_id", "cue"])


def stakeholder_table(corpus: Corpus, mentions: pd.DataFrame, gazetteer: pd.DataFrame,
                      speakers: pd.DataFrame) -> pd.DataFrame:
    """Per stakeholder: mentions per article, first appearance, share of sentences, quoted or not."""
    g = gazetteer.set_index("stakeholder_id")
    n_sent = len(corpus.sentences)
    counts = mentions.pivot_table(index="stakeholder_id", columns="article_id", values="start", aggfunc="size",
                                  fill_value=0)
    counts.columns = [f"mentions_{c[:3]}" for c in counts.columns]
    first = (mentions.sort_values(["article_id", "sentence_no"]).groupby("stakeholder_id").first()
             [["article_id", "sentence_no"]].rename(columns={"article_id": "first_article", "sentence_no": "first_sentence_no"}))
    sentences_with = mentions.drop_duplicates(["stakeholder_id", "article_id", "sentence_no"]).groupby("stakeholder_id").size()
    articles_with = mentions.groupby("stakeholder_id")["article_id"].nunique()
    quoted = speakers[speakers["speaker_id"] != "unknown"].groupby("speaker_id").size()
    out = g[["name", "label", "type", "role_in_deal"]].join(counts, how="left").fillna(
        {c: 0 for c in counts.columns})
    out["mentions"] = out[list(counts.columns)].sum(axis=1).astype("int64")
    out["articles"] = articles_with.reindex(out.index).fillna(0).astype("int64")
    out["sentences"] = sentences_with.reindex(out.index).fillna(0).astype("int64")
    out["share_of_sentences"] = (out["sentences"] / n_sent).round(3)
    out["n_sentences_corpus"] = n_sent
    out = out.join(first)
    out["quoted_sentences"] = quoted.reindex(out.index).fillna(0).astype("int64")
    out["voice"] = np.where(out["quoted_sentences"] > 0, "quoted", np.where(out["mentions"] > 0, "talked about", "absent"))
    for c in counts.columns:
        out[c] = out[c].astype("int64")
    out.index.name = "stakeholder_id"
    return out.reset_index().sort_values(["mentions", "stakeholder_id"], ascending=[False, True]).reset_index(drop=True)


def cooccurrence_edges(mentions: pd.DataFrame, exclude: Iterable[str] = ()) -> pd.DataFrame:
    """Pairs of stakeholders named in the same sentence: ``a, b, weight, articles``.

    ``weight`` is the number of sentences that name both (a sentence counts once per pair,
    however often it repeats either name); ``a < b`` alphabetically.
    """
    exclude = set(exclude)
    m = mentions[~mentions["stakeholder_id"].isin(exclude)].drop_duplicates(["article_id", "sentence_no", "stakeholder_id"])
    pairs = m.merge(m, on=["article_id", "sentence_no"])
    pairs = pairs[pairs["stakeholder_id_x"] < pairs["stakeholder_id_y"]]
    edges = (pairs.groupby(["stakeholder_id_x", "stakeholder_id_y"])
             .agg(weight=("sentence_no", "size"), articles=("article_id", "nunique")).reset_index()
             .rename(columns={"stakeholder_id_x": "a", "stakeholder_id_y": "b"}))
    return edges.sort_values(["a", "b"]).reset_index(drop=True)


def networks(mentions: pd.DataFrame, relations: pd.DataFrame, exclude: Iterable[str] = (),
             min_weight: int = 1) -> tuple[nx.Graph, nx.MultiDiGraph]:
    """The co-occurrence graph (weighted, undirected; ties of at least ``min_weight`` shared
    sentences) and the typed-relation graph (directed, one edge per evidence)."""
    exclude = set(exclude)
    co = nx.Graph()
    co.add_nodes_from(sorted(set(mentions["stakeholder_id"]) - exclude))
    for r in cooccurrence_edges(mentions, exclude).itertuples(index=False):
        if r.weight < min_weight:
            continue
        co.add_edge(r.a, r.b, weight=int(r.weight), articles=int(r.articles))
    rel = nx.MultiDiGraph()
    rel.add_nodes_from(sorted(set(mentions["stakeholder_id"]) - exclude))
    for r in relations.itertuples(index=False):
        if r.source_id not in exclude and r.target_id not in exclude:
            rel.add_edge(r.source_id, r.target_id, relation=r.relation, hedged=bool(r.hedged))
    return co, rel


def centrality_table(co: nx.Graph, rel: nx.MultiDiGraph) -> pd.DataFrame:
    """Degree, betweenness and eigenvector centrality on the co-occurrence graph, plus relation degrees.

    Degree and betweenness ignore weights (who is tied to whom); eigenvector centrality uses the
    co-occurrence weights and is computed per connected component (it is undefined across them).
    """
    degree = nx.degree_centrality(co)
    strength = dict(co.degree(weight="weight"))
    between = nx.betweenness_centrality(co, normalized=True)
    eigen = {}
    for comp in nx.connected_components(co):
        sub = co.subgraph(comp)
        if sub.number_of_edges() == 0:
            eigen.update({n: 0.0 for n in comp})
            continue
        values = nx.eigenvector_centrality(sub, weight="weight", max_iter=1000, tol=1e-10)
        scale = len(comp) / co.number_of_nodes()
        eigen.update({n: v * scale for n, v in values.items()})
    simple = nx.DiGraph(rel)
    rows = [{"stakeholder_id": n, "degree": round(degree[n], 4), "weighted_degree": int(strength[n]),
             "betweenness": round(between[n], 4), "eigenvector": round(eigen[n], 4),
             "relations_out": int(rel.out_degree(n)), "relations_in": int(rel.in_degree(n)),
             "related_to": int(len(set(simple.successors(n)) | set(simple.predecessors(n))))}
            for n in sorted(co.nodes)]
    return pd.DataFrame(rows).sort_values(["betweenness", "degree", "stakeholder_id"],
                                          ascending=[False, False, True]).reset_index(drop=True)


def relation_summary(relations: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct tie (source, relation, target) with its support across articles.

    ``n_evidence`` sentences in ``n_articles`` articles; ``n_hedged`` of them hedged;
    ``single_hedged`` marks a tie that rests on one hedged sentence only.
    """
    if relations.empty:
        return pd.DataFrame(columns=["source_id", "relation", "target_id", "n_evidence", "n_articles",
                                     "n_hedged", "single_hedged", "articles"])
    g = relations.groupby(["source_id", "relation", "target_id"])
    out = g.agg(n_evidence=("start", "size"), n_articles=("article_id", "nunique"),
                n_hedged=("hedged", "sum"),
                articles=("article_id", lambda s: ", ".join(sorted({a[:3] for a in s})))).reset_index()
    out["n_hedged"] = out["n_hedged"].astype("int64")
    out["single_hedged"] = (out["n_evidence"] == 1) & (out["n_hedged"] == 1)
    return out.sort_values(["n_evidence", "source_id", "relation", "target_id"],
                           ascending=[False, True, True, True]).reset_index(drop=True)


def article_disagreements(relations: pd.DataFrame, articles: Iterable[str]) -> pd.DataFrame:
    """Ties that the articles report differently: asserted in one and hedged in another, or
    reported by some articles and not others. One row per tie with the status in each article."""
    articles = sorted(articles)
    if relations.empty or len(articles) < 2:
        return pd.DataFrame(columns=["source_id", "relation", "target_id", *articles])
    status = (relations.assign(state=np.where(relations["hedged"], "hedged", "asserted"))
              .groupby(["source_id", "relation", "target_id", "article_id"])["state"]
              .agg(lambda s: "asserted" if (s == "asserted").any() else "hedged").unstack("article_id"))
    status = status.reindex(columns=articles).fillna("absent")
    differs = status.nunique(axis=1) > 1
    out = status[differs].reset_index()
    out.columns.name = None
    return out


# --------------------------------------------------------------------------------------------
# Plot data (drawn by helpers.plots.network)

LAYOUT_SEED = 20200913  # fixed, so the static network is drawn the same way on every run


def layout(co: nx.Graph, rel: nx.MultiDiGraph | None = None) -> dict[str, tuple[float, float]]:
    """Fixed node positions. The largest connected part (of co-occurrence and typed ties together)
    gets a seeded spring layout in the unit square; smaller parts and loners sit in a row below it."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(co.nodes))
    graph.add_weighted_edges_from(sorted((a, b, d["weight"]) for a, b, d in co.edges(data=True)))
    if rel is not None:
        for a, b in sorted({tuple(sorted(e[:2])) for e in rel.edges}):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=1)
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    pos: dict[str, tuple[float, float]] = {}
    if not parts:
        return pos
    main = graph.subgraph(parts[0])
    spring = nx.spring_layout(main, seed=LAYOUT_SEED, weight=None, k=2.2 / max(1, len(parts[0])) ** 0.5,
                              iterations=500, scale=1.0)
    pos.update({n: (float(x), float(y)) for n, (x, y) in spring.items()})
    rest = [n for part in parts[1:] for n in part]
    for i, n in enumerate(rest):
        x = -1.0 + 2.0 * (i + 0.5) / len(rest)
        pos[n] = (x, -1.45)
    return {n: (round(x, 4), round(y, 4)) for n, (x, y) in sorted(pos.items())}


def network_nodes_edges(co: nx.Graph, relations: pd.DataFrame, table: pd.DataFrame
                        ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (id, name, type, role, mentions, x, y) and edges (co-occurrence and typed) as plotted."""
    rel = nx.MultiDiGraph()
    if not relations.empty:
        rel.add_edges_from(zip(relations["source_id"], relations["target_id"]))
        rel.remove_nodes_from([n for n in list(rel.nodes) if n not in co])
    pos = layout(co, rel)
    t = table.set_index("stakeholder_id")
    nodes = pd.DataFrame([{"stakeholder_id": n, "name": t.loc[n, "label"], "type": t.loc[n, "type"],
                           "role_in_deal": t.loc[n, "role_in_deal"], "mentions": int(t.loc[n, "mentions"]),
                           "x": pos[n][0], "y": pos[n][1]} for n in sorted(co.nodes)])
    edges = [{"kind": "co-occurrence", "source_id": a, "target_id": b, "relation": "", "family": "",
              "weight": int(d["weight"]), "hedged": False, "evidence": ""}
             for a, b, d in sorted(co.edges(data=True))]
    if not relations.empty:
        rel = relations[relations["source_id"].isin(pos) & relations["target_id"].isin(pos)]
        for (a, relation, family, b), part in rel.groupby(["source_id", "relation", "family", "target_id"], sort=True):
            edges.append({"kind": "relation", "source_id": a, "target_id": b, "relation": relation, "family": family,
                          "weight": int(len(part)), "hedged": bool(part["hedged"].all()),
                          "evidence": " | ".join(f"[{r.article_id[:3]} s{r.sentence_no}] {r.evidence}"
                                                 for r in part.itertuples())})
    columns = ["kind", "source_id", "target_id", "relation", "family", "weight", "hedged", "evidence"]
    return nodes, pd.DataFrame(edges, columns=columns)  # the columns even when no two parties share a sentence


def network_plot_data(co: nx.Graph, relations: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """What both network figures draw, as one table, enough to draw them again: a row per node
    (``kind`` node; its position, type, role and mentions, isolated parties included) and a row
    per edge (``kind`` co-occurrence or relation; both endpoints' positions, weight, relation and
    evidence)."""
    nodes, edges = network_nodes_edges(co, relations, table)
    at = nodes.set_index("stakeholder_id")[["x", "y"]]
    node_rows = nodes.assign(kind="node")
    edge_rows = edges.assign(x_source=list(at.loc[edges["source_id"], "x"]), y_source=list(at.loc[edges["source_id"], "y"]),
                             x_target=list(at.loc[edges["target_id"], "x"]), y_target=list(at.loc[edges["target_id"], "y"]))
    columns = ["kind", "stakeholder_id", "name", "type", "role_in_deal", "mentions", "x", "y", "source_id", "target_id",
               "relation", "family", "weight", "hedged", "evidence", "x_source", "y_source", "x_target", "y_target"]
    return pd.concat([node_rows, edge_rows], ignore_index=True).reindex(columns=columns)


def role_matrix_plot_data(table: pd.DataFrame) -> pd.DataFrame:
    """What the role-by-article figure draws: mentions per party (named at least once) and article,
    with its role; ``attrs["labels"]`` holds each party's short label for the chart."""
    shown = table[table["mentions"] > 0]
    plotted = shown[["stakeholder_id", "name", "role_in_deal", "mentions"]
                    + [c for c in table.columns if c.startswith("mentions_")]].copy()
    plotted.attrs["labels"] = dict(zip(shown["stakeholder_id"], shown["label"]))
    return plotted


def stakeholder_findings(table: pd.DataFrame, centrality: pd.DataFrame, summary: pd.DataFrame,
                         disagreements: pd.DataFrame, candidates: pd.DataFrame, n_articles: int) -> list[str]:
    """Notebook 02's findings, computed from its tables (never typed by hand)."""
    names = table.set_index("stakeholder_id")["label"].to_dict()
    lines = []
    present = table[(table["mentions"] > 0) & (table["type"] != "place")]
    everywhere = int((present["articles"] == n_articles).sum())
    lines.append(f"**{counted(len(present), 'stakeholder')}** (places aside) are named or described in "
                 f"{counted(n_articles, 'article')} ({counted(int(present['mentions'].sum()), 'mention')})"
                 + (f"; {everywhere} appear in every article." if n_articles > 1 else "."))
    if not centrality.empty:
        top = centrality.iloc[0]
        lines.append(f"**{names[top['stakeholder_id']]}** is the most central party: betweenness "
                     f"{top['betweenness']:.2f}, sharing a sentence with {int(round(top['degree'] * (len(centrality) - 1)))} "
                     f"of the other {len(centrality) - 1} parties in the co-occurrence network.")
    quoted = present[present["voice"] == "quoted"]
    lines.append(f"Only {len(quoted)} of {len(present)} speak in their own words (direct quote or post): "
                 f"{', '.join(names[s] for s in quoted['stakeholder_id'])}; the rest are talked about." if len(quoted)
                 else f"None of the {len(present)} speaks in its own words (no direct quote or post): all are talked "
                 "about.")
    single = summary[summary["single_hedged"]] if not summary.empty else summary
    lines.append(f"{counted(len(summary), 'distinct typed tie')}; **{len(single)} "
                 f"{'rests' if len(single) == 1 else 'rest'} on a single hedged sentence**"
                 + (": " + "; ".join(f"{names[r.source_id]} {r.relation} {names[r.target_id]}"
                                     for r in single.itertuples()) if len(single) else "") + ".")
    if n_articles > 1:
        everywhere = summary[summary["n_articles"] == n_articles] if not summary.empty else summary
        both = disagreements[(disagreements.drop(columns=["source_id", "relation", "target_id"]) != "absent").all(axis=1)]
        lines.append(f"Only {len(everywhere)} of {len(summary)} ties {'is' if len(everywhere) == 1 else 'are'} reported "
                     f"by every article; **{len(both)} of those {'differs' if len(both) == 1 else 'differ'} in "
                     "certainty** between articles"
                     + (": " + "; ".join(f"{names[r.source_id]} {r.relation} {names[r.target_id]}"
                                         for r in both.itertuples()) if len(both) else "")
                     + ". A tie in one article only is not a contradiction, just a gap.")
    lines.append(f"{counted(len(candidates), 'name')} in the text {'is' if len(candidates) == 1 else 'are'} "
                 "not in the gazetteer"
                 + (f" ({', '.join(md_text(n) for n in sorted(set(candidates['name'])))})" if len(candidates) else "")
                 + ".")
    return lines
