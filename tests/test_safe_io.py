"""Reading input without trusting it: only regular files inside their folder, bounded; strict YAML."""
from __future__ import annotations

import os
import threading

import pytest

from helpers import safe_io
from helpers.errors import DataError


def read(path, within, limit=1000):
    """read_bytes in a thread with a deadline: a read that blocks (a FIFO) fails the test instead
    of hanging it."""
    result = {}
    worker = threading.Thread(target=lambda: result.update(out=safe_io.read_bytes(path, within, limit)), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), f"reading {path} blocked"
    return result["out"]


def says(out) -> str:
    data, problems = out
    assert data is None and len(problems) == 1, out
    return str(problems[0])


def test_a_regular_file_inside_is_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"text")
    assert read(tmp_path / "a.txt", tmp_path) == (b"text", [])


def test_a_link_inside_the_folder_is_followed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "real.txt").write_bytes(b"text")
    (tmp_path / "a.txt").symlink_to(tmp_path / "sub" / "real.txt")
    assert read(tmp_path / "a.txt", tmp_path) == (b"text", [])


def test_a_link_out_of_the_folder_is_refused_without_naming_its_target(tmp_path):
    secret = tmp_path / "secret-elsewhere.txt"
    secret.write_bytes(b"not for the report")
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.txt").symlink_to(secret)
    message = says(read(data / "a.txt", data))
    assert "a.txt: (file): is a link to a file outside data/" in message and "secret" not in message


def test_a_folder_on_the_path_that_links_out_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_bytes(b"text")
    data = tmp_path / "data"
    data.mkdir()
    (data / "raw").symlink_to(outside)
    assert "is a link to a file outside" in says(read(data / "raw" / "a.txt", data))


@pytest.mark.parametrize(("make", "expected"), [
    (lambda p: p.mkdir(), "is a folder, not a file"),
    (lambda p: os.mkfifo(p), "is a named pipe (FIFO), not a file"),
    (lambda p: p.symlink_to(p.parent / "nowhere"), "is a link to nothing"),
    (lambda p: p.symlink_to(p), "is a link that cannot be followed"),
], ids=["folder", "fifo", "dangling-link", "link-loop"])
def test_what_is_not_a_regular_file_is_refused_by_name(tmp_path, make, expected):
    make(tmp_path / "x.txt")
    assert f"x.txt: (file): {expected}" in says(read(tmp_path / "x.txt", tmp_path))


def test_a_device_is_refused_even_inside_the_folder(tmp_path):
    """/dev/zero through a link whose folder is '/dev': inside, but a device that never ends."""
    assert "is a device, not a file" in says(read("/dev/zero", "/dev"))


def test_a_missing_file_and_one_over_the_limit(tmp_path):
    assert "x.txt: (file): missing" in says(read(tmp_path / "x.txt", tmp_path))
    (tmp_path / "big.txt").write_bytes(b"x" * 1001)
    assert "is 1,001 bytes, over the limit of 1,000 bytes" in says(read(tmp_path / "big.txt", tmp_path))
    (tmp_path / "edge.txt").write_bytes(b"x" * 1000)
    assert read(tmp_path / "edge.txt", tmp_path) == (b"x" * 1000, [])


def test_max_article_bytes_comes_from_the_assumptions(make_data):
    data = make_data()
    assert safe_io.max_article_bytes(data) == 5_242_880
    path = data / "assumptions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 5242880", "value: 20000"), encoding="utf-8")
    assert safe_io.max_article_bytes(data) == 20_000
    path.write_text("not: [valid\n", encoding="utf-8")
    assert safe_io.max_article_bytes(data) == safe_io.DEFAULT_MAX_ARTICLE_BYTES


# --------------------------------------------------------------------------------------------
# YAML


def yaml_error(text: str) -> str:
    with pytest.raises(DataError) as err:
        safe_io.load_yaml(text, "f.yaml")
    assert len(err.value.problems) == 1
    return str(err.value)


def test_plain_yaml_loads():
    assert safe_io.load_yaml("a:\n  value: 0.5\n  range: [0, 1]\n  day: 2020-09-14\n", "f.yaml")["a"]["value"] == 0.5


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1\nb: 2\na: 3\n", "f.yaml: line 3: a: appears twice in one mapping (first on line 1)"),
    ("{a: 1, a: 2}\n", "f.yaml: line 1: a: appears twice"),
    ("x:\n  value: " + "9" * 5001 + "\n", "f.yaml: line 2: x.value: an integer written with 5,001 characters"),
    ("x:\n  value: 2020-02-30\n", "f.yaml: line 2: x.value: '2020-02-30' is not a real date"),
    ("x: &a [1, 2]\ny: *a\n", "f.yaml: line 1: &a: anchors ('&name') are not allowed"),
    ("y: *a\n", "f.yaml: line 1: *a: aliases ('*name') are not allowed"),
    ("a: 1\n<<: {b: 2}\n", "f.yaml: line 2: <<: merge keys"),
    ("x: " + "[" * 1000 + "]" * 1000 + "\n", "nested more than 16 levels deep"),
    ("x: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested more than 16 levels deep"),
    ("x:\n" + "".join(" " * (i + 1) + "-\n" for i in range(40)), "nested more than 16 levels deep"),
    ("a: 1\nb\x00: 2\n", "f.yaml: line 2: character '\\x00' is not allowed in YAML"),
    ("a: [unclosed\n", "f.yaml: line 2: not valid YAML"),
], ids=["duplicate", "duplicate-flow", "5001-digits", "feb-30", "anchor", "alias", "merge", "deep-1000",
        "deep-100000", "deep-block", "nul", "unclosed"])
def test_yaml_that_is_refused_with_file_line_and_field(text, expected):
    assert expected in yaml_error(text)


def test_an_alias_bomb_is_refused_before_anything_expands():
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    lines += ["x:", "  value: 1", "  why: *i"]
    assert "anchors ('&name') are not allowed" in yaml_error("\n".join(lines) + "\n")
