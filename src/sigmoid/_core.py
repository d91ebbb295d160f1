"""The public functions. Each body is one call: ``run`` checks the arguments
and applies the formula of ``_formulas`` to the input a block at a time, with
the exact fallback of ``_rounding`` for float16 and float32 results."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from . import _formulas, _rounding
from . import _log_sigmoid_table as _table
from ._blocks import run
from ._containers import elementwise
from ._types import Array


@elementwise
def sigmoid(x: npt.ArrayLike, /, *, out: Array | None = None) -> Any:
    r"""Logistic sigmoid, :math:`\sigma(x) = 1 / (1 + e^{-x})`, element-wise.

    Accuracy: correctly rounded in float32 and float16, within 2.5 ULP in
    float64 (subnormal results included), measured against mpmath.

    Parameters
    ----------
    x : array_like
        Real input: float16, float32 or float64 keep their dtype; bool,
        integers and Python numbers are computed in float64. Masked arrays,
        pandas, xarray and dask objects, ``np.matrix`` and torch tensors are
        taken as ``scipy.special.expit`` takes them.
    out : ndarray or tuple of one ndarray, optional
        Where to write the result, as for a NumPy ufunc: the result's shape
        must broadcast to its shape and the result's dtype cast to its dtype
        under ``same_kind`` casting. It may be `x` itself (in place).

    Returns
    -------
    ndarray, scalar or the input's container
        :math:`\sigma(x)` in :math:`[0, 1]`, of `x`'s shape and memory order:
        a NumPy scalar for a scalar, `out` if given, and the input's
        container with its metadata (a dask array stays lazy).

    Raises
    ------
    TypeError
        If `x` is not real numbers (``None``, strings, object, complex,
        datetime or timedelta data, ``np.longdouble``), or the result cannot
        be cast to `out`'s dtype.
    ValueError
        If the result's shape does not broadcast to `out`'s, or `out` is
        read-only.
    OverflowError
        If `x` holds a Python integer beyond the range of float64.

    See Also
    --------
    sigmoid_derivative : :math:`\sigma'(x) = \sigma(x)\,\sigma(-x)`.
    log_sigmoid : :math:`\log \sigma(x)`, accurate where :math:`\sigma(x)` underflows.
    logit : The inverse function.
    scipy.special.expit : SciPy's sigmoid.

    Notes
    -----
    .. math::

        \sigma(x) = \frac{1}{1 + e^{-x}} \quad (x \ge -709.78), \qquad
        \sigma(x) = e^{x} \quad (x < -709.78),

    where the first form would give 0 for a true value that is subnormal.
    float16 and float32 results are computed in float64, rounded once, and
    recomputed exactly where that rounding is in doubt. No floating-point
    warning is emitted, whatever ``np.seterr`` says; no state is kept
    between calls. The site's page *How it is computed* gives the details.

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
    return run("sigmoid", _formulas.sigmoid, x, out, _rounding.exact_sigmoid)


