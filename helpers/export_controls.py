"""Export-control impact: which TikTok functions China's list covers, and what each deal path keeps.

Reference tables (``data/reference/``, every row sourced):

``export_catalogue_items``  ``item_id, number, name_en, name_zh, control_point, scope, status, date, number_basis``
``export_catalogue_revision``  ``fact, value, unit``: the revision's headline facts
``tiktok_functions``  ``function_id, function, description``
``export_function_items``  ``function_id, item_id, rationale, confidence`` (high, medium, low)
``deal_paths``  ``path_id, path, transfers_*`` (yes/no), ``functions_transferred`` (``|``-separated),
    ``data_in_us, divests`` (yes, partial, no)
``export_keywords``  ``pattern, topic, function_id, item_id``: how evidence sentences are found

The model (pure functions of these frames and the ``export.*`` assumptions):

- a function is *restricted* when it maps to a catalogue item with at least
  ``export.mapping_min_confidence``;
- a path *needs a Chinese licence* when it transfers technology (code, models or algorithm rights)
  of a restricted function;
- a function's value is kept whole unless the path must export it under licence, in which case it
  is kept with the licence probability L, and otherwise rebuilt: ``r = L + (1 - L) * q * max(0, 1 - m / H)``
  with rebuild quality q, rebuild months m and horizon H; a ban keeps nothing;
- retained value ``V = Σ share_f · r_f`` (shares normalised to 1); expected value ``E = A · V`` with
  A the probability that the US approves the path (a ban needs no approval and keeps 0).

Every function also takes an array of draws, so the Monte Carlo is one vectorised call.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers.assumptions import Assumptions
from helpers.corpus import Corpus
from helpers.reference import BAN_PATH, CONFIDENCE, ExportReference
from helpers.text import counted

# --------------------------------------------------------------------------------------------
# Facts: the function x item matrix and the evidence


def function_item_matrix(ref: ExportReference) -> pd.DataFrame:
    """Every function against every catalogue item: confidence of the mapping (empty if none)."""
    grid = pd.MultiIndex.from_product([ref.functions["function_id"], ref.items["item_id"]],
                                      names=["function_id", "item_id"]).to_frame(index=False)
    out = grid.merge(ref.mapping[["function_id", "item_id", "confidence", "rationale", "source"]],
                     on=["function_id", "item_id"], how="left").fillna({"confidence": "", "rationale": "", "source": ""})
    out["confidence_score"] = out["confidence"].map(CONFIDENCE).fillna(0).astype("int64")
    return out


def restricted_functions(ref: ExportReference, min_confidence: str) -> set[str]:
    """Functions mapped to a catalogue item with at least ``min_confidence``."""
    floor = CONFIDENCE[min_confidence]
    ok = ref.mapping["confidence"].map(CONFIDENCE) >= floor
    return set(ref.mapping.loc[ok, "function_id"])


def find_evidence(corpus: Corpus, ref: ExportReference) -> pd.DataFrame:
    """Sentences that speak of technology, algorithms, data storage or export rules, with the
    functions and catalogue items the matched words concern."""
    rows = []
    compiled = [(re.compile(k.pattern, re.IGNORECASE), k) for k in ref.keywords.itertuples(index=False)]
    for s in corpus.sentences.itertuples(index=False):
        hits = [(m, k) for regex, k in compiled for m in [regex.search(s.text)] if m]
        if not hits:
            continue
        rows.append({"article_id": s.article_id, "sentence_no": s.sentence_no, "start": s.start, "end": s.end,
                     "voice": s.voice,
                     "topics": "|".join(sorted({k.topic for _, k in hits})),
                     "functions": "|".join(sorted({k.function_id for _, k in hits if k.function_id})),
                     "items": "|".join(sorted({i for _, k in hits for i in k.item_id.split("|") if i})),
                     "matched": "|".join(sorted({m.group(0).lower() for m, _ in hits})),
                     "text": s.text})
    return pd.DataFrame(rows, columns=["article_id", "sentence_no", "start", "end", "voice", "topics", "functions",
                                       "items", "matched", "text"])


# --------------------------------------------------------------------------------------------
# The model


def model_inputs(ref: ExportReference, a: Assumptions) -> dict[str, float]:
    """The numeric ``export.*`` assumptions the model reads, by name."""
    return {name: float(a[name]) for name in a if name.startswith("export.") and isinstance(a[name], (int, float))
            and not name.startswith("export.monte_carlo")}


def path_table(ref: ExportReference, a: Assumptions) -> pd.DataFrame:
    """The deterministic facts of each path: restricted functions it exports, licence needed,
    and whether it meets the US demands the articles name."""
    restricted = restricted_functions(ref, a["export.mapping_min_confidence"])
    items_of = ref.mapping[ref.mapping["confidence"].map(CONFIDENCE) >= CONFIDENCE[a["export.mapping_min_confidence"]]]
    rows = []
    for p in ref.paths.itertuples(index=False):
        moves_tech = "yes" in (p.transfers_code, p.transfers_models, p.transfers_algorithm_rights)
        exported = sorted(set(filter(None, p.functions_transferred.split("|"))) & restricted) if moves_tech else []
        items = sorted(set(items_of.loc[items_of["function_id"].isin(exported), "item_id"]))
        rows.append({"path_id": p.path_id, "path": p.path, "restricted_functions_exported": "|".join(exported),
                     "restricted_items_exported": "|".join(items), "chinese_licence_needed": bool(items),
                     "us_data_stored_in_us": p.data_in_us, "divests": p.divests})
    return pd.DataFrame(rows)


def path_values(ref: ExportReference, a: Assumptions, draws: dict[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
    """Retained value V and expected value E of every path, for the assumptions in force or for
    arrays of draws (``draws`` maps assumption names to equal-length arrays and overrides them).

    Returns ``{"V:<path>": array, "E:<path>": array}``.
    """
    inputs: dict[str, np.ndarray] = {k: np.atleast_1d(np.asarray(v, dtype=float)) for k, v in model_inputs(ref, a).items()}
    for k, v in (draws or {}).items():
        inputs[k] = np.atleast_1d(np.asarray(v, dtype=float))
    n = max(len(v) for v in inputs.values())
    functions = list(ref.functions["function_id"])
    shares = np.vstack([np.broadcast_to(inputs[f"export.value_share.{f}"], (n,)) for f in functions])
    shares = shares / shares.sum(axis=0, keepdims=True)
    licence = inputs["export.licence_approval_probability"]
    rebuilt = inputs["export.rebuild_quality"] * np.clip(1 - inputs["export.rebuild_months"] / inputs["export.horizon_months"],
                                                          0, 1)
    kept_if_exported = licence + (1 - licence) * rebuilt
    table = path_table(ref, a).set_index("path_id")
    out = {}
    for p in ref.paths.itertuples(index=False):
        if p.path_id == BAN_PATH:
            value = np.zeros(n)
            approval = np.ones(n)
        else:
            exported = set(filter(None, table.loc[p.path_id, "restricted_functions_exported"].split("|")))
            keep = np.vstack([np.broadcast_to(kept_if_exported, (n,)) if f in exported else np.ones(n) for f in functions])
            value = (shares * keep).sum(axis=0)
            approval = np.broadcast_to(inputs[f"export.us_approval.{p.path_id}"], (n,))
        out[f"V:{p.path_id}"] = value
        out[f"E:{p.path_id}"] = approval * value
    return out


def scenarios(ref: ExportReference, a: Assumptions) -> pd.DataFrame:
    """One row per path: the facts of :func:`path_table` plus value retained and expected value."""
    values = path_values(ref, a)
    table = path_table(ref, a)
    table["value_retained"] = [float(values[f"V:{p}"][0]) for p in table["path_id"]]
    table["us_approval_probability"] = [1.0 if p == BAN_PATH else float(a[f"export.us_approval.{p}"])
                                        for p in table["path_id"]]
    table["expected_value"] = [float(values[f"E:{p}"][0]) for p in table["path_id"]]
    table["preferred"] = table["expected_value"] == table["expected_value"].max()
    return table


def _ranges(a: Assumptions, names: list[str]) -> dict[str, tuple[float, float]]:
    return {n: tuple(float(x) for x in a.entry(n).range) for n in names}


def sensitivity(ref: ExportReference, a: Assumptions, grid: int = 201) -> pd.DataFrame:
    """One-at-a-time sensitivity over every model assumption's range.

    For each assumption: the expected value of every path at the low and the high end (others at
    their values), the margin of the base-case preferred path over the best other path at each
    end, and the break-even value where the preferred path changes (empty if it never does within
    the range), found on a ``grid``-point scan.
    """
    base = scenarios(ref, a)
    preferred = base.loc[base["expected_value"].idxmax(), "path_id"]
    paths = list(base["path_id"])
    names = sorted(model_inputs(ref, a))
    rows = []
    for name, (low, high) in _ranges(a, names).items():
        xs = np.linspace(low, high, grid)
        values = path_values(ref, a, {name: xs})
        e = np.vstack([values[f"E:{p}"] for p in paths])
        i_pref = paths.index(preferred)
        others = np.delete(e, i_pref, axis=0).max(axis=0)
        margin = e[i_pref] - others
        winners = np.array(paths)[e.argmax(axis=0)]
        wins = margin > 0
        crossings = np.flatnonzero(wins[:-1] != wins[1:])
        break_even, new_preferred = np.nan, ""
        if crossings.size:  # the crossing nearest the value in force, interpolated between grid points
            xs_cross = [xs[k] + (xs[k + 1] - xs[k]) * margin[k] / (margin[k] - margin[k + 1]) for k in crossings]
            j = int(np.argmin([abs(x - float(a[name])) for x in xs_cross]))
            k = int(crossings[j])
            break_even = float(xs_cross[j])
            new_preferred = str(winners[k + 1] if wins[k] else winners[k])
        row = {"assumption": name, "value": float(a[name]), "low": low, "high": high,
               "margin_at_low": float(margin[0]), "margin_at_high": float(margin[-1]),
               "swing": float(abs(margin[-1] - margin[0])), "break_even": break_even,
               "preferred_after_break_even": new_preferred}
        for p in paths:
            row[f"E_low:{p}"] = float(e[paths.index(p), 0])
            row[f"E_high:{p}"] = float(e[paths.index(p), -1])
        rows.append(row)
    out = pd.DataFrame(rows).sort_values(["swing", "assumption"], ascending=[False, True]).reset_index(drop=True)
    out.attrs["preferred"] = preferred
    return out


def monte_carlo(ref: ExportReference, a: Assumptions, n: int | None = None, seed: int | None = None) -> dict[str, np.ndarray]:
    """Draw every model assumption from a triangular distribution over its range, peaked at its
    value, and evaluate all paths at once. Returns the ``path_values`` arrays for the draws."""
    n = int(n if n is not None else a["export.monte_carlo_draws"])
    rng = np.random.default_rng(int(seed if seed is not None else a["export.monte_carlo_seed"]))
    names = sorted(model_inputs(ref, a))
    draws = {}
    for name, (low, high) in _ranges(a, names).items():
        mode = min(max(float(a[name]), low), high)
        draws[name] = rng.triangular(low, mode, high, size=n) if high > low else np.full(n, low)
    return path_values(ref, a, draws)


def monte_carlo_summary(values: dict[str, np.ndarray], interval: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per path: mean and quantiles of the expected value; and P(row path beats column path)."""
    paths = [k[2:] for k in values if k.startswith("E:")]
    lo, hi = (1 - interval) / 2, 1 - (1 - interval) / 2
    summary = pd.DataFrame([{
        "path_id": p, "n_draws": len(values[f"E:{p}"]), "mean": float(values[f"E:{p}"].mean()),
        "q05" if interval == 0.9 else "low": float(np.quantile(values[f"E:{p}"], lo)),
        "median": float(np.median(values[f"E:{p}"])),
        "q95" if interval == 0.9 else "high": float(np.quantile(values[f"E:{p}"], hi)),
        "p_best": float(np.mean(np.vstack([values[f"E:{q}"] for q in paths]).argmax(axis=0) == paths.index(p))),
    } for p in paths])
    beats = pd.DataFrame({q: [float(np.mean(values[f"E:{p}"] > values[f"E:{q}"])) for p in paths] for q in paths},
                         index=pd.Index(paths, name="path_id"))
    return summary, beats


