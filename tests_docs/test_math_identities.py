"""Every identity on the site's "The math" page (docs/math.md), checked twice.

First in mpmath at 50 digits, which checks the page's algebra; then against
the package, with mpmath as the reference, which checks that the functions
obey the identities to within their stated accuracy. Reference values come
from mpmath only, never from the code under test.
"""

from __future__ import annotations

import contextlib
import io
import math
import re
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import mpmath as mp
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_claims import rounds_to, run_example

from sigmoid import (
    generalized_logistic,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_derivative,
)

mp.mp.dps = 50
EPS = np.finfo(np.float64).eps

# Moderate arguments: the identities are exact, and the page's claims about
# accuracy in the tails are tested elsewhere.
reals = st.floats(min_value=-30.0, max_value=30.0, allow_nan=False)
probabilities = st.floats(min_value=1e-12, max_value=1.0 - 1e-12)


def mp_sigmoid(x: mp.mpf) -> mp.mpf:
    return 1 / (1 + mp.exp(-x))


def mp_density(x: mp.mpf) -> mp.mpf:
    return mp.exp(-x) / (1 + mp.exp(-x)) ** 2


def assert_close(
    actual: float, expected: mp.mpf, ulps: float, atol: float = 0.0
) -> None:
    """``actual`` within ``ulps`` units of the last place of ``expected`` (or atol)."""
    reference = float(expected)
    error = abs(mp.mpf(float(actual)) - expected)
    bound = max(ulps * float(np.spacing(abs(reference))), atol)
    assert error <= bound, f"{actual!r} vs {mp.nstr(expected, 20)}: error {error}"


def assert_identity(left: mp.mpf, right: mp.mpf) -> None:
    """Both sides equal to 45 of the 50 working digits."""
    assert abs(left - right) <= mp.mpf(10) ** -45 * max(1, abs(left))


# -- Definition ----------------------------------------------------------------


@given(reals)
def test_definition_two_forms_agree(x: float) -> None:
    xm = mp.mpf(x)
    assert_identity(1 / (1 + mp.exp(-xm)), mp.exp(xm) / (1 + mp.exp(xm)))
    assert_close(sigmoid(x), mp_sigmoid(xm), ulps=2.5)


def test_definition_limits_and_midpoint() -> None:
    assert mp_sigmoid(-mp.inf) == 0
    assert mp_sigmoid(mp.inf) == 1
    assert mp_sigmoid(0) == mp.mpf(1) / 2
    assert sigmoid(np.array([-np.inf, 0.0, np.inf])).tolist() == [0.0, 0.5, 1.0]


# -- The derivative ------------------------------------------------------------


@given(reals)
def test_derivative_is_sigma_times_one_minus_sigma_and_sigma_of_minus_x(
    x: float,
) -> None:
    xm = mp.mpf(x)
    by_differentiation = mp.diff(mp_sigmoid, xm)
    assert_identity(by_differentiation, mp_density(xm))
    assert_identity(by_differentiation, mp_sigmoid(xm) * (1 - mp_sigmoid(xm)))
    assert_identity(by_differentiation, mp_sigmoid(xm) * mp_sigmoid(-xm))
    assert_close(sigmoid_derivative(x), by_differentiation, ulps=4)


@given(reals)
def test_derivative_is_at_most_one_quarter(x: float) -> None:
    assert mp.diff(mp_sigmoid, mp.mpf(x)) <= mp.mpf(1) / 4
    assert sigmoid_derivative(x) <= 0.25


def test_derivative_is_one_quarter_at_zero() -> None:
    assert_identity(mp.diff(mp_sigmoid, 0), mp.mpf(1) / 4)
    assert sigmoid_derivative(0.0) == 0.25


# Wide enough to reach the tail where 1 - sigma(x) is 0 in float64, short of
# the subnormal results beyond |x| = 708.
wide_reals = st.floats(min_value=-700.0, max_value=700.0, allow_nan=False)


@given(wide_reals)
def test_derivative_is_one_over_two_plus_two_cosh(x: float) -> None:
    # What sigmoid_derivative computes (the page's equation derivative-cosh).
    xm = mp.mpf(x)
    assert_identity(mp_density(xm), 1 / (mp.exp(xm) + 2 + mp.exp(-xm)))
    assert_identity(mp_density(xm), 1 / (2 + 2 * mp.cosh(xm)))
    assert_close(sigmoid_derivative(x), 1 / (2 + 2 * mp.cosh(xm)), ulps=4)


