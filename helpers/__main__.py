"""Command line: ``python -m helpers validate [DATA_DIR]``, ``python -m helpers run [NOTEBOOK ...]``,
``python -m helpers add PATH... [--data-dir D] [--columns ...] [--outlet --published --title --url]``."""
from __future__ import annotations

import argparse
import sys

import helpers.startup  # noqa: F401  (first: skips a 2 s import nothing uses)


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
    a = sub.add_parser("add", help="add saved pages, text files, folders and CSV/JSON Lines exports to the corpus",
                       description="Add articles, all or nothing: on any bad input nothing is written (exit 2).")
    a.add_argument("inputs", nargs="+", metavar="PATH", help=".html/.htm saved pages, .txt files, folders of them, "
                   ".csv or .jsonl exports (one article per row)")
    a.add_argument("--data-dir", default=None, help="the data folder to add to (default: the project's data/)")
    a.add_argument("--columns", default=None, metavar="FIELD=COLUMN,...",
                   help="export column names for the fields text, title, date, outlet, url, e.g. text=body,date=pubdate")
    a.add_argument("--outlet", help="the outlet, over what the inputs say")
    a.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date, over what the inputs say")
    a.add_argument("--title", help="the headline (one article only)")
    a.add_argument("--url", help="the article's address (one article only)")
    args = parser.parse_args(argv)
    if args.command == "add":
        return _add(args)
    if args.command in ("validate", "scenario"):
        return _without_traceback(args)
    if args.command == "site":
        # the HTML edition: nbconvert and its templates
        from helpers import paths
        from helpers.report import build_site, update_readme, write_manifest

        print(f"{paths.relative(write_manifest())}: written")
        print(f"{paths.relative(update_readme())}: findings updated")
        print(f"{paths.relative(build_site())}: written")
        return 0
    from helpers.runner import resolve_names, run_notebooks  # nbclient, for `run` only

    return run_notebooks(resolve_names(args.notebooks))


def _add(args: argparse.Namespace) -> int:
    # trafilatura, htmldate and rapidfuzz load for `add` only
    from helpers import paths
    from helpers.errors import DataError
    from helpers.ingest import Flags, add
    from helpers.validate import validate

    flags = Flags(outlet=args.outlet, published=args.published, title=args.title, url=args.url)
    try:
        added = add(args.inputs, args.data_dir, args.columns, flags)
    except DataError as exc:
        print(exc, file=sys.stderr)
        print("nothing was added", file=sys.stderr)
        return 2
    except OSError as exc:  # the inputs were fine but writing failed; the texts written are removed again
        print(f"{paths.relative(exc.filename) if exc.filename else 'data folder'}: (write): {exc.strerror or exc}",
              file=sys.stderr)
        print("nothing was added", file=sys.stderr)
        return 1
    for art in added:
        print(f"added {art.article_id}  outlet: {art.outlet or 'unknown'}  published: {art.published}  "
              f"({art.published_basis})")
    for art in added:
        if art.near_duplicate_of:
            print(f"near-duplicate: {art.article_id} is like {art.near_duplicate_of}; added, flagged in near_duplicate_of")
    print(f"{len(added)} article{'s' if len(added) != 1 else ''} added to {paths.relative(paths.articles_csv(args.data_dir))}")
    problems = validate(args.data_dir)
    for problem in problems:
        print(problem)
    print("validate: " + ("ok" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


def _without_traceback(args: argparse.Namespace) -> int:
    """``validate`` and ``scenario``: bad data is a sentence per problem (file, field, what is wrong)
    and exit code 1 (validate) or 2 (a scenario that cannot run), never a traceback. Anything else
    that stops them is named in one sentence too (set HELPERS_TRACEBACK=1 to see where it came from)."""
    # the command's own dependencies, loaded when it runs
    import os

    from helpers.errors import DataError

    try:
        if args.command == "validate":
            from helpers.validate import validate, warnings  # the check alone: no notebook machinery to load

            problems = validate(args.data_dir)
            for problem in problems:
                print(problem)
            for warning in warnings(args.data_dir):
                print(f"warning: {warning}")
            if not problems:
                print("ok")
            return 1 if problems else 0
        # a scenario: its file is checked before papermill and the runner are imported
        from pathlib import Path

        from helpers.scenario import load_scenario, run_scenario

        load_scenario(Path(args.params))  # every problem named before the notebook machinery is even imported
        from helpers.runner import resolve_names  # nbclient comes with it: after the file passed its checks

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
