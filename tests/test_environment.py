"""The two commands and the two environment files cannot drift apart."""
from __future__ import annotations

import re

import yaml

from helpers import paths


def pins(text: str) -> list[str]:
    return [line.split()[0] for line in text.splitlines() if line.strip() and not line.strip().startswith(("#", "-"))]


def test_environment_yml_has_exactly_the_requirements_pins():
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    requirements = pins((paths.ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert pip_section == requirements
    assert "python=3.11" in env["dependencies"]


def test_every_requirement_is_pinned_exactly_and_every_direct_dependency_is_locked():
    requirements = pins((paths.ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.+!-]+", p) for p in requirements), requirements
    locked = {p.split("==")[0].lower().replace("_", "-") for p in requirements}
    direct = {p.lower().replace("_", "-") for p in pins((paths.ROOT / "requirements.in").read_text(encoding="utf-8"))}
    assert direct <= locked, direct - locked


def test_every_pin_carries_its_hashes():
    """requirements.txt is installed in hash-checking mode (uv and pip alike): each pin has at
    least one sha256 of a distribution file, so a tampered or substituted file is refused."""
    text = (paths.ROOT / "requirements.txt").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(blocks) == len(pins(text))
    assert all(re.search(r"--hash=sha256:[0-9a-f]{64}", b) for b in blocks), [b.split()[0] for b in blocks
                                                                            if "--hash=" not in b]


def test_setup_installs_with_uv_or_pip_from_the_hashed_pins():
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    assert "INSTALLER  ?= uv" in makefile
    uv = (paths.ROOT / "requirements-uv.txt").read_text(encoding="utf-8")
    assert re.search(r"^uv==\d+\.\d+\.\d+ \\$", uv, re.M) and uv.count("--hash=sha256:") >= 1
    assert makefile.count("--require-hashes -r requirements-uv.txt") == 2  # the bootstrap: hashed too
    assert makefile.count("--require-hashes -r requirements.txt") == 2
    # uv, unlike pip, leaves no bytecode unless asked: with PYTHONDONTWRITEBYTECODE every process would compile it all
    assert "$(UV) pip install --quiet --python $(PY) --compile-bytecode --require-hashes -r requirements.txt" in makefile


def test_ci_runs_the_readme_test_command():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    ci = (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make report" in readme
    assert re.search(r"^make test$", ci, re.M)


def test_make_test_runs_nbval_in_strict_mode():
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    test_recipe = makefile.split("\ntest:")[1].split("\n\n")[0]
    assert "--nbval " in test_recipe and "--nbval-lax" not in test_recipe
    assert "ruff check helpers tests notebooks" in test_recipe
    assert "--nbval-sanitize-with tests/nbval_sanitize.cfg" in test_recipe


def test_readme_findings_are_the_notebooks_findings():
    """The README's findings block is generated from the notebooks' stored outputs (make report)."""
    from helpers.report import README_END, README_START, readme_findings

    text = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    block = text[text.index(README_START) + len(README_START):text.index(README_END)]
    assert block.strip() == readme_findings().strip(), "README findings are stale: run make report"


def test_figures_manifest_is_the_sidecars():
    """figures/README.md is generated from the committed sidecars (make report): a caption changed
    in a notebook must not leave the manifest saying the old one."""
    from helpers.report import manifest_text

    committed = (paths.FIGURES / "README.md").read_text(encoding="utf-8")
    assert committed == manifest_text(paths.FIGURES), "figures/README.md is stale: run make report"


def test_every_notebook_declares_the_same_parameters_to_papermill():
    """Scenario runs and `papermill --help-notebook` read the parameters cell: every notebook
    declares published, overrides, output_dir and data_dir, each line parseable and commented (papermill skips,
    with only a log warning, a line holding a second "=", even in its comment)."""
    import papermill

    for nb in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        declared = papermill.inspect_notebook(str(nb))
        assert {"published", "overrides", "output_dir", "data_dir"} <= set(declared), nb.name
        assert all(p["help"] for p in declared.values()), nb.name  # each says what it is for