def in_force(a: Assumptions) -> str:
    """The model's headline assumptions as a figure caption states them."""
    return (f"licence approval {a['export.licence_approval_probability']:.2f}, rebuild quality "
            f"{a['export.rebuild_quality']:.2f}, rebuild {a['export.rebuild_months']:g} of "
            f"{a['export.horizon_months']:g} months, min. mapping confidence {a['export.mapping_min_confidence']}")


def findings(scen: pd.DataFrame, sens: pd.DataFrame, summary: pd.DataFrame, beats: pd.DataFrame,
             evidence: pd.DataFrame, a: Assumptions) -> list[str]:
    """Notebook 03's findings, computed from its tables (never typed by hand)."""
    best = scen.loc[scen["expected_value"].idxmax()]
    both = scen[(scen["us_data_stored_in_us"] == "yes") & (scen["divests"] == "yes") & ~scen["chinese_licence_needed"]]
    no_licence = (scen["path_id"] != BAN_PATH) & ~scen["chinese_licence_needed"]
    lines = [
        f"**No path meets both governments' demands in full**: every path that divests to a US owner exports "
        f"restricted technology and needs a Chinese licence ({', '.join(scen.loc[scen['chinese_licence_needed'], 'path_id'])}); "
        f"the one that needs none ({', '.join(scen.loc[no_licence, 'path_id'])}) "
        f"keeps the data in the US but only partly divests." if both.empty else
        f"{', '.join(both['path_id'])} {'meets' if len(both) == 1 else 'meet'} both governments' demands.",
        f"With the assumptions in force, **{best['path_id']}** has the highest expected value: "
        f"{best['expected_value']:.2f} of the US product's value (retains {best['value_retained']:.2f}, "
        f"US approval {best['us_approval_probability']:.2f}); licence approval is assumed at "
        f"{a['export.licence_approval_probability']:.2f}.",
    ]
    flips = sens[sens["break_even"].notna()]
    if len(flips):
        top = flips.iloc[0]
        lines.append(f"The preference flips within {len(flips)} of {len(sens)} assumptions' ranges; the most "
                     f"decisive is `{top['assumption']}` (in force {top['value']:g}): at {top['break_even']:.3g} "
                     f"{top['preferred_after_break_even']} takes over.")
    p_best = summary.set_index("path_id")["p_best"]
    n = int(summary["n_draws"].iloc[0])
    lines.append(f"Over {n:,} Monte Carlo draws across all ranges, the paths are best in "
                 + ", ".join(f"{p} {v:.0%}" for p, v in p_best.sort_values(ascending=False).items())
                 + " of draws: " + ("the ranking is not settled by what is known." if p_best.max() < 0.8
                                    else f"{p_best.idxmax()} is best in most of the plausible range."))
    lines.append(f"{counted(len(evidence), 'sentence')} in {counted(evidence['article_id'].nunique(), 'article')} "
                 f"{'speaks' if len(evidence) == 1 else 'speak'} of technology, "
                 f"algorithms, data storage or export rules; "
                 f"{int(evidence['topics'].str.contains('export rules').sum())} of them of the export rules.")
    return lines


# --------------------------------------------------------------------------------------------
# Plot data (drawn by helpers.plots.export_controls)


def matrix_plot_data(matrix: pd.DataFrame, ref: ExportReference) -> pd.DataFrame:
    """What the function × control-point figure draws: the matrix (one row per function and item,
    functions and items in the reference tables' order), with ``attrs["function_names"]`` and
    ``attrs["item_labels"]`` (the control point's English name, without its Chinese) for the axes."""
    plotted = matrix.copy()
    plotted.attrs["function_names"] = dict(zip(ref.functions["function_id"], ref.functions["function"]))
    plotted.attrs["item_labels"] = dict(zip(ref.items["item_id"], ref.items["control_point"].str.split(" \\(").str[0]))
    return plotted


def paths_plot_data(summary: pd.DataFrame, scen: pd.DataFrame) -> pd.DataFrame:
    """What the deal-paths figure draws: each path's Monte Carlo summary and its expected value
    under the assumptions in force."""
    return summary.merge(scen[["path_id", "expected_value"]], on="path_id")
