"""Every identity on the site's "The math" page (docs/math.md), checked twice.

First in mpmath at 50 digits, which checks the page's algebra; then against
the package, with mpmath as the reference, which checks that the functions
obey the identities to within their stated accuracy. Reference values come
from mpmath only, never from the code under test.
"""

from __future__ import annotations

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_one_minus_sigma_is_zero_in_float64_from_53_log_2() -> None:
    threshold = 53 * mp.log(2)  # where e^-x = 2^-53, half an ULP of 1
    assert math.isclose(float(threshold), 36.7, abs_tol=0.05)
    below = np.linspace(30, 36.73, 674)
    above = np.linspace(36.74, 40, 327)
    for formula in (sigmoid, lambda t: 1 / (1 + np.exp(-t))):
        assert np.all(formula(below) < 1)
        assert np.all(formula(above) == 1)
        assert np.all(1 - formula(above) == 0)
    # The true derivative is about e^-x there, and sigmoid_derivative has it.
    for x in above[::40]:
        assert_close(sigmoid_derivative(x), mp_density(mp.mpf(x)), ulps=4)


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
