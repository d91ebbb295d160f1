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

from sigmoid import _kernels, sigmoid, sigmoid_derivative

mp.mp.dps = 50
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "sigmoid_examples"
PROS_AND_CONS = DOCS / "pros_and_cons.md"
HOW_IT_IS_COMPUTED = DOCS / "how_it_is_computed.md"
VANISHING = EXAMPLES / "pros_and_cons" / "plot_vanishing_gradient.py"
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


# -- The vanishing-gradient example -------------------------------------------


def test_vanishing_gradient_prose_matches_the_network() -> None:
    run = run_example(VANISHING)
    depth, width, batch = run["depth"], run["width"], run["batch"]
    match = claim(VANISHING, r"The network has (\d+) hidden layers of (\d+) units")
    assert (int(match[1]), int(match[2])) == (depth, width)
    match = claim(VANISHING, r"\\sqrt\{1/(\d+)\}` \(Glorot\)")
    assert int(match[1]) == width
    match = claim(VANISHING, r"\\sqrt\{2/(\d+)\}` \(He\)")
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
    claim(VANISHING, r"Every activation part is at most 1/4")
    assert np.max(run["activation_part"]) <= 0.25
    claim(VANISHING, r"The weight parts scatter around 1, and so does their product")
    assert np.all((run["weight_part"] > 0.75) & (run["weight_part"] < 1.33))
    assert 0.75 < np.prod(run["weight_part"]) < 1.33
    claim(VANISHING, r"The input parts are close to 1 except at the first layer")
    assert np.all(np.abs(np.log(run["input_part"][1:])) < np.log(1.25))
    assert run["input_part"][0] > 1.5
    claim(VANISHING, r"step from layer 2 to layer 1 is well above 1/4")
    assert run["factor"][0] > 0.4
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
    assert np.prod(run["activation_part"]) < 1e-6 * np.prod(run["weight_part"])


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
    match = claim(COST_OF_EXP, r"overflows, with a warning, for :math:`x < -([\d.]+)`")
    assert rounds_to(match[1], math.log(np.finfo(np.float64).max))


# -- How it is computed -------------------------------------------------------


def test_block_sizes_and_small_array_threshold() -> None:
    match = claim(
        HOW_IT_IS_COMPUTED,
        r"blocks of ([\d,]+) elements \(([\d,]+) for the float64 log-sigmoid",
    )
    assert int(match[1].replace(",", "")) == _kernels.BLOCK
    assert int(match[2].replace(",", "")) == _kernels._LS_BLOCK
    match = claim(
        HOW_IT_IS_COMPUTED, r"below ([\d,]+) elements, where each ufunc call's overhead"
    )
    assert int(match[1].replace(",", "")) == _kernels.SMALL


def test_log_sigmoid_table_claims() -> None:
    match = claim(
        HOW_IT_IS_COMPUTED, r"split at the nearest point \$j/(\d+)\$ of a grid"
    )
    assert int(match[1]) == _kernels._LS_STEPS
    match = claim(HOW_IT_IS_COMPUTED, r"\\lvert r\\rvert \\le 1/(\d+)\$")
    assert int(match[1]) == 2 * _kernels._LS_STEPS
    match = claim(HOW_IT_IS_COMPUTED, r"a table of ([\d,]+) entries")
    assert int(match[1].replace(",", "")) == len(_kernels._log_sigmoid_tables()[0])


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
        r"2\\operatorname\{arcosh\}\\sqrt\{3/2\} \\approx ([\d.]+)\$",
    )
    root = 2 * mp.acosh(mp.sqrt(mp.mpf(3) / 2))
    assert abs(mp.diff(lambda x: 1 / (1 + mp.exp(-x)), root, 3)) < mp.mpf(10) ** -40
    assert rounds_to(match[1], float(root))
    # The accuracy table the row points to finds its worst input there.
    table = (ROOT / "benchmarks" / "results" / "accuracy.md").read_text()
    row = re.search(
        r"\| sigmoid_derivative order=3 \| float64 \| [^|]+ \| [^|]+ \| "
        r"([^|]+) \| [^|]+ \| ([^|]+) \|",
        table,
    )
    assert row, "no order=3 row in benchmarks/results/accuracy.md"
    assert float(row[1]) > 100  # "the relative error is large"
    assert abs(abs(float(row[2])) - float(root)) < 0.01


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
