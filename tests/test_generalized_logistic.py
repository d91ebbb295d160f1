"""generalized_logistic: parameters that broadcast, their checks, its rounding."""

from __future__ import annotations

from typing import Any

import mpmath
import numpy as np
import numpy.typing as npt
import pytest
from reference import mp_generalized_logistic, round_to

from sigmoid import _formulas, generalized_logistic, sigmoid

PARAMETERS = ("maximum", "steepness", "midpoint")
UNSIGNED = {np.dtype(np.float16): np.uint16, np.dtype(np.float32): np.uint32}


def bits(y: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """The bit patterns of ``y``, NaN of either sign counted as one pattern."""
    unsigned = UNSIGNED.get(y.dtype, np.uint64)
    return np.where(np.isnan(y), np.nan, y).view(unsigned)


# ----------------------------------------------------------------------------
# broadcasting


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_a_column_of_steepnesses_draws_one_curve_per_row(dtype: type) -> None:
    x: npt.NDArray[Any] = np.linspace(-8, 8, 70_001).astype(dtype)  # several blocks
    steepness = np.array([0.5, 1, 2])[:, None]
    curves = generalized_logistic(x, steepness=steepness, maximum=3.0)
    assert curves.shape == (3, x.size)
    assert curves.dtype == dtype
    for row, k in zip(curves, steepness.ravel().tolist(), strict=True):
        np.testing.assert_array_equal(
            row, generalized_logistic(x, steepness=k, maximum=3.0)
        )


def test_every_parameter_broadcasts_like_a_ufunc_argument() -> None:
    rng = np.random.default_rng(7)
    x = rng.uniform(-5, 5, (4, 1, 5))
    maximum = rng.uniform(1, 9, (3, 1))
    steepness = rng.uniform(-2, 2, 5)[::-1]  # a strided view
    midpoint = np.float32(0.75)
    result = generalized_logistic(
        x, maximum=maximum, steepness=steepness, midpoint=midpoint
    )
    assert result.shape == np.broadcast_shapes(x.shape, maximum.shape, steepness.shape)
    for i, j, m in np.ndindex(result.shape):
        assert result[i, j, m] == generalized_logistic(
            x[i, 0, m],
            maximum=float(maximum[j, 0]),
            steepness=float(steepness[m]),
            midpoint=float(midpoint),
        )


@pytest.mark.parametrize(
    "parameter", [2.5, np.float64(2.5), np.array(2.5), np.array([2.5]), [[2.5]]]
)
def test_scalars_0d_and_one_element_arrays_give_the_same_values(
    parameter: Any,
) -> None:
    x = np.linspace(-3, 3, 7)
    expected = generalized_logistic(x, maximum=2.5)
    result = generalized_logistic(x, maximum=parameter)
    assert result.shape == np.broadcast_shapes(x.shape, np.shape(parameter))
    np.testing.assert_array_equal(result.reshape(x.shape), expected)


def test_scalar_input_and_scalar_parameters_give_a_scalar() -> None:
    assert type(generalized_logistic(1.0, maximum=np.array(2.0))) is np.float64
    result = generalized_logistic(1.0, steepness=[1.0, 2.0])
    assert isinstance(result, np.ndarray)
    assert result.shape == (2,)


@pytest.mark.parametrize("x_dtype", [np.float16, np.float32, np.float64, np.int32])
@pytest.mark.parametrize(
    "parameter_dtype", [np.float16, np.float32, np.float64, np.int64, np.uint8]
)
def test_result_has_the_dtype_of_x_whatever_the_parameters(
    x_dtype: type, parameter_dtype: type
) -> None:
    x: npt.NDArray[Any] = np.arange(-3, 4).astype(x_dtype)
    parameter: npt.NDArray[Any] = np.array([1, 2, 3]).astype(parameter_dtype)[:, None]
    result = generalized_logistic(x, maximum=parameter, steepness=parameter)
    assert result.dtype == (np.float64 if x_dtype is np.int32 else x_dtype)


def test_parameters_stand_for_their_float64_values() -> None:
    x = np.linspace(-10, 10, 201, dtype=np.float32)
    k32 = np.float32(0.1)  # 0.100000001490116...
    np.testing.assert_array_equal(
        generalized_logistic(x, steepness=np.array([k32])),
        generalized_logistic(x, steepness=float(k32)),
    )
    big = 2**53 + 1  # rounds to 2**53 in float64
    np.testing.assert_array_equal(
        generalized_logistic(x, maximum=np.array([big])),
        generalized_logistic(x, maximum=float(big)),
    )


# ----------------------------------------------------------------------------
# checks: which errors for which parameter values


@pytest.mark.parametrize("parameter", PARAMETERS)
@pytest.mark.parametrize(
    "value",
    [
        np.nan,
        np.inf,
        -np.inf,
        np.float32(np.nan),
        np.array([1.0, np.nan]),
        np.array([[0.5], [np.inf]]),
        10**400,
        -(10**400),
        [1.0, 10**400],
    ],
    ids=repr,
)
def test_non_finite_parameters_are_value_errors(parameter: str, value: Any) -> None:
    with pytest.raises(ValueError, match=rf"^generalized_logistic\(\): {parameter}"):
        generalized_logistic(np.zeros(3), **{parameter: value})


BAD_PARAMETERS = [
    "1",
    b"1",
    None,
    1j,
    True,
    np.bool_(False),
    np.array([True, False]),
    np.array([1 + 0j]),
    np.array([1.0], dtype=object),
    [[1.0, 2.0], [3.0]],  # ragged
]


@pytest.mark.parametrize("parameter", PARAMETERS)
@pytest.mark.parametrize("value", BAD_PARAMETERS, ids=repr)
def test_non_real_parameters_are_type_errors(parameter: str, value: Any) -> None:
    with pytest.raises(
        TypeError, match=rf"^generalized_logistic\(\): {parameter} must be real"
    ):
        generalized_logistic(np.zeros(3), **{parameter: value})


@pytest.mark.skipif(
    np.finfo(np.longdouble).nmant == np.finfo(np.float64).nmant,
    reason="longdouble is float64 on this platform",
)
def test_extended_precision_parameters_are_type_errors() -> None:
    with pytest.raises(TypeError, match=r"steepness must be real"):
        generalized_logistic(0.0, steepness=np.longdouble(2))


def test_a_good_parameter_is_never_described(monkeypatch: pytest.MonkeyPatch) -> None:
    # The message was built before the check, so a list parameter paid for
    # its whole repr on every call (67 ms of 173 ms at 10**6 elements).
    from sigmoid import _validation

    def fail(_: object) -> str:
        raise AssertionError

    monkeypatch.setattr(_validation, "_describe", fail)
    result = generalized_logistic([0.0, 1.0], maximum=[1.0, 2.0], steepness=[1, 2])
    assert result.shape == (2,)


def test_parameters_that_do_not_broadcast_are_value_errors() -> None:
    # The message names the parameter (issue 21: it listed shapes only).
    with pytest.raises(
        ValueError, match=r"^generalized_logistic\(\): steepness of shape \(2,\)"
    ):
        generalized_logistic(np.zeros(3), steepness=np.ones(2))


def test_arguments_are_checked_before_anything_is_computed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*_: object, **__: object) -> None:
        raise AssertionError

    monkeypatch.setattr(_formulas, "generalized_logistic", fail)
    for kwargs in ({"maximum": np.nan}, {"midpoint": "0"}, {"steepness": np.ones(2)}):
        with pytest.raises((TypeError, ValueError), match="generalized_logistic"):
            generalized_logistic(np.zeros(3), **kwargs)