@given(wide_reals)
def test_sigma_times_sigma_of_minus_x_keeps_relative_accuracy(x: float) -> None:
    # Two factors within 2.5 ULP each, and the rounding of the product.
    assert_close(sigmoid(x) * sigmoid(-x), mp_density(mp.mpf(x)), ulps=6)


def naive_sigmoid(x: npt.ArrayLike) -> npt.NDArray[np.float64]:
    return np.asarray(1 / (1 + np.exp(-np.asarray(x, dtype=np.float64))))


def test_textbook_sigma_is_one_from_53_log_2() -> None:
    threshold = 53 * mp.log(2)  # where e^-x = 2^-53, half an ULP of 1
    assert math.isclose(float(threshold), 36.74, abs_tol=0.005)
    below = np.linspace(30, 36.73, 674)
    above = np.linspace(36.74, 40, 327)
    assert np.all(naive_sigmoid(below) < 1)
    assert np.all(sigmoid(below) < 1)
    s = naive_sigmoid(above)
    assert np.all(s == 1)
    assert np.all(s * (1 - s) == 0)
    # The true derivative is about e^-x, about 1e-16, and sigmoid_derivative
    # has it.
    assert 1e-16 < mp_density(threshold) < 2e-16
    for x in above[::40]:
        assert_close(sigmoid_derivative(x), mp_density(mp.mpf(x)), ulps=4)


def test_correctly_rounded_sigma_stays_below_one_until_54_log_2() -> None:
    # mpmath's float() rounds to nearest: it gives the correctly rounded value.
    # 1 - sigma(x) falls below 2^-54, half the gap under 1, at x = 54 log 2.
    threshold = 54 * mp.log(2)
    assert math.isclose(float(threshold), 37.43, abs_tol=0.005)
    assert_identity(1 - mp_sigmoid(threshold), 1 / (mp.mpf(2) ** 54 + 1))
    assert float(mp_sigmoid(threshold - mp.mpf(10) ** -9)) < 1
    assert float(mp_sigmoid(threshold + mp.mpf(10) ** -9)) == 1
    assert float(mp_sigmoid(mp.mpf(37))) == 0.9999999999999999
    assert naive_sigmoid(np.float64(37)) == 1


# -- A numerical check of the derivative ------------------------------------------


@given(reals)
def test_third_derivative_is_at_most_one_eighth(x: float) -> None:
    # The page's truncation bound h^2/48 for central differences rests on it.
    bound = mp.mpf(1) / 8 + mp.mpf(10) ** -45  # mp.diff is good to 45 digits
    assert abs(mp.diff(mp_sigmoid, mp.mpf(x), 3)) <= bound


def test_third_derivative_reaches_minus_one_eighth_at_zero_and_one_24th() -> None:
    assert_identity(mp.diff(mp_sigmoid, 0, 3), -mp.mpf(1) / 8)
    assert sigmoid_derivative(0.0, order=3) == -0.125
    # sigma' (1 - 6 sigma') is largest, 1/24, where sigma' = 1/12.
    where = mp.findroot(lambda t: mp_density(t) - mp.mpf(1) / 12, 2)
    assert_identity(mp.diff(mp_sigmoid, where, 3), mp.mpf(1) / 24)


# -- Saturation --------------------------------------------------------------------


def test_saturation_starts_at_log_99_where_the_derivative_is_0_0099() -> None:
    edge = mp.log(99)
    assert math.isclose(float(edge), 4.595, abs_tol=5e-4)
    assert_identity(mp_sigmoid(edge), mp.mpf(99) / 100)
    assert_identity(mp_sigmoid(-edge), mp.mpf(1) / 100)
    assert_identity(mp_density(edge), mp.mpf(99) / 10_000)
    assert mp_density(edge) / (mp.mpf(1) / 4) < mp.mpf(4) / 100
    # The package, at log 99 rounded to float64, which moves sigma' by a
    # few ULP of 0.0099: compare with mpmath at the same float64 input.
    x = math.log(99)
    assert_close(sigmoid(x), mp_sigmoid(mp.mpf(x)), ulps=2.5)
    assert abs(sigmoid(x) - 0.99) <= 2 * np.spacing(0.99)
    assert_close(sigmoid_derivative(x), mp_density(mp.mpf(x)), ulps=4)
    assert abs(sigmoid_derivative(x) - 0.0099) <= 8 * np.spacing(0.0099)


@given(st.floats(min_value=4.596, max_value=700.0))
def test_saturated_units_have_derivative_below_0_0099(x: float) -> None:
    assert mp_sigmoid(mp.mpf(x)) > mp.mpf(99) / 100
    assert mp_density(mp.mpf(x)) < mp.mpf(99) / 10_000
    assert sigmoid(x) > 0.99
    assert sigmoid(-x) < 0.01
    assert sigmoid_derivative(x) < 0.0099
    assert sigmoid_derivative(-x) < 0.0099


