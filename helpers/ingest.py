"""Adding articles to the corpus: saved pages, plain text files and news-database exports.

``python -m helpers add PATH...`` reads every input into :class:`Article` records, checks the whole
batch, and only then writes: the texts to ``raw/articles/<article_id>.txt`` (never over a file),
then ``articles.csv`` rewritten in one step. Any bad input stops the batch before anything is
written, with a :class:`~helpers.errors.DataError` naming each file (or export line) and field.

A record (:class:`Article`) holds ``source`` (the input as shown to the user: ``pages/x.html``,
``export.csv: line 4``), ``stem`` (the input file's name without suffix), ``text`` (the body as
stored: ``\\n`` line ends, one paragraph per line, no trailing white space, the title as first line
unless the body starts with it), ``title, outlet, url`` (from the page via trafilatura: title,
og:site_name, canonical URL; the export's columns; or the flags; None where unknown),
``published, published_basis`` (the day, and where it came from: a page's metadata field, an
export's column, ``--published``, or ``not stated: inferred by htmldate ...``), ``article_id``
(``<outlet or file slug>-<date, or "undated" if inferred>-<6 hex of the normalised text's SHA-256>``)
and ``near_duplicate_of`` (``"<id> (similarity 0.93)"`` for a text close to an earlier one, else empty).

Reading (a saved page through :mod:`helpers.pages`) is kept apart from checking
(:func:`plan_batch`, which writes nothing) and from writing (:func:`write_batch`). Thresholds:
``ingest.*`` and ``corpus.headline_max_words`` in ``assumptions.yaml``.
"""
from __future__ import annotations

import csv
import datetime as dt
import email.utils
import hashlib
import html
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from helpers import paths
from helpers.assumptions import Assumptions, load_assumptions
from helpers.corpus import check_files, count_words, read_metadata, read_text
from helpers.duplicates import exact_duplicates, find_near_duplicates, fingerprint
from helpers.errors import DataError, Problem
from helpers.outputs import atomic_write, write_new_article
from helpers.pages import read_saved_page
from helpers.tables import EARLIEST_DATE, METADATA_COLUMNS, date_problems

PAGE_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
EXPORT_SUFFIXES = (".csv", ".jsonl", ".ndjson")
SUFFIXES = PAGE_SUFFIXES + TEXT_SUFFIXES + EXPORT_SUFFIXES
EXPORT_FIELDS = ("text", "title", "date", "outlet", "url")
SLUG_MAX_CHARS = 40
HASH_CHARS = 6
NO_HEADLINE = "unknown (the text carries no headline)"
WRAP_MAX_CHARS = 100  # a file with a longer line is not hard-wrapped (see normalise_text)
_CLOSES = re.compile(r"[.!?…][\"'”’)\]]*$")  # as helpers.corpus reads a headline
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


@dataclass
class Article:
    """One article to add; see the module docstring for the fields."""

    source: str
    stem: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_basis: str | None = None
    article_id: str = ""
    near_duplicate_of: str = ""
    fingerprint: str = field(default="", repr=False)

    def row(self) -> dict[str, str]:
        """The article's row of ``articles.csv``."""
        return {"article_id": self.article_id, "file": f"{self.article_id}.txt", "title": self.title or NO_HEADLINE,
                "outlet": self.outlet or "unknown", "published": self.published.isoformat() if self.published else "",
                "published_basis": self.published_basis or "", "url": self.url or "unknown",
                "near_duplicate_of": self.near_duplicate_of}


@dataclass(frozen=True)
class Flags:
    """Values given on the command line, which override what the inputs say."""

    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None


