"""The export-control model: the reference tables held to their sources, the model's behaviour held
to its formula (written out here, not read from the code), and a rerun via papermill.

Expected facts are written from the sources the tables cite (MOFCOM & MOST Announcement No. 38 of
2020 in CSET's translation; MOFCOM's Q&A; the Regulations on Technology Import and Export; the
reports named in each test), never from what the code printed.
"""
from __future__ import annotations

import copy
import datetime as dt
import math
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import yaml  # noqa: E402

from helpers import export_controls as ec  # noqa: E402
from helpers import paths, reference, tables  # noqa: E402
from helpers.assumptions import load_assumptions  # noqa: E402
from helpers.errors import DataError  # noqa: E402
from helpers.plots import export_controls as plot  # noqa: E402
from helpers.validate import validate  # noqa: E402

DEALS = ("microsoft_walmart", "oracle_acquisition", "oracle_trusted_partner", "tiktok_global")


@pytest.fixture(scope="module")
def ref():
    return reference.load_export()


@pytest.fixture(scope="module")
def a():
    return load_assumptions()


def row(frame: pd.DataFrame, key: str, value: str) -> pd.Series:
    hits = frame[frame[key] == value]
    assert len(hits) == 1, f"{len(hits)} rows with {key} = {value!r}"
    return hits.iloc[0]


# --------------------------------------------------------------------------------------------
# The catalogue (CSET's translation of clause 45; MOFCOM's Q&A; the Regulations)


def test_the_control_points_are_the_notices_17_18_and_21_of_item_056101X(ref):
    # CSET: "Clause 45. Add the following controlled items to the information processing technology item
    # (code: 056101X): '17. Speech synthesis technology ...'"; 21jingji, Telecompaper: points 18 and 21
    items = ref.items.set_index("item_id")
    assert set(items.index) == {"056101X-17", "056101X-18", "056101X-21"}
    assert set(items["number"]) == {"056101X"} and set(items["notice_clause"]) == {"45"}
    assert set(items["date"]) == {"2020-08-28"}
    assert items.loc["056101X-17", "control_point"].startswith("Speech synthesis")
    assert "语音合成技术" in items.loc["056101X-17", "control_point"]
    assert "人工智能交互界面技术" in items.loc["056101X-18", "control_point"]
    assert "基于数据分析的个性化信息推送服务技术" in items.loc["056101X-21", "control_point"]
    assert set(items["name_zh"]) == {"信息处理技术"}


def test_they_are_control_points_added_to_an_existing_restricted_item_not_new_items(ref):
    # CSET: "Add the following controlled items to the ... item" (an existing item of the restricted part)
    assert not ref.items["status"].str.contains("restricted (added)", regex=False).any()
    assert ref.items["status"].str.contains("added to an existing restricted item").all()


def test_no_export_table_or_record_row_carries_the_wrong_item_number(ref):
    frames = [ref.items, ref.revision, ref.functions, ref.mapping, ref.paths, ref.keywords, ref.record.astype(str)]
    for frame in frames:
        assert not frame.apply(lambda col: col.astype(str).str.contains("184305X")).any().any()


def test_point_18_scope_says_nothing_no_source_supports(ref):
    scope = row(ref.items, "item_id", "056101X-18")["scope"].lower()
    assert "speech evaluation" not in scope and "intelligent question answering" not in scope
    assert "recognition" in scope  # Telecompaper: voice recognition, "Article 18"


def test_revision_counts_are_mofcoms(ref):
    # MOFCOM Q&A (askci, 29 Aug 2020): 53 items; 4 prohibited and 5 restricted deleted; 23 restricted added;
    # 21 items' control points or parameters modified; last revised in 2008
    facts = ref.revision.set_index("fact")["value"]
    assert facts["date of the revision"] == "2020-08-28"
    assert facts["previous revision"] == "2008"
    counts = [int(facts[f]) for f in ("prohibited items deleted", "restricted items deleted", "restricted items added",
                                      "items with control points or technical parameters changed")]
    assert counts == [4, 5, 23, 21] and sum(counts) == int(facts["technology items touched by the revision"]) == 53
    assert facts["code of the item the TikTok-related control points were added to"] == "056101X"
    assert facts["control points added to item 056101X that concern TikTok"] == "17|18|21"


