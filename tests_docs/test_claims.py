"""Numbers in the site's prose, each checked against a computation.

The site promises that every number in its prose is printed by an example or
computed by a test. This file holds those tests. To add a claim:

1. Find its sentence with ``claim(path, pattern)``: a regular expression
   anchored on the sentence's own words, with a group around each number.
   The prose is read with every run of whitespace (line breaks included) as
   one space, and for a gallery script only its docstring and its comments
   (the ``#`` dropped), so a pattern need not care where a line wraps. When
   a sentence is rewritten and no longer matches, the test fails: rewrite
   the pattern with the sentence.
2. Compute the number independently (mpmath, the package's constants, or
   the example's own results through ``run_example``) and compare it with
   the page's digits, rounded as the page rounds them (``rounds_to``).

Identities on docs/math.md are tested in test_math_identities.py, not here.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import inspect
import io
import math
import re
import runpy
from fractions import Fraction
from pathlib import Path
from typing import Any
from unittest import mock

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from reference import mp_derivative, ulp_error
from test_rounding import CASES

from sigmoid import (
    _blocks,
    _log_sigmoid_table,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_derivative,
)
from sigmoid._rounding import GUARD

mp.mp.dps = 50
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "sigmoid_examples"
PROS_AND_CONS = DOCS / "pros_and_cons.md"
HOW_IT_IS_COMPUTED = DOCS / "how_it_is_computed.md"
VANISHING = EXAMPLES / "pros_and_cons" / "plot_vanishing_gradient.py"
VANISHING_PARTS = EXAMPLES / "pros_and_cons" / "plot_vanishing_gradient_parts.py"
ACTIVATIONS = EXAMPLES / "family" / "plot_activations.py"
NOT_ZERO_CENTRED = EXAMPLES / "pros_and_cons" / "plot_not_zero_centred.py"
SMOOTH = EXAMPLES / "pros_and_cons" / "plot_smooth_gradient.py"
PROBABILITY = EXAMPLES / "pros_and_cons" / "plot_output_as_probability.py"
COST_OF_EXP = EXAMPLES / "pros_and_cons" / "plot_cost_of_exp.py"

# The site's one definition of a saturated unit (docs/math.md, label
# `saturated`): its output is within 1% of a limit.
SATURATION_MARGIN = 0.01


@functools.cache
def prose(path: Path) -> str:
    """The text a reader reads: a page, or a script's docstring and comments."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        comments = [
            line.strip()[1:]
            for line in text.splitlines()
            if line.strip().startswith("#")
        ]
        text = "\n".join([ast.get_docstring(ast.parse(text)) or "", *comments])
    return " ".join(text.split())


def claim(path: Path, pattern: str) -> re.Match[str]:
    match = re.search(pattern, prose(path))
    assert match, (
        f"{path.relative_to(ROOT)}: no sentence matches {pattern!r}; if the "
        "sentence changed, change its test with it"
    )
    return match


def rounds_to(printed: str, value: float) -> bool:
    """Whether ``value``, rounded to the decimals ``printed`` shows, is ``printed``."""
    printed = printed.replace(",", "")
    return round(value, len(printed.partition(".")[2])) == float(printed)


@functools.cache
def run_example(path: Path) -> dict[str, Any]:
    """Run a gallery script as the docs build does; return its global names."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with (
        mock.patch.object(plt, "show"),
        contextlib.redirect_stdout(io.StringIO()) as printed,
    ):
        namespace = runpy.run_path(str(path), run_name="__main__")
    plt.close("all")
    return {**namespace, "printed": printed.getvalue()}


def literal(path: Path, name: str) -> Any:
    """The literal value a script assigns to ``name``, read without running it."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    msg = f"{path.name} assigns no literal to {name}"
    raise AssertionError(msg)


# -- Saturation: one definition everywhere ------------------------------------


@pytest.mark.parametrize("path", [PROS_AND_CONS, VANISHING, ACTIVATIONS])
def test_saturation_threshold_is_ln_99(path: Path) -> None:
    match = claim(path, r"\|x\| > \\ln (\d+) \\approx (\d+\.\d+)")
    limit = 1 - SATURATION_MARGIN
    # sigma(x) = 0.99 exactly where x = logit(0.99) = ln(0.99 / 0.01).
    assert int(match[1]) == round(limit / SATURATION_MARGIN)
    assert rounds_to(match[2], math.log(limit / SATURATION_MARGIN))


def test_saturated_unit_passes_on_less_than_one_percent() -> None:
    match = claim(
        PROS_AND_CONS,
        r"output is within (\d+)% of 0 or 1 \(\$\|x\| > \\ln 99 \\approx "
        r"4\.595\$\), has \$\\sigma' < (\d\.\d+)\$: it passes on less than "
        r"(\d+)% of the gradient",
    )
    margin = int(match[1]) / 100
    assert margin == SATURATION_MARGIN
    exact_margin = mp.mpf(int(match[1])) / 100
    threshold = mp.log((1 - exact_margin) / exact_margin)
    slope = mp.diff(lambda x: 1 / (1 + mp.exp(-x)), threshold)
    assert abs(slope - exact_margin * (1 - exact_margin)) < mp.mpf(10) ** -40
    assert rounds_to(match[2], margin * (1 - margin))
    # sigma' falls on |x| > ln 99, so it stays below its value at ln 99.
    assert sigmoid_derivative(float(threshold) + 1e-9) < float(match[2])
    assert float(match[2]) < int(match[3]) / 100


@pytest.mark.parametrize(
    "path", [VANISHING, ACTIVATIONS], ids=["vanishing", "activations"]
)
def test_examples_state_the_saturated_slope_bound(path: Path) -> None:
    match = claim(
        path,
        r"\\sigma'\(x\) < 0\.99 \\cdot 0\.01 = (\d\.\d+)"
        r"|below (\d\.\d+) where the sigmoid is :ref:`saturated",
    )
    bound = float(match[1] or match[2])
    assert bound == SATURATION_MARGIN * (1 - SATURATION_MARGIN)


def _site_sources() -> list[Path]:
    return sorted(DOCS.glob("*.md")) + sorted(EXAMPLES.rglob("*.py"))


def test_every_sentence_about_saturation_uses_the_one_definition() -> None:
    """Numbers next to "saturated" are 0.01, 0.99, ln 99 or 0.99 * 0.01."""
    allowed = [
        SATURATION_MARGIN,
        1 - SATURATION_MARGIN,
        math.log((1 - SATURATION_MARGIN) / SATURATION_MARGIN),
        SATURATION_MARGIN * (1 - SATURATION_MARGIN),
    ]
    wrong = []
    for path in _site_sources():
        for sentence in re.split(r"\.\s", prose(path)):
            if "saturat" not in sentence.lower():
                continue
            for number in re.findall(r"(?<![\w.^{])\d+\.\d+", sentence):
                if not any(rounds_to(number, value) for value in allowed):
                    wrong.append(f"{path.relative_to(ROOT)}: {number} in {sentence!r}")
    assert not wrong, "\n".join(wrong)


# -- Pros and cons: the cheap derivative --------------------------------------


def test_cheap_derivative_fails_in_the_tail_where_the_page_says() -> None:
    match = claim(
        PROS_AND_CONS,
        r"the textbook \$s\$ is exactly 1 from \$x \\approx ([\d.]+)\$, so "
        r"`s \* \(1 - s\)` returns 0 where \$\\sigma'\(x\) \\approx e\^\{-x\}\$ "
        r"is about \$10\^\{(-\d+)\}\$",
    )
    # 1 + e^-x rounds to 1 in float64 from 53 ln 2.
    threshold = 53 * mp.log(2)
    assert rounds_to(match[1], float(threshold))
    x = float(threshold) + 1e-12
    s = 1 / (1 + math.exp(-x))
    assert s * (1 - s) == 0
    below = np.nextafter(float(threshold), 0.0)
    assert 1 / (1 + math.exp(-below)) < 1
    # The true slope there: sigma'(x) = e^-x / (1 + e^-x)^2, in mpmath.
    slope = mp.exp(-threshold) / (1 + mp.exp(-threshold)) ** 2
    assert round(float(mp.log10(slope))) == int(match[2])
    assert sigmoid_derivative(x) > 0


# -- The vanishing-gradient example -------------------------------------------


def test_vanishing_gradient_prose_matches_the_network() -> None:
    run = run_example(VANISHING)
    depth, width, batch = run["depth"], run["width"], run["batch"]
    match = claim(VANISHING, r"The network has (\d+) hidden layers of (\d+) units")
    assert (int(match[1]), int(match[2])) == (depth, width)
    match = claim(VANISHING, r"\\sqrt\{1/(\d+)\}` \(:term:`Glorot")
    assert int(match[1]) == width
    match = claim(VANISHING, r"\\sqrt\{2/(\d+)\}` \(:term:`He")
    assert int(match[1]) == width
    match = claim(VANISHING, r"makes a batch of (\d+) inputs with (\d+) features")
    assert (int(match[1]), int(match[2])) == (batch, width)
    match = claim(
        VANISHING, r"last row is :math:`\(1/4\)\^\{(\d+)\}`.*? over the (\d+) steps"
    )
    assert int(match[1]) == int(match[2]) == depth - 1
    match = claim(VANISHING, r"dashed line :math:`\(1/4\)\^\{(\d+) - l\}`")
    assert int(match[1]) == depth