# --- Text ------------------------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """The body as the suite stores it: ``\\n`` line ends, no trailing white space, no blank lines
    at either end nor two in a row, hard-wrapped paragraphs joined into one line each.

    Text is taken as hard-wrapped when it has blank lines and no line longer than
    ``WRAP_MAX_CHARS``; a line is then joined to the next only if it is at least 60 % as long as
    the longest (a short headline or byline above a paragraph keeps its own line)."""
    for end in ("\r\n", "\r", "\u2028", "\u2029"):
        text = text.replace(end, "\n")
    lines = [line.rstrip() for line in text.lstrip("\ufeff").split("\n")]
    width = max(map(len, lines), default=0)
    out: list[str] = []
    for line in lines:
        if out and line and out[-1] and width <= WRAP_MAX_CHARS and "" in lines and len(out[-1]) >= 0.6 * width:
            out[-1] = f"{out[-1]} {line.lstrip()}"
        elif line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def with_title(text: str, title: str | None) -> str:
    """``text`` with ``title`` as its first line, unless the text already starts with it."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not title or fingerprint(first).rstrip(".") == fingerprint(title).rstrip("."):
        return text
    return f"{title.strip()}\n{chr(10) if chr(10) * 2 in text else ''}{text}"  # a blank line if paragraphs have them


def headline(text: str, max_words: int) -> str | None:
    """The first line if the suite reads it as a headline (short, no closing punctuation)."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if first and count_words(first, limit=max_words) <= max_words and not _CLOSES.search(first):
        return first
    return None


# --- Dates -----------------------------------------------------------------------------------


def parse_date(value: str) -> dt.date:
    """A publication day from an export's column or a flag: ISO 8601 (a time may follow), an
    unambiguous written form (``14 September 2020``, ``Sep 14, 2020``) or RFC 2822 (``Thu, 24 Sep
    2020 03:12:00 GMT``), from 2000 to today;
    ValueError saying what is wrong otherwise."""
    v = " ".join(str(value).split())
    for fmt in ("iso", *_DATE_FORMATS):
        try:
            day = (dt.datetime.fromisoformat(v) if fmt == "iso"
                   else dt.datetime.strptime(v.replace(".", "").replace("Sept ", "Sep "), fmt)).date()
            break
        except ValueError:
            continue
    else:
        try:  # the e-mail form news feeds use: "Thu, 24 Sep 2020 03:12:00 GMT"
            day = email.utils.parsedate_to_datetime(v).date()
        except (TypeError, ValueError, IndexError):
            raise ValueError(f"{value!r} is not a date") from None
    for problem in date_problems(day, "", ""):  # the range articles.csv holds a date to
        raise ValueError(problem.message)
    return day


def infer_date(text: str) -> dt.date | None:
    """The publication date htmldate's extensive search reads from the dates a text names
    (``original_date``), or None; a bare year (htmldate's 1 January) is no date."""
    from htmldate import find_date  # loaded only when a date must be inferred

    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line) + "</body></html>"
    found = find_date(page, extensive_search=True, original_date=True, min_date=EARLIEST_DATE.isoformat(),
                      max_date=dt.date.today().isoformat())
    day = dt.date.fromisoformat(found) if found else None
    return None if day is None or (day.month, day.day) == (1, 1) else day


# --- Reading inputs --------------------------------------------------------------------------