# -- Symmetry --------------------------------------------------------------------


@given(reals)
def test_symmetry_sigma_of_minus_x_is_one_minus_sigma(x: float) -> None:
    xm = mp.mpf(x)
    assert_identity(mp_sigmoid(-xm), 1 - mp_sigmoid(xm))
    assert_close(sigmoid(-x), 1 - mp_sigmoid(xm), ulps=2.5)
    # The derivative is even.
    assert sigmoid_derivative(-x) == sigmoid_derivative(x)


# -- tanh --------------------------------------------------------------------------


@given(reals)
def test_tanh_is_two_sigma_of_two_x_minus_one(x: float) -> None:
    xm = mp.mpf(x)
    assert_identity(mp.tanh(xm), 2 * mp_sigmoid(2 * xm) - 1)
    # 2 sigma(2x) - 1 cancels near 0, so the error is absolute, about eps.
    assert_close(2 * sigmoid(2 * x) - 1, mp.tanh(xm), ulps=4, atol=4 * EPS)


@given(reals)
def test_sigma_is_one_plus_tanh_of_half_x_over_two(x: float) -> None:
    xm = mp.mpf(x)
    assert_identity(mp_sigmoid(xm), (1 + mp.tanh(xm / 2)) / 2)
    assert_close(sigmoid(x), (1 + mp.tanh(xm / 2)) / 2, ulps=2.5)


def test_tanh_slope_is_four_times_sigma_slope_at_zero() -> None:
    assert_identity(mp.diff(mp.tanh, 0), 4 * mp.diff(mp_sigmoid, 0))


# -- The logit -------------------------------------------------------------------


@given(probabilities)
def test_logit_is_log_odds(p: float) -> None:
    pm = mp.mpf(p)
    assert_identity(mp_sigmoid(mp.log(pm / (1 - pm))), pm)
    assert_close(logit(p), mp.log(pm / (1 - pm)), ulps=1.5, atol=1e-300)


@given(reals)
def test_logit_inverts_sigma(x: float) -> None:
    xm = mp.mpf(x)
    with mp.workdps(80):  # 1 - sigma(x) cancels: carry more digits
        assert_identity(mp.log(mp_sigmoid(xm) / (1 - mp_sigmoid(xm))), xm)
    # sigma(x) is rounded before logit sees it; logit's condition number at
    # p = sigma(x) is 1 / (p (1 - p) |logit p|), so allow for that.
    s = mp.mpf(float(sigmoid(x)))
    amplification = 1 / (s * (1 - s)) * float(np.spacing(float(s)))
    assert abs(mp.mpf(float(logit(sigmoid(x)))) - xm) <= 4 * amplification + 4 * EPS


@given(probabilities)
def test_sigma_inverts_logit(p: float) -> None:
    # logit(p) carries an error of about |x| eps for x = logit(p), which sigma
    # passes on as a relative error of at most |x| eps (1 - p).
    x = abs(math.log(p / (1 - p)))
    assert_close(sigmoid(logit(p)), mp.mpf(p), ulps=5 + 3 * x)


def test_odds_of_sigma_are_exp() -> None:
    for x in (-3, -0.5, 0, 2, 7):
        xm = mp.mpf(x)
        assert_identity(mp_sigmoid(xm) / (1 - mp_sigmoid(xm)), mp.exp(xm))


# -- Two-class softmax -----------------------------------------------------------


@given(st.integers(-400, 400), st.integers(-400, 400))
def test_two_class_softmax_is_sigma_of_the_difference(a: int, b: int) -> None:
    # Multiples of 1/16: their difference is exact in float64.
    z1, z2 = a / 16, b / 16
    softmax_first = mp.exp(z1) / (mp.exp(z1) + mp.exp(z2))
    assert_identity(softmax_first, mp_sigmoid(mp.mpf(z1) - mp.mpf(z2)))
    assert_close(sigmoid(z1 - z2), softmax_first, ulps=2.5)


# -- Logistic distribution ---------------------------------------------------------


@given(reals)
def test_derivative_is_the_logistic_density(x: float) -> None:
    assert_close(sigmoid_derivative(x), mp_density(mp.mpf(x)), ulps=4)


