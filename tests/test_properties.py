"""Identities and shape properties, checked on inputs hypothesis chooses."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from sigmoid import log_sigmoid, logit, sigmoid, sigmoid_derivative

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
moderate = st.floats(min_value=-700, max_value=700, allow_nan=False)
probability = st.floats(min_value=0, max_value=1, allow_nan=False)
float32s = st.floats(allow_nan=False, width=32)
EPS = np.finfo(np.float64).eps


@given(finite)
def test_sigmoid_is_within_zero_and_one(x: float) -> None:
    assert 0.0 <= sigmoid(x) <= 1.0


@given(finite)
def test_reflection(x: float) -> None:
    # sigma(-x) = 1 - sigma(x). Each sigmoid is within 2.5 ULP of its exact
    # value, and 1 - sigma(x) adds one rounding.
    s = sigmoid(x)
    lhs = sigmoid(-x)
    rhs = 1.0 - s
    assert abs(lhs - rhs) <= 2.5 * (np.spacing(lhs) + np.spacing(s)) + np.spacing(rhs)


@given(finite, finite)
def test_monotone(a: float, b: float) -> None:
    lo, hi = min(a, b), max(a, b)
    assert sigmoid(lo) <= sigmoid(hi)


@given(finite)
def test_monotone_between_neighbouring_floats(x: float) -> None:
    with np.errstate(over="ignore"):  # the float after the largest is inf
        up = np.nextafter(x, np.inf)
    assert sigmoid(x) <= sigmoid(up)


@given(float32s)
def test_monotone_between_neighbouring_float32(x: float) -> None:
    x32 = np.float32(x)
    with np.errstate(over="ignore"):
        up = np.nextafter(x32, np.float32(np.inf))
    assert sigmoid(x32) <= sigmoid(up)


@settings(max_examples=200)
@given(
    hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=40), elements=finite)
)
def test_sorted_array_maps_to_sorted_array(x: np.ndarray) -> None:
    y = sigmoid(np.sort(x, axis=None))
    assert np.all(np.diff(y) >= 0)


@given(st.floats(min_value=-30, max_value=30))
def test_logit_inverts_sigmoid(x: float) -> None:
    # logit amplifies the rounding of sigma(x) by 1 / (sigma(x) sigma(-x) |x|)
    # in relative terms; allow 3 ULP of sigma(x) propagated through it.
    p = sigmoid(x)
    slope = sigmoid_derivative(x)
    assert abs(logit(p) - x) <= 3 * np.spacing(p) / slope + 4 * abs(np.spacing(x))


@given(probability)
def test_sigmoid_inverts_logit(p: float) -> None:
    # sigmoid(x) amplifies the error of x = logit(p) by |x| (1 - p) in
    # relative terms; logit is within 1.5 ULP and sigmoid within 2.5.
    x = logit(p)
    if not np.isfinite(x):
        assert p in (0.0, 1.0)
        return
    tolerance = (1.5 * abs(x) * (1 - p) + 3) * EPS * p + 3 * 5e-324
    assert abs(sigmoid(x) - p) <= tolerance


@given(moderate)
def test_derivative_is_product_of_sigmoids(x: float) -> None:
    expected = sigmoid(x) * sigmoid(-x)
    assert abs(sigmoid_derivative(x) - expected) <= 8 * EPS * expected


@given(st.floats(min_value=-700, max_value=700))
def test_second_derivative_identity(x: float) -> None:
    expected = -sigmoid_derivative(x) * np.tanh(x / 2)
    assert (
        abs(sigmoid_derivative(x, order=2) - expected)
        <= 8 * EPS * abs(expected) + 1e-300
    )


@given(st.floats(min_value=-700, max_value=700))
def test_third_derivative_identity(x: float) -> None:
    d1 = sigmoid_derivative(x)
    expected = d1 * (1 - 6 * d1)
    # Cancellation near the zeros: compare in absolute terms, scale 1/8.
    assert abs(sigmoid_derivative(x, order=3) - expected) <= 16 * EPS * max(
        abs(expected), d1 / 8
    )


@given(finite)
def test_derivative_bounded_by_a_quarter(x: float) -> None:
    assert 0.0 <= sigmoid_derivative(x) <= 0.25


@given(st.floats(min_value=-700, max_value=700))
def test_log_sigmoid_is_log_of_sigmoid(x: float) -> None:
    expected = np.log(sigmoid(x))
    assert abs(log_sigmoid(x) - expected) <= 8 * EPS * abs(expected) + 4 * EPS


@given(float32s)
def test_float32_results_round_the_float64_result(x: float) -> None:
    # Correct rounding implies the float32 result is one of the two float32
    # neighbours of the (more accurate) float64 result.
    y32 = sigmoid(np.float32(x))
    y64 = sigmoid(np.float64(np.float32(x)))
    below = (
        np.float32(y64)
        if np.float32(y64) <= y64
        else np.nextafter(np.float32(y64), np.float32(-1))
    )
    assert y32 in (below, np.nextafter(below, np.float32(2)))


@given(
    hnp.arrays(np.float32, hnp.array_shapes(max_dims=2, max_side=30), elements=float32s)
)
def test_float32_arrays_match_elementwise_calls(x: np.ndarray) -> None:
    expected = np.array([sigmoid(v) for v in x.ravel()], dtype=np.float32).reshape(
        x.shape
    )
    np.testing.assert_array_equal(sigmoid(x), expected)


def test_monotone_over_runs_of_consecutive_floats() -> None:
    # 200,000 consecutive float64 values from each start: where sigma changes
    # by less than an ULP per input step, a formula with rounding errors that
    # is not monotone by construction would step backwards somewhere.
    starts = [-745.0, -709.8, -40.0, -5.0, -0.5, 0.0, 0.5, 1.0, 2.0, 5.0, 17.0, 36.0]
    for start in starts:
        bits = np.float64(start).view(np.int64) + np.arange(200_000, dtype=np.int64)
        if start < 0:
            bits = np.float64(start).view(np.int64) - np.arange(200_000, dtype=np.int64)
        x = np.sort(bits.view(np.float64))
        assert np.all(np.diff(sigmoid(x)) >= 0), start
