"""Scale: the whole annotation pipeline on synthetic corpora of 1 to 10,000 articles, and the
notebooks against the floor of starting as many kernels that only import the same libraries.

Usage: python benchmarks/bench_scale.py [SIZES...]      (default: 1 10 100 1000 10000)
Each size runs in its own process so that its peak memory is its own. Ends with one line:
sentences_per_s=N scale_10x_time_ratio=R peak_mb=M notebooks_vs_floor=X
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def pipeline(n: int) -> dict:
    """Build a corpus of n articles and time each annotation stage (no cache)."""
    from synthetic import build_corpus

    from helpers import stakeholders as st
    from helpers import timeline as tl
    from helpers import tone
    from helpers.assumptions import load_assumptions
    from helpers.corpus import load_corpus

    a = load_assumptions()
    gaz = st.load_gazetteer()
    tone.score_texts(__import__("pandas").Series(["warm up the lexicons."]))
    with tempfile.TemporaryDirectory() as tmp:
        data = build_corpus(Path(tmp), n)
        times = {}
        began = time.perf_counter()
        corpus = load_corpus(data, assumptions=a, use_cache=False)
        times["segment"] = time.perf_counter() - began
    stages = [("mentions", lambda: st.find_mentions(corpus, gaz)),
              ("temporal", lambda: tl.find_temporal_expressions(corpus)),
              ("tone", lambda: tone.score_texts(corpus.sentences["text"]))]
    for name, fn in stages:
        began = time.perf_counter()
        fn()
        times[name] = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "sentences": len(corpus.sentences), "seconds": times,
            "total": sum(times.values()), "peak_mb": round(peak_mb, 1)}


def notebooks_vs_floor() -> tuple[float, float]:
    """Seconds to execute every notebook, and to start as many kernels running only their imports."""
    import os

    import nbformat
    from nbclient import NotebookClient

    from helpers import paths

    os.environ.setdefault("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))
    nbs = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    began = time.perf_counter()
    for p in nbs:
        nb = nbformat.read(p, as_version=4)
        NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(paths.NOTEBOOKS)}},
                       record_timing=False).execute()
    full = time.perf_counter() - began
    began = time.perf_counter()
    for p in nbs:
        nb = nbformat.read(p, as_version=4)
        imports = [line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines()
                   if line.startswith(("import ", "from ", "%matplotlib"))]
        floor_nb = nbformat.v4.new_notebook()
        floor_nb.cells = [nbformat.v4.new_code_cell("\n".join(imports))]
        NotebookClient(floor_nb, kernel_name="python3", resources={"metadata": {"path": str(paths.NOTEBOOKS)}}).execute()
    return full, time.perf_counter() - began


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(pipeline(int(sys.argv[2]))))
        return 0
    sizes = [int(s) for s in sys.argv[1:]] or [1, 10, 100, 1000, 10000]
    results = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(r)
        rates = "  ".join(f"{k} {r['sentences'] / max(v, 1e-9):>9,.0f}/s" for k, v in r["seconds"].items())
        print(f"x{n:>6,} articles {r['sentences']:>8,} sentences  {rates}  end-to-end "
              f"{r['sentences'] / r['total']:>7,.0f}/s  {r['total']:7.2f} s  peak {r['peak_mb']:,.0f} MB", flush=True)
    by_n = {r["articles"]: r for r in results}
    ratios = [by_n[n * 10]["total"] / by_n[n]["total"] for n in sorted(by_n) if n * 10 in by_n and n >= 100]
    largest = results[-1]
    full, floor = notebooks_vs_floor()
    print(f"notebooks: {full:.1f} s to execute all; floor (kernels importing the same libraries): {floor:.1f} s")
    print(f"sentences_per_s={largest['sentences'] / largest['total']:.0f} "
          f"scale_10x_time_ratio={max(ratios) if ratios else float('nan'):.2f} "
          f"peak_mb={max(r['peak_mb'] for r in results):.0f} notebooks_vs_floor={full / floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
