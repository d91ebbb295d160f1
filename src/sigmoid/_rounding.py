"""Correctly rounded float16 and float32 results.

A float16 or float32 result is computed in float64 and rounded once. That is
correct unless the float64 value lies so close to a *midpoint*, the value
halfway between two neighbouring numbers of the narrow type, that its own
error of a few float64 ULPs could put it on the wrong side. ``doubtful``
finds those rare elements with integer arithmetic on the float64 bit
patterns, and the function's exact fallback (``exact_sigmoid`` and the
others) recomputes them with :mod:`decimal` in ``decided``: at 120
significant digits, far more than the distance of any float16 or float32
result from a midpoint, rounded with exact rational arithmetic, and at twice
the digits again until the rounding is decided (which it is at once but for
L / (1 + exp(-k (x - x0))), whose value can lie as close to a midpoint as
its parameters put it).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

from ._types import Array, Array64, Exact

#: How many float64 ULPs from a midpoint count as "in doubt": about twice the
#: largest error of a float64 formula at float16 and float32 inputs. Measured
#: against mpmath (``python tests/test_rounding.py``: 410,000 float32 inputs
#: per formula, the 10,000 nearest each zero of sigma''' among them), the
#: float64 values are within 2.1 ULP for sigmoid, 2.3 for sigma', 2.8 for
#: sigma'', 6.6 for sigma''' (its products and (1 + e)**2 squared; 7.0 at
#: float64 inputs), 1.5 for log_sigmoid's direct formula and 1.0 for logit,
#: the largest seen on that sample and on others.
GUARD = 16
#: Below z = -820, L sigma(z) < |L| e**z < e**(709.8 - 820) < 2**-150 for every
#: float64 L: every float32 and float16 value of the logistic curve is +-0.
ZERO_BELOW = -820


#: np.finfo of each narrow dtype, looked up once (np.finfo takes microseconds).
FINFO = {np.dtype(t): np.finfo(t) for t in (np.float16, np.float32)}


def finfo(dtype: np.dtype[Any]) -> Any:
    """np.finfo of ``dtype``, or ml_dtypes' for bfloat16 (which NumPy lacks)."""
    return FINFO.get(dtype) or sys.modules["ml_dtypes"].finfo(dtype)


def context(digits: int) -> Context:
    """A :mod:`decimal` context of ``digits`` digits, whatever the caller's
    ``decimal.DefaultContext`` says (a new Context copies its traps and
    rounding from there): rounding to nearest, and only the errors trapped.
    """
    return Context(
        prec=digits,
        rounding=ROUND_HALF_EVEN,
        Emax=10**6,
        Emin=-(10**6),
        traps=[InvalidOperation, DivisionByZero, Overflow],
        flags=[],
    )


def doubtful(
    w: Array64,
    dtype: np.dtype[Any],
    subnormal: bool,
    guard: int = GUARD,
    scratch: Array64 | None = None,
) -> npt.NDArray[np.intp] | None:
    """Indices where ``w`` lies within ``guard`` float64 ULPs of a midpoint.

    For results that are normal numbers of ``dtype`` a midpoint is a float64
    value whose low ``52 - nmant`` mantissa bits are ``100...0``: one shift of
    the bit patterns, an ``argmin`` and an ``argmax`` tell whether any value
    is near one. Results that are subnormal in ``dtype`` (``subnormal`` says
    there may be some) have their midpoints on a fixed grid, k + 1/2 times the
    smallest subnormal, and are tested on that grid. ``w`` is left as it is;
    the shifted bit patterns go to a new array, or to ``scratch`` (of w's
    size; it may be ``w`` itself, when the caller needs it no more: the block
    loop does that, which saves a pass). None when there are no such indices.
    """
    info = finfo(dtype)
    found = []
    if subnormal:
        tiny = np.flatnonzero(np.abs(w) < float(info.smallest_normal))
        scaled = np.abs(w[tiny]) / float(info.smallest_subnormal)
        distance = np.abs(scaled - np.floor(scaled) - 0.5)
        found.append(tiny[distance <= guard * 2.0**-52 * scaled])
    # Shifted left by 12 + nmant, the 52 - nmant mantissa bits that rounding
    # drops fill the top of a uint64, and a midpoint (100...0) becomes 2**63.
    # Read as int64, values within g units of it sit at the two ends of the
    # range: below -2**63 + g * unit (just above the midpoint) or at or above
    # 2**63 - g * unit (just below it).
    shift = 12 + info.nmant
    bits = None if scratch is None else scratch.view(np.uint64)
    bits = np.left_shift(w.view(np.uint64), shift, out=bits)  # uint64 (NEP 50)
    s = bits.view(np.int64)
    unit = 1 << shift
    low, high = -(2**63) + guard * unit, 2**63 - guard * unit
    if s[s.argmin()] < low or s[s.argmax()] >= high:
        found.append(np.flatnonzero((s < low) | (s >= high)))
    if not found:
        return None
    indices = found[0]
    if len(found) == 2:  # merged on a mask: np.union1d hashes, 100x slower
        near = np.zeros(w.size, bool)
        near[found[0]] = near[found[1]] = True
        indices = np.flatnonzero(near)
    return indices if indices.size else None


