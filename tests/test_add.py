"""``python -m helpers add``: pages, text files and exports become articles, all or nothing.

Expected values are read off the fixtures in tests/fixtures/add/ (their markup and text), not
taken from what the code printed."""
from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_000, SEED_003, run_command, tree_digest, write_data_folder

from helpers import ingest, outputs, paths
from helpers.corpus import load_corpus, read_metadata
from helpers.validate import validate

FIX = Path(__file__).parent / "fixtures" / "add"
PAGES = FIX / "pages"
AXIOS, REUTERS, VERGE = (PAGES / f"{n}.html" for n in ("axios-oracle-confirms", "reuters-microsoft-rejected",
                                                       "verge-export-rules"))
WIRE, ANALYSIS = FIX / "txt" / "daily-post-wire-copy.txt", FIX / "txt" / "analysis-licence-question.txt"
# the article paragraphs of two pages, as written in their markup
REUTERS_BODY = " ".join(re.findall(r"<p>(.*?)</p>", REUTERS.read_text(encoding="utf-8"), re.S)[1:7])
VERGE_BODY = " ".join(re.findall(r"<p>(.*?)</p>", VERGE.read_text(encoding="utf-8"), re.S)[1:6])
JSONL_COLUMNS = "text=body,title=headline,date=pubdate,outlet=source,url=link"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-(?:\d{4}-\d{2}-\d{2}|undated)-[0-9a-f]{6}$")

# every line of navigation, banner, byline, related links and footer in the three pages
BOILERPLATE = [
    "We use cookies", "Accept all cookies", "Manage cookie settings", "Politics & Policy", "Subscribe to our newsletters",
    "By Sara Fischer", "Share on Twitter", "Related stories", "Microsoft says ByteDance rejected its bid",
    "Get smarter, faster", "About Axios", "Privacy policy", "Copyright 2020 Axios Media",
    "This site uses cookies", "I accept", "Markets", "Sign in", "By Echo Wang", "Related Coverage",
    "Oracle wins bid for TikTok in U.S., beating Microsoft: sources", "Our Standards", "All quotes delayed",
    "2020 Reuters. All Rights Reserved", "Disclaimer",
    "tracking technologies", "Cookie policy", "Reviews", "Entertainment", "Newsletters", "By Russell Brandom",
    "10:30am EDT", "Microsoft's bid for TikTok has been rejected", "Vox Media", "Terms of Use", "Privacy Notice",
]


def rows(data: Path) -> dict[str, dict[str, str]]:
    meta, problems = read_metadata(data)
    assert problems == []
    return {r["article_id"]: r for r in meta.to_dict("records")}


def text_of(data: Path, article_id: str) -> str:
    return (data / "raw" / "articles" / f"{article_id}.txt").read_text(encoding="utf-8")


def add(capsys, data: Path, *args: str | Path) -> tuple[int, str, str]:
    return run_command(capsys, "add", *args, "--data-dir", data)


@pytest.fixture
def empty(make_data):
    """A fresh data folder with no article yet (assumptions and reference tables in place)."""
    return make_data({})


def by_source(data: Path) -> dict[str, dict[str, str]]:
    """Added rows keyed by the first word of their id (the outlet or file-name slug)."""
    return {aid.rsplit("-", 4 if "-undated-" not in aid else 2)[0]: r for aid, r in rows(data).items()}


# --------------------------------------------------------------------------------------------
# What is read