def expand_inputs(given: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Each input file with the name to show for it: files as given, a folder's supported files
    sorted by name (not its subfolders or hidden files); a missing or unsupported file is a problem."""
    files: dict[Path, tuple[Path, str]] = {}
    problems: list[Problem] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            found = [(p, str(path / p.name)) for p in sorted(path.iterdir())
                     if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUFFIXES]
            if not found:
                problems.append(Problem(str(item), "(folder)", f"holds no {', '.join(SUFFIXES)} file"))
        elif not path.exists() or path.suffix.lower() not in SUFFIXES:
            problems.append(Problem(str(item), "(file)", "not found" if not path.exists()
                                    else f"not a supported type ({', '.join(SUFFIXES)})"))
            continue
        else:
            found = [(path, str(item))]
        for p, shown in found:
            files.setdefault(p.resolve(), (p, shown))  # a file given twice is read once
    return list(files.values()), problems


def read_page(data: bytes, shown: str, stem: str, a: Assumptions) -> Article:
    """A saved page (:func:`helpers.pages.read_saved_page`: trafilatura, furniture pruned): body,
    title, site name, canonical URL, and the date its markup states, with the field stating it."""
    try:
        page = read_saved_page(data)
    except Exception as exc:  # a page trafilatura cannot parse is a bad input, named as such
        raise DataError(Problem(shown, "body", f"no article text found (trafilatura: {exc})")) from None
    body = normalise_text(page.text) if page is not None else ""
    words = count_words(body)
    if page is None or words < a["ingest.min_body_words"]:
        raise DataError(Problem(shown, "body", "no article text found" + (f" (only {words} words)" if words else "")))
    title = page.title or headline(body, a["corpus.headline_max_words"])
    art = Article(shown, stem, with_title(body, title), title=title, outlet=page.sitename, url=page.url,
                  published=page.date)
    if page.date:
        art.published_basis = (f"page metadata of {Path(shown).name}: {page.date_field}" if page.date_field
                               else f"page metadata via htmldate ({Path(shown).name})")
    return art


def read_plain(data: bytes, shown: str, stem: str, a: Assumptions) -> Article:
    """A plain text file: strict UTF-8; its title is its first line if that reads as a headline."""
    try:
        body = normalise_text(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataError(Problem(shown, "text", f"byte {exc.start} is not UTF-8; save the file as UTF-8")) from None
    if not body:
        raise DataError(Problem(shown, "text", "empty or white space only"))
    return Article(shown, stem, body, title=headline(body, a["corpus.headline_max_words"]))


def parse_columns(spec: str | None) -> dict[str, str]:
    """``--columns text=body,title=headline`` as {suite field: export column}, only the pairs
    given; an unknown field or a malformed pair is a problem."""
    given: dict[str, str] = {}
    problems = []
    for pair in filter(str.strip, (spec or "").split(",")):
        key, sep, name = (part.strip() for part in pair.partition("="))
        if not sep or not name:
            problems.append(Problem("--columns", pair.strip(), "expected FIELD=COLUMN, e.g. text=body"))
        elif key.lower() not in EXPORT_FIELDS:
            problems.append(Problem("--columns", key, f"not a field; the fields are {', '.join(EXPORT_FIELDS)}"))
        else:
            given[key.lower()] = name
    if problems:
        raise DataError(problems)
    return given


def _export_records(data: bytes, shown: str) -> tuple[list[str] | None, list[tuple[int, dict[str, object]]]]:
    """A CSV export's lower-cased header (None for JSON Lines) and its records as (line where the
    record starts, {lower-cased column: value})."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(Problem(shown, f"byte {exc.start}", "not UTF-8; export it as UTF-8")) from None
    records: list[tuple[int, dict[str, object]]] = []
    if Path(shown).suffix.lower() == ".csv":
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [h.strip().lower() for h in next(reader, [])]
        if not any(header):
            raise DataError(Problem(shown, "(header)", "empty file: no header row"))
        start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) != len(header):
                    raise DataError(Problem(shown, f"line {start}", f"{len(row)} fields where the header has {len(header)}"))
                records.append((start, dict(zip(header, row))))
            start = reader.line_num + 1
        return header, records
    for no, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise DataError(Problem(shown, f"line {no}", f"not JSON ({exc})")) from None
            if not isinstance(record, dict):
                raise DataError(Problem(shown, f"line {no}", f"a JSON {type(record).__name__}, not an object; "
                                                            "JSON Lines holds one object per line"))
            records.append((no, {str(k).strip().lower(): v for k, v in record.items()}))
    return None, records