def test_the_30_working_days_are_the_letter_of_intent_review_not_the_licence(ref):
    # Regulations (2001), Art. 35: decision within 30 working days; Art. 36: letter of intent, then negotiation;
    # Art. 37: the licence is applied for after the contract is signed
    thirty = ref.revision[ref.revision["value"] == "30"]
    assert len(thirty) == 1 and thirty.iloc[0]["unit"] == "working days"
    assert "letter of intent" in thirty.iloc[0]["fact"] and "licence review" not in thirty.iloc[0]["fact"]
    assert row(ref.revision, "fact", "export licence for a restricted technology")["value"] == \
        "applied for after the contract is signed"
    # 2009 Measures, Art. 4; MOFCOM, 24 Sep 2020: ByteDance's application went to Beijing's commerce bureau
    assert "Beijing Municipal Commerce Bureau" in row(ref.revision, "fact",
                                                      "authority that licenses a restricted technology export")["value"]


# --------------------------------------------------------------------------------------------
# The functions: when each existed (TikTok newsroom, @TikTokComms, Know Your Meme, Evening Standard)


def test_text_to_speech_and_auto_captions_came_after_the_period(ref, a):
    f = ref.functions.set_index("function_id")
    assert (f.loc["synthetic_voices", "available_from"], f.loc["synthetic_voices", "available_from_precision"]) == \
        ("2020-12-01", "month")  # launched December 2020
    assert (f.loc["speech_recognition_captions", "available_from"],
            f.loc["speech_recognition_captions", "available_from_precision"]) == ("2021-04-06", "day")
    assert f.loc["recommendation_feed", "available_from"] <= "2018-08-02"  # the For You feed of the merged app
    existing = ec.available_functions(ref, dt.date(2020, 9, 14))
    assert "synthetic_voices" not in existing and "speech_recognition_captions" not in existing
    assert set(existing) == set(ec.available_functions(ref, a["export.model_date"]))
    assert "speech_recognition_captions" in ec.available_functions(ref, dt.date(2021, 4, 6))


def test_each_function_maps_to_the_point_that_names_it(ref):
    m = ref.mapping.set_index(["function_id", "item_id"])["confidence"]
    assert m[("recommendation_feed", "056101X-21")] == "high"
    assert ("speech_recognition_captions", "056101X-18") in m and ("synthetic_voices", "056101X-17") in m
    assert set(ref.mapping["item_id"]) <= {"056101X-17", "056101X-18", "056101X-21"}
    assert "us_data_hosting" not in ec.restricted_functions(ref, "low")  # storing data is on no list


# --------------------------------------------------------------------------------------------
# The deal paths (UPI, dpa-AFX, CNBC 21 Sep 2020; Bloomberg 16 Sep 2020; Microsoft 13 Sep 2020)


def test_tiktok_global_is_a_path_of_its_own_with_the_reported_stakes(ref):
    tg = row(ref.paths, "path_id", "tiktok_global")
    assert (float(tg["oracle_stake"]), float(tg["walmart_stake"])) == (0.125, 0.075)
    assert tg["bytedance_stake"].startswith("0.8")  # ByteDance's reading, disputed
    assert tg["algorithm"].startswith("kept_by_bytedance") and tg["source_code"].startswith("review_access")
    assert tg["control"].startswith("disputed") and tg["proposed"] == "2020-09-19"


def test_the_trusted_partner_reviews_code_and_the_licence_is_no_yes_no_input(ref, a):
    otp = row(ref.paths, "path_id", "oracle_trusted_partner")
    assert otp["source_code"].startswith("review_access")  # Bloomberg, 16 Sep 2020
    assert not any(c.startswith("transfers_") for c in ref.paths.columns)
    for p in DEALS:
        entry = a.entry(f"export.licence_needed.{p}")
        low, high = entry.range
        assert 0 < low < high <= 1 and "against" in entry.why.lower()  # a probability with evidence both ways
    assert "export.licence_approval_probability" not in set(a)


def test_microsoft_was_rejected_by_the_seller_and_the_ban_moves_nothing(ref):
    mw = row(ref.paths, "path_id", "microsoft_walmart")
    assert "2020-09-13" in mw["outcome"] and mw["seller_position"].startswith("rejected")
    ban = row(ref.paths, "path_id", "no_deal_ban")
    assert all(ban[c] == "" for c in tables.TRANSFER_COLUMNS)


# --------------------------------------------------------------------------------------------
# The context record