def test_pages_fields_and_clean_bodies(capsys, empty):
    code, out, _ = add(capsys, empty, PAGES)
    assert code == 0, out
    got = by_source(empty)
    assert set(got) == {"axios", "reuters", "the-verge"}
    expect = {  # (title, outlet, published, field the date is in, canonical URL)
        "axios": ("Oracle confirms it is TikTok's proposed technology partner", "Axios", "2020-09-14",
                  '<meta property="article:published_time">', "https://www.axios.com/oracle-tiktok-technology-partner-8c4e21f0"),
        "reuters": ("ByteDance rejects Microsoft offer for TikTok's U.S. operations", "Reuters", "2020-09-13",
                    "JSON-LD datePublished", "https://www.reuters.com/article/us-usa-tiktok-microsoft-idUSKBN2640Z1"),
        "the-verge": ("China's export rules shape the TikTok talks", "The Verge", "2020-09-15", "<time datetime>",
                      "https://www.theverge.com/21437092/tiktok-china-export-rules-algorithm"),
    }
    first_last = {
        "axios": ("Oracle confirmed on Monday that it is part of a proposal",
                  "after which the ban on TikTok's operations in the U.S. would start to take effect."),
        "reuters": ("(Reuters) - Microsoft Corp said on Sunday", "or TikTok would be shut down in the United States."),
        "the-verge": ("When Beijing revised its catalogue of technologies",
                      "which is exactly the concern that prompted the executive order."),
    }
    for key, (title, outlet, published, where, url) in expect.items():
        row = got[key]
        assert (row["title"], row["outlet"], row["published"], row["url"]) == (title, outlet, published, url)
        assert row["published_basis"].startswith("page metadata of ") and row["published_basis"].endswith(where)
        assert row["near_duplicate_of"] == ""
        lines = text_of(empty, row["article_id"]).split("\n")
        assert lines[0] == title  # the headline once, as first line
        assert lines[1].startswith(first_last[key][0]) and lines[-2].endswith(first_last[key][1]) and lines[-1] == ""
        assert len([line for line in lines if line]) == {"axios": 7, "reuters": 7, "the-verge": 6}[key]
        body = "\n".join(lines)
        assert [b for b in BOILERPLATE if b in body] == []
    assert "Oracle confirms TikTok deal bid | Axios" not in text_of(empty, got["axios"]["article_id"])


def test_added_pages_segment_as_the_suite_expects(capsys, empty):
    assert add(capsys, empty, PAGES)[0] == 0
    corpus = load_corpus(empty, use_cache=False)
    firsts = corpus.paragraphs[corpus.paragraphs["paragraph_no"] == 1]
    assert set(firsts["kind"]) == {"headline"}
    assert (corpus.articles["outlet"] != "unknown").all()


FURNISHED = """<html><head><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2020-09-24T10:00:00+05:30"><title>Licence sought</title></head>
<body><article><h1>ByteDance seeks an export licence</h1>
<div class="highlights"><h3>Highlights</h3><ul><li>ByteDance filed with the Beijing bureau</li></ul></div>
<figure><img src="x.jpg"><figcaption>The TikTok logo on a phone. Photo: Agency</figcaption></figure>
{body}
<p class="read-more"><strong>Read more:</strong> <a href="/x">Oracle and Walmart talk stakes</a></p>
<p class="agency_credit">© Wire Agency 2020</p></article></body></html>"""
PARAGRAPHS = "".join(f"<p>ByteDance said on Thursday ({n}) it had applied to the Beijing commerce bureau for a licence to "
                     "export technology covered by the revised catalogue, a step any sale of its recommendation engine "
                     "needs.</p>" for n in ("first", "second", "third"))


def test_furniture_inside_the_article_is_pruned(capsys, empty, tmp_path):
    page = tmp_path / "furnished.html"
    page.write_text(FURNISHED.format(body=PARAGRAPHS), encoding="utf-8")
    assert add(capsys, empty, page)[0] == 0
    (row,) = rows(empty).values()
    text = text_of(empty, row["article_id"])
    assert text.split("\n")[0] == "ByteDance seeks an export licence" and text.count("ByteDance said on Thursday") == 3
    assert [b for b in ("Highlights", "filed with the Beijing bureau", "Photo: Agency", "Read more", "Oracle and Walmart",
                        "Wire Agency") if b in text] == []
    assert row["published"] == "2020-09-24"  # as written, +05:30


