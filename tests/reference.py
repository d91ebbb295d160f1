"""mpmath references at 50 digits and ULP distances, shared by the tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mpmath
import numpy as np
import numpy.typing as npt

mpmath.mp.dps = 50

MpFunction = Callable[[Any], Any]


def mp_sigmoid(x: Any) -> Any:
    return 1 / (1 + mpmath.exp(-x))


def mp_derivative(x: Any, order: int = 1) -> Any:
    # Written in e = exp(-|x|), which is exact in the tails at 50 digits.
    e = mpmath.exp(-abs(x))
    if order == 1:
        return e / (1 + e) ** 2
    if order == 2:
        return -mpmath.sign(x) * e * (1 - e) / (1 + e) ** 3
    return e * (1 - 4 * e + e * e) / (1 + e) ** 4


def mp_log_sigmoid(x: Any) -> Any:
    return -mpmath.log1p(mpmath.exp(-x))


def mp_logit(p: Any) -> Any:
    return mpmath.log(p / (1 - p))


def reference(fn: MpFunction, x: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """fn at every element of x (exactly converted to mpmath), rounded to float64."""
    flat = np.asarray(x, dtype=np.float64).ravel()
    return np.array([float(fn(mpmath.mpf(v))) for v in flat.tolist()]).reshape(
        np.shape(x)
    )


def reference_rounded(fn: MpFunction, x: npt.ArrayLike, dtype: Any) -> npt.NDArray[Any]:
    """fn at x, correctly rounded to ``dtype`` (float16 or float32).

    Rounding the 50-digit value to float64 first and then to ``dtype`` could
    round twice; ``sigmoid._exact.round_fraction`` rounds the exact rational.
    """
    from fractions import Fraction

    from sigmoid._exact import round_fraction

    def exact(value: Any) -> Fraction:
        # mpmath stores a value as (sign, mantissa, exponent, bits): exact.
        sign, mantissa, exponent, _ = mpmath.mpf(value)._mpf_
        magnitude = Fraction(int(mantissa)) * Fraction(2) ** int(exponent)
        return -magnitude if sign else magnitude

    flat = np.asarray(x, dtype=np.float64).ravel()
    values = [
        round_fraction(exact(fn(mpmath.mpf(v))), np.dtype(dtype)) for v in flat.tolist()
    ]
    return np.array(values, dtype=dtype).reshape(np.shape(x))


def ulp_error(
    computed: npt.ArrayLike, fn: MpFunction, x: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    """|computed - fn(x)| in units of the float64 spacing at fn(x), via mpmath."""
    computed = np.asarray(computed, dtype=np.float64).ravel()
    flat = np.asarray(x, dtype=np.float64).ravel()
    errors = []
    for c, v in zip(computed.tolist(), flat.tolist(), strict=True):
        exact = fn(mpmath.mpf(v))
        spacing = float(np.spacing(abs(float(exact))))
        errors.append(float(abs(mpmath.mpf(c) - exact) / spacing))
    return np.array(errors)
