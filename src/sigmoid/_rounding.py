"""Correctly rounded float16 and float32 results.

A float16 or float32 result is computed in float64 and rounded once. That is
correct unless the float64 value lies so close to a *midpoint*, the value
halfway between two neighbouring numbers of the narrow type, that its own
error of a few float64 ULPs could put it on the wrong side. ``doubtful``
finds those rare elements with integer arithmetic on the float64 bit
patterns, and ``exact_sigmoid`` recomputes them with :mod:`decimal` at 60
significant digits, far more than the distance of any float16 or float32
result from a midpoint, and rounds that value with exact rational arithmetic.
``exact_generalized_logistic`` does the same for L / (1 + exp(-k (x - x0))),
whose value can lie as close to a midpoint as its parameters put it: it
raises the precision until the rounding is decided.
"""

from __future__ import annotations

import math
from decimal import Context, Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

from ._types import Array, Array64

__all__ = [
    "GUARD",
    "ZERO_BELOW",
    "doubtful",
    "exact_generalized_logistic",
    "exact_sigmoid",
    "round_fraction",
]

#: How many float64 ULPs from a midpoint count as "in doubt". The float64
#: sigmoid is accurate to 2.5 ULP (``nox -s accuracy``); 8 leaves room for a
#: less accurate ``np.exp``.
GUARD = 8
#: Below z = -820, L sigma(z) < |L| e**z < e**(709.8 - 820) < 2**-150 for every
#: float64 L: every float32 and float16 value of the logistic curve is +-0.
ZERO_BELOW = -820


class _Window:
    """How to find the float64 values near a midpoint of ``dtype``."""

    def __init__(self, dtype: type[np.floating[Any]]) -> None:
        info = np.finfo(dtype)
        dropped = 52 - info.nmant  # float64 mantissa bits that rounding drops
        # Shifted left by 64 - dropped, the dropped bits fill the top of a
        # uint64, and a midpoint (dropped bits 100...0) becomes 2**63. Read
        # as int64, values within g units of it sit at the two ends of the
        # range: below -2**63 + g * unit (just above the midpoint) or at or
        # above 2**63 - g * unit (just below it).
        self.shift = np.uint64(64 - dropped)
        self.unit = 1 << (64 - dropped)
        self.smallest_normal = float(info.smallest_normal)
        self.smallest_subnormal = float(info.smallest_subnormal)


_WINDOWS = {np.dtype(t): _Window(t) for t in (np.float16, np.float32)}


def doubtful(
    w: Array64, dtype: np.dtype[Any], subnormal: bool, guard: int = GUARD
) -> npt.NDArray[np.intp] | None:
    """Indices where ``w`` lies within ``guard`` float64 ULPs of a midpoint.

    For results that are normal numbers of ``dtype`` a midpoint is a float64
    value whose low ``52 - nmant`` mantissa bits are ``100...0``: one shift of
    the bit patterns, an ``argmin`` and an ``argmax`` tell whether any value
    is near one. Results that are subnormal in ``dtype`` (``subnormal`` says
    there may be some) have their midpoints on a fixed grid, k + 1/2 times the
    smallest subnormal, and are tested on that grid. ``w`` is overwritten
    with its shifted bit patterns. None when there are no such indices.
    """
    c = _WINDOWS[dtype]
    found = []
    if subnormal:  # before w is overwritten
        tiny = np.flatnonzero(np.abs(w) < c.smallest_normal)
        scaled = np.abs(w[tiny]) / c.smallest_subnormal
        distance = np.abs(scaled - np.floor(scaled) - 0.5)
        found.append(tiny[distance <= guard * 2.0**-52 * scaled])
    bits = w.view(np.uint64)
    np.left_shift(bits, c.shift, out=bits)
    s = w.view(np.int64)
    low, high = np.int64(-(2**63) + guard * c.unit), np.int64(2**63 - guard * c.unit)
    if s[s.argmin()] < low or s[s.argmax()] >= high:
        found.append(np.flatnonzero((s < low) | (s >= high)))
    if not found:
        return None
    indices = np.union1d(*found) if len(found) == 2 else found[0]
    return indices if indices.size else None


