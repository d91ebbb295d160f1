"""Correctly rounded float16 and float32 results, and the guard that makes them so.

Run as a script, this file measures what ``_rounding.GUARD`` rests on: the
largest error, in float64 ULPs, of each float64 formula at float32 inputs,
against mpmath (about 400,000 inputs per formula, two minutes)::

    python tests/test_rounding.py
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pytest
from reference import (
    mp_derivative,
    mp_log_sigmoid,
    mp_logit,
    mp_sigmoid,
    reference_rounded,
    ulp_error,
)

from sigmoid import (
    _formulas,
    generalized_logistic,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_derivative,
)
from sigmoid._blocks import run
from sigmoid._rounding import (
    GUARD,
    exact_derivatives,
    exact_log_sigmoid,
    exact_logit,
    exact_sigmoid,
)

X0 = 1.3169578969248168  # log(2 + sqrt 3), where sigma''' is 0


class Case(NamedTuple):
    function: Callable[..., Any]  # the public function
    formula: Callable[[Any], None]  # its float64 formula for float16/float32
    exact: Callable[..., Any]  # its exact fallback
    reference: Callable[[Any], Any]  # mpmath
    domain: tuple[float, float]  # float32 inputs whose results are not fixed
    hard: list[float]  # points next to which inputs are hardest
    # The largest error of the float64 formula at float32 inputs, in float64
    # ULPs, that ``python tests/test_rounding.py`` finds (quoted beside GUARD).
    largest: float


def _order(k: int) -> Callable[[Any], Any]:
    return lambda x: sigmoid_derivative(x, order=k)


def _mp_order(k: int) -> Callable[[Any], Any]:
    return lambda x: mp_derivative(x, k)


CASES = {
    "sigmoid": Case(
        sigmoid, _formulas.sigmoid, exact_sigmoid, mp_sigmoid,
        (-104.0, 17.4), [0.0], 2.1,
    ),
    "sigma'": Case(
        _order(1), _formulas.derivative1, exact_derivatives[1], _mp_order(1),
        (-104.0, 104.0), [0.0], 2.3,
    ),
    "sigma''": Case(
        _order(2), _formulas.derivative2, exact_derivatives[2], _mp_order(2),
        (-104.0, 104.0), [0.0], 2.8,
    ),
    "sigma'''": Case(
        _order(3), _formulas.derivative3, exact_derivatives[3], _mp_order(3),
        (-104.0, 104.0), [X0], 6.6,
    ),
    "log_sigmoid": Case(
        log_sigmoid, _formulas.log_sigmoid, exact_log_sigmoid, mp_log_sigmoid,
        (-128.0, 104.0), [0.0], 1.5,
    ),
    "logit": Case(
        logit, _formulas.logit, exact_logit, mp_logit,
        (0.0, 1.0), [0.25, 0.5, 1.0], 1.0,
    ),
}  # fmt: skip


def float32_inputs(
    name: str, n: int, rng: np.random.Generator, near: int = 100
) -> npt.NDArray[np.float32]:
    """Inputs in the domain: ``n`` random bit patterns (every binade), ``n``
    uniform values, and the ``2 * near`` float32 numbers nearest each hard
    point, both signs."""
    low, high = CASES[name].domain
    magnitudes = rng.integers(0, 0x7F800000, 3 * n, dtype=np.uint32).view(np.float32)
    signed = magnitudes * rng.choice(np.array([-1, 1], np.float32), 3 * n)
    parts = [signed[(signed > low) & (signed < high)][:n]]
    parts.append(rng.uniform(low, high, n).astype(np.float32))
    for point in CASES[name].hard:
        centre = int(np.float32(point).view(np.uint32))
        steps = np.arange(max(centre - near, 0), centre + near, dtype=np.uint32)
        parts += [steps.view(np.float32), -steps.view(np.float32)]
    x = np.concatenate(parts)
    return x[(x > low) & (x < high)]


def float64_error(name: str, x: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """The error of the float64 formula at x, in float64 ULPs, via mpmath."""
    wide = x.astype(np.float64)
    y = np.empty_like(wide)
    run(name, CASES[name].formula, wide, y, CASES[name].exact)
    return ulp_error(y, CASES[name].reference, wide)


def assert_same_bits(result: npt.NDArray[Any], expected: npt.NDArray[Any]) -> None:
    """Equal values of the same dtype, signs of zero included."""
    np.testing.assert_array_equal(result, expected, strict=True)
    np.testing.assert_array_equal(np.signbit(result), np.signbit(expected))


@pytest.mark.parametrize("name", CASES)
def test_float64_formulas_err_by_about_half_the_guard_at_most(
    name: str, rng: np.random.Generator
) -> None:
    largest = CASES[name].largest
    assert float64_error(name, float32_inputs(name, 1000, rng)).max() <= largest
    assert largest <= GUARD / 1.9


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
@pytest.mark.parametrize("name", CASES)
def test_correctly_rounded_on_a_sample(
    name: str, dtype: type, rng: np.random.Generator
) -> None:
    x: npt.NDArray[Any] = float32_inputs(name, 1000, rng).astype(dtype)
    expected = reference_rounded(CASES[name].reference, x, dtype)
    assert_same_bits(CASES[name].function(x), expected)


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
@pytest.mark.parametrize("name", CASES)
def test_exact_fallback_is_correctly_rounded(
    name: str, dtype: type, rng: np.random.Generator
) -> None:
    # Called directly, on inputs that hardly ever reach it through the
    # function: the tails and the points where its expression cancels too.
    low, high = CASES[name].domain
    x: npt.NDArray[Any] = float32_inputs(name, 300, rng).astype(dtype)
    x = x[(x > low) & (x < high) & (x != 0)].astype(np.float64)  # finite results
    expected = reference_rounded(CASES[name].reference, x, dtype)
    assert_same_bits(CASES[name].exact(x, np.dtype(dtype)), expected)


def test_log_sigmoid_float32_input_whose_float64_value_is_a_midpoint() -> None:
    # -log1p(exp(-x)) rounds to the float64 midpoint -0.6933706104755401611328125
    # of 0xbf3180bc and 0xbf3180bd; the exact value lies just beyond it:
    #   import mpmath; mpmath.mp.dps = 50
    #   x = mpmath.mpf(float.fromhex("-0x1.d483a0p-12"))
    #   -mpmath.log1p(mpmath.exp(-x))
    #   # -0.69337061047554016606993884420535249452990944418797
    x = np.float32(-0.00044680992141366005)
    assert x.view(np.uint32) == 0xB9EA41D0
    assert log_sigmoid(x).view(np.uint32) == 0xBF3180BD


def test_logit_float32_input_whose_float64_value_is_a_midpoint() -> None:
    # log(p / (1 - p)) rounds to the float64 midpoint -15.175481319427490234375
    # of 0xc172cec5 and 0xc172cec6; the exact value lies just short of it:
    #   import mpmath; mpmath.mp.dps = 50
    #   p = mpmath.mpf(float.fromhex("0x1.13986cp-22"))
    #   mpmath.log(p / (1 - p))
    #   # -15.175481319427490011749035096267205651987463507481
    p = np.float32(2.5666822e-07)
    assert p.view(np.uint32) == 0x3489CC36
    assert logit(p).view(np.uint32) == 0xC172CEC5


if __name__ == "__main__":
    generator = np.random.default_rng(20261123)
    for function_name in CASES:
        inputs = float32_inputs(function_name, 200_000, generator, near=5000)
        errors = float64_error(function_name, inputs)
        worst = int(np.argmax(errors))
        print(
            f"{function_name:12} {inputs.size:,} float32 inputs: at most "
            f"{errors[worst]:.2f} float64 ULP, at {inputs[worst]!r}"
        )


# ----------------------------------------------------------------------------
# the cost of the exact path (issue 21: it ran once per element, repeated
# values included; 100,000 copies of one hard float32 value took 43 s)

# One float32 input per function whose float64 value lies near a midpoint,
# so that the exact fallback recomputes it: x = 1.3113022e-6 for sigmoid
# (How it is computed), 15.858271 for sigma'', and for generalized_logistic a
# flat curve (k = 0) whose L / 2 = 1 + 2**-24 is itself a float32 midpoint.
HARD: dict[str, tuple[float, dict[str, Any]]] = {
    "sigmoid": (1.3113022e-6, {}),
    "sigmoid_derivative": (15.858271, {"order": 2}),
    "generalized_logistic": (0.0, {"steepness": 0.0, "maximum": 2 + 2.0**-23}),
}
EXACT_NAMES = {
    "sigmoid": "exact_sigmoid",
    "sigmoid_derivative": "exact_derivatives",
    "generalized_logistic": "exact_generalized_logistic",
}


@pytest.mark.parametrize("name", HARD)
def test_exact_path_runs_once_per_distinct_value(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sigmoid import _core, _rounding

    seen: list[int] = []
    exact = getattr(_rounding, EXACT_NAMES[name])

    def counted(function: Any) -> Any:
        def count(x: Any, *args: Any) -> Any:
            seen.append(x.size)
            return function(x, *args)

        return count

    if isinstance(exact, dict):
        monkeypatch.setitem(exact, 2, counted(exact[2]))
    else:
        monkeypatch.setattr(_rounding, EXACT_NAMES[name], counted(exact))
    value, kwargs = HARD[name]
    x = np.full(100_000, value, np.float32)  # two blocks
    result = getattr(_core, name)(x, **kwargs)
    assert sum(seen) == 2  # once per block, for the one distinct value
    assert np.all(result == result[0])
    # and the distinct values of an array each once, wherever they repeat
    seen.clear()
    mixed = np.tile(np.array([value, np.nextafter(np.float32(value), 1)]), 20)
    getattr(_core, name)(mixed.astype(np.float32), **kwargs)
    assert sum(seen) <= 2


def test_doubtful_leaves_its_input_alone() -> None:
    # It overwrote w with its shifted bit patterns (issue 21).
    from sigmoid._rounding import doubtful

    w = np.array([0.5, 1 + 2.0**-24, 1e-40, 0.75 + 2.0**-25])
    before = w.copy()
    found = doubtful(w, np.dtype(np.float32), True)
    np.testing.assert_array_equal(w, before)
    assert found is not None
    assert found.tolist() == [1, 3]  # the two float32 midpoints


def test_a_flat_curve_is_rounded_once_per_maximum(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # k = 0: every x gives L / 2 = 1 + 2**-24, the float32 midpoint between 1
    # and 1 + 2**-23, so every element is in doubt. It was rounded exactly
    # once per element (issue 21: 0.31 s per 20,000 elements).
    from sigmoid import _rounding

    calls: list[object] = []
    real = _rounding.round_fraction

    def counted(value: Any, dtype: Any) -> float:
        calls.append(value)
        return real(value, dtype)

    monkeypatch.setattr(_rounding, "round_fraction", counted)
    x = np.linspace(-20, 20, 100_000, dtype=np.float32)  # distinct values, two blocks
    y = generalized_logistic(x, maximum=2 + 2.0**-23, steepness=0.0)
    assert len(calls) <= 2  # once per block
    # (2 + 2**-23) / 2 = 1 + 2**-24 exactly, a tie: to even, 1.0
    assert y.dtype == np.float32
    assert np.all(y == 1.0)
