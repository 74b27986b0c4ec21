"""Hostile input (issue 17): nothing executes, nothing leaks, nothing hangs, and every bad file gets
a sentence, not a traceback.

Each case builds a data folder (or a scenario file) from the seeds and breaks it one way. It must
then give a clear error (or a warning, or load correctly) naming the file and field, both from
``validate`` in this process and from ``python -m helpers validate`` / ``scenario`` in a fresh one
(exit code 1 or 2, a sentence, never "Traceback"); the data folder must be byte for byte as it was;
and no file the case planted outside the folder (or a device, or a FIFO) may have been opened:
every ``open`` is recorded through an audit hook.
"""
from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import HEADER, run_command

from helpers import paths
from helpers.corpus import load_corpus
from helpers.errors import DataError
from helpers.validate import validate, warnings

ROW = "{id},{id}.txt,T,O,2020-09-14,basis,unknown"
SECRET = "SECRET-TEXT-FROM-OUTSIDE-THE-DATA-FOLDER"
TIMEOUT_S = 120  # a FIFO that blocks fails the case instead of hanging the suite

# ---------------------------------------------------------------------------------------------
# Every open() and os.open() of this process, while a case runs (audit hooks cannot be removed, so
# the hook records only while _OPENED is a list).

_OPENED: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if _OPENED is not None and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        _OPENED.append(os.path.realpath(os.fsdecode(args[0])))


sys.addaudithook(_audit)


def opened_during(action: Callable[[], object]) -> list[str]:
    global _OPENED
    _OPENED = []
    try:
        action()
    finally:
        found, _OPENED = _OPENED, None
    return found


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry of ``folder``, by type, without following links or opening anything but files."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                out[str(path)] = f"link to {os.readlink(path)}"
            elif stat.S_ISREG(mode):
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                out[str(path)] = f"mode {stat.S_IFMT(mode):o}"
    return out


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, cwd=paths.ROOT,
                          timeout=TIMEOUT_S, check=False)


def command(capsys, *args: str, in_a_process: bool = False) -> tuple[int, str, str]:
    """``python -m helpers ARGS``: exit code, stdout, stderr. Through the command's own entry point
    (helpers.__main__.main, what the command line calls), or in a real process, interpreter start
    and all (about 1 s each: kept for a few representative cases)."""
    if in_a_process:
        done = cli(*args)
        return done.returncode, done.stdout, done.stderr
    return run_command(capsys, *args)


# ---------------------------------------------------------------------------------------------
# The data-folder cases: each breaks the folder `data` (with `outside` a folder beside it) and
# returns the paths nothing may open.


def add_article(data: Path, aid: str = "a2") -> Path:
    with (data / "articles.csv").open("a", encoding="utf-8") as f:
        f.write(ROW.format(id=aid) + "\n")
    return data / "raw" / "articles" / f"{aid}.txt"


def edit_assumptions(data: Path, old: str, new: str) -> None:
    path = data / "assumptions.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def article_links_out(data, outside):
    add_article(data).symlink_to(outside / "secret.txt")
    return [outside / "secret.txt"]


def article_links_to_dev_zero(data, outside):
    add_article(data).symlink_to("/dev/zero")
    return ["/dev/zero"]


def article_is_a_fifo(data, outside):
    os.mkfifo(add_article(data))
    return [data / "raw" / "articles" / "a2.txt"]


def article_is_a_folder(data, outside):
    add_article(data).mkdir()
    return []


def raw_folder_links_out(data, outside):
    (outside / "articles").mkdir()
    (outside / "articles" / "a1.txt").write_text(SECRET, encoding="utf-8")
    target = data / "raw" / "articles"
    for p in target.iterdir():
        p.unlink()
    target.rmdir()
    target.symlink_to(outside / "articles")
    return [outside / "articles" / "a1.txt"]


def reference_table_links_out(data, outside):
    (data / "reference" / "things.csv").symlink_to(outside / "secret.txt")
    return [outside / "secret.txt"]


