"""The export-control model: facts from the tables, behaviour from its formula, reruns via papermill."""
from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from helpers import export_controls as ec
from helpers import paths, reference
from helpers.assumptions import load_assumptions
from helpers.errors import DataError
from helpers.validate import validate


@pytest.fixture(scope="module")
def ref():
    return reference.load_export()


@pytest.fixture(scope="module")
def a():
    return load_assumptions()


def shares(a):
    raw = {k.split(".")[-1]: a[k] for k in a if k.startswith("export.value_share.")}
    total = sum(raw.values())
    return {k: v / total for k, v in raw.items()}


def test_the_three_technologies_003_names_are_covered(ref):
    # 003: "functions used by TikTok such as speech recognition, data analysis functions, or content recommendations"
    restricted = ec.restricted_functions(ref, "high")
    assert {"recommendation_feed", "speech_recognition_captions"} <= restricted
    assert "data_analytics_ads" in ec.restricted_functions(ref, "medium")
    assert "us_data_hosting" not in ec.restricted_functions(ref, "low")  # storing data is not on the list


def test_revision_headline_facts(ref):
    facts = ref.revision.set_index("fact")["value"]
    assert facts["date of the revision"] == "2020-08-28"
    assert facts["restricted items added"] == "23"


def test_only_technology_transfers_need_a_licence(ref, a):
    table = ec.path_table(ref, a).set_index("path_id")
    assert table.loc["microsoft_walmart", "chinese_licence_needed"]
    assert table.loc["oracle_acquisition", "chinese_licence_needed"]
    assert not table.loc["oracle_trusted_partner", "chinese_licence_needed"]  # hosts data, buys no code
    assert not table.loc["no_deal_ban", "chinese_licence_needed"]


def test_value_formula_by_hand(ref, a):
    s = shares(a)
    restricted = ec.restricted_functions(ref, a["export.mapping_min_confidence"])
    L, q = a["export.licence_approval_probability"], a["export.rebuild_quality"]
    kept = L + (1 - L) * q * max(0, 1 - a["export.rebuild_months"] / a["export.horizon_months"])
    expected = sum(v * (kept if f in restricted else 1) for f, v in s.items())
    scen = ec.scenarios(ref, a).set_index("path_id")
    assert scen.loc["microsoft_walmart", "value_retained"] == pytest.approx(expected)
    assert scen.loc["microsoft_walmart", "expected_value"] == pytest.approx(expected * a["export.us_approval.microsoft_walmart"])
    assert scen.loc["oracle_trusted_partner", "value_retained"] == pytest.approx(1.0)
    assert scen.loc["no_deal_ban", "expected_value"] == 0


def test_licence_certain_means_nothing_is_lost(ref, a):
    scen = ec.scenarios(ref, a.override({"export.licence_approval_probability": 1.0})).set_index("path_id")
    assert scen.loc["microsoft_walmart", "value_retained"] == pytest.approx(1.0)


def test_value_rises_with_licence_probability(ref, a):
    values = ec.path_values(ref, a, {"export.licence_approval_probability": np.linspace(0, 1, 11)})
    assert np.all(np.diff(values["V:oracle_acquisition"]) > 0)
    assert np.all(np.diff(values["V:oracle_trusted_partner"]) == 0)


def test_break_even_matches_the_closed_form(ref, a):
    sens = ec.sensitivity(ref, a).set_index("assumption")
    # E(partner) = A * 1 equals E(acquisition) = 0.9 * V(acquisition) at A = 0.9 * V
    acq = ec.scenarios(ref, a).set_index("path_id").loc["microsoft_walmart", "expected_value"]
    assert sens.loc["export.us_approval.oracle_trusted_partner", "break_even"] == pytest.approx(acq, abs=1e-9)


