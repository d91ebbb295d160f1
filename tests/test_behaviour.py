"""The behaviour contract: dtypes, shapes, out=, special values, bad input."""

from __future__ import annotations

import subprocess
import sys
import threading
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

import sigmoid as sg
from sigmoid import (
    generalized_logistic,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_derivative,
)

Function = Callable[..., Any]


def second_derivative(x: Any, **kwargs: Any) -> Any:
    return sigmoid_derivative(x, order=2, **kwargs)


def third_derivative(x: Any, **kwargs: Any) -> Any:
    return sigmoid_derivative(x, order=3, **kwargs)


WITH_OUT: list[Function] = [
    sigmoid,
    sigmoid_derivative,
    second_derivative,
    third_derivative,
    log_sigmoid,
    logit,
]
ALL: list[Function] = [*WITH_OUT, generalized_logistic]
NAMES = {
    second_derivative: "sigmoid_derivative",
    third_derivative: "sigmoid_derivative",
}


def name_of(function: Function) -> str:
    return NAMES.get(function, function.__name__)


def sample(function: Function) -> np.ndarray:
    """Inputs in the function's domain, including both tails."""
    if function is logit:
        return np.array([0.0, 1e-300, 0.1, 0.3, 0.45, 0.5, 0.9, 1.0])
    return np.array([-800.0, -30.0, -1.0, 0.0, 1.0, 30.0, 800.0])


# ----------------------------------------------------------------------------
# dtypes


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_float_dtypes_are_preserved(function: Function, dtype: type) -> None:
    x: npt.NDArray[Any] = sample(function).astype(dtype)
    assert function(x).dtype == dtype
    assert function(x[0]).dtype == dtype


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize(
    "dtype", [np.bool_, np.int8, np.uint8, np.int32, np.int64, np.uint64]
)
def test_bool_and_integers_compute_in_float64(function: Function, dtype: type) -> None:
    x: npt.NDArray[Any] = np.array([0, 1], dtype=dtype)
    result = function(x)
    assert result.dtype == np.float64
    np.testing.assert_array_equal(result, function(x.astype(np.float64)))


@pytest.mark.parametrize("function", ALL)
def test_python_numbers_give_numpy_float64_scalars(function: Function) -> None:
    for value in (0, 1, 0.25, True):
        result = function(value)
        assert type(result) is np.float64
        assert result == function(np.float64(value))


@pytest.mark.parametrize("function", ALL)
def test_numpy_scalar_gives_numpy_scalar_of_its_dtype(function: Function) -> None:
    result = function(np.float32(0.25))
    assert type(result) is np.float32


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.int32])
def test_non_native_byte_order_is_computed_in_native_order(
    function: Function, dtype: type
) -> None:
    native: npt.NDArray[Any] = sample(function).astype(dtype)
    swapped = native.astype(native.dtype.newbyteorder())  # same values
    result = function(swapped)
    assert result.dtype.isnative
    assert result.dtype == function(native).dtype
    np.testing.assert_array_equal(result, function(native))


@pytest.mark.skipif(
    np.finfo(np.longdouble).nmant == np.finfo(np.float64).nmant,
    reason="longdouble is float64 on this platform",
)
@pytest.mark.parametrize("function", ALL)
def test_longdouble_is_a_clear_type_error(function: Function) -> None:
    with pytest.raises(TypeError, match=r"longdouble|float128|float96"):
        function(np.ones(3, dtype=np.longdouble))


# ----------------------------------------------------------------------------
# shapes and memory layout


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize("shape", [(0,), (3, 0), (1,), (2, 3), (2, 1, 4)])
def test_shape_is_kept(function: Function, shape: tuple[int, ...]) -> None:
    x = np.full(shape, 0.25)
    result = function(x)
    assert isinstance(result, np.ndarray)
    assert result.shape == shape


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.int64])
def test_zero_dimensional_array_gives_a_scalar_as_a_ufunc_does(
    function: Function, dtype: type
) -> None:
    x: npt.NDArray[Any] = np.array(0.25 if dtype is not np.int64 else 0, dtype=dtype)
    assert type(np.exp(x)) is type(function(x))  # np.float16, ... np.float64
    assert function(x) == function(x.reshape(1))[0]