@pytest.mark.parametrize(("event_id", "start", "end"), [
    ("musically_acquisition", "2017-11-09", "2017-11-10"),  # Fortune, dpa-AFX: announced 10 Nov (Beijing)
    ("cfius_review_reported", "2019-11-01", None),  # Reuters, NYT: the day of the reports
    ("mayer_resigns", "2020-08-26", None),  # Variety: letter on Wednesday night, 26 Aug (US time)
    ("walmart_joins", "2020-08-27", "2020-08-27"),
    ("eo_13942", "2020-08-06", "2020-08-06"),
    ("divestment_order", "2020-08-14", "2020-08-14"),
    ("oracle_source_code_access", "2020-09-16", "2020-09-16"),  # Bloomberg
    ("commerce_prohibitions", "2020-09-18", "2020-09-18"),
    ("approved_in_concept", "2020-09-19", "2020-09-19"),  # NBC
    ("app_store_ban_delayed", "2020-09-19", "2020-09-19"),
    ("eo_prohibitions_effective", "2020-09-20", "2020-09-20"),  # EO 13942 sec. 1: 45 days after 6 Aug
    ("bytedance_licence_application", "2020-09-23", "2020-09-24"),  # 21jingji: evening of 23 Sep; CNBC: 24 Sep
    ("mofcom_confirms_application", "2020-09-24", "2020-09-24"),
    ("nichols_injunction", "2020-09-27", "2020-09-27"),
    ("beetlestone_injunction", "2020-10-30", "2020-10-30"),
    ("divestment_extended", "2020-11-13", "2020-11-13"),  # Treasury, Friday 13 Nov: 15 days, to 27 Nov
    ("cfius_second_extension", "2020-11-25", "2020-11-25"),  # one week, to 4 Dec
    ("no_further_extension", "2020-12-04", "2020-12-04"),
    ("nichols_second_injunction", "2020-12-07", "2020-12-07"),
    ("biden_revokes", "2021-06-09", "2021-06-09"),
])
def test_record_dates_are_the_sources(ref, event_id, start, end):
    r = row(ref.record, "event_id", event_id)
    assert r["date"] == pd.Timestamp(start)
    if end is not None:
        assert r["date_end"] == pd.Timestamp(end)


def test_the_record_names_the_review_by_its_report_and_the_prohibitions_by_their_day(ref):
    ids = set(ref.record["event_id"])
    assert "cfius_review_opened" not in ids and "cfius_review_reported" in ids
    eo = row(ref.record, "event_id", "eo_13942")["date"]
    assert row(ref.record, "event_id", "eo_prohibitions_effective")["date"] == eo + pd.Timedelta(days=45)
    sept15 = row(ref.record, "event_id", "deadline_sept15")["event"]
    assert "no legal deadline" in sept15 and "20 Sep" in sept15  # Trump's stated date, not the order's


def test_every_row_has_a_source_and_a_dated_check(ref):
    named = {"export_catalogue_items": ref.items, "export_catalogue_revision": ref.revision,
             "tiktok_functions": ref.functions, "export_function_items": ref.mapping, "deal_paths": ref.paths,
             "export_keywords": ref.keywords, "context_events": ref.record}
    for name, frame in named.items():
        assert frame["source"].str.len().gt(10).all(), name
        cited = frame["source"].str.contains(r"https?://|corpus|Announcement No\. 38")
        assert cited.all(), (name, list(frame.loc[~cited, "source"]))
        dates = frame["checked"].str.extract(r"^(\d{4}-\d{2}-\d{2}): \S")[0]
        assert dates.notna().all(), name
        assert all(dt.date.fromisoformat(d) <= dt.date.today() for d in dates), name


# --------------------------------------------------------------------------------------------
# The model, held to its formula


def by_hand(a, ref, path, date=None, overrides=None):
    """The value kept operating on ``path``, from the method card's formula, with plain floats."""
    v = {**{n: a[n] for n in a}, **(overrides or {})}
    date = date or v["export.model_date"]
    shares = {f.function_id: v[f"export.value_share.{f.function_id}"] for f in ref.functions.itertuples()
              if f.available_from <= date.isoformat()}
    total = sum(shares.values())
    rank = {"low": 1, "medium": 2, "high": 3}
    restricted = {m.function_id for m in ref.mapping.itertuples()
                  if rank[m.confidence] >= rank[v["export.mapping_min_confidence"]]}
    p = row(ref.paths, "path_id", path)
    named = set("|".join(p[c] for c in tables.TRANSFER_COLUMNS).split("|"))
    stake = named & restricted & set(shares)
    rebuilt = v["export.rebuild_quality"] * max(0.0, 1 - v["export.rebuild_months"] / v["export.horizon_months"])
    refused = sum(s / total * (rebuilt if f in stake else 1) for f, s in shares.items())
    c, us, n, lic = (v[f"export.{k}.{path}"] for k in ("seller_consent", "us_approval", "licence_needed",
                                                        "licence_approval"))
    rho = v["export.approval_correlation"]
    both = us * lic + rho * math.sqrt(us * (1 - us) * lic * (1 - lic))
    both = min(max(both, max(0.0, us + lic - 1)), min(us, lic))
    return c * ((1 - n) * us + n * (both + (us - both) * refused)), refused


