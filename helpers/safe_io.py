"""Reading input without trusting it: regular files inside their folder, bounded reads, strict YAML.

Every file the suite reads from a data folder (articles, ``articles.csv``, reference tables,
``assumptions.yaml``) and every scenario file goes through :func:`read_bytes`, which refuses,
each time with a :class:`~helpers.errors.Problem` that names the file:

- a file that leaves its folder: the path is resolved (every symbolic link in it followed) and
  must stay inside the folder given, so a link to ``/etc/passwd`` or to another user's corpus is
  never read, let alone published;
- anything that is not a regular file: a folder, a named pipe (FIFO), a device such as
  ``/dev/zero``, a socket. The type is checked with ``stat`` before opening, and the file is
  opened non-blocking and checked again on the open descriptor, so a FIFO can never block a run;
- a file larger than its limit (an article: the assumption ``input.max_article_bytes``; a table:
  :data:`MAX_TABLE_BYTES`; a YAML file: :data:`MAX_YAML_BYTES`). At most ``limit + 1`` bytes are
  ever read, so a file that grows while it is read is refused too.

:func:`load_yaml` parses YAML strictly: nesting is limited (checked on libyaml's event stream,
before anything recursive runs), anchors and aliases are refused, a key given twice in one mapping
is an error, integers are limited in length and dates must exist. Every failure is a sentence
with the file and line, never a traceback.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import stat
from pathlib import Path
from typing import Any

import yaml

from helpers import paths
from helpers.errors import DataError, Problem

DEFAULT_MAX_ARTICLE_BYTES = 5_000_000  # data/assumptions.yaml's input.max_article_bytes, when it cannot be read
MAX_TABLE_BYTES = 64 * 2**20  # articles.csv of ~100,000 articles; reference tables are a few KB
MAX_YAML_BYTES = 2**20  # assumptions.yaml is ~10 KB, a scenario file a few lines
YAML_MAX_DEPTH = 16  # assumptions.yaml nests 3 deep (name -> entry -> range list), a scenario 2
YAML_MAX_EVENTS = 200_000  # nodes and ends of collections: far above any file within MAX_YAML_BYTES of real use
YAML_MAX_INT_CHARS = 30  # no assumption needs an integer of more digits; Python refuses > 4,300 with a ValueError
YAML_MAX_FLOAT_CHARS = 100

_KIND = ((stat.S_ISDIR, "is a folder, not a file"),
         (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
         (stat.S_ISCHR, "is a device, not a file"),
         (stat.S_ISBLK, "is a device, not a file"),
         (stat.S_ISSOCK, "is a socket, not a file"))
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20


def _not_regular(mode: int) -> str:
    return next((says for test, says in _KIND if test(mode)), "is not a regular file")


def contained(path: Path | str, within: Path | str) -> Path | None:
    """``path`` resolved (every link followed) if it lies inside ``within`` (itself resolved), else None.
    Raises OSError (or RuntimeError, for a loop of links) when the path cannot be resolved."""
    # os.path rather than pathlib: resolving and walking parents with Path objects was a sixth of
    # loading 10,000 articles
    real = os.path.realpath(path, strict=True)
    root = os.path.realpath(within)
    return Path(real) if real == root or real.startswith(root.rstrip(os.sep) + os.sep) else None


def read_bytes(path: Path | str, within: Path | str, limit: int, what: str = "the limit",
               file: str | None = None) -> tuple[bytes | None, list[Problem]]:
    """The bytes of ``path``, a regular file inside ``within`` of at most ``limit`` bytes; or None
    and the one problem that stopped the read (``what`` names the limit in the sentence)."""
    path = Path(path)

    def refuse(says: str) -> tuple[None, list[Problem]]:  # the path shown to readers only when needed
        return None, [Problem(file or paths.relative(path), "(file)", says)]

    try:
        os.lstat(path)
    except FileNotFoundError:
        return refuse("missing")
    except OSError as exc:
        return refuse(f"cannot be read ({exc.strerror or exc})")
    try:
        real = contained(path, within)
    except FileNotFoundError:
        return refuse("is a link to nothing (its target is missing)")
    except (OSError, RuntimeError):
        return refuse("is a link that cannot be followed (a loop of links?)")
    if real is None:
        return refuse(f"is a link to a file outside {paths.relative(within)}/; the suite reads only files inside its "
                      "data folder (copy the file in instead)")
    try:
        before = os.stat(real)
    except OSError as exc:
        return refuse(f"cannot be read ({exc.strerror or exc})")
    if not stat.S_ISREG(before.st_mode):
        return refuse(_not_regular(before.st_mode))
    if before.st_size > limit:
        return refuse(f"is {before.st_size:,} bytes, over {what} of {limit:,} bytes")
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as exc:
        return refuse(f"cannot be opened ({exc.strerror or exc})")
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino):
            return refuse("changed while it was being opened; run again")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        return refuse(f"cannot be read ({exc.strerror or exc})")
    finally:
        os.close(fd)
    if size > limit:
        return refuse(f"grew past {what} of {limit:,} bytes while it was being read")
    return b"".join(chunks), []


def read_text(path: Path | str, within: Path | str, limit: int, what: str = "the limit",
              file: str | None = None, encoding: str = "utf-8") -> tuple[str | None, list[Problem]]:
    """:func:`read_bytes`, decoded strictly; bytes that are not UTF-8 are a problem naming the byte."""
    data, problems = read_bytes(path, within, limit, what, file)
    if data is None:
        return None, problems
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as exc:
        return None, [Problem(file or paths.relative(path), f"byte {exc.start}", "not UTF-8 text")]


def max_article_bytes(data_dir: Path | str | None = None) -> int:
    """The article size limit in force for ``data_dir``: its assumption ``input.max_article_bytes``,
    or :data:`DEFAULT_MAX_ARTICLE_BYTES` while the assumptions file cannot be read (``validate``
    reports why separately)."""
    from helpers.assumptions import load_assumptions  # here, not at the top: assumptions reads its file through safe_io

    path = paths.assumptions_yaml(data_dir)
    try:
        st = os.stat(path)
    except OSError:
        return DEFAULT_MAX_ARTICLE_BYTES
    key = (os.path.abspath(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    if key not in _LIMITS:  # read once per version of the file: every table of a folder asks
        try:
            _LIMITS[key] = int(load_assumptions(path).get("input.max_article_bytes", DEFAULT_MAX_ARTICLE_BYTES))
        except DataError:
            _LIMITS[key] = DEFAULT_MAX_ARTICLE_BYTES
        while len(_LIMITS) > 64:
            _LIMITS.pop(next(iter(_LIMITS)))
    return _LIMITS[key]


_LIMITS: dict[tuple, int] = {}


# --------------------------------------------------------------------------------------------
# CSV


def csv_rows(reader: Any, text: str, field_limit: int, file: str) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """Every row of a ``csv.reader`` over ``text`` with the line it starts on, read with fields of
    at most ``field_limit`` characters; or the rows so far and the problem (line, field) that
    stopped the reader. ``csv.field_size_limit`` is global, so it is set for this read only."""
    old = csv.field_size_limit(field_limit)
    rows: list[tuple[int, list[str]]] = []
    try:
        start = 1
        for row in reader:
            rows.append((start, row))  # the line the record starts on (a quoted field may span lines)
            start = reader.line_num + 1
    except csv.Error as exc:
        line = reader.line_num
        if "field larger than field limit" not in str(exc):
            return rows, Problem(file, f"line {line}", f"not readable as CSV ({exc})")
        column = _long_field(text, line, field_limit)
        return rows, Problem(file, f"line {line}{column}", f"a field longer than {field_limit:,} characters (the article "
                             "size limit, input.max_article_bytes); is a quotation mark left open?")
    finally:
        csv.field_size_limit(old)
    return rows, None


def _long_field(text: str, line: int, field_limit: int) -> str:
    """': column' naming the field longer than ``field_limit`` in the record that ends on ``line``
    (read again without the field limit: the text is within MAX_TABLE_BYTES, so this is bounded)."""
    old = csv.field_size_limit(MAX_TABLE_BYTES)
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, [])
        for row in reader:
            if reader.line_num >= line:
                long = next((i for i, cell in enumerate(row) if len(cell) > field_limit), None)
                return f": {header[long].strip()}" if long is not None and long < len(header) else ""
    except csv.Error:
        return ""
    finally:
        csv.field_size_limit(old)
    return ""


# --------------------------------------------------------------------------------------------
# YAML


class _Refused(yaml.YAMLError):
    """A YAML document this project will not load: the line (0-based mark), the field and why."""

    def __init__(self, mark: Any, field: str, message: str):
        super().__init__(message)
        self.mark, self.field, self.message = mark, field, message


_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it: ten times faster
_INT_TAG, _FLOAT_TAG, _MERGE_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:merge"


class StrictLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml's where available) with three more refusals at construction: a key
    given twice in one mapping (PyYAML keeps the last one silently), an integer or float too long to
    be a real value (Python's int() raises a bare ValueError past 4,300 digits, and YAML 1.1's
    base-60 integers are built by repeated multiplication), and a date that does not exist
    (2020-02-30, on which PyYAML raises a bare ValueError)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            first: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == _MERGE_TAG:
                    raise _Refused(key_node.start_mark, "<<", "merge keys ('<<') are not used in this project's files")
                key = self.construct_object(key_node, deep=True)
                try:
                    seen = first.get(key)
                except TypeError:  # an unhashable key: the safe constructor names it
                    continue
                if seen is not None:
                    raise _Refused(key_node.start_mark, str(key),
                                   f"appears twice in one mapping (first on line {seen + 1}); YAML would silently "
                                   "keep the second, so say which one you mean")
                first[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: Any) -> Any:
        text = str(node.value)
        if len(text) > YAML_MAX_INT_CHARS:
            raise _Refused(node.start_mark, "(number)", f"an integer written with {len(text):,} characters; numbers "
                           f"here have at most {YAML_MAX_INT_CHARS}")
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: Any) -> Any:
        text = str(node.value)
        if len(text) > YAML_MAX_FLOAT_CHARS:
            raise _Refused(node.start_mark, "(number)", f"a number written with {len(text):,} characters; numbers "
                           f"here have at most {YAML_MAX_FLOAT_CHARS}")
        return super().construct_yaml_float(node)

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise _Refused(node.start_mark, "(date)", f"{node.value!r} is not a real date ({exc})") from None


StrictLoader.add_constructor(_INT_TAG, StrictLoader.construct_yaml_int)
StrictLoader.add_constructor(_FLOAT_TAG, StrictLoader.construct_yaml_float)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)


def _check_events(text: str) -> None:
    """Walk the event stream (libyaml's parser keeps its own stack, so depth cannot crash it) and
    refuse, before anything recursive is built: nesting deeper than :data:`YAML_MAX_DEPTH`, more
    than :data:`YAML_MAX_EVENTS` events, and any anchor or alias.

    Anchors and aliases are refused outright rather than expanded within a budget: this project's
    files (assumptions, scenarios) never need them, and an alias may be referenced many times by
    other aliases (nine lists of nine, nine deep, is 387 million strings from 1 KB of text, the
    "billion laughs"), which ``str()`` or any walk over the loaded value then expands in memory."""
    depth = 0
    for n, event in enumerate(yaml.parse(text, Loader=_BASE_LOADER), start=1):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"*{event.anchor}", "aliases ('*name') are not allowed in this project's "
                           "YAML files; write the value out")
        if getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark, f"&{event.anchor}", "anchors ('&name') are not allowed in this project's "
                           "YAML files; write the value out")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > YAML_MAX_DEPTH:
                raise _Refused(event.start_mark, "(nesting)", f"nested more than {YAML_MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if n > YAML_MAX_EVENTS:
            raise _Refused(event.start_mark, "(size)", f"more than {YAML_MAX_EVENTS:,} values")


def _key_path(text: str, index: int) -> str | None:
    """The dotted key path (``name.value``, ``name.range[1]``) of the node that starts at character
    ``index``, to name the field of a refused value; None if it cannot be found. Called only once
    the events passed :func:`_check_events`, so the tree is shallow and has no aliases."""
    try:
        root = yaml.compose(text, Loader=_BASE_LOADER)
    except yaml.YAMLError:
        return None
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, path = stack.pop()
        if node is None:
            continue
        if node.start_mark.index == index and path:
            return path
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = f"{path}.{key.value}" if path else str(key.value)
                if key.start_mark.index == index:
                    return name
                stack.append((value, name))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(node.value))
    return None


def load_yaml(text: str, file: str) -> Any:
    """Parse one YAML document strictly (see :class:`StrictLoader` and :func:`_check_events`);
    raise :class:`~helpers.errors.DataError` naming the file, line and field of what is wrong."""
    try:
        _check_events(text)
        return yaml.load(text, Loader=StrictLoader)  # a safe loader, with the refusals above
    except _Refused as exc:
        where = f"line {exc.mark.line + 1}" if exc.mark is not None else "(yaml)"
        # a refused value (number, date) is found by its position; the events have passed, so the tree is shallow
        field = (_key_path(text, exc.mark.index) if exc.field in ("(number)", "(date)") else None) or exc.field
        raise DataError(Problem(file, f"{where}: {field}", exc.message)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, other controls)
        line = text.count("\n", 0, max(0, exc.position)) + 1
        raise DataError(Problem(file, f"line {line}", f"character {chr(exc.character)!r} is not allowed in YAML "
                                f"({exc.reason})" if isinstance(exc.character, int) else f"not valid YAML ({exc.reason})"
                                )) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(yaml)"
        raise DataError(Problem(file, where, f"not valid YAML ({getattr(exc, 'problem', None) or exc})")) from None
    except RecursionError:  # not reached within YAML_MAX_DEPTH; a last guard all the same
        raise DataError(Problem(file, "(nesting)", "nested too deeply to read")) from None


def read_yaml(path: Path | str, within: Path | str, limit: int = MAX_YAML_BYTES,
              file: str | None = None) -> Any:
    """Read and strictly parse a YAML file inside ``within``; raise DataError naming what is wrong."""
    file = file or paths.relative(path)
    text, problems = read_text(path, within, limit, "the YAML size limit", file)
    if text is None:
        raise DataError(problems)
    return load_yaml(text, file)


def plain_date(value: Any) -> dt.date:
    """An ISO date from a YAML date or a string; ValueError (with a sentence) otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) > 32:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return dt.date.fromisoformat(value.strip())
