"""Scenario reruns: validated before anything runs, written apart, committed outputs untouched."""
from __future__ import annotations

import hashlib
import json

import pytest

from helpers import paths, scenario
from helpers.errors import DataError


def tree_digest() -> dict[str, str]:
    """The committed outputs' bytes. Hidden files are left out: a notebook run alongside (nbval, on the
    other worker) rewrites the same bytes through a temporary ``.name.tmp`` file beside its target."""
    files = [*paths.FIGURES.iterdir(), *paths.processed().glob("*.csv"), *paths.NOTEBOOKS.glob("*.ipynb")]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)
            if p.is_file() and not p.name.startswith(".")}


@pytest.mark.parametrize(("text", "says"), [
    ("overrides:\n  export.nope: 1\n", "export.nope: unknown assumption"),
    ("overrides:\n  export.licence_approval.tiktok_global: 1.5\n",
     "export.licence_approval.tiktok_global.value: 1.5 is outside its range"),
    ("published:\n  zzz: 2020-09-14\n", "published['zzz']: no article with this id"),
    ("published:\n  000_092449573fc0f0ef: 1999-01-01\n", "is before 2000-01-01"),
    ("override:\n  export.rebuild_months: 6\n", "override: unknown key"),
    ("name: ../escape\n", "name: '../escape' must be"),
    ("name: ..\n", "name: '..' must be"),
    ("name: Upper Case\n", "name: 'Upper Case' must be"),
    ("name: 7\n", "name: 7 must be"),
    ("overrides: [1, 2]\n", "overrides: must be a mapping of assumption names to values, not list"),
    ("overrides: yes\n", "overrides: must be a mapping"),
    ("published: 2020-09-14\n", "published: must be a mapping of article ids to dates"),
    ("published:\n  000_092449573fc0f0ef: [2020-09-14]\n", "must be a single value, not a list"),
    ("published:\n  000_092449573fc0f0ef: 2020-02-30\n", "line 2: published.000_092449573fc0f0ef: '2020-02-30' is not "
                                                          "a real date"),
    ("overrides:\n  export.rebuild_months: " + "9" * 5001 + "\n", "line 2: overrides.export.rebuild_months: an integer"),
    ("overrides:\n  1: 2\n", "overrides[1]: a name must be text"),
    ("description: [a]\n", "description: must be one line of text"),
    ("- a\n- b\n", "(top level): expected a mapping"),
    ("name: a\nname: b\n", "line 2: name: appears twice"),
    ("x: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested more than 16 levels deep"),
])
def test_bad_scenarios_stop_before_running_with_the_key_named(tmp_path, text, says):
    params = tmp_path / "bad.yaml"
    params.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=None) as err:
        scenario.load_scenario(params)
    assert says in str(err.value)


def test_every_problem_of_a_scenario_is_named_at_once(tmp_path):
    params = tmp_path / "bad.yaml"
    params.write_text("name: ..\noverrides: [1]\npublished: x\nextra: 1\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        scenario.load_scenario(params)
    assert [p.field for p in err.value.problems] == ["extra", "name", "overrides", "published"]


def test_a_scenario_file_that_links_out_of_its_folder_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text("name: fine\n", encoding="utf-8")
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "s.yaml").symlink_to(elsewhere)
    with pytest.raises(DataError, match="s.yaml: \\(file\\): is a link to a file outside"):
        scenario.load_scenario(tmp_path / "scenarios" / "s.yaml")


def test_output_folders_are_made_only_inside_build_scenarios(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "precious.txt").write_text("x", encoding="utf-8")
    for name in ("..", ".", "../keep", "a/b", ""):
        with pytest.raises(DataError, match="is not a scenario name"):
            scenario.output_folder(name)
    (tmp_path / "build" / "scenarios").mkdir(parents=True)
    (tmp_path / "build" / "scenarios" / "linked").symlink_to(keep)
    with pytest.raises(DataError, match="is a link"):
        scenario.output_folder("linked")
    assert (keep / "precious.txt").exists()
    root = scenario.output_folder("fine")
    assert root == tmp_path / "build" / "scenarios" / "fine" and (root / "notebooks").is_dir()