def test_vanishing_gradient_prose_matches_its_output() -> None:
    run = run_example(VANISHING)
    relative = run["relative"]
    sigmoid_ratio = relative["sigmoid"]
    claim(VANISHING, r"falls by a factor of about four per layer")
    assert 3.5 < 1 / np.median(sigmoid_ratio[:-1] / sigmoid_ratio[1:]) < 4.5
    claim(VANISHING, r"a few hundred million times smaller than at the top")
    assert 1e8 <= 1 / sigmoid_ratio[0] < 1e9
    parts = run_example(VANISHING_PARTS)
    claim(VANISHING_PARTS, r"Every activation part is at most 1/4")
    assert np.max(parts["activation_part"]) <= 0.25
    claim(VANISHING_PARTS, r"The weight parts scatter around 1, and so does their")
    assert np.all((parts["weight_part"] > 0.75) & (parts["weight_part"] < 1.33))
    assert 0.75 < np.prod(parts["weight_part"]) < 1.33
    claim(VANISHING_PARTS, r"The input parts are close to 1 except at the first")
    assert np.all(np.abs(np.log(parts["input_part"][1:])) < np.log(1.25))
    assert parts["input_part"][0] > 1.5
    claim(VANISHING_PARTS, r"step from layer 2 to layer 1 is well above 1/4")
    assert parts["factor"][0] > 0.4
    # The parts' network is the same network: the same fall, layer by layer.
    sigmoid_norms = run["results"]["sigmoid"][0][0]
    assert np.allclose(parts["weight_grad"], sigmoid_norms, rtol=1e-9)
    claim(
        VANISHING,
        r"tanh and ReLU networks keep every layer's gradient within a factor of two",
    )
    for name in ("tanh", "ReLU"):
        assert np.all((relative[name] > 0.5) & (relative[name] < 2))
    claim(VANISHING, r"none of the sigmoid network's pre-activations fall there")
    assert run["saturated"] == 0
    # plot_activations.py: "where the slopes' share dominates".
    match = claim(
        ACTIVATIONS,
        r"measures both shares in a (\d+)-layer network, where the slopes' "
        r"share dominates",
    )
    assert int(match[1]) == run["depth"]
    assert np.prod(parts["activation_part"]) < 1e-6 * np.prod(parts["weight_part"])


# -- The not-zero-centred example ---------------------------------------------


def test_not_zero_centred_prose_matches_the_experiment() -> None:
    run = run_example(NOT_ZERO_CENTRED)
    match = claim(NOT_ZERO_CENTRED, r"Inputs: (\d+) pairs")
    assert int(match[1]) == run["n"] == len(run["positive"])
    match = claim(NOT_ZERO_CENTRED, r"takes (\d+) steps of one example each")
    assert int(match[1]) == len(run["order"])
    match = claim(NOT_ZERO_CENTRED, r"w\^\* = \(([-\d.]+), ([-\d.]+)\)")
    assert [float(match[1]), float(match[2])] == run["w_best"].tolist()
    match = claim(NOT_ZERO_CENTRED, r"starts at :math:`w = \(([-\d.]+), ([-\d.]+)\)`")
    assert [float(match[1]), float(match[2])] == run["w_start"].tolist()


def test_not_zero_centred_prose_matches_its_output() -> None:
    run = run_example(NOT_ZERO_CENTRED)
    paths = run["paths"]
    steps = np.diff(paths["all-positive inputs"], axis=0)
    match = claim(NOT_ZERO_CENTRED, r'"same-sign steps" column confirms \((\d+)%\)')
    same = np.mean(np.sign(steps[:, 0]) == np.sign(steps[:, 1]))
    assert round(100 * same) == int(match[1])
    claim(
        NOT_ZERO_CENTRED, r"printed below the table, has components of opposite signs"
    )
    assert run["mean_gradient"][0] * run["mean_gradient"][1] < 0
    lengths = {
        name: np.sum(np.linalg.norm(np.diff(path, axis=0), axis=1))
        for name, path in paths.items()
    }
    claim(NOT_ZERO_CENTRED, r"the zig-zag covers well over twice the distance")
    assert lengths["all-positive inputs"] > 2.2 * lengths["centred inputs"]
    claim(NOT_ZERO_CENTRED, r"Both runs end about as close")
    final = [np.linalg.norm(p[-1] - run["w_best"]) for p in paths.values()]
    assert max(final) < 1.5 * min(final)
    match = claim(
        NOT_ZERO_CENTRED, r"at (\d+) instead of (\d+) the same 40 steps are thrown far"
    )
    assert inspect.signature(run["sgd_path"]).parameters[
        "learning_rate"
    ].default == int(match[2])
    for name, inputs in run["inputs_by_name"].items():
        path = run["sgd_path"](inputs, learning_rate=int(match[1]))
        distance = np.linalg.norm(path[-1] - run["w_best"])
        if name == "all-positive inputs":
            assert distance > 1
        else:
            assert distance < 1e-3


# -- The smooth-gradient example ----------------------------------------------


def test_smooth_gradient_prose_matches_the_experiment() -> None:
    run = run_example(SMOOTH)
    x, y = run["x"], run["y"]
    claim(SMOOTH, r"Two hundred points on \[-4, 4\], labelled 1 when :math:`x > 1`")
    assert x.size == 200
    assert x.min() >= -4
    assert x.max() <= 4
    assert np.array_equal(y, x > 1)
    match = claim(SMOOTH, r"same wrong guess, :math:`w = ([-\d.]+), b = ([-\d.]+)`")
    defaults = inspect.signature(run["train"]).parameters
    assert float(match[1]) == defaults["w"].default
    assert float(match[2]) == defaults["b"].default
    match = claim(SMOOTH, r"Nudging :math:`w` by :math:`\\pm 10\^\{(-\d+)\}`")
    assert run["h"] == 10.0 ** int(match[1])


def test_smooth_gradient_prose_matches_its_output() -> None:
    run = run_example(SMOOTH)
    match = claim(
        SMOOTH,
        r"printed accuracy of (\d+)% while the step unit stays at (\d+)%, "
        r"exactly where it started",
    )
    for printed, f, w, b in [
        (match[1], sigmoid, run["w_sig"], run["b_sig"]),
        (match[2], run["step"], run["w_step"], run["b_step"]),
    ]:
        accuracy = np.mean((f(w * run["x"] + b) > 0.5) == (run["y"] == 1))
        assert round(100 * accuracy) == int(printed)
    assert (run["w_step"], run["b_step"]) == (-1.0, 0.0)
    assert run["loss_step"][-1] == run["loss_step"][0]


# -- The output-as-probability example ----------------------------------------


def test_output_as_probability_prose_matches_the_experiment() -> None:
    run = run_example(PROBABILITY)
    match = claim(
        PROBABILITY, r"Draw (\d+) inputs ``x`` uniformly from \[(-\d+), (\d+)\]"
    )
    assert int(match[1]) == run["x"].size == run["n"]
    assert run["x"].min() >= int(match[2])
    assert run["x"].max() <= int(match[3])
    match = claim(PROBABILITY, r"probability :math:`\\sigma\(([\d.]+)x - ([\d.]+)\)`")
    assert (float(match[1]), -float(match[2])) == (run["true_w"], run["true_b"])
    claim(PROBABILITY, r"each of twelve bins of width 1")
    assert len(run["centres"]) == 12
    assert np.all(np.diff(run["edges"]) == 1)


def test_output_as_probability_prose_matches_its_output() -> None:
    run = run_example(PROBABILITY)
    match = claim(
        PROBABILITY,
        r"a standard error of up to about (\d\.\d+) from sampling noise alone, "
        r"and the largest gap, printed below, is well within it",
    )
    fewest = np.bincount(run["bin_of"]).min()
    largest_standard_error = math.sqrt(0.25 / fewest)  # p (1 - p) <= 1/4
    assert rounds_to(match[1], largest_standard_error)
    assert run["gap"] < 0.5 * largest_standard_error
    match = claim(PROBABILITY, r"The loss starts at :math:`\\log 2 \\approx (\d\.\d+)`")
    assert rounds_to(match[1], math.log(2))
    assert math.isclose(run["losses"][0], math.log(2))


# -- The cost-of-exp example (read, not run: it takes timings) ----------------


def test_cost_of_exp_prose_matches_its_sizes() -> None:
    sizes = literal(COST_OF_EXP, "sizes")
    match = claim(COST_OF_EXP, r"and then (\d+) times")
    assert int(match[1]) == literal(COST_OF_EXP, "repeats")
    match = claim(COST_OF_EXP, r":math:`10\^(\d)` values, (\d+) kB")
    assert 10 ** int(match[1]) == sizes["in cache"]
    assert sizes["in cache"] * 8 == int(match[2]) * 1000
    match = claim(COST_OF_EXP, r":math:`(\d+) \\times 10\^(\d)` values, (\d+) MB")
    assert int(match[1]) * 10 ** int(match[2]) == sizes["out of cache"]
    assert sizes["out of cache"] * 8 == int(match[3]) * 1_000_000
    claim(COST_OF_EXP, r"read 8 bytes and write 8 bytes per element")
    assert np.dtype(np.float64).itemsize == 8
    match = claim(COST_OF_EXP, r"overflow>`, with a warning, for :math:`x < -([\d.]+)`")
    assert rounds_to(match[1], math.log(np.finfo(np.float64).max))


# -- How it is computed -------------------------------------------------------


def test_block_sizes() -> None:
    match = claim(
        HOW_IT_IS_COMPUTED,
        r"blocks of ([\d,]+) elements \(([\d,]+) for the float64 log-sigmoid",
    )
    assert int(match[1].replace(",", "")) == _blocks.BLOCK
    assert int(match[2].replace(",", "")) == _log_sigmoid_table.BLOCK


def test_log_sigmoid_table_claims() -> None:
    match = claim(
        HOW_IT_IS_COMPUTED, r"split at the nearest point \$j/(\d+)\$ of a grid"
    )
    assert int(match[1]) == _log_sigmoid_table.STEPS
    match = claim(HOW_IT_IS_COMPUTED, r"\\lvert r\\rvert \\le 1/(\d+)\$")
    assert int(match[1]) == 2 * _log_sigmoid_table.STEPS
    match = claim(HOW_IT_IS_COMPUTED, r"a table of ([\d,]+) entries")
    assert int(match[1].replace(",", "")) == len(_log_sigmoid_table.tables()[0])


def test_direct_log_sigmoid_errs_by_more_than_one_ulp() -> None:
    claim(HOW_IT_IS_COMPUTED, r"the two errors add up to more than 1 ULP")
    x = np.random.default_rng(0).uniform(0, 3, 2000)
    direct = -np.log1p(np.exp(-x))
    worst = 0.0
    for value, result in zip(x, direct, strict=True):
        exact = -mp.log1p(mp.exp(-mp.mpf(float(value))))
        error = abs(mp.mpf(float(result)) - exact) / np.spacing(abs(float(exact)))
        worst = max(worst, float(error))
    assert worst > 1


