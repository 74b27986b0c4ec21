"""Execute the notebooks in place, top to bottom, in number order: the engine of ``make report``.

Each notebook runs in a fresh ``python3`` kernel with the notebooks folder as working directory.
No timing or machine details are recorded in the saved notebook, so a rerun with the same inputs
stores the same outputs. The executed notebook replaces the old one only if every cell ran; on
an error the previous notebook is left whole and the error is printed.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from helpers import paths
from helpers.outputs import atomic_write

KERNEL = "python3"
TIMEOUT_S = 600


def resolve_names(names: list[str] | None) -> list[str] | None:
    """Notebook stems for names given as numbers ("03"), stems or file names; None for all."""
    if not names:
        return None
    stems = []
    for name in names:
        matches = sorted(paths.NOTEBOOKS.glob(f"{Path(name).stem}*.ipynb"))
        if not matches:
            raise SystemExit(f"no notebook matches {name!r} in {paths.relative(paths.NOTEBOOKS)}/")
        stems += [m.stem for m in matches]
    return stems


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The notebooks to run: the ones named, or all ``NN-*.ipynb`` in number order."""
    if names:
        return [paths.notebook(Path(n).name) for n in names]
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def clean_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep only what a reader needs: the python3 kernelspec, language info, cell tags."""
    nb.metadata = nbformat.from_dict({
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL},
        "language_info": {"name": "python", "version": ".".join(map(str, sys.version_info[:2]))},
    })
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags")
        cell.metadata = nbformat.from_dict({"tags": tags} if tags else {})
    return nb


def execute(path: Path) -> nbformat.NotebookNode:
    """Run one notebook and return it executed (raises CellExecutionError on a failing cell)."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT_S, record_timing=False,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no transport notice on stderr
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return clean_metadata(nb)


def run_notebooks(names: list[str] | None = None) -> int:
    """Execute notebooks in place; return a process exit code."""
    for path in notebook_paths(names):
        began = time.perf_counter()
        try:
            nb = execute(path)
        except CellExecutionError as exc:
            print(f"{paths.relative(path)}: failed; the committed notebook is unchanged.\n{exc}", file=sys.stderr)
            return 1
        atomic_write(path, nbformat.writes(nb) + "\n")
        print(f"{paths.relative(path)}: executed in {time.perf_counter() - began:.1f} s")
    return 0
