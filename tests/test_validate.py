"""Bad input gets a clear error naming the file and the field, and nothing in data/raw/ changes."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HEADER, SEED_000, run_command, tree_digest

from helpers.corpus import load_corpus
from helpers.errors import DataError
from helpers.validate import validate

ROW = "{id},{id}.txt,T,O,2020-09-14,basis,unknown"


def messages(data: Path) -> list[str]:
    return [str(p) for p in validate(data)]


def expect_problem(data: Path, *fragments: str) -> None:
    """validate() and load_corpus() both report a problem containing every fragment; raw is untouched."""
    before = tree_digest(data / "raw" / "articles")
    found = messages(data)
    assert any(all(f in m for f in fragments) for m in found), found
    with pytest.raises(DataError) as err:
        load_corpus(data)
    assert any(all(f in str(p) for f in fragments) for p in err.value.problems)
    assert tree_digest(data / "raw" / "articles") == before


def test_valid_folder_is_ok(make_data):
    data = make_data()
    assert messages(data) == []
    assert len(load_corpus(data).articles) == 2


def test_metadata_row_without_file(make_data):
    data = make_data({"a1": "Some text."}, rows=[ROW.format(id="a1"), ROW.format(id="a2")])
    expect_problem(data, "articles.csv", "line 3: file", "a2.txt")


def test_file_without_metadata_row(make_data):
    data = make_data({"a1": "Some text.", "a2": "More text."}, rows=[ROW.format(id="a1")])
    expect_problem(data, "a2.txt", "has no row")


@pytest.mark.parametrize("body", ["", "   \n\t\n", "\ufeff\n\u00a0\n"], ids=["empty", "whitespace", "bom-nbsp"])
def test_empty_or_blank_article(make_data, body):
    data = make_data({"a1": body})
    expect_problem(data, "a1.txt", "empty or white space only")


def test_text_that_is_not_utf8(make_data):
    data = make_data({"a1": "Caf\xe9 society.".encode("latin-1")})
    expect_problem(data, "a1.txt", "byte 3", "not UTF-8")


def test_duplicate_id(make_data):
    data = make_data({"a1": "Some text."}, rows=[ROW.format(id="a1"), ROW.format(id="a1")])
    expect_problem(data, "line 3: article_id", "duplicate id 'a1'")


@pytest.mark.parametrize(("value", "says"), [("14/09/2020", "not a date"), ("2020-13-01", "not a date"),
                                            ("1999-12-31", "before 2000"), ("2999-01-01", "in the future")])
def test_bad_publication_date(make_data, value, says):
    data = make_data({"a1": "Some text."}, rows=[f"a1,a1.txt,T,O,{value},basis,unknown"])
    expect_problem(data, "line 2: published", says)


def test_missing_required_column(make_data):
    data = make_data({"a1": "Some text."})
    (data / "articles.csv").write_text("article_id,file,title\na1,a1.txt,T\n", encoding="utf-8")
    expect_problem(data, "articles.csv", "(header)", "missing required column 'published'")


def test_unknown_extra_column(make_data):
    data = make_data({"a1": "Some text."})
    (data / "articles.csv").write_text(HEADER.strip() + ",extra\n" + ROW.format(id="a1") + ",x\n", encoding="utf-8")
    expect_problem(data, "articles.csv", "unknown column 'extra'")


def test_near_duplicate_column_is_optional(make_data):
    # absent: empty for every row (a flag, not an unknown fact); present: read as written
    data = make_data({"a1": "Some text.", "a2": "Other text."})
    assert list(load_corpus(data).articles["near_duplicate_of"]) == ["", ""]
    (data / "articles.csv").write_text(HEADER.strip() + ",near_duplicate_of\n" + ROW.format(id="a1") + ",\n"
                                       + ROW.format(id="a2") + ",a1 (similarity 0.93)\n", encoding="utf-8")
    assert messages(data) == []
    assert list(load_corpus(data).articles["near_duplicate_of"]) == ["", "a1 (similarity 0.93)"]


def test_file_that_is_not_the_id(make_data):
    data = make_data({"a1": "Some text."}, rows=["b1,a1.txt,T,O,2020-09-14,basis,unknown"])
    expect_problem(data, "line 2: file", "does not match article_id 'b1'")


def test_reference_row_without_source(make_data):
    data = make_data()
    (data / "reference" / "things.csv").write_text("name,source\nOracle,https://oracle.com\nMicrosoft,\n",
                                                   encoding="utf-8")
    found = messages(data)
    assert any("things.csv" in m and "line 3: source" in m for m in found), found


def test_reference_row_with_stray_delimiter(make_data):
    data = make_data()
    (data / "reference" / "things.csv").write_text("name,source\nOracle, Inc.,https://oracle.com\n", encoding="utf-8")
    assert any("things.csv: line 2" in m and "3 fields" in m for m in messages(data))


def test_reference_table_without_source_column(make_data):
    data = make_data()
    (data / "reference" / "things.csv").write_text("name\nOracle\n", encoding="utf-8")
    assert any("things.csv: (header)" in m and "'source'" in m for m in messages(data))


def test_assumption_outside_its_range(make_data):
    data = make_data()
    path = data / "assumptions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 0.5", "value: 1.5"), encoding="utf-8")
    found = messages(data)
    assert any("assumptions.yaml" in m and "corpus.quote_share_min.value" in m and "outside its range" in m
               for m in found), found


def test_assumptions_file_that_is_not_yaml(make_data):
    data = make_data()
    (data / "assumptions.yaml").write_text("corpus.x: [unclosed\n  value: 1\n", encoding="utf-8")
    assert any("assumptions.yaml: line" in m and "not valid YAML" in m for m in messages(data))


def test_override_of_unknown_article_is_named(make_data):
    data = make_data({"a1": "Some text."})
    with pytest.raises(DataError, match=r"parameters: published\['zz'\]: no article"):
        load_corpus(data, published={"zz": "2020-09-14"})


def run_cli(capsys, *args: str) -> tuple[int, str]:
    """``python -m helpers validate ARGS`` through the command's entry point (a real process is
    tested in test_hostile.py): exit code and stdout."""
    code, out, _ = run_command(capsys, "validate", *args)
    return code, out


def test_cli_prints_ok_on_the_project_data(capsys):
    assert run_cli(capsys) == (0, "ok\n")


def test_cli_prints_one_line_per_problem_and_fails(make_data, capsys):
    data = make_data({"a1": "", SEED_000: "Fine text."}, rows=[ROW.format(id="a1"), ROW.format(id=SEED_000),
                                                             ROW.format(id="a9")])
    code, out = run_cli(capsys, str(data))
    lines = out.strip().splitlines()
    assert code == 1
    assert len(lines) == 2, lines
    assert any("a1.txt: (text): empty" in line for line in lines)
    assert any("articles.csv: line 4: file" in line for line in lines)