def test_furniture_selectors_that_would_take_the_article_are_not_used(capsys, empty, tmp_path):
    # the whole story sits in a wrapper whose class names a picture: pruning it would leave nothing
    page = tmp_path / "wrapped.html"
    page.write_text(FURNISHED.format(body=f'<div class="picture-story">{PARAGRAPHS}</div>'), encoding="utf-8")
    assert add(capsys, empty, page)[0] == 0
    (row,) = rows(empty).values()
    assert text_of(empty, row["article_id"]).count("ByteDance said on Thursday") == 3


def test_text_files_and_exports(capsys, empty):
    assert add(capsys, empty, FIX / "txt", FIX / "export.csv")[0] == 0
    code, out, _ = add(capsys, empty, FIX / "export_other.jsonl", "--columns", JSONL_COLUMNS)
    assert code == 0, out
    got = by_source(empty)
    analysis = got["analysis-licence-question"]
    assert analysis["title"] == "Who needs a licence when nothing is sold" and analysis["outlet"] == "unknown"
    assert analysis["published"] == "2020-09-13"  # "on September 13, 2020" in its first paragraph
    assert analysis["published_basis"] == ("not stated: inferred by htmldate from the dates the text names (2020-09-13); "
                                           "check and correct")
    assert analysis["url"] == "unknown"
    # hard-wrapped at 75 characters: each paragraph becomes one line, blank lines between them kept
    paragraphs = [line for line in text_of(empty, analysis["article_id"]).split("\n") if line]
    assert len(paragraphs) == 5 and paragraphs[1].startswith("The proposal that ByteDance sent to Washington")
    assert paragraphs[1].endswith("without buying the software that makes it work?")
    bloomberg = got["bloomberg"]  # header "Text,TITLE,Date,Outlet,Url": names in any case
    assert (bloomberg["title"], bloomberg["published"], bloomberg["url"]) == (
        "Walmart in talks for a stake in TikTok Global", "2020-09-19",
        "https://www.bloomberg.com/news/articles/2020-09-19/walmart-tiktok-global-stake")
    assert bloomberg["published_basis"] == "export column 'date' of export.csv, line 2"
    text = text_of(empty, bloomberg["article_id"])  # the multi-line field keeps its three paragraphs, title first
    assert [line for line in text.split("\n") if line][0] == "Walmart in talks for a stake in TikTok Global"
    assert len([line for line in text.split("\n") if line]) == 4
    guardian = got["the-guardian"]  # empty date: inferred from "on September 18, 2020"
    assert guardian["published"] == "2020-09-18" and guardian["published_basis"].startswith("not stated: inferred by htmldate")
    assert guardian["article_id"].startswith("the-guardian-undated-")
    cnbc, scmp = got["cnbc"], got["south-china-morning-post"]
    assert (cnbc["published"], scmp["published"]) == ("2020-09-19", "2020-09-21")  # ISO with a time; "21 September 2020"
    assert scmp["published_basis"] == "export column 'pubdate' of export_other.jsonl, line 2"
    assert (cnbc["title"], cnbc["outlet"]) == ("Trump says he approves TikTok deal in concept", "CNBC")
    assert scmp["url"] == "https://www.scmp.com/tech/policy/article/3102370/tiktok-deal-beijing-approval"


def test_flags_override_what_the_page_says(capsys, empty):
    code, out, _ = add(capsys, empty, AXIOS, "--outlet", "Axios Media", "--published", "2020-09-15",
                       "--title", "A title of my own", "--url", "https://example.org/a")
    assert code == 0, out
    (row,) = rows(empty).values()
    assert (row["outlet"], row["published"], row["title"], row["url"]) == (
        "Axios Media", "2020-09-15", "A title of my own", "https://example.org/a")
    assert row["published_basis"] == "given by the user (--published)"
    assert row["article_id"].startswith("axios-media-2020-09-15-")


