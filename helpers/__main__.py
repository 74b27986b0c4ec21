"""Command line: ``python -m helpers validate [DATA_DIR]`` and ``python -m helpers run [NOTEBOOK ...]``."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check articles, metadata, reference tables and assumptions")
    v.add_argument("data_dir", nargs="?", default=None)
    r = sub.add_parser("run", help="execute notebooks in place, top to bottom, in number order")
    r.add_argument("notebooks", nargs="*", help="notebook stems or files (default: all)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        from helpers.validate import validate

        problems = validate(args.data_dir)
        for problem in problems:
            print(problem)
        if not problems:
            print("ok")
        return 1 if problems else 0
    from helpers.runner import run_notebooks

    return run_notebooks(args.notebooks)


if __name__ == "__main__":
    sys.exit(main())
