"""Export-control impact: which TikTok functions China's list covers, and what each deal path keeps.

Reference tables (``data/reference/``, every row sourced and ``checked``; see helpers.reference):
``export_catalogue_items`` (control points 17, 18 and 21 added to item 056101X on 2020-08-28),
``export_catalogue_revision``, ``tiktok_functions`` (with the date each existed from),
``export_function_items`` (function to control point, with confidence), ``deal_paths`` (what each
path moves, discloses or has served from China; its terms and each party's position),
``export_keywords`` and the context record (``context_events``) the findings cite.

The model (pure functions of these frames and the ``export.*`` assumptions; names below drop the
``export.`` prefix). At the model date D only functions with ``available_from <= D`` count, their
value shares s renormalised to 1, and only paths proposed by D are compared. For a path p:

- R_p: its restricted functions at stake (mapped to a control point with at least
  ``mapping_min_confidence``, and moved, disclosed or served from China by the path);
- rebuilt = q · max(0, 1 − m / H) (rebuild quality, months, horizon); what operates if the licence
  is refused: ``V_p = Σ_{f∉R_p} s_f + rebuilt · Σ_{f∈R_p} s_f``;
- C = ``seller_consent.p``, A = ``us_approval.p``, N = ``licence_needed.p``, L = ``licence_approval.p``,
  ρ = ``approval_correlation``; the joint probability that the US approves and China licenses is
  ``P11 = clip(A·L + ρ·√(A(1−A)L(1−L)), max(0, A+L−1), min(A, L))`` (ρ = 0: independent);
- value kept operating in the US: ``E_op = C · [(1 − N)·A + N·(P11 + (A − P11)·V_p)]``;
- from each side, with u = ``us_owner_share.p`` and π = ``sale_price_share``: to US owners
  ``E_us = u · E_op``; to ByteDance ``E_bd = ((1 − u) + π·u) · E_op``. The ban keeps 0 for everyone.

Every function also takes arrays of draws, so the Monte Carlo is one vectorised call.
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from helpers.assumptions import Assumptions
from helpers.corpus import Corpus
from helpers.tables import BAN_PATH, CONFIDENCE, TRANSFER_COLUMNS, ExportReference
from helpers.text import counted

# The sides a path's value is stated from, and how a finding or a figure names them.
SIDES = {"operating": "value kept operating in the US", "us_owners": "value to US owners",
         "bytedance": "value to ByteDance"}
# The assumptions every path but the ban has one of: export.<family>.<path_id>
PER_PATH = ("seller_consent", "us_approval", "licence_needed", "licence_approval", "us_owner_share")

# --------------------------------------------------------------------------------------------
# Facts: the function x item matrix, what existed when, and the evidence


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


def available_functions(ref: ExportReference, model_date: dt.date) -> list[str]:
    """Functions that existed on ``model_date`` (``available_from`` on or before it and no
    ``available_to`` before it), in the table's order."""
    day = model_date.isoformat()
    f = ref.functions
    return [fid for fid, start, end in zip(f["function_id"].tolist(), f["available_from"].tolist(),
                                           f["available_to"].tolist()) if start <= day and (not end or end >= day)]


def open_paths(ref: ExportReference, model_date: dt.date) -> list[str]:
    """Paths proposed by ``model_date`` (the ban, the reference, always), in the table's order."""
    day = model_date.isoformat()
    return [pid for pid, proposed in zip(ref.paths["path_id"].tolist(), ref.paths["proposed"].tolist())
            if proposed <= day or pid == BAN_PATH]


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
    """The numeric ``export.*`` assumptions that can move the model at its date, by name: the value
    shares of the functions that existed, the per-path entries of the paths on the table, and the
    shared ones (rebuild, horizon, correlation, sale price). The Monte Carlo settings are not inputs."""
    date = a["export.model_date"]
    functions, paths = set(available_functions(ref, date)), set(open_paths(ref, date)) - {BAN_PATH}
    out = {}
    for name in a:
        value = a[name]
        if not name.startswith("export.") or name.startswith("export.monte_carlo") or isinstance(value, bool) \
                or not isinstance(value, (int, float)):
            continue
        family, _, key = name.removeprefix("export.").partition(".")
        if (family == "value_share" and key not in functions) or (family in PER_PATH and key not in paths):
            continue
        out[name] = float(value)
    return out


