"""The articles as pandas frames: loading, validation, segmentation and character offsets.

:func:`load_corpus` reads ``data/articles.csv`` and ``data/raw/articles/*.txt`` and returns a
:class:`Corpus` with three frames. Offsets are ``[start, end)`` into the article text as decoded
from UTF-8 (a byte-order mark, if any, is kept as character 0), so that for every row
``corpus.texts[article_id][start:end] == text``.

``articles``
    ``article_id, file, title, outlet, published, published_basis, url, near_duplicate_of`` (from
    the metadata; ``published`` is a datetime64 day; ``near_duplicate_of`` is optional in the file,
    empty unless ``python -m helpers add`` found a near-duplicate, see :mod:`helpers.ingest`) plus
    ``label`` (the one human name of the article in every figure, finding, hover and table: see
    :func:`helpers.labels.article_labels`), ``date_basis`` (``stated``, ``inferred`` or
    ``overridden``: see :func:`helpers.labels.date_basis`), ``published_overridden`` (a run's
    parameters changed it), ``sha256`` (of the raw bytes), ``n_chars, n_words, n_paragraphs,
    n_sentences``.
``paragraphs``
    ``article_id, paragraph_no`` (1-based), ``start, end, text, kind`` where kind is
    ``headline`` (a short first line without closing punctuation), ``body``, ``embedded_post``
    (a social-media post pasted into the article, recognised by its ``— Name (@handle) Date``
    signature, with the short lines just before it that belong to it) or ``fragment`` (a short line
    that is not a sentence, e.g. an image caption). Embedded posts also fill ``post_author,
    post_handle, post_date, post_url``; other rows leave them empty.
``sentences``
    ``article_id, sentence_no`` (1-based within the article), ``paragraph_no, start, end, text,
    voice, paragraph_kind``. ``voice`` is ``narration``, ``direct_quote`` (at least
    ``corpus.quote_share_min`` of its characters lie inside a quotation that is speech rather than
    a scare quote) or ``embedded_post``. Sentences come from sentencex (Wikimedia's rule-based segmenter)
    with tested fixes: a quotation that holds several sentences is split,
    no break inside a URL, e-mail address or @handle, after a title (``Mr.``) or inside a dated
    abbreviation (``Sept. 15``), and a break before an embedded post's signature.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import paths, reference, safe_io
from helpers.assumptions import Assumptions, load_assumptions
from helpers.cache import cached
from helpers.errors import DataError, Problem
from helpers.labels import article_labels, date_basis
from helpers.segment import PAD, count_words, segment_all
from helpers.tables import EMPTY_WHEN_ABSENT, METADATA_COLUMNS, REQUIRED_METADATA, date_problems, parse_date
from helpers.textcheck import control_problems, lookalike_warnings

ARTICLE_COLUMNS = [*METADATA_COLUMNS, "label", "date_basis", "published_overridden", "sha256", "n_chars", "n_words",
                   "n_paragraphs", "n_sentences"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph_no", "start", "end", "text", "kind",
                     "post_author", "post_handle", "post_date", "post_url"]
SENTENCE_COLUMNS = ["article_id", "sentence_no", "paragraph_no", "start", "end", "text", "voice",
                    "paragraph_kind"]

@dataclass(frozen=True)
class Corpus:
    """The articles of one data folder as frames, plus their texts and a checksum."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    texts: Mapping[str, str] = field(repr=False)
    checksum: str = ""


# --------------------------------------------------------------------------------------------
# Reading and validating


