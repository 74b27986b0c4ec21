"""Characters that must not be in article text (errors) and words that are not what they look like
(warnings), each named with its file, line and word or column."""
from __future__ import annotations

import time

import pytest

from helpers.textcheck import control_problems, lookalike_warnings


@pytest.mark.parametrize(("text", "where"), [
    ("ByteDance chose\x00 Oracle.", "line 1, column 16"),
    ("Line one.\nLine two \x1b[31m red.", "line 2, column 10"),
    ("A next-line \x85 control.", "line 1, column 13"),
])
def test_control_characters_are_refused_with_line_and_column(text, where):
    [problem] = control_problems(text, "a.txt")
    assert str(problem).startswith(f"a.txt: {where}: control character U+")


def test_tab_line_feed_and_carriage_return_are_text():
    assert control_problems("A\tB\r\nC\n", "a.txt") == []


def test_zero_width_characters_and_mixed_scripts_are_named_by_word():
    text = "\ufeffByteDance chose Ora\u200dcle.\n\u0422rump agreed; Greek \u03bfracle too. Москва is fine."
    found = [str(w) for w in lookalike_warnings(text, "a.txt")]
    assert len(found) == 3, found  # the byte-order mark at the start and an all-Cyrillic word are not flagged
    assert found[0].startswith("a.txt: line 1: word 'Ora\\u200dcle': holds an invisible ZERO WIDTH JOINER")
    assert found[1].startswith("a.txt: line 2: word '\\u0422rump': mixes Latin letters with CYRILLIC CAPITAL LETTER TE")
    assert found[2].startswith("a.txt: line 2: word '\\u03bfracle': mixes Latin letters with GREEK SMALL LETTER OMICRON")


def test_warnings_are_capped_and_linear():
    text = "T\u0440ump " * 200_000 + ("a" * 1000 + "\u200b") * 1000
    began = time.perf_counter()
    found = lookalike_warnings(text, "a.txt")
    assert time.perf_counter() - began < 2
    assert len(found) == 21 and found[-1].message == "199,981 more words like these"  # 200,000 + one word with 1,000 ZWSP
