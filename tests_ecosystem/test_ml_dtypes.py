"""ml_dtypes' bfloat16 is kept and correctly rounded, on every one of its
65,536 inputs, for every function; its other float types are refused with a
TypeError that names them (issue 21). ``np.exp`` keeps bfloat16 too.

The reference is mpmath at 50 digits (``tests/reference.py``), rounded once
to bfloat16: a value v rounds to float64 on the same side of every bfloat16
midpoint (midpoints are float64 numbers), so bfloat16(float64(v)) is correct
unless float64(v) is a midpoint itself; there mpmath says which side v is on.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import ml_dtypes
import mpmath
import numpy as np
import pytest
from reference import (
    mp_derivative,
    mp_generalized_logistic,
    mp_log_sigmoid,
    mp_logit,
    mp_sigmoid,
)
from scipy import special

from sigmoid import (
    generalized_logistic,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_derivative,
)

BFLOAT16 = np.dtype(ml_dtypes.bfloat16)
EVERY = np.arange(1 << 16, dtype=np.uint16).view(BFLOAT16)
CURVE = {"maximum": 3.0, "steepness": 0.5, "midpoint": 1.0}

CASES: dict[str, tuple[Callable[..., Any], Callable[[Any], Any]]] = {
    "sigmoid": (sigmoid, mp_sigmoid),
    "sigmoid_derivative-1": (sigmoid_derivative, mp_derivative),
    "sigmoid_derivative-2": (
        partial(sigmoid_derivative, order=2),
        partial(mp_derivative, order=2),
    ),
    "sigmoid_derivative-3": (
        partial(sigmoid_derivative, order=3),
        partial(mp_derivative, order=3),
    ),
    "log_sigmoid": (log_sigmoid, mp_log_sigmoid),
    "logit": (logit, mp_logit),
    "generalized_logistic": (
        partial(generalized_logistic, **CURVE),
        partial(mp_generalized_logistic, **CURVE),
    ),
}


def to_bfloat16(value: float) -> float:
    """``value`` rounded once to bfloat16 (ml_dtypes' cast does that), as float64."""
    with np.errstate(over="ignore"):  # beyond bfloat16's range: inf
        return float(np.array(value).astype(BFLOAT16).astype(np.float64))


def correctly_rounded(reference: Callable[[Any], Any], x: float) -> float:
    """reference(x) rounded once to bfloat16, as a float64 number."""
    if np.isnan(x):
        return np.nan
    if np.isinf(x):  # the limits, from just inside them
        x = float(np.sign(x)) * 1e300
    if reference is mp_logit and not 0 <= x <= 1:
        return np.nan
    if reference is mp_logit and x in (0.0, 1.0):
        return -np.inf if x == 0 else np.inf
    value = reference(mpmath.mpf(x))
    wide = float(value)
    rounded = to_bfloat16(wide)
    if not np.isfinite(rounded) or wide == rounded:
        return rounded
    # Is wide halfway between rounded and a neighbour? Then decide at 400
    # digits on which side of it the value lies (sigma''(x) = -x/8 + x**3/96
    # near 0, say, is a midpoint to 50 digits).
    width = 2 * abs(wide - rounded)
    neighbour = rounded + np.sign(wide - rounded) * width
    if to_bfloat16(neighbour) != neighbour or width == 0:
        return rounded
    with mpmath.workdps(400):
        value = reference(mpmath.mpf(x))
    side = np.inf if value > wide else -np.inf
    return to_bfloat16(float(np.nextafter(wide, side)))


@pytest.mark.parametrize("name", CASES)
def test_every_bfloat16_input_is_correctly_rounded(name: str) -> None:
    function, reference = CASES[name]
    result = function(EVERY)  # and no warning, as everywhere
    assert result.dtype == BFLOAT16
    # ml_dtypes' casts of NaN flag "invalid value". np.exp keeps bfloat16;
    # scipy.special.expit has no bfloat16 loop and gives float64.
    with np.errstate(all="ignore"):
        assert np.exp(EVERY).dtype == BFLOAT16
        assert special.expit(EVERY).dtype == np.float64
        wide = EVERY.astype(np.float64)
        got = result.astype(np.float64)
    expected = np.array([correctly_rounded(reference, x) for x in wide.tolist()])
    same = (got == expected) | (np.isnan(got) & np.isnan(expected))
    bad = np.flatnonzero(~same)
    assert bad.size == 0, [(wide[i], got[i], expected[i]) for i in bad[:5]]


def test_a_bfloat16_scalar_gives_a_bfloat16_scalar() -> None:
    result = sigmoid(ml_dtypes.bfloat16(1.0))
    assert type(result) is ml_dtypes.bfloat16
    assert float(result) == 0.73046875  # 0.7311 rounded to 8 bits


@pytest.mark.parametrize(
    "name", ["float8_e4m3fn", "float8_e5m2", "float8_e4m3b11fnuz", "float4_e2m1fn"]
)
def test_other_ml_dtypes_are_refused_by_name(name: str) -> None:
    dtype = np.dtype(getattr(ml_dtypes, name))
    with pytest.raises(TypeError, match=rf"^sigmoid\(\) does not support {name}"):
        sigmoid(np.ones(3, dtype))