@pytest.mark.parametrize("z", [-6.0, -1.5, 0.0, 0.25, 3.0, 12.0])
def test_logistic_noise_makes_y_one_with_probability_sigma(z: float) -> None:
    # P(z + u > 0) for standard logistic u is the density integrated over u > -z.
    with mp.workdps(30):
        # Split at the peak, u = 0, for an accurate quadrature.
        points = [-z, 0, mp.inf] if z > 0 else [-z, mp.inf]
        probability = mp.quad(mp_density, points)
        assert mp.almosteq(probability, mp_sigmoid(mp.mpf(z)), 1e-25)


def test_logistic_density_integrates_to_one_with_mean_zero_variance_pi2_over_3() -> (
    None
):
    mp.mp.dps = 30
    try:
        assert mp.almosteq(mp.quad(mp_density, [-mp.inf, 0, mp.inf]), 1, 1e-25)
        mean = mp.quad(lambda t: t * mp_density(t), [-mp.inf, 0, mp.inf])
        assert abs(mean) < 1e-25
        variance = mp.quad(lambda t: t**2 * mp_density(t), [-mp.inf, 0, mp.inf])
        assert mp.almosteq(variance, mp.pi**2 / 3, 1e-25)
    finally:
        mp.mp.dps = 50
    # The package's derivative integrates to 1 as well (the tails beyond
    # |x| = 40 hold less than 1e-17).
    x = np.linspace(-40, 40, 160_001)
    assert np.trapezoid(sigmoid_derivative(x), x) == pytest.approx(1, abs=1e-12)


@given(reals, st.floats(-5, 5), st.floats(0.25, 4))
def test_scaled_logistic_density(x: float, mu: float, s: float) -> None:
    z = (mp.mpf(x) - mp.mpf(mu)) / mp.mpf(s)
    by_differentiation = mp.diff(lambda t: mp_sigmoid((t - mu) / mp.mpf(s)), mp.mpf(x))
    assert_identity(by_differentiation, mp_density(z) / s)
    # (x - mu) / s is rounded twice, a relative error of up to eps in z, which
    # sigma' turns into one of up to |z| eps (its log-derivative is -tanh(z/2)).
    scaled = sigmoid_derivative((x - mu) / s) / s
    assert_close(scaled, mp_density(z) / s, ulps=6 + 2 * abs(float(z)))


# -- log sigma ---------------------------------------------------------------------


@given(reals)
def test_log_sigmoid_is_minus_log_one_plus_exp_minus_x(x: float) -> None:
    xm = mp.mpf(x)
    reference = -mp.log(1 + mp.exp(-xm))
    assert_identity(mp.log(mp_sigmoid(xm)), reference)
    assert_close(log_sigmoid(x), reference, ulps=1.5)


@given(reals)
def test_derivative_of_log_sigmoid_is_sigma_of_minus_x(x: float) -> None:
    xm = mp.mpf(x)
    slope = mp.diff(lambda t: -mp.log(1 + mp.exp(-t)), xm)
    assert_identity(slope, 1 - mp_sigmoid(xm))
    assert_identity(slope, mp_sigmoid(-xm))


# -- softplus, the antiderivative ------------------------------------------------


def mp_softplus(x: mp.mpf) -> mp.mpf:
    return mp.log(1 + mp.exp(x))


def package_softplus(x: float) -> float:
    return -float(log_sigmoid(-x))


@given(reals)
def test_softplus_is_an_antiderivative_of_sigma(x: float) -> None:
    xm = mp.mpf(x)
    assert_identity(mp.diff(mp_softplus, xm), mp_sigmoid(xm))
    assert_identity(mp_softplus(xm), -mp.log(mp_sigmoid(-xm)))
    assert_close(package_softplus(x), mp_softplus(xm), ulps=1.5)


@given(reals, reals)
@settings(deadline=None)  # quadrature takes longer on wide intervals
def test_integral_of_sigma_is_a_difference_of_softplus(a: float, b: float) -> None:
    with mp.workdps(30):
        # Split at the bend, x = 0, when the interval holds it.
        integral = mp.quad(mp_sigmoid, [a, 0, b] if a * b < 0 else [a, b])
        difference = mp_softplus(mp.mpf(b)) - mp_softplus(mp.mpf(a))
        assert mp.almosteq(integral, difference, 1e-25)
    # Each softplus within 1.1 ULP (log_sigmoid's bound), then one subtraction.
    sp_a, sp_b = package_softplus(a), package_softplus(b)
    bound = 1.1 * (np.spacing(sp_a) + np.spacing(sp_b)) + 0.5 * np.spacing(
        abs(sp_b - sp_a)
    )
    assert abs(mp.mpf(sp_b - sp_a) - integral) <= 1.01 * bound + mp.mpf(10) ** -28


