"""A live what-if for notebook 03's deal-path model: a slider for every numeric ``export.*``
assumption (within its range, starting at the value in force) that redraws the deal-paths figure
as it moves, and a button that writes the chosen values as a scenario file for ``make scenario``.

``WhatIf(ref, A, plotted).show()`` displays the controls and, below them, the figure: at first
the ``plotted`` frame the notebook has just saved (so a stored notebook and the HTML edition show
the default state), then the model rerun (``scenarios``, the seeded Monte Carlo,
``paths_plot_data``) under the sliders' values whenever one is released. The figure is a plain
image output updated in place (``display_id``), so the saved notebook holds only that first
image; the controls' widget gets a model id derived from its place in the kernel's session, the
same in every fresh run, so re-executing the notebook writes the same bytes.

Nothing is written until the button is clicked: then ``scenarios/<name>.yaml`` (``name`` made a
safe slug; an existing file is never overwritten, a number is appended instead) with the keys
``name``, ``description`` and ``overrides`` that :func:`helpers.report.load_scenario` reads:
every slider moved from the value in force, and every override the notebook run already had.
"""
from __future__ import annotations

import io
import itertools
import math
import re
import uuid
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
import yaml
from IPython.display import Image, display

from helpers import export_controls as ec
from helpers import paths
from helpers.assumptions import Assumptions
from helpers.outputs import atomic_write
from helpers.plots.export_controls import draw_paths
from helpers.tables import ExportReference

TITLE = "What if: expected value of each deal path, from each side"
LIVE_DPI = 100  # a redraw must follow the slider: a third of the time of the report's 200 dpi
# How the sliders are grouped, by the second part of the assumption's name.
GROUPS = {"value_share": "Value shares of TikTok's functions", "rebuild_quality": "Rebuilding without a licence",
          "rebuild_months": "Rebuilding without a licence", "horizon_months": "Rebuilding without a licence",
          "seller_consent": "Seller's consent (ByteDance)", "us_approval": "US approval",
          "licence_needed": "Chinese licence needed", "licence_approval": "Chinese licence granted",
          "approval_correlation": "Chinese licence granted", "us_owner_share": "Whose value",
          "sale_price_share": "Whose value", "monte_carlo_draws": "Monte Carlo", "monte_carlo_seed": "Monte Carlo",
          "monte_carlo_interval": "Monte Carlo"}
_PANELS = itertools.count()  # one per panel shown in this kernel: the first one's model id is the same every run


class _Panel(widgets.VBox):
    """The panel's box, named in plain text where widgets are not drawn (a text front end)."""

    def __repr__(self) -> str:
        return "What-if panel of notebook 03: sliders and a 'Save as scenario' button (they need a live kernel)"


