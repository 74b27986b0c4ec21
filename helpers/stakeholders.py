"""Who is in the story: typed relations between the parties, the stakeholder table, and the networks.

Frames (offsets are ``[start, end)`` into the raw article text):

``gazetteer`` (``data/reference/stakeholders.csv``, loaded by :mod:`helpers.reference`)
    ``stakeholder_id, name, label`` (short, for charts), ``type, country, role_in_deal, aliases``
    (``|``-separated surface forms), ``source``; the ``parties`` of :func:`helpers.parties.open_world`
    are its rows and the provisional ones (``reviewed`` False), in the same columns.
``relations`` (:func:`find_relations`)
    ``article_id, sentence_no, start, end, source_id, relation, family, target_id, pattern_id,
    hedged, hedge_cues, evidence``: typed, directed ties from ``data/reference/relation_patterns.csv``.
The stakeholder ``table``, the ``centrality`` table and the networks, built from the mentions of
every party (:mod:`helpers.parties`) and who speaks (:func:`helpers.quotes.sentence_speakers`).
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat

import networkx as nx
import numpy as np
import pandas as pd

from helpers.corpus import Corpus
from helpers.tables import compile_relation_pattern, cue_regex
from helpers.text import counted, md_text, some

RELATION_COLUMNS = ["relation_id", "article_id", "article_label", "sentence_no", "start", "end", "source_id", "relation",
                    "family", "target_id", "pattern_id", "hedged", "hedge_cues", "evidence"]


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
    labels = dict(zip(corpus.articles["article_id"], corpus.articles["label"]))
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
                rows.append({"relation_id": f"{aid}:{int(start)}:{pattern_id}:{a}>{b}", "article_id": aid,
                             "article_label": labels[aid], "sentence_no": int(sentence_no), "start": int(start), "end": int(end),
                             "source_id": a, "relation": relation, "family": family, "target_id": b,
                             "pattern_id": pattern_id,
                             "hedged": bool(found), "hedge_cues": "; ".join(found), "evidence": text})
    frame = pd.DataFrame(rows, columns=RELATION_COLUMNS)
    frame = frame.drop_duplicates(["article_id", "start", "source_id", "relation", "target_id"])
    return frame.sort_values(["article_id", "start", "relation", "source_id", "target_id"]).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Tables and networks


def stakeholder_table(corpus: Corpus, mentions: pd.DataFrame, parties: pd.DataFrame, speakers: pd.DataFrame,
                      quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per party (the gazetteer's reviewed rows and the provisional ones of
    :func:`helpers.parties.open_world`): ``reviewed``, mentions, articles and sentences naming it,
    first appearance, share of sentences, the sentences it speaks (``speakers``: quotations and
    posts) and its ``quotes`` (every quotation attributed to it, partial ones too), and whether it
    is quoted or only talked about (mentions per article are in the mentions frame, one row each)."""
    g = parties.set_index("stakeholder_id")
    n_sent = len(corpus.sentences)
    counts = mentions.groupby("stakeholder_id").size()
    first = (mentions.sort_values(["article_id", "sentence_no"]).groupby("stakeholder_id").first()
             [["article_id", "sentence_no"]].rename(columns={"article_id": "first_article", "sentence_no": "first_sentence_no"}))
    sentences_with = mentions.drop_duplicates(["stakeholder_id", "article_id", "sentence_no"]).groupby("stakeholder_id").size()
    articles_with = mentions.groupby("stakeholder_id")["article_id"].nunique()
    quoted = speakers[speakers["speaker_id"] != "unknown"].groupby("speaker_id").size()
    out = g[["name", "label", "type", "role_in_deal"]].copy()
    out.insert(4, "reviewed", g["reviewed"].astype(bool) if "reviewed" in g.columns else True)
    out["mentions"] = counts.reindex(out.index).fillna(0).astype("int64")
    out["articles"] = articles_with.reindex(out.index).fillna(0).astype("int64")
    out["sentences"] = sentences_with.reindex(out.index).fillna(0).astype("int64")
    out["share_of_sentences"] = (out["sentences"] / n_sent).round(3)
    out["n_sentences_corpus"] = n_sent
    out = out.join(first)
    out["quoted_sentences"] = quoted.reindex(out.index).fillna(0).astype("int64")
    said = (quotes[quotes["speaker_id"] != "unknown"].groupby("speaker_id").size()
            if quotes is not None and len(quotes) else pd.Series(dtype="int64"))
    out["quotes"] = said.reindex(out.index).fillna(0).astype("int64")
    out["voice"] = np.where((out["quoted_sentences"] > 0) | (out["quotes"] > 0), "quoted",
                            np.where(out["mentions"] > 0, "talked about", "absent"))
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
        return pd.DataFrame(columns=["tie_id", "source_id", "relation", "target_id", "n_evidence", "n_articles",
                                     "n_hedged", "single_hedged", "articles"])
    g = relations.groupby(["source_id", "relation", "target_id"])
    out = g.agg(n_evidence=("start", "size"), n_articles=("article_id", "nunique"),
                n_hedged=("hedged", "sum"),
                articles=("article_label", lambda s: ", ".join(sorted(set(s))))).reset_index()
    out.insert(0, "tie_id", out["source_id"] + "|" + out["relation"] + "|" + out["target_id"])  # unique: the group keys
    out["n_hedged"] = out["n_hedged"].astype("int64")
    out["single_hedged"] = (out["n_evidence"] == 1) & (out["n_hedged"] == 1)
    return out.sort_values(["n_evidence", "source_id", "relation", "target_id"],
                           ascending=[False, True, True, True]).reset_index(drop=True)