def assumptions_link_out(data, outside):
    (outside / "assumptions.yaml").write_text((data / "assumptions.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (data / "assumptions.yaml").unlink()
    (data / "assumptions.yaml").symlink_to(outside / "assumptions.yaml")
    return [outside / "assumptions.yaml"]


def metadata_is_a_fifo(data, outside):
    (data / "articles.csv").unlink()
    os.mkfifo(data / "articles.csv")
    return [data / "articles.csv"]


def field_over_128_kb(data, outside):
    (data / "reference" / "things.csv").write_text("name,source\n" + "x" * 140_000 + ",https://example.org\n",
                                                   encoding="utf-8")
    return []


def field_over_the_article_limit(data, outside):
    edit_assumptions(data, "value: 5242880", "value: 20000")
    (data / "reference" / "things.csv").write_text('name,source\n"' + "x" * 30_000 + '",https://example.org\n',
                                                   encoding="utf-8")
    return []


def integer_of_5001_digits(data, outside):
    edit_assumptions(data, "value: 20\n", "value: " + "9" * 5001 + "\n")
    return []


def february_30(data, outside):
    text = (data / "articles.csv").read_text(encoding="utf-8")
    (data / "articles.csv").write_text(text.replace("2020-09-14", "2020-02-30"), encoding="utf-8")
    return []


def yaml_1000_deep(data, outside):
    edit_assumptions(data, "\ncorpus.headline_max_words:", "\nx: " + "[" * 1000 + "]" * 1000 + "\ncorpus.headline_max_words:")
    return []


def yaml_100000_deep(data, outside):
    (data / "assumptions.yaml").write_text("x: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return []


def alias_bomb_in_why(data, outside):
    lines = ['lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"lol{i}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    path = data / "assumptions.yaml"
    text = path.read_text(encoding="utf-8").replace("  why: A first line this short", "  why: *i\n  xwhy: x", 1)
    path.write_text("\n".join(lines) + "\n" + text, encoding="utf-8")
    return []


def duplicate_yaml_key(data, outside):
    with (data / "assumptions.yaml").open("a", encoding="utf-8") as f:
        f.write("\ncorpus.headline_max_words:\n  value: 21\n  range: [5, 40]\n  unit: words\n  why: again.\n")
    return []


def nul_in_an_article(data, outside):
    add_article(data).write_bytes(b"ByteDance chose\x00 Oracle.\n")
    return []


def zero_width_joiner_and_cyrillic(data, outside):
    add_article(data).write_text("ByteDance chose Ora\u200dcle.\n\u0422rump agreed.\n", encoding="utf-8")
    return []


def oversized_article(data, outside):
    add_article(data).write_bytes(b"ByteDance chose Oracle. " * 220_000)  # 5.28 MB > 5 MiB
    return []


def nul_in_a_reference_cell(data, outside):
    (data / "reference" / "things.csv").write_text("name,source\nOra\x00cle,https://oracle.com\n", encoding="utf-8")
    return []


def formula_in_a_reference_cell(data, outside):
    (data / "reference" / "things.csv").write_text('name,source\n"=HYPERLINK(""http://x"",""y"")",https://x.org\n',
                                                   encoding="utf-8")
    return []


@dataclass(frozen=True)
class Case:
    build: Callable[[Path, Path], list]
    says: str  # a fragment of the problem (or warning)
    kind: str = "error"  # "error", "warning" or "ok"


CASES = {
    "symlink-out-of-the-folder": Case(article_links_out, "a2.txt: (file): is a link to a file outside data/"),
    "symlink-to-dev-zero": Case(article_links_to_dev_zero, "a2.txt: (file): is a link to a file outside data/"),
    "fifo-article": Case(article_is_a_fifo, "a2.txt: (file): is a named pipe (FIFO), not a file"),
    "folder-named-x.txt": Case(article_is_a_folder, "a2.txt: (file): is a folder, not a file"),
    "raw-folder-links-out": Case(raw_folder_links_out, "a1.txt: (file): is a link to a file outside data/"),
    "reference-table-links-out": Case(reference_table_links_out, "things.csv: (file): is a link to a file outside"),
    "assumptions-link-out": Case(assumptions_link_out, "assumptions.yaml: (file): is a link to a file outside"),
    "fifo-articles.csv": Case(metadata_is_a_fifo, "articles.csv: (file): is a named pipe (FIFO)"),
    "csv-field-over-128-kb-loads": Case(field_over_128_kb, "", "ok"),
    "csv-field-over-the-article-limit": Case(field_over_the_article_limit,
                                             "things.csv: line 2: name: a field longer than 20,000 characters"),
    "5001-digit-integer": Case(integer_of_5001_digits,
                               "assumptions.yaml: line 14: corpus.headline_max_words.value: an integer written with 5,001"),
    "date-2020-02-30": Case(february_30, "articles.csv: line 2: published: '2020-02-30' is not a date"),
    "yaml-1000-deep": Case(yaml_1000_deep, "nested more than 16 levels deep"),
    "yaml-100000-deep": Case(yaml_100000_deep, "assumptions.yaml: line 1: (nesting): nested more than 16 levels deep"),
    "alias-bomb-in-why": Case(alias_bomb_in_why, "assumptions.yaml: line 1: &a: anchors ('&name') are not allowed"),
    "duplicate-yaml-key": Case(duplicate_yaml_key, "corpus.headline_max_words: appears twice in one mapping"),
    "nul-in-an-article": Case(nul_in_an_article, "a2.txt: line 1, column 16: control character U+0000"),
    "nul-in-a-reference-cell": Case(nul_in_a_reference_cell, "things.csv: line 2: name: control character U+0000"),
    "zero-width-joiner-and-cyrillic": Case(zero_width_joiner_and_cyrillic,
                                           "a2.txt: line 1: word 'Ora\\u200dcle': holds an invisible ZERO WIDTH JOINER",
                                           "warning"),
    "oversized-article": Case(oversized_article, "a2.txt: (file): is 5,280,000 bytes, over the article size limit"),
    "formula-in-a-reference-cell-loads": Case(formula_in_a_reference_cell, "", "ok"),
}


# Every case goes through the command's entry point; these few through a real process too.
IN_A_PROCESS = ("nul-in-an-article", "alias-bomb")


@pytest.mark.parametrize("name", list(CASES))
def test_bad_data_is_a_sentence_in_process_and_on_the_command_line(tmp_path, make_data, capsys, name):
    case = CASES[name]
    data = make_data({"a1": "ByteDance chose Oracle as its partner."})
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    forbidden = {os.path.realpath(p) for p in case.build(data, outside)}
    before = snapshot(data)

    found: dict[str, list[str]] = {}

    def check() -> None:
        found["problems"] = [str(p) for p in validate(data)]
        found["warnings"] = [str(w) for w in warnings(data)]
        try:
            load_corpus(data, use_cache=False)
        except DataError as exc:
            found["load"] = [str(p) for p in exc.problems]

    opened = opened_during(check)
    assert not forbidden & set(opened), f"opened {sorted(forbidden & set(opened))}"
    if case.kind == "error":
        assert any(case.says in m for m in found["problems"]), found["problems"]
    elif case.kind == "warning":
        assert found["problems"] == [] and any(case.says in m for m in found["warnings"]), found
    else:
        assert found["problems"] == [] and found["warnings"] == [], found

    code, stdout, err = command(capsys, "validate", str(data), in_a_process=name in IN_A_PROCESS)
    output = stdout + err
    assert "Traceback" not in output and SECRET not in output, output
    assert code == (1 if case.kind == "error" else 0), output
    assert case.says in stdout
    assert snapshot(data) == before  # raw data, tables and assumptions untouched


# ---------------------------------------------------------------------------------------------
# Scenario files: validated as a whole before anything runs.

BOMB = ('a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)))
SCENARIOS = {
    "overrides-not-a-mapping": ("overrides: [1, 2]\n", "bad.yaml: overrides: must be a mapping"),
    "published-not-a-mapping": ("published: yes\n", "bad.yaml: published: must be a mapping"),
    "named-dot-dot": ("name: ..\n", "bad.yaml: name: '..' must be"),
    "named-a-path": ("name: ../../etc\n", "bad.yaml: name: '../../etc' must be"),
    "unknown-assumption": ("overrides:\n  export.nope: 1\n", "parameters: export.nope: unknown assumption"),
    "date-2020-02-30": ("published:\n  000_092449573fc0f0ef: 2020-02-30\n", "'2020-02-30' is not a real date"),
    "5001-digit-integer": ("overrides:\n  export.rebuild_months: " + "9" * 5001 + "\n", "an integer written with 5,001"),
    "duplicate-key": ("name: a\nname: b\n", "bad.yaml: line 2: name: appears twice"),
    "alias-bomb": (BOMB + "description: *i\n", "anchors ('&name') are not allowed"),
    "100000-deep": ("x: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested more than 16 levels deep"),
    "not-yaml": ("overrides: [unclosed\n", "bad.yaml: line 2: not valid YAML"),
    "a-list": ("- a\n- b\n", "bad.yaml: (top level): expected a mapping"),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_bad_scenario_stops_before_anything_runs(tmp_path, capsys, name):
    text, says = SCENARIOS[name]
    params = tmp_path / "bad.yaml"
    params.write_text(text, encoding="utf-8")
    code, out, err = command(capsys, "scenario", str(params), "03", in_a_process=name in IN_A_PROCESS)
    output = out + err
    assert code == 2 and "Traceback" not in output, output
    assert says in err and "executed" not in output, output


@pytest.mark.parametrize("kind", ["link-out", "fifo", "folder"])
def test_a_scenario_file_that_is_not_a_regular_file_inside_its_folder(tmp_path, capsys, kind):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    params = folder / "s.yaml"
    if kind == "link-out":
        (tmp_path / "secret.yaml").write_text(f"description: {SECRET}\n", encoding="utf-8")
        params.symlink_to(tmp_path / "secret.yaml")
    elif kind == "fifo":
        os.mkfifo(params)
    else:
        params.mkdir()
    code, out, err = command(capsys, "scenario", str(params), "03", in_a_process=kind in IN_A_PROCESS)
    output = out + err
    assert code == 2 and "Traceback" not in output and SECRET not in output, output
    assert "s.yaml: (file): is " in err, output


def test_the_seed_folder_has_no_problem_and_no_warning():
    done = cli("validate")
    assert (done.returncode, done.stdout, done.stderr) == (0, "ok\n", "")


def test_an_article_id_that_looks_like_a_path_is_named(make_data):
    data = make_data({"a1": "ByteDance chose Oracle."}, rows=[ROW.format(id="a1"), "x,../x.txt,T,O,2020-09-14,b,u"])
    assert any("articles.csv: line 3: file: '../x.txt' is not a file name in raw/articles/" in str(p)
               for p in validate(data))
    assert HEADER.startswith("article_id")