def test_zero_steepness_is_flat_at_half_the_maximum_even_at_infinity() -> None:
    x = np.array([-np.inf, -1.0, 5.0, np.inf, np.nan])
    result = generalized_logistic(x, maximum=3.0, steepness=[[0.0], [1.0]])
    np.testing.assert_array_equal(result[0], [1.5, 1.5, 1.5, 1.5, np.nan])
    np.testing.assert_array_equal(result[1, [0, 3]], [0.0, 3.0])


def test_negative_maximum_turns_the_curve_upside_down() -> None:
    x = np.linspace(-700, 40, 1001)
    np.testing.assert_array_equal(
        generalized_logistic(x, maximum=-2.0), -2 * sigmoid(x)
    )


def test_huge_maximum_keeps_the_lower_tail_where_exp_underflows() -> None:
    # 1e300 e**-750 is about 5.3e-26: exp(-750) alone underflows to 0.
    for x in (-720.0, -750.0, -800.0):
        exact = mp_generalized_logistic(mpmath.mpf(x), maximum=1e300)
        value = generalized_logistic(x, maximum=1e300)
        assert abs(value - exact) <= (2 * abs(x) + 3) * np.spacing(float(exact))
        assert generalized_logistic(np.float32(x), maximum=1e300) == round_to(
            exact, np.float32
        )