def read_export(data: bytes, shown: str, stem: str, given: Mapping[str, str], a: Assumptions) -> list[Article]:
    """One article per row of a CSV or JSON Lines export (column names in any case; ``given``
    maps suite fields to other names); every bad row is a problem (line, field)."""
    columns = {f: given.get(f, f) for f in EXPORT_FIELDS}
    keys = {f: c.lower() for f, c in columns.items()}
    header, records = _export_records(data, shown)
    if header is not None and (missing := [f for f in EXPORT_FIELDS if keys[f] not in header and (f == "text" or f in given)]):
        raise DataError([Problem(shown, "(header)", f"no column {columns[f]!r}" + (
            f" (from --columns {f}={columns[f]})" if f in given else "; name the text column with --columns text=NAME"))
            for f in missing])
    articles, problems = [], []
    for no, record in records:
        where = f"line {no}"
        values = {f: ("" if record.get(k) is None else str(record.get(k))).strip() for f, k in keys.items()}
        body = normalise_text(values["text"])
        if isinstance(record.get(keys["text"]), (list, dict)):
            problems.append(Problem(shown, f"{where}: {columns['text']}", "not a string"))
            continue
        if not body:
            problems.append(Problem(shown, f"{where}: {columns['text']}", "no text" if keys["text"] in record else
                                    "missing; name the text field with --columns text=NAME"))
            continue
        art = Article(f"{shown}: {where}", stem, with_title(body, values["title"] or None), outlet=values["outlet"] or None,
                      title=values["title"] or headline(body, a["corpus.headline_max_words"]), url=values["url"] or None)
        if values["date"]:
            try:
                art.published = parse_date(values["date"])
            except ValueError as exc:
                problems.append(Problem(shown, f"{where}: {columns['date']}", str(exc)))
                continue
            art.published_basis = f"export column {columns['date']!r} of {Path(shown).name}, {where}"
        articles.append(art)
    if not records:
        problems.append(Problem(shown, "(rows)", "no article rows"))
    if problems:
        raise DataError(problems)
    return articles


def read_inputs(files: list[tuple[Path, str]], columns: Mapping[str, str], a: Assumptions
                ) -> tuple[list[Article], list[Problem]]:
    """Every input read into records, with the problems of all of them (nothing stops at the first)."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for path, shown in files:
        try:
            data = path.read_bytes()
            if path.suffix.lower() in PAGE_SUFFIXES:
                articles.append(read_page(data, shown, path.stem, a))
            elif path.suffix.lower() in TEXT_SUFFIXES:
                articles.append(read_plain(data, shown, path.stem, a))
            else:
                articles.extend(read_export(data, shown, path.stem, columns, a))
        except DataError as exc:
            problems += exc.problems
        except OSError as exc:
            problems.append(Problem(shown, "(file)", f"cannot be read ({exc.strerror or exc})"))
    return articles, problems


# --- Checking the batch: flags, dates, duplicates, ids ---------------------------------------


def apply_flags(articles: list[Article], flags: Flags) -> list[Problem]:
    """Put the user's values over the inputs' (in place); a problem if a flag is bad or names one
    article's title or URL for several."""
    problems = []
    if (flags.title or flags.url) and len(articles) > 1:
        which = " and ".join(f"--{n}" for n in ("title", "url") if getattr(flags, n))
        problems.append(Problem(which, "(flag)", f"names one article, but the batch holds {len(articles)}; add it alone"))
    day = None
    try:
        day = parse_date(flags.published) if flags.published else None
    except ValueError as exc:
        problems.append(Problem("--published", "(flag)", f"{exc} (YYYY-MM-DD)" if "not a date" in str(exc) else str(exc)))
    for art in articles if not problems else []:
        art.outlet, art.title, art.url = flags.outlet or art.outlet, flags.title or art.title, flags.url or art.url
        if day is not None:
            art.published, art.published_basis = day, "given by the user (--published)"
    return problems


def date_articles(articles: list[Article]) -> tuple[list[bool], list[Problem]]:
    """Infer the dates no input states from the text (:func:`infer_date`). Returns whether each
    article's date is stated (not inferred), and a problem for each left without a date."""
    problems = []
    stated = [art.published is not None for art in articles]
    for art in (art for art, known in zip(articles, stated) if not known):
        file, _, line = art.source.partition(": ")
        if (day := infer_date(art.text)) is None:
            problems.append(Problem(file, f"{line}: published" if line else "published",
                                    "no date is stated and the text names none that htmldate can read; "
                                    "give it with --published YYYY-MM-DD"))
            continue
        art.published = day
        art.published_basis = f"not stated: inferred by htmldate from the dates the text names ({day}); check and correct"
    return stated, problems


def existing_texts(data_dir: Path | str | None) -> tuple[list[dict[str, str]], dict[str, str], list[Problem]]:
    """The data folder's metadata rows and each article's fingerprint by id (no ``articles.csv``:
    an empty corpus); problems if the folder is not valid to add to."""
    if not paths.articles_csv(data_dir).exists():
        return [], {}, []
    meta, problems = read_metadata(data_dir)
    if problems or (problems := check_files(meta, data_dir)):
        return [], {}, problems
    rows = [{c: str(meta.at[i, c]) for c in METADATA_COLUMNS} for i in meta.index]
    texts = {}
    for row in rows:
        text, found = read_text(paths.raw_articles(data_dir) / row["file"])
        problems += found
        if text is not None:
            texts[row["article_id"]] = fingerprint(text)
    return rows, texts, problems


