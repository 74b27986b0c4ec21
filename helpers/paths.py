"""Where things are: the project root and every folder the suite reads or writes.

Nothing else in the project builds a path by hand; notebooks and helpers ask this module.
A different data folder (a test fixture, a larger corpus) is passed as ``data_dir`` and every
data path is derived from it with the functions below.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent
DATA: Path = ROOT / "data"
NOTEBOOKS: Path = ROOT / "notebooks"
FIGURES: Path = ROOT / "figures"
BUILD: Path = ROOT / "build"
SCENARIOS: Path = ROOT / "scenarios"


def data_dir(data: Path | str | None = None) -> Path:
    """The data folder to use: the one given, or the project's ``data/``."""
    return Path(data) if data is not None else DATA


def raw_articles(data: Path | str | None = None) -> Path:
    """Folder of the immutable article texts (``data/raw/articles``)."""
    return data_dir(data) / "raw" / "articles"


def articles_csv(data: Path | str | None = None) -> Path:
    """The article metadata table (``data/articles.csv``)."""
    return data_dir(data) / "articles.csv"


def reference(data: Path | str | None = None) -> Path:
    """Folder of hand-curated, sourced reference tables (``data/reference``)."""
    return data_dir(data) / "reference"


def assumptions_yaml(data: Path | str | None = None) -> Path:
    """The one file of disputable numbers (``data/assumptions.yaml``)."""
    return data_dir(data) / "assumptions.yaml"


def processed(data: Path | str | None = None) -> Path:
    """Folder of tables written by notebooks (``data/processed``)."""
    return data_dir(data) / "processed"


def interim(data: Path | str | None = None) -> Path:
    """Folder of the cache of annotated frames (``data/interim``, git-ignored)."""
    return data_dir(data) / "interim"


def notebook(name: str) -> Path:
    """A notebook by stem or file name, e.g. ``notebook("00-corpus-overview")``."""
    stem = name[:-6] if name.endswith(".ipynb") else name
    return NOTEBOOKS / f"{stem}.ipynb"


def relative(path: Path | str) -> str:
    """A path as shown to readers: relative to the project root, never a machine path. The folder
    is resolved but not the name itself: a link is shown by its own name, never its target's."""
    p = Path(path).absolute()
    p = p.parent.resolve() / p.name if p.name not in ("", ".", "..") else p.resolve()
    try:
        return p.relative_to(ROOT).as_posix()
    except ValueError:
        return p.name


def data_folder_of(path: Path | str) -> Path:
    """The data folder a data file belongs to, read off its path (the inverse of the functions
    above): ``reference/x.csv`` and ``raw/articles/x.txt`` belong to the folder holding
    ``reference/`` or ``raw/``; ``articles.csv`` and ``assumptions.yaml`` to their own folder.
    Nothing the suite reads from a data folder may lie (or link) outside it."""
    folder = Path(os.path.abspath(path)).parent
    if folder.name == "reference":
        return folder.parent
    if folder.name == "articles" and folder.parent.name == "raw":
        return folder.parent.parent
    return folder


class Outputs:
    """Where a run writes: the project's ``figures/`` and ``data/processed/``, or the same two
    folders under ``root`` for a scenario run that must not touch the committed outputs."""

    def __init__(self, root: Path | str | None = None):
        self.root = Path(root) if root else None
        self.figures = self.root / "figures" if self.root else FIGURES
        self.data = self.root / "data" if self.root else DATA

    @property
    def processed(self) -> Path:
        return processed(self.data)


# Set by ``make report``'s runner (helpers.runner) for the kernel it starts: the folder where that
# notebook's figures and tables are staged until every cell has run.
STAGING_ENV = "HELPERS_STAGING_ROOT"


def outputs(root: Path | str | None = None) -> Outputs:
    """The output folders of a run (``root`` empty or None: the project's own).

    With ``root`` empty inside a kernel started by ``make report`` (``HELPERS_STAGING_ROOT`` set),
    the project's folders are staged: the run writes under that folder, and the runner moves the
    files into ``figures/`` and ``data/processed/`` together with the executed notebook, only once
    every cell has run."""
    if not root and os.environ.get(STAGING_ENV):
        return Outputs(os.environ[STAGING_ENV])
    return Outputs(root)
