"""The explore page: every control is labelled, works from the keyboard, and
redraws the curve; the readout agrees with the package."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest
from playwright.sync_api import Page

from sigmoid import generalized_logistic, sigmoid_derivative
from tests_site.browser import Visit

SLIDERS = {
    "explorer-steepness": "Steepness",
    "explorer-midpoint": "Midpoint",
    "explorer-maximum": "Maximum",
}

STATE = """
() => ({
  curve: document.getElementById("explorer-curve").getAttribute("d"),
  derivative: document.getElementById("explorer-derivative").getAttribute("d"),
  readout: document.getElementById("explorer-readout").innerText,
})
"""


def open_explore(visit_factory: Callable[..., Visit], origin: str) -> Visit:
    visit = visit_factory()
    visit.page.goto(f"{origin}/explore.html", wait_until="load")
    visit.page.wait_for_selector(".sigmoid-explorer--ready")
    return visit


def state(page: Page) -> dict[str, str]:
    result: dict[str, str] = page.evaluate(STATE)
    return result


def readout(page: Page) -> dict[str, float]:
    ids = {"z": "explorer-z", "f": "explorer-value", "df": "explorer-slope"}
    ids["naive"] = "explorer-naive"
    return {key: float(page.locator(f"#{i}").inner_text()) for key, i in ids.items()}


@pytest.mark.parametrize("slider", SLIDERS)
def test_arrow_key_moves_slider_and_redraws(
    slider: str, origin: str, visit_factory: Callable[..., Visit]
) -> None:
    visit = open_explore(visit_factory, origin)
    page = visit.page
    before = state(page)
    assert before["curve"].startswith("M")
    value = page.locator(f"#{slider}").input_value()

    page.locator(f"#{slider}").focus()
    page.keyboard.press("ArrowRight")

    after = state(page)
    assert float(page.locator(f"#{slider}").input_value()) > float(value)
    assert after["curve"] != before["curve"]
    assert after["derivative"] != before["derivative"]
    assert after["readout"] != before["readout"]
    assert visit.problems() == {}


@pytest.mark.parametrize(
    ("slider", "value"), list(zip(SLIDERS, ["3.5", "-2.5", "1.8"], strict=True))
)
def test_filling_slider_redraws(
    slider: str, value: str, origin: str, visit_factory: Callable[..., Visit]
) -> None:
    visit = open_explore(visit_factory, origin)
    page = visit.page
    before = state(page)
    page.locator(f"#{slider}").fill(value)
    after = state(page)
    assert after["curve"] != before["curve"]
    assert after["readout"] != before["readout"]
    assert page.locator(f"#{slider}-value").inner_text() == f"{float(value):.1f}"


def test_controls_have_labels_and_tab_order(
    origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = open_explore(visit_factory, origin).page
    for slider, label in SLIDERS.items():
        assert page.get_by_label(label).get_attribute("id") == slider
    assert page.get_by_label("Evaluate at").get_attribute("id") == "explorer-x"
    assert page.locator("#explorer-readout").get_attribute("aria-live") == "polite"

    page.locator("#explorer-steepness").focus()
    order = []
    for _ in range(3):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id"))
    assert order == ["explorer-midpoint", "explorer-maximum", "explorer-x"]


def expected(
    x: float, maximum: float, steepness: float, midpoint: float
) -> tuple[float, float]:
    """f(x) and f'(x) from the package, the reference for the page's numbers."""
    xs = np.array([x])
    value = generalized_logistic(
        xs, maximum=maximum, steepness=steepness, midpoint=midpoint
    )
    slope = maximum * steepness * sigmoid_derivative(steepness * (xs - midpoint))
    return float(value[0]), float(slope[0])


@pytest.mark.parametrize("x", [1.0, 0.0, -3.5, 40.0, -40.0, 700.0])
def test_readout_agrees_with_package(
    x: float, origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = open_explore(visit_factory, origin).page
    page.locator("#explorer-steepness").fill("2.5")
    page.locator("#explorer-midpoint").fill("0.5")
    page.locator("#explorer-maximum").fill("1.5")
    page.get_by_label("Evaluate at").fill(str(x))

    shown = readout(page)
    value, slope = expected(x, maximum=1.5, steepness=2.5, midpoint=0.5)
    # The page prints ten significant digits.
    assert shown["f"] == pytest.approx(value, rel=1e-9, abs=1e-300)
    assert shown["df"] == pytest.approx(slope, rel=1e-9, abs=1e-300)
    assert shown["z"] == pytest.approx(2.5 * (x - 0.5), rel=1e-9)


def test_naive_product_collapses_where_stable_formula_does_not(
    origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = open_explore(visit_factory, origin).page
    page.get_by_label("Evaluate at").fill("40")
    shown = readout(page)
    assert shown["naive"] == 0
    assert shown["df"] == pytest.approx(math.exp(-40), rel=1e-9)


def test_unparsable_x_is_flagged_and_keeps_last_value(
    origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = open_explore(visit_factory, origin).page
    x = page.get_by_label("Evaluate at")
    x.fill("2")
    before = readout(page)
    x.fill("")
    assert x.get_attribute("aria-invalid") == "true"
    assert readout(page) == before


def test_number_box_looks_invalid_only_when_it_is(
    origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = open_explore(visit_factory, origin).page
    box = page.get_by_label("Evaluate at")
    style = (
        "el => getComputedStyle(el).borderTopStyle + ' ' "
        "+ getComputedStyle(el).borderTopWidth"
    )
    valid = box.evaluate(style)
    assert box.get_attribute("aria-invalid") is None
    box.fill("")
    box.press_sequentially("1e")
    assert box.get_attribute("aria-invalid") == "true"
    invalid = box.evaluate(style)
    assert invalid != valid
    assert invalid.startswith("dashed")
    box.fill("2")
    assert box.get_attribute("aria-invalid") is None
    assert box.evaluate(style) == valid


def test_hint_stays_on_one_line(
    origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = open_explore(visit_factory, origin).page
    hint = page.locator("#explorer-x-hint")
    lines = hint.evaluate(
        "el => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)"
    )
    assert lines < 1.5


@pytest.mark.parametrize("x", [1.0, -2.5, 0.3])
def test_tangent_has_the_slope_f_prime(
    x: float, origin: str, visit_factory: Callable[..., Visit]
) -> None:
    page = open_explore(visit_factory, origin).page
    page.locator("#explorer-steepness").fill("2")
    page.get_by_label("Evaluate at").fill(str(x))
    line = page.locator("#explorer-tangent")
    x1, y1, x2, y2 = (
        float(line.get_attribute(a) or "nan") for a in ("x1", "y1", "x2", "y2")
    )
    # The plot maps x in [-8, 8] and y in [0, 2.1] onto its drawing area.
    grid = page.locator("#explorer-clip-rect")
    width = float(grid.get_attribute("width") or "nan")
    height = float(grid.get_attribute("height") or "nan")
    slope = ((y1 - y2) / height * 2.1) / ((x2 - x1) / width * 16)
    _, expected_slope = expected(x, maximum=1.0, steepness=2.0, midpoint=0.0)
    assert slope == pytest.approx(expected_slope, rel=1e-3, abs=1e-6)
    # It passes through the point (x, f(x)) that the marker shows.
    marker = page.locator("#explorer-marker-curve")
    cx = float(marker.get_attribute("cx") or "nan")
    cy = float(marker.get_attribute("cy") or "nan")
    assert (x1 + x2) / 2 == pytest.approx(cx, abs=0.01)
    assert (y1 + y2) / 2 == pytest.approx(cy, abs=0.01)
