"""Correctly rounded float16/float32 results from Python's ``decimal`` module.

These are the slow path for the rare elements whose float64 value is too
close to a rounding boundary of the narrow type to be rounded directly (see
``_kernels._round_to``). Each value is computed with 60 significant digits,
far more than the distance of any float16/float32 result from a midpoint, and
rounded to the target format with exact rational arithmetic.
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["round_fraction", "sigmoid"]

_CONTEXT = decimal.Context(prec=60, Emax=10**6, Emin=-(10**6))


def round_fraction(value: Fraction, dtype: np.dtype[Any]) -> float:
    """Round an exact rational to the nearest ``dtype`` value, ties to even."""
    if value == 0:
        return 0.0
    info = np.finfo(dtype)
    precision = info.nmant + 1
    min_exponent = int(info.minexp)  # exponent of the smallest normal number
    magnitude = abs(value)
    exponent = magnitude.numerator.bit_length() - magnitude.denominator.bit_length()
    if Fraction(2) ** exponent > magnitude:
        exponent -= 1
    quantum = max(exponent, min_exponent) - (precision - 1)
    mantissa = round(magnitude / Fraction(2) ** quantum)  # round() is half-even
    result = math.ldexp(mantissa, quantum)
    if result > float(info.max):
        result = math.inf
    return math.copysign(result, value)


def _vectorize(
    formula: Callable[[decimal.Decimal], decimal.Decimal | float],
) -> Callable[[npt.NDArray[np.float64], np.dtype[Any]], npt.NDArray[Any]]:
    def exact(x: npt.NDArray[np.float64], dtype: np.dtype[Any]) -> npt.NDArray[Any]:
        out = np.empty(x.shape, dtype)
        for i, xi in enumerate(x.tolist()):
            if math.isnan(xi):
                out[i] = math.nan
                continue
            value = formula(decimal.Decimal(xi))
            if isinstance(value, float):
                out[i] = value
            else:
                out[i] = round_fraction(Fraction(value), dtype)
        return out

    return exact


def _sigmoid(x: decimal.Decimal) -> decimal.Decimal | float:
    if x.is_infinite():
        return 1.0 if x > 0 else 0.0
    c = _CONTEXT
    return c.divide(1, c.add(1, c.exp(c.minus(x))))


sigmoid = _vectorize(_sigmoid)