# ----------------------------------------------------------------------------
# at the default parameters: sigmoid, bit for bit


def test_defaults_equal_sigmoid_for_every_float16() -> None:
    x = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16)
    np.testing.assert_array_equal(bits(generalized_logistic(x)), bits(sigmoid(x)))


def test_defaults_equal_sigmoid_for_float32() -> None:
    rng = np.random.default_rng(13)
    sample = rng.integers(0, 1 << 32, 1 << 22, dtype=np.uint64).astype(np.uint32)
    # Before issue 13, generalized_logistic differed from sigmoid by 1 ULP on
    # 67 float32 inputs (found by comparing the two on all 2**32): multiples
    # of 2**-24 below 2**-16 in size, such as 3 * 2**-23, where the float64
    # value lands on a midpoint, and -0.001117885229177773.
    small = np.arange(1, 1 << 16, dtype=np.float32) * np.float32(2**-24)
    known = np.array([-0.001117885229177773], dtype=np.float32)
    x = np.concatenate([sample.view(np.float32), small, -small, known])
    exact = mp_generalized_logistic(mpmath.mpf(3 * 2**-23))  # just below a midpoint
    assert generalized_logistic(np.float32(3 * 2**-23)) == round_to(exact, np.float32)
    assert round_to(exact, np.float32) == 0.5 + 2**-24  # 0.50000006, not 0.50000012
    np.testing.assert_array_equal(bits(generalized_logistic(x)), bits(sigmoid(x)))


def test_defaults_equal_sigmoid_for_float64() -> None:
    rng = np.random.default_rng(14)
    x = np.concatenate(
        [rng.uniform(-750, 750, 1 << 20), rng.standard_normal(1 << 16) * 1e-9]
    )
    np.testing.assert_array_equal(bits(generalized_logistic(x)), bits(sigmoid(x)))


# ----------------------------------------------------------------------------
# float16 and float32: correctly rounded, against mpmath

# (maximum, steepness, midpoint): exact parameters; a rounded steepness and
# midpoint, whose argument is rounded twice in float64; a falling curve; a
# maximum so large that the result is normal where exp(z) is subnormal; and a
# steep curve far from 0.
PARAMETER_SETS = [
    (10.0, 3.0, 2.0),
    (1.0, 0.7, 0.3),
    (-2.5, -1.3, 1e3),
    (1e300, 0.37, 600.0),
    (3.0, 1e5, -0.1),
]