def round_fraction(value: Fraction, dtype: np.dtype[Any]) -> float:
    """Round an exact rational to the nearest ``dtype`` value, ties to even."""
    if value == 0:
        return 0.0
    info = np.finfo(dtype)
    precision = info.nmant + 1
    magnitude = abs(value)
    exponent = magnitude.numerator.bit_length() - magnitude.denominator.bit_length()
    if Fraction(2) ** exponent > magnitude:
        exponent -= 1
    # The spacing of dtype at the value; subnormals share the smallest one.
    quantum = max(exponent, int(info.minexp)) - (precision - 1)
    mantissa = round(magnitude / Fraction(2) ** quantum)  # round() is half-even
    result = math.ldexp(mantissa, quantum)
    if result > float(info.max):
        result = math.inf
    return math.copysign(result, value)


def exact_sigmoid(x: Array64, dtype: np.dtype[Any]) -> Array:
    """sigma(x) = 1 / (1 + exp(-x)), correctly rounded to ``dtype``."""
    y = np.empty(x.shape, dtype)
    c = Context(prec=60, Emax=10**6, Emin=-(10**6))  # its own: contexts keep flags
    for i, xi in enumerate(x.tolist()):
        if math.isfinite(xi):
            value = c.divide(1, c.add(1, c.exp(c.minus(Decimal(xi)))))
            y[i] = round_fraction(Fraction(value), dtype)
        else:  # +-inf or NaN: 0, 1 or NaN, never in doubt
            y[i] = 1 / (1 + math.exp(-xi))
    return y


def _logistic(maximum: float, z: Fraction, dtype: np.dtype[Any]) -> float:
    """L / (1 + exp(-z)) for a rational z != 0, correctly rounded to ``dtype``.

    At p digits each of the four steps errs by at most half a unit in the
    last digit, and the error of z is amplified by |z| in exp(-z): the value
    is within (|z| + 4) 10**(1 - p) of the truth, relatively. When both ends
    of that interval round alike, that is the answer; else p doubles. The
    loop ends because the value is irrational (Lindemann: exp(-z) is
    transcendental) and so never exactly a midpoint.
    """
    digits = 40
    while True:
        c = Context(prec=digits, Emax=10**6, Emin=-(10**6))
        value = Fraction(
            c.divide(
                Decimal(maximum), c.add(1, c.exp(c.divide(-z.numerator, z.denominator)))
            )
        )
        error = abs(value) * (abs(z) + 4) / 10 ** (digits - 1)
        low, high = (round_fraction(value + e, dtype) for e in (-error, error))
        if low == high:
            return low
        digits *= 2


def exact_generalized_logistic(
    x: Array64, dtype: np.dtype[Any], maximum: Array, steepness: Array, midpoint: Array
) -> Array:
    """L / (1 + exp(-k (x - x0))), correctly rounded to ``dtype``.

    The parameters broadcast against ``x``; the argument z = k (x - x0) is
    formed exactly, as a fraction, and clamped to [ZERO_BELOW, 40], which
    rounds alike: above 40, L sigma(z) lies within L e**-40 < 2**-57 L below
    L, and no midpoint of ``dtype`` lies there, since midpoints are float64
    numbers and L is one.
    """
    values = np.broadcast_arrays(x, maximum, steepness, midpoint)
    y = np.empty(x.shape, dtype)
    for i, (xi, scale, k, x0) in enumerate(
        zip(*(v.tolist() for v in values), strict=True)
    ):
        if math.isnan(xi):
            y[i] = math.nan
        elif math.isinf(xi) or xi == x0 or k == 0:  # sigma(z) is 0, 1/2 or 1
            half = Fraction(1, 2) if xi == x0 or k == 0 else Fraction(xi * k > 0)
            y[i] = round_fraction(Fraction(scale) * half, dtype)
        else:
            z = Fraction(k) * (Fraction(xi) - Fraction(x0))
            y[i] = _logistic(
                scale, min(max(z, Fraction(ZERO_BELOW)), Fraction(40)), dtype
            )
    return y
