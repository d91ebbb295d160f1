"""mpmath references at 50 digits, shared by the tests and the accuracy benchmark.

Every function here is written from the mathematics alone, never from the
package's code: the reference must not share a mistake with what it checks.
``benchmarks/accuracy.py`` imports this module too (it puts ``tests/`` on
``sys.path``), so the two measure against the same formulas.
"""

from __future__ import annotations

import math
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
    # Written in e = exp(-|x|), which is exact in the tails at 50 digits, and
    # 1 - e = -expm1(-|x|), which keeps every digit near 0.
    e = mpmath.exp(-abs(x))
    if order == 1:
        return e / (1 + e) ** 2
    if order == 2:
        return mpmath.sign(x) * e * mpmath.expm1(-abs(x)) / (1 + e) ** 3
    return e * (1 - 4 * e + e * e) / (1 + e) ** 4


def mp_log_sigmoid(x: Any) -> Any:
    return -mpmath.log1p(mpmath.exp(-x))


def mp_logit(p: Any) -> Any:
    """log(p / (1 - p)): -inf at 0, inf at 1, NaN outside [0, 1] (SciPy's way)."""
    if not 0 <= p <= 1:  # NaN too
        return mpmath.nan
    if p == 1:
        return mpmath.inf
    return mpmath.log(p / (1 - p))


def mp_generalized_logistic(
    x: Any, maximum: float = 1.0, steepness: float = 1.0, midpoint: float = 0.0
) -> Any:
    """L / (1 + exp(-k (x - x0))) at the float64 parameters, exactly converted."""
    z = mpmath.mpf(steepness) * (x - mpmath.mpf(midpoint))
    return mpmath.mpf(maximum) / (1 + mpmath.exp(-z))


def pair(fn: MpFunction, x: float) -> tuple[float, float]:
    """fn(x) as an unevaluated sum hi + lo of two float64 numbers (106 bits)."""
    value = fn(mpmath.mpf(x))
    hi = float(value)
    return hi, (float(value - hi) if math.isfinite(hi) else 0.0)


def round_to(value: Any, dtype: Any) -> float:
    """The mpmath number ``value`` correctly rounded to ``dtype``, ties to even.

    Rounding to float64 first and then to ``dtype`` may round twice, but it
    lands on the answer or a neighbour of it; of those three, the one nearest
    to ``value`` (at mpmath's working precision) wins.
    """
    nearest = float(value)
    if not math.isfinite(nearest):
        return nearest
    inf = np.array(np.inf, dtype)
    with np.errstate(over="ignore"):  # the largest number's neighbour is inf
        guess = np.array(nearest).astype(dtype)
        candidates = [np.nextafter(guess, -inf), guess, np.nextafter(guess, inf)]
    odd = [int(c.view(f"u{c.itemsize}")) & 1 for c in candidates]
    # Infinity stands for 2**maxexp, the next power of two past the largest
    # finite value (IEEE 754 rounds as if the exponent were unbounded), and
    # counts as even, so that a value at or above the largest value plus half
    # its spacing rounds to infinity.
    beyond = mpmath.mpf(2) ** int(np.finfo(dtype).maxexp)
    points = [
        (beyond if c > 0 else -beyond) if np.isinf(c) else float(c) for c in candidates
    ]
    distance = [abs(mpmath.mpf(p) - value) for p in points]
    best = min(range(3), key=lambda i: (distance[i], odd[i]))
    return float(candidates[best])


def reference(fn: MpFunction, x: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """fn at every element of x (exactly converted to mpmath), rounded to float64."""
    flat = np.asarray(x, dtype=np.float64).ravel()
    return np.array([float(fn(mpmath.mpf(v))) for v in flat.tolist()]).reshape(
        np.shape(x)
    )


def rounded(fn: MpFunction, x: float, dtype: Any) -> float:
    """fn(x) correctly rounded to ``dtype``: at 50 digits, or at 300 where 50
    leave it in doubt.

    The rounding is decided when fn(x) changed by a relative 10**(20 - digits)
    either way rounds alike. 50 digits do not decide a value within 10**-30 of
    a midpoint, such as sigma''(x) = -x/8 + x**3/96 at float32 inputs below
    2**-123, where -x/8 is often a float32 midpoint.
    """
    for digits in (50, 300):
        with mpmath.workdps(digits):
            value = fn(mpmath.mpf(x))
            if not mpmath.isfinite(value):
                return float(value)
            spread = abs(value) * mpmath.mpf(10) ** (20 - digits)
            low = round_to(value - spread, dtype)
            if low == round_to(value + spread, dtype):
                return low
    msg = f"300 digits do not decide how {x!r} rounds"
    raise ArithmeticError(msg)


def reference_rounded(fn: MpFunction, x: npt.ArrayLike, dtype: Any) -> npt.NDArray[Any]:
    """fn at x, correctly rounded to ``dtype`` (float16 or float32)."""
    flat = np.asarray(x, dtype=np.float64).ravel()
    values = [rounded(fn, v, dtype) for v in flat.tolist()]
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