def test_exp_overflow_point_and_subnormal_tail() -> None:
    match = claim(HOW_IT_IS_COMPUTED, r"overflows \$\(x < -([\d.]+)\)\$")
    overflow = math.log(np.finfo(np.float64).max)
    assert rounds_to(match[1], overflow)
    match = claim(
        HOW_IT_IS_COMPUTED, r"below \$-([\d.]+)\$ the true value is subnormal"
    )
    assert rounds_to(match[1], overflow)
    exact = 1 / (1 + mp.exp(mp.mpf(overflow)))
    assert exact < np.finfo(np.float64).smallest_normal


def test_naive_derivative_is_exactly_zero_from_36_7() -> None:
    match = claim(HOW_IT_IS_COMPUTED, r"is exactly 0 from \$x \\approx ([\d.]+)\$")

    def naive(x: float) -> float:
        s = 1 / (1 + math.exp(-x))
        return s * (1 - s)

    low, high = 30.0, 40.0  # naive(low) > 0 == naive(high)
    while np.nextafter(low, high) < high:
        middle = (low + high) / 2
        low, high = (low, middle) if naive(middle) == 0 else (middle, high)
    assert naive(high) == 0 < naive(low)
    assert rounds_to(match[1], high)


def test_third_derivative_zeros() -> None:
    match = claim(
        HOW_IT_IS_COMPUTED,
        r"zeros of \$\\sigma'''\$ at \$\\lvert x\\rvert = "
        r"2\\operatorname\{arcosh\}\\sqrt\{3/2\} \\approx ([\d.]+)\$ "
        r"\(\$= x_0 = \\log\(2 \+ \\sqrt 3\)\$\).*?within (\d+) ULP everywhere",
    )
    root = 2 * mp.acosh(mp.sqrt(mp.mpf(3) / 2))
    assert abs(mp.diff(lambda x: 1 / (1 + mp.exp(-x)), root, 3)) < mp.mpf(10) ** -40
    assert rounds_to(match[1], float(root))
    assert abs(root - mp.log(2 + mp.sqrt(3))) < mp.mpf(10) ** -40
    # Within the bound next to the zeros too: the 100 float64 numbers nearest
    # each, and a grid across the middle (the accuracy run checks the rest).
    near = float(root) + np.arange(-50, 51) * np.spacing(float(root))
    x = np.concatenate([near, -near, np.linspace(-40, 40, 2001)])
    errors = ulp_error(sigmoid_derivative(x, order=3), lambda v: mp_derivative(v, 3), x)
    assert errors.max() <= int(match[2])


def test_guard_is_about_twice_the_largest_float64_error() -> None:
    match = claim(
        HOW_IT_IS_COMPUTED,
        r"a value within (\d+) ULPs of one .*? (\d+) ULPs is about twice the "
        r"largest error of the float64 formulas \(measured against mpmath at "
        r"float32 inputs: ([\d.]+) ULP or less for the sigmoid, \$\\sigma'\$, "
        r"\$\\sigma''\$, `log_sigmoid` and `logit`, ([\d.]+) for \$\\sigma'''\$\)",
    )
    assert int(match[1]) == int(match[2]) == GUARD
    # The figures that tests/test_rounding.py measures and holds to.
    largest = {name: case.largest for name, case in CASES.items()}
    assert float(match[4]) == largest.pop("sigma'''")
    assert float(match[3]) == max(largest.values())
    assert 1.5 * float(match[4]) <= GUARD <= 3 * float(match[4])


def test_midpoint_bits() -> None:
    match = claim(HOW_IT_IS_COMPUTED, r"the low (\d+) bits of a midpoint")
    float64_bits = np.finfo(np.float64).nmant
    float32_bits = np.finfo(np.float32).nmant
    assert int(match[1]) == float64_bits - float32_bits


def test_the_misrounded_input_near_zero() -> None:
    match = claim(
        HOW_IT_IS_COMPUTED,
        r"\$x = ([\d.]+) \\times 10\^\{(-\d+)\}\$, where \$\\sigma\(x\)\$ lies a "
        r"hair below a float32 midpoint \(\$1/2 \+ x/4\$ is one, and "
        r"\$\\sigma\(x\) - 1/2\$ falls short of \$x/4\$ by \$x\^3/48\$\)",
    )
    x = np.float32(float(match[1]) * 10.0 ** int(match[2]))
    xm = mp.mpf(float(x))
    midpoint = mp.mpf(1) / 2 + xm / 4
    assert mp.mpf(float(midpoint)) == midpoint  # a float64 number
    rounded = np.float32(float(midpoint))
    pairs = [
        (np.nextafter(rounded, np.float32(0)), rounded),
        (rounded, np.nextafter(rounded, np.float32(1))),
    ]
    assert any(
        (mp.mpf(float(low)) + mp.mpf(float(high))) / 2 == midpoint
        for low, high in pairs
    )
    shortfall = midpoint - 1 / (1 + mp.exp(-xm))
    assert shortfall > 0
    assert abs(shortfall / (xm**3 / 48) - 1) < 1e-6
    # "far closer than float64 can resolve, so the float64 value is the
    # midpoint itself"
    assert shortfall < np.spacing(0.5) / 2
    assert mp.mpf(float(sigmoid(np.float64(x)))) == midpoint


@given(st.floats(min_value=0.25, max_value=1.0))
def test_two_p_minus_one_is_exact_for_p_from_one_quarter(p: float) -> None:
    claim(HOW_IT_IS_COMPUTED, r"for \$p \\ge 1/4\$.*?\$2p - 1\$ is exact there")
    assert Fraction(2 * p - 1) == 2 * Fraction(p) - 1


# -- Basics -------------------------------------------------------------------

BASICS = EXAMPLES / "basics"
SIGMOID_PLOT = BASICS / "plot_sigmoid.py"
DERIVATIVE_PLOT = BASICS / "plot_sigmoid_derivative.py"
OVERLAY = BASICS / "plot_sigmoid_and_derivative.py"
CENTRED = BASICS / "plot_centred_axes.py"


def test_sigmoid_plot_grid_and_tails() -> None:
    run = run_example(SIGMOID_PLOT)
    x = run["x"]
    match = claim(
        SIGMOID_PLOT,
        r"makes (\d+) evenly spaced numbers from (-\d+) to (\d+), both ends "
        r"included, so neighbouring points are (\d\.\d+) apart",
    )
    assert x.size == int(match[1])
    assert (x[0], x[-1]) == (int(match[2]), int(match[3]))
    assert np.allclose(np.diff(x), float(match[4]))
    match = claim(
        SIGMOID_PLOT,
        r"By :math:`x = \\pm (\d+)` it is within :math:`(\d+) \\times "
        r"10\^\{(-\d+)\}` of its limits, as the values at a few points show",
    )
    edge, bound = float(match[1]), int(match[2]) * 10.0 ** int(match[3])
    assert sigmoid(-edge) < bound
    assert 1 - sigmoid(edge) < bound
    # The printed values show it too, to the digits printed.
    low = re.search(rf"sigma\(-{edge:.1f}\) = ([\d.]+)", run["printed"])
    high = re.search(rf"sigma\(\+{edge:.1f}\) = ([\d.]+)", run["printed"])
    assert low
    assert high
    assert float(low[1]) < bound
    assert 1 - float(high[1]) < bound


def test_derivative_plot_peak_and_fall_at_five() -> None:
    run = run_example(DERIVATIVE_PLOT)
    claim(DERIVATIVE_PLOT, r"whose largest value, 1/4, is reached at x = 0")
    assert run["dy"].max() == 0.25
    assert run["x"][np.argmax(run["dy"])] == 0
    match = claim(
        DERIVATIVE_PLOT,
        r"(\w+) units away from the centre the slope has fallen to under "
        r"(\d+)% of its peak",
    )
    assert match[1] == "five"
    for x in (-5.0, 5.0):
        assert sigmoid_derivative(x) / 0.25 < int(match[2]) / 100
    printed = re.search(r"sigma'\(5\) / sigma'\(0\) = ([\d.]+)%", run["printed"])
    assert printed
    assert float(printed[1]) < int(match[2])


def test_overlay_grid_and_printed_check() -> None:
    run = run_example(OVERLAY)
    x = run["x"]
    match = claim(OVERLAY, r"The two printed lines check this on the (\d+) points")
    assert int(match[1]) == x.size
    assert len(run["printed"].splitlines()) == 2
    claim(
        OVERLAY,
        r"differs from the product :math:`\\sigma\(1 - \\sigma\)` by at most a "
        r"few units in the last place of 1/4",
    )
    s = sigmoid(x)
    assert np.max(np.abs(sigmoid_derivative(x) - s * (1 - s))) <= 4 * np.spacing(0.25)
    assert run["steepest"] == 0
    assert sigmoid(run["steepest"]) == 0.5


def _first_float_where_naive_derivative_is_zero() -> float:
    def naive(x: float) -> float:
        s = 1 / (1 + math.exp(-x))
        return s * (1 - s)

    low, high = 30.0, 40.0  # naive(low) > 0 == naive(high)
    while np.nextafter(low, high) < high:
        middle = (low + high) / 2
        low, high = (low, middle) if naive(middle) == 0 else (middle, high)
    assert naive(high) == 0 < naive(low)
    assert 1 + math.exp(-high) == 1 < 1 + math.exp(-low)
    return high


def test_centred_axes_message_about_the_product() -> None:
    match = claim(
        CENTRED,
        r"it returns exactly 0 from :math:`x \\approx ([\d.]+)`, where "
        r":math:`1 \+ e\^\{-x\}` rounds to 1 in :term:`float64` and the true "
        r":math:`\\sigma'\(x\)` is about :math:`10\^\{(-\d+)\}`",
    )
    threshold = _first_float_where_naive_derivative_is_zero()
    assert rounds_to(match[1], threshold)
    assert rounds_to(match[1], 53 * math.log(2))
    # mp.exp(-mp.mpf(threshold)) / (1 + mp.exp(-mp.mpf(threshold)))**2
    exact = mp.exp(-mp.mpf(threshold)) / (1 + mp.exp(-mp.mpf(threshold))) ** 2
    assert round(float(mp.log10(exact))) == int(match[2])
    run = run_example(CENTRED)
    # The ticks show the values the text names, the peak 1/4 among them.
    claim(CENTRED, r"the peak :math:`\\sigma'\(0\) = 1/4`")
    axes = run["ax"]
    assert list(axes.get_yticks()) == [0.25, 0.5, 1]
    # "on this figure's range the two agree to the last digits": a few units
    # in the last place of the peak, 1/4.
    s = sigmoid(run["x"])
    difference = np.max(np.abs(s * (1 - s) - sigmoid_derivative(run["x"])))
    assert difference <= 4 * np.spacing(0.25)