def scenario_slug(name: str) -> str:
    """A scenario name as a safe file stem: lower-case letters, digits and single hyphens (at most
    60), ``what-if`` if nothing is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-")[:60].strip("-")
    return slug or "what-if"


def numeric_assumptions(a: Assumptions) -> list[str]:
    """Every numeric ``export.*`` assumption with a range (dates and choices have no slider)."""
    return [n for n in a if n.startswith("export.") and a.entry(n).range is not None
            and isinstance(a[n], (int, float)) and not isinstance(a[n], bool)]


def _slider(a: Assumptions, name: str) -> widgets.Widget:
    entry = a.entry(name)
    low, high = entry.range
    label = name.removeprefix("export.").split(".")[-1]
    tip = f"{name} ({entry.unit}; {low} to {high}): {entry.why}"[:600]
    common = {"description": label, "min": low, "max": high, "value": a[name], "continuous_update": False,
              "tooltip": tip, "style": {"description_width": "13em"}, "layout": widgets.Layout(width="38em")}
    if all(isinstance(v, int) for v in (low, high, a[name])):
        step = 1000 if name.endswith("monte_carlo_draws") else 1
        return widgets.IntSlider(step=step, **common)
    step = 10 ** math.floor(math.log10((high - low) / 100)) if high > low else 0.01
    return widgets.FloatSlider(step=step, readout_format=f".{max(0, -math.floor(math.log10(step)))}f", **common)


class WhatIf:
    """The what-if panel: ``controls`` (assumption name to slider), ``name`` (the scenario's name),
    ``save_button``, ``reset_button``, ``status``; ``plotted`` and ``png`` are the figure's data
    and image as last drawn."""

    def __init__(self, ref: ExportReference, a: Assumptions, plotted: pd.DataFrame, title: str = TITLE,
                 folder: Path | str | None = None):
        self.ref, self.base, self.title = ref, a, title
        self.folder = Path(folder) if folder is not None else paths.SCENARIOS
        self.controls = {n: _slider(a, n) for n in numeric_assumptions(a)}
        self.name = widgets.Text(value="what-if", description="scenario name", style={"description_width": "initial"})
        self.save_button = widgets.Button(description="Save as scenario", icon="save",
                                          tooltip="write scenarios/<name>.yaml for make scenario")
        self.reset_button = widgets.Button(description="Reset", tooltip="every slider back to the value in force")
        self.status = widgets.HTML(value="Move a slider and release it to redraw; the values in force are shown.")
        groups: dict[str, list[widgets.Widget]] = {}
        for n, slider in self.controls.items():
            groups.setdefault(GROUPS.get(n.split(".")[1], "Other"), []).append(slider)
        accordion = widgets.Accordion(children=[widgets.VBox(s) for s in groups.values()], titles=tuple(groups))
        panel_id = uuid.uuid5(uuid.NAMESPACE_URL, f"helpers.whatif/{next(_PANELS)}").hex
        self.panel = _Panel([accordion, widgets.HBox([self.name, self.save_button, self.reset_button]),
                                   self.status], model_id=panel_id)
        for slider in self.controls.values():
            slider.observe(self._moved, names="value")
        self.save_button.on_click(lambda _button: self.save())
        self.reset_button.on_click(lambda _button: self.reset())
        self.plotted = plotted
        self.png = self._render(plotted, title)
        self.handle: Any = None

    # ---- the values chosen

    def _value(self, name: str) -> float | int:
        slider = self.controls[name]
        if isinstance(slider, widgets.IntSlider):
            return int(slider.value)
        decimals = max(0, -math.floor(math.log10(slider.step)))
        return round(float(slider.value), decimals)

    def overrides(self) -> dict[str, Any]:
        """What the panel changes: every slider moved from the value in force, with the run's own
        overrides (a ``parameters`` cell's) kept, sorted by name."""
        moved = {n: self._value(n) for n in self.controls if self._value(n) != self.base[n]}
        kept = {n: self.base[n] for n in self.base.overridden if n not in moved}
        return dict(sorted({**kept, **moved}.items()))

    def assumptions(self) -> Assumptions:
        """The notebook's assumptions with the sliders' values (validated against their ranges)."""
        return self.base.override({n: v for n, v in self.overrides().items() if n in self.controls})

    # ---- drawing

    @staticmethod
    def _render(plotted: pd.DataFrame, title: str) -> bytes:
        fig = draw_paths(plotted, title)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=LIVE_DPI, metadata={"Software": None})
        plt.close(fig)
        return buffer.getvalue()

    def redraw(self) -> pd.DataFrame:
        """Rerun the model under the sliders' values and redraw the figure; return its frame."""
        a = self.assumptions()
        summary = ec.monte_carlo_summary(ec.monte_carlo(self.ref, a), float(a["export.monte_carlo_interval"]))
        self.plotted = ec.paths_plot_data(summary, ec.scenarios(self.ref, a))
        moved = [n for n in self.controls if self._value(n) != self.base[n]]
        title = self.title + (f" ({len(moved)} assumption{'s' if len(moved) != 1 else ''} moved)" if moved else "")
        self.png = self._render(self.plotted, title)
        if self.handle is not None:
            self.handle.update(Image(data=self.png, format="png"))
        self.status.value = ("Values in force." if not moved else
                             "Moved: " + ", ".join(f"<code>{n.removeprefix('export.')}</code> = {self._value(n)}"
                                                   for n in moved))
        return self.plotted

    def _moved(self, change: dict) -> None:
        self.redraw()

    def reset(self) -> None:
        """Every slider back to the value in force (one redraw)."""
        for n, slider in self.controls.items():
            with slider.hold_trait_notifications():
                slider.unobserve(self._moved, names="value")
                slider.value = self.base[n]
                slider.observe(self._moved, names="value")
        self.redraw()

    # ---- the scenario file

    def save(self) -> Path:
        """Write the chosen values as ``<folder>/<slug>.yaml`` (never over an existing file) and
        say in the panel how to run it; return the file written."""
        overrides = self.overrides()
        self.base.override(overrides)  # a value out of range stops here, before anything is written
        slug = scenario_slug(self.name.value)
        stem, k = slug, 2
        while (self.folder / f"{stem}.yaml").exists():
            stem, k = f"{slug}-{k}", k + 1
        target = self.folder / f"{stem}.yaml"
        spec = {"name": stem, "description": f"What-if from notebook 03: {len(overrides)} assumption"
                f"{'s' if len(overrides) != 1 else ''} changed.", "overrides": overrides}
        text = (f"# Written by the what-if panel of notebook 03. Run with: make scenario PARAMS={paths.relative(target)}"
                f" NB=03\n" + yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))
        atomic_write(target, text)
        self.status.value = (f"Written <code>{paths.relative(target)}</code>; run it with <code>make scenario "
                             f"PARAMS={paths.relative(target)} NB=03</code>.")
        return target

    # ---- in a notebook

    def show(self) -> None:
        """Display the controls, then the figure (the default state until a slider moves)."""
        display(self.panel)
        self.handle = display(Image(data=self.png, format="png"), display_id=True)
