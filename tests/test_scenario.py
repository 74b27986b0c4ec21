"""Scenario reruns: validated before anything runs, written apart, committed outputs untouched."""
from __future__ import annotations

import hashlib
import json

import pytest

from helpers import paths, scenario
from helpers.errors import DataError


def tree_digest() -> dict[str, str]:
    files = [*paths.FIGURES.iterdir(), *paths.processed().glob("*.csv"), *paths.NOTEBOOKS.glob("*.ipynb")]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files) if p.is_file()}


@pytest.mark.parametrize(("text", "says"), [
    ("overrides:\n  export.nope: 1\n", "export.nope: unknown assumption"),
    ("overrides:\n  export.licence_approval_probability: 1.5\n",
     "export.licence_approval_probability.value: 1.5 is outside its range"),
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
    assert spec["name"] == "no-licence" and spec["overrides"] == {"export.licence_approval_probability": 0.0}


def test_a_scenario_run_writes_apart_and_leaves_committed_outputs_alone(tmp_path):
    params = tmp_path / "pytest-scenario.yaml"
    params.write_text("name: pytest-scenario\ndescription: test run.\n"
                      "overrides:\n  export.licence_approval_probability: 1.0\n", encoding="utf-8")
    before = tree_digest()
    root = scenario.run_scenario(params, ["03-export-control-impact"])
    assert tree_digest() == before
    assert root == paths.BUILD / "scenarios" / "pytest-scenario"
    sidecar = json.loads((root / "figures" / "03-tornado.json").read_text(encoding="utf-8"))
    assert sidecar["overrides"] == {"export.licence_approval_probability": 1.0}
    assert (root / "html" / "index.html").exists() and (root / "html" / "03-export-control-impact.html").exists()
    assert (root / "data" / "processed" / "export_control_scenarios.csv").exists()
    assert "licence approval is assumed at 1.00" in (root / "html" / "index.html").read_text(encoding="utf-8")