def test_softplus_stays_finite_where_the_textbook_formula_overflows() -> None:
    with np.errstate(over="ignore"):
        assert np.log(1 + np.exp(1000.0)) == np.inf
    assert_close(package_softplus(1000.0), mp_softplus(mp.mpf(1000)), ulps=1)


# -- Higher derivatives ------------------------------------------------------------


@given(reals)
def test_second_derivative(x: float) -> None:
    xm = mp.mpf(x)
    reference = mp.diff(mp_sigmoid, xm, 2)
    s, ds = mp_sigmoid(xm), mp_density(xm)
    assert_identity(reference, ds * (1 - 2 * s))
    assert_identity(reference, -ds * mp.tanh(xm / 2))
    # Relative accuracy is lost next to the zero at x = 0 only.
    assert_close(sigmoid_derivative(x, order=2), reference, ulps=8, atol=4 * EPS)


@given(reals)
def test_third_derivative(x: float) -> None:
    xm = mp.mpf(x)
    reference = mp.diff(mp_sigmoid, xm, 3)
    ds = mp_density(xm)
    assert_identity(reference, ds * (1 - 6 * ds))
    assert_close(sigmoid_derivative(x, order=3), reference, ulps=8, atol=4 * EPS)


def test_inflection_point_and_zeros_of_the_third_derivative() -> None:
    assert abs(mp.diff(mp_sigmoid, 0, 2)) < mp.mpf(10) ** -45
    root = mp.log(2 + mp.sqrt(3))
    assert abs(mp.diff(mp_sigmoid, root, 3)) < mp.mpf(10) ** -45
    assert abs(mp.diff(mp_sigmoid, -root, 3)) < mp.mpf(10) ** -45
    assert_identity(mp_density(root), mp.mpf(1) / 6)
    assert math.isclose(float(root), 1.317, abs_tol=5e-4)
    assert sigmoid_derivative(0.0, order=2) == 0
    assert abs(sigmoid_derivative(float(root), order=3)) < 1e-15


# -- The Taylor series --------------------------------------------------------------


def taylor_coefficient(k: int) -> mp.mpf:
    """The coefficient of x**k in sigma's series about 0 (odd k), from Bernoulli numbers.

    sigma(x) = 1/2 + tanh(x/2)/2 and tanh's series give, for k = 2n - 1,
    (2^(2n) - 1) B_(2n) / (2n)!.
    """
    n = (k + 1) // 2
    return (2 ** (2 * n) - 1) * mp.bernoulli(2 * n) / mp.factorial(2 * n)


def page_recursion(top: int) -> dict[int, Fraction]:
    """The coefficients as the page computes them, from sigma' = 1/4 - (sigma - 1/2)^2."""
    a = {1: Fraction(1, 4)}
    for m in range(2, top, 2):
        a[m + 1] = -sum((a[i] * a[m - i] for i in range(1, m, 2)), Fraction(0)) / (
            m + 1
        )
    return a


def test_taylor_coefficients() -> None:
    by_differentiation = mp.taylor(mp_sigmoid, 0, 9)
    expected = [
        mp.mpf(1) / 2, mp.mpf(1) / 4, 0, -mp.mpf(1) / 48, 0, mp.mpf(1) / 480,
        0, -mp.mpf(17) / 80640, 0, mp.mpf(31) / 1451520,
    ]  # fmt: skip
    for k in range(10):
        assert abs(by_differentiation[k] - expected[k]) < mp.mpf(10) ** -30
        if k % 2:
            assert_identity(taylor_coefficient(k), expected[k])
    # The page's recursion gives the same numbers, exactly, up to x^39.
    for k, value in page_recursion(39).items():
        assert_identity(
            mp.mpf(value.numerator) / value.denominator, taylor_coefficient(k)
        )
    assert page_recursion(8)[3] == Fraction(-1, 48)
    assert page_recursion(8)[5] == Fraction(1, 480)


def test_sigma_has_poles_at_plus_and_minus_i_pi() -> None:
    for pole in (1j * mp.pi, -1j * mp.pi, 3j * mp.pi):
        assert abs(1 + mp.exp(-pole)) < mp.mpf(10) ** -45
    # ... and none nearer 0: |1 + e^-z| > 0 on a circle just inside radius pi.
    inside = [0.999 * mp.pi * mp.expjpi(mp.mpf(j) / 200) for j in range(400)]
    assert min(abs(1 + mp.exp(-z)) for z in inside) > 1e-3


