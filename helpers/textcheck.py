"""Checks of article text at load: characters that must not be there, and words that are not what
they look like.

- :func:`control_problems` (an error: the article is refused): C0 and C1 control characters other
  than tab, line feed and carriage return. A NUL or an escape sequence is never news text; it
  breaks the XML of an SVG figure and the cells of a spreadsheet, and usually means the file is
  not text at all.
- :func:`lookalike_warnings` (a warning: printed by ``validate``, the article still loads):
  zero-width characters inside the text (U+200B-U+200D, U+2060, and U+FEFF anywhere but at the
  start) and words that mix Latin letters with Cyrillic or Greek ones ("Тrump" with a Cyrillic
  Т). Both make a name look right to a reader while the gazetteer's matcher misses it, so the
  party silently drops out of every count. The letters' scripts come from their Unicode names
  (``unicodedata``), so no hand-made list of look-alikes is needed.

Nothing here changes the text: offsets keep slicing the raw file exactly (see ``data/README.md``
on why Unicode normalisation is not applied at load).
"""
from __future__ import annotations

import functools
import re
import unicodedata

from helpers.errors import Problem

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The ASCII names of the C0 controls (unicodedata has no name for them).
_C0 = ("NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS "
       "RS US").split()
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH}]")
_WORD_AROUND = re.compile(rf"[\w{ZERO_WIDTH}]*")
_WORDS = re.compile(r"\w+")  # each word matched once, left to right: linear
_MIXED = ({"LATIN"}, {"CYRILLIC", "GREEK"})  # a word with a letter from the first and one from the second
MAX_WARNINGS_PER_FILE = 20


def _line_column(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of character ``pos`` (lines end at ``\\n``)."""
    line_start = text.rfind("\n", 0, pos) + 1
    return text.count("\n", 0, pos) + 1, pos - line_start + 1


def _shown(word: str, limit: int = 40) -> str:
    """A word as a reader can see it: invisible and non-ASCII characters as escapes, cut to ``limit``."""
    cut = word if len(word) <= limit else word[:limit] + "…"
    return cut.encode("ascii", "backslashreplace").decode("ascii")


def _char_name(ch: str) -> str:
    return unicodedata.name(ch, f"U+{ord(ch):04X}")


def control_problems(text: str, file: str, where: str = "article text") -> list[Problem]:
    """The first control character of ``text`` (with line and column) and how many there are; [] if none."""
    first = _CONTROL.search(text)
    if first is None:
        return []
    ch = first.group(0)
    code = ord(ch)
    name = _C0[code] if code < 32 else "DEL" if code == 0x7F else "a C1 control"
    line, column = _line_column(text, first.start())
    more = sum(1 for _ in _CONTROL.finditer(text, first.end()))
    also = f" ({more:,} more in the file)" if more else ""
    return [Problem(file, f"line {line}, column {column}",
                    f"control character U+{code:04X} ({name}) is not "
                    f"allowed in {where}{also}; only tab, line feed and carriage return are. Is this file text?")]


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """The script of a letter, from the first word of its Unicode name ('LATIN', 'CYRILLIC', ...)."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def lookalike_warnings(text: str, file: str, limit: int = MAX_WARNINGS_PER_FILE) -> list[Problem]:
    """Words with zero-width characters inside, and words mixing Latin with Cyrillic or Greek
    letters; each a Problem naming the file, the line and the word (at most ``limit`` per file,
    then one saying how many more). Linear in the text."""
    found: list[tuple[int, str, str]] = []
    total = 0
    word_end = 0
    for m in _ZERO_WIDTH.finditer(text):
        if m.start() < word_end or (m.start() == 0 and m.group(0) == "\ufeff"):
            continue  # one warning per word; a byte-order mark at the start is a signature, not content
        start = m.start()
        while start > word_end and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        word_end = _WORD_AROUND.match(text, m.start()).end()
        total += 1
        if len(found) < limit:
            ch = m.group(0)
            found.append((start, text[start:word_end],
                          f"holds an invisible {_char_name(ch)} (U+{ord(ch):04X}); a name written with it is not "
                          "matched, so its party is missed. Delete the character"))
    for m in _WORDS.finditer(text):
        if m.group(0).isascii():
            continue
        scripts = {_script(ch) for ch in set(m.group(0)) if ch.isalpha()}
        if scripts & _MIXED[0] and scripts & _MIXED[1]:
            total += 1
            if len(found) < 2 * limit:
                others = ", ".join(sorted({_char_name(ch) for ch in set(m.group(0)) if _script(ch) in _MIXED[1]}))
                found.append((m.start(), m.group(0), f"mixes Latin letters with {others}: it looks like a Latin "
                                                     "word, but a name written so is not matched and its party is missed"))
    found.sort()
    warnings = []
    for start, word, says in found[:limit]:
        line, _ = _line_column(text, start)
        warnings.append(Problem(file, f"line {line}: word '{_shown(word)}'", says))
    if total > len(warnings):
        warnings.append(Problem(file, "(text)", f"{total - len(warnings):,} more words like these"))
    return warnings
