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
    sub.add_parser("site", help="render the notebooks to build/html/ and write figures/README.md")
    sc = sub.add_parser("scenario", help="rerun notebooks under an overrides file into build/scenarios/<name>/")
    sc.add_argument("params", help="a YAML file with overrides: and/or published:")
    sc.add_argument("notebooks", nargs="*", help="notebook numbers or stems (default: all)")
    args = parser.parse_args(argv)
    if args.command in ("validate", "scenario"):
        return _without_traceback(args)
    if args.command == "site":
        from helpers import paths
        from helpers.report import build_site, update_readme, write_manifest

        print(f"{paths.relative(write_manifest())}: written")
        print(f"{paths.relative(update_readme())}: findings updated")
        print(f"{paths.relative(build_site())}: written")
        return 0
    from helpers.runner import resolve_names, run_notebooks

    return run_notebooks(resolve_names(args.notebooks))


def _without_traceback(args: argparse.Namespace) -> int:
    """``validate`` and ``scenario``: bad data is a sentence per problem (file, field, what is wrong)
    and exit code 1 (validate) or 2 (a scenario that cannot run), never a traceback. Anything else
    that stops them is named in one sentence too (set HELPERS_TRACEBACK=1 to see where it came from)."""
    import os

    from helpers.errors import DataError

    try:
        if args.command == "validate":
            from helpers.validate import validate, warnings

            problems = validate(args.data_dir)
            for problem in problems:
                print(problem)
            for warning in warnings(args.data_dir):
                print(f"warning: {warning}")
            if not problems:
                print("ok")
            return 1 if problems else 0
        from pathlib import Path

        from helpers.scenario import load_scenario, run_scenario

        load_scenario(Path(args.params))  # every problem named before the notebook machinery is even imported
        from helpers.runner import resolve_names

        try:
            run_scenario(Path(args.params), resolve_names(args.notebooks))
        except Exception as exc:
            failed = sys.modules.get("papermill.exceptions")  # imported only once a notebook has started
            if failed is None or not isinstance(exc, failed.PapermillExecutionError):
                raise
            print(f"{exc.filename or 'notebook'}: cell {exc.exec_count} failed: {exc.ename}: {exc.evalue}; "
                  "the scenario's outputs are incomplete", file=sys.stderr)
            return 1
        return 0
    except DataError as exc:
        print(exc, file=sys.stderr if args.command == "scenario" else sys.stdout)
        return 2 if args.command == "scenario" else 1
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # the last guard of a command that must never show a traceback
        if os.environ.get("HELPERS_TRACEBACK"):
            raise
        print(f"python -m helpers {args.command}: stopped by {type(exc).__name__}: {str(exc)[:300]} "
              "(not a problem the checks name: please report it; HELPERS_TRACEBACK=1 shows where)", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
