"""Outputs are replaced atomically; raw data is never written."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

import pandas as pd
import pytest

from helpers import outputs, paths, text


def test_failed_write_leaves_previous_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "table.csv"
    outputs.atomic_write(target, "old,content\n")

    def boom(src, dst):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="simulated"):
        outputs.atomic_write(target, "new,half-written\n")
    assert target.read_text() == "old,content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]  # no temporary file left behind


def test_raw_articles_cannot_be_written():
    with pytest.raises(PermissionError, match="immutable"):
        outputs.atomic_write(paths.raw_articles() / "000_092449573fc0f0ef.txt", "edited")


def test_processed_tables_are_sorted_and_deterministic(tmp_path):
    frame = pd.DataFrame({"k": ["b", "a"], "v": [2 / 3, 1 / 3], "d": pd.to_datetime(["2020-09-14", "2020-09-13"])})
    outputs.write_processed(frame, "t", ["k"], data_dir=tmp_path)
    text = (tmp_path / "processed" / "t.csv").read_text()
    assert text == "k,v,d\na,0.333333,2020-09-13\nb,0.666667,2020-09-14\n"


@pytest.mark.parametrize(("n", "noun", "plural", "says"), [
    (0, "article", None, "0 articles"), (1, "article", None, "1 article"), (2, "article", None, "2 articles"),
    (1, "embedded social post", None, "1 embedded social post"), (3, "party", "parties", "3 parties"),
])
def test_counted_agrees_with_its_number(n, noun, plural, says):
    assert text.counted(n, noun, plural) == says


@pytest.mark.parametrize(("label", "most", "says"), [
    ("Oracle", 48, "Oracle"),  # short labels untouched
    ("Cost $5", None, r"Cost \$5"),  # a dollar sign is text, not mathematics
    ("US Treasury (CFIUS) and the Committee on Foreign Investment", 30, "US Treasury (CFIUS) and the…"),
    ("Supercalifragilisticexpialidocious", 10, "Supercali…"),  # no space to cut at: cut in the word
    ("a  b\n c", 48, "a b c"),  # one line, single spaces
])
def test_figure_labels_are_cut_at_a_word_and_marked(label, most, says):
    shown = text.figure_text(label, most)
    assert shown == says and (most is None or len(shown) <= most)



def test_new_article_is_written_once_and_never_over_a_file(tmp_path):
    target = tmp_path / "raw" / "articles" / "a-2020-09-14-abcdef.txt"
    outputs.write_new_article(target, "First text.\n")
    assert stat.S_IMODE(target.stat().st_mode) == outputs.file_mode()  # the umask's mode, not mkstemp's 0600
    with pytest.raises(FileExistsError):
        outputs.write_new_article(target, "Second text.\n")
    assert target.read_text(encoding="utf-8") == "First text.\n"
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left behind
    with pytest.raises(PermissionError, match="raw/articles"):
        outputs.write_new_article(tmp_path / "processed" / "x.txt", "anywhere else")


def test_files_get_the_mode_the_umask_gives(tmp_path):
    """mkstemp creates 0600 and os.replace keeps it; written files get 0o666 & ~umask instead (0644
    under umask 022, 0640 under 027), checked in fresh processes with each umask."""
    for mask, mode in ((0o022, 0o644), (0o027, 0o640), (0o077, 0o600)):
        target = tmp_path / f"t{mask:o}.csv"
        subprocess.run([sys.executable, "-c", "import sys; from helpers.outputs import atomic_write; "
                        "atomic_write(sys.argv[1], 'x\\n'); atomic_write(sys.argv[1], 'y\\n')", str(target)],
                       check=True, preexec_fn=lambda mask=mask: os.umask(mask))
        assert stat.S_IMODE(target.stat().st_mode) == mode, (oct(mask), oct(target.stat().st_mode))
    outputs.atomic_write(tmp_path / "here.txt", "x")
    assert stat.S_IMODE((tmp_path / "here.txt").stat().st_mode) == outputs.file_mode()


def test_formula_cells_are_neutralised_and_numbers_are_not(tmp_path):
    frame = pd.DataFrame({
        "text": ['=HYPERLINK("http://evil.example","click")', "+SUM(A1)", "-2+3", "@x(1)", "\tx",
                 "-0.5", "+1e3", "@NGrossman81", "@SUM(1+1)*cmd|' /C calc'!A0", "plain", None],
        "number": [-1.5, -2, 3, 4, 5, 7, 8, 9, 10, 11, 12],
    })
    outputs.write_processed(frame, "t", data_dir=tmp_path)
    back = pd.read_csv(tmp_path / "processed" / "t.csv", keep_default_na=False)
    assert list(back["text"]) == ["'=HYPERLINK(\"http://evil.example\",\"click\")", "'+SUM(A1)", "'-2+3", "'@x(1)", "'\tx",
                                  "-0.5", "+1e3", "@NGrossman81", "'@SUM(1+1)*cmd|' /C calc'!A0", "plain", ""]
    assert list(back["number"]) == [-1.5, -2, 3, 4, 5, 7, 8, 9, 10, 11, 12]
    assert outputs.neutralise_cell("\r=1") == "'\r=1" and outputs.neutralise_cell(-3) == -3
    assert outputs.neutralise_formulas(pd.DataFrame({"a": ["ok"], "b": [1]})).equals(pd.DataFrame({"a": ["ok"], "b": [1]}))
