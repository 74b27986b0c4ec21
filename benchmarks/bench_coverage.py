"""Coverage that grows (issue 14): the five notebooks on 200 distinct articles take at most twice
their time on 2, and `add` takes a folder of 200 saved pages in under 20 s (bench_add.py).

The corpora are the test corpora of tests/corpora.py (mixed metadata; beyond the 20 base texts,
articles composed of their paragraphs, each distinct). Every notebook runs as `make scenario`
runs it (papermill, a fresh kernel, its own data and output folders), with empty caches.

Usage: python benchmarks/bench_coverage.py [SMALL] [LARGE]   (default 2 200)
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from corpora import build  # noqa: E402

from helpers import paths  # noqa: E402


def run_notebooks(data: Path, out: Path) -> dict[str, float]:
    """Seconds per notebook, each in a fresh kernel on ``data``, outputs under ``out``."""
    import papermill

    seconds = {}
    out.mkdir(parents=True, exist_ok=True)  # papermill saves the executed notebook there
    for nb in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        began = time.perf_counter()
        papermill.execute_notebook(str(nb), str(out / nb.name), kernel_name="python3", progress_bar=False,
                                   parameters={"data_dir": str(data), "output_dir": str(out)}, cwd=str(paths.NOTEBOOKS))
        seconds[nb.stem] = time.perf_counter() - began
    return seconds


def main() -> int:
    small, large = (int(a) for a in (sys.argv[1:3] if len(sys.argv) > 2 else (2, 200)))
    times = {}
    for n in (small, large):
        with tempfile.TemporaryDirectory() as tmp:
            data = build(Path(tmp) / "data", n)
            times[n] = run_notebooks(data, Path(tmp) / "out")
    print(f"{'notebook':<28}{f'{small} articles':>14}{f'{large} articles':>16}{'ratio':>8}")
    for stem in times[small]:
        a, b = times[small][stem], times[large][stem]
        print(f"{stem:<28}{a:>13.1f}s{b:>15.1f}s{b / a:>8.2f}")
    total_small, total_large = sum(times[small].values()), sum(times[large].values())
    ratio = total_large / total_small
    print(f"{'all five':<28}{total_small:>13.1f}s{total_large:>15.1f}s{ratio:>8.2f}")
    print(f"notebooks_{large}_vs_{small}_ratio={ratio:.2f}")
    if ratio > 2.0:
        print(f"missed: the notebooks at {large} articles take {ratio:.2f}x their time at {small} (target <= 2x)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