def test_the_example_scenario_validates():
    spec = scenario.load_scenario(paths.ROOT / "scenarios" / "no-licence.yaml")
    assert spec["name"] == "no-licence"
    assert spec["overrides"] == {f"export.licence_approval.{p}": 0.0 for p in
                                 ("microsoft_walmart", "oracle_acquisition", "oracle_trusted_partner", "tiktok_global")}


@pytest.mark.slow
def test_a_scenario_run_writes_apart_and_leaves_committed_outputs_alone(tmp_path):
    params = tmp_path / "pytest-scenario.yaml"
    params.write_text("name: pytest-scenario\ndescription: test run.\n"
                      "overrides:\n  export.licence_approval.tiktok_global: 0.55\n", encoding="utf-8")
    before = tree_digest()
    root = scenario.run_scenario(params, ["03-export-control-impact"])
    assert tree_digest() == before
    assert root == paths.BUILD / "scenarios" / "pytest-scenario"
    sidecar = json.loads((root / "figures" / "03-tornado.json").read_text(encoding="utf-8"))
    assert sidecar["overrides"] == {"export.licence_approval.tiktok_global": 0.55}
    assert (root / "html" / "index.html").exists() and (root / "html" / "03-export-control-impact.html").exists()
    assert (root / "data" / "processed" / "export_control_scenarios.csv").exists()
    assert "0.55 for tiktok_global" in (root / "html" / "index.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------
# The what-if panel of notebook 03 writes scenario files, and only when asked


@pytest.fixture(scope="module")
def panel_inputs():
    from helpers import export_controls as ec
    from helpers import reference
    from helpers.assumptions import load_assumptions

    a, ref = load_assumptions(), reference.load_export()
    summary = ec.monte_carlo_summary(ec.monte_carlo(ref, a, n=2000), a["export.monte_carlo_interval"])
    return ref, a, ec.paths_plot_data(summary, ec.scenarios(ref, a))


def test_the_what_if_has_a_slider_for_every_numeric_export_assumption_within_its_range(tmp_path, panel_inputs):
    from helpers import whatif

    ref, a, plotted = panel_inputs
    panel = whatif.WhatIf(ref, a, plotted, folder=tmp_path)
    numeric = {n for n in a if n.startswith("export.") and isinstance(a[n], (int, float))}
    assert set(panel.controls) == numeric and len(numeric) > 30
    for name, slider in panel.controls.items():
        low, high = a.entry(name).range
        assert (slider.min, slider.max, slider.value) == (low, high, a[name]), name
    assert panel.overrides() == {} and panel.plotted is plotted  # the default state: the notebook's own frame


def test_moving_a_slider_redraws_and_only_a_click_writes_a_scenario_make_scenario_reads(tmp_path, panel_inputs):
    from helpers import whatif

    ref, a, plotted = panel_inputs
    panel = whatif.WhatIf(ref, a, plotted, folder=tmp_path)
    before = panel.png
    panel.controls["export.us_approval.oracle_trusted_partner"].value = 0.5
    panel.controls["export.monte_carlo_draws"].value = 2000
    assert panel.png != before and panel.plotted is not plotted
    in_force = panel.plotted.set_index(["side", "path_id"]).loc[("operating", "oracle_trusted_partner"), "in_force"]
    assert in_force > plotted.set_index(["side", "path_id"]).loc[("operating", "oracle_trusted_partner"), "in_force"]
    assert list(tmp_path.iterdir()) == []  # moving sliders writes nothing
    panel.name.value = "../Evil Name!!"
    panel.save_button.click()
    written = tmp_path / "evil-name.yaml"
    assert [p.name for p in tmp_path.iterdir()] == ["evil-name.yaml"]
    spec = scenario.load_scenario(written)
    assert spec["name"] == "evil-name"
    assert spec["overrides"] == {"export.monte_carlo_draws": 2000, "export.us_approval.oracle_trusted_partner": 0.5}
    panel.save_button.click()  # never over an existing file
    assert (tmp_path / "evil-name-2.yaml").exists() and scenario.load_scenario(tmp_path / "evil-name-2.yaml")
    panel.reset()
    assert panel.overrides() == {}


@pytest.mark.parametrize(("name", "slug"), [("What if?", "what-if"), ("", "what-if"), ("..", "what-if"),
                                            ("No licence, ever", "no-licence-ever"), ("a/b\\c", "a-b-c")])
def test_scenario_names_become_safe_slugs(name, slug):
    from helpers import whatif

    assert whatif.scenario_slug(name) == slug