def at_stake(ref: ExportReference, a: Assumptions) -> dict[str, list[str]]:
    """Per open path: its restricted functions that existed at the model date and that it moves,
    discloses or has served from China (what a Chinese licence would have to cover)."""
    restricted = restricted_functions(ref, a["export.mapping_min_confidence"])
    existing = set(available_functions(ref, a["export.model_date"]))
    on_table = set(open_paths(ref, a["export.model_date"]))
    named = zip(ref.paths["path_id"].tolist(), *(ref.paths[c].tolist() for c in TRANSFER_COLUMNS))
    return {path: sorted({f for col in cols for f in col.split("|") if f} & restricted & existing)
            for path, *cols in named if path in on_table}


def path_table(ref: ExportReference, a: Assumptions) -> pd.DataFrame:
    """The facts and per-path assumptions of each path on the table: restricted functions and
    control points at stake, the chance a licence is needed, consent, approvals, US owners' share."""
    stake = at_stake(ref, a)
    strong = ref.mapping[ref.mapping["confidence"].map(CONFIDENCE) >= CONFIDENCE[a["export.mapping_min_confidence"]]]
    rows = []
    for p in ref.paths[ref.paths["path_id"].isin(list(stake))].itertuples(index=False):
        items = sorted(set(strong.loc[strong["function_id"].isin(stake[p.path_id]), "item_id"]))
        row = {"path_id": p.path_id, "path": p.path, "proposed": p.proposed,
               "restricted_functions_at_stake": "|".join(stake[p.path_id]),
               "restricted_items_at_stake": "|".join(items), "data_in_us": p.data_in_us, "divests": p.divests,
               "algorithm": p.algorithm.split(" ", 1)[0]}
        for family in PER_PATH:
            row[family] = 0.0 if p.path_id == BAN_PATH else float(a[f"export.{family}.{p.path_id}"])
        rows.append(row)
    return pd.DataFrame(rows)


def joint_approval(us: np.ndarray, licence: np.ndarray, rho: np.ndarray) -> np.ndarray:
    """P(the US approves and China licenses) for approval probabilities ``us`` and ``licence``
    whose events correlate with ``rho``, clipped to the bounds any joint distribution obeys."""
    joint = us * licence + rho * np.sqrt(us * (1 - us) * licence * (1 - licence))
    return np.clip(joint, np.maximum(0.0, us + licence - 1), np.minimum(us, licence))