@pytest.mark.parametrize("path", DEALS)
def test_value_formula_by_hand(ref, a, path):
    scen = ec.scenarios(ref, a).set_index("path_id")
    expected, refused = by_hand(a, ref, path)
    assert scen.loc[path, "expected_operating"] == pytest.approx(expected)
    assert scen.loc[path, "value_if_licence_refused"] == pytest.approx(refused)
    u, price = a[f"export.us_owner_share.{path}"], a["export.sale_price_share"]
    assert scen.loc[path, "expected_us_owners"] == pytest.approx(u * expected)
    assert scen.loc[path, "expected_bytedance"] == pytest.approx((1 - u + price * u) * expected)
    assert (scen.loc["no_deal_ban", [f"expected_{s}" for s in ec.SIDES]] == 0).all()


def test_the_joint_approval_is_independence_at_zero_and_stays_a_probability():
    us, lic = np.array([0.45, 0.9, 0.5]), np.array([0.25, 0.9, 0.5])
    assert ec.joint_approval(us, lic, np.zeros(3)) == pytest.approx(us * lic)
    low = ec.joint_approval(us, lic, np.full(3, -1.0))
    assert low[1] == pytest.approx(0.8)  # 0.81 - 0.09 = 0.72 is below max(0, 0.9 + 0.9 - 1): clipped
    assert low[2] == pytest.approx(0.0)
    assert ec.joint_approval(us, lic, np.ones(3)) == pytest.approx(np.minimum(us, lic))


def test_without_the_sellers_consent_a_path_keeps_nothing_and_without_a_licence_need_keeps_its_approval(ref, a):
    v = ec.path_values(ref, a, {"export.seller_consent.microsoft_walmart": 0.0,
                                "export.licence_needed.oracle_trusted_partner": 0.0})
    assert v["operating:microsoft_walmart"][0] == 0
    assert v["operating:oracle_trusted_partner"][0] == pytest.approx(
        a["export.seller_consent.oracle_trusted_partner"] * a["export.us_approval.oracle_trusted_partner"])


def test_the_sides_split_what_operates_by_ownership_and_price(ref, a):
    """Paid nothing, ByteDance keeps only its stake and the two sides share what operates; paid in
    full, ByteDance's value is all of it (what it kept plus the full price of what it sold)."""
    for price, check in ((0.0, lambda v, p: v[f"us_owners:{p}"] + v[f"bytedance:{p}"]),
                         (1.0, lambda v, p: v[f"bytedance:{p}"])):
        v = ec.path_values(ref, a, {"export.sale_price_share": price})
        for p in DEALS:
            assert check(v, p)[0] == pytest.approx(v[f"operating:{p}"][0])


def test_the_committed_model_is_the_special_case_of_consent_certain_licence_needed_and_independence(ref, a):
    """Consent 1, a licence surely needed, one licence probability, independent approvals and every
    function valued: the committed model, E = A * sum_f s_f * (L + (1 - L) * rebuilt if restricted else 1)."""
    draws = {"export.seller_consent.microsoft_walmart": 1.0, "export.licence_needed.microsoft_walmart": 1.0,
             "export.licence_approval.microsoft_walmart": 0.15, "export.approval_correlation": 0.0}
    late = a.override({"export.model_date": "2021-06-09"})
    shares = {f: late[f"export.value_share.{f}"] for f in ref.functions["function_id"]}
    restricted = {"recommendation_feed", "speech_recognition_captions", "synthetic_voices", "data_analytics_ads",
                  "source_code"}  # mapped at medium confidence or above in export_function_items.csv
    rebuilt = a["export.rebuild_quality"] * (1 - a["export.rebuild_months"] / a["export.horizon_months"])
    kept = sum(s * ((0.15 + 0.85 * rebuilt) if f in restricted else 1) for f, s in shares.items()) / sum(shares.values())
    got = ec.path_values(ref, late, draws)["operating:microsoft_walmart"][0]
    assert got == pytest.approx(a["export.us_approval.microsoft_walmart"] * kept)


