"""Run the report twice from a clean state and compare every output byte for byte.

Compares data/processed/, figures/ (PNG, SVG, CSV, JSON, HTML) and the notebooks (with their
outputs). Each run starts with those outputs, the interim cache and the figures' render cache
deleted, so every PNG is drawn afresh. Exit 1 on any
difference, listing the files. Usage: python tools/check_determinism.py
"""
from __future__ import annotations

import hashlib
import shutil
import sys

from helpers import paths
from helpers.figures import RENDER_CACHE
from helpers.report import build_site, write_manifest
from helpers.runner import run_notebooks


def snapshot() -> dict[str, str]:
    files = [*paths.processed().glob("*.csv"), *(p for p in paths.FIGURES.iterdir() if p.is_file()),
             *paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")]
    return {paths.relative(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


def clean() -> None:
    for p in paths.processed().glob("*.csv"):
        p.unlink()
    for p in paths.FIGURES.iterdir():
        if p.is_file() and p.name not in (".gitkeep",):
            p.unlink()
    shutil.rmtree(paths.DATA / "interim", ignore_errors=True)
    shutil.rmtree(paths.FIGURES / RENDER_CACHE, ignore_errors=True)


def main() -> int:
    runs = []
    for i in (1, 2):
        clean()
        if run_notebooks() != 0:
            print(f"run {i}: a notebook failed", file=sys.stderr)
            return 1
        write_manifest()
        build_site()
        runs.append(snapshot())
        print(f"run {i}: {len(runs[-1])} files")
    first, second = runs
    differ = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    for name in differ:
        print(f"differs between runs: {name}")
    print(f"determinism: {len(first) - len(differ)} of {len(first | second)} files identical across two clean runs")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
