"""Every gallery figure stays readable under colour-vision deficiency, in one style.

Each gallery script is run with Agg (tests_docs/record_figures.py records what its
figures draw). On every axes, two lines that differ only by colour (same line
style, same marker, not both labelled directly on the plot by a text in their
colour) must stay at least 12 apart in CAM02-UCS, the perceptual colour space
of CIECAM02, under simulated deuteranopia and protanopia at severity 100
(colorspacious, Machado et al. 2009). Lines of exactly the same colour are one
series drawn in pieces, not two. The Okabe-Ito palette passes; the sigmoid in
#307EC7 and its derivative in #9621E2 pass only because the derivative is
dashed: under deuteranopia they are closer than 12.

The figures also speak one visual language (docs/using_examples.md): the
lines labelled sigma(x) and sigma'(x) in the same colour and style everywhere,
a grid on every axes, and lower-case axis words.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("matplotlib")
colorspacious = pytest.importorskip("colorspacious")

TESTS = Path(__file__).resolve().parent
EXAMPLES = TESTS.parent / "sigmoid_examples"
SCRIPTS = sorted(EXAMPLES.rglob("plot_*.py"))
MINIMUM_DISTANCE = 12.0
DEFICIENCIES = ("deuteranomaly", "protanomaly")  # at severity 100: -anopia
# Scripts whose figures still fail, each with who fixes it; remove the entry
# with the fix.
SKIP: dict[str, str] = {}
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00"]


def simulated_distance(first: Any, second: Any, deficiency: str) -> float:
    """CAM02-UCS distance of two sRGB colours (0-1) as ``deficiency`` sees them."""
    cvd = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    seen = [
        colorspacious.cspace_convert(color, cvd, "CAM02-UCS")
        for color in (first, second)
    ]
    return float(colorspacious.deltaE(*seen, input_space="CAM02-UCS"))


def _same(first: list[float], second: list[float]) -> bool:
    return max(abs(a - b) for a, b in zip(first, second, strict=True)) < 1e-3


def colour_only_pairs(axes: dict[str, Any]) -> list[str]:
    """The pairs of lines of one axes told apart by colour alone, too close."""
    problems = []
    for one, other in itertools.combinations(axes["lines"], 2):
        if (one["linestyle"], one["marker"]) != (other["linestyle"], other["marker"]):
            continue
        if _same(one["color"], other["color"]):
            continue
        labelled = [
            any(_same(text, line["color"]) for text in axes["texts"])
            for line in (one, other)
        ]
        if all(labelled):
            continue
        for deficiency in DEFICIENCIES:
            distance = simulated_distance(one["color"], other["color"], deficiency)
            if distance < MINIMUM_DISTANCE:
                problems.append(
                    f"axes {axes['title']!r}: {one['label']!r} and {other['label']!r} "
                    f"({one['linestyle']!r}, marker {one['marker']!r}) are "
                    f"{distance:.1f} apart under {deficiency}"
                )
    return problems


def test_distance_separates_what_the_deficiency_confuses() -> None:
    """Red and green collapse under deuteranopia; blue and orange do not."""
    red, green = (0.8, 0.2, 0.2), (0.3, 0.6, 0.2)
    assert simulated_distance(red, green, "deuteranomaly") < MINIMUM_DISTANCE
    blue, orange = (0.0, 0.447, 0.698), (0.902, 0.624, 0.0)
    assert simulated_distance(blue, orange, "deuteranomaly") > MINIMUM_DISTANCE


def test_seed_colours_need_the_dash() -> None:
    from matplotlib.colors import to_rgb

    sigma, derivative = to_rgb("#307EC7"), to_rgb("#9621E2")
    assert simulated_distance(sigma, derivative, "deuteranomaly") < MINIMUM_DISTANCE


def test_check_flags_a_colour_only_pair_and_accepts_a_dashed_one() -> None:
    line = {"linestyle": "-", "marker": "None", "label": "a"}
    red = {**line, "color": [0.8, 0.2, 0.2]}
    green = {**line, "color": [0.3, 0.6, 0.2], "label": "b"}
    assert colour_only_pairs({"title": "", "lines": [red, green], "texts": []})
    dashed = {**green, "linestyle": "--"}
    assert not colour_only_pairs({"title": "", "lines": [red, dashed], "texts": []})
    texts = [red["color"], green["color"]]
    assert not colour_only_pairs({"title": "", "lines": [red, green], "texts": texts})


@pytest.mark.parametrize(
    ("first", "second"), list(itertools.combinations(OKABE_ITO, 2))
)
def test_okabe_ito_colours_stay_apart(first: str, second: str) -> None:
    from matplotlib.colors import to_rgb

    for deficiency in DEFICIENCIES:
        distance = simulated_distance(to_rgb(first), to_rgb(second), deficiency)
        assert distance >= MINIMUM_DISTANCE, (first, second, deficiency)


# The legend labels of the sigmoid and its derivative: (colour, line style).
SIGMA_STYLES = {r"$\sigma(x)$": ("#307ec7", "-"), r"$\sigma'(x)$": ("#9621e2", "--")}


def visual_language_problems(axes: dict[str, Any]) -> list[str]:
    """Where one axes leaves the site's visual language."""
    problems = []
    where = f"axes {axes['title']!r}"
    if axes["shown"] and not axes["grid"]:
        problems.append(f"{where}: no grid (ax.grid(alpha=0.3))")
    for label in axes["labels"]:
        if label[:1].isascii() and label[:1].isupper():
            problems.append(f"{where}: axis label {label!r} is not lower case")
    for line in axes["lines"]:
        expected = SIGMA_STYLES.get(line["label"])
        if expected and (line["hex"], line["linestyle"]) != expected:
            problems.append(
                f"{where}: {line['label']} drawn in {line['hex']} "
                f"{line['linestyle']!r}, not {expected}"
            )
    return problems


def test_visual_language_flags_a_gridless_capitalised_off_colour_axes() -> None:
    sigma = {"hex": "#1f77b4", "linestyle": "-", "label": r"$\sigma(x)$"}
    axes = {"title": "", "shown": True, "grid": False, "labels": ["Value", "x"]}
    assert len(visual_language_problems({**axes, "lines": [sigma]})) == 3
    sigma["hex"] = "#307ec7"
    axes = {**axes, "grid": True, "labels": ["value", r"$\sigma$"]}
    assert not visual_language_problems({**axes, "lines": [sigma]})


@pytest.mark.parametrize(
    "script", SCRIPTS, ids=[str(s.relative_to(EXAMPLES)) for s in SCRIPTS]
)
def test_figures_do_not_rely_on_colour_alone(script: Path, tmp_path: Path) -> None:
    """And speak the site's visual language (one run of the script for both)."""
    name = script.relative_to(EXAMPLES).as_posix()
    if name in SKIP:
        pytest.skip(SKIP[name])
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(TESTS / "record_figures.py"), str(script), str(out)],
        cwd=tmp_path,
        env={**os.environ, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    problems = [
        f"figure {figure['number']}, {problem}"
        for figure in figures
        for axes in figure["axes"]
        for problem in colour_only_pairs(axes) + visual_language_problems(axes)
    ]
    assert not problems, "\n".join(problems)