def fix_rounding(
    y: Array,
    w: Array64,
    exact: Exact,
    x: Array64,
    parameters: tuple[Array, ...],
    guard: int,
    subnormal: bool,
    scratch: Array64,
) -> None:
    """Recompute with ``exact`` the elements of ``y`` (``w`` rounded once)
    whose float64 value ``w`` is too close to a midpoint; each distinct
    input (with its parameters) once, however often it repeats. ``scratch``
    goes to ``doubtful``.
    """
    # ml_dtypes' casts raise no underflow flag: its subnormals are always tested.
    subnormal = subnormal or y.dtype.type.__module__ == "ml_dtypes"
    i = doubtful(w, y.dtype, subnormal, guard, scratch)
    if i is None:
        return
    # One row per element: x and its parameters, as bit patterns (-0.0 is not 0.0).
    keys = np.stack([x[i], *(q[i] for q in parameters if q.ndim)], axis=-1)
    keys = keys.view(np.uint64)
    if keys.shape[1] == 1:  # x alone: np.unique sorts a column 10x faster than rows
        keys = keys[:, 0]
    if (keys == keys[0]).all():  # one value, repeated: sorting would cost more
        first, inverse = np.zeros(1, np.intp), np.zeros(i.size, np.intp)
    else:
        _, first, inverse = np.unique(
            keys,
            return_index=True,
            return_inverse=True,
            axis=0 if keys.ndim > 1 else None,
        )
    distinct = i[first]
    given = [q[distinct] if q.ndim else q for q in parameters]
    y[i] = exact(x[distinct], y.dtype, *given)[inverse.reshape(-1)]


def round_fraction(value: Fraction, dtype: np.dtype[Any]) -> float:
    """Round an exact rational to the nearest ``dtype`` value, ties to even."""
    if value == 0:
        return 0.0
    info = finfo(dtype)
    magnitude = abs(value)
    exponent = magnitude.numerator.bit_length() - magnitude.denominator.bit_length()
    if Fraction(2) ** exponent > magnitude:
        exponent -= 1
    if exponent >= info.maxexp:  # beyond the largest finite value
        return math.copysign(math.inf, value)
    # The spacing of dtype at the value; subnormals share the smallest one.
    quantum = max(exponent, int(info.minexp)) - info.nmant
    mantissa = round(magnitude / Fraction(2) ** quantum)  # round() is half-even
    result = math.ldexp(mantissa, quantum)
    if result > float(info.max):
        result = math.inf
    return math.copysign(result, value)


def decided(
    function: Callable[..., Decimal], *arguments: Any, dtype: np.dtype[Any], lost: int
) -> float:
    """``function(*arguments)`` correctly rounded to ``dtype``.

    ``function`` is written with :mod:`decimal` operators; at p significant
    digits its value must be within 10**(lost - p) of the true one,
    relatively. It is evaluated at 120 digits, and the rounding is
    decided when both ends of that interval round alike; else the digits
    double. The loop ends because the values it is given are irrational
    (Lindemann: exp of a nonzero rational is transcendental) and so never
    exactly a midpoint.
    """
    digits = 120
    while True:
        with localcontext(context(digits)):
            v = Fraction(function(*arguments))  # the context keeps the flags
        spread = abs(v) / 10 ** (digits - lost)
        low = round_fraction(v - spread, dtype)
        if low == round_fraction(v + spread, dtype):
            return low
        digits *= 2