@pytest.mark.parametrize("function", ALL)
def test_empty_input_gives_empty_output(function: Function) -> None:
    for dtype in (np.float16, np.float32, np.float64, np.int64):
        result = function(np.array([], dtype=dtype))
        assert result.shape == (0,)
    assert function([]).shape == (0,)


@pytest.mark.parametrize("function", ALL)
def test_non_contiguous_views_match_contiguous_copies(function: Function) -> None:
    base = np.linspace(-0.9, 0.9, 120).reshape(10, 12)
    if function is logit:
        base = base / 2 + 0.5
    for view in (base[::2, ::3], base.T, base[:, 5], base[::-1]):
        np.testing.assert_array_equal(function(view), function(view.copy()))


@pytest.mark.parametrize("function", ALL)
def test_list_input(function: Function) -> None:
    x = [0.1, 0.2, 0.3]
    np.testing.assert_array_equal(function(x), function(np.array(x)))


def test_arrays_longer_than_one_block_with_tails_in_several_blocks() -> None:
    from sigmoid._blocks import BLOCK

    rng = np.random.default_rng(0)
    x = rng.uniform(-30, 30, 3 * BLOCK + 17)
    x[[5, BLOCK + 3, 3 * BLOCK + 16]] = [-720.0, -745.0, -1e308]
    blocked = sigmoid(x)
    one_at_a_time = np.array([sigmoid(v) for v in x[:: BLOCK // 8]])
    np.testing.assert_array_equal(blocked[:: BLOCK // 8], one_at_a_time)
    assert blocked[5] == sigmoid(-720.0) > 0
    assert blocked[BLOCK + 3] == 5e-324
    assert blocked[3 * BLOCK + 16] == 0.0


# ----------------------------------------------------------------------------
# out=


@pytest.mark.parametrize("function", WITH_OUT)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_out_is_filled_and_returned(function: Function, dtype: type) -> None:
    x: npt.NDArray[Any] = sample(function).astype(dtype)
    out = np.empty_like(x)
    result = function(x, out=out)
    assert result is out
    np.testing.assert_array_equal(out, function(x))


@pytest.mark.parametrize("function", WITH_OUT)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_in_place(function: Function, dtype: type) -> None:
    x: npt.NDArray[Any] = sample(function).astype(dtype)
    expected = function(x)
    assert function(x, out=x) is x
    np.testing.assert_array_equal(x, expected)


@pytest.mark.parametrize("function", WITH_OUT)
def test_overlapping_out_gives_the_same_result(function: Function) -> None:
    buffer = np.linspace(0.05, 0.95, 11)
    expected = function(buffer[1:].copy())
    function(buffer[1:], out=buffer[:-1])
    np.testing.assert_array_equal(buffer[:-1], expected)


@pytest.mark.parametrize("function", WITH_OUT)
def test_non_contiguous_out(function: Function) -> None:
    x = sample(function)
    out = np.zeros(2 * x.size)[::2]
    function(x, out=out)
    np.testing.assert_array_equal(out, function(x))


# The out= a ufunc accepts for a result of shape (3,) and a given dtype: a
# shape the result broadcasts to, a dtype it casts to under "same_kind".
OUT_CASES = [
    ((3,), np.float64, np.float64),
    ((2, 3), np.float64, np.float64),  # broadcast
    ((1, 1, 3), np.float32, np.float32),
    ((3,), np.float32, np.float64),  # float32 result into float64
    ((3,), np.float64, np.float32),  # float64 into float32: same kind
    ((3,), np.float64, np.float16),
    ((3,), np.int64, np.float64),  # ints compute in float64
    ((4,), np.float64, np.float64),  # wrong shape
    ((3, 1), np.float64, np.float64),  # broadcasts, but not to out's shape
    ((1,), np.float64, np.float64),  # the result does not fit
    ((), np.float64, np.float64),
    ((3,), np.float64, np.int64),  # float into int: not same kind
    ((3,), np.float32, np.int32),
    ((3,), np.float64, np.complex128),  # float into complex is allowed
    ((3,), np.float64, np.bool_),
]


@pytest.mark.parametrize("function", WITH_OUT)
@pytest.mark.parametrize(("out_shape", "x_dtype", "out_dtype"), OUT_CASES)
def test_out_is_accepted_exactly_where_a_ufunc_accepts_it(
    function: Function, out_shape: tuple[int, ...], x_dtype: type, out_dtype: type
) -> None:
    x: npt.NDArray[Any] = np.array([0.25, 0.5, 0.75]).astype(x_dtype)  # ints: 0, 0, 0
    try:
        np.exp(x, out=np.zeros(out_shape, out_dtype))
    except (TypeError, ValueError) as err:
        # The same kind of error (a ufunc's casting error is a TypeError),
        # naming the function.
        kind = TypeError if isinstance(err, TypeError) else ValueError
        with pytest.raises(kind, match=rf"{name_of(function)}\(\)"):
            function(x, out=np.zeros(out_shape, out_dtype))
        return
    out: npt.NDArray[Any] = np.zeros(out_shape, out_dtype)
    assert function(x, out=out) is out
    expected: npt.NDArray[Any] = np.broadcast_to(function(x), out_shape).astype(
        out_dtype
    )
    np.testing.assert_array_equal(out, expected)


@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")
@pytest.mark.parametrize("function", WITH_OUT)
@pytest.mark.parametrize("n", [3, 65_537])
def test_matrix_out_of_any_size(function: Function, n: int) -> None:
    # An np.matrix out of more than one block (65,536 elements) used to fail
    # with NumPy's broadcast ValueError: its flat view stayed 2-D.
    x = np.linspace(0.01, 0.99, n).reshape(1, n)
    out = np.asmatrix(np.zeros((1, n)))
    assert function(x, out=out) is out
    np.testing.assert_array_equal(np.asarray(out), function(x))


@pytest.mark.parametrize("function", [log_sigmoid, logit])
def test_cast_into_a_narrower_out_emits_no_warning(function: Function) -> None:
    # log_sigmoid(-1e39) = -1e39 and logit(1e-300) = -690.8 fit float64; the
    # first is -inf in float32, as a cast gives, without a warning.
    x = np.array([-1e39, 0.5]) if function is log_sigmoid else np.array([1e-300])
    out = np.zeros(x.shape, np.float16 if function is logit else np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        function(x, out=out)
    with np.errstate(over="ignore"):
        expected = function(x).astype(out.dtype)
    np.testing.assert_array_equal(out, expected)


def test_read_only_out_is_a_value_error() -> None:
    out = np.empty(3)
    out.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        sigmoid(np.zeros(3), out=out)


# ----------------------------------------------------------------------------
# containers that NumPy itself has (pandas, xarray, dask and torch are tested
# in tests_ecosystem, by nox -s ecosystem)


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64])
def test_masked_array_keeps_its_mask_and_masked_data(
    function: Function, dtype: type
) -> None:
    data: npt.NDArray[Any] = (
        sample(function) * (1 if function is logit else 0.5)
    ).astype(dtype)
    mask = np.arange(data.size) % 3 == 1
    x = np.ma.MaskedArray(data, mask=mask)
    result = function(x)
    assert type(result) is np.ma.MaskedArray
    np.testing.assert_array_equal(np.ma.getmaskarray(result), mask)
    computed = function(data)
    assert result.dtype == computed.dtype
    np.testing.assert_array_equal(result.data[~mask], computed[~mask])
    # Masked entries are left alone: the input's data, as np.ma.exp leaves them.
    np.testing.assert_array_equal(result.data[mask], data[mask].astype(result.dtype))


@pytest.mark.parametrize("function", WITH_OUT)
def test_masked_array_into_a_masked_out(function: Function) -> None:
    x = np.ma.MaskedArray([0.2, 0.4, 0.6], mask=[False, True, False])
    out = np.ma.MaskedArray(np.zeros(3))
    assert function(x, out=out) is out
    np.testing.assert_array_equal(out.mask, [False, True, False])
    assert out.data[0] == function(0.2)
    assert out.data[1] == 0.4


@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")
@pytest.mark.parametrize("function", ALL)
def test_matrix_stays_a_matrix(function: Function) -> None:
    x = np.asmatrix([[0.2, 0.4], [0.6, 0.8]])
    result = function(x)
    assert type(result) is np.matrix
    np.testing.assert_array_equal(np.asarray(result), function(np.asarray(x)))


class _Wrapping:
    """An object with __array__ and __array_wrap__, as torch tensors have."""

    def __init__(self, values: npt.NDArray[Any]) -> None:
        self.values = values

    def __array__(self, dtype: Any = None, copy: Any = None) -> npt.NDArray[Any]:
        return self.values

    def __array_wrap__(self, array: npt.NDArray[Any]) -> _Wrapping:
        return _Wrapping(array)  # one argument only, as torch's


class _ArrayOnly:
    def __array__(self, dtype: Any = None, copy: Any = None) -> npt.NDArray[Any]:
        return np.array([0.2, 0.4])


# NumPy warns that a one-argument __array_wrap__ is deprecated; torch's is one.
@pytest.mark.filterwarnings("ignore:__array_wrap__ must accept:DeprecationWarning")
@pytest.mark.parametrize("function", ALL)
def test_objects_are_wrapped_by_their_array_wrap_as_by_a_ufunc(
    function: Function,
) -> None:
    x = np.array([0.2, 0.4, 0.6])
    wrapped: Any = np.exp(_Wrapping(x))  # what a ufunc does
    assert type(wrapped) is _Wrapping
    result = function(_Wrapping(x))
    assert type(result) is _Wrapping
    np.testing.assert_array_equal(result.values, function(x))
    plain = function(_ArrayOnly())
    assert type(plain) is np.ndarray
    np.testing.assert_array_equal(plain, function(np.array([0.2, 0.4])))


# ----------------------------------------------------------------------------
# special values


def test_sigmoid_limits_are_exact() -> None:
    assert sigmoid(-np.inf) == 0.0
    assert sigmoid(np.inf) == 1.0
    assert sigmoid(0.0) == 0.5
    # From x = 37.43 on, 1 - sigma(x) < 2**-54, half the spacing below 1, so
    # the true value rounds to 1 and the result must be exactly 1.
    assert sigmoid(37.5) == 1.0
    assert sigmoid(np.nextafter(37.43, 38)) == 1.0
    assert sigmoid(np.float32(17.4)) == np.float32(1.0)
    assert sigmoid(np.float16(8.4)) == np.float16(1.0)


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_nan_gives_nan(function: Function, dtype: type) -> None:
    assert np.isnan(function(np.array([np.nan], dtype=dtype))).all()


def test_infinities() -> None:
    for order in (1, 2, 3):
        assert sigmoid_derivative(np.inf, order=order) == 0.0
        assert sigmoid_derivative(-np.inf, order=order) == 0.0
    assert log_sigmoid(-np.inf) == -np.inf
    assert log_sigmoid(np.inf) == 0.0
    assert generalized_logistic(np.inf, maximum=3.0) == 3.0
    assert generalized_logistic(-np.inf, maximum=3.0) == 0.0


EDGE = [-np.inf, np.inf, np.nan, -3e38, 3e38, -1e19, 1e19, -0.0, 0.0]


@pytest.mark.parametrize("size", [9, 70_000])  # one block, several blocks
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_limits_inside_small_and_large_arrays(size: int, dtype: type) -> None:
    # The formulas fix up overflow block by block, so the limits are checked
    # both in a short array and placed at the end of the last of several
    # blocks. In float16, +-3e38 and +-1e19 are +-inf.
    with np.errstate(over="ignore"):
        edge: np.ndarray = np.array(EDGE).astype(dtype)
    x: np.ndarray = np.random.default_rng(0).uniform(-20, 20, size).astype(dtype)
    x[-edge.size :] = edge
    ln2 = -np.log(np.asarray(2.0, dtype=dtype))
    sig = [0, 1, np.nan, 0, 1, 0, 1, 0.5, 0.5]
    log_sig = [-np.inf, 0, np.nan, edge[3], 0, edge[5], 0, ln2, ln2]
    der = [0, 0, np.nan, 0, 0, 0, 0, 0.25, 0.25]
    for function, expected in (
        (sigmoid, sig),
        (log_sigmoid, log_sig),
        (sigmoid_derivative, der),
    ):
        result = function(x)[-edge.size :]
        np.testing.assert_array_equal(result, np.array(expected, dtype=dtype))


def test_logit_edges_follow_scipy() -> None:
    assert logit(0.0) == -np.inf
    assert logit(1.0) == np.inf
    assert logit(0.5) == 0.0
    result = logit(np.array([-0.5, 1.5, -np.inf, np.inf, np.nan]))
    assert np.isnan(result).all()


def test_second_derivative_at_zero_is_positive_zero() -> None:
    for zero in (0.0, -0.0):
        result = sigmoid_derivative(zero, order=2)
        assert result == 0.0
        assert not np.signbit(result)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_second_derivative_keeps_the_sign_of_values_that_round_to_zero(
    dtype: type,
) -> None:
    # sigma''(x) = -sigma'(x) tanh(x/2) is negative for x > 0 and positive
    # for x < 0; where it underflows it rounds to -0 and +0 respectively.
    with np.errstate(over="ignore"):  # 1e308 does not fit in float16/float32
        x: npt.NDArray[Any] = np.array([1000.0, 1e308, np.inf], dtype=dtype)
    result = sigmoid_derivative(np.concatenate([x, -x]), order=2)
    assert np.all(result == 0)
    np.testing.assert_array_equal(np.signbit(result), [True] * 3 + [False] * 3)


ALL_X = np.array(
    [-np.inf, -1e308, -800.0, -745.5, -710.0, -88.8, -20.0, -1e-300, -0.0, 0.0,
     5e-324, 1e-300, 20.0, 88.8, 710.0, 800.0, 1e308, np.inf, np.nan]
)  # fmt: skip
ALL_P = np.array([-np.inf, -1.0, -0.0, 0.0, 5e-324, 0.5, 1.0, 2.0, np.inf, np.nan])


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_no_warning_under_default_error_state(function: Function, dtype: type) -> None:
    with np.errstate(over="ignore"):  # 1e308 does not fit in float16/float32
        x: npt.NDArray[Any] = (ALL_P if function is logit else ALL_X).astype(dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        function(x)


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_no_exception_under_errstate_raise(function: Function, dtype: type) -> None:
    with np.errstate(over="ignore"):  # 1e308 does not fit in float16/float32
        x: npt.NDArray[Any] = (ALL_P if function is logit else ALL_X).astype(dtype)
    with np.errstate(all="raise"):
        function(x)
        assert np.geterr() == {
            "divide": "raise",
            "over": "raise",
            "under": "raise",
            "invalid": "raise",
        }


def test_error_state_is_left_as_it_was() -> None:
    before = np.geterr(), np.geterrcall()
    sigmoid(ALL_X)
    assert (np.geterr(), np.geterrcall()) == before


# ----------------------------------------------------------------------------
# bad input


BAD_INPUT = [
    (None, "NoneType"),
    ("0.5", "str"),
    (b"0.5", "bytes"),
    (["a", "b"], "string"),
    (np.array([1.0, "x"], dtype=object), "object"),
    ([1.0, None], "object"),
    (np.array([1 + 2j]), "complex"),
    (1 + 2j, "complex"),
    (np.array(["2026-01-01"], dtype="datetime64[D]"), "datetime"),
    (np.array([1], dtype="timedelta64[s]"), "timedelta"),
    ([[1.0, 2.0], [3.0]], "list"),
]


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize(("value", "what"), BAD_INPUT)
def test_bad_input_is_a_type_error_naming_function_and_input(
    function: Function, value: object, what: str
) -> None:
    with pytest.raises(TypeError, match=rf"^{name_of(function)}\(\).*{what}"):
        function(value)


@pytest.mark.parametrize("function", ALL)
@pytest.mark.parametrize("value", [10**400, [1.0, -(10**400)]], ids=["int", "list"])
def test_integer_too_large_for_float64_is_an_overflow_error(
    function: Function, value: object
) -> None:
    # As float(10**400) and np.float64(10**400) do; it used to be reported
    # as "expects real numbers" of an int.
    with pytest.raises(OverflowError, match=rf"^{name_of(function)}\(\).*too large"):
        function(value)


@pytest.mark.parametrize("function", ALL)
def test_bytearray_is_read_as_memoryview_is(function: Function) -> None:
    # Both are buffers of uint8, as np.asarray and np.exp read them.
    data = bytes([0, 1, 200])
    expected = function(np.array([0.0, 1.0, 200.0]))
    np.testing.assert_array_equal(function(bytearray(data)), expected)
    np.testing.assert_array_equal(function(memoryview(data)), expected)


@pytest.mark.parametrize("order", [0, 4, -1])
def test_derivative_order_out_of_range_is_a_value_error(order: int) -> None:
    with pytest.raises(ValueError, match="order must be 1, 2 or 3"):
        sigmoid_derivative(0.0, order=order)


@pytest.mark.parametrize("order", [1.0, "1", True, None])
def test_derivative_order_of_wrong_type_is_a_type_error(order: object) -> None:
    with pytest.raises(TypeError, match="order must be 1, 2 or 3"):
        sigmoid_derivative(0.0, order=order)  # type: ignore[arg-type]


def test_derivative_order_accepts_numpy_integers() -> None:
    assert sigmoid_derivative(1.0, order=np.int64(2)) == sigmoid_derivative(
        1.0, order=2
    )


def test_generalized_logistic_matches_its_formula() -> None:
    x = np.linspace(-5, 9, 57)
    result = generalized_logistic(x, maximum=10.0, steepness=1.5, midpoint=2.0)
    np.testing.assert_allclose(result, 10.0 * sigmoid(1.5 * (x - 2.0)), rtol=1e-15)
    assert generalized_logistic(2.0, maximum=10.0, midpoint=2.0) == 5.0


def test_generalized_logistic_with_zero_steepness_is_flat() -> None:
    result = generalized_logistic([-np.inf, -1.0, 5.0, np.inf, np.nan], steepness=0)
    np.testing.assert_array_equal(result[:4], 0.5)
    assert np.isnan(result[4])


def test_generalized_logistic_negative_steepness_falls() -> None:
    result = generalized_logistic([-1.0, 0.0, 1.0], steepness=-2.0)
    assert result[0] > result[1] > result[2]


# ----------------------------------------------------------------------------
# threads


def test_concurrent_calls_match_serial_calls() -> None:
    rng = np.random.default_rng(3)
    inputs = [
        rng.uniform(-800, 40, size).astype(dtype)
        for dtype in (np.float64, np.float32, np.float16)
        for size in (70_000, 1000, 3, 0)  # 36 calls: 9 rounds of 4 threads
    ]
    calls = [(f, x) for f in (sigmoid, log_sigmoid, sigmoid_derivative) for x in inputs]
    serial = [f(x) for f, x in calls]
    barrier = threading.Barrier(4)

    def work(call: tuple[Function, npt.NDArray[Any]]) -> Any:
        function, x = call
        barrier.wait(timeout=10)
        with np.errstate(all="raise"):  # another thread's state must not leak
            return function(x)

    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(work, calls))
    for a, b in zip(serial, parallel, strict=True):
        np.testing.assert_array_equal(a, b)


def test_public_api_is_the_functions_tested_here() -> None:
    assert set(sg.__all__) == {"__version__"} | {name_of(f) for f in ALL}


# ----------------------------------------------------------------------------
# inputs that broke the contract (issue 21)


@pytest.mark.parametrize("function", WITH_OUT)
@pytest.mark.parametrize("masked_out", [True, False])
def test_masked_input_into_a_narrower_out_never_warns(
    function: Function, masked_out: bool
) -> None:
    # The masked entry 1e300 is copied into out as it is, as np.ma.exp leaves
    # masked data; beyond float32 that cast overflowed, with a warning.
    x = np.ma.masked_array([1e300, 0.5], mask=[True, False])
    out = np.ma.zeros(2, np.float32) if masked_out else np.zeros(2, np.float16)
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        assert function(x, out=out) is out
    assert np.ma.getdata(out)[1] == function(np.array([0.5])).astype(out.dtype)[0]


def test_a_default_decimal_context_that_traps_inexact_changes_nothing() -> None:
    # decimal.DefaultContext is the template of every new Context: with
    # Inexact trapped, `import sigmoid` raised decimal.Inexact, and a
    # rounding mode other than half-even would change the exact fallback.
    code = (
        "import decimal\n"
        "decimal.DefaultContext.traps[decimal.Inexact] = True\n"
        "decimal.DefaultContext.rounding = decimal.ROUND_UP\n"
        "decimal.setcontext(decimal.Context())\n"
        "import numpy as np\n"
        "from sigmoid import sigmoid_derivative, log_sigmoid\n"
        # a float32 input whose sigma'' lies next to a midpoint: the exact path
        "x = np.array([15.858271, -3.0], np.float32)\n"
        "print(sigmoid_derivative(x, order=2).view(np.uint32).tolist(),"
        " log_sigmoid(-3.0).hex())\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    x = np.array([15.858271, -3.0], np.float32)
    expected = (
        f"{sigmoid_derivative(x, order=2).view(np.uint32).tolist()} "
        f"{float(log_sigmoid(-3.0)).hex()}"
    )
    assert run.stdout.strip() == expected


@pytest.mark.parametrize("function", WITH_OUT)
def test_out_as_a_ufunc_takes_it(function: Function) -> None:
    # out=(arr,), out=(None,) and out=... raised TypeError before issue 21.
    x = np.array([0.25, 0.5])
    expected = function(x)
    out = np.empty(2)
    assert function(x, out=(out,)) is out
    np.testing.assert_array_equal(out, expected)
    np.testing.assert_array_equal(function(x, out=(None,)), expected)
    zero_d = function(np.float64(0.5), out=...)
    assert type(zero_d) is np.ndarray
    assert zero_d.shape == ()
    if np.lib.NumpyVersion(np.__version__) >= "2.3.0":  # NumPy 2.2 refuses out=...
        assert type(np.exp(np.float64(0.5), out=...)) is np.ndarray  # the model
    garbage = np.full(2, 1234.5678)
    with pytest.raises(ValueError, match="one array") as info:
        function(x, out=(garbage, garbage))
    assert "1234" not in str(info.value)  # never an array's contents
    with pytest.raises(ValueError, match="out"):
        np.exp(x, out=(garbage, garbage))  # type: ignore[arg-type]


@pytest.mark.parametrize("function", ALL)
def test_python_ints_beyond_int64_and_fractions_are_computed(
    function: Function,
) -> None:
    # As NumPy arithmetic converts them (2**64 * np.float64(1)); they were
    # "expects real numbers, got int ... (object data)".
    from fractions import Fraction

    p = function is logit
    big: list[Fraction | int] = (
        [Fraction(1, 3), Fraction(2, 3)] if p else [2**64, -(2**70), Fraction(1, 3)]
    )
    expected = function(np.array([float(v) for v in big]))
    np.testing.assert_array_equal(function(big), expected)
    assert function(big[0]) == expected[0]


@pytest.mark.parametrize("function", ALL)
def test_a_non_number_in_a_list_is_named(function: Function) -> None:
    with pytest.raises(TypeError, match=r"holding str 'x'"):
        function([1.0] * 50 + ["x"])
    with pytest.raises(TypeError, match="inhomogeneous"):  # NumPy's reason
        function([[1.0, 2.0], [3.0]])


def test_a_parameter_too_large_is_a_value_error_whatever_its_type() -> None:
    # steepness=2**70 was a TypeError, 10**400 a ValueError.
    assert generalized_logistic(1.0, steepness=2**70) == 1.0
    with pytest.raises(ValueError, match="steepness must be finite"):
        generalized_logistic(1.0, steepness=10**400)


@pytest.mark.parametrize("function", ALL)
def test_fortran_order_is_kept_as_by_a_ufunc(function: Function) -> None:
    # It came back C-ordered (issue 21); np.exp keeps the input's order.
    x = np.asfortranarray(np.linspace(0.01, 0.99, 12).reshape(3, 4))
    result = function(x)
    assert result.flags.f_contiguous == np.exp(x).flags.f_contiguous
    assert result.flags.f_contiguous
    np.testing.assert_array_equal(result, function(np.ascontiguousarray(x)))


def test_optional_libraries_are_never_imported() -> None:
    # ml_dtypes, pandas, xarray, dask and pyarrow are looked up in
    # sys.modules, never imported: an object of theirs exists only if its
    # library is loaded already.
    code = (
        "import sys, numpy as np, sigmoid as s\n"
        "s.sigmoid(np.float32([1.0, 2.0])); s.generalized_logistic([1.0], maximum=[2.0])\n"
        "s.log_sigmoid(np.ma.masked_array([1.0], mask=[True]))\n"
        "print(sorted({'ml_dtypes', 'pandas', 'xarray', 'dask', 'pyarrow'}"
        " & set(sys.modules)))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]"