@elementwise
def sigmoid_derivative(
    x: npt.ArrayLike, /, *, order: int = 1, out: Array | None = None
) -> Any:
    r"""Derivatives of the sigmoid: :math:`\sigma'`, :math:`\sigma''` or :math:`\sigma'''`.

    Accuracy: correctly rounded in float32 and float16; in float64 within
    4 ULP for :math:`\sigma'` and :math:`\sigma''`, 8 ULP for
    :math:`\sigma'''` (next to its zeros too), measured against mpmath.

    Parameters
    ----------
    x : array_like
        Real input, as for :func:`sigmoid`.
    order : {1, 2, 3}, optional
        Which derivative to return. Default 1.
    out : ndarray or tuple of one ndarray, optional
        Where to write the result, as for :func:`sigmoid`.

    Returns
    -------
    ndarray, scalar or the input's container
        The derivative at `x`, with the rules of :func:`sigmoid`.

    Raises
    ------
    ValueError
        If `order` is not 1, 2 or 3, or as for :func:`sigmoid`.
    TypeError
        If `order` is not an integer, or as for :func:`sigmoid`.
    OverflowError
        As for :func:`sigmoid`.

    See Also
    --------
    sigmoid : The function itself.

    Notes
    -----
    .. math::

        \sigma'(x) &= \sigma(x)\,\sigma(-x) = \frac{1}{2 + 2\cosh x}, \\
        \sigma''(x) &= -\sigma'(x) \tanh(x/2), \\
        \sigma'''(x) &= \sigma'(x)\,(1 - 6\sigma'(x))
                      = \frac{e\,(e - a)(e - b)}{(1 + e)^4},
        \quad e = e^{-|x|},\ a = \frac{1}{b} = 2 - \sqrt{3},

    products and quotients of well-conditioned factors, where the textbook
    :math:`\sigma(1 - \sigma)` cancels (it is 0 from :math:`x = 36.7` in
    float64). :math:`\sigma''(\pm 0) = +0`; elsewhere a zero result has
    the sign of the true value.

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
    if isinstance(order, bool) or not isinstance(order, (int, np.integer)):
        msg = f"sigmoid_derivative(): order must be 1, 2 or 3, got {order!r}"
        raise TypeError(msg)
    if order not in _formulas.derivatives:
        msg = f"sigmoid_derivative(): order must be 1, 2 or 3, got {order!r}"
        raise ValueError(msg)
    formula, exact = _formulas.derivatives[order], _rounding.exact_derivatives[order]
    return run("sigmoid_derivative", formula, x, out, exact)


@elementwise
def log_sigmoid(x: npt.ArrayLike, /, *, out: Array | None = None) -> Any:
    r"""Logarithm of the sigmoid, :math:`\log \sigma(x) = -\log(1 + e^{-x})`.

    Accuracy: correctly rounded in float32 and float16, within 1.1 ULP in
    float64 (``scipy.special.log_expit`` reaches 1.4), measured against mpmath.

    Parameters
    ----------
    x : array_like
        Real input, as for :func:`sigmoid`.
    out : ndarray or tuple of one ndarray, optional
        Where to write the result, as for :func:`sigmoid`.

    Returns
    -------
    ndarray, scalar or the input's container
        :math:`\log \sigma(x) \le 0`, with the rules of :func:`sigmoid`.

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
    The negative softplus of :math:`-x`, the log-likelihood term of logistic
    regression. With :math:`|x| = j/8 + r`, :math:`|r| \le 1/16`, and
    :math:`T = e^{-j/8}` from a table,

    .. math::

        \log \sigma(x) = \min(x, 0) - \log(1 + T)
            - \operatorname{log1p}\left(\frac{T}{1+T}\,\operatorname{expm1}(-r)\right)

    in float64; float16 and float32 use :math:`-\operatorname{log1p}(e^{-x})`
    in float64, rounded once. ``np.log(sigmoid(x))`` gives 0 for
    :math:`x > 36.7` and :math:`-\infty` for :math:`x < -745`.

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
    exact = _rounding.exact_log_sigmoid
    return run("log_sigmoid", _formulas.log_sigmoid, x, out, exact, float64=table)


