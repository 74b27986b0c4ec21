"""Execute the notebooks in place, top to bottom, in number order: the engine of ``make report``.

Each notebook runs in a fresh ``python3`` kernel with the notebooks folder as working directory.
No timing or machine details are recorded in the saved notebook, so a rerun with the same inputs
stores the same outputs.

A notebook's outputs land together or not at all. Its kernel writes figures and tables to a
staging folder under ``build/staging/`` (``paths.outputs`` honours ``HELPERS_STAGING_ROOT``, which
the kernel inherits), seeded with the notebook's current PNGs and render records so that the
render cache still skips unchanged figures. Only when every cell has run are the staged files moved
into ``figures/`` and ``data/processed/`` (``os.replace`` file by file, interrupts held off
meanwhile) and then the executed notebook written. On a failing cell, an interrupt or a killed
kernel, the committed notebook, figures and tables are all left as they were, and the staging
folder is removed.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import errno
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from helpers import paths
from helpers.outputs import atomic_write, file_mode
from helpers.text import counted

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


def execute(path: Path, env: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Run one notebook and return it executed (raises CellExecutionError on a failing cell);
    ``env`` is the kernel's environment (default: this process's)."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT_S, record_timing=False,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no transport notice on stderr
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute(**({"env": env} if env is not None else {}))
    return clean_metadata(nb)


def jobs() -> int:
    """How many notebooks run at once: one kernel per core (``HELPERS_JOBS`` to choose)."""
    given = os.environ.get("HELPERS_JOBS", "")
    return max(1, int(given)) if given.isdigit() else max(1, len(os.sched_getaffinity(0)))


def run_notebooks(names: list[str] | None = None, workers: int | None = None) -> int:
    """Execute notebooks in place, each one's outputs moved into place with it only if every cell
    ran (see the module docstring); return a process exit code.

    No notebook reads another's outputs, so they run ``workers`` at a time (default :func:`jobs`),
    each in its own kernel with its own staging folder; they land, and the log is printed, in
    number order, exactly as a run one after another: up to the first that fails, which stops the
    run (those after it are not landed)."""
    notebooks = notebook_paths(names)
    workers = workers or jobs()
    with contextlib.ExitStack() as stack:
        stages = [stack.enter_context(staging(path)) for path in notebooks]
        with concurrent.futures.ThreadPoolExecutor(max_workers=min(workers, len(notebooks)) or 1) as pool:
            # Longest first (the length of a notebook's code stands for its running time), so that no
            # worker is left with a long notebook at the end; they still land in number order.
            order = sorted(range(len(notebooks)), key=lambda i: -_code_length(notebooks[i]))
            submitted = {i: pool.submit(_timed_execute, notebooks[i], stages[i]) for i in order}
            futures = [submitted[i] for i in range(len(notebooks))]
            for path, stage, future in zip(notebooks, stages, futures):
                try:
                    nb, took = future.result()
                except CellExecutionError as exc:
                    for later in futures:
                        later.cancel()
                    print(f"{paths.relative(path)}: failed; the committed notebook, figures and tables are unchanged."
                          f"\n{exc}", file=sys.stderr)
                    return 1
                moved = commit(stage, path, nb)
                print(f"{paths.relative(path)}: executed in {took:.1f} s ({counted(moved, 'output file')} new or changed)",
                      flush=True)
    return 0


def _code_length(path: Path) -> int:
    """Characters of code in a notebook: a stand-in for how long it runs, to schedule the longest first."""
    nb = nbformat.read(path, as_version=4)
    return sum(len(c.source) for c in nb.cells if c.cell_type == "code")


def _timed_execute(path: Path, stage: Path) -> tuple[nbformat.NotebookNode, float]:
    """:func:`execute` with the kernel writing into ``stage`` (``HELPERS_STAGING_ROOT``); its seconds."""
    began = time.perf_counter()
    nb = execute(path, env={**os.environ, paths.STAGING_ENV: str(stage)})
    return nb, time.perf_counter() - began


def targets(stage: Path) -> dict[str, tuple[Path, Path]]:
    """The two output trees of a staging folder and where each lands: ``figures`` and ``processed``."""
    staged = paths.Outputs(stage)
    return {"figures": (staged.figures, paths.FIGURES), "processed": (staged.processed, paths.processed())}


@contextlib.contextmanager
def staging(notebook: Path) -> Iterator[Path]:
    """A fresh staging folder for one notebook's run, removed afterwards whatever happens. It starts
    with the notebook's current PNGs, their render records (``figures/.render-cache/``) and
    ``plotly.min.js``, linked or copied, so that unchanged figures are not drawn again."""
    from helpers.figures import RENDER_CACHE  # figures loads matplotlib: only when a notebook is staged

    root = paths.BUILD / "staging"
    root.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f"{notebook.stem}-", dir=root))
    try:
        figures, committed = targets(stage)["figures"]
        number = notebook.name[:2]
        seeds = [*committed.glob(f"{number}-*.png"), *(committed / RENDER_CACHE).glob(f"{number}-*.json"),
                 committed / "plotly.min.js"]
        for seed in seeds:
            if seed.is_file() and not seed.is_symlink():
                copy = figures / seed.relative_to(committed)
                copy.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(seed, copy)
                except OSError:
                    shutil.copy2(seed, copy)
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done (then arrive as usual): the staged files and
    the notebook are moved into place all together."""
    held = {signal.SIGINT, signal.SIGTERM}
    can = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if can:
        signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        if can:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def commit(stage: Path, notebook: Path, nb: nbformat.NotebookNode) -> int:
    """Move every staged output into place, then write the executed notebook; return how many
    output files changed. A staged file identical to the one in place is left out (a kept PNG)."""
    moves = []
    for staged_root, target_root in targets(stage).values():
        for src in sorted(staged_root.rglob("*")) if staged_root.is_dir() else []:
            if src.is_file() and not src.is_symlink() and not (src.name.startswith(".") and src.name.endswith(".tmp")):
                moves.append((src, target_root / src.relative_to(staged_root)))
    changed = 0
    with _interrupts_held():
        for src, dst in moves:
            if _same(src, dst):
                if stat.S_IMODE(dst.stat().st_mode) != file_mode():  # a PNG kept from a run before issue 18's fix
                    os.chmod(dst, file_mode())
                continue
            _place(src, dst)
            changed += 1
        atomic_write(notebook, nbformat.writes(nb) + "\n")
    return changed


def _same(a: Path, b: Path) -> bool:
    """Whether ``b`` exists with exactly ``a``'s bytes (the same file, linked, counts)."""
    try:
        sa, sb = a.stat(), b.stat()
    except OSError:
        return False
    if (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino):
        return True
    return sa.st_size == sb.st_size and a.read_bytes() == b.read_bytes()


def _place(src: Path, dst: Path) -> None:
    """``os.replace(src, dst)``; across file systems, a copy into ``dst``'s folder renamed over it."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(src, dst)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
        try:
            with os.fdopen(fd, "wb") as out, open(src, "rb") as data:
                os.chmod(out.fileno(), file_mode())
                shutil.copyfileobj(data, out)
            os.replace(tmp, dst)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