def test_taylor_series_converges_for_abs_x_below_pi_only() -> None:
    # Ratio test: |a_(2n-1) / a_(2n+1)| tends to pi^2, so the radius is pi.
    for n in (10, 20, 30):
        ratio = taylor_coefficient(2 * n - 1) / taylor_coefficient(2 * n + 1)
        assert abs(mp.sqrt(abs(ratio)) - mp.pi) < 2 * mp.mpf(4) ** -n
    # The page: the term in x^(2n-1) is about (2/pi) (x/pi)^(2n-1).
    k = 59
    assert mp.almosteq(abs(taylor_coefficient(k)) * mp.pi**k, 2 / mp.pi, 1e-15)

    def error_of_partial_sums(x: int) -> list[mp.mpf]:
        sums = []
        for top in (9, 19, 29, 39):
            total = mp.mpf(1) / 2 + sum(
                taylor_coefficient(k) * x**k for k in range(1, top + 1, 2)
            )
            sums.append(abs(total - mp_sigmoid(mp.mpf(x))))
        return sums

    at_3, at_4 = error_of_partial_sums(3), error_of_partial_sums(4)
    assert at_3 == sorted(at_3, reverse=True)  # closes in on sigma(3)
    assert at_3[-1] < 0.1
    assert at_4 == sorted(at_4)  # swings ever wider
    assert at_4[-1] > 1000


# -- Initialisation: the variance argument ---------------------------------------


def normal_mean(f: Callable[[mp.mpf], mp.mpf]) -> mp.mpf:
    """E[f(z)] for a standard normal z."""
    with mp.workdps(30):
        return mp.quad(lambda t: f(t) * mp.npdf(t), [-mp.inf, 0, mp.inf])


def test_forward_variance_adds_over_the_inputs() -> None:
    # Var(z) = n Var(w) E[x^2] for independent zero-mean weights: a sample of
    # 4000 sums of 200 terms, with inputs of mean 0.3 (so E[x^2] != Var(x)).
    rng = np.random.default_rng(1)
    n, var_w = 200, 0.02
    x = 0.3 + rng.standard_normal((4000, n))
    w = rng.normal(0, math.sqrt(var_w), (4000, n))
    z = np.sum(w * x, axis=1)
    assert np.var(z) == pytest.approx(n * var_w * (1 + 0.3**2), rel=0.06)


def test_relu_halves_the_mean_square_and_the_slope_square() -> None:
    def relu(t: mp.mpf) -> mp.mpf:
        return max(t, mp.mpf(0))

    def relu_slope(t: mp.mpf) -> mp.mpf:
        return mp.mpf(1) if t > 0 else mp.mpf(0)

    assert mp.almosteq(normal_mean(lambda t: relu(t) ** 2), mp.mpf(1) / 2, 1e-20)
    assert mp.almosteq(normal_mean(lambda t: relu_slope(t) ** 2), mp.mpf(1) / 2, 1e-20)
    # He: n Var(w) = 2 and E[f'^2] = 1/2 give a backward factor g of 1.
    assert 2 * normal_mean(lambda t: relu_slope(t) ** 2) == pytest.approx(1)


def test_glorot_is_between_the_forward_and_backward_variances() -> None:
    for n_in, n_out in ((100, 100), (300, 50), (10, 1000)):
        glorot = 2 / (n_in + n_out)
        assert min(1 / n_in, 1 / n_out) <= glorot <= max(1 / n_in, 1 / n_out)
        if n_in == n_out:
            assert n_out * glorot == 1


def test_sigmoid_layers_shrink_the_gradient_by_at_least_16() -> None:
    # E[sigma'(z)^2] <= (1/4)^2 for every spread of z; at unit variance it is below.
    assert normal_mean(lambda t: mp_density(t) ** 2) < mp.mpf(1) / 16
    assert mp.almosteq(mp_density(0) ** 2, mp.mpf(1) / 16)
    assert math.isclose(16.0**10, 1.1e12, rel_tol=0.05)
    assert math.isclose(4.0**10, 1e6, rel_tol=0.05)


# -- Generalized logistic -----------------------------------------------------------


@given(
    st.floats(-20, 20),
    st.floats(0.1, 10),
    st.floats(0.25, 4),
    st.floats(-5, 5),
)
def test_generalized_logistic_is_scaled_sigma(
    x: float, maximum: float, steepness: float, midpoint: float
) -> None:
    L, k, x0 = mp.mpf(maximum), mp.mpf(steepness), mp.mpf(midpoint)
    reference = L / (1 + mp.exp(-k * (mp.mpf(x) - x0)))
    assert_identity(reference, L * mp_sigmoid(k * (mp.mpf(x) - x0)))
    # One-element arrays: the identity is about values, not scalar handling.
    (value,) = generalized_logistic(
        np.array([x]), maximum=maximum, steepness=steepness, midpoint=midpoint
    )
    # The argument z = k (x - x0) is rounded twice; the error is amplified
    # by |z| sigma(-z): the docstring's bound is 2|z| + 3 ULP below z = 0.
    z = float(k * (mp.mpf(x) - x0))
    assert_close(value, reference, ulps=3 + 2 * max(-z, 0.0))