def hardest(
    x: npt.NDArray[Any], dtype: type, parameters: dict[str, float], count: int
) -> npt.NDArray[Any]:
    """The ``count`` inputs whose float64 value lies nearest a midpoint of dtype."""
    w = generalized_logistic(x.astype(np.float64), **parameters)
    with np.errstate(over="ignore", invalid="ignore"):
        rounded = w.astype(dtype).astype(np.float64)
        spacing = np.spacing(np.abs(w.astype(dtype))).astype(np.float64)
        distance = np.abs(np.abs(w - rounded) / spacing - 0.5)
    return x[np.argsort(np.nan_to_num(distance, nan=1.0))[:count]]


@pytest.mark.parametrize(("maximum", "steepness", "midpoint"), PARAMETER_SETS)
@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_results_are_correctly_rounded(
    dtype: type, maximum: float, steepness: float, midpoint: float
) -> None:
    parameters = {"maximum": maximum, "steepness": steepness, "midpoint": midpoint}
    rng = np.random.default_rng(15)
    # Inputs where the curve is neither 0 nor saturated: z in (-830, 40).
    z = rng.uniform(-830, 40, 1 << 18) * rng.uniform(0, 1, 1 << 18) ** 4
    with np.errstate(over="ignore"):
        x: npt.NDArray[Any] = (midpoint + z / steepness).astype(dtype)
    x = np.unique(x[np.isfinite(x)])
    chosen = np.concatenate([hardest(x, dtype, parameters, 200), x[:: x.size // 100]])
    result = generalized_logistic(chosen, **parameters)
    expected = [
        round_to(mp_generalized_logistic(mpmath.mpf(float(v)), **parameters), dtype)
        for v in chosen
    ]
    np.testing.assert_array_equal(result, np.array(expected, dtype))


def test_a_maximum_on_a_midpoint_rounds_by_the_side_the_curve_is_on() -> None:
    # L = 1 + 3 * 2**-24 lies halfway between the float32 numbers 1 + 2**-23
    # and 1 + 2**-22. L sigma(z) < L for every finite z, however large, so it
    # rounds down; at x = inf it is L itself, a tie, which goes to the even
    # 1 + 2**-22. At x = x0 the value is L/2, again a tie.
    maximum = 1 + 3 * 2**-24
    x = np.array([20.0, 1e3, 3e38, np.inf, 0.0], dtype=np.float32)
    result = generalized_logistic(x, maximum=maximum)
    below, even = np.float32(1 + 2**-23), np.float32(1 + 2**-22)
    np.testing.assert_array_equal(result, [below, below, below, even, even / 2])


# Inputs whose float64 value lies 32 to 410 float64 ULPs on the wrong side of
# a float32 midpoint: the two roundings in z = k (x - x0), with |z| from 399
# to 741, amplified by |z|. Found by searching every float32 input with z in
# (-815, -300) for float64 values within 18 + 2|z| ULPs of a midpoint; the
# guard of sigmoid alone (8 ULPs) would not recompute them.
ARGUMENT_ROUNDING = [
    ((1e300, 0.7, 0.3), [-889.5713500976562, -912.1044921875, -1057.890380859375]),
    ((1e300, 0.37, 600.0), [-1441.778076171875]),
    ((1e200, 1.1, -0.9), [-363.48797607421875, -464.38519287109375]),
]


@pytest.mark.parametrize(("parameters", "inputs"), ARGUMENT_ROUNDING)
def test_guard_covers_the_rounding_of_the_argument(
    parameters: tuple[float, float, float], inputs: list[float]
) -> None:
    maximum, steepness, midpoint = parameters
    kwargs = {"maximum": maximum, "steepness": steepness, "midpoint": midpoint}
    x = np.array(inputs, dtype=np.float32)
    expected = np.array(
        [
            round_to(mp_generalized_logistic(mpmath.mpf(v), **kwargs), x.dtype)
            for v in inputs
        ],
        dtype=np.float32,
    )
    rounded_once = generalized_logistic(x.astype(np.float64), **kwargs).astype(
        np.float32
    )
    assert (rounded_once != expected).all()
    np.testing.assert_array_equal(generalized_logistic(x, **kwargs), expected)