def test_derivative_example_tail_claims() -> None:
    run = run_example(DERIVATIVE_PLOT)
    printed = run["printed"]
    threshold = _first_float_where_naive_derivative_is_zero()
    found = re.search(r"53 ln 2 = ([\d.]+)", printed)
    assert found
    assert rounds_to(found[1], threshold)
    rows = dict(re.findall(r"x = +([\d.]+): s \* \(1 - s\) = (\S+),", printed))
    for x, by_hand in rows.items():
        assert (float(by_hand) == 0) == (float(x) >= threshold), x
    claim(
        DERIVATIVE_PLOT,
        r"so only the first few digits of :math:`1 - \\sigma\(x\)` survive at "
        r":math:`x = 30`",
    )
    true = float(mp.exp(-30) / (1 + mp.exp(-30)) ** 2)
    relative = abs(float(rows["30.0"]) - true) / true
    assert 1e-4 < relative < 1e-2  # two or three digits right, not more


def test_start_here_float32_overflow_point() -> None:
    match = claim(
        BASICS / "plot_sigmoid_in_numpy.py",
        r"largest float32 \(about :math:`3\.4 \\times 10\^\{38\}`\), which is "
        r"(\d+\.\d+)",
    )
    largest = float(np.finfo(np.float32).max)
    assert rounds_to("3.4", largest / 1e38)
    assert rounds_to(match[1], math.log(largest))


# -- The family ---------------------------------------------------------------

FAMILY_PLOT = EXAMPLES / "family" / "plot_sigmoid_family.py"
PROBIT = EXAMPLES / "family" / "plot_probit.py"
LOGIT_PLOT = EXAMPLES / "family" / "plot_logit.py"
LOGIT_ODDS = EXAMPLES / "family" / "plot_logit_odds.py"
GENERALIZED = EXAMPLES / "family" / "plot_generalized_logistic.py"
HIGHER = EXAMPLES / "family" / "plot_higher_derivatives.py"


def test_logistic_distribution_standard_deviation() -> None:
    match = claim(
        PROBIT,
        r"its standard deviation is :math:`\\pi/\\sqrt\{3\} \\approx (\d\.\d+)`, "
        r"against 1",
    )
    # The density of the logistic distribution is sigma'.
    variance = mp.quad(lambda x: x**2 * mp.diff(lambda t: 1 / (1 + mp.exp(-t)), x),
                       [-mp.inf, 0, mp.inf])  # fmt: skip
    assert abs(variance - mp.pi**2 / 3) < mp.mpf(10) ** -20
    assert rounds_to(match[1], float(mp.sqrt(variance)))


def test_probit_scale_and_its_largest_difference() -> None:
    run = run_example(PROBIT)
    best, gap, x = run["best"], run["gap"], run["x"]
    match = claim(PROBIT, r"\\Phi\(x\) \\approx \\sigma\((\d\.\d+)\\,x\)")
    assert match[1] == f"{best:.3f}"  # "to the digits it is quoted with"
    match = claim(PROBIT, r"with :math:`c` about (\d\.\d+)")
    assert rounds_to(match[1], best)
    match = claim(PROBIT, r"differ by a factor of about (\d\.\d+)")
    assert rounds_to(match[1], best)
    claim(PROBIT, r"printed largest difference, under one hundredth")
    assert np.max(np.abs(gap)) < 0.01
    # "swings between four peaks of nearly equal height": gap is on x >= 0,
    # and the difference is odd, so each peak there has a mirror image.
    match = claim(PROBIT, r"swings between (\w+) peaks of nearly equal height")
    slope = np.sign(np.diff(gap))
    peaks = np.flatnonzero(slope[:-1] != slope[1:]) + 1
    assert x[0] == 0
    assert {"four": 4}[match[1]] == 2 * len(peaks)
    heights = np.abs(gap[peaks])
    assert heights.min() > 0.95 * heights.max()


def test_tanh_curve_is_the_logistic_to_rounding() -> None:
    claim(FAMILY_PLOT, r"the printed largest difference is a rounding error")
    assert run_example(FAMILY_PLOT)["tanh_gap"] <= 2 * np.finfo(np.float64).eps


def test_heavy_tails_saturate_late_and_have_narrow_bells() -> None:
    run = run_example(FAMILY_PLOT)
    family = run["FAMILY"]
    claim(
        FAMILY_PLOT,
        r"arctan and softsign like :math:`1/x`, slope -1: their tails are heavy, "
        r"so they need a far larger input than the logistic to become "
        r":ref:`saturated <saturated>` \(within 1% of 1\)",
    )

    def first_above(f: Any, level: float) -> float:
        """Smallest x >= 0 with f(x) > level, for an increasing f (bisection)."""
        low, high = 0.0, 1e3
        for _ in range(80):
            middle = (low + high) / 2
            low, high = (
                (middle, high) if f(np.array([middle]))[0] <= level else (low, middle)
            )
        return high

    limit = 1 - SATURATION_MARGIN
    saturated = {name: first_above(f, limit) for name, (f, _) in family.items()}
    width = {
        name: 2 * first_above(lambda x, df=df: -df(x), -1 / 8)
        for name, (_, df) in family.items()
    }
    assert abs(saturated["logistic"] - math.log(limit / SATURATION_MARGIN)) < 1e-9
    for name in ("arctan", "softsign x/(1+|x|)"):
        assert saturated[name] > 5 * saturated["logistic"]
    claim(
        FAMILY_PLOT,
        r"Every bell has the same height, :math:`f'\(0\) = 1/4`, and the same "
        r"area, 1 \(the rise of :math:`f`\)",
    )
    for f, df in family.values():
        assert math.isclose(df(np.array([0.0]))[0], 0.25)
        ends = f(np.array([-1e12, 1e12]))
        assert abs(ends[1] - ends[0] - 1) < 1e-6
    claim(
        FAMILY_PLOT,
        r"the later a curve comes within 1% of 1, the narrower its bell at half "
        r"its height, where :math:`f' > 1/8`",
    )
    for a in family:
        for b in family:
            if saturated[a] < saturated[b] - 1e-6:
                assert width[a] > width[b], (a, b)
    # The printed table agrees with the bisection to its two decimals.
    for name in family:
        row = re.search(
            rf"^{re.escape(name)}\s+([\d.]+)\s+([\d.]+)$", run["printed"], re.MULTILINE
        )
        assert row, name
        assert abs(float(row[1]) - saturated[name]) <= 0.006
        assert abs(float(row[2]) - width[name]) <= 0.006


def _assert_correctly_rounded_sigma_reaches_one_at_54_ln_2() -> None:
    """sigma(x), correctly rounded to float64, is below 1 until x = 54 ln 2."""
    below, above = 54 * math.log(2) * (1 - 1e-9), 54 * math.log(2) * (1 + 1e-9)
    assert float(1 / (1 + mp.exp(-mp.mpf(below)))) < 1
    assert float(1 / (1 + mp.exp(-mp.mpf(above)))) == 1
    assert float(1 / (1 + mp.exp(-mp.mpf(37.0)))) == 0.9999999999999999


def test_logit_round_trip_errors() -> None:
    run = run_example(LOGIT_PLOT)
    match = claim(
        LOGIT_PLOT,
        r"to about :math:`10\^\{(-\d+)\}` at :math:`x = (\d+)` and (\d\.\d+) at "
        r":math:`x = (\d+)` \(the printed values\)",
    )
    for x, printed in ((match[2], match[1]), (match[4], match[3])):
        error = abs(logit(sigmoid(float(x))) - float(x))
        assert f"logit(sigma({x}))" in run["printed"]
        if "." in printed:
            assert rounds_to(printed, error)
        else:
            assert 0.5 < error / 10.0 ** int(printed) < 2
    match = claim(
        LOGIT_PLOT,
        r"returns 1 from :math:`x = 53 \\ln 2 \\approx ([\d.]+)`, where "
        r":math:`1 \+ e\^\{-x\}` rounds to 1; a correctly rounded :math:`\\sigma` "
        r"would stay below 1 until :math:`54 \\ln 2 \\approx ([\d.]+)`",
    )
    assert rounds_to(match[1], 53 * math.log(2))
    assert rounds_to(match[1], run["edge"])
    assert rounds_to(match[2], 54 * math.log(2))
    _assert_correctly_rounded_sigma_reaches_one_at_54_ln_2()
    claim(LOGIT_PLOT, r"keeps the round trip within an ULP or two everywhere")
    assert run["worst"] <= 2
    claim(LOGIT_ODDS, r"A probability of 3/4 is odds of 3 to 1, and its logit is")
    assert math.isclose(logit(0.75), math.log(3))
    match = claim(
        LOGIT_PLOT,
        r"a few ULP on an even grid of :math:`p`, and a few hundred once "
        r":math:`p` goes down towards :math:`10\^\{(-\d+)\}` \(both printed",
    )
    assert run["p"].min() == 10.0 ** int(match[1])
    even, geometric = re.findall(r"off by at most (\d+) ULP", run["printed"])
    assert 1 <= int(even) < 10
    assert 100 <= int(geometric) < 1000


