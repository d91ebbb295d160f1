"""Run a gallery script with Agg and write what its figures draw, as JSON.

``python record_figures.py SCRIPT OUT.json`` runs SCRIPT as ``__main__`` in
the current directory (the caller sets ``MPLBACKEND=Agg``), and
records each figure at the ``plt.show()`` that shows it first: per axes, each
visible line's colour (its alpha blended over the axes' background), line
style, marker and label, the colours of the axes' texts (a text in a line's
colour is that line's direct label), whether it shows a grid, and its axis
labels. tests_docs/test_figure_colours.py reads the file; this process needs only
Matplotlib.
"""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.colors import to_hex, to_rgba


def _blend(color: Any, alpha: float | None, background: Any) -> list[float]:
    red, green, blue, opacity = to_rgba(color, alpha)
    under = to_rgba(background)[:3]
    return [
        opacity * c + (1 - opacity) * u
        for c, u in zip((red, green, blue), under, strict=True)
    ]


def _axes(ax: Any) -> dict[str, Any]:
    background = ax.get_facecolor()
    lines = [
        {
            "color": _blend(line.get_color(), line.get_alpha(), background),
            "hex": to_hex(line.get_color()),
            "linestyle": str(line.get_linestyle()),
            "marker": str(line.get_marker()),
            "label": str(line.get_label()),
        }
        for line in ax.get_lines()
        if line.get_visible() and len(line.get_xdata()) > 0
    ]
    texts = [
        _blend(text.get_color(), text.get_alpha(), background)
        for text in ax.texts
        if text.get_visible() and text.get_text().strip()
    ]
    grid = ax.xaxis.get_gridlines() + ax.yaxis.get_gridlines()
    return {
        "title": ax.get_title(),
        "lines": lines,
        "texts": texts,
        "shown": bool(ax.axison),
        "grid": any(line.get_visible() for line in grid),
        "labels": [ax.get_xlabel(), ax.get_ylabel()],
    }


def main(script: str, out: str) -> None:
    figures: list[dict[str, Any]] = []
    seen: set[int] = set()

    def show(*_args: Any, **_kwargs: Any) -> None:
        for number in plt.get_fignums():
            if number not in seen:
                seen.add(number)
                figure = plt.figure(number)
                figure.draw_without_rendering()  # ticks and their grid lines
                axes = [_axes(ax) for ax in figure.axes]
                figures.append({"number": len(figures) + 1, "axes": axes})

    plt.show = show
    sys.argv = [script]
    runpy.run_path(script, run_name="__main__")
    show()  # a figure the script never showed is still a figure
    Path(out).write_text(json.dumps(figures), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