def test_published_flag_dates_a_text_that_names_no_date(capsys, empty, tmp_path):
    plain = tmp_path / "undated.txt"
    plain.write_text("Oracle and TikTok\n\nThe talks went on through the weekend, people said.\n", encoding="utf-8")
    assert add(capsys, empty, plain)[0] == 2  # no date anywhere: refused
    code, out, _ = add(capsys, empty, plain, "--published", "2020-09-20")
    assert code == 0, out
    (row,) = rows(empty).values()
    assert row["article_id"].startswith("undated-2020-09-20-")  # slug from the file name; the date is stated


# --------------------------------------------------------------------------------------------
# Ids, duplicates


def test_ids_are_readable_and_stable(capsys, tmp_path):
    batch = [PAGES, FIX / "txt", FIX / "export.csv"]
    ids = []
    for name in ("one", "two"):
        data = write_data_folder(tmp_path / name, articles={})
        assert add(capsys, data, *batch)[0] == 0
        ids.append(sorted(rows(data)))
    assert ids[0] == ids[1] and len(ids[0]) == 7
    assert all(ID.match(i) for i in ids[0]), ids[0]
    prefixes = sorted(i[:-7] for i in ids[0])
    assert prefixes == ["analysis-licence-question-undated", "axios-2020-09-14", "bloomberg-2020-09-19",
                        "daily-post-wire-copy-undated", "reuters-2020-09-13", "the-guardian-undated", "the-verge-2020-09-15"]
    # the hash is of the normalised text stored
    for aid in ids[0]:
        text = text_of(tmp_path / "one", aid)
        assert aid.endswith(hashlib.sha256(ingest.fingerprint(text).encode()).hexdigest()[:6])


def test_existing_articles_keep_their_ids_rows_and_bytes(capsys, make_data):
    data = make_data()  # the two seeds
    before_rows, before_raw = rows(data), tree_digest(data / "raw")
    assert add(capsys, data, PAGES)[0] == 0
    after = rows(data)
    for aid in (SEED_000, SEED_003):
        assert after[aid] == before_rows[aid]
    assert {k: v for k, v in tree_digest(data / "raw").items() if k in before_raw} == before_raw
    assert len(after) == 5 and validate(data) == []


def test_exact_duplicate_in_the_batch_is_refused(capsys, empty, tmp_path):
    copy = tmp_path / "same-again.txt"
    copy.write_text(ANALYSIS.read_text(encoding="utf-8").replace("\n", "\r\n") + "\n\n", encoding="utf-8")
    before = tree_digest(empty)
    code, _, err = add(capsys, empty, ANALYSIS, copy)
    assert code == 2
    assert f"{copy}: text: exact duplicate of {ANALYSIS}, also in this batch" in err
    assert tree_digest(empty) == before


def test_exact_duplicate_of_an_existing_article_is_refused(capsys, empty, tmp_path):
    assert add(capsys, empty, REUTERS)[0] == 0
    (reuters_id,) = rows(empty)
    copy = tmp_path / "reuters-again.txt"  # the stored text, re-typed with other white space and quotes
    copy.write_text(text_of(empty, reuters_id).replace("\n", "\n\n").replace('"', "“", 1), encoding="utf-8")
    code, _, err = add(capsys, empty, copy)
    assert code == 2 and f"{copy}: text: exact duplicate of article {reuters_id}, already in the corpus" in err
    assert add(capsys, empty, REUTERS)[0] == 2  # the same page twice
    assert list(rows(empty)) == [reuters_id]


