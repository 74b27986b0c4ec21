"""Command line: ``python -m helpers validate [DATA_DIR]`` and ``python -m helpers run [NOTEBOOK ...]``."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    # Each command imports what it needs when it runs: `validate` must not wait for nbconvert or papermill.
    parser = argparse.ArgumentParser(prog="python -m helpers")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check articles, metadata, reference tables and assumptions")
    v.add_argument("data_dir", nargs="?", default=None)
    r = sub.add_parser("run", help="execute notebooks in place, top to bottom, in number order")
    r.add_argument("notebooks", nargs="*", help="notebook stems or files (default: all)")
    sub.add_parser("site", help="render the notebooks to build/html/ and write figures/README.md")
    sc = sub.add_parser("scenario", help="rerun notebooks under an overrides file into build/scenarios/<name>/")
    sc.add_argument("params", help="a YAML file with overrides: and/or published:")
    sc.add_argument("notebooks", nargs="*", help="notebook numbers or stems (default: all)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        from helpers.validate import validate  # the check alone: no notebook machinery to load

        problems = validate(args.data_dir)
        for problem in problems:
            print(problem)
        if not problems:
            print("ok")
        return 1 if problems else 0
    if args.command == "site":
        # the HTML edition: nbconvert and its templates
        from helpers import paths
        from helpers.report import build_site, update_readme, write_manifest

        print(f"{paths.relative(write_manifest())}: written")
        print(f"{paths.relative(update_readme())}: findings updated")
        print(f"{paths.relative(build_site())}: written")
        return 0
    if args.command == "scenario":
        # papermill and the runner
        from pathlib import Path

        from helpers.errors import DataError
        from helpers.report import run_scenario
        from helpers.runner import resolve_names

        try:
            run_scenario(Path(args.params), resolve_names(args.notebooks))
        except DataError as exc:
            print(exc, file=sys.stderr)
            return 2
        return 0
    from helpers.runner import resolve_names, run_notebooks  # nbclient, for `run` only

    return run_notebooks(resolve_names(args.notebooks))


if __name__ == "__main__":
    sys.exit(main())
