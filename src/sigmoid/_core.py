"""The public functions: each checks its arguments, then runs its formula."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from . import _formulas
from . import _log_sigmoid_table as _table
from ._blocks import run
from ._containers import elementwise
from ._rounding import (
    exact_derivatives,
    exact_generalized_logistic,
    exact_log_sigmoid,
    exact_logit,
    exact_sigmoid,
)
from ._types import Array


@elementwise
def sigmoid(x: npt.ArrayLike, /, *, out: Array | None = None) -> Any:
    r"""Logistic sigmoid, :math:`\sigma(x) = 1 / (1 + e^{-x})`, element-wise.

    Parameters
    ----------
    x : array_like
        Real input: float16, float32 or float64 arrays keep their dtype; bool
        and integer input is computed in float64. Masked arrays, pandas,
        xarray and dask objects, ``np.matrix`` and torch tensors are taken
        as ``scipy.special.expit`` takes them (see Returns).
    out : ndarray, optional
        Array to write the result into, as for a NumPy ufunc: the result's
        shape must broadcast to its shape, and the result's dtype cast to its
        dtype under ``same_kind`` casting. It is returned. It may be ``x``
        itself, which computes in place.

    Returns
    -------
    ndarray, scalar or the input's container
        :math:`\sigma(x)` in :math:`[0, 1]`, of the same shape as `x`. A
        scalar or 0-d array gives a NumPy scalar. A masked array keeps its
        mask (masked entries keep the input's data), pandas and xarray
        objects their index, columns, coords and attrs, and a dask array
        stays lazy; ``np.matrix`` and torch tensors come back as themselves.

    Raises
    ------
    TypeError
        If `x` is not real numbers (``None``, strings, bytes, object, complex,
        datetime or timedelta data, or ``np.longdouble`` wider than float64),
        or if `out` is not an ndarray or the result cannot be cast to its
        dtype under ``same_kind`` casting (float into an integer, say).
    ValueError
        If the result's shape does not broadcast to `out`'s, or `out` is
        read-only.
    OverflowError
        If `x` holds a Python integer too large for float64.

    See Also
    --------
    sigmoid_derivative : :math:`\sigma'(x) = \sigma(x)\,\sigma(-x)`.
    log_sigmoid : :math:`\log \sigma(x)`, accurate where :math:`\sigma(x)` underflows.
    logit : The inverse function.
    scipy.special.expit : SciPy's sigmoid.

    Notes
    -----
    In float64 the function is evaluated as

    .. math::

        \sigma(x) = \frac{1}{1 + e^{-x}} \quad (x \ge -709.78), \qquad
        \sigma(x) = e^{x} \quad (x < -709.78).

    The first form is accurate wherever :math:`e^{-x}` does not overflow, and
    it is monotone because each of its steps is. Below :math:`-709.78`, where
    the naive formula returns 0 although the true value is a positive
    (subnormal) number, :math:`\sigma(x) = e^x / (1 + e^x)` and
    :math:`1 + e^x` rounds to 1. The overflow is detected by NumPy's
    floating-point error callback, so the common case pays nothing for it.
    The work is done in blocks of 65,536 elements that stay in the CPU cache,
    so that a large array is read once and written once.

    float16 and float32 input is evaluated in float64 and rounded once. The
    rare results whose float64 value lies within 16 float64 ULPs of a rounding
    boundary (a midpoint between two float32 or float16 numbers) are
    recomputed exactly with :mod:`decimal`, so float16 and float32 results are
    correctly rounded on any machine whose ``np.exp`` is accurate to a few
    ULP. The other functions do the same.

    Accuracy, measured against mpmath at 50 digits (``nox -s accuracy``):
    at most 2.5 ULP in float64 (subnormal results included), and correctly
    rounded (at most 0.5 ULP) for every float32 and every float16 input.

    Special values: :math:`\sigma(-\infty) = 0`, :math:`\sigma(+\infty) = 1`,
    NaN gives NaN, and the result is exactly 1.0 wherever the true value
    rounds to 1. An empty array gives an empty array. No floating-point
    warning or exception is ever raised, whatever ``np.seterr`` says, and the
    caller's error state is left as it was. The function keeps no state
    between calls, and it is safe to call from several threads at once.

    Examples
    --------
    >>> import numpy as np
    >>> from sigmoid import sigmoid
    >>> sigmoid(0.0)
    np.float64(0.5)
    >>> sigmoid(np.array([-np.inf, -1.0, 0.0, 1.0, np.inf]))
    array([0.        , 0.26894142, 0.5       , 0.73105858, 1.        ])

    Far in the left tail the naive formula overflows and returns 0, while the
    true value is a subnormal number:

    >>> x = np.array([-720.0])
    >>> with np.errstate(over="ignore"):
    ...     1 / (1 + np.exp(-x))
    array([0.])
    >>> sigmoid(x)
    array([2.0322308e-313])

    float32 stays float32:

    >>> sigmoid(np.array([1.0, 2.0], dtype=np.float32))
    array([0.7310586, 0.8807971], dtype=float32)
    """
    return run("sigmoid", _formulas.sigmoid, x, out, exact_sigmoid)


_DERIVATIVES = {
    1: _formulas.derivative1,
    2: _formulas.derivative2,
    3: _formulas.derivative3,
}


@elementwise
def sigmoid_derivative(
    x: npt.ArrayLike, /, *, order: int = 1, out: Array | None = None
) -> Any:
    r"""Derivatives of the sigmoid: :math:`\sigma'`, :math:`\sigma''` or :math:`\sigma'''`.

    Parameters
    ----------
    x : array_like
        Real input, as for :func:`sigmoid`.
    order : {1, 2, 3}, optional
        Which derivative to return. Default 1.
    out : ndarray, optional
        Array to write the result into, as for :func:`sigmoid`; it is returned.

    Returns
    -------
    ndarray, scalar or the input's container
        The derivative at `x`, with the shape, dtype and container rules of
        :func:`sigmoid`.

    Raises
    ------
    ValueError
        If `order` is not 1, 2 or 3, or `out` is not accepted (see
        :func:`sigmoid`).
    TypeError
        If `x` or `out` is not accepted (see :func:`sigmoid`), or `order` is
        not an integer.
    OverflowError
        As for :func:`sigmoid`.

    See Also
    --------
    sigmoid : The function itself.

    Notes
    -----
    The three derivatives are evaluated as

    .. math::

        \sigma'(x) &= \sigma(x)\,\sigma(-x) = \frac{1}{2 + 2\cosh x}, \\
        \sigma''(x) &= -\sigma'(x) \tanh(x/2), \\
        \sigma'''(x) &= \sigma'(x)\,(1 - 6\sigma'(x))
                      = \frac{e\,(e - a)(e - b)}{(1 + e)^4},
        \quad e = e^{-|x|},\ a = \frac{1}{b} = 2 - \sqrt{3} = e^{-x_0},

    with :math:`e - a = a \operatorname{expm1}(x_0 - |x|)`.

    Each form is a product or quotient of well-conditioned factors, so no
    digits cancel. The textbook :math:`\sigma(1 - \sigma)` does cancel: it is
    more than 4 ULP off from :math:`x = 1.8` and exactly 0 for
    :math:`x > 36.7` in float64 (16.6 in float32), although the true value is
    a normal number up to :math:`x = 708`. Where :math:`\cosh x` overflows
    (:math:`|x| > 710.5`) the result is :math:`e^{-|x|}`, to which the exact
    value rounds. :math:`\sigma'''` vanishes at
    :math:`|x| = x_0 = \log(2 + \sqrt{3}) \approx 1.317`, where the numerator
    :math:`1 - 4e + e^2` written out would lose every digit; factored, its
    vanishing factor comes from :math:`x_0 - |x|`, which is exact near the
    zeros (:math:`x_0` is held as a pair of float64 numbers).

    Accuracy, measured against mpmath at 50 digits (``nox -s accuracy``):
    :math:`\sigma'` and :math:`\sigma''` within 4 ULP in float64,
    :math:`\sigma'''` within 8 ULP (next to its zeros too); all three
    correctly rounded in float32 and float16, as for :func:`sigmoid`.

    Special values: the derivatives are 0 at :math:`\pm\infty`, NaN gives
    NaN, an empty array gives an empty array, and no floating-point warning
    is emitted. :math:`\sigma''(\pm 0)` is :math:`+0`; elsewhere a zero
    result of :math:`\sigma''` has the sign of the true value (:math:`-0`
    for large positive :math:`x`, :math:`+0` for large negative).

    Examples
    --------
    >>> import numpy as np
    >>> from sigmoid import sigmoid_derivative
    >>> sigmoid_derivative(0.0)
    np.float64(0.25)
    >>> sigmoid_derivative(np.array([-1.0, 0.0, 1.0]), order=2)
    array([ 0.09085775,  0.        , -0.09085775])

    The textbook formula collapses to 0 in the tail; this does not:

    >>> from sigmoid import sigmoid
    >>> s = sigmoid(40.0)
    >>> s * (1 - s)
    np.float64(0.0)
    >>> sigmoid_derivative(40.0)
    np.float64(4.248354255291589e-18)
    """
    if isinstance(order, (bool, np.bool_)) or not isinstance(order, (int, np.integer)):
        msg = f"sigmoid_derivative(): order must be 1, 2 or 3, got {order!r}"
        raise TypeError(msg)
    if int(order) not in _DERIVATIVES:
        msg = f"sigmoid_derivative(): order must be 1, 2 or 3, got {order!r}"
        raise ValueError(msg)
    formula, exact = _DERIVATIVES[int(order)], exact_derivatives[int(order)]
    return run("sigmoid_derivative", formula, x, out, exact)


@elementwise
def log_sigmoid(x: npt.ArrayLike, /, *, out: Array | None = None) -> Any:
    r"""Logarithm of the sigmoid, :math:`\log \sigma(x) = -\log(1 + e^{-x})`.

    Parameters
    ----------
    x : array_like
        Real input, as for :func:`sigmoid`.
    out : ndarray, optional
        Array to write the result into, as for :func:`sigmoid`; it is returned.

    Returns
    -------
    ndarray, scalar or the input's container
        :math:`\log \sigma(x) \le 0`, with the dtype and container rules
        of :func:`sigmoid`.

    Raises
    ------
    TypeError, ValueError, OverflowError
        As for :func:`sigmoid`.

    See Also
    --------
    sigmoid : The function itself.
    scipy.special.log_expit : SciPy's version.

    Notes
    -----
    :math:`\log \sigma(x)` is the negative softplus of :math:`-x`, the
    log-likelihood term of logistic regression and of binary cross-entropy
    computed from logits. In float64 it is evaluated as
    :math:`\min(x, 0) - \log(1 + e^{-a})` with :math:`a = |x|`, and the
    logarithm is taken apart around the nearest point :math:`j/8` of a grid:
    with :math:`T = e^{-j/8}`, :math:`r = a - j/8` (:math:`|r| \le 1/16`),

    .. math::

        \log(1 + e^{-a}) = \log(1 + T)
            + \operatorname{log1p}\left(\frac{T}{1+T}\,\operatorname{expm1}(-r)\right).

    :math:`\log(1 + T)` (to about 100 bits, as a pair of float64 numbers) and
    :math:`T/(1+T)` come from a table of 5,969 entries computed with
    :mod:`decimal` when the package is imported. NumPy's ``expm1`` and
    ``log1p`` only act on arguments below :math:`1/16`, so their errors are
    scaled down by that much, and what is left is the rounding of the last
    two additions. The direct formula :math:`-\operatorname{log1p}(e^{-x})`
    adds up the errors of NumPy's vectorised ``exp`` and ``log1p`` (up to
    0.63 and 0.58 ULP) and is 1.6 ULP off at worst; the table costs three
    ``np.take`` lookups per element. float16 and float32 input uses the
    direct formula in float64, rounded once, with the results near a
    rounding boundary recomputed exactly, as for :func:`sigmoid`.

    Computing ``np.log(sigmoid(x))`` instead gives 0 for :math:`x > 36.7`
    (where the true value is about :math:`-e^{-x}`) and :math:`-\infty` for
    :math:`x < -745` (where it is about :math:`x`).

    Accuracy, measured against mpmath at 50 digits (``nox -s accuracy``):
    at most 1.1 ULP in float64, subnormal results included
    (``scipy.special.log_expit`` reaches 1.4), and correctly rounded in
    float32 and float16.

    Special values: :math:`\log\sigma(-\infty) = -\infty`,
    :math:`\log\sigma(+\infty) = -0.0`, NaN gives NaN, and no
    floating-point warning is emitted.

    Examples
    --------
    >>> import numpy as np
    >>> from sigmoid import log_sigmoid, sigmoid
    >>> log_sigmoid(np.array([-1000.0, 0.0, 50.0]))
    array([-1.00000000e+03, -6.93147181e-01, -1.92874985e-22])
    >>> with np.errstate(divide="ignore"):
    ...     np.log(sigmoid(np.array([-1000.0, 0.0, 50.0])))
    array([       -inf, -0.69314718,  0.        ])
    """
    table = (_table.log_sigmoid, _table.BLOCK)  # for float64 results
    return run(
        "log_sigmoid", _formulas.log_sigmoid, x, out, exact_log_sigmoid, float64=table
    )


@elementwise
def logit(p: npt.ArrayLike, /, *, out: Array | None = None) -> Any:
    r"""Inverse of the sigmoid, the log-odds :math:`\log(p / (1 - p))`.

    Parameters
    ----------
    p : array_like
        Probabilities. Values outside :math:`[0, 1]` give NaN.
    out : ndarray, optional
        Array to write the result into, as for :func:`sigmoid`; it is returned.

    Returns
    -------
    ndarray, scalar or the input's container
        The log-odds, with the dtype and container rules of :func:`sigmoid`.

    Raises
    ------
    TypeError, ValueError, OverflowError
        As for :func:`sigmoid`; a probability outside :math:`[0, 1]` is not
        an error.

    See Also
    --------
    sigmoid : The inverse of this function.
    scipy.special.logit : SciPy's version.

    Notes
    -----
    For :math:`p \ge 1/4` the function is evaluated as
    :math:`2 \operatorname{artanh}(2p - 1)`, in which :math:`2p - 1` is exact;
    below, as :math:`\log(p / (1 - p))`. The direct formula loses every digit
    near :math:`p = 1/2`, where the result is close to 0 (8192 ULP off at
    :math:`p = 0.5 + 2^{-40}`).

    Accuracy, measured against mpmath at 50 digits (``nox -s accuracy``):
    at most 1.5 ULP in float64, and correctly rounded in float32 and
    float16 (computed in float64 and rounded once, as for :func:`sigmoid`).

    Special values: ``logit(0) = -inf``, ``logit(1) = +inf``, values outside
    :math:`[0, 1]` and NaN give NaN, with no warning (SciPy's convention).

    Examples
    --------
    >>> import numpy as np
    >>> from sigmoid import logit, sigmoid
    >>> logit(np.array([0.0, 0.25, 0.5, 1.0, 1.5]))
    array([       -inf, -1.09861229,  0.        ,         inf,         nan])
    >>> logit(sigmoid(3.0))  # sigma(3) is rounded; logit magnifies that error
    np.float64(3.000000000000003)
    """
    return run("logit", _formulas.logit, p, out, exact_logit)


@elementwise
def generalized_logistic(
    x: npt.ArrayLike,
    /,
    *,
    maximum: npt.ArrayLike = 1.0,
    steepness: npt.ArrayLike = 1.0,
    midpoint: npt.ArrayLike = 0.0,
) -> Any:
    r"""Logistic curve with a given maximum, steepness and midpoint.

    .. math::

        f(x) = \frac{L}{1 + e^{-k (x - x_0)}}

    with :math:`L` = `maximum`, :math:`k` = `steepness` and :math:`x_0` =
    `midpoint`. The parameters broadcast against `x` as the arguments of a
    NumPy ufunc do, so that one call can draw a family of curves.

    Parameters
    ----------
    x : array_like
        Real input, as for :func:`sigmoid`.
    maximum : array_like, optional
        The supremum :math:`L`; default 1. A negative :math:`L` turns the
        curve upside down, into :math:`(L, 0)`.
    steepness : array_like, optional
        The growth rate :math:`k`; default 1. The slope at the midpoint is
        :math:`k L / 4`. A negative :math:`k` gives a falling curve, and
        :math:`k = 0` the constant :math:`L / 2` (at :math:`\pm\infty` too).
    midpoint : array_like, optional
        The :math:`x_0` at which :math:`f = L / 2`; default 0.

    Returns
    -------
    ndarray, scalar or the input's container
        :math:`f(x)`, of the shape that `x` and the parameters broadcast to,
        and of the dtype :func:`sigmoid` gives for `x`, whatever the
        parameters' dtypes; a NumPy scalar when that shape is 0-d. The
        container rules of :func:`sigmoid` apply to `x`.

    Raises
    ------
    TypeError
        If `x` is not accepted (see :func:`sigmoid`), or a parameter is not
        real numbers: ``None``, a string, bool, complex or object data, or
        extended precision; if `x` is a dask array and a parameter is not
        a scalar; or if a pandas parameter's labels do not match `x`'s.
    ValueError
        If a parameter holds NaN or :math:`\pm\infty`, an int too large for
        float64 (from about :math:`1.8 \times 10^{308}`, alone or in a
        list), or does not broadcast against `x`. Every argument is checked before anything is
        computed.

    See Also
    --------
    sigmoid : The case :math:`L = 1, k = 1, x_0 = 0`.

    Notes
    -----
    Each parameter stands for its float64 value: float16 and float32 values
    are float64 values, and integers are rounded to float64. The result
    keeps the dtype of `x`, where NumPy's promotion would turn float32 input
    with float64 parameter arrays into a float64 result: the parameters
    describe the curve, `x` and the result are the data.

    In float64 the curve is evaluated as

    .. math::

        z = k (x - x_0), \qquad f = \frac{L}{1 + e^{-z}}
        \quad (z \ge -709.78), \qquad f = L e^{z} \quad (z < -709.78),

    as :func:`sigmoid` evaluates :math:`\sigma(z)`; with the default
    parameters the result equals ``sigmoid(x)`` bit for bit, in every dtype.
    The two roundings in :math:`z`, a relative error of at most
    :math:`2^{-52}`, are amplified by :math:`|z|\,\sigma(-z)`: under
    1 ULP where :math:`z > 0`, and up to :math:`2|z|` ULP in the lower tail.
    So float64 results are within a few ULP of the exact value where
    :math:`z > -1` and within :math:`2|z| + 3` ULP below. (Where
    :math:`|L| > 1`, :math:`L e^z` is computed as
    :math:`(L e^{z/2})\, e^{z/2}`, which stays a normal number where
    :math:`e^z` alone would be subnormal.)

    float16 and float32 results are correctly rounded, for any parameters:
    the float64 value is rounded once, and where it lies within
    :math:`18 + 2|z|` float64 ULPs of a rounding boundary (the guard of
    :func:`sigmoid` widened by the error above), the element is recomputed
    with :mod:`decimal`, from :math:`z` formed exactly as a fraction, at a
    precision raised until the rounding is decided.

    The work is done in the blocks of :func:`sigmoid`, with the parameters
    read block by block, so no temporary array of the output's size is
    made (a parameter array of another layout than the result is copied a
    block at a time). Special values: for :math:`k > 0`,
    :math:`f(+\infty) = L` and :math:`f(-\infty) = 0` (the other way round
    for :math:`k < 0`); NaN gives NaN; no floating-point warning is
    emitted.

    Examples
    --------
    >>> import numpy as np
    >>> from sigmoid import generalized_logistic
    >>> generalized_logistic(np.array([0.0, 2.0, 4.0]), maximum=10.0,
    ...                      steepness=3.0, midpoint=2.0)
    array([0.02472623, 5.        , 9.97527377])

    A column of steepnesses against a row of inputs gives one curve per row:

    >>> generalized_logistic(np.array([-1.0, 0.0, 1.0]),
    ...                      steepness=np.array([[0.5], [1.0], [2.0]]))
    array([[0.37754067, 0.5       , 0.62245933],
           [0.26894142, 0.5       , 0.73105858],
           [0.11920292, 0.5       , 0.88079708]])
    """
    formula, exact = _formulas.generalized_logistic, exact_generalized_logistic
    return run(
        "generalized_logistic", formula, x, None, exact,
        maximum=maximum, steepness=steepness, midpoint=midpoint,
    )  # fmt: skip
