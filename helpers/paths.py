"""Where things are: the project root and every folder the suite reads or writes.

Nothing else in the project builds a path by hand; notebooks and helpers ask this module.
A different data folder (a test fixture, a larger corpus) is passed as ``data_dir`` and every
data path is derived from it with the functions below.
"""
from __future__ import annotations

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
    """A path as shown to readers: relative to the project root, never a machine path."""
    p = Path(path).resolve()
    try:
        return p.relative_to(ROOT).as_posix()
    except ValueError:
        return p.name


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


def outputs(root: Path | str | None = None) -> Outputs:
    """The output folders of a run (``root`` empty or None: the project's own)."""
    return Outputs(root)