def test_monte_carlo_is_seeded_and_fast(ref, a):
    began = time.perf_counter()
    ec.sensitivity(ref, a)
    first = ec.monte_carlo(ref, a, n=10_000)
    elapsed = time.perf_counter() - began
    second = ec.monte_carlo(ref, a, n=10_000)
    assert all(np.array_equal(first[k], second[k]) for k in first)
    assert elapsed < 2.0, f"sensitivity + 10,000-draw Monte Carlo took {elapsed:.2f} s"
    summary, beats = ec.monte_carlo_summary(first, 0.9)
    assert summary["p_best"].sum() == pytest.approx(1.0)
    assert (np.diag(beats.to_numpy()) == 0).all()


def test_evidence_links_sentences_to_functions_and_items(ref, corpus):
    ev = ec.find_evidence(corpus, ref)
    s = ev[ev["text"].str.contains("speech recognition")]
    assert len(s) == 1 and "speech_recognition_captions" in s.iloc[0]["functions"] and "184305X-2" in s.iloc[0]["items"]
    assert ev["text"].str.contains("stored on the Oracle cloud platform").any()
    assert ev["text"].str.contains("approval of the Chinese Commerce Ministry").any()


@pytest.mark.parametrize(("table", "edit", "says"), [
    ("export_function_items", lambda t: t + "recommendation_feed,999999X,r,high,s\n",
     "export_function_items.csv: line 9: item_id: '999999X' is not in export_catalogue_items.csv"),
    ("deal_paths", lambda t: t.replace("us_data_hosting,yes,partial", "hologram_feature,yes,partial"),
     "(oracle_trusted_partner): functions_transferred: 'hologram_feature' is not in tiktok_functions.csv"),
    ("export_function_items", lambda t: t.replace(",high,", ",certain,", 1), "confidence: 'certain' is not"),
])
def test_bad_reference_fails_validation_naming_the_field(make_data, table, edit, says):
    data = make_data()
    path = data / "reference" / f"{table}.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError) as err:
        reference.load_export(data)
    assert says in str(err.value)
    assert any(says in str(p) for p in validate(data))


def test_out_of_range_assumption_is_named():
    with pytest.raises(DataError, match=r"export.licence_approval_probability.value: 1.5 is outside its range"):
        load_assumptions(overrides={"export.licence_approval_probability": 1.5})


def test_notebook_rerun_with_licence_probability_zero(tmp_path, a):
    """Papermill reruns notebook 03 with no chance of a licence: the paths that export restricted
    technology keep only the value that needs no licence (plus what a rebuild recovers)."""
    import papermill

    out = tmp_path / "run"
    papermill.execute_notebook(str(paths.notebook("03-export-control-impact")), str(tmp_path / "03.ipynb"),
                               parameters={"overrides": {"export.licence_approval_probability": 0.0},
                                           "output_dir": str(out)},
                               kernel_name="python3", progress_bar=False, cwd=str(paths.NOTEBOOKS))
    scen = pd.read_csv(out / "data" / "processed" / "export_control_scenarios.csv").set_index("path_id")
    s = shares(a)
    restricted = {"recommendation_feed", "speech_recognition_captions", "synthetic_voices", "data_analytics_ads",
                  "source_code"}  # mapped at medium confidence or above in export_function_items.csv
    rebuilt = a["export.rebuild_quality"] * (1 - a["export.rebuild_months"] / a["export.horizon_months"])
    no_licence_value = sum(v for f, v in s.items() if f not in restricted)
    expected = no_licence_value + rebuilt * sum(v for f, v in s.items() if f in restricted)
    for path in ("microsoft_walmart", "oracle_acquisition"):
        assert scen.loc[path, "value_retained"] == pytest.approx(expected, abs=1e-5)
    assert scen.loc["oracle_trusted_partner", "value_retained"] == pytest.approx(1.0)
    assert (out / "figures" / "03-tornado.json").exists()
    assert '"export.licence_approval_probability": 0.0' in (out / "figures" / "03-tornado.json").read_text()