@elementwise
def logit(p: npt.ArrayLike, /, *, out: Array | None = None) -> Any:
    r"""Inverse of the sigmoid, the log-odds :math:`\log(p / (1 - p))`.

    Accuracy: correctly rounded in float32 and float16, within 1.5 ULP in
    float64, measured against mpmath.

    Parameters
    ----------
    p : array_like
        Probabilities. Values outside :math:`[0, 1]` give NaN.
    out : ndarray or tuple of one ndarray, optional
        Where to write the result, as for :func:`sigmoid`.

    Returns
    -------
    ndarray, scalar or the input's container
        The log-odds, with the rules of :func:`sigmoid`; ``logit(0) = -inf``,
        ``logit(1) = +inf``.

    Raises
    ------
    TypeError, ValueError, OverflowError
        As for :func:`sigmoid`; a probability outside :math:`[0, 1]` is not
        an error (SciPy's convention).

    See Also
    --------
    sigmoid : The inverse of this function.
    scipy.special.logit : SciPy's version.

    Notes
    -----
    .. math::

        \operatorname{logit}(p) = 2 \operatorname{artanh}(2p - 1) \quad
        (p \ge 1/4), \qquad \log\frac{p}{1 - p} \quad (p < 1/4),

    in which :math:`2p - 1` is exact; the direct formula loses every digit
    near :math:`p = 1/2` (8192 ULP off at :math:`p = 0.5 + 2^{-40}`).

    Examples
    --------
    >>> import numpy as np
    >>> from sigmoid import logit, sigmoid
    >>> logit(np.array([0.0, 0.25, 0.5, 1.0, 1.5]))
    array([       -inf, -1.09861229,  0.        ,         inf,         nan])
    >>> logit(sigmoid(3.0))  # sigma(3) is rounded; logit magnifies that error
    np.float64(3.000000000000003)
    """
    return run("logit", _formulas.logit, p, out, _rounding.exact_logit)


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
    `midpoint`, broadcast against `x` as the arguments of a ufunc are.

    Accuracy: correctly rounded in float32 and float16 for any parameters;
    in float64 within a few ULP where :math:`z = k (x - x_0) > -1`, and
    :math:`2|z| + 3` ULP below.

    Parameters
    ----------
    x : array_like
        Real input, as for :func:`sigmoid`.
    maximum : array_like, optional
        The supremum :math:`L`; default 1. A negative :math:`L` turns the
        curve upside down, into :math:`(L, 0)`.
    steepness : array_like, optional
        The growth rate :math:`k`; default 1. The slope at the midpoint is
        :math:`k L / 4`; :math:`k = 0` gives the constant :math:`L / 2`.
    midpoint : array_like, optional
        The :math:`x_0` at which :math:`f = L / 2`; default 0.

    Returns
    -------
    ndarray, scalar or the input's container
        :math:`f(x)`, of the shape `x` and the parameters broadcast to, and of
        the dtype :func:`sigmoid` gives for `x` whatever the parameters'
        dtypes (the parameters describe the curve; `x` is the data). With a
        pandas or xarray `x`, a Series, DataFrame or DataArray parameter is
        lined up by label as that library's arithmetic does.

    Raises
    ------
    TypeError
        If `x` is not accepted (see :func:`sigmoid`); if a parameter is not
        real numbers (``None``, a string, bool, complex or object data); if
        `x` is a dask array and a parameter is not a scalar; or if a pandas
        parameter's labels do not match `x`'s.
    ValueError
        If a parameter holds NaN, :math:`\pm\infty` or a number beyond
        float64, or does not broadcast against `x`. Every argument is checked
        before anything is computed.

    See Also
    --------
    sigmoid : The case :math:`L = 1, k = 1, x_0 = 0`.

    Notes
    -----
    .. math::

        z = k (x - x_0), \qquad f = \frac{L}{1 + e^{-z}}
        \quad (z \ge -709.78), \qquad f = L e^{z} \quad (z < -709.78),

    as :func:`sigmoid` evaluates :math:`\sigma(z)`, so the default parameters
    give ``sigmoid(x)`` bit for bit. The two roundings in :math:`z` are
    amplified by :math:`|z|\,\sigma(-z)`; float16 and float32 results within
    :math:`18 + 2|z|` float64 ULPs of a rounding boundary are recomputed
    exactly, from :math:`z` formed as a fraction.

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
    return run(
        "generalized_logistic", _formulas.generalized_logistic, x, None,
        _rounding.exact_generalized_logistic,
        maximum=maximum, steepness=steepness, midpoint=midpoint,
    )  # fmt: skip