def test_generalized_logistic_width_and_sweep() -> None:
    match = claim(
        GENERALIZED,
        r"climbs from (\d+)% to (\d+)% of :math:`L` between :math:`x_0 \\mp "
        r"\\ln\(9\)/k`, a width of about :math:`(\d\.\d+)/\|k\|`",
    )
    assert math.isclose(sigmoid(-math.log(9)), int(match[1]) / 100)
    assert math.isclose(sigmoid(math.log(9)), int(match[2]) / 100)
    assert rounds_to(match[3], 2 * math.log(9))
    # The sweep, read from the script's own two lines (running it would build
    # the animation).
    source = GENERALIZED.read_text(encoding="utf-8")
    lines = [
        line for line in source.splitlines() if line.startswith(("up =", "sweep ="))
    ]
    namespace: dict[str, Any] = {"np": np}
    exec("\n".join(lines), namespace)  # noqa: S102 (the script's own code)
    up, sweep = namespace["up"], namespace["sweep"]
    match = claim(
        GENERALIZED,
        r"sweeps :math:`k` from 1/(\d+) to (\d+) and back, on a logarithmic",
    )
    assert math.isclose(up[0], 1 / int(match[1]))
    assert math.isclose(up[-1], int(match[2]))
    assert np.allclose(np.diff(np.log(up)), np.log(up[1] / up[0]))
    frames = re.search(r"# there and back: (\d+) frames", source)
    assert frames
    assert len(sweep) == int(frames[1])
    assert np.array_equal(sweep[len(up) :], up[-2:0:-1])


def test_higher_derivative_zeros_and_values() -> None:
    root = 2 * mp.acosh(mp.sqrt(mp.mpf(3) / 2))
    assert abs(root - mp.log(2 + mp.sqrt(3))) < mp.mpf(10) ** -40

    def mp_sigma(x: Any) -> Any:
        return 1 / (1 + mp.exp(-x))

    assert abs(mp.diff(mp_sigma, root, 3)) < mp.mpf(10) ** -40
    match = claim(HIGHER, r"= \\pm \\ln\(2 \+ \\sqrt\{3\}\) \\approx \\pm (\d\.\d+)")
    assert rounds_to(match[1], float(root))
    match = claim(HIGHER, r"\(squares, :math:`x = \\pm (\d\.\d+)`\)")
    assert rounds_to(match[1], float(root))
    claim(HIGHER, r"with height exactly :math:`1/6` there")
    assert abs(mp.diff(mp_sigma, root) - mp.mpf(1) / 6) < mp.mpf(10) ** -40
    claim(HIGHER, r"largest in magnitude there, :math:`\\sqrt\{3\}/18`")
    assert abs(abs(mp.diff(mp_sigma, root, 2)) - mp.sqrt(3) / 18) < mp.mpf(10) ** -40


# -- Numerics -----------------------------------------------------------------

STABILITY = EXAMPLES / "numerics" / "plot_numerical_stability.py"
SIGMOID_ULP = EXAMPLES / "numerics" / "plot_sigmoid_ulp.py"
DERIVATIVE_ULP = EXAMPLES / "numerics" / "plot_derivative_ulp.py"
BIG_ARRAYS_CHUNKS = EXAMPLES / "numerics" / "plot_big_arrays_chunks.py"
CROSS_ENTROPY = EXAMPLES / "numerics" / "plot_log_sigmoid_cross_entropy.py"
BIG_ARRAYS = EXAMPLES / "numerics" / "plot_big_arrays.py"


def test_stability_thresholds_match_the_bisection() -> None:
    run = run_example(STABILITY)
    thresholds = run["thresholds"]
    f32, f64 = thresholds[np.float32], thresholds[np.float64]
    match = claim(
        STABILITY,
        r":math:`\\log\(([\d.]+) \\times 10\^\{(\d+)\}\) = ([\d.]+)` in float32 and "
        r":math:`\\log\(([\d.]+) \\times 10\^\{(\d+)\}\) = ([\d.]+)` in float64",
    )
    for (mantissa, exponent, log), dtype, t in (
        (match.group(1, 2, 3), np.float32, f32),
        (match.group(4, 5, 6), np.float64, f64),
    ):
        largest = float(np.finfo(dtype).max)
        assert rounds_to(mantissa, largest / 10.0 ** int(exponent))
        assert rounds_to(log, math.log(largest))
        assert rounds_to(log, -t["overflow"])
        assert rounds_to(log, t["nan"])
    match = claim(STABILITY, r"subnormal`\) float down to (-[\d.]+) and\s+(-[\d.]+),")
    assert rounds_to(match[1], f32["underflow"])
    assert rounds_to(match[2], f64["underflow"])
    match = claim(
        STABILITY, r"is a normal number up to :math:`x = ([\d.]+)` or :math:`([\d.]+)`"
    )
    assert rounds_to(match[1], -math.log(np.finfo(np.float32).smallest_normal))
    assert rounds_to(match[2], -math.log(np.finfo(np.float64).smallest_normal))
    claim(
        STABILITY, r"The printed :math:`p \\ln 2` matches the bisection to every digit"
    )
    for dtype, t in ((np.float32, f32), (np.float64, f64)):
        bits = np.finfo(dtype).nmant + 1
        assert f"{t['collapse']:.4f}" == f"{bits * math.log(2):.4f}"
    match = claim(STABILITY, r"From :math:`x = p \\ln 2` on \(([\d.]+) in float64\)")
    assert rounds_to(match[1], f64["collapse"])
    match = claim(STABILITY, r"up to :math:`\(p \+ 1\) \\ln 2`,\s+([\d.]+) in float64")
    assert rounds_to(match[1], 54 * math.log(2))
    _assert_correctly_rounded_sigma_reaches_one_at_54_ln_2()


def test_stability_cosh_overflow_point() -> None:
    match = claim(
        DERIVATIVE_ULP,
        r"where :math:`\\cosh x` overflows\s+\(:math:`\|x\| > ([\d.]+)`\)",
    )
    low, high = 700.0, 720.0  # np.cosh(low) is finite, np.cosh(high) is inf
    with np.errstate(over="ignore"):
        while np.nextafter(low, high) < high:
            middle = (low + high) / 2
            low, high = (
                (middle, high) if np.isfinite(np.cosh(middle)) else (low, middle)
            )
    assert rounds_to(match[1], low)


def _largest_errors(printed: str, block: str, label: str) -> tuple[float, float]:
    """The '|x| <= 10' and 'all x' maxima that an error block prints for label."""
    found = re.search(
        rf"{re.escape(block)}.*?{re.escape(label)}\s+\|x\| <= 10:\s+(\S+)\s+"
        r"all x:\s+([^\s,]+)",
        printed,
        re.DOTALL,
    )
    assert found, (block, label)
    return float(found[1]), float(found[2])


def test_stability_error_sizes_match_the_printed_maxima() -> None:
    printed = run_example(SIGMOID_ULP)["printed"]
    naive = "1/(1+exp(-x))"
    middle32, all32 = _largest_errors(printed, "float32, sigmoid", naive)
    middle64, all64 = _largest_errors(printed, "float64, sigmoid", naive)
    match = claim(
        SIGMOID_ULP,
        r"up to\s+about :math:`(\d) \\times 10\^(\d)` ULPs in float32 and "
        r":math:`10\^\{(\d+)\}` in float64\s+\(the printed maxima\)",
    )
    assert round(all32 / 10 ** int(match[2])) == int(match[1])
    assert round(math.log10(all64)) == int(match[3])
    claim(
        SIGMOID_ULP,
        r"the naive formula is off by one or two ULPs \(the\s+printed maxima\)",
    )
    for value in (middle32, middle64):
        assert 1 <= value < 2.5
    claim(
        SIGMOID_ULP, r"That keeps every float32 point under the dotted\s+0\.5 ULP line"
    )
    assert (
        max(_largest_errors(printed, "float32, sigmoid", "sigmoid (this package)"))
        <= 0.5
    )


def test_cross_entropy_thresholds() -> None:
    run = run_example(CROSS_ENTROPY)
    edges = run["edges"]
    f32, f64 = edges[np.float32], edges[np.float64]
    ln2 = math.log(2)
    match = claim(
        CROSS_ENTROPY,
        r"floats below 1, :math:`2\^\{-(\d+)\}` in float32, that is from\s+"
        r":math:`z = (\d+) \\ln 2`; ``sigmoid`` rounds float32 results correctly",
    )
    one32 = np.float32(1)
    assert (one32 - np.nextafter(one32, np.float32(0))) / 2 == 2.0 ** -int(match[1])
    assert int(match[2]) == int(match[1])
    assert abs(f32["one"] - int(match[2]) * ln2) < 2 * np.spacing(np.float32(17))
    match = claim(
        CROSS_ENTROPY,
        r"they reach 1 a little sooner, from :math:`z = (\d+) \\ln 2`, where\s+"
        r":math:`1 \+ e\^\{-z\}` rounds to 1",
    )
    assert abs(f64["one"] - int(match[1]) * ln2) < 1e-12
    # Correctly rounded, sigma would still be below 1 half a binade later.
    later = mp.mpf(int(match[1]) + 0.5) * mp.log(2)
    assert float(1 / (1 + mp.exp(-later))) < 1
    claim(CROSS_ENTROPY, r"and :math:`1 - p` rounds to 1 once :math:`p` is less than")
    for dtype, t in ((np.float32, f32), (np.float64, f64)):
        bits = np.finfo(dtype).nmant + 1  # half the spacing below 1 is 2**-bits-1
        assert abs(t["lost"] + (bits + 1) * ln2) < 1e-5
        smallest = float(np.finfo(dtype).smallest_subnormal)
        assert abs(t["zero"] - (math.log(smallest) - ln2)) < 1e-5
    match = claim(
        CROSS_ENTROPY,
        r"below\s+the printed (-[\d.]+) in float32 or (-[\d.]+) in float64",
    )
    assert rounds_to(match[1], f32["zero"])
    assert rounds_to(match[2], f64["zero"])
    match = claim(
        CROSS_ENTROPY,
        r"a logit of ([\d.]+) in float32 \(([\d.]+) in float64, where\s+"
        r":math:`1 \+ e\^\{-z\}` rounds to 1; a correctly rounded :math:`p` would "
        r"hold out\s+to ([\d.]+)\)",
    )
    assert rounds_to(match[1], f32["one"])
    assert rounds_to(match[2], f64["one"])
    assert rounds_to(match[3], 54 * ln2)
    _assert_correctly_rounded_sigma_reaches_one_at_54_ln_2()