def test_what_did_not_exist_at_the_model_date_does_not_count(ref, a):
    moved = ec.path_values(ref, a, {"export.value_share.synthetic_voices": np.array([0.0, 0.05])})
    assert np.ptp(moved["operating:microsoft_walmart"]) == 0
    assert "export.value_share.synthetic_voices" not in ec.model_inputs(ref, a)
    early = a.override({"export.model_date": "2020-09-14"})  # before TikTok Global was proposed (19 Sep)
    assert "tiktok_global" not in set(ec.scenarios(ref, early)["path_id"])
    assert "export.us_approval.tiktok_global" not in ec.model_inputs(ref, early)


def test_break_even_is_where_the_two_paths_meet(ref, a):
    sens = ec.sensitivity(ref, a).set_index("assumption")
    top = sens.loc["export.us_approval.oracle_trusted_partner"]
    at = ec.path_values(ref, a, {"export.us_approval.oracle_trusted_partner": top["break_even"]})
    best_other = max(at[f"operating:{p}"][0] for p in DEALS if p != "oracle_trusted_partner")
    assert at["operating:oracle_trusted_partner"][0] == pytest.approx(best_other, abs=1e-3)


def test_monte_carlo_is_seeded_and_fast(ref, a):
    began = time.perf_counter()
    ec.sensitivity(ref, a)
    first = ec.monte_carlo(ref, a, n=10_000)
    elapsed = time.perf_counter() - began
    second = ec.monte_carlo(ref, a, n=10_000)
    assert all(np.array_equal(first[k], second[k]) for k in first)
    assert elapsed < 2.0, f"sensitivity + 10,000-draw Monte Carlo took {elapsed:.2f} s"
    summary = ec.monte_carlo_summary(first, 0.9)
    assert summary.groupby("side")["p_best"].sum().to_numpy() == pytest.approx([1.0, 1.0, 1.0])
    assert (np.diag(ec.beats(first).to_numpy()) == 0).all()


def test_each_side_has_a_figure_of_its_own_with_the_same_numbers(ref, a):
    """Value to US owners and to ByteDance, each its own figure: one panel, the same rows as that
    side of the three-panel figure, every path once."""
    summary = ec.monte_carlo_summary(ec.monte_carlo(ref, a, n=2_000), 0.9)
    both = ec.paths_plot_data(summary, ec.scenarios(ref, a))
    for side in ("us_owners", "bytedance"):
        one = ec.one_side(both, side)
        assert set(one["side"]) == {side} and one["path_id"].is_unique
        pd.testing.assert_frame_equal(one, both[both["side"] == side].reset_index(drop=True))
        assert one.attrs["interval"] == 0.9
        fig = plot.draw_paths(one, "t")
        assert len(fig.axes) == 1
        plt.close(fig)
    with pytest.raises(ValueError, match="side must be one of"):
        ec.one_side(both, "microsoft")


def test_priors_are_quoted_by_mode_and_mean(a):
    # triangular over [0.0, 0.40] with mode 0.10: mean (0 + 0.10 + 0.40) / 3
    assert ec.prior(a.override({"export.licence_approval.microsoft_walmart": 0.1}),
                    "export.licence_approval.microsoft_walmart") == "mode 0.10, mean 0.17"


# --------------------------------------------------------------------------------------------
# The findings


def test_findings_lead_with_what_holds_across_the_uncertainty_and_state_sourced_dates(ref, a, corpus):
    scen, sens, draws = ec.scenarios(ref, a), ec.sensitivity(ref, a), ec.monte_carlo(ref, a)
    lines = ec.findings(scen, sens, draws, ec.find_evidence(corpus, ref), ref, a)
    assert "of 10,000 draws" in lines[0] and "margin" in lines[0]
    assert next(i for i, t in enumerate(lines) if "At the values in force" in t) > 0
    text = " ".join(lines)
    assert "needs no licence" not in text and "share of the US product" not in text and "1 day before" not in text
    assert "ByteDance rejected Microsoft on 2020-09-13" in text  # Microsoft's statement of 13 Sep 2020
    assert "licence on 2020-09-23 to 2020-09-24" in text  # 21jingji (evening of 23 Sep), CNBC and MOFCOM (24 Sep)
    assert "'in concept' on 2020-09-19" in text  # NBC
    assert "on 2020-11-13 and 2020-11-25" in text and "extension on 2020-12-04" in text  # Reuters, Washington Times
    quoting = [t for t in lines if "put at" in t]
    assert len(quoting) >= 2 and all("(mode" in t and "mean" in t for t in quoting)  # each prior: mode and mean


