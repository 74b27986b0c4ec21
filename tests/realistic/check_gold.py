#!/usr/bin/env python3
"""Check that the realistic test corpus and its gold annotations are internally consistent.

Standard library only. Run from anywhere:

    python tests/realistic/check_gold.py            # check, exit 1 on any problem
    python tests/realistic/check_gold.py --counts   # check, then print the corpus counts
    python tests/realistic/check_gold.py --show KEY # print the body text the gold is checked against

Another corpus of the same layout (tests/fresh/second, ...): ``REALISTIC_CORPUS=DIR`` or ``--corpus
DIR``; its ``minimums.json``, if present, sets the corpus-level minimums below for a smaller corpus.

What is checked (see README.md in this folder for the conventions):
- every manifest row names an input that exists (and, for exports, a row that exists), keys are
  unique and match the gold files one to one;
- the manifest's outlet / title / published / url agree with what the input itself carries
  (export columns, the page's metadata, the text's first line) or with the row's flags;
- every quote text, scare quote, reported-speech cue, date text, party name and party form, and
  every not-party word occurs verbatim in the article text (for HTML: the visible text of the
  <article> element with white space collapsed; for exports: the text column; for .txt: the
  file less its headline line when the headline is the title);
- date values are well-formed TIMEX3 values, weekday names and month/day numbers agree with the
  value, and a weekday's tense agrees with the article's (true) publication date;
- body_first_words / body_last_words are 8 words each and occur in order; the body between them
  has 200-900 words; every boilerplate line occurs in the input;
- corpus-level requirements (:data:`MINIMUMS`): >= 14 articles, >= 6 outlets, >= 5 .txt, >= 4
  pages, an export CSV with >= 3 rows (one with an empty date), a JSON Lines export with >= 2 rows,
  one near-duplicate pair in two different inputs.
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import email.utils
import json
import os
import pathlib
import re
import shlex
import sys
from html.parser import HTMLParser

HERE = pathlib.Path(os.environ.get("REALISTIC_CORPUS") or pathlib.Path(__file__).resolve().parent).resolve()
# corpus-level minimums; a corpus's own minimums.json may lower them (an eight-article corpus)
MINIMUMS = {"articles": 14, "outlets": 6, ".txt": 5, ".html": 4, ".csv": 3, ".jsonl": 2, "exports": 0,
            "empty date in": ".csv", "near-duplicate pairs": 1}
MANIFEST_COLUMNS = ["key", "input", "row", "outlet", "title", "published", "date_basis", "url",
                    "flags", "near_duplicate_of"]
DATE_BASES = {"page metadata", "export column", "user flag", "not stated"}
PARTY_TYPES = {"person", "organisation"}
QUOTE_KINDS = {"direct", "partial", "statement", "multi-paragraph"}
DATE_KINDS = {"absolute", "weekday", "month", "year", "relative", "duration", "weekend", "week",
              "season", "holiday"}
TENSES = {"past", "present", "future"}
TIMEX = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{4}-W\d{2}(?:-WE)?|\d{4}-(?:SP|SU|FA|WI)"
                   r"|P\d+[DWMY])$")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
              "figcaption", "blockquote", "section", "header", "footer", "aside", "nav", "article",
              "main", "table", "tr", "td", "th", "form", "button", "time", "span"}
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title"}

problems: list[str] = []


def problem(where: str, msg: str) -> None:
    problems.append(f"{where}: {msg}")


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- HTML
class VisibleText(HTMLParser):
    """Visible text of a page, and separately of its <article> element(s)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page: list[str] = []
        self.article: list[str] = []
        self.skip = 0
        self.in_article = 0
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.times: list[str] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            for k in ("property", "name", "itemprop"):
                if a.get(k) and a.get("content") is not None:
                    self.meta.setdefault(a[k], a["content"])
        if tag == "link" and a.get("rel") and a.get("href"):
            self.links.setdefault(a["rel"], a["href"])
        if tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
        if tag in SKIP_TAGS:
            self.skip += 1
        if tag == "article":
            self.in_article += 1
        if tag in BLOCK_TAGS:
            self._emit(" ")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag == "script":
            self._in_jsonld = False
        if tag in BLOCK_TAGS:
            self._emit(" ")
        if tag == "article" and self.in_article:
            self.in_article -= 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("meta", "link"):
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)
            return
        if not self.skip:
            self._emit(data)

    def _emit(self, s: str) -> None:
        self.page.append(s)
        if self.in_article:
            self.article.append(s)


