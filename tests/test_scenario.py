"""Scenario reruns: validated before anything runs, written apart, committed outputs untouched."""
from __future__ import annotations

import hashlib
import json

import pytest

from helpers import paths, report
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
])
def test_bad_scenarios_stop_before_running_with_the_key_named(tmp_path, text, says):
    params = tmp_path / "bad.yaml"
    params.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=None) as err:
        report.load_scenario(params)
    assert says in str(err.value)


def test_the_example_scenario_validates():
    spec = report.load_scenario(paths.ROOT / "scenarios" / "no-licence.yaml")
    assert spec["name"] == "no-licence" and spec["overrides"] == {"export.licence_approval_probability": 0.0}


def test_a_scenario_run_writes_apart_and_leaves_committed_outputs_alone(tmp_path):
    params = tmp_path / "pytest-scenario.yaml"
    params.write_text("name: pytest-scenario\ndescription: test run.\n"
                      "overrides:\n  export.licence_approval_probability: 1.0\n", encoding="utf-8")
    before = tree_digest()
    root = report.run_scenario(params, ["03-export-control-impact"])
    assert tree_digest() == before
    assert root == paths.BUILD / "scenarios" / "pytest-scenario"
    sidecar = json.loads((root / "figures" / "03-tornado.json").read_text(encoding="utf-8"))
    assert sidecar["overrides"] == {"export.licence_approval_probability": 1.0}
    assert (root / "html" / "index.html").exists() and (root / "html" / "03-export-control-impact.html").exists()
    assert (root / "data" / "processed" / "export_control_scenarios.csv").exists()
    assert "licence approval is assumed at 1.00" in (root / "html" / "index.html").read_text(encoding="utf-8")