def test_near_duplicate_is_added_and_flagged(capsys, empty, tmp_path):
    code, out, _ = add(capsys, empty, REUTERS, WIRE)
    assert code == 0
    got = by_source(empty)
    reuters_id, wire = got["reuters"]["article_id"], got["daily-post-wire-copy"]
    # the same six paragraphs under another headline and with a credit line
    assert re.fullmatch(rf"{reuters_id} \(similarity 0\.9\d\)", wire["near_duplicate_of"]), wire["near_duplicate_of"]
    assert got["reuters"]["near_duplicate_of"] == ""
    assert f"near-duplicate: {wire['article_id']} is like {reuters_id}" in out
    # a copy cut to its first four paragraphs is still a near-duplicate; an unrelated article is not
    cut = tmp_path / "cut.txt"
    cut.write_text("\n\n".join(WIRE.read_text(encoding="utf-8").split("\n\n")[:5]) + "\n", encoding="utf-8")
    assert add(capsys, empty, cut, VERGE, "--published", "2020-09-14")[0] == 0  # the cut lost the credit line's date
    got = by_source(empty)
    assert got["cut"]["near_duplicate_of"].split(" ")[0] in (reuters_id, wire["article_id"])
    assert got["the-verge"]["near_duplicate_of"] == ""


def test_near_duplicates_found_past_the_prefilter():
    # every tenth word of the wire story changed: the pair shares few enough three-word sequences
    # to test the prefilter, and is still far above the threshold character by character
    words = ingest.fingerprint(REUTERS_BODY).split()
    edited = " ".join(w if i % 10 else "changed" for i, w in enumerate(words))
    arts = [ingest.Article("b.txt", "b", edited, article_id="b", fingerprint=edited)]
    ingest.find_near_duplicates(arts, {"a": " ".join(words), "z": ingest.fingerprint(VERGE_BODY)}, 0.8)
    assert re.fullmatch(r"a \(similarity 0\.\d\d\)", arts[0].near_duplicate_of)
    arts = [ingest.Article("c.txt", "c", VERGE_BODY, article_id="c", fingerprint=ingest.fingerprint(VERGE_BODY))]
    ingest.find_near_duplicates(arts, {"a": " ".join(words)}, 0.8)
    assert arts[0].near_duplicate_of == ""


# --------------------------------------------------------------------------------------------
# All or nothing, and errors that name file and field


def test_a_bad_file_stops_the_whole_batch(capsys, make_data, tmp_path):
    data = make_data()
    empty_page = tmp_path / "empty.html"
    empty_page.write_text("<html><body><nav><a href='/'>Home</a></nav><footer>All rights reserved.</footer></body></html>")
    before_csv, before = (data / "articles.csv").read_bytes(), tree_digest(data)
    code, out, err = add(capsys, data, PAGES, FIX / "txt", empty_page)
    assert code == 2 and out == ""
    assert f"{empty_page}: body: no article text found" in err and "nothing was added" in err
    assert (data / "articles.csv").read_bytes() == before_csv and tree_digest(data) == before


def test_a_failed_metadata_write_removes_the_texts(capsys, make_data, monkeypatch):
    data = make_data()
    before = tree_digest(data)

    def boom(path, text):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(ingest, "atomic_write", boom)
    with pytest.raises(OSError, match="simulated"):
        ingest.add([PAGES], data)
    assert tree_digest(data) == before


def test_a_failed_write_is_a_sentence_not_a_traceback(capsys, make_data, monkeypatch):
    data = make_data()
    before = tree_digest(data)

    def full(path, text):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(ingest, "atomic_write", full)
    code, out, err = add(capsys, data, PAGES)
    assert code == 1 and out == "" and "Traceback" not in err
    assert "articles.csv: (write): No space left on device" in err and "nothing was added" in err
    assert tree_digest(data) == before


def test_raw_files_are_never_overwritten(capsys, empty):
    articles, _ = ingest.plan_batch([REUTERS], empty)
    target = empty / "raw" / "articles" / f"{articles[0].article_id}.txt"
    target.write_text("someone else's file\n", encoding="utf-8")  # no metadata row: the folder is not valid
    code, _, err = add(capsys, empty, REUTERS)
    assert code == 2 and f"{target.name}: (file): has no row in articles.csv" in err
    with pytest.raises(ingest.DataError, match="exists already"):  # even when asked to write it directly
        ingest.write_batch(articles, [], empty)
    assert target.read_text(encoding="utf-8") == "someone else's file\n"
    with pytest.raises(FileExistsError):
        outputs.write_new_article(target, "new")


