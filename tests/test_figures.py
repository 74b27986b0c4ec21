"""save_figure writes every format, reproducibly, with a sidecar that tells where the figure came from."""
from __future__ import annotations

import json
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import pytest  # noqa: E402
from conftest import ink_at_edges  # noqa: E402

from helpers import figures, overview, paths  # noqa: E402
from helpers.plots import corpus as plot_corpus  # noqa: E402

DATA = pd.DataFrame({"x": [1, 2, 3], "y": [0.5, 0.25, 0.125]})


def draw():
    figures.use_house_style()
    fig, ax = plt.subplots()
    ax.plot(DATA["x"], DATA["y"], label="y")
    ax.set_title("A test figure")
    return fig


def test_matplotlib_writes_png_svg_csv_json(tmp_path):
    fig = draw()
    sidecar = figures.save_figure(fig, "test-line", DATA, "A caption.", notebook="03-export-control-impact",
                                  assumptions={"a.b": 1}, corpus_checksum="abc", out_dir=tmp_path)
    plt.close(fig)
    names = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert names == ["03-test-line.csv", "03-test-line.json", "03-test-line.png", "03-test-line.svg"]
    assert (tmp_path / "03-test-line.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pd.read_csv(tmp_path / "03-test-line.csv").equals(DATA)
    meta = json.loads((tmp_path / "03-test-line.json").read_text(encoding="utf-8"))
    assert meta["notebook"] == "03-export-control-impact" and meta["caption"] == "A caption."
    assert meta["assumptions"] == {"a.b": 1} and meta["corpus_checksum"] == "abc"
    assert sidecar == meta


def test_matplotlib_output_is_byte_for_byte_reproducible(tmp_path):
    first, second = tmp_path / "1", tmp_path / "2"
    for out in (first, second):
        fig = draw()
        figures.save_figure(fig, "same", DATA, "Caption.", notebook="00-x", out_dir=out)
        plt.close(fig)
    for ext in ("png", "svg", "csv", "json"):
        assert (first / f"00-same.{ext}").read_bytes() == (second / f"00-same.{ext}").read_bytes(), ext
    svg = (first / "00-same.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def _spy_renders(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = figures._render

    def spy(fig, ext):
        calls.append(ext)
        return real(fig, ext)

    monkeypatch.setattr(figures, "_render", spy)
    return calls


def test_an_unchanged_figure_keeps_its_png_and_a_changed_one_is_drawn_again(tmp_path, monkeypatch):
    fresh = tmp_path / "fresh"
    fig = draw()
    figures.save_figure(fig, "line", DATA, "Caption.", notebook="00-x", out_dir=fresh)
    plt.close(fig)
    calls = _spy_renders(monkeypatch)
    out = tmp_path / "out"
    for _ in range(2):  # the second save of the same figure draws only the SVG
        fig = draw()
        figures.save_figure(fig, "line", DATA, "Caption.", notebook="00-x", out_dir=out)
        plt.close(fig)
    assert calls == ["svg", "png", "svg"]
    assert (out / "00-line.png").read_bytes() == (fresh / "00-line.png").read_bytes()
    fig = draw()
    fig.axes[0].set_title("Another title")
    figures.save_figure(fig, "line", DATA, "Caption.", notebook="00-x", out_dir=out)
    plt.close(fig)
    assert calls[-2:] == ["svg", "png"]
    assert (out / "00-line.png").read_bytes() != (fresh / "00-line.png").read_bytes()


def test_a_png_edited_on_disk_or_a_changed_style_is_drawn_again(tmp_path, monkeypatch):
    fig = draw()
    figures.save_figure(fig, "line", DATA, "Caption.", notebook="00-x", out_dir=tmp_path)
    plt.close(fig)
    original = (tmp_path / "00-line.png").read_bytes()
    (tmp_path / "00-line.png").write_bytes(original[:-10])  # truncated by hand or by a crash
    calls = _spy_renders(monkeypatch)
    fig = draw()
    figures.save_figure(fig, "line", DATA, "Caption.", notebook="00-x", out_dir=tmp_path)
    assert calls == ["svg", "png"] and (tmp_path / "00-line.png").read_bytes() == original
    with matplotlib.rc_context({"agg.path.chunksize": 20000}):  # a raster-only setting: the SVG stays the same
        figures.save_figure(fig, "line", DATA, "Caption.", notebook="00-x", out_dir=tmp_path)
    plt.close(fig)
    assert calls[-2:] == ["svg", "png"]


def test_a_laid_out_figure_is_drawn_three_times_and_keeps_its_layout_engine(tmp_path, monkeypatch):
    """Constrained layout needs one layout pass, then the SVG and the PNG are each drawn once: the
    PNG keeps the SVG's positions without a layout pass of its own (matplotlib's "none" engine is a
    placeholder for which savefig still runs one)."""
    from matplotlib.figure import Figure

    draws = []
    real_draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, renderer: (draws.append(type(renderer).__name__),
                                                                real_draw(self, renderer))[1])
    fig = draw()
    fig.set_layout_engine("constrained")
    engine = fig.get_layout_engine()
    figures.save_figure(fig, "laid-out", DATA, "Caption.", notebook="00-x", out_dir=tmp_path)
    assert draws == ["MixedModeRenderer", "MixedModeRenderer", "RendererAgg"]  # SVG: layout, then drawn; PNG
    assert fig.get_layout_engine() is engine  # the caller's figure is left as it was
    plt.close(fig)


def test_png_is_200_dpi(tmp_path):
    fig = draw()
    figures.save_figure(fig, "dpi", DATA, "Caption.", notebook="00-x", out_dir=tmp_path)
    plt.close(fig)
    from PIL import Image

    with Image.open(tmp_path / "00-dpi.png") as im:
        assert round(im.info["dpi"][0]) == figures.DPI


def test_plotly_writes_offline_html_with_local_plotlyjs(tmp_path):
    fig = go.Figure(go.Scatter(x=DATA["x"], y=DATA["y"], hovertext=["<b>bold</b>", "b", "c"]))
    figures.save_figure(fig, "interactive", DATA, "Caption.", notebook="02-stakeholder-map", out_dir=tmp_path)
    html = (tmp_path / "02-interactive.html").read_text(encoding="utf-8")
    assert re.search(r'<script[^>]* src="plotly.min.js"', html)
    assert "cdn.plot.ly" not in html and "https://cdn" not in html
    assert (tmp_path / "plotly.min.js").stat().st_size > 1_000_000
    assert 'id="02-interactive"' in html  # a fixed div id: reruns write the same bytes


def test_interactive_figures_use_the_house_palette_and_font():
    """The committed HTML figures carry the suite's template: the static figures' palette (in the
    same order) and font, not plotly's defaults."""
    cycle = [c.upper() for c in figures.HOUSE_STYLE["axes.prop_cycle"].by_key()["color"]]
    assert cycle[:3] == [figures.PALETTE["blue"], figures.PALETTE["orange"], figures.PALETTE["green"]]
    for page in sorted(paths.FIGURES.glob("*-interactive.html")):
        spec = json.loads(re.search(r'Plotly\.newPlot\(\s*"[^"]+",\s*(\[.*?\]),\s*(\{.*?\}),\s*\{"displaylogo"',
                                    page.read_text(encoding="utf-8"), re.S).group(2))
        template = spec["template"]["layout"]
        assert [c.upper() for c in template["colorway"]] == cycle, page.name
        assert template["font"]["family"].startswith("DejaVu Sans"), page.name
        assert "data" not in spec["template"], page.name  # no defaults for trace types the figure lacks


@pytest.mark.parametrize(("kwargs", "says"), [
    ({"data": pd.DataFrame()}, "plotted data"),
    ({"caption": "  "}, "needs a caption"),
    ({"notebook": "overview"}, "two-digit number"),
])
def test_bad_calls_are_refused(tmp_path, kwargs, says):
    args = {"data": DATA, "caption": "C.", "notebook": "00-x"} | kwargs
    fig = draw()
    with pytest.raises(ValueError, match=says):
        figures.save_figure(fig, "bad", args["data"], args["caption"], notebook=args["notebook"], out_dir=tmp_path)
    plt.close(fig)
    assert not list(tmp_path.iterdir())


def test_sentence_strip_draws_one_bar_per_sentence_and_names_articles_by_label(corpus):
    plotted = overview.voice_plot_data(corpus, 20)
    fig = plot_corpus.draw_voice_strip(plotted, "T")
    bars = fig.axes[0].collections
    assert sum(len(b.get_paths()) for b in bars) == len(corpus.sentences)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(ticks) == len(corpus.articles)
    assert all(any(t.startswith(label) for t in ticks) for label in corpus.articles["label"])
    plt.close(fig)


def test_sidecar_records_the_runs_overrides(tmp_path):
    from helpers.assumptions import load_assumptions

    a = load_assumptions(overrides={"export.licence_approval.tiktok_global": 0.0, "corpus.quote_share_min": 0.6})
    fig = draw()
    meta = figures.save_figure(fig, "o", DATA, "C.", notebook="03-x", assumptions=a.subset("export."),
                               published={"000_x": "2020-09-15"}, out_dir=tmp_path)
    plt.close(fig)
    assert meta["assumptions"]["export.licence_approval.tiktok_global"] == 0.0
    assert meta["overrides"] == {"corpus.quote_share_min": 0.6, "export.licence_approval.tiktok_global": 0.0,
                                 "published.000_x": "2020-09-15"}


def test_report_figures_keep_a_clear_margin():
    """No title, label or mark of a committed figure runs off the canvas (a clipped title once did)."""
    pngs = sorted(paths.FIGURES.glob("[0-9][0-9]-*.png"))
    assert len(pngs) >= 10
    assert {p.name: ink_at_edges(p) for p in pngs if ink_at_edges(p)} == {}