def article_disagreements(relations: pd.DataFrame) -> pd.DataFrame:
    """Ties that more than one article reports, and how sure each is of it: the articles that
    assert it and those that only hedge it (a tie an article does not report is a gap, not a
    disagreement). ``differs`` marks a tie asserted in one article and hedged in another."""
    columns = ["tie_id", "source_id", "relation", "target_id", "n_articles", "n_asserted", "n_hedged", "differs",
               "asserted_in", "hedged_in"]
    if relations.empty:
        return pd.DataFrame(columns=columns)
    per_article = (relations.groupby(["source_id", "relation", "target_id", "article_id", "article_label"])["hedged"]
                   .all().rename("only_hedged").reset_index())
    rows = []
    for (source, relation, target), part in per_article.groupby(["source_id", "relation", "target_id"], sort=True):
        if len(part) < 2:
            continue
        asserted, hedged = part[~part["only_hedged"]], part[part["only_hedged"]]
        rows.append({"tie_id": f"{source}|{relation}|{target}", "source_id": source, "relation": relation,
                     "target_id": target, "n_articles": len(part), "n_asserted": len(asserted), "n_hedged": len(hedged),
                     "differs": bool(len(asserted) and len(hedged)),
                     "asserted_in": ", ".join(sorted(asserted["article_label"])),
                     "hedged_in": ", ".join(sorted(hedged["article_label"]))})
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------------------------
# Plot data (drawn by helpers.plots.network)

LAYOUT_SEED = 20200913  # fixed, so the static network is drawn the same way on every run


def layout(co: nx.Graph, rel: nx.MultiDiGraph | None = None) -> dict[str, tuple[float, float]]:
    """Fixed node positions. The largest connected part (of co-occurrence and typed ties together)
    gets a seeded spring layout in the unit square; smaller parts and loners sit in a row just below it."""
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
    spring = nx.spring_layout(main, seed=LAYOUT_SEED, weight=None, k=3.0 / max(1, len(parts[0])) ** 0.5,
                              iterations=500, scale=1.0)
    pos.update({n: (float(x), float(y)) for n, (x, y) in spring.items()})
    rest = [n for part in parts[1:] for n in part]
    below = min(y for _, y in spring.values()) - 0.35  # just under the connected part, not a page below it
    for i, n in enumerate(rest):
        x = -1.0 + 2.0 * (i + 0.5) / len(rest)
        pos[n] = (x, below)
    return {n: (round(x, 4), round(y, 4)) for n, (x, y) in sorted(pos.items())}


