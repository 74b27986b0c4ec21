"""make report's runner: a notebook's figures, tables and the executed notebook land together, only
when every cell ran; a failing cell or an interrupt leaves all three as they were."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import tree_digest

from helpers import outputs, paths, runner

NOTEBOOK = "00-corpus-overview"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A temporary output tree: notebooks/ with a copy of notebook 00, figures/ and
    data/processed/ holding an older version of its outputs, and build/ for staging."""
    notebooks, figures, processed = tmp_path / "notebooks", tmp_path / "figures", tmp_path / "data" / "processed"
    for folder in (notebooks, figures, processed):
        folder.mkdir(parents=True)
    shutil.copy(paths.notebook(NOTEBOOK), notebooks)
    for name in ("00-sentence-voices.csv", "00-sentence-voices.json", "00-sentence-voices.png"):
        (figures / name).write_text("old\n", encoding="utf-8")
    (processed / "corpus_sentences.csv").write_text("old\n", encoding="utf-8")
    for name, value in (("NOTEBOOKS", notebooks), ("FIGURES", figures), ("DATA", tmp_path / "data"),
                        ("BUILD", tmp_path / "build")):
        monkeypatch.setattr(paths, name, value)
    monkeypatch.setenv("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))
    return tmp_path


@pytest.mark.slow
def test_a_failing_last_cell_leaves_notebook_figures_and_tables_untouched(project):
    path = project / "notebooks" / f"{NOTEBOOK}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('fails after every figure and table was saved')"))
    nbformat.write(nb, path)
    before = {name: tree_digest(project / name) for name in ("notebooks", "figures", "data")}
    assert runner.run_notebooks([NOTEBOOK]) == 1
    assert {name: tree_digest(project / name) for name in ("notebooks", "figures", "data")} == before
    assert list((project / "build" / "staging").iterdir()) == []  # the staging folder is gone


@pytest.mark.slow
def test_a_notebook_that_runs_lands_with_all_its_outputs(project):
    assert runner.run_notebooks([NOTEBOOK]) == 0
    figures = tree_digest(project / "figures")
    committed = tree_digest(paths.ROOT / "figures")
    for name in ("00-sentence-voices.csv", "00-sentence-voices.json", "00-sentence-voices.png",
                 "00-sentence-voices.svg"):
        assert figures[name] == committed[name], name  # the same bytes as the committed run's
    for name in ("corpus_articles.csv", "corpus_paragraphs.csv", "corpus_sentences.csv"):
        assert (project / "data" / "processed" / name).read_bytes() == (paths.ROOT / "data" / "processed" / name).read_bytes()
    assert (project / "notebooks" / f"{NOTEBOOK}.ipynb").read_bytes() == paths.notebook(NOTEBOOK).read_bytes()
    assert any(p.name == "00-sentence-voices.json" for p in (project / "figures" / ".render-cache").iterdir())
    mode = (project / "data" / "processed" / "corpus_articles.csv").stat().st_mode & 0o777
    assert mode == outputs.file_mode()


def test_an_interrupt_while_a_notebook_runs_commits_nothing(project, monkeypatch):
    def interrupted(path, env=None):
        out = paths.Outputs(env[paths.STAGING_ENV])  # what the kernel's set-up cell gets: the staging folder
        outputs.write_processed(pd.DataFrame({"x": ["new"]}), "corpus_sentences", data_dir=out.data)
        outputs.atomic_write(out.figures / "00-sentence-voices.png", b"new")
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "execute", interrupted)
    before = {name: tree_digest(project / name) for name in ("notebooks", "figures", "data")}
    with pytest.raises(KeyboardInterrupt):
        runner.run_notebooks([NOTEBOOK])
    assert {name: tree_digest(project / name) for name in ("notebooks", "figures", "data")} == before
    assert list((project / "build" / "staging").iterdir()) == []
    assert paths.STAGING_ENV not in __import__("os").environ


def test_outputs_outside_a_staged_run_are_the_project_folders(monkeypatch):
    monkeypatch.delenv(paths.STAGING_ENV, raising=False)
    assert paths.outputs("").figures == paths.FIGURES
    monkeypatch.setenv(paths.STAGING_ENV, "/tmp/stage")
    assert paths.outputs("").figures == Path("/tmp/stage/figures")
    assert paths.outputs("build/scenarios/x").figures == Path("build/scenarios/x/figures")  # a scenario is never staged


@pytest.mark.slow
def test_notebooks_run_side_by_side_land_in_order_as_one_after_another(project, capsys):
    """Two notebooks run at once (one kernel each) print and land in number order, with the same
    outputs as a run one after the other."""
    second = project / "notebooks" / f"{NOTEBOOK[:2]}-copy-of-overview.ipynb"
    second.write_bytes((project / "notebooks" / f"{NOTEBOOK}.ipynb").read_bytes())
    assert runner.run_notebooks([NOTEBOOK, second.stem], workers=2) == 0
    log = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in log] == [f"{NOTEBOOK}.ipynb", second.name]
    parallel = {name: tree_digest(project / name) for name in ("figures", "data")}
    assert runner.run_notebooks([NOTEBOOK, second.stem], workers=1) == 0
    assert {name: tree_digest(project / name) for name in ("figures", "data")} == parallel