def test_cross_entropy_table_claims() -> None:
    def losses(z: float) -> tuple[float, float]:
        """Label 0 in float32: from the probability and from the logit."""
        p = sigmoid(np.float32(z))
        with np.errstate(divide="ignore"):
            from_p = float(-np.log(1 - p))
        return from_p, float(-log_sigmoid(-np.float32(z)))

    match = claim(
        CROSS_ENTROPY, r"already at :math:`z = (\d+)` only (\w+) digits are right"
    )
    from_p, from_z = losses(float(match[1]))
    digits = -math.log10(abs(from_p - from_z) / from_z)
    assert math.floor(digits) == {"four": 4}[match[2]]
    match = claim(
        CROSS_ENTROPY, r"at :math:`z = (\d+)` the\s+loss is ([\d.]+) instead of (\d+)"
    )
    from_p, from_z = losses(float(match[1]))
    assert rounds_to(match[2], from_p)
    assert round(from_z) == int(match[3])
    match = claim(
        CROSS_ENTROPY, r"from :math:`z = (\d+)` it is infinite with a NaN\s+gradient"
    )
    assert math.isinf(losses(float(match[1]))[0])
    assert math.isfinite(losses(float(match[1]) - 1)[0])
    p = sigmoid(np.float32(match[1]))
    with np.errstate(invalid="ignore"):
        assert np.isnan(p * (1 - p) / (1 - p))
    claim(CROSS_ENTROPY, r"the unused term is :math:`0 \\cdot \\infty =")
    assert "one-line probability form nan" in run_example(CROSS_ENTROPY)["printed"]


def test_big_arrays_memory_claims() -> None:
    run = run_example(BIG_ARRAYS)
    memory, x, mib = run["memory"], run["x"], run["MIB"]
    ways = list(run["WAYS"])
    match = claim(
        BIG_ARRAYS,
        r"A new float64 result takes (\d+) bytes per element, a float32 one (\d+)",
    )
    assert int(match[1]) == x["float64"].itemsize
    assert int(match[2]) == x["float32"].itemsize
    claim(BIG_ARRAYS, r"the package needs only a megabyte or two of\s+scratch buffers")
    for name in ("float64", "float32"):
        for way in ("out=buffer", "in place, out=x"):
            assert memory[name][ways.index(way)] <= 2.5
        full = x[name].nbytes / mib
        claim(BIG_ARRAYS, r"``out=x`` needs no second\s+array at all")
        assert memory[name][ways.index("in place, out=x")] < 0.5 * full
        claim(BIG_ARRAYS, r"its measured peak is two full-size arrays")
        assert abs(memory[name][ways.index("naive formula")] / full - 2) < 0.1


def test_chunk_loop_writes_into_slices_and_memmaps(tmp_path: Path) -> None:
    claim(
        BIG_ARRAYS_CHUNKS,
        r"``out=`` accepts any slice of a contiguous array, so a loop over chunks",
    )
    claim(BIG_ARRAYS_CHUNKS, r"The same loop works on a ``np\.memmap``")
    values = np.linspace(-50, 50, 10_001)
    inputs = np.memmap(tmp_path / "x", dtype=np.float64, mode="w+", shape=values.shape)
    inputs[:] = values
    result = np.memmap(tmp_path / "y", dtype=np.float64, mode="w+", shape=values.shape)
    chunk = 3_000
    for start in range(0, values.size, chunk):
        sigmoid(inputs[start : start + chunk], out=result[start : start + chunk])
    assert np.array_equal(np.asarray(result), sigmoid(values))
    strided = np.zeros(2 * values.size)
    sigmoid(values, out=strided[::2])
    assert np.array_equal(strided[::2], sigmoid(values))


# -- Explore ------------------------------------------------------------------

EXPLORE = DOCS / "explore.md"


def _explorer_sigmoid(z: float) -> float:
    """plot_common.js's sigmoid(z), which explore.js uses, in Python's IEEE doubles."""
    e = math.exp(-abs(z))
    return 1 / (1 + e) if z >= 0 else e / (1 + e)


def _explorer_derivative(z: float) -> float:
    e = math.exp(-abs(z))
    return e / ((1 + e) * (1 + e))


def _explorer_format(value: float) -> str:
    """explore.js's format(): String(parseFloat(value.toPrecision(10)))."""
    text = repr(float(f"{value:.10g}"))
    return text.removesuffix(".0")


def test_explorer_static_readout_is_what_the_script_shows() -> None:
    page = EXPLORE.read_text(encoding="utf-8")

    def attribute(element_id: str, name: str) -> str:
        found = re.search(
            rf'id="{element_id}"[^>]*?\b{name}="([^"]+)"', page, re.DOTALL
        )
        assert found, element_id
        return found[1]

    def readout(element_id: str) -> str:
        found = re.search(rf'id="{element_id}">([^<]+)<', page)
        assert found, element_id
        return found[1]

    x = float(attribute("explorer-x", "value"))
    k = float(attribute("explorer-steepness", "value"))
    x0 = float(attribute("explorer-midpoint", "value"))
    maximum = float(attribute("explorer-maximum", "value"))
    z = k * (x - x0)
    s = 1 / (1 + math.exp(-z))
    assert readout("explorer-z") == _explorer_format(z)
    assert readout("explorer-value") == _explorer_format(maximum * _explorer_sigmoid(z))
    assert readout("explorer-slope") == _explorer_format(
        maximum * k * _explorer_derivative(z)
    )
    assert readout("explorer-naive") == _explorer_format(maximum * k * s * (1 - s))
    claim(EXPLORE, r"shows up to ten significant digits")


def test_explorer_formulas_agree_with_the_package() -> None:
    claim(
        EXPLORE,
        r"they neither overflow nor cancel, and they agree with the package to far "
        r"more than the digits shown",
    )
    z = np.concatenate([np.linspace(-800, 800, 16_001), np.geomspace(1e-300, 1, 301)])
    z = np.concatenate([z, -z])
    js_value = np.array([_explorer_sigmoid(float(v)) for v in z])
    js_slope = np.array([_explorer_derivative(float(v)) for v in z])
    tiny = np.finfo(np.float64).smallest_normal
    np.testing.assert_allclose(js_value, sigmoid(z), rtol=1e-13, atol=tiny)
    np.testing.assert_allclose(js_slope, sigmoid_derivative(z), rtol=1e-13, atol=tiny)


def test_explorer_naive_collapse() -> None:
    match = claim(
        EXPLORE,
        r"type \{math\}`x = (\d+)` and it collapses to zero\. From "
        r"\{math\}`z = (\d+) \\ln 2 \\approx ([\d.]+)`, \{math\}`1 \+ e\^\{-z\}` rounds "
        r"to 1 in double precision, so the textbook \{math\}`\\sigma\(z\)` returns "
        r"exactly 1 and \{math\}`1 - \\sigma\(z\)` is 0, while the stable formula "
        r"still gives about \{math\}`([\d.]+) \\times 10\^\{(-\d+)\}`",
    )
    x = float(match[1])
    s = 1 / (1 + math.exp(-x))
    assert s * (1 - s) == 0
    # Where 1 / (1 + e^-z) first rounds to 1: 1 + e^-z rounds to 1 there.
    low, high = 30.0, 40.0
    while np.nextafter(low, high) < high:
        middle = (low + high) / 2
        low, high = (middle, high) if 1 / (1 + math.exp(-middle)) < 1 else (low, middle)
    assert 1 + math.exp(-high) == 1
    assert rounds_to(match[3], high)
    assert rounds_to(match[3], int(match[2]) * math.log(2))
    assert rounds_to(match[4], _explorer_derivative(x) / 10.0 ** int(match[5]))
    match = claim(
        EXPLORE,
        r"The correctly rounded \{math\}`\\sigma\(z\)` stays below 1 a little longer, "
        r"until \{math\}`z = (\d+) \\ln 2 \\approx ([\d.]+)`",
    )
    threshold = int(match[1]) * math.log(2)
    assert rounds_to(match[2], threshold)
    with mp.workdps(50):
        # sigma(z) rounds to 1 once 1 - sigma(z) = sigma(-z) is at most half an
        # ULP below 1, 2**-54 (a tie rounds to even, to 1).
        def correctly_rounded(z: float) -> float:
            return float(1 / (1 + mp.exp(-mp.mpf(z))))

        assert correctly_rounded(np.nextafter(threshold, 0)) < 1
        assert correctly_rounded(threshold + 1e-12) == 1
        assert correctly_rounded(37.0) == 0.9999999999999999


# -- What to use in practice --------------------------------------------------

PRACTICE = DOCS / "practice.md"
PRACTICE_SCORES = [-1000.0, -2.0, 0.0, 2.0, 1000.0]
PRACTICE_LABELS = [0.0, 0.0, 1.0, 1.0, 0.0]


def _cross_entropy_terms() -> list[Any]:
    def mp_log_sigmoid(x: Any) -> Any:
        return -mp.log1p(mp.exp(-x))

    return [
        -(y * mp_log_sigmoid(mp.mpf(x)) + (1 - y) * mp_log_sigmoid(-mp.mpf(x)))
        for x, y in zip(PRACTICE_SCORES, PRACTICE_LABELS, strict=True)
    ]


def test_practice_loss_numbers() -> None:
    scipy_special = pytest.importorskip("scipy.special")
    terms = _cross_entropy_terms()
    match = claim(
        PRACTICE,
        r"The last score, (\d+) for a label of (\d), is badly wrong; its term of the "
        r"loss is (\d+), so the mean is about ([\d.]+)",
    )
    assert (float(match[1]), float(match[2])) == (
        PRACTICE_SCORES[-1],
        PRACTICE_LABELS[-1],
    )
    assert round(float(terms[-1])) == int(match[3])
    mean = float(mp.fsum(terms) / len(terms))
    assert rounds_to(match[4], mean)
    match = claim(
        PRACTICE,
        r"clamps each logarithm at \N{MINUS SIGN}(\d+), so here it reports about ([\d.]+) "
        r"instead of ([\d.]+)\.",
    )
    clamped = [min(term, int(match[1])) for term in terms]
    assert rounds_to(match[2], float(mp.fsum(clamped) / len(clamped)))
    assert rounds_to(match[3], mean)
    match = claim(
        PRACTICE,
        r"which in \{term\}`float64` happens from \$x \\approx ([\d.]+)\$ \(there "
        r"\$1 \+ e\^\{-x\}\$ rounds to 1, and NumPy, SciPy and this package all "
        r"return 1\)",
    )
    # 1 + e^-x rounds to 1 from 53 ln 2; bisect for the first x where each
    # formula returns 1.
    assert rounds_to(match[1], float(53 * mp.log(2)))
    for f in (lambda x: 1 / (1 + np.exp(-x)), sigmoid, scipy_special.expit):
        low, high = 30.0, 40.0
        while np.nextafter(low, high) < high:
            middle = (low + high) / 2
            low, high = (middle, high) if f(middle) < 1 else (low, middle)
        assert rounds_to(match[1], high)


