"""The ULP bounds the docstrings state, on samples small enough to stay fast.

``nox -s accuracy`` checks the same bounds on every float32 and float16 input
and 10**6 float64 inputs; these tests check them on a few thousand inputs
spread over the whole range, plus the inputs known to be hardest.
"""

from __future__ import annotations

import numpy as np
import pytest
from reference import (
    mp_derivative,
    mp_log_sigmoid,
    mp_logit,
    mp_sigmoid,
    reference_rounded,
    ulp_error,
)

from sigmoid import log_sigmoid, logit, sigmoid, sigmoid_derivative


def spread(rng: np.random.Generator, n: int = 1500) -> np.ndarray:
    """Inputs over the whole range: the middle, the tails and the subnormal end."""
    return np.concatenate(
        [
            rng.uniform(-40, 40, n),
            rng.choice([-1, 1], n) * 10.0 ** rng.uniform(-20, np.log10(745), n),
            rng.uniform(-745.1, -700, n // 5),
        ]
    )


def probabilities(rng: np.random.Generator, n: int = 1500) -> np.ndarray:
    return np.concatenate(
        [
            rng.uniform(0, 1, n),
            10.0 ** rng.uniform(-300, np.log10(0.5), n),
            1 - 2.0 ** rng.uniform(-52, -1, n),
            0.5 + rng.uniform(-1e-6, 1e-6, n // 5),
        ]
    )


def test_sigmoid_float64_within_2_5_ulp(rng: np.random.Generator) -> None:
    x = spread(rng)
    assert ulp_error(sigmoid(x), mp_sigmoid, x).max() <= 2.5


def test_sigmoid_float64_subnormal_results_within_2_5_ulp(
    rng: np.random.Generator,
) -> None:
    x = rng.uniform(-745.13, -708.4, 2000)  # results below 2**-1022
    result = sigmoid(x)
    assert np.all(result < 2.3e-308)
    assert ulp_error(result, mp_sigmoid, x).max() <= 2.5


@pytest.mark.parametrize("order", [1, 2])
def test_derivative_float64_within_4_ulp(rng: np.random.Generator, order: int) -> None:
    x = spread(rng)
    errors = ulp_error(
        sigmoid_derivative(x, order=order), lambda v: mp_derivative(v, order), x
    )
    assert errors.max() <= 4


def test_third_derivative_float64_within_8_ulp(rng: np.random.Generator) -> None:
    # The third derivative has zeros at |x| = x0 = 2 acosh(sqrt(3/2)) = 1.317;
    # the formula computes the factor that vanishes there from x0 - |x|, so
    # the error stays within 8 ULP next to them too.
    x0 = 1.3169578969248168
    x = np.concatenate(
        [
            spread(rng),
            x0 + rng.uniform(-1e-6, 1e-6, 1000),
            np.nextafter(x0, [0.0, 2.0]),
            [x0, -x0],
        ]
    )
    errors = ulp_error(sigmoid_derivative(x, order=3), lambda v: mp_derivative(v, 3), x)
    assert errors.max() <= 8


def test_derivative_keeps_precision_in_tail() -> None:
    # sigma(1 - sigma) is exactly 0 from x = 36.5 on; the true value is a
    # normal number up to x = 708.
    x = np.array([36.5, 100.0, 500.0, 708.0, -708.0])
    assert ulp_error(sigmoid_derivative(x), mp_derivative, x).max() <= 4


def test_log_sigmoid_float64_within_1_1_ulp(rng: np.random.Generator) -> None:
    x = spread(rng)
    assert ulp_error(log_sigmoid(x), mp_log_sigmoid, x).max() <= 1.1


def test_logit_float64_within_1_5_ulp(rng: np.random.Generator) -> None:
    p = probabilities(rng)
    assert ulp_error(logit(p), mp_logit, p).max() <= 1.5


# Float32 inputs whose sigmoid lies closest to a float32 rounding boundary,
# found by the exhaustive search in benchmarks/accuracy.py: the first two are
# within 0.3 and 1 float64 ULP of a midpoint, and the small ones are exactly
# representable midpoints plus a tiny correction, where rounding the float64
# value ties the wrong way.
HARD_FLOAT32 = np.array(
    [
        -0.001117885229177773,
        0.03948641195893288,
        -0.14087462425231934,
        0.002235771156847477,
        -0.5991945266723633,
        1.31130219e-06,
        1.37090683e-05,
        -6.55651093e-07,
        -3.51667404e-06,
        1.1920929e-07,
        -5.9604645e-08,
    ],
    dtype=np.float32,
)


def in_calls_of(size: int, x: np.ndarray) -> np.ndarray:
    """sigmoid(x) computed ``size`` elements at a time."""
    return np.concatenate([sigmoid(x[i : i + size]) for i in range(0, x.size, size)])


@pytest.mark.parametrize("size", [1, 11, None])  # None: all in one call
def test_sigmoid_float32_correctly_rounded_on_hardest_inputs(size: int | None) -> None:
    expected = reference_rounded(mp_sigmoid, HARD_FLOAT32, np.float32)
    result = sigmoid(HARD_FLOAT32) if size is None else in_calls_of(size, HARD_FLOAT32)
    np.testing.assert_array_equal(result, expected)


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_midpoint_test_flags_exactly_its_window(dtype: type) -> None:
    # Float64 values up to GUARD + 4 bit-pattern steps either side of
    # midpoints between neighbouring float16/float32 numbers (normal ones,
    # several binades, both signs). A midpoint's dropped mantissa bits are
    # 100...0 whatever its sign, and the test flags the steps k with
    # -GUARD <= k < GUARD, no others.
    from sigmoid._rounding import GUARD, doubtful

    narrow: np.ndarray = np.array(
        [0.3, 0.5, 0.7310586, 1e-3, 1.0, -0.25, 1e-4], dtype=dtype
    )
    above = np.nextafter(narrow, np.array(np.inf, dtype=dtype))
    # The mean of two neighbours is exact in float64.
    midpoints = (narrow.astype(np.float64) + above.astype(np.float64)) / 2
    steps = np.arange(-GUARD - 4, GUARD + 5)
    w = (midpoints.view(np.int64)[:, None] + steps).view(np.float64).ravel()
    flagged = doubtful(w.copy(), np.dtype(dtype), False)
    expected = np.flatnonzero(np.tile((steps >= -GUARD) & (steps < GUARD), narrow.size))
    assert flagged is not None
    np.testing.assert_array_equal(flagged, expected)
    exact = narrow.astype(np.float64)  # representable values: far from midpoints
    assert doubtful(exact, np.dtype(dtype), False) is None


def test_sigmoid_float32_correctly_rounded_on_a_sample(
    rng: np.random.Generator,
) -> None:
    x = np.concatenate(
        [
            rng.uniform(-104, 18, 3000),
            rng.choice([-1, 1], 2000) * 10.0 ** rng.uniform(-8, 0, 2000),
            rng.uniform(-104, -87, 1000),  # float32 subnormal results
        ]
    ).astype(np.float32)
    result = sigmoid(x)
    assert result.dtype == np.float32
    expected = reference_rounded(mp_sigmoid, x, np.float32)
    np.testing.assert_array_equal(result, expected)
    np.testing.assert_array_equal(in_calls_of(500, x), expected)


def test_sigmoid_float16_correctly_rounded_on_every_input() -> None:
    x = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16)
    finite = x[np.isfinite(x)]
    expected = reference_rounded(mp_sigmoid, finite, np.float16)
    np.testing.assert_array_equal(sigmoid(finite), expected)
    np.testing.assert_array_equal(in_calls_of(1000, finite), expected)


@pytest.mark.parametrize(
    ("function", "mp_function"),
    [
        (sigmoid_derivative, mp_derivative),
        (log_sigmoid, mp_log_sigmoid),
    ],
)
def test_float32_results_within_1_ulp(
    rng: np.random.Generator, function: object, mp_function: object
) -> None:
    x = rng.uniform(-110, 110, 3000).astype(np.float32)
    result = function(x)  # type: ignore[operator]
    expected = reference_rounded(mp_function, x, np.float32)  # type: ignore[arg-type]
    spacing = np.spacing(np.abs(expected))
    assert result.dtype == np.float32
    assert np.all(np.abs(result - expected) <= spacing)


def test_logit_float32_within_1_ulp(rng: np.random.Generator) -> None:
    p = np.concatenate(
        [rng.uniform(0, 1, 3000), 10.0 ** rng.uniform(-40, 0, 1000)]
    ).astype(np.float32)
    p = p[(p > 0) & (p < 1)]
    expected = reference_rounded(mp_logit, p, np.float32)
    assert np.all(np.abs(logit(p) - expected) <= np.spacing(np.abs(expected)))