def parse_page(path: pathlib.Path) -> VisibleText:
    p = VisibleText()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


def page_published(p: VisibleText) -> str | None:
    """The page's publication date, as the page itself states it (local date of the timestamp)."""
    cands = []
    for k in ("article:published_time", "datePublished", "parsely-pub-date", "pubdate"):
        if k in p.meta:
            cands.append(p.meta[k])
    for block in p.jsonld:
        try:
            data = json.loads(block)
        except json.JSONDecodeError:
            continue
        for d in data if isinstance(data, list) else [data]:
            if isinstance(d, dict) and d.get("datePublished"):
                cands.append(d["datePublished"])
    cands += p.times
    for c in cands:
        m = re.match(r"(\d{4}-\d{2}-\d{2})", c)
        if m:
            return m.group(1)
    return None


# --------------------------------------------------------------------------- flags, exports
def parse_flags(flags: str) -> dict[str, str]:
    out: dict[str, str] = {}
    toks = shlex.split(flags or "")
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.startswith("--"):
            if "=" in t:
                k, v = t[2:].split("=", 1)
                out[k] = v
            elif i + 1 < len(toks):
                out[t[2:]] = toks[i + 1]
                i += 1
        i += 1
    return out


def columns_map(flags: dict[str, str]) -> dict[str, str]:
    """--columns text=body,title=headline,... -> {'text': 'body', ...}"""
    m = {k: k for k in ("text", "title", "date", "outlet", "url")}
    for part in (flags.get("columns") or "").split(","):
        if "=" in part:
            k, v = part.split("=", 1)
            m[k.strip()] = v.strip()
    return m


def export_date(value: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value)
    if m:
        return m.group(1)
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        pass
    for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            pass
    return "unparseable:" + value


def load_export_rows(path: pathlib.Path, cols: dict[str, str]) -> list[dict[str, str]]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    else:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    return [{k: (r.get(v) or "") for k, v in cols.items()} for r in rows]


