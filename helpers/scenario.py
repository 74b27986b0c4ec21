"""Scenario reruns: ``make scenario PARAMS=scenarios/no-licence.yaml [NB=03]``.

A scenario file is YAML with up to four keys: ``name`` (a slug, default the file's stem),
``description`` (text), ``overrides`` (assumption name to value) and ``published`` (article id to
ISO date). :func:`load_scenario` reads it strictly (:func:`helpers.safe_io.read_yaml`: a regular
file inside its folder, bounded, no aliases, no key twice) and validates it as a whole before
anything runs: every problem (a key it does not know, ``overrides`` that is not a mapping, an
unknown assumption or article, a value out of range, a name that is not a slug) is reported at
once, each naming the file and field. :func:`run_scenario` then reruns the notebooks with
papermill into ``build/scenarios/<name>/`` only, checked to lie there before anything in it is
replaced, and leaves the committed notebooks, figures and tables alone.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from helpers import paths, safe_io
from helpers.errors import DataError, Problem

KEYS = ("name", "description", "overrides", "published")
NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # a folder name on every system; never '.', '..' or a path


def scenarios_folder() -> Path:
    """Where scenario runs are written: ``build/scenarios/``."""
    return paths.BUILD / "scenarios"


def _within(path: Path) -> Path:
    """The folder a scenario file must stay inside: the project's ``scenarios/`` for a file there,
    else the folder it was given in."""
    path = Path(os.path.abspath(path))
    return paths.SCENARIOS if paths.SCENARIOS in path.parents else path.parent


def load_scenario(path: Path | str) -> dict[str, Any]:
    """Read an overrides file (``name``, ``description``, ``overrides``, ``published``) and validate
    it before anything runs; raise DataError with every problem, each naming the file and field."""
    # the corpus checks (sentencex, pandas) load only once the file itself has passed its own checks
    from helpers.assumptions import load_assumptions
    from helpers.corpus import validate_corpus

    path = Path(path)
    file = paths.relative(path)
    spec = safe_io.read_yaml(path, _within(path), file=file)
    if spec is None:
        spec = {}
    if not isinstance(spec, dict):
        raise DataError(Problem(file, "(top level)", f"expected a mapping with {', '.join(KEYS)}"))
    problems = [Problem(file, _field(k), f"unknown key; use {', '.join(KEYS)}") for k in spec if k not in KEYS]
    name = spec.get("name", path.stem)
    if not isinstance(name, str) or not NAME.fullmatch(name):
        problems.append(Problem(file, "name", f"{_shown(name)} must be 1 to 64 lower-case letters, digits, '-' or '_', "
                                "starting with a letter or digit (it names the folder under build/scenarios/)"))
    description = spec.get("description", "")
    if not isinstance(description, str):
        problems.append(Problem(file, "description", "must be one line of text"))
    overrides = _mapping(spec, "overrides", file, problems, "assumption names to values")
    published = _mapping(spec, "published", file, problems, "article ids to dates (YYYY-MM-DD)")
    for key, value in list(overrides.items()):  # a YAML date, given as it would be in a notebook's parameters
        if isinstance(value, dt.date):
            overrides[key] = value.isoformat()
    for aid, value in list(published.items()):
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            published[aid] = value.isoformat()
        elif not isinstance(value, str):
            problems.append(Problem(file, f"published[{aid!r}]", f"{_shown(value)} is not a date (YYYY-MM-DD)"))
    if not problems:  # the keys are strings and the values plain: check them against the data
        try:
            load_assumptions(overrides=overrides)
        except DataError as exc:
            problems += exc.problems
        problems += validate_corpus(published=published)
    if problems:
        raise DataError(problems)
    return {"name": name, "description": description, "overrides": overrides, "published": published}


def _field(key: Any) -> str:
    return key if isinstance(key, str) else _shown(key)


def _shown(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mapping(spec: Mapping[str, Any], key: str, file: str, problems: list[Problem], of: str) -> dict[str, Any]:
    """``spec[key]`` when it is a mapping with text keys and plain values ({} when absent); else
    {} and a problem added."""
    value = spec.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Problem(file, key, f"must be a mapping of {of}, not {type(value).__name__}"))
        return {}
    out = {}
    for k, v in value.items():
        if not isinstance(k, str):
            problems.append(Problem(file, f"{key}[{_shown(k)}]", "a name must be text"))
        elif isinstance(v, (dict, list, set)):
            problems.append(Problem(file, f"{key}[{k!r}]", f"must be a single value, not a {type(v).__name__}"))
        else:
            out[k] = v
    return out


def output_folder(name: str, file: str = "scenario") -> Path:
    """``build/scenarios/<name>``, emptied: the name is checked to be a slug and the folder, resolved,
    to lie directly inside ``build/scenarios/`` (itself not a link) before anything is removed."""
    base = scenarios_folder()
    if not NAME.fullmatch(name):
        raise DataError(Problem(file, "name", f"{_shown(name)} is not a scenario name"))
    base.mkdir(parents=True, exist_ok=True)
    if base.is_symlink():
        raise DataError(Problem(paths.relative(base), "(folder)", "is a link; scenario runs are written only into "
                                "a real build/scenarios/ folder"))
    root = base / name
    if root.is_symlink():
        raise DataError(Problem(paths.relative(root), "(folder)", "is a link; remove it and run again"))
    if root.resolve().parent != base.resolve():
        raise DataError(Problem(file, "name", f"{name!r} does not name a folder inside build/scenarios/"))
    if root.exists():
        shutil.rmtree(root)
    (root / "notebooks").mkdir(parents=True)
    return root


def run_scenario(params: Path | str, names: list[str] | None = None) -> Path:
    """Run the named notebooks (default all) under a scenario into ``build/scenarios/<name>/``:
    executed notebooks, their HTML pages and index, figures and processed tables."""
    # papermill, nbconvert and the runner: a scenario that runs needs them, a bad file never does
    import papermill

    from helpers.report import build_site, write_manifest
    from helpers.runner import notebook_paths

    spec = load_scenario(params)
    root = output_folder(spec["name"], paths.relative(params))
    executed = []
    for nb in notebook_paths(names):
        target = root / "notebooks" / nb.name
        papermill.execute_notebook(str(nb), str(target), parameters={
            "overrides": spec["overrides"], "published": spec["published"], "output_dir": str(root)},
            kernel_name="python3", progress_bar=False, cwd=str(paths.NOTEBOOKS))
        executed.append(target)
        print(f"{paths.relative(target)}: executed")
    write_manifest(root / "figures")
    note = (f"Scenario '{spec['name']}': {spec['description']} Overrides: {json.dumps(spec['overrides'])}; "
            f"published: {json.dumps(spec['published'])}.")
    index = build_site(executed, root / "figures", root / "html", note=note)
    print(f"{paths.relative(index)}: written")
    return root