def slugify(name: str) -> str:
    """A lower-case ASCII slug of an outlet or file name (``The Verge`` -> ``the-verge``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())
    slug = slug.strip("-")
    if len(slug) > SLUG_MAX_CHARS:  # cut at a hyphen where there is one
        slug = slug[:SLUG_MAX_CHARS].rsplit("-", 1)[0] if "-" in slug[:SLUG_MAX_CHARS] else slug[:SLUG_MAX_CHARS]
    return slug or "article"


def make_id(article: Article, dated: bool, taken: set[str]) -> str:
    """``<slug>-<date|undated>-<hash>``, the same for the same text, outlet (or file name) and
    stated date; the hash grows by a character in the unlikely case the id is taken."""
    digest = hashlib.sha256(article.fingerprint.encode("utf-8")).hexdigest()
    day = article.published.isoformat() if dated and article.published else "undated"
    base = f"{slugify(article.outlet or article.stem)}-{day}-"
    n = HASH_CHARS
    while f"{base}{digest[:n]}" in taken:
        n += 1
    return f"{base}{digest[:n]}"


def plan_batch(given: Iterable[str | Path], data_dir: Path | str | None = None, columns: str | None = None,
               flags: Flags = Flags()) -> tuple[list[Article], list[dict[str, str]]]:
    """Read and check a batch, writing nothing: the articles to add, with their ids and flags, and
    the data folder's existing metadata rows. Raises DataError with every problem found."""
    a = load_assumptions(paths.assumptions_yaml(data_dir))
    files, problems = expand_inputs(given)
    articles, found = read_inputs(files, parse_columns(columns), a)
    flag_problems = apply_flags(articles, flags)
    stated, found_dates = date_articles(articles) if not flag_problems else ([], [])
    rows, existing, found_existing = existing_texts(data_dir)
    problems += found + flag_problems + found_dates + found_existing + exact_duplicates(articles, existing)
    if problems:
        raise DataError(problems)
    taken = {r["article_id"] for r in rows}
    for art, dated in zip(articles, stated):
        art.article_id = make_id(art, dated, taken)
        taken.add(art.article_id)
    find_near_duplicates(articles, existing, a["ingest.near_duplicate_min_similarity"])
    return articles, rows


# --- Writing ---------------------------------------------------------------------------------


def metadata_csv(rows: Iterable[Mapping[str, str]]) -> str:
    """``articles.csv`` text: every metadata column, minimal quoting, ``\\n`` line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(METADATA_COLUMNS)
    writer.writerows([row.get(c, "") for c in METADATA_COLUMNS] for row in rows)
    return buffer.getvalue()


def write_batch(articles: list[Article], rows: list[dict[str, str]], data_dir: Path | str | None = None) -> None:
    """Write the texts, then ``articles.csv`` in one step; on any failure remove the texts this
    batch wrote, so that the folder is as it was."""
    written: list[Path] = []
    try:
        for art in articles:
            target = paths.raw_articles(data_dir) / f"{art.article_id}.txt"
            try:
                written.append(write_new_article(target, art.text))
            except FileExistsError:
                raise DataError(Problem(paths.relative(target), "(file)",
                                        "exists already; an article file is never overwritten")) from None
        atomic_write(paths.articles_csv(data_dir), metadata_csv([*rows, *(art.row() for art in articles)]))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def add(given: Iterable[str | Path], data_dir: Path | str | None = None, columns: str | None = None,
        flags: Flags = Flags()) -> list[Article]:
    """Add a batch of pages, text files and exports to ``data_dir``, all or nothing; return the
    articles added. Raises DataError, having written nothing, if any input is bad."""
    articles, rows = plan_batch(given, data_dir, columns, flags)
    write_batch(articles, rows, data_dir)
    return articles