def read_metadata(data_dir: Path | str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``data/articles.csv`` (the registry's ``articles`` table); return the frame, with the
    optional columns a row may leave out filled in as ``unknown``, and every problem."""
    frame, problems = reference.read("articles", data_dir)
    if frame.empty and problems:
        return frame, problems
    for col in METADATA_COLUMNS:
        if col not in frame.columns and col not in REQUIRED_METADATA:
            frame[col] = "" if col in EMPTY_WHEN_ABSENT else "unknown"
    return frame, problems


def read_text(path: Path, within: Path | str | None = None, limit: int | None = None) -> tuple[str | None, list[Problem]]:
    """Decode one article file strictly as UTF-8; a missing, undecodable or blank file is a problem.

    The file must be a regular file inside ``within`` (default: its own folder) of at most
    ``limit`` bytes (default: :data:`helpers.safe_io.DEFAULT_MAX_ARTICLE_BYTES`), see
    :func:`helpers.safe_io.read_bytes`; text with control characters other than tab, line feed and
    carriage return is refused with its line and column (:mod:`helpers.textcheck`)."""
    within = within if within is not None else Path(path).absolute().parent
    limit = limit if limit is not None else safe_io.DEFAULT_MAX_ARTICLE_BYTES
    text, problems = safe_io.read_text(path, within, limit, "the article size limit (input.max_article_bytes)")
    if text is None:
        return None, problems
    if not text.strip(PAD):
        return None, [Problem(paths.relative(path), "(text)", "empty or white space only")]
    if control_problems(text, ""):  # rare: only then is the path worked out for the reader
        return None, control_problems(text, paths.relative(path))
    return text, []


def check_files(meta: pd.DataFrame, data_dir: Path | str | None = None) -> list[Problem]:
    """Every metadata row has its file and every article file has its row."""
    folder = paths.raw_articles(data_dir)
    meta_file = paths.relative(paths.articles_csv(data_dir))
    problems = []
    if not folder.is_dir():
        return [Problem(paths.relative(folder), "(folder)", "missing")]
    on_disk = {p.name for p in folder.glob("*.txt")}
    listed = set(meta["file"]) if "file" in meta.columns else set()
    for i, name in enumerate(meta.get("file", []), start=2):
        if name and name not in on_disk:
            problems.append(Problem(meta_file, f"line {i}: file", f"{name!r} has no file in {paths.relative(folder)}/"))
    for name in sorted(on_disk - listed):
        problems.append(Problem(paths.relative(folder / name), "(file)", f"has no row in {meta_file}"))
    return problems


def _override_problems(meta: pd.DataFrame, published: Mapping[str, Any]) -> list[Problem]:
    known = set(meta["article_id"]) if "article_id" in meta.columns else set()
    problems = []
    today = dt.date.today()
    for aid, value in sorted(published.items()):
        if aid not in known:
            problems.append(Problem("parameters", f"published[{aid!r}]", "no article with this id"))
        else:
            problems.extend(date_problems(value, "parameters", f"published[{aid!r}]", today))
    return problems


# --------------------------------------------------------------------------------------------
# The corpus


def corpus_checksum(articles: pd.DataFrame) -> str:
    """A short checksum of the corpus: article ids and the SHA-256 of their raw bytes."""
    h = hashlib.sha256()
    for aid, sha in sorted(zip(articles["article_id"], articles["sha256"])):
        h.update(f"{aid}\t{sha}\n".encode())
    return h.hexdigest()[:16]


def validate_corpus(data_dir: Path | str | None = None, published: Mapping[str, Any] | None = None) -> list[Problem]:
    """Every problem with the articles and their metadata, without segmenting anything."""
    return _read_and_validate(data_dir, published, safe_io.max_article_bytes(data_dir))[0]


def text_warnings(data_dir: Path | str | None = None) -> list[Problem]:
    """Warnings (not errors: the articles still load) about words that are not what they look like:
    zero-width characters inside a word, Latin mixed with Cyrillic or Greek letters
    (:func:`helpers.textcheck.lookalike_warnings`), for every article that can be read."""
    _, _, files = _read_and_validate(data_dir, None, safe_io.max_article_bytes(data_dir))
    folder = paths.raw_articles(data_dir)
    found: list[Problem] = []
    for name, (raw, _) in sorted(files.items()):
        found += lookalike_warnings(raw.decode("utf-8"), paths.relative(folder / name))
    return found


def _read_and_validate(data_dir: Path | str | None, published: Mapping[str, Any] | None, limit: int | None = None
                       ) -> tuple[list[Problem], pd.DataFrame, dict[str, tuple[bytes, str]]]:
    """The problems, the metadata and each readable file's raw bytes and their SHA-256, by file name.
    Articles are read only from inside the data folder and up to ``limit`` bytes each."""
    meta, problems = read_metadata(data_dir)
    files: dict[str, tuple[bytes, str]] = {}
    if "file" in meta.columns:
        problems += check_files(meta, data_dir)
        folder = paths.raw_articles(data_dir)
        seen: dict[str, str] = {}
        for name in sorted(set(meta["file"]) & {p.name for p in folder.glob("*.txt")}):
            text, found = read_text(folder / name, paths.data_dir(data_dir), limit)
            problems += found
            if text is not None:
                raw = text.encode("utf-8")  # read_text decodes strictly, so this is the file's bytes
                digest = hashlib.sha256(raw).hexdigest()
                if digest in seen:
                    problems.append(Problem(paths.relative(folder / name), "(text)",
                                            f"same content as {seen[digest]}: one article under two ids would be counted twice"))
                seen.setdefault(digest, name)
                files[name] = (raw, digest)
    if published:
        problems += _override_problems(meta, published)
    return sorted(set(problems)), meta, files


def load_corpus(
    data_dir: Path | str | None = None,
    published: Mapping[str, Any] | None = None,
    assumptions: Assumptions | None = None,
    use_cache: bool = True,
) -> Corpus:
    """Load and segment every article of ``data_dir`` (default: the project's ``data/``).

    ``published`` maps article ids to publication dates that replace the metadata's for this
    run (a notebook's ``parameters`` cell). Raises :class:`~helpers.errors.DataError` listing
    every problem, each naming its file and field, if anything is wrong with the input.
    Segmentation is cached in ``data/interim/`` (see :mod:`helpers.cache`) unless ``use_cache``
    is False.
    """
    a = assumptions if assumptions is not None else load_assumptions(paths.assumptions_yaml(data_dir))
    problems, meta, files = _read_and_validate(data_dir, published,
                                               a.get("input.max_article_bytes", safe_io.DEFAULT_MAX_ARTICLE_BYTES))
    if problems:
        raise DataError(problems)
    overrides = {k: (v if isinstance(v, dt.date) else parse_date(str(v))) for k, v in (published or {}).items()}
    art_rows, texts, digests = [], {}, {}
    for row in meta.sort_values("article_id").itertuples(index=False):
        raw, digests[row.article_id] = files[row.file]
        texts[row.article_id] = raw.decode("utf-8")
    checksum = corpus_checksum(pd.DataFrame({"article_id": list(digests), "sha256": list(digests.values())}))
    # the thresholds are passed only so that they enter the cache key: changing one re-segments
    thresholds = {k: a[k] for k in a if k.startswith("corpus.")}
    segments = cached("segments", checksum, lambda _t: segment_all(texts, a), thresholds,
                      data_dir=data_dir, enabled=use_cache)
    n_units = segments.groupby(["article_id", "unit"]).size().to_dict()
    for row in meta.sort_values("article_id").itertuples(index=False):
        text = texts[row.article_id]
        record = {c: getattr(row, c) for c in METADATA_COLUMNS}
        record["published"] = overrides.get(row.article_id, parse_date(row.published))
        record["published_overridden"] = row.article_id in overrides
        record["date_basis"] = date_basis(row.published_basis, record["published_overridden"])
        record.update(sha256=digests[row.article_id], n_chars=len(text),
                      n_words=count_words(text), n_paragraphs=int(n_units.get((row.article_id, "paragraph"), 0)),
                      n_sentences=int(n_units.get((row.article_id, "sentence"), 0)))
        art_rows.append(record)

    def with_text(part: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
        part = part.reset_index(drop=True)
        part["text"] = [texts[a][b:e] for a, b, e in zip(part["article_id"].tolist(), part["start"].tolist(),
                                                          part["end"].tolist())]
        part = part[columns].copy()
        for col in [c for c in part.columns if part[c].dtype.kind == "O"]:  # one string dtype, cached or not
            part[col] = pd.Series(part[col].tolist(), index=part.index)
        return part

    paragraphs_df = with_text(segments[segments["unit"] == "paragraph"], PARAGRAPH_COLUMNS)
    sentences_df = with_text(segments[segments["unit"] == "sentence"], SENTENCE_COLUMNS)
    articles = pd.DataFrame(art_rows, columns=ARTICLE_COLUMNS)
    articles["published"] = pd.to_datetime(articles["published"]).astype("datetime64[s]")
    articles["label"] = article_labels(articles)
    for frame, cols in ((articles, ["n_chars", "n_words", "n_paragraphs", "n_sentences"]),
                        (paragraphs_df, ["paragraph_no", "start", "end"]),
                        (sentences_df, ["sentence_no", "paragraph_no", "start", "end"])):
        frame[cols] = frame[cols].astype("int64")
    return Corpus(articles, paragraphs_df, sentences_df, texts, checksum)


# --------------------------------------------------------------------------------------------
# Checks of the files behind a loaded corpus


def sha256_mismatches(corpus: Corpus, data_dir: Path | str | None = None) -> list[str]:
    """Articles whose file on disk no longer has the checksum recorded at load time."""
    folder = paths.raw_articles(data_dir)
    limit = safe_io.max_article_bytes(data_dir)

    def digest(name: str) -> str | None:
        raw, _ = safe_io.read_bytes(folder / name, paths.data_dir(data_dir), limit)
        return None if raw is None else hashlib.sha256(raw).hexdigest()

    return [r.article_id for r in corpus.articles.itertuples() if digest(r.file) != r.sha256]