def test_scipy_sigmoids_never_warn_and_stay_finite() -> None:
    scipy_special = pytest.importorskip("scipy.special")
    claim(
        PRACTICE,
        r"`expit` and `log_expit` are \{term\}`ufuncs <ufunc>` that never warn and return no "
        r"infinity or NaN for a finite score",
    )
    for dtype in (np.float16, np.float32, np.float64):
        info = np.finfo(dtype)
        x = np.concatenate(
            [np.linspace(-1000, 1000, 20_001), [info.min, info.max, -info.tiny, 0.0]]
        ).astype(dtype)
        for f in (scipy_special.expit, scipy_special.log_expit):
            assert isinstance(f, np.ufunc)
            with np.errstate(all="raise"):
                assert np.all(np.isfinite(f(x))), (f, dtype)
    claim(PRACTICE, r"`log_expit` keeps the tail that\s+`np\.log\(expit\(x\)\)` turns")
    assert scipy_special.log_expit(-1000.0) == -1000.0
    with np.errstate(divide="ignore"):
        assert np.log(scipy_special.expit(-1000.0)) == -np.inf


def test_sigmoid_keeps_the_tail_that_expit_returns_as_zero() -> None:
    scipy_special = pytest.importorskip("scipy.special")
    match = claim(
        PRACTICE,
        r"`sigmoid`\s+keeps the \{term\}`subnormal` tail below \$x = -([\d.]+)\$ that `expit` "
        r"returns as 0",
    )
    edge = math.log(np.finfo(np.float64).max)
    assert rounds_to(match[1], edge)
    x = np.linspace(-745, -edge - 1e-9, 1001)
    assert np.all(scipy_special.expit(x) == 0)
    assert np.all(sigmoid(x) > 0)
    assert scipy_special.expit(-edge + 1e-9) > 0


# -- Accuracy and speed -------------------------------------------------------

ACCURACY_AND_SPEED = DOCS / "accuracy_and_speed.md"
RESULTS = ROOT / "benchmarks" / "results"


def _results_table(name: str) -> list[dict[str, str]]:
    """The rows of the table in benchmarks/results/<name>, keyed by its header."""
    lines = (RESULTS / name).read_text(encoding="utf-8").splitlines()
    header, _rule, *rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in lines
        if line.startswith("|")
    ]
    return [dict(zip(header, row, strict=True)) for row in rows]


def _speed_row(function: str, dtype: str, n: str, implementation: str) -> float:
    """ns/element of one row of benchmarks/results/speed.md."""
    key = {
        "function": function,
        "dtype": dtype,
        "n": n,
        "implementation": implementation,
    }
    times = [
        float(row["ns/element"])
        for row in _results_table("speed.md")
        if key.items() <= row.items()
    ]
    assert len(times) == 1, key
    return times[0]


def test_readme_speed_figures_are_the_measured_tables() -> None:
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    match = re.search(
        r"it took ([\d.]+) times expit's time in float64 and ([\d.]+) in float32; "
        r"on the same machine with NumPy's AVX-512 code turned off, as on a "
        r"machine without it, ([\d.]+) and ([\d.]+)\.",
        text,
    )
    assert match

    def ratio(table: str, dtype: str) -> float:
        key = {"function": "sigmoid", "dtype": dtype, "n": "1e+07"}
        found = [
            float(row["ratio"])
            for row in _results_table(table)
            if key.items() <= row.items() and row["implementation"] == "**sigmoid**"
        ]
        assert len(found) == 1
        return found[0]

    quoted = [float(match[i]) for i in range(1, 5)]
    measured = [
        ratio(table, dtype)
        for table in ("speed.md", "speed-without-avx512.md")
        for dtype in ("float64", "float32")
    ]
    assert quoted == [round(m, 2) for m in measured]
    # the second table is the run with AVX-512 turned off
    first_line = (RESULTS / "speed-without-avx512.md").read_text().splitlines()[0]
    assert "AVX512" not in first_line


def test_run_times_quoted_for_the_benchmarks() -> None:
    match = claim(
        ACCURACY_AND_SPEED,
        r"nox -s accuracy # every float32 input, 8 functions and settings: about (\d+) "
        r"minutes nox -s bench # under a minute nox -s costs # under a minute",
    )
    accuracy = re.search(r" in (\d+) s ", (RESULTS / "accuracy.md").read_text())
    speed = re.search(r" in (\d+) s ", (RESULTS / "speed.md").read_text())
    costs = re.search(r" in (\d+) s ", (RESULTS / "costs.md").read_text())
    assert accuracy
    assert speed
    assert costs
    assert abs(int(accuracy[1]) / 60 - int(match[1])) <= 0.15 * int(match[1])
    assert int(speed[1]) < 60
    assert int(costs[1]) < 60


def test_accuracy_bounds_are_the_ones_the_run_enforces() -> None:
    claim(
        ACCURACY_AND_SPEED,
        r"A row's bound is the largest error `nox -s accuracy` accepts: the run "
        r"fails if the row exceeds it",
    )
    source = (ROOT / "benchmarks" / "accuracy.py").read_text(encoding="utf-8")
    bounds = next(
        ast.literal_eval(node.value)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "BOUNDS"
        and node.value is not None
    )
    # accuracy.py gives bfloat16 the float16 bounds, in a BOUNDS.update after it
    assert 'BOUNDS.update(\n    {(f, "bfloat16"): b for (f, d), b in' in source
    bounds.update(
        {(f, "bfloat16"): b for (f, d), b in bounds.items() if d == "float16"}
    )
    rows = [
        row
        for row in _results_table("accuracy.md")
        if row["implementation"] == "**this package**"
    ]
    assert rows
    for row in rows:
        key = (row["function"], row["dtype"])
        expected = bounds[key]
        assert (float(row["bound"]) if row["bound"] else None) == expected, key
        if expected is not None:
            assert float(row["max ULP"]) <= expected


def test_pytorch_rows_are_optional_in_the_bench_session() -> None:
    claim(
        ACCURACY_AND_SPEED,
        r"PyTorch \(where it is installed; `nox -s bench` does not install it\)",
    )
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    bench = re.search(r"^bench = \[([^\]]*)\]", pyproject, re.MULTILINE)
    assert bench
    assert re.findall(r'"([^"]+)"', bench[1])
    assert "torch" not in bench[1]


def test_naive_formula_slows_down_out_of_cache() -> None:
    match = claim(
        HOW_IT_IS_COMPUTED,
        r"the naive formula takes more than twice as long per element at "
        r"\$10\^(\d)\$ float64 elements, out of cache, as at \$10\^(\d)\$",
    )
    naive = "naive 1/(1+exp(-x))"
    large = _speed_row("sigmoid", "float64", f"1e+{int(match[1]):02d}", naive)
    small = _speed_row("sigmoid", "float64", f"1e+{int(match[2]):02d}", naive)
    assert large > 2 * small


# -- The gradient-through-depth lab on the explore page -----------------------

LAB_JS = DOCS / "_static" / "lab_model.js"


def test_lab_script_and_reference_share_their_constants() -> None:
    from lab_reference import BATCH, MAX_DEPTH, SEED

    script = LAB_JS.read_text(encoding="utf-8")
    for name, value in [("SEED", SEED), ("BATCH", BATCH), ("MAX_DEPTH", MAX_DEPTH)]:
        assert re.search(rf"var {name} = {value};", script), name
    match = claim(EXPLORE, r"runs one batch of (\d+) inputs forward and back")
    assert int(match[1]) == BATCH


SUPERSCRIPT_DIGITS = str.maketrans(
    "\N{SUPERSCRIPT ZERO}\N{SUPERSCRIPT ONE}\N{SUPERSCRIPT TWO}"
    "\N{SUPERSCRIPT THREE}\N{SUPERSCRIPT FOUR}\N{SUPERSCRIPT FIVE}"
    "\N{SUPERSCRIPT SIX}\N{SUPERSCRIPT SEVEN}\N{SUPERSCRIPT EIGHT}"
    "\N{SUPERSCRIPT NINE}",
    "0123456789",
)


def _lab_ratio(result: Any) -> float:
    norms = result.weight_gradient_norms
    return float(norms[0] / norms[-1])


def _lab_spread(result: Any) -> float:
    """The largest factor between any layer's gradient norm and the last layer's."""
    relative = result.weight_gradient_norms / result.weight_gradient_norms[-1]
    return float(max(relative.max(), 1 / relative.min()))


def _lab_presets() -> dict[str, tuple[dict[str, str], str]]:
    """The page's experiments: label -> (setting, caption)."""
    page = EXPLORE.read_text(encoding="utf-8")
    found = re.findall(r'data-preset="([^"]+)"\s+data-caption="([^"]+)">([^<]+)<', page)
    presets = {}
    for setting, caption, label in found:
        pairs = dict(part.split("=") for part in setting.split("&amp;"))
        presets[label] = (pairs, caption)
    return presets


def _lab_run(setting: dict[str, str]) -> Any:
    from lab_reference import gradient_lab

    return gradient_lab(
        setting.get("act", "sigmoid"),
        int(setting.get("depth", "15")),
        int(setting.get("width", "48")),
        setting.get("init", "glorot"),
        float(setting.get("gain", "1")),
    )