def path_values(ref: ExportReference, a: Assumptions, draws: dict[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
    """Every open path's value if the licence is refused (``V:<path>``) and its expected value from
    each side (``operating:<path>``, ``us_owners:<path>``, ``bytedance:<path>``), for the
    assumptions in force or for arrays of draws (``draws`` maps assumption names to equal-length
    arrays and overrides them)."""
    inputs = {k: np.atleast_1d(np.asarray(v, dtype=float)) for k, v in model_inputs(ref, a).items()}
    inputs.update({k: np.atleast_1d(np.asarray(v, dtype=float)) for k, v in (draws or {}).items()})
    n = max(len(v) for v in inputs.values())
    x = {k: np.broadcast_to(v, (n,)) for k, v in inputs.items()}
    functions = available_functions(ref, a["export.model_date"])
    shares = np.vstack([x[f"export.value_share.{f}"] for f in functions])
    shares = shares / shares.sum(axis=0, keepdims=True)
    rebuilt = x["export.rebuild_quality"] * np.clip(1 - x["export.rebuild_months"] / x["export.horizon_months"], 0, 1)
    out = {}
    for path, stake in at_stake(ref, a).items():
        if path == BAN_PATH:
            out.update({f"{key}:{path}": np.zeros(n) for key in ("V", *SIDES)})
            continue
        mask = np.array([f in stake for f in functions])
        refused = shares[~mask].sum(axis=0) + rebuilt * shares[mask].sum(axis=0)
        consent, us, need, licence, owners = (x[f"export.{family}.{path}"] for family in PER_PATH)
        both = joint_approval(us, licence, x["export.approval_correlation"])
        operating = consent * ((1 - need) * us + need * (both + (us - both) * refused))
        out[f"V:{path}"] = refused
        out[f"operating:{path}"] = operating
        out[f"us_owners:{path}"] = owners * operating
        out[f"bytedance:{path}"] = ((1 - owners) + x["export.sale_price_share"] * owners) * operating
    return out


def scenarios(ref: ExportReference, a: Assumptions) -> pd.DataFrame:
    """One row per path: :func:`path_table`, the value if the licence is refused, the expected value
    from each side under the assumptions in force, and the sides it is best for."""
    values = path_values(ref, a)
    table = path_table(ref, a)
    table["value_if_licence_refused"] = [float(values[f"V:{p}"][0]) for p in table["path_id"]]
    for side in SIDES:
        table[f"expected_{side}"] = [float(values[f"{side}:{p}"][0]) for p in table["path_id"]]
    table["best_for"] = ["|".join(s for s in SIDES if table[f"expected_{s}"].max() == row[f"expected_{s}"])
                         for _, row in table.iterrows()]
    return table


def _ranges(a: Assumptions, names: list[str]) -> dict[str, tuple[float, float]]:
    return {n: tuple(float(x) for x in a.entry(n).range) for n in names}


def sensitivity(ref: ExportReference, a: Assumptions, grid: int = 201, side: str = "operating") -> pd.DataFrame:
    """One-at-a-time sensitivity of one side's expected value over every model input's range.

    For each assumption: every path's expected value at the low and the high end (others at their
    values), the margin of the base-case preferred path over the best other path at each end, and
    the break-even value where the preferred path changes nearest the value in force (empty if it
    never does within the range), found on a ``grid``-point scan and interpolated."""
    base = scenarios(ref, a)
    preferred = base.loc[base[f"expected_{side}"].idxmax(), "path_id"]
    paths = list(base["path_id"])
    rows = []
    for name, (low, high) in _ranges(a, sorted(model_inputs(ref, a))).items():
        xs = np.linspace(low, high, grid)
        values = path_values(ref, a, {name: xs})
        e = np.vstack([values[f"{side}:{p}"] for p in paths])
        i_pref = paths.index(preferred)
        margin = e[i_pref] - np.delete(e, i_pref, axis=0).max(axis=0)
        winners = np.array(paths)[e.argmax(axis=0)]
        wins = margin > 0
        crossings = np.flatnonzero(wins[:-1] != wins[1:])
        break_even, new_preferred = np.nan, ""
        if crossings.size:
            xs_cross = [xs[k] + (xs[k + 1] - xs[k]) * margin[k] / (margin[k] - margin[k + 1]) for k in crossings]
            j = int(np.argmin([abs(x - float(a[name])) for x in xs_cross]))
            k = int(crossings[j])
            break_even = float(xs_cross[j])
            new_preferred = str(winners[k + 1] if wins[k] else winners[k])
        row = {"assumption": name, "value": float(a[name]), "low": low, "high": high,
               "margin_at_low": float(margin[0]), "margin_at_high": float(margin[-1]),
               "swing": float(abs(margin[-1] - margin[0])), "break_even": break_even,
               "preferred_after_break_even": new_preferred}
        for i, p in enumerate(paths):
            row[f"E_low:{p}"], row[f"E_high:{p}"] = float(e[i, 0]), float(e[i, -1])
        rows.append(row)
    out = pd.DataFrame(rows).sort_values(["swing", "assumption"], ascending=[False, True]).reset_index(drop=True)
    out.attrs["preferred"], out.attrs["side"] = preferred, side
    return out


def monte_carlo(ref: ExportReference, a: Assumptions, n: int | None = None, seed: int | None = None) -> dict[str, np.ndarray]:
    """Draw every model input from a triangular distribution over its range, peaked at its value
    (the mode; the mean is (low + mode + high) / 3), all at once and independently, and evaluate
    every path. Returns the :func:`path_values` arrays for the draws."""
    n = int(n if n is not None else a["export.monte_carlo_draws"])
    rng = np.random.default_rng(int(seed if seed is not None else a["export.monte_carlo_seed"]))
    draws = {}
    for name, (low, high) in _ranges(a, sorted(model_inputs(ref, a))).items():
        mode = min(max(float(a[name]), low), high)
        draws[name] = rng.triangular(low, mode, high, size=n) if high > low else np.full(n, low)
    return path_values(ref, a, draws)


def _paths_of(values: dict[str, np.ndarray]) -> list[str]:
    return [k.split(":", 1)[1] for k in values if k.startswith("operating:")]


def monte_carlo_summary(values: dict[str, np.ndarray], interval: float) -> pd.DataFrame:
    """Per side and path: mean, median and the central ``interval`` of the expected value over the
    draws (``low``, ``high``), and the share of draws in which the path is best from that side."""
    paths, lo = _paths_of(values), (1 - interval) / 2
    rows = []
    for side in SIDES:
        e = np.vstack([values[f"{side}:{p}"] for p in paths])
        best = e.argmax(axis=0)
        rows += [{"side": side, "path_id": p, "n_draws": e.shape[1], "mean": float(e[i].mean()),
                  "low": float(np.quantile(e[i], lo)), "median": float(np.median(e[i])),
                  "high": float(np.quantile(e[i], 1 - lo)), "p_best": float(np.mean(best == i))}
                 for i, p in enumerate(paths)]
    out = pd.DataFrame(rows)
    out.attrs["interval"] = interval
    return out


def beats(values: dict[str, np.ndarray], side: str = "operating") -> pd.DataFrame:
    """P(row path's expected value from ``side`` exceeds the column path's) over the draws."""
    paths = _paths_of(values)
    return pd.DataFrame({q: [float(np.mean(values[f"{side}:{p}"] > values[f"{side}:{q}"])) for p in paths]
                         for q in paths}, index=pd.Index(paths, name="path_id"))


def exchangeable_groups(ref: ExportReference, a: Assumptions) -> list[list[str]]:
    """Paths the model cannot tell apart: the same restricted functions at stake and, for every
    per-path assumption, the same value and range. Their draws come from the same distributions,
    so any difference between them in the Monte Carlo is noise. Each path is in one group."""
    stake, groups = at_stake(ref, a), {}
    for path in stake:
        key = (path,) if path == BAN_PATH else (tuple(stake[path]), *(
            (a[f"export.{f}.{path}"], a.entry(f"export.{f}.{path}").range) for f in PER_PATH))
        groups.setdefault(key, []).append(path)
    return list(groups.values())


def leader(values: dict[str, np.ndarray], groups: list[list[str]], side: str, interval: float) -> dict:
    """Which group of paths is best from ``side`` in the most draws, by how much: each group's share
    of draws in which one of its paths is best (``p_best``, in descending order), and the margin
    of the leading group's best path over the runner-up group's per draw (mean, central interval,
    share of draws above zero)."""
    paths = _paths_of(values)
    e = np.vstack([values[f"{side}:{p}"] for p in paths])
    best = np.array(paths)[e.argmax(axis=0)]
    per_group = np.vstack([e[[paths.index(p) for p in g]].max(axis=0) for g in groups])
    p_best = {i: float(np.isin(best, g).mean()) for i, g in enumerate(groups)}
    order = sorted(p_best, key=lambda i: (-p_best[i], -per_group[i].mean()))
    margin = per_group[order[0]] - per_group[order[1]]
    lo = (1 - interval) / 2
    return {"groups": [(groups[i], p_best[i]) for i in order], "margin_mean": float(margin.mean()),
            "margin_low": float(np.quantile(margin, lo)), "margin_high": float(np.quantile(margin, 1 - lo)),
            "margin_positive": float(np.mean(margin > 0)), "n_draws": e.shape[1]}


def prior(a: Assumptions, name: str) -> str:
    """A triangular prior as findings state it: its mode (the value in force) and its mean."""
    low, high = (float(x) for x in a.entry(name).range)
    return f"mode {float(a[name]):.2f}, mean {(low + float(a[name]) + high) / 3:.2f}"


def prior_table(ref: ExportReference, a: Assumptions) -> pd.DataFrame:
    """Every model input's triangular prior: low, mode (the value in force), mean, high."""
    rows = [{"assumption": n, "low": lo, "mode": float(a[n]), "mean": (lo + float(a[n]) + hi) / 3, "high": hi}
            for n, (lo, hi) in _ranges(a, sorted(model_inputs(ref, a))).items()]
    return pd.DataFrame(rows, columns=["assumption", "low", "mode", "mean", "high"])


def in_force(a: Assumptions) -> str:
    """The model's shared assumptions as a figure caption states them (per-path ones: the sidecar)."""
    return (f"model date {a['export.model_date']:%Y-%m-%d}, approval correlation {a['export.approval_correlation']:+.2f}, "
            f"rebuild quality {a['export.rebuild_quality']:.2f} after {a['export.rebuild_months']:g} of "
            f"{a['export.horizon_months']:g} months, sale price {a['export.sale_price_share']:.2f} of value, "
            f"min. mapping confidence {a['export.mapping_min_confidence']}")


# --------------------------------------------------------------------------------------------
# Findings


def _named(group: list[str]) -> str:
    return " and ".join(group)


def _by_prior(a: Assumptions, family: str, paths: list[str]) -> str:
    """Per-path priors of one family ("0.95 for a and b, 0.50 for c (modes; means 0.92 and 0.52)"),
    paths with the same prior named together."""
    same: dict[tuple[float, float], list[str]] = {}
    for p in paths:
        name = f"export.{family}.{p}"
        low, high = (float(x) for x in a.entry(name).range)
        same.setdefault((float(a[name]), (low + float(a[name]) + high) / 3), []).append(p)
    modes = [f"{mode:.2f} for {_named(ps)}" for (mode, _), ps in same.items()]
    means = [f"{mean:.2f}" for _, mean in same]
    if len(modes) == 1:
        return f"{modes[0]} (mode; mean {means[0]})"
    return f"{', '.join(modes[:-1])} and {modes[-1]} (modes; means {', '.join(means[:-1])} and {means[-1]})"


def _on(ref: ExportReference, event_id: str) -> str:
    """The day or days of a context-record event, as findings cite it ("" if the record lacks it)."""
    rows = ref.record[ref.record["event_id"] == event_id]
    if rows.empty:
        return ""
    start, end = rows["date"].iloc[0].date(), rows["date_end"].iloc[0].date()
    return f"{start:%Y-%m-%d}" if start == end else f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"


def _shares(groups: list[tuple[list[str], float]]) -> str:
    return ", ".join(f"{_named(g)} {'<1%' if 0 < p < 0.005 else f'{p:.0%}'}"
                     + (" together (identical priors: their split is noise)" if len(g) > 1 else "")
                     for g, p in groups if p > 0 or BAN_PATH not in g)


def findings(scen: pd.DataFrame, sens: pd.DataFrame, values: dict[str, np.ndarray], evidence: pd.DataFrame,
             ref: ExportReference, a: Assumptions) -> list[str]:
    """Notebook 03's findings, computed from its tables (never typed by hand): what holds across
    the uncertainty first (how often each path, or group of paths the model cannot tell apart, is
    best, and by what margin), then the point values; every prior quoted by its mode and mean; the
    dates of events from the sourced context record."""
    interval = float(a["export.monte_carlo_interval"])
    groups = exchangeable_groups(ref, a)
    lead = {side: leader(values, groups, side, interval) for side in SIDES}
    op = lead["operating"]
    (first, p_first), (second, _) = op["groups"][0], op["groups"][1]
    table = scen.set_index("path_id")
    deals = [p for p in table.index if p != BAN_PATH]
    sales = [p for p in deals if table.loc[p, "divests"] == "yes"]
    partners = [p for p in deals if table.loc[p, "divests"] == "partial"]
    lines = [
        f"**Across the uncertainty, {_named(first)} keeps the most of the US business operating in {p_first:.0%} "
        f"of {op['n_draws']:,} draws** over every assumption's range ({_shares(op['groups'][1:])}); its margin over "
        f"{_named(second)} averages {op['margin_mean']:+.2f} of the business's value ({interval:.0%} of draws "
        f"{op['margin_low']:+.2f} to {op['margin_high']:+.2f}): "
        + ("the lead holds across most of the plausible range." if p_first >= 0.8
           else "the ranking is not settled by what is known."),
        "Whose value it is changes the answer: " + "; ".join(
            f"for the {SIDES[side]}, {_named(lead[side]['groups'][0][0])} is best in "
            f"{lead[side]['groups'][0][1]:.0%} of draws ({_shares(lead[side]['groups'][1:])})" for side in
            ("us_owners", "bytedance"))
        + f". The share of the business US owners would hold is put at {_by_prior(a, 'us_owner_share', deals)}.",
    ]
    point = "; ".join(f"{SIDES[side]} " + ", ".join(
        f"{p} {v:.2f}" for p, v in table.loc[deals, f"expected_{side}"].sort_values(ascending=False).items())
        for side in SIDES)
    lines.append(f"At the values in force (each prior's mode, as of {a['export.model_date']:%Y-%m-%d}) the expected "
                 f"values, as shares of the US business's value, are: {point}.")
    if sales and partners:
        kept = [p for p in partners if table.loc[p, "algorithm"] == "kept_by_bytedance"]
        rejected, concept = _on(ref, "microsoft_rejected"), _on(ref, "approved_in_concept")
        extended = [d for d in (_on(ref, "divestment_extended"), _on(ref, "cfius_second_extension")) if d]
        lines.append(
            f"**No path had every party's assent in sight**: the sales ({', '.join(sales)}) divest in full, but "
            + (f"ByteDance rejected Microsoft on {rejected} and " if rejected else "")
            + f"its consent is put at {_by_prior(a, 'seller_consent', sales)}; the partnerships "
            f"({', '.join(partners)}) only partly divest"
            + (f", {'both keep' if len(kept) > 1 else 'keeps'} the algorithm with ByteDance" if kept else "")
            + f", and US approval is put at {_by_prior(a, 'us_approval', partners)}"
            + (f". The President approved tiktok_global 'in concept' on {concept}" if concept and "tiktok_global" in
               partners else "")
            + (f"; CFIUS extended the divestment deadline on {' and '.join(extended)} and granted no further "
               f"extension on {_on(ref, 'no_further_extension')}" if extended and _on(ref, "no_further_extension") else "")
            + ".")
    need = table.loc[deals, "licence_needed"]
    applied = _on(ref, "bytedance_licence_application")
    lines.append(
        ("**No path is sure to avoid a Chinese licence**" if (need > 0).all() else "A Chinese licence")
        + f": the chance one is needed is put at {_by_prior(a, 'licence_needed', deals)}"
        + (f"; ByteDance applied for a technology-export licence on {applied}" if applied else "")
        + f". China granting it is put at {_by_prior(a, 'licence_approval', deals)}; the two governments' approvals "
        f"are modelled as linked (correlation {prior(a, 'export.approval_correlation')}).")
    flips = sens[sens["break_even"].notna()]
    preferred = sens.attrs["preferred"]
    if len(flips):
        top = flips.iloc[0]
        lines.append(f"One assumption at a time, the path keeping most value operating at the values in force "
                     f"({preferred}) changes within {len(flips)} of {len(sens)} assumptions' ranges; the most decisive "
                     f"is `{top['assumption']}` ({prior(a, top['assumption'])}): at {top['break_even']:.3g} "
                     f"{top['preferred_after_break_even']} takes over.")
    else:
        lines.append(f"One assumption at a time, {preferred} keeps most value operating across every one of the "
                     f"{len(sens)} assumptions' ranges.")
    lines.append(f"{counted(len(evidence), 'sentence')} in {counted(evidence['article_id'].nunique(), 'article')} "
                 f"{'speaks' if len(evidence) == 1 else 'speak'} of technology, "
                 f"algorithms, data storage or export rules; "
                 f"{int(evidence['topics'].str.contains('export rules').sum())} of them of the export rules.")
    return lines


# --------------------------------------------------------------------------------------------
# Plot data (drawn by helpers.plots.export_controls)


def matrix_plot_data(matrix: pd.DataFrame, ref: ExportReference, model_date: dt.date) -> pd.DataFrame:
    """What the function × control-point figure draws: the matrix (one row per function and item,
    functions and items in the reference tables' order), with ``attrs["function_names"]`` (a
    function that did not yet exist at ``model_date`` says from when it did) and
    ``attrs["item_labels"]`` (point number and English name, without the Chinese) for the axes."""
    plotted = matrix.copy()
    names = {}
    for f in ref.functions.itertuples(index=False):
        since = dt.date.fromisoformat(f.available_from)
        names[f.function_id] = f.function + (f" (from {since:%b %Y})" if since > model_date else "")
    plotted.attrs["function_names"] = names
    plotted.attrs["item_labels"] = {i.item_id: f"point {i.control_point_no}: " + i.control_point.split(" (")[0]
                                    for i in ref.items.itertuples(index=False)}
    return plotted


def paths_plot_data(summary: pd.DataFrame, scen: pd.DataFrame) -> pd.DataFrame:
    """What the deal-paths figure draws: per side and path, the Monte Carlo summary (``low`` and
    ``high`` bound ``attrs["interval"]`` of the draws) and the expected value under the
    assumptions in force (``in_force``); paths in the order of their value kept operating."""
    order = scen.sort_values(["expected_operating", "path_id"])["path_id"].tolist()
    rows = []
    for side in SIDES:
        in_force = scen.set_index("path_id")[f"expected_{side}"]
        part = summary[summary["side"] == side].set_index("path_id").loc[order].reset_index()
        part.insert(2, "in_force", [float(in_force[p]) for p in part["path_id"]])
        rows.append(part)
    plotted = pd.concat(rows, ignore_index=True)[["side", "path_id", "in_force", "mean", "low", "median", "high",
                                                  "p_best", "n_draws"]]
    plotted.attrs["interval"] = summary.attrs.get("interval", 0.9)
    plotted.attrs["sides"] = dict(SIDES)
    return plotted


def one_side(plotted: pd.DataFrame, side: str) -> pd.DataFrame:
    """The rows of :func:`paths_plot_data` for one side (``us_owners``, ``bytedance`` or
    ``operating``), for a figure of that side alone; the attrs kept."""
    if side not in SIDES:
        raise ValueError(f"side must be one of {', '.join(SIDES)}, not {side!r}")
    part = plotted[plotted["side"] == side].reset_index(drop=True)
    part.attrs = dict(plotted.attrs)
    return part