@given(
    st.floats(0.1, 10),
    st.floats(-4, 4).filter(lambda k: abs(k) > 0.1),
    st.floats(-5, 5),
)
def test_generalized_logistic_midpoint_value_and_slope(
    maximum: float, steepness: float, midpoint: float
) -> None:
    L, k, x0 = mp.mpf(maximum), mp.mpf(steepness), mp.mpf(midpoint)

    def f(t: mp.mpf) -> mp.mpf:
        return L * mp_sigmoid(k * (t - x0))

    assert_identity(f(x0), L / 2)
    assert_identity(mp.diff(f, x0), k * L / 4)
    (at_midpoint,) = generalized_logistic(
        np.array([midpoint]), maximum=maximum, steepness=steepness, midpoint=midpoint
    )
    assert_close(at_midpoint, L / 2, ulps=1)


# -- The logistic equation -------------------------------------------------------


def test_sigma_solves_the_logistic_equation() -> None:
    for x in (-20, -3, -0.5, 0, 1, 7, 30):
        xm = mp.mpf(x)
        s = mp_sigmoid(xm)
        assert_identity(mp.diff(mp_sigmoid, xm), s * (1 - s))
    assert mp_sigmoid(0) == mp.mpf(1) / 2


@given(
    st.floats(-20, 20),
    st.floats(0.1, 10),
    st.floats(-4, 4).filter(lambda k: abs(k) > 0.1),
    st.floats(-5, 5),
)
def test_generalized_logistic_solves_the_equation_with_rate_and_capacity(
    x: float, maximum: float, steepness: float, midpoint: float
) -> None:
    L, k, x0 = mp.mpf(maximum), mp.mpf(steepness), mp.mpf(midpoint)

    def f(t: mp.mpf) -> mp.mpf:
        return L * mp_sigmoid(k * (t - x0))

    value = f(mp.mpf(x))
    assert_identity(mp.diff(f, mp.mpf(x)), k * value * (1 - value / L))
    assert_identity(f(x0), L / 2)


# -- Numbers in the page's prose and its exercises ----------------------------------

MATH_PAGE = Path(__file__).resolve().parent.parent / "docs" / "math.md"
DERIVATIVE_CHECK = (
    MATH_PAGE.parent.parent / "sigmoid_examples" / "family" / "plot_derivative_check.py"
)


def page_claim(pattern: str) -> re.Match[str]:
    """The page's sentence matching ``pattern``, read with whitespace runs as one space."""
    match = re.search(pattern, " ".join(MATH_PAGE.read_text(encoding="utf-8").split()))
    assert match, f"docs/math.md: no sentence matches {pattern!r}; update the test"
    return match


def solution_code() -> list[str]:
    """The Python code of every exercise solution, in order."""
    dropdowns = re.findall(
        r"^:::\{dropdown\} Solution\n(.*?)^:::$",
        MATH_PAGE.read_text(encoding="utf-8"),
        re.MULTILINE | re.DOTALL,
    )
    return [
        "".join(re.findall(r"^```python\n(.*?)^```$", text, re.MULTILINE | re.DOTALL))
        for text in dropdowns
    ]


def run_solution(index: int) -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(solution_code()[index], namespace)  # noqa: S102 (the page's own code)
    return namespace


def test_float64_thresholds_in_the_prose() -> None:
    match = page_claim(
        r"x \\ge 53\\,\\log\\,2 \\approx ([\d.]+)\$\. From there the textbook formula .*?"
        r"about \$e\^\{-x\} \\approx 10\^\{(-\d+)\}\$.*?"
        r"until \$x = 54\\,\\log\\,2 \\approx ([\d.]+)\$ \(\$\\sigma\(37\)\$ rounds to "
        r"([\d.]+)\)"
    )
    assert rounds_to(match[1], float(53 * mp.log(2)))
    assert round(math.log10(float(mp.exp(-53 * mp.log(2))))) == int(match[2])
    assert rounds_to(match[3], float(54 * mp.log(2)))
    assert float(mp_sigmoid(mp.mpf(37))) == float(match[4])
    match = page_claim(r"and is 0 from \$x \\approx ([\d.]+)\$ on\. There, use")
    assert rounds_to(match[1], float(53 * mp.log(2)))
    match = page_claim(
        r"1 from \$x \\approx ([\d.]+)\$ with the textbook formula, and from "
        r"\$([\d.]+)\$ at best"
    )
    assert rounds_to(match[1], float(53 * mp.log(2)))
    assert rounds_to(match[2], float(54 * mp.log(2)))


