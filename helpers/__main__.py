"""Command line: ``python -m helpers validate [DATA_DIR]``, ``python -m helpers run [NOTEBOOK ...]``,
``python -m helpers add PATH... [--data-dir D] [--columns ...] [--outlet --published --title --url]``."""
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


if __name__ == "__main__":
    sys.exit(main())