def network_nodes_edges(co: nx.Graph, relations: pd.DataFrame, table: pd.DataFrame, max_parties: int | None = None
                        ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (id, name, type, role, mentions, x, y) and edges (co-occurrence and typed) as plotted:
    the ``max_parties`` parties named most often (all when None) and the ties among them."""
    if max_parties is not None and co.number_of_nodes() > max_parties:
        mentions = table.set_index("stakeholder_id")["mentions"]
        kept = sorted(co.nodes, key=lambda n: (-int(mentions.get(n, 0)), n))[:max_parties]
        co = co.subgraph(kept).copy()
    rel = nx.MultiDiGraph()
    if not relations.empty:
        rel.add_edges_from(zip(relations["source_id"], relations["target_id"]))
        rel.remove_nodes_from([n for n in list(rel.nodes) if n not in co])
    pos = layout(co, rel)
    t = table.set_index("stakeholder_id")
    nodes = pd.DataFrame([{"stakeholder_id": n, "name": t.loc[n, "label"], "type": t.loc[n, "type"],
                           "role_in_deal": t.loc[n, "role_in_deal"], "mentions": int(t.loc[n, "mentions"]),
                           "reviewed": bool(t.loc[n, "reviewed"]) if "reviewed" in t.columns else True,
                           "x": pos[n][0], "y": pos[n][1]} for n in sorted(co.nodes)],
                         columns=["stakeholder_id", "name", "type", "role_in_deal", "mentions", "reviewed", "x", "y"])
    edges = [{"kind": "co-occurrence", "source_id": a, "target_id": b, "relation": "", "family": "",
              "weight": int(d["weight"]), "hedged": False, "evidence": ""}
             for a, b, d in sorted(co.edges(data=True))]
    if not relations.empty:
        rel = relations[relations["source_id"].isin(pos) & relations["target_id"].isin(pos)]
        for (a, relation, family, b), part in rel.groupby(["source_id", "relation", "family", "target_id"], sort=True):
            edges.append({"kind": "relation", "source_id": a, "target_id": b, "relation": relation, "family": family,
                          "weight": int(len(part)), "hedged": bool(part["hedged"].all()),
                          "evidence": " | ".join(f"[{r.article_label} s{r.sentence_no}] {r.evidence}"
                                                 for r in part.itertuples())})
    columns = ["kind", "source_id", "target_id", "relation", "family", "weight", "hedged", "evidence"]
    return nodes, pd.DataFrame(edges, columns=columns)  # the columns even when no two parties share a sentence


def network_plot_data(co: nx.Graph, relations: pd.DataFrame, table: pd.DataFrame,
                      max_parties: int | None = None) -> pd.DataFrame:
    """What both network figures draw, as one table, enough to draw them again: a row per node
    (``kind`` node; its position, type, role and mentions, isolated parties included) and a row
    per edge (``kind`` co-occurrence or relation; both endpoints' positions, weight, relation and
    evidence). Only the ``max_parties`` parties named most often are drawn (all when None);
    ``attrs["left_out"]`` counts the others."""
    nodes, edges = network_nodes_edges(co, relations, table, max_parties)
    at = nodes.set_index("stakeholder_id")[["x", "y"]]
    node_rows = nodes.assign(kind="node")
    edge_rows = edges.assign(x_source=list(at.loc[edges["source_id"], "x"]), y_source=list(at.loc[edges["source_id"], "y"]),
                             x_target=list(at.loc[edges["target_id"], "x"]), y_target=list(at.loc[edges["target_id"], "y"]))
    columns = ["kind", "stakeholder_id", "name", "type", "role_in_deal", "mentions", "reviewed", "x", "y", "source_id",
               "target_id", "relation", "family", "weight", "hedged", "evidence", "x_source", "y_source", "x_target",
               "y_target"]
    out = pd.concat([node_rows, edge_rows], ignore_index=True).reindex(columns=columns)
    out.attrs["left_out"] = co.number_of_nodes() - len(nodes)
    return out


def role_matrix_plot_data(mentions: pd.DataFrame, table: pd.DataFrame, articles: pd.DataFrame,
                          max_columns: int, max_parties: int) -> pd.DataFrame:
    """What the role-by-article figure draws, in long form: mentions per party (row) and column.

    Columns are the articles (ordered by publication date) while there are at most
    ``max_columns``; else the weeks of publication (Mondays), or the months when the weeks are
    still too many. Rows are the ``max_parties`` parties named most often (places aside, with
    their role), and "all other parties" for the rest. Columns: ``row_id, row_label, role_in_deal,
    row_order, column_key, column_label, column_order, n_articles, mentions``; ``attrs["columns"]``
    says what a column is (article, week, month)."""
    named = table[(table["mentions"] > 0) & (table["type"] != "place")]
    top = named.sort_values(["mentions", "stakeholder_id"], ascending=[False, True]).head(max_parties)
    row_of = {sid: sid for sid in top["stakeholder_id"]}
    m = mentions[mentions["stakeholder_id"].isin(named["stakeholder_id"])].copy()
    m["row_id"] = m["stakeholder_id"].map(row_of).fillna("all_others")
    arts = articles[["article_id", "label", "published"]].sort_values(["published", "label"])
    if len(arts) <= max_columns:
        kind, key = "article", arts["article_id"]
        label = dict(zip(arts["article_id"], arts["label"]))
    else:
        weeks = arts["published"] - pd.to_timedelta(arts["published"].dt.day_of_week, unit="D")
        kind = "week" if weeks.nunique() <= max_columns else "month"
        key = weeks.dt.strftime("%Y-%m-%d") if kind == "week" else arts["published"].dt.strftime("%Y-%m")
        label = {k: (f"week of {k}" if kind == "week" else pd.Timestamp(k + "-01").strftime("%b %Y")) for k in key}
    column_of = dict(zip(arts["article_id"], key))
    order = {k: i for i, k in enumerate(dict.fromkeys(key))}
    n_articles = pd.Series(list(column_of.values())).value_counts()
    m["column_key"] = m["article_id"].map(column_of)
    counts = m.groupby(["row_id", "column_key"]).size()
    info = top.set_index("stakeholder_id")
    rows = []
    row_ids = list(top["stakeholder_id"]) + (["all_others"] if len(named) > len(top) else [])
    for i, rid in enumerate(row_ids):
        for ckey in order:
            rows.append({"row_id": rid,
                         "row_label": info.loc[rid, "label"] if rid in info.index
                         else f"all other parties ({len(named) - len(top)})",
                         "role_in_deal": info.loc[rid, "role_in_deal"] if rid in info.index else "",
                         "row_order": i, "column_key": ckey, "column_label": label[ckey], "column_order": order[ckey],
                         "n_articles": int(n_articles[ckey]), "mentions": int(counts.get((rid, ckey), 0))})
    plotted = pd.DataFrame(rows, columns=["row_id", "row_label", "role_in_deal", "row_order", "column_key",
                                          "column_label", "column_order", "n_articles", "mentions"])
    plotted.attrs["columns"] = kind
    return plotted


def network_caption(network: pd.DataFrame, n_articles: int, n_sentences: int) -> str:
    """The network figures' caption: what they draw, counted from their table."""
    kinds = network["kind"].value_counts()
    left_out = network.attrs.get("left_out", 0)
    nodes = network[network["kind"] == "node"]
    provisional = int((~nodes["reviewed"].astype(bool)).sum()) if "reviewed" in nodes else 0
    return (f"Stakeholders of the TikTok–Oracle coverage (n={n_articles} articles, {n_sentences} sentences): "
            f"{counted(int(kinds.get('node', 0)), 'party', 'parties')} ({provisional} provisional, drawn hollow: named in "
            f"the text, not yet in the gazetteer), {int(kinds.get('co-occurrence', 0))} same-sentence "
            f"ties and {int(kinds.get('relation', 0))} typed ties from relation patterns; dashed = hedged."
            + (f" The {counted(left_out, 'party', 'parties')} named least often {'is' if left_out == 1 else 'are'} "
               "left out of the drawing (the tables keep every party)." if left_out else ""))


def role_matrix_caption(plotted: pd.DataFrame, n_articles: int) -> str:
    """The role-by-article figure's caption: its rows and what its columns are."""
    per = {"article": "article", "week": "week of publication", "month": "month of publication"}[plotted.attrs["columns"]]
    others = plotted["row_id"].eq("all_others").any()
    shown = plotted.loc[plotted["row_id"] != "all_others", "row_id"].nunique()
    return (f"Mentions per party and {per} (n={n_articles} articles); rows grouped by role in the deal"
            + (f": the {shown} parties named most often, then all others." if others else "."))


def stakeholder_findings(table: pd.DataFrame, centrality: pd.DataFrame, summary: pd.DataFrame,
                         disagreements: pd.DataFrame, set_aside: pd.DataFrame, n_articles: int) -> list[str]:
    """Notebook 02's findings, computed from its tables (never typed by hand)."""
    names = {sid: md_text(label) for sid, label in zip(table["stakeholder_id"], table["label"])}
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
                 f"{some([names[s] for s in quoted['stakeholder_id']])}; the rest are talked about." if len(quoted)
                 else f"None of the {len(present)} speaks in its own words (no direct quote or post): all are talked "
                 "about.")
    single = summary[summary["single_hedged"]] if not summary.empty else summary
    lines.append(f"{counted(len(summary), 'distinct typed tie')}; **{len(single)} "
                 f"{'rests' if len(single) == 1 else 'rest'} on a single hedged sentence**"
                 + (": " + some([f"{names[r.source_id]} {md_text(r.relation)} {names[r.target_id]}"
                                 for r in single.itertuples()]) if len(single) else "") + ".")
    if n_articles > 1:
        both = disagreements[disagreements["differs"]]
        lines.append(f"{len(disagreements)} of {len(summary)} ties {'is' if len(disagreements) == 1 else 'are'} reported "
                     f"by more than one article; **{len(both)} of those {'differs' if len(both) == 1 else 'differ'} in "
                     "certainty** (asserted in one article, hedged in another)"
                     + (": " + some([f"{names[r.source_id]} {md_text(r.relation)} {names[r.target_id]}"
                                     for r in both.itertuples()]) if len(both) else "")
                     + ". A tie in one article only is not a contradiction, just a gap.")
    provisional = present[~present["reviewed"].astype(bool)].sort_values(["mentions", "stakeholder_id"],
                                                                       ascending=[False, True])
    reviewed = len(present) - len(provisional)
    if len(provisional):
        parties = (f"**{reviewed} of the {len(present)} are reviewed gazetteer parties; {len(provisional)} "
                   f"{'is' if len(provisional) == 1 else 'are'} provisional** (named in the text, not yet in the "
                   f"gazetteer: {some([names[s] for s in provisional['stakeholder_id']], 8)})")
    else:
        parties = f"**{'All ' if reviewed > 1 else ''}{reviewed} {'is a' if reviewed == 1 else 'are'} reviewed " \
                  f"gazetteer {'party' if reviewed == 1 else 'parties'}**; the text names no party the gazetteer lacks"
    kinds = {"place": ("place", "places"), "demonym": ("demonym", "demonyms"), "calendar": ("weekday or month",
             "weekdays and months"), "thing": ("product or document", "products and documents"),
             "platform": ("platform named as such", "platforms named as such"),
             "term": ("quoted term", "quoted terms"), "acronym": ("acronym", "acronyms"),
             "common": ("common word", "common words"), "credit": ("dateline", "datelines")}
    aside = set_aside["kind"].value_counts()
    if len(aside):
        parties += (f"; {counted(int(aside.sum()), 'other capitalised name')} "
                    f"{'is not a party' if int(aside.sum()) == 1 else 'are not parties'} ("
                    + some([counted(int(n), *kinds.get(k, (k, k + 's'))) for k, n in aside.items()], 8) + ")")
    lines.append(parties + ".")
    return lines