# --------------------------------------------------------------------------- articles
class Article:
    def __init__(self, row: dict[str, str]):
        self.row = row
        self.key = row["key"]
        self.path = HERE / row["input"]
        self.flags = parse_flags(row["flags"])
        self.body = ""      # the text the gold is checked against
        self.raw = ""       # everything the input shows (for boilerplate)
        self.meta: dict[str, str | None] = {}
        self.kind = ("html" if self.path.suffix in (".html", ".htm") else
                     "export" if self.path.suffix in (".csv", ".jsonl") else "txt")

    def load(self) -> bool:
        r = self.row
        if not self.path.is_file():
            problem(self.key, f"input {r['input']} does not exist")
            return False
        if self.kind == "txt":
            if r["row"]:
                problem(self.key, "row given for a .txt input")
            text = self.path.read_text(encoding="utf-8")
            self.raw = text
            lines = text.split("\n")
            first = next((ln.strip() for ln in lines if ln.strip()), "")
            title = self.flags.get("title")
            if title is None and r["title"]:
                if r["title"] != first:
                    problem(self.key, f"title {r['title']!r} is neither a flag nor the first line")
                idx = next(i for i, ln in enumerate(lines) if ln.strip())
                self.body = "\n".join(lines[idx + 1:]).strip("\n")
            else:
                self.body = text
            self.meta = {"outlet": self.flags.get("outlet", ""),
                         "title": title if title is not None else (r["title"] and first),
                         "published": self.flags.get("published", ""),
                         "url": self.flags.get("url", "")}
        elif self.kind == "html":
            if r["row"]:
                problem(self.key, "row given for an HTML input")
            p = parse_page(self.path)
            self.raw = collapse("".join(p.page))
            self.body = collapse("".join(p.article))
            if not self.body:
                problem(self.key, "page has no <article> text")
            self.meta = {"outlet": p.meta.get("og:site_name", ""),
                         "title": p.meta.get("og:title", ""),
                         "published": page_published(p) or "",
                         "url": p.links.get("canonical", "")}
        else:
            try:
                n = int(r["row"])
            except ValueError:
                problem(self.key, "export input without a valid row number")
                return False
            rows = load_export_rows(self.path, columns_map(self.flags))
            if not 1 <= n <= len(rows):
                problem(self.key, f"row {n} not in {r['input']} ({len(rows)} rows)")
                return False
            rec = rows[n - 1]
            self.raw = self.body = rec["text"]
            self.meta = {"outlet": rec["outlet"], "title": rec["title"],
                         "published": export_date(rec["date"]) or "", "url": rec["url"]}
        return True

    def check_manifest(self) -> None:
        r, m, key = self.row, self.meta, self.key
        basis = r["date_basis"]
        if basis not in DATE_BASES:
            problem(key, f"unknown date_basis {basis!r}")
        if r["published"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"]):
            problem(key, f"published {r['published']!r} is not YYYY-MM-DD")
        if (basis == "not stated") != (r["published"] == ""):
            problem(key, "published must be empty exactly when date_basis is 'not stated'")
        if basis == "page metadata" and self.kind != "html":
            problem(key, "'page metadata' for an input that is not a page")
        if basis == "export column" and self.kind != "export":
            problem(key, "'export column' for an input that is not an export")
        if basis == "user flag" and self.flags.get("published") != r["published"]:
            problem(key, "'user flag' but --published does not give the manifest date")
        # what the input (or flag) carries must be what the manifest says the suite ends up with
        flag_over = {"outlet": "outlet", "title": "title", "url": "url", "published": "published"}
        for col, flag in flag_over.items():
            want = r[col]
            have = self.flags.get(flag, m.get(col) or "")
            if col == "published" and basis == "not stated":
                have = have or ""
            if (have or "") != want:
                problem(key, f"manifest {col} {want!r} but the input/flags give {have!r}")

    def check_gold(self, g: dict) -> None:
        key, body = self.key, self.body
        if g.get("key") != key:
            problem(key, f"gold key {g.get('key')!r} differs")
        ref = self.row["published"] or g.get("true_published", "")
        if self.row["date_basis"] == "not stated" and not g.get("true_published"):
            problem(key, "date not stated but gold has no true_published")
        if g.get("true_published") and self.row["published"] and \
                g["true_published"] != self.row["published"]:
            problem(key, "true_published differs from the manifest's published")
        cbody = collapse(body)
        # body span
        fw, lw = g.get("body_first_words", ""), g.get("body_last_words", "")
        for name, w in (("body_first_words", fw), ("body_last_words", lw)):
            if len(w.split()) != 8:
                problem(key, f"{name} has {len(w.split())} words, not 8")
        i, j = cbody.find(collapse(fw)), cbody.rfind(collapse(lw))
        if i < 0:
            problem(key, f"body_first_words not found: {fw!r}")
        if j < 0:
            problem(key, f"body_last_words not found: {lw!r}")
        if i >= 0 and j >= 0:
            if j < i:
                problem(key, "body_last_words come before body_first_words")
            n = len(cbody[i:j + len(collapse(lw))].split())
            if not 200 <= n <= 900:
                problem(key, f"body has {n} words (want 200-900)")
            self.words = n
        for line in g.get("boilerplate_absent", []):
            if collapse(line) not in collapse(self.raw):
                problem(key, f"boilerplate line not in the input: {line!r}")
            if i >= 0 and cbody.find(collapse(line)) == i:
                problem(key, f"boilerplate line is where the body starts: {line!r}")
        # parties
        names: dict[str, dict] = {}
        forms_all: set[str] = set()
        for p in g.get("parties", []):
            nm = p.get("name", "")
            if nm in names:
                problem(key, f"party {nm!r} listed twice")
            names[nm] = p
            if p.get("id"):
                names[p["id"]] = p
            if p.get("type") not in PARTY_TYPES:
                problem(key, f"party {nm!r} has type {p.get('type')!r}")
            if not re.fullmatch(r"[a-z0-9_]+", p.get("id", "")):
                problem(key, f"party {nm!r} needs an id of [a-z0-9_]")
            if p.get("type") == "person" and not p.get("affiliation"):
                problem(key, f"person {nm!r} has no affiliation")
            for f in [nm] + p.get("forms", []):
                forms_all.add(f)
                if not occurs(f, body):
                    problem(key, f"party form not in text: {f!r} ({nm})")
            if p.get("context") and collapse(p["context"]) not in cbody:
                problem(key, f"party context not in text: {p['context']!r}")
        for w in g.get("not_parties", []):
            if not occurs(w, body):
                problem(key, f"not_party not in text: {w!r}")
            if w in forms_all:
                problem(key, f"{w!r} is both a party form and a not_party")
        # quotes
        parts = collections.defaultdict(list)
        for q in g.get("quotes", []):
            t = q.get("text", "")
            if collapse(t) not in cbody:
                problem(key, f"quote not in text: {t[:60]!r}")
            if q.get("kind") not in QUOTE_KINDS:
                problem(key, f"quote kind {q.get('kind')!r}")
            if not speaker_ok(q.get("speaker", ""), names):
                problem(key, f"quote speaker {q.get('speaker')!r} is not a party of the article")
            if q.get("kind") in ("multi-paragraph", "statement") and "part" in q:
                parts[(q["kind"], q.get("group", q.get("speaker")))].append(q)
        for (kind, grp), qs in parts.items():
            if sorted(q["part"] for q in qs) != list(range(1, len(qs) + 1)) or \
                    any(q.get("of") != len(qs) for q in qs):
                problem(key, f"{kind} quote {grp!r}: parts are not 1..{len(qs)} with 'of'")
        for s in g.get("scare_quotes", []):
            if collapse(s) not in cbody:
                problem(key, f"scare quote not in text: {s!r}")
        for rs in g.get("reported_speech", []):
            if collapse(rs.get("cue", "")) not in cbody:
                problem(key, f"reported-speech cue not in text: {rs.get('cue')!r}")
            if not speaker_ok(rs.get("speaker", ""), names):
                problem(key, f"reported-speech speaker {rs.get('speaker')!r} is not a party")
        # dates
        seen = collections.defaultdict(list)
        for d in g.get("dates", []):
            t, v, k = d.get("text", ""), d.get("value", ""), d.get("kind", "")
            n_occ = count(t, body)
            if n_occ == 0:
                problem(key, f"date text not in text: {t!r}")
            if d.get("occurrence") and d["occurrence"] > n_occ:
                problem(key, f"date {t!r} occurrence {d['occurrence']} > {n_occ}")
            seen[t].append(d.get("occurrence"))
            if not TIMEX.match(v):
                problem(key, f"date {t!r} value {v!r} is not TIMEX3")
            if k not in DATE_KINDS:
                problem(key, f"date {t!r} kind {k!r}")
            check_date_semantics(key, d, ref)
        for t, occ in seen.items():
            if len(occ) > 1 and (None in occ or len(set(occ)) != len(occ)):
                problem(key, f"date text {t!r} annotated {len(occ)} times without distinct occurrence")


def occurs(needle: str, hay: str) -> bool:
    return count(needle, hay) > 0


def count(needle: str, hay: str) -> int:
    if not needle:
        return 0
    pat = (r"(?<!\w)" if needle[0].isalnum() else "") + re.escape(collapse(needle)) + \
        (r"(?!\w)" if needle[-1].isalnum() else "")
    return len(re.findall(pat, collapse(hay)))


def speaker_ok(speaker: str, names: dict) -> bool:
    return speaker in names or speaker.startswith("unnamed")


def check_date_semantics(key: str, d: dict, ref: str) -> None:
    t, v, k = d["text"], d["value"], d["kind"]
    low = t.lower()
    day = re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)
    if k == "weekday":
        if not day:
            problem(key, f"weekday {t!r} needs a YYYY-MM-DD value")
            return
        wd = WEEKDAYS[dt.date.fromisoformat(v).weekday()]
        if wd not in low:
            problem(key, f"{t!r} resolved to {v}, a {wd}")
        if d.get("tense") not in TENSES:
            problem(key, f"weekday {t!r} needs a tense")
        elif ref:
            rel = (dt.date.fromisoformat(v) - dt.date.fromisoformat(ref)).days
            want = "past" if rel < 0 else "future" if rel > 0 else "present"
            if d["tense"] != want:
                problem(key, f"{t!r} = {v} is {want} relative to {ref}, gold says {d['tense']}")
    if k == "absolute" and day:
        m = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})", low) \
            or re.search(r"\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", low)
        if m:
            g1, g2 = m.groups()
            mon, dd = (MONTHS[g1], int(g2)) if g1.isalpha() else (MONTHS[g2], int(g1))
            y, mm, dday = map(int, v.split("-"))
            if (mm, dday) != (mon, dd):
                problem(key, f"{t!r} does not name {v}")
        yr = re.search(r"\b(19|20)\d{2}\b", t)
        if yr and not v.startswith(yr.group(0)):
            problem(key, f"{t!r} names another year than {v}")
    if k == "month" and re.fullmatch(r"\d{4}-\d{2}", v):
        m = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", low)
        if m and MONTHS[m.group(1)] != int(v[5:]):
            problem(key, f"{t!r} does not name month {v}")
    if k == "weekend" and not v.endswith("-WE"):
        problem(key, f"weekend {t!r} needs a YYYY-Www-WE value")
    if k == "duration" and not v.startswith("P"):
        problem(key, f"duration {t!r} needs a PnX value")