def bad_case(tmp_path: Path, name: str) -> tuple[list[str], str]:
    """Inputs for one bad case and the error expected (file and field named)."""
    p = tmp_path / name
    if name == "missing.html":
        return [str(p)], f"{p}: (file): not found"
    if name == "empty.html":
        p.write_text("<html><head><title>Nothing</title></head><body><nav>Home | World</nav></body></html>")
        return [str(p)], f"{p}: body: no article text found"
    if name == "latin1.txt":
        p.write_bytes("Caf\u00e9 talks on TikTok went on.\n".encode("latin-1"))
        return [str(p)], f"{p}: text: byte 3 is not UTF-8"
    if name == "notext.csv":
        p.write_text("title,date\nA title,2020-09-14\n", encoding="utf-8")
        return [str(p)], f"{p}: (header): no column 'text'"
    if name == "baddate.csv":
        p.write_text("text,date\nOracle won.,2020-09-14\nMicrosoft lost.,2020-02-30\n", encoding="utf-8")
        return [str(p)], f"{p}: line 3: date: '2020-02-30' is not a date"
    if name == "future.csv":
        p.write_text("text,date\nOracle won.,2999-01-02\n", encoding="utf-8")
        return [str(p)], f"{p}: line 2: date: 2999-01-02 is in the future"
    if name == "notext-row.csv":
        p.write_text('text,date\nOracle won.,2020-09-14\n"  ",2020-09-15\n', encoding="utf-8")
        return [str(p)], f"{p}: line 3: text: no text"
    if name == "list.jsonl":
        p.write_text('{"text": "Oracle won.", "date": "2020-09-14"}\n["Microsoft lost."]\n', encoding="utf-8")
        return [str(p)], f"{p}: line 2: a JSON list, not an object"
    if name == "broken.jsonl":
        p.write_text('{"text": "Oracle won.", "date": "2020-09-14"\n', encoding="utf-8")
        return [str(p)], f"{p}: line 1: not JSON"
    if name == "unknown-columns":
        return [str(FIX / "export_other.jsonl"), "--columns", "body=text"], "--columns: body: not a field"
    if name == "nodate.txt":
        p.write_text("TikTok and Oracle\n\nThe talks went on.\n", encoding="utf-8")
        return [str(p)], f"{p}: published: no date is stated and the text names none"
    if name == "bad-flag":
        return [str(AXIOS), "--published", "2020-13-01"], "--published: (flag): '2020-13-01' is not a date"
    if name == "two-titles":
        return [str(AXIOS), str(VERGE), "--title", "One"], "--title: (flag): names one article, but the batch holds 2"
    if name == "notes.pdf":
        p.write_bytes(b"%PDF-1.4")
        return [str(p)], f"{p}: (file): not a supported type"
    raise AssertionError(name)


BAD = ["missing.html", "empty.html", "latin1.txt", "notext.csv", "baddate.csv", "future.csv", "notext-row.csv",
       "list.jsonl", "broken.jsonl", "unknown-columns", "nodate.txt", "bad-flag", "two-titles", "notes.pdf"]


@pytest.mark.parametrize("case", BAD)
def test_bad_input_names_file_and_field(capsys, make_data, tmp_path, case):
    data = make_data()
    args, expected = bad_case(tmp_path, case)
    before = tree_digest(data)
    code, out, err = add(capsys, data, *args)
    assert code == 2 and out == ""
    assert expected in err, err
    assert "Traceback" not in err and tree_digest(data) == before