def correctly_rounded(function: Callable[[Decimal], Decimal]) -> Exact:
    """The exact fallback of a function written in :mod:`decimal` arithmetic.

    The expressions below lose at most 46 of their digits to cancellation at
    float16 and float32 inputs (1 + exp(-x) at x = 104, beyond which the
    result rounds to -0), so ``decided`` is told 60. Only finite inputs with
    finite results reach it: infinities, zeros and NaN are never close to a
    midpoint.
    """

    def exact(x: Array64, dtype: np.dtype[Any]) -> Array:
        values = [
            decided(function, Decimal(xi), dtype=dtype, lost=60) for xi in x.tolist()
        ]
        return np.array(values, dtype)

    return exact


def _sigmoid(x: Decimal) -> Decimal:
    return 1 / (1 + (-x).exp())


def _slope(x: Decimal) -> Decimal:
    return _sigmoid(x) * _sigmoid(-x)  # sigma'(x)


_second = correctly_rounded(lambda x: _slope(x) * (_sigmoid(-x) - _sigmoid(x)))


def _exact_second(x: Array64, dtype: np.dtype[Any]) -> Array:
    """sigma''(x) correctly rounded; below |x| = 2**-30 from its Taylor series.

    There sigma''(x) = -x/8 + x**3/96 - ... is within 2**-62 (relative) of
    -x/8, a number of ``dtype`` or, where that is subnormal, often a midpoint
    between two, and further from any other midpoint; so it rounds to -x/8,
    ties broken toward 0. Deciding those ties in decimal would take 240
    digits, for an eighth of all float32 inputs below 2**-123.
    """
    tiny = np.abs(x) < 2.0**-30
    y = np.empty(x.shape, dtype)
    y[tiny] = x[tiny] * (-0.125 + 2.0**-45)  # -x/8 nudged toward 0, then rounded
    y[~tiny] = _second(x[~tiny], dtype)
    return y


exact_sigmoid = correctly_rounded(_sigmoid)
exact_derivatives = {
    1: correctly_rounded(_slope),
    2: _exact_second,
    3: correctly_rounded(lambda x: _slope(x) * (1 - 6 * _slope(x))),
}
exact_log_sigmoid = correctly_rounded(lambda x: -(1 + (-x).exp()).ln())
exact_logit = correctly_rounded(lambda p: (p / (1 - p)).ln())


def _logistic(maximum: Decimal, z: Fraction) -> Decimal:
    """L / (1 + exp(-z)): four steps, each within half a unit in the last
    digit, and exp amplifies the error of -z by |z|; at p digits the value is
    within (|z| + 4) 10**(1 - p) < 10**(4 - p) of the truth for |z| <= 820.
    """
    return maximum / (1 + (Decimal(-z.numerator) / z.denominator).exp())


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
    # z = 0 (a flat curve, or x = x0): f = L / 2, once per distinct L, as a
    # flat curve over many x sends every element here.
    flat = ((values[2] == 0) | (values[0] == values[3])) & ~np.isnan(values[0])
    scales, inverse = np.unique(values[1][flat], return_inverse=True)
    halves = [round_fraction(Fraction(scale) / 2, dtype) for scale in scales.tolist()]
    y[flat] = np.array(halves, dtype)[inverse.reshape(-1)]
    for i in np.flatnonzero(~flat).tolist():
        xi, scale, k, x0 = (float(v[i]) for v in values)
        if math.isnan(xi):
            y[i] = math.nan
        elif math.isinf(xi):  # sigma(z) is 0 or 1
            y[i] = round_fraction(Fraction(scale) * Fraction(xi * k > 0), dtype)
        else:
            z = Fraction(k) * (Fraction(xi) - Fraction(x0))
            z = min(max(z, Fraction(ZERO_BELOW)), Fraction(40))
            y[i] = decided(_logistic, Decimal(scale), z, dtype=dtype, lost=4)
    return y
