"""Export-control model speed (issues 5 and 16): a full one-at-a-time sensitivity and a 10,000-draw Monte
Carlo in under 2 s.

Usage: python benchmarks/bench_export_controls.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import best_of  # noqa: E402

from helpers import export_controls as ec  # noqa: E402
from helpers import reference  # noqa: E402
from helpers.assumptions import load_assumptions  # noqa: E402


def main() -> int:
    a, ref = load_assumptions(), reference.load_export()

    def full_run() -> None:
        ec.sensitivity(ref, a)
        ec.monte_carlo_summary(ec.monte_carlo(ref, a, n=10_000), a["export.monte_carlo_interval"])

    best = best_of(full_run, 3)
    sens = ec.sensitivity(ref, a)
    print(f"sensitivity over {len(sens)} assumptions (201-point grid each) + 10,000-draw Monte Carlo: "
          f"{best:.3f} s (best of 3)")
    print(f"export_model_seconds={best:.3f}")
    return 0 if best < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