def test_lab_prose_matches_the_reference() -> None:
    from lab_reference import gradient_lab

    run = run_example(VANISHING)
    match = claim(
        EXPLORE,
        r"Start with the sigmoid at depth (\d+) and width (\d+), the size of the "
        r"gallery's network: the first layer's gradient is a few hundred million "
        r"times smaller than the last layer's, as in the gallery",
    )
    depth, width = int(match[1]), int(match[2])
    assert (depth, width) == (run["depth"], run["width"])
    page = EXPLORE.read_text(encoding="utf-8")
    assert (
        f'id="lab-depth" name="depth" min="1" max="30" step="1" value="{depth}"' in page
    )
    assert f'step="16" value="{width}"' in page
    assert 1e8 <= 1 / _lab_ratio(gradient_lab("sigmoid", depth, width)) < 1e9
    assert 1e8 <= 1 / run["relative"]["sigmoid"][0] < 1e9
    # The figure shown without JavaScript, and its description.
    claim(EXPLORE, r"the sigmoid at depth 15, width 48, Glorot initialisation")
    match = claim(
        EXPLORE,
        r"from about ([\d.]+) at the last layer it falls steadily to about "
        r"(\d) \N{MULTIPLICATION SIGN} 10\N{SUPERSCRIPT MINUS}(\S+) at the first",
    )
    exponent = int(match[3].translate(SUPERSCRIPT_DIGITS))
    first = gradient_lab("sigmoid", depth, width).weight_gradient_norms
    assert rounds_to(match[1], float(first[-1]))
    assert rounds_to(match[2], float(first[0]) * 10**exponent)


def test_lab_presets_are_what_their_captions_say() -> None:
    presets = _lab_presets()
    assert list(presets) == [
        "sigmoid, depth 20: vanishes",
        "ReLU + He: stays healthy",
        "ReLU + He, gain 4: explodes",
        "tanh + Glorot",
        "sigmoid + He, gain 4: saturates",
    ]
    vanishes = _lab_run(presets["sigmoid, depth 20: vanishes"][0])
    assert presets["sigmoid, depth 20: vanishes"][1].startswith(
        "\N{GREEK SMALL LETTER SIGMA}\N{PRIME} is at most 1/4"
    )
    assert vanishes.backward_gain.max() < 0.25
    assert _lab_ratio(vanishes) < 1e-11

    healthy = _lab_run(presets["ReLU + He: stays healthy"][0])
    assert _lab_spread(healthy) < 5
    assert healthy.weight_gradient_norms.min() > 0.1
    assert healthy.weight_gradient_norms.max() < 1

    setting, caption = presets["ReLU + He, gain 4: explodes"]
    assert setting == presets["ReLU + He: stays healthy"][0] | {"gain": "4"}
    assert "multiplies the gradient by about 4" in caption
    explodes = _lab_run(setting)
    assert np.all(np.abs(explodes.backward_gain - 4) < 0.7)
    assert explodes.weight_gradient_norms.min() > 1e30

    setting, caption = presets["tanh + Glorot"]
    assert (
        "within a factor of 5 of the last layer\N{RIGHT SINGLE QUOTATION MARK}s"
        in caption
    )
    assert _lab_spread(_lab_run(setting)) < 5

    setting, caption = presets["sigmoid + He, gain 4: saturates"]
    assert "saturate a fifth of the units" in caption
    assert 0.15 < _lab_run(setting).saturated < 0.25


def test_lab_explanation_matches_the_reference() -> None:
    from lab_reference import gradient_lab

    presets = _lab_presets()
    vanishes = _lab_run(presets["sigmoid, depth 20: vanishes"][0])
    match = claim(
        EXPLORE,
        r"its units' mean slope is about ([\d.]+) in every layer, so each layer "
        r"multiplies the gradient by about ([\d.]+) on its way back",
    )
    # Every layer but the first, whose inputs are not sigmoid outputs.
    assert np.all(np.abs(vanishes.mean_slope[1:] - float(match[1])) < 0.01)
    assert np.all(np.abs(vanishes.backward_gain[1:] - float(match[2])) < 0.01)
    match = claim(
        EXPLORE,
        r"Over the (\d+) layers between the last and the first that is "
        r"\{math\}`([\d.]+)\^\{(\d+)\} \\approx 10\^\{(-\d+)\}`: the line falls more "
        r"than (\d+) decades from the last layer to the first\. Not one unit is "
        r"\{term\}`saturated`",
    )
    assert int(match[1]) == int(match[3]) == len(vanishes.mean_slope) - 1
    assert round(math.log10(float(match[2]) ** int(match[3]))) == int(match[4])
    assert round(math.log10(np.prod(vanishes.backward_gain[1:]))) == int(match[4])
    assert -math.log10(_lab_ratio(vanishes)) > int(match[5])
    assert vanishes.saturated == 0

    claim(EXPLORE, r"Half of the ReLU units are flat at 0 whatever you choose")
    for init in ("glorot", "he"):
        for gain in (0.25, 1.0, 4.0):
            result = gradient_lab("relu", 20, 48, init=init, gain=gain)
            assert 0.45 < result.saturated < 0.55
    match = claim(
        EXPLORE,
        r"a backward gain of about (\d)\. Every layer's gradient stays within a "
        r"factor of (\d) of the last layer's, at depth (\d+) and (\d+), with "
        r"Glorot's weights as with He's; but with Glorot's the gain is about ([\d.]+)",
    )
    for depth in (int(match[3]), int(match[4])):
        he = gradient_lab("relu", depth, 48, init="he")
        glorot = gradient_lab("relu", depth, 48, init="glorot")
        assert abs(np.median(he.backward_gain) - int(match[1])) < 0.05
        assert abs(np.median(glorot.backward_gain) - float(match[5])) < 0.05
        assert _lab_spread(he) < int(match[2])
        assert _lab_spread(glorot) < int(match[2])

    match = claim(
        EXPLORE,
        r"Weights (\d) times larger make every layer multiply the gradient by about "
        r"(\d) \(\{term\}`gain`\): at depth (\d+) the whole line sits near "
        r"\{math\}`10\^\{(\d+)\}`",
    )
    explodes = gradient_lab("relu", int(match[3]), 48, init="he", gain=float(match[1]))
    assert np.all(np.abs(explodes.backward_gain - int(match[2])) < 0.7)
    assert np.all(
        np.abs(np.log10(explodes.weight_gradient_norms) - int(match[4])) < 0.5
    )

    match = claim(
        EXPLORE,
        r"its units' mean slope rises to about ([\d.]+) in the deeper layers, and "
        r"every layer's gradient stays within a factor of (\d) of the last",
    )
    tanh = _lab_run(presets["tanh + Glorot"][0])
    assert np.all(np.abs(tanh.mean_slope[10:] - float(match[1])) < 0.01)
    assert _lab_spread(tanh) < int(match[2])

    match = claim(
        EXPLORE,
        r"the first layer's gradient comes within a factor of (\d+) of the last's\), "
        r"but they push about a fifth of the units into saturation, where a sigmoid "
        r"passes back almost nothing, and the backward gain stays below 1 in every "
        r"layer",
    )
    saturates = _lab_run(presets["sigmoid + He, gain 4: saturates"][0])
    assert _lab_ratio(saturates) >= 1 / int(match[1])
    assert 0.15 < saturates.saturated < 0.25
    assert saturates.backward_gain.max() < 1


def test_lab_training_matches_its_description() -> None:
    import lab_training
    from lab_training import train

    script = LAB_JS.read_text(encoding="utf-8")
    for name in (
        "TRAIN_SEED",
        "TRAIN_WIDTH",
        "TRAIN_POINTS",
        "TRAIN_BATCH",
        "LEARNING_RATE",
    ):
        value = getattr(lab_training, name)
        assert re.search(rf"var {name} = {value};", script), name
    match = claim(
        EXPLORE,
        r"The network of your setting, (\d+) units wide, learns to tell apart (\d+) "
        r"points by the sign of .*? (\d+) points a step, learning rate ([\d.]+),",
    )
    assert int(match[1]) == lab_training.TRAIN_WIDTH
    assert int(match[2]) == lab_training.TRAIN_POINTS
    assert int(match[3]) == lab_training.TRAIN_BATCH
    assert float(match[4]) == lab_training.LEARNING_RATE
    page = EXPLORE.read_text(encoding="utf-8")
    assert '<button type="button" id="lab-train-run">Train 300 steps</button>' in page

    match = claim(
        EXPLORE,
        r"With the sigmoid at depth (\d+), (\d+) steps leave the loss at ([\d.]+), no "
        r"better than a coin toss, and the first layer's weights move by about "
        r"\{math\}`10\^\{(-\d+)\}` of their size while the last layer's move by "
        r"about (\d+)%",
    )
    sigmoid = train("sigmoid", int(match[1]), steps=int(match[2]))
    assert rounds_to(match[3], sigmoid.losses[-1])
    assert rounds_to(match[3], math.log(2))
    assert round(math.log10(sigmoid.weight_change[0])) == int(match[4])
    assert round(100 * sigmoid.weight_change[-1]) == int(match[5])
    match = claim(
        EXPLORE,
        r"With ReLU and He at depth (\d+), the same (\d+) steps bring the loss below "
        r"([\d.]+), and every layer's weights move by between (\d+)% and (\d+)% of "
        r"their size",
    )
    relu = train("relu", int(match[1]), init="he", steps=int(match[2]))
    assert relu.losses[-1] < float(match[3])
    assert relu.weight_change.min() > int(match[4]) / 100
    assert relu.weight_change.max() < int(match[5]) / 100


def test_activation_comparison_slopes_at_zero() -> None:
    from lab_reference import ACTIVATIONS

    claim(EXPLORE, r"The sigmoid's is at most \{math\}`1/4`, at 0")
    claim(EXPLORE, r"tanh has the same shape, scaled to slope 1 at 0")
    claim(
        EXPLORE,
        r"\{term\}`GELU` and SiLU are smooth versions of it that start from slope "
        r"\{math\}`1/2` at 0",
    )
    zero = np.array([0.0])
    assert ACTIVATIONS["sigmoid"][1](zero)[0] == 0.25
    assert ACTIVATIONS["tanh"][1](zero)[0] == 1
    assert ACTIVATIONS["silu"][1](zero)[0] == 0.5
    # GELU's derivative Phi(x) + x phi(x) is Phi(0) = 1/2 at 0.
    assert float(mp.ncdf(0)) == 0.5