def test_command_line_in_a_process_of_its_own(tmp_path):
    data = write_data_folder(tmp_path / "data", articles={})
    bad = subprocess.run([sys.executable, "-m", "helpers", "add", str(tmp_path / "nowhere.txt"), "--data-dir", str(data)],
                         capture_output=True, text=True, cwd=paths.ROOT)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert f"{tmp_path / 'nowhere.txt'}: (file): not found" in bad.stderr
    good = subprocess.run([sys.executable, "-m", "helpers", "add", str(AXIOS), str(REUTERS), str(WIRE), "--data-dir", str(data)],
                          capture_output=True, text=True, cwd=paths.ROOT)
    assert good.returncode == 0, good.stderr
    lines = good.stdout.splitlines()
    assert re.match(r"added axios-2020-09-14-[0-9a-f]{6}  outlet: Axios  published: 2020-09-14  \(page metadata of "
                    r'axios-oracle-confirms.html: <meta property="article:published_time">\)$', lines[0])
    assert lines[1].startswith("added reuters-2020-09-13-") and lines[2].startswith("added daily-post-wire-copy-undated-")
    assert any(line.startswith("near-duplicate: daily-post-wire-copy-undated-") for line in lines)
    assert lines[-1] == "validate: ok"


# --------------------------------------------------------------------------------------------
# Units


def test_normalise_text():
    assert ingest.normalise_text("\ufeffTitle  \r\n\r\n\r\n\r\nBody line.\t\r\n\n") == "Title\n\nBody line.\n"
    wrapped = "Short headline\n\n" + "word " * 14 + "\nand the end.\n\nNext paragraph.\n"
    assert ingest.normalise_text(wrapped) == f"Short headline\n\n{'word ' * 13}word and the end.\n\nNext paragraph.\n"
    long_lines = "A" * 120 + "\nB line\n"  # a line over 100 characters: not hard-wrapped, lines kept
    assert ingest.normalise_text(long_lines) == long_lines
    assert ingest.normalise_text(" \n\t\n") == ""


@pytest.mark.parametrize("seed", [SEED_000, SEED_003])
def test_a_seed_would_be_stored_as_it_is(seed):
    text = (paths.raw_articles() / f"{seed}.txt").read_text(encoding="utf-8")
    assert ingest.normalise_text(text) == text.rstrip("\n") + "\n"  # only a trailing blank line goes


@pytest.mark.parametrize(("value", "day"), [("2020-09-14", "2020-09-14"), ("2020-09-14T22:41:00Z", "2020-09-14"),
                                            ("14 September 2020", "2020-09-14"), ("Sept. 14, 2020", "2020-09-14"),
                                            ("Sep 14, 2020", "2020-09-14"), ("2020/09/14", "2020-09-14"),
                                            ("Mon, 14 Sep 2020 03:12:00 GMT", "2020-09-14")])
def test_parse_date(value, day):
    assert ingest.parse_date(value).isoformat() == day


@pytest.mark.parametrize(("value", "says"), [("2020-02-30", "is not a date"), ("09/14/2020", "is not a date"),
                                             ("next Monday", "is not a date"), ("", "is not a date"),
                                             ("1999-12-31", "before 2000-01-01"), ("2999-01-02", "in the future")])
def test_parse_date_refuses(value, says):
    with pytest.raises(ValueError, match=says):
        ingest.parse_date(value)


def test_a_bare_year_is_no_inferred_date():
    assert ingest.infer_date("In 2020 the talks went on.") is None
    assert ingest.infer_date("Published on September 14, 2020.").isoformat() == "2020-09-14"


def test_slugs():
    assert ingest.slugify("The Verge") == "the-verge"
    assert ingest.slugify("Le Monde diplomatique — édition") == "le-monde-diplomatique-edition"
    assert ingest.slugify("trump_blessing (1)") == "trump-blessing-1"
    assert ingest.slugify("新华社") == "article"
    assert len(ingest.slugify("a-very-long-outlet-name " * 5)) <= ingest.SLUG_MAX_CHARS


def test_a_folder_is_read_for_its_articles_and_a_file_once(capsys, empty, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(REUTERS, folder)
    (folder / ".DS_Store").write_bytes(b"\0")
    (folder / "notes.md").write_text("not an article")
    code, out, _ = add(capsys, empty, folder, folder / REUTERS.name)
    assert code == 0 and [line[:14] for line in out.splitlines() if line.startswith("added ")] == ["added reuters-"]