def test_paths_the_model_cannot_tell_apart_are_reported_together(make_data, corpus):
    """Give oracle_acquisition exactly microsoft_walmart's priors: their draws then differ only by noise."""
    data = make_data()
    file = data / "assumptions.yaml"
    spec = yaml.safe_load(file.read_text(encoding="utf-8"))
    for family in ec.PER_PATH:
        spec[f"export.{family}.oracle_acquisition"] = copy.deepcopy(spec[f"export.{family}.microsoft_walmart"])
    file.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    a, ref = load_assumptions(file), reference.load_export(data)
    assert ["microsoft_walmart", "oracle_acquisition"] in ec.exchangeable_groups(ref, a)
    draws = ec.monte_carlo(ref, a)
    lead = ec.leader(draws, ec.exchangeable_groups(ref, a), "us_owners", 0.9)
    grouped = dict((tuple(g), p) for g, p in lead["groups"])
    assert ("microsoft_walmart", "oracle_acquisition") in grouped
    lines = ec.findings(ec.scenarios(ref, a), ec.sensitivity(ref, a), draws, ec.find_evidence(corpus, ref), ref, a)
    for line in lines[:2]:  # value kept operating; each side
        assert "microsoft_walmart and oracle_acquisition" in line and "together (identical priors" in line


def test_evidence_links_sentences_to_functions_and_items(ref, corpus):
    ev = ec.find_evidence(corpus, ref)
    s = ev[ev["text"].str.contains("speech recognition")]
    assert len(s) == 1 and "speech_recognition_captions" in s.iloc[0]["functions"] and "056101X-18" in s.iloc[0]["items"]
    assert ev["text"].str.contains("stored on the Oracle cloud platform").any()
    assert ev["text"].str.contains("approval of the Chinese Commerce Ministry").any()


# --------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(("table", "edit", "says"), [
    ("export_function_items", lambda t: t + "recommendation_feed,999999X,r,high,s,2026-12-02: x\n",
     "export_function_items.csv: line 9: item_id: '999999X' is not in export_catalogue_items.csv"),
    ("deal_paths", lambda t: t.replace(",us_data_hosting,source_code,", ",hologram_feature,source_code,", 1),
     "(oracle_trusted_partner): functions_transferred: 'hologram_feature' is not in tiktok_functions.csv"),
    ("deal_paths", lambda t: t.replace("review_access (Oracle to check", "peek_access (Oracle to check", 1),
     "(oracle_trusted_partner): source_code: 'peek_access' is not one of"),
    ("export_function_items", lambda t: t.replace(",high,", ",certain,", 1), "confidence: 'certain' is not"),
    ("tiktok_functions", lambda t: t.replace(",2021-04-06,day,", ",April 2021,day,", 1),
     "(speech_recognition_captions): available_from: 'April 2021' is not an ISO date"),
    ("export_keywords", lambda t: t.replace(",2026-12-02: item ids", ",item ids", 1), "line 2: checked: must start"),
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
    with pytest.raises(DataError, match=r"export.licence_approval.tiktok_global.value: 0.9 is outside its range"):
        load_assumptions(overrides={"export.licence_approval.tiktok_global": 0.9})


@pytest.mark.slow
def test_notebook_rerun_with_no_licence_ever(tmp_path, ref, a):
    """Papermill reruns notebook 03 with China granting no licence: a path then keeps, when the US
    approves, only what needs no licence plus what a rebuild recovers (P11 = 0)."""
    import papermill

    out = tmp_path / "run"
    none = {f"export.licence_approval.{p}": 0.0 for p in DEALS}
    papermill.execute_notebook(str(paths.notebook("03-export-control-impact")), str(tmp_path / "03.ipynb"),
                               parameters={"overrides": none, "output_dir": str(out)},
                               kernel_name="python3", progress_bar=False, cwd=str(paths.NOTEBOOKS))
    scen = pd.read_csv(out / "data" / "processed" / "export_control_scenarios.csv").set_index("path_id")
    for path in DEALS:
        expected, refused = by_hand(a, ref, path, overrides=none)
        c, us, n = (a[f"export.{k}.{path}"] for k in ("seller_consent", "us_approval", "licence_needed"))
        assert expected == pytest.approx(c * us * ((1 - n) + n * refused))
        assert scen.loc[path, "expected_operating"] == pytest.approx(expected, abs=1e-5)
    assert '"export.licence_approval.tiktok_global": 0.0' in (out / "figures" / "03-tornado.json").read_text()
