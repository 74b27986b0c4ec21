"""Coverage that grows: every finding reads right and every figure stays readable at 1, 2, 10,
50 and 200 articles of mixed metadata (tests/corpora.py), not only on the two seeds.

The analyses run as the notebooks run them (tests/pipeline.py); the figures are drawn and their
text checked on the canvas: no tick label over another, no text outside the figure."""
from __future__ import annotations

import itertools
import math
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from corpora import build  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from pipeline import analyse  # noqa: E402

from helpers import figures  # noqa: E402
from helpers.assumptions import load_assumptions  # noqa: E402

# 50 and 200 articles take most of this module's time: `make test-slow` runs them (so does CI).
LARGE = pytest.mark.slow


def sizes(*ns: int, slow: tuple[int, ...] = ()) -> list:
    return [pytest.param(n, marks=LARGE) if n >= 50 or n in slow else n for n in ns]


class _Runs(dict):
    """The analyses of a corpus of each size, computed the first time a test asks for that size."""

    def __init__(self, factory):
        super().__init__()
        self.factory = factory

    def __missing__(self, n: int) -> dict:
        self[n] = analyse(build(self.factory.mktemp(f"n{n}") / "data", n))
        return self[n]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    figures.use_house_style()
    return _Runs(tmp_path_factory)


# -- findings -----------------------------------------------------------------------------------

PLURAL_AFTER_ONE = re.compile(r"(?<![\d.,])\b1 (articles|sentences|days|expressions|events|mentions|names|parties|ties|"
                              r"outlets|words|posts|authors|quotes|dates)\b")


@pytest.mark.parametrize("n", sizes(1, 2, 10, 50))
def test_every_finding_reads_right_at_any_size(runs, n):
    run = runs[n]
    ids = list(run["corpus"].articles["article_id"])
    for notebook, lines in run["findings"].items():
        for line in lines:
            where = f"n={n}, notebook {notebook}: {line}"
            assert "(s)" not in line and not re.search(r"\bnan\b|\bNaN\b|(?<!^)\bNone\b|\bNaT\b", line), where
            assert not PLURAL_AFTER_ONE.search(line), where
            assert "  " not in line and not line.rstrip().endswith((",", ";", ":")), where
            for aid in ids:  # an article is named by its label, never by a piece of its id
                piece = aid[:3]
                if len(aid) > 6 and (not piece.isalpha() or aid.startswith("heldout")):
                    assert not re.search(rf"(?<![\w.,-]){re.escape(piece)}(?![\w-])", line), where
            assert len(line) < 900, f"n={n}, notebook {notebook}: a finding of {len(line)} characters"
    first = run["findings"]["00"][0]
    assert f"**{n} article" in first, first


@pytest.mark.parametrize("n", sizes(1, 2, 10, 50))
def test_deadline_findings_list_few_articles_and_summarise_many(runs, n):
    run = runs[n]
    lines = [line for line in run["findings"]["01"] if "deadline" in line and "appeared" in line]
    labels = list(run["corpus"].articles["label"])
    if n <= 3:
        assert len(lines) == n and all(any(label.replace("-", "\\-") in line for label in labels) for line in lines)
    else:
        assert len(lines) == 1 and f"Of the {n} articles" in lines[0]
    inferred = (run["corpus"].articles["date_basis"] != "stated").sum()
    assert inferred == 0 or any("inferred" in line for line in lines)


def test_dates_finding_counts_stated_and_inferred(runs):
    arts = runs[10]["corpus"].articles
    stated = int((arts["date_basis"] == "stated").sum())
    line = runs[10]["findings"]["00"][1]
    assert line.startswith(f"{stated} of 10 articles state their date; {10 - stated} are inferred ("), line


# -- figures ------------------------------------------------------------------------------------


def drawn_texts(fig) -> list[Text]:
    """The text artists a draw of ``fig`` actually renders (tick labels outside the view are not)."""
    renderer = fig.canvas.get_renderer()
    drawn: list[Text] = []
    real = renderer.draw_text

    def spy(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if mtext is not None and s.strip():
            drawn.append(mtext)
        return real(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    renderer.draw_text = spy
    try:
        fig.draw(renderer)
    finally:
        renderer.draw_text = real
    return drawn


def text_problems(fig) -> list[str]:
    """Text outside the canvas, and tick labels that print over each other (rotated ones: when
    the ticks are closer than the labels are thick)."""
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    found = []
    drawn = drawn_texts(fig)
    for t in drawn:
        box = t.get_window_extent(renderer)
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1:
            found.append(f"outside the canvas: {t.get_text()[:50]!r}")
    shown_ids = {id(t) for t in drawn}
    for ax in fig.axes:
        for axis, ticks in (("x", ax.get_xticklabels()), ("y", ax.get_yticklabels())):
            shown = [t for t in ticks if id(t) in shown_ids]
            for a, b in itertools.combinations(shown, 2):
                angle = math.radians(a.get_rotation() % 180)
                if angle:  # rotated: the ticks must be further apart than a label is thick
                    pa, pb = a.get_window_extent(renderer), b.get_window_extent(renderer)
                    gap = abs((pa.x1 - pb.x1) if axis == "x" else (pa.y1 - pb.y1))
                    thick = a.get_fontsize() * fig.dpi / 72
                    if gap * math.sin(angle) < 0.9 * thick:
                        found.append(f"{axis} tick labels over each other: {a.get_text()[:30]!r}, {b.get_text()[:30]!r}")
                elif a.get_window_extent(renderer).shrunk(0.98, 0.9).overlaps(b.get_window_extent(renderer).shrunk(0.98, 0.9)):
                    found.append(f"{axis} tick labels over each other: {a.get_text()[:30]!r}, {b.get_text()[:30]!r}")
    return found


@pytest.mark.parametrize("n", sizes(1, 2, 10, 50, 200, slow=(1, 10)))  # make test draws 2; CI all
def test_every_figure_stays_readable_at_any_size(runs, n):
    problems = {}
    for name, (draw, frame) in runs[n]["figures"].items():
        fig = draw(frame, "A title of a typical length for this figure")
        found = text_problems(fig)
        plt.close(fig)
        if found:
            problems[name] = found[:4]
    assert not problems, f"n={n}: {problems}"


@pytest.mark.parametrize("n", sizes(50, 200))
def test_per_article_figures_switch_to_outlet_rows_when_articles_are_many(runs, n):
    figs = runs[n]["figures"]
    assert figs["00-sentence-voices"][1].attrs["form"] == "shares"
    assert figs["04-tone-strip"][1].attrs["form"] == "shares"
    assert figs["02-role-by-article"][1].attrs["columns"] in ("week", "month")
    a = load_assumptions()
    role = figs["02-role-by-article"][1]
    assert role["row_id"].nunique() <= a["stakeholders.figure_max_parties"] + 1  # and one row of all the others
    assert role["column_key"].nunique() <= a["stakeholders.figure_max_columns"]
    timeline = figs["01-deal-timeline"][1]
    assert timeline.loc[timeline["lane"] == "corpus", "labelled"].sum() <= a["timeline.figure_max_labels"]


def test_ids_sharing_their_first_ten_characters_stay_apart(runs):
    """Two articles whose ids share their first ten characters keep their own labels, events,
    ties and mentions: every id is unique by construction."""
    run = runs[10]
    ids = list(run["corpus"].articles["article_id"])
    assert any(a[:10] == b[:10] for a, b in itertools.combinations(ids, 2))
    assert run["corpus"].articles["label"].is_unique
    timeline = run["figures"]["01-deal-timeline"][1]
    assert timeline["item_id"].is_unique
