"""Shared fixtures: the project's corpus, and throwaway data folders built from the seeds."""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from browsing import ARGS, CHROMIUM

from helpers import paths
from helpers.corpus import load_corpus

SEED_000 = "000_092449573fc0f0ef"
SEED_003 = "003_edbf4c3929db4888"
HEADER = "article_id,file,title,outlet,published,published_basis,url\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The HTML edition of the committed notebooks, built once per test module."""
    from helpers import report  # nbconvert: only the modules that ask for the edition pay for it

    out = tmp_path_factory.mktemp("html")
    report.build_site(out_dir=out)
    return out


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, one per test module (a module of browser tests runs on one worker)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """The two seed articles with their own rows of ``data/articles.csv``, loaded once: the texts
    the tests' expected values were read from, whatever an analyst has since added to ``data/``."""
    data = write_data_folder(tmp_path_factory.mktemp("seeds") / "data")
    with paths.articles_csv().open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [r for r in reader if r["article_id"] in (SEED_000, SEED_003)]
    with (data / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=reader.fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return load_corpus(data)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path) with the SHA-256 of its bytes: compare two to
    show nothing under it was written."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run_command(capsys, *args: str | Path) -> tuple[int, str, str]:
    """``python -m helpers ARGS`` through the command's own entry point (``helpers.__main__.main``,
    what the command line calls): exit code, stdout, stderr, of this call only."""
    from helpers.__main__ import main

    capsys.readouterr()  # what earlier steps of the test printed is not this command's
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def write_data_folder(data: Path, articles: dict[str, str | bytes] | None = None,
                      rows: list[str] | None = None) -> Path:
    """A data folder at ``data``: the articles (the two seeds when None), their metadata rows (a
    valid row each when None), and the project's assumptions file and reference tables, so the
    folder validates like the real one."""
    raw = data / "raw" / "articles"
    raw.mkdir(parents=True)
    shutil.copy(paths.assumptions_yaml(), data / "assumptions.yaml")
    shutil.copytree(paths.reference(), data / "reference")
    if articles is None:
        articles = {aid: (paths.raw_articles() / f"{aid}.txt").read_bytes() for aid in (SEED_000, SEED_003)}
    for aid, body in articles.items():
        target = raw / f"{aid}.txt"
        target.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    if rows is None:
        rows = [f"{aid},{aid}.txt,A title,An outlet,2020-09-14,stated in the text,unknown" for aid in articles]
    (data / "articles.csv").write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return data


def run_every_notebook(data: Path, root: Path) -> list[Path]:
    """Execute every notebook on the data folder ``data`` (papermill, as ``make scenario`` does),
    outputs under ``root / "out"``; return the executed notebooks, saved in ``root``."""
    import papermill

    executed = []
    for stem in sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        target = root / f"{stem}.ipynb"
        papermill.execute_notebook(str(paths.notebook(stem)), str(target), kernel_name="python3", progress_bar=False,
                                   parameters={"data_dir": str(data), "output_dir": str(root / "out")},
                                   cwd=str(paths.NOTEBOOKS))
        executed.append(target)
    return executed


@pytest.fixture
def make_data(tmp_path: Path):
    """Build a data folder: ``make_data({"id": "text" or bytes}, rows=None)`` (see ``write_data_folder``)."""

    def build(articles: dict[str, str | bytes] | None = None, rows: list[str] | None = None) -> Path:
        return write_data_folder(tmp_path / "data", articles, rows)

    return build


def sentence_with(corpus, article_id: str, fragment: str):
    """The one sentence of ``article_id`` that contains ``fragment`` (fails if not exactly one)."""
    s = corpus.sentences
    hits = s[(s["article_id"] == article_id) & s["text"].str.contains(fragment, regex=False)]
    assert len(hits) == 1, f"{len(hits)} sentences of {article_id} contain {fragment!r}"
    return hits.iloc[0]


def ink_at_edges(png: Path, width: int = 2, threshold: int = 200) -> dict[str, int]:
    """Pixels darker than ``threshold`` (of 255) in the outermost ``width`` pixels of each side of a
    PNG: text or marks cut off by the canvas leave ink there; a report figure has a clear margin."""
    import numpy as np
    from PIL import Image

    a = np.asarray(Image.open(png).convert("L"))
    sides = {"top": a[:width, :], "bottom": a[-width:, :], "left": a[:, :width], "right": a[:, -width:]}
    return {side: int((pixels < threshold).sum()) for side, pixels in sides.items() if (pixels < threshold).any()}