# --------------------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--counts", action="store_true", help="print corpus counts after checking")
    ap.add_argument("--show", metavar="KEY", help="print the body text of one article and exit")
    ap.add_argument("--corpus", metavar="DIR", help="check another corpus of the same layout")
    args = ap.parse_args()
    global HERE
    if args.corpus:
        HERE = pathlib.Path(args.corpus).resolve()

    with (HERE / "manifest.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != MANIFEST_COLUMNS:
            problem("manifest.csv", f"columns {reader.fieldnames} != {MANIFEST_COLUMNS}")
        rows = list(reader)

    keys = [r["key"] for r in rows]
    for k, n in collections.Counter(keys).items():
        if n > 1:
            problem("manifest.csv", f"key {k!r} appears {n} times")
    gold_files = {p.stem for p in (HERE / "gold").glob("*.json")}
    for k in set(keys) - gold_files:
        problem(k, "no gold file")
    for k in gold_files - set(keys):
        problem(f"gold/{k}.json", "no manifest row")
    slots = collections.Counter((r["input"], r["row"]) for r in rows)
    for s, n in slots.items():
        if n > 1:
            problem("manifest.csv", f"input {s} is used by {n} rows")

    articles: list[Article] = []
    golds: dict[str, dict] = {}
    for r in rows:
        a = Article(r)
        if not a.load():
            continue
        if args.show == a.key:
            print(a.body)
            return 0
        a.check_manifest()
        gp = HERE / "gold" / f"{a.key}.json"
        if gp.is_file():
            try:
                g = json.loads(gp.read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                problem(a.key, f"gold is not JSON: {e}")
                continue
            a.check_gold(g)
            golds[a.key] = g
        articles.append(a)

    by_key = {r["key"]: r for r in rows}
    dups = [r for r in rows if r["near_duplicate_of"]]
    for r in dups:
        other = by_key.get(r["near_duplicate_of"])
        if not other:
            problem(r["key"], f"near_duplicate_of {r['near_duplicate_of']!r} is not a key")
        elif other["input"] == r["input"]:
            problem(r["key"], "near-duplicate pair is in one input")
        elif keys.index(other["key"]) > keys.index(r["key"]):
            problem(r["key"], "near_duplicate_of must be on the later row of the pair")

    # ids: one type per id across the corpus
    id_types: dict[str, set] = collections.defaultdict(set)
    for g in golds.values():
        for p in g.get("parties", []):
            id_types[p.get("id", "")].add(p.get("type"))
    for i, ts in id_types.items():
        if len(ts) > 1:
            problem("corpus", f"party id {i!r} has types {sorted(ts)}")

    # corpus-level requirements
    kinds = collections.Counter()
    for r in rows:
        p = pathlib.Path(r["input"])
        kinds[p.suffix if p.suffix in (".csv", ".jsonl", ".txt") else ".html"] += 1
    low = MINIMUMS | (json.loads((HERE / "minimums.json").read_text(encoding="utf-8"))
                      if (HERE / "minimums.json").is_file() else {})
    for k in (".txt", ".html", ".csv", ".jsonl"):
        if kinds[k] < low[k]:
            problem("corpus", f"{kinds[k]} articles from {k} inputs (want >= {low[k]})")
    if kinds[".csv"] + kinds[".jsonl"] < low["exports"]:
        problem("corpus", f"{kinds['.csv'] + kinds['.jsonl']} articles from exports (want >= {low['exports']})")
    if len(rows) < low["articles"]:
        problem("corpus", f"{len(rows)} articles (want >= {low['articles']})")
    outlets = {golds[k].get("true_outlet") or by_key[k]["outlet"] for k in golds}
    outlets.discard("")
    if len(outlets) < low["outlets"]:
        problem("corpus", f"{len(outlets)} outlets (want >= {low['outlets']})")
    exports = (".csv",) if low["empty date in"] == ".csv" else (".csv", ".jsonl")
    if not any(r["input"].endswith(exports) and r["date_basis"] == "not stated" for r in rows):
        problem("corpus", f"no {' or '.join(exports)} export row with an empty date")
    if len(dups) < low["near-duplicate pairs"]:
        problem("corpus", "no near-duplicate pair")

    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print(f"gold OK: {len(rows)} articles, {len(golds)} gold files checked")
    if args.counts:
        print_counts(rows, golds, articles, outlets)
    return 0


def print_counts(rows, golds, articles, outlets) -> None:
    qk = collections.Counter(q["kind"] for g in golds.values() for q in g.get("quotes", []))
    dk = collections.Counter(d["kind"] for g in golds.values() for d in g.get("dates", []))
    pt = collections.Counter(p["type"] for g in golds.values() for p in g.get("parties", []))
    ids = {p["id"] for g in golds.values() for p in g.get("parties", [])}
    basis = collections.Counter(r["date_basis"] for r in rows)
    words = sum(getattr(a, "words", 0) for a in articles)
    print(f"articles: {len(rows)} ({len(rows) - sum(1 for r in rows if r['near_duplicate_of'])} "
          f"distinct stories), body words: {words}")
    print(f"outlets: {len(outlets)} ({', '.join(sorted(outlets))})")
    print("inputs: " + ", ".join(f"{k}: {v}" for k, v in sorted(collections.Counter(
        pathlib.Path(r['input']).parent.name if r['input'].count('/') > 1 else r['input']
        for r in rows).items())))
    print("date basis: " + ", ".join(f"{k}: {v}" for k, v in sorted(basis.items())))
    print(f"quotes: {sum(qk.values())} (" + ", ".join(f"{k} {v}" for k, v in sorted(qk.items())) + ")")
    print(f"scare quotes: {sum(len(g.get('scare_quotes', [])) for g in golds.values())}")
    print(f"reported speech: {sum(len(g.get('reported_speech', [])) for g in golds.values())}")
    print(f"party entries: {sum(pt.values())} (" + ", ".join(f"{k} {v}" for k, v in sorted(pt.items()))
          + f"), distinct parties: {len(ids)}")
    print(f"not-parties: {sum(len(g.get('not_parties', [])) for g in golds.values())}")
    print(f"dates: {sum(dk.values())} (" + ", ".join(f"{k} {v}" for k, v in sorted(dk.items())) + ")")
    print()
    print(f"{'key':32} {'words':>5} {'quotes':>6} {'scare':>5} {'reported':>8} {'parties':>7} {'dates':>5}")
    for a in articles:
        g = golds.get(a.key, {})
        print(f"{a.key:32} {getattr(a, 'words', 0):>5} {len(g.get('quotes', [])):>6} "
              f"{len(g.get('scare_quotes', [])):>5} {len(g.get('reported_speech', [])):>8} "
              f"{len(g.get('parties', [])):>7} {len(g.get('dates', [])):>5}")


if __name__ == "__main__":
    sys.exit(main())