def test_vanishing_factors_in_the_prose() -> None:
    match = page_claim(
        r"at least \$16\^\{10\} \\approx ([\d.]+) \\times 10\^\{(\d+)\}\$, and its "
        r"typical size by \$4\^\{10\} \\approx 10\^\{(\d+)\}\$"
    )
    assert rounds_to(match[1], 16**10 / 10 ** int(match[2]))
    assert round(math.log10(4**10)) == int(match[3])


def test_numerical_check_numbers_are_what_the_example_prints() -> None:
    match = page_claim(
        r"smallest, about \$10\^\{(-\d+)\}\$, at \$h \\approx ([\d.]+) \\times "
        r"10\^\{(-\d+)\}\$, ([\d.]+) times the rule of thumb \$h \\approx "
        r"\\varepsilon\^\{1/3\} \\approx ([\d.]+) \\times 10\^\{(-\d+)\}\$"
    )
    result = run_example(DERIVATIVE_CHECK)
    assert round(math.log10(result["errors"].min())) == int(match[1])
    assert rounds_to(match[2], result["best"] / 10 ** int(match[3]))
    cube_root = float(np.cbrt(np.finfo(np.float64).eps))
    assert rounds_to(match[4], result["best"] / cube_root)
    assert rounds_to(match[5], cube_root / 10 ** int(match[6]))


def test_every_exercise_has_solution_code() -> None:
    code = solution_code()
    assert len(code) == 3
    assert all("print(" in block for block in code)


def test_exercise_where_sigma_reaches_0_9() -> None:
    namespace = run_solution(0)
    match = page_claim(
        r"&= \\log\\,9 \\approx ([\d.]+)\..*?width \$2\\log\\,9 \\approx ([\d.]+)\$"
    )
    log_9 = mp.log(9)
    assert rounds_to(match[1], float(log_9))
    assert rounds_to(match[2], float(2 * log_9))
    assert_close(namespace["x"], log_9, ulps=2)
    assert_close(namespace["width"], 2 * log_9, ulps=2)
    assert_identity(mp_sigmoid(log_9), mp.mpf(9) / 10)


def test_exercise_taylor_series_at_work() -> None:
    namespace = run_solution(1)
    match = page_claim(
        r"that is ([\d.]+)…, while \$\\sigma\(0\.5\)\$ is ([\d.]+)…: the error, about "
        r"\$([\d.]+) \\times 10\^\{(-\d+)\}\$, is a little under the first term left "
        r"out, \$0\.5\^5/480 \\approx ([\d.]+) \\times 10\^\{(-\d+)\}\$"
    )
    half = mp.mpf(1) / 2
    three_terms = half + half / 4 - half**3 / 48
    exact = mp_sigmoid(half)
    assert str(three_terms).startswith(match[1])  # digits shown, then "..."
    assert str(exact).startswith(match[2])
    error, next_term = exact - three_terms, half**5 / 480
    assert rounds_to(match[3], float(error) / 10 ** int(match[4]))
    assert rounds_to(match[5], float(next_term) / 10 ** int(match[6]))
    assert 0 < error < next_term
    # The code's coefficients are the series' (checked above against mpmath).
    for k, value in namespace["a"].items():
        assert_identity(
            mp.mpf(value.numerator) / value.denominator, taylor_coefficient(k)
        )


def test_exercise_gradient_through_six_layers() -> None:
    namespace = run_solution(2)
    sigmoid_factors = namespace["sigmoid_factors"]
    relu_factors = namespace["relu_factors"]
    match = page_claim(
        r"Each sigmoid layer multiplies the mean square by between ([\d.]+) and "
        r"([\d.]+), under \$1/16 = 0\.0625\$.*?by a factor of about "
        r"\$(\d+) \\times 10\^\{(\d+)\}\$\. Each ReLU layer multiplies it by a factor "
        r"between ([\d.]+) and ([\d.]+), and the six together by ([\d.]+):"
    )
    assert (
        float(match[1])
        < sigmoid_factors.min()
        <= sigmoid_factors.max()
        < float(match[2])
    )
    assert sigmoid_factors.max() < 1 / 16
    shrink = 1 / np.prod(sigmoid_factors)
    assert round(shrink / 10 ** int(match[4])) == int(match[3])
    assert float(match[5]) < relu_factors.min() <= relu_factors.max() < float(match[6])
    assert rounds_to(match[7], np.prod(relu_factors))
