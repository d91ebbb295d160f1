"""Accuracy of every function and dtype, in ULPs, against exact references.

Run with ``nox -s accuracy`` (or ``python benchmarks/accuracy.py``). It checks

* float64: 10**6 random inputs per function, spread over the whole range
  (subnormal results included), against mpmath at 50 significant digits;
* float32: every one of the 2**32 inputs, against extended-precision
  (``np.longdouble``, 64-bit significand) values, with mpmath deciding the rare
  inputs whose longdouble value is too close to a float32 rounding boundary;
  inputs outside the ranges listed in ``F32_DOMAINS`` have results fixed by a
  short argument given beside each range, and are checked against those, bit
  for bit (the sign of zero included);
* float16 and bfloat16 (if ml_dtypes is installed): every one of the 2**16
  inputs against mpmath;
* generalized_logistic in float32 and float16 (as above), at its default
  parameters and at L = 10, k = 0.1, x0 = 2 (``GENERALIZED``);
* in float32 and float16, how many results differ from the correctly rounded
  value (the *misrounded* column; 0 for every function of the package);
* the float32 and float16 sigmoid in calls of 1,000 elements against one
  call, bit for bit, on every input.

It prints Markdown tables (max and median ULP per function and dtype, with
``scipy.special``, the naive NumPy formula and ``torch`` where installed for
comparison), writes them with the machine's details to
``benchmarks/results/accuracy.md`` and ``accuracy.json``, and exits non-zero
if any function misses the bound its docstring states, misrounds a float16
or float32 result, or a check fails.

``--quick`` shrinks every sample (for trying the script, not for the record).
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import multiprocessing
import platform
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mpmath
import numpy as np
import numpy.typing as npt
from _machine import cpu_model, numpy_simd

import sigmoid as sg

# The references are the tests' own (tests/reference.py), so that the tests
# and this script measure against the same formulas.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from reference import (
    mp_derivative,
    mp_generalized_logistic,
    mp_log_sigmoid,
    mp_logit,
    mp_sigmoid,
    pair,
    rounded,
)

LD = np.longdouble
RESULTS = Path(__file__).parent / "results"
Fn = Callable[[Any], Any]

# The bounds each docstring states (None: measured and reported, no bound).
BOUNDS: dict[tuple[str, str], float | None] = {
    ("sigmoid", "float64"): 2.5,
    ("sigmoid", "float32"): 0.5,
    ("sigmoid", "float16"): 0.5,
    ("sigmoid_derivative", "float64"): 4.0,
    ("sigmoid_derivative", "float32"): 1.0,
    ("sigmoid_derivative", "float16"): 1.0,
    ("sigmoid_derivative order=2", "float64"): 4.0,
    ("sigmoid_derivative order=2", "float32"): 0.5,
    ("sigmoid_derivative order=2", "float16"): 0.5,
    ("sigmoid_derivative order=3", "float64"): None,
    ("sigmoid_derivative order=3", "float32"): 0.5,
    ("sigmoid_derivative order=3", "float16"): 0.5,
    # NumPy's vectorised exp and log1p are each up to 0.6 ULP off, against
    # glibc's 0.5; scipy's log_expit, which uses glibc's, measures 1.4.
    ("log_sigmoid", "float64"): 1.1,
    ("log_sigmoid", "float32"): 1.0,
    ("log_sigmoid", "float16"): 1.0,
    ("logit", "float64"): 1.5,
    ("logit", "float32"): 1.0,
    ("logit", "float16"): 1.0,
    # generalized_logistic (GENERALIZED below): correctly rounded.
    ("generalized_logistic", "float32"): 0.5,
    ("generalized_logistic", "float16"): 0.5,
    ("generalized_logistic L=10 k=0.1 x0=2", "float32"): 0.5,
    ("generalized_logistic L=10 k=0.1 x0=2", "float16"): 0.5,
}
# bfloat16 (ml_dtypes): correctly rounded, as float16 is.
BOUNDS.update(
    {(f, "bfloat16"): b for (f, d), b in list(BOUNDS.items()) if d == "float16"}
)

# generalized_logistic at its default parameters (where it is sigmoid) and at
# one other set: float32 and float16 rows only, correctly rounded.
GENERALIZED: dict[str, dict[str, float]] = {
    "generalized_logistic": {},
    "generalized_logistic L=10 k=0.1 x0=2": {
        "maximum": 10.0,
        "steepness": 0.1,
        "midpoint": 2.0,
    },
}


# ----------------------------------------------------------------------------
# mpmath references (50 digits), from tests/reference.py


def _mp_chunk(args: tuple[str, list[float]]) -> list[tuple[float, float]]:
    name, xs = args
    fn = MP_FUNCTIONS[name]
    return [pair(fn, x) for x in xs]


MP_FUNCTIONS: dict[str, Fn] = {
    "sigmoid": mp_sigmoid,
    "sigmoid_derivative": mp_derivative,
    "sigmoid_derivative order=2": lambda x: mp_derivative(x, 2),
    "sigmoid_derivative order=3": lambda x: mp_derivative(x, 3),
    "log_sigmoid": mp_log_sigmoid,
    "logit": mp_logit,
    **{
        name: functools.partial(mp_generalized_logistic, **parameters)
        for name, parameters in GENERALIZED.items()
    },
}


def mp_reference(
    name: str, x: npt.NDArray[np.float64], pool: Any
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    xs = x.tolist()
    step = 2000
    parts = pool.map(
        _mp_chunk, [(name, xs[i : i + step]) for i in range(0, len(xs), step)]
    )
    pairs = np.array([p for part in parts for p in part], dtype=np.float64)
    return pairs[:, 0], pairs[:, 1]


# ----------------------------------------------------------------------------
# Implementations under test and for comparison


def _implementations(name: str, dtype: str = "float64") -> dict[str, Fn]:
    """The package's function and the alternatives a reader would compare."""
    impls: dict[str, Fn] = {}
    try:
        from scipy import special
    except ImportError:  # pragma: no cover - scipy is in the bench group
        special = None
    try:
        import torch
    except ImportError:
        torch = None

    def naive(f: Fn) -> Fn:
        def wrapped(x: Any) -> Any:
            with np.errstate(all="ignore"):
                return f(np.asarray(x))

        return wrapped

    if name == "sigmoid":
        impls["sigmoid"] = sg.sigmoid
        if dtype != "float64":
            # What the package would return without its midpoint check.
            impls["float64 sigmoid rounded once"] = naive(
                lambda x: sg.sigmoid(x.astype(np.float64)).astype(x.dtype)
            )
        if special is not None:
            impls["scipy expit"] = special.expit
        impls["naive 1/(1+exp(-x))"] = naive(lambda x: 1 / (1 + np.exp(-x)))
        if torch is not None:
            impls["torch.sigmoid"] = lambda x: torch.sigmoid(
                torch.from_numpy(x)
            ).numpy()
    elif name == "sigmoid_derivative":
        impls["sigmoid_derivative"] = sg.sigmoid_derivative
        if special is not None:
            impls["expit(x)*(1-expit(x))"] = naive(
                lambda x: special.expit(x) * (1 - special.expit(x))
            )
    elif name.startswith("sigmoid_derivative order="):
        order = int(name[-1])
        impls[name] = lambda x: sg.sigmoid_derivative(x, order=order)
    elif name == "log_sigmoid":
        impls["log_sigmoid"] = sg.log_sigmoid
        if special is not None:
            impls["scipy log_expit"] = special.log_expit
            impls["log(expit(x))"] = naive(lambda x: np.log(special.expit(x)))
    elif name == "logit":
        impls["logit"] = sg.logit
        if special is not None:
            impls["scipy logit"] = special.logit
        impls["naive log(p/(1-p))"] = naive(lambda p: np.log(p / (1 - p)))
    elif name in GENERALIZED:
        impls[name] = functools.partial(sg.generalized_logistic, **GENERALIZED[name])
        # What it would return without its midpoint check.
        impls["float64 value rounded once"] = naive(
            lambda x: impls[name](x.astype(np.float64)).astype(x.dtype)
        )
    return impls


# ----------------------------------------------------------------------------
# Error statistics: max exactly, median from a fine histogram (the float32
# runs see up to 10**9 errors, too many to keep).

_EDGES = np.concatenate([np.linspace(0, 8, 8 * 1024 + 1), [np.inf]])


@dataclass
class Stats:
    count: int = 0
    max_ulp: float = 0.0
    worst_input: float = math.nan
    histogram: npt.NDArray[np.int64] = field(
        default_factory=lambda: np.zeros(_EDGES.size - 1, np.int64)
    )
    # Results differing from the correctly rounded value (None: not counted).
    mismatches: int | None = None

    def add(
        self, ulp: npt.NDArray[Any], x: npt.NDArray[Any], in_median: bool = True
    ) -> None:
        if ulp.size == 0:
            return
        ulp = np.nan_to_num(
            np.asarray(ulp, dtype=np.float64), nan=np.inf, posinf=np.inf
        )
        self.count += ulp.size
        i = int(np.argmax(ulp))
        if ulp[i] > self.max_ulp or math.isnan(self.worst_input):
            self.max_ulp = float(ulp[i])
            self.worst_input = float(x[i])
        if in_median:
            self.histogram += np.histogram(ulp, _EDGES)[0]

    def merge(self, other: Stats) -> None:
        if other.count == 0:
            return
        if other.max_ulp > self.max_ulp or math.isnan(self.worst_input):
            self.max_ulp, self.worst_input = other.max_ulp, other.worst_input
        self.count += other.count
        self.histogram += other.histogram
        if other.mismatches is not None:
            self.mismatches = (self.mismatches or 0) + other.mismatches

    @property
    def median_ulp(self) -> float:
        """Median over the inputs evaluated against a reference (to 1/1024 ULP)."""
        counted = int(self.histogram.sum())
        if counted == 0:
            return math.nan
        k = int(np.searchsorted(np.cumsum(self.histogram), (counted + 1) // 2))
        return float((_EDGES[k] + _EDGES[min(k + 1, _EDGES.size - 2)]) / 2)


def ulp_error_f64(
    y: npt.NDArray[Any], hi: npt.NDArray[np.float64], lo: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """|y - (hi + lo)| in units of the float64 spacing at the reference."""
    y = np.asarray(y, dtype=np.float64)
    with np.errstate(all="ignore"):
        err = np.abs((y - hi) - lo) / np.spacing(np.abs(hi))
    same = (y == hi) | (np.isnan(y) & np.isnan(hi))
    special = ~np.isfinite(hi) | ~np.isfinite(y)
    err[special] = np.where(same[special], 0.0, np.inf)
    return err


def ulp_in(dtype: Any, r: npt.NDArray[Any]) -> Any:
    """Spacing of ``dtype`` at the (longdouble) values ``r``, subnormals included."""
    info = np.finfo(dtype)
    _, e = np.frexp(np.abs(r))
    e = np.maximum(e, int(info.minexp) + 1)
    return np.ldexp(np.ones_like(r), e - 1 - int(info.nmant))


def ulp_error_narrow(
    y: npt.NDArray[Any], ref: npt.NDArray[Any], dtype: Any
) -> npt.NDArray[np.float64]:
    """|y - ref| in units of the ``dtype`` spacing at ``ref`` (longdouble)."""
    y_ld = np.asarray(y).astype(LD)
    with np.errstate(all="ignore"):
        err: npt.NDArray[np.float64] = (np.abs(y_ld - ref) / ulp_in(dtype, ref)).astype(
            np.float64
        )
    same = (y_ld == ref) | (np.isnan(y_ld) & np.isnan(ref))
    special = ~np.isfinite(ref) | ~np.isfinite(y_ld)
    err[special] = np.where(same[special], 0.0, np.inf)
    return err


def differs(y: npt.NDArray[Any], expected: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
    """Where ``y`` is not ``expected``, the sign of zero included (NaN is NaN)."""
    same = (y == expected) & (np.signbit(y) == np.signbit(expected))
    result: npt.NDArray[np.bool_] = ~(same | (np.isnan(y) & np.isnan(expected)))
    return result


# ----------------------------------------------------------------------------
# float64: random inputs


def f64_inputs(name: str, n: int, rng: np.random.Generator) -> npt.NDArray[np.float64]:
    third = n // 3
    if name == "logit":
        parts = [
            rng.uniform(0, 1, third),
            10.0 ** rng.uniform(-308, np.log10(0.5), third),
            1 - 2.0 ** rng.uniform(-53, -1, third),
        ]
        special = [0.0, 1.0, 0.5, 0.25, -0.0, 5e-324, np.nan, -1.0, 2.0, np.inf]
    else:
        sign = rng.choice([-1.0, 1.0], third)
        parts = [
            rng.uniform(-40, 40, third),
            sign * 10.0 ** rng.uniform(-20, np.log10(746), third),
            rng.uniform(-746, 746, third),
        ]
        special = [
            0.0,
            -0.0,
            np.inf,
            -np.inf,
            np.nan,
            5e-324,
            -5e-324,
            1.7e308,
            -1.7e308,
        ]
    x = np.concatenate([*parts, special])
    return x[: max(n, len(special))]


def check_f64(
    name: str, n: int, pool: Any, rng: np.random.Generator
) -> dict[str, Stats]:
    x = f64_inputs(name, n, rng)
    hi, lo = mp_reference(name, x, pool)
    results = {}
    for label, fn in _implementations(name).items():
        stats = Stats()
        stats.add(ulp_error_f64(fn(x), hi, lo), x)
        results[label] = stats
    return results


# ----------------------------------------------------------------------------
# float32: every input. Each function gets the ranges of inputs evaluated
# against longdouble references; every other input has a known result.


def ld_sigmoid(x: npt.NDArray[Any]) -> Any:
    return 1 / (1 + np.exp(-x))


def ld_derivative1(x: npt.NDArray[Any]) -> Any:
    e = np.exp(-np.abs(x))
    return e / ((1 + e) * (1 + e))


def ld_derivative2(x: npt.NDArray[Any]) -> Any:
    # 1 - e = -expm1(-|x|) keeps every digit near 0.
    e = np.exp(-np.abs(x))
    return np.sign(x) * e * np.expm1(-np.abs(x)) / ((1 + e) * (1 + e) * (1 + e))


# x0 = log(2 + sqrt 3), where sigma''' is 0, as a pair hi + lo of float64 numbers.
_X0 = mpmath.log(2 + mpmath.sqrt(3))
X0_HI, X0_LO = LD(float(_X0)), LD(float(_X0 - float(_X0)))


def ld_derivative3(x: npt.NDArray[Any]) -> Any:
    # sigma''' = e (1 - 4e + e**2) / (1 + e)**4, e = exp(-|x|), in which
    # nothing cancels for |x| > 2 (the numerator is over 0.47). Below, where
    # it vanishes at x0, sigma''' = (cosh x - 2) / (2 (1 + cosh x)**2), and
    # cosh x - cosh x0 = 2 sinh((|x| - x0) / 2) sinh((|x| + x0) / 2), whose
    # |x| - hi is exact near x0.
    a = np.abs(x)
    e = np.exp(-a)
    c = 1 + np.cosh(x)
    below, above = (a - X0_HI) - X0_LO, (a + X0_HI) + X0_LO
    near = np.sinh(below / 2) * np.sinh(above / 2) / (c * c)
    return np.where(a > 2, e * (1 - 4 * e + e * e) / ((1 + e) * (1 + e)) ** 2, near)


def ld_log_sigmoid(x: npt.NDArray[Any]) -> Any:
    return np.where(
        x >= 0, -np.log1p(np.exp(-np.abs(x))), x - np.log1p(np.exp(-np.abs(x)))
    )


def ld_logit(p: npt.NDArray[Any]) -> Any:
    # 2p - 1 is exact, so near p = 1/2 nothing cancels.
    with np.errstate(all="ignore"):
        return np.where(p < 0.25, np.log(p / (1 - p)), np.log1p((2 * p - 1) / (1 - p)))


def _ties_toward_zero(q: npt.NDArray[np.float64]) -> npt.NDArray[np.float32]:
    """q rounded to float32, to nearest, ties toward 0 (NaN and inf as they are)."""
    with np.errstate(invalid="ignore"):
        r = q.astype(np.float32)
        tie = np.abs(r - q) == np.spacing(np.abs(r)).astype(np.float64) / 2
    return np.where(tie & (np.abs(r) > np.abs(q)), np.nextafter(r, np.float32(0)), r)


# Outside these ranges the float32 result is fixed, for the reasons given
# (and NaN for NaN):
F32_DOMAINS: dict[str, tuple[list[tuple[float, float]], Callable[[Any], Any]]] = {
    # |x| < 2**-30: |sigma(x) - 1/2| <= |x|/4 < 2**-32, far below half the
    # float32 spacing at 1/2 (2**-26): the result is 0.5. x > 17.4: 1 - sigma(x)
    # < exp(-x) < 2**-25, half the spacing below 1: the result is 1.
    # x < -104: sigma(x) < exp(x) < 7.0e-46 < 2**-150: the result is 0.
    "sigmoid": (
        [(-104.0, -(2.0**-30)), (2.0**-30, 17.4)],
        lambda x: np.where(np.abs(x) < 2.0**-30, 0.5, np.where(x > 0, 1.0, 0.0)),
    ),
    # Even function. |x| < 2**-30: |sigma'(x) - 1/4| < x**2/16 < 2**-64: 0.25.
    # |x| > 104: sigma'(x) < exp(-|x|) < 2**-150: 0.
    "sigmoid_derivative": (
        [(-104.0, -(2.0**-30)), (2.0**-30, 104.0)],
        lambda x: np.where(np.abs(x) < 2.0**-30, 0.25, 0.0),
    ),
    # |x| < 2**-30: sigma''(x) = -x/8 + x**3/96 - ..., within 2**-62 of -x/8
    # (relative) and a hair nearer 0. -x/8 is a multiple of 2**-152: either a
    # float32 number, or a midpoint between two (some subnormal results), or
    # at least 2**-26 (relative) from any midpoint. The result is -x/8 rounded
    # to float32 with ties broken toward 0, and +0 at x = +-0. |x| > 104:
    # |sigma''(x)| < exp(-|x|) < 2**-150, of the sign of -x: -0 for x > 0,
    # +0 for x < 0.
    "sigmoid_derivative order=2": (
        [(-104.0, -(2.0**-30)), (2.0**-30, 104.0)],
        lambda x: np.select(
            [x == 0, np.abs(x) < 2.0**-30, x > 0],
            [0.0, _ties_toward_zero(x.astype(np.float64) / -8), -0.0],
            0.0,
        ),
    ),
    # Even function. |x| < 2**-30: sigma'''(x) = -1/8 + x**2/8 - ..., within
    # 2**-63 of -1/8, far below half the float32 spacing under 1/8 (2**-28):
    # -0.125. |x| > 104: 0 < sigma'''(x) < exp(-|x|) < 2**-150: +0.
    "sigmoid_derivative order=3": (
        [(-104.0, -(2.0**-30)), (2.0**-30, 104.0)],
        lambda x: np.where(np.abs(x) < 2.0**-30, -0.125, 0.0),
    ),
    # x > 104: -exp(-x) < log sigma(x) < 0 with exp(-x) < 2**-150: -0.
    # x < -128: log sigma(x) = x - log1p(e**x), e**x < 2**-184, which is far
    # below half the spacing at x: the result is x. |x| < 2**-40: the result
    # is float32(-log 2), which is 0.17 float32 ULP from a rounding boundary
    # (checked below), far more than |x|/2 < 2**-41.
    "log_sigmoid": (
        [(-128.0, -(2.0**-40)), (2.0**-40, 104.0)],
        lambda x: np.where(
            np.abs(x) < 2.0**-40,
            np.float32(-math.log(2)),
            np.where(x > 0, -0.0, x),
        ),
    ),
    # Every p in (0, 1) is evaluated; logit(0) = -inf, logit(1) = inf, and
    # p < 0, p > 1 and NaN give NaN.
    "logit": (
        [(2.0**-149, 1.0 - 2.0**-24)],
        lambda p: np.where(p == 0, -np.inf, np.where(p == 1, np.inf, np.nan)),
    ),
}


def ld_generalized_example(x: npt.NDArray[Any]) -> Any:
    # x - 2 is exact in longdouble for |x| >= 2**-40 (and its rounding below
    # that hardly matters), and k z's one rounding, amplified by |z| <= 107,
    # stays below the 2**-56 from a midpoint at which mpmath decides.
    return LD(10) / (1 + np.exp(-(LD(0.1) * (x - LD(2)))))


# At the defaults generalized_logistic is sigmoid, with its domain. At L = 10,
# k = 0.1, x0 = 2: x < -1068 gives z < -107 and 10 sigma(z) < 2**-150, so
# 0; x > 176 gives z > 17.4 and 10 - 10 sigma(z) < 2.8e-7, under half the
# float32 spacing below 10 (2**-21), so 10.
F32_DOMAINS["generalized_logistic"] = F32_DOMAINS["sigmoid"]
F32_DOMAINS["generalized_logistic L=10 k=0.1 x0=2"] = (
    [(-1068.0, -0.0), (0.0, 176.0)],
    lambda x: np.where(x > 0, 10.0, 0.0),
)

LD_FUNCTIONS = {
    "sigmoid": ld_sigmoid,
    "sigmoid_derivative": ld_derivative1,
    "sigmoid_derivative order=2": ld_derivative2,
    "sigmoid_derivative order=3": ld_derivative3,
    "log_sigmoid": ld_log_sigmoid,
    "logit": ld_logit,
    "generalized_logistic": ld_sigmoid,
    "generalized_logistic L=10 k=0.1 x0=2": ld_generalized_example,
}


def _f32_bits(lo: float, hi: float) -> tuple[int, int, int]:
    """Bit-pattern range [a, b] and sign bit of the float32 values in [lo, hi]."""
    if lo < 0 < hi:  # pragma: no cover - domains never straddle zero
        raise ValueError
    sign = 0x80000000 if hi <= 0 else 0
    a, b = sorted(
        int(np.array([abs(v)], np.float32).view(np.uint32)[0]) for v in (lo, hi)
    )
    return a, b, sign


def _f32_chunks(name: str, chunk: int) -> Iterator[tuple[str, int, int]]:
    for lo, hi in F32_DOMAINS[name][0]:
        a, b, sign = _f32_bits(lo, hi)
        for start in range(a, b + 1, chunk):
            yield name, sign | start, sign | min(start + chunk, b + 1)


def _f32_work(args: tuple[str, int, int]) -> tuple[dict[str, Stats], int]:
    name, start, stop = args
    x = np.arange(start, stop, dtype=np.uint32).view(np.float32)
    ref = LD_FUNCTIONS[name](x.astype(LD))
    expected = ref.astype(np.float32)
    # Inputs whose longdouble value might sit on the wrong side of a float32
    # midpoint: decided by mpmath.
    up = np.nextafter(expected, np.float32(np.inf)).astype(LD)
    down = np.nextafter(expected, np.float32(-np.inf)).astype(LD)
    r = expected.astype(LD)
    with np.errstate(all="ignore"):
        gap = np.minimum(np.abs(ref - (r + up) / 2), np.abs(ref - (r + down) / 2))
        doubtful = np.flatnonzero(gap <= np.abs(ref) * 2.0**-56)
    fn = MP_FUNCTIONS[name]
    for i in doubtful:
        ref[i] = LD(mpmath.nstr(fn(mpmath.mpf(float(x[i]))), 30))
        # At 50 digits, or 300 where 50 do not decide; else it raises.
        expected[i] = rounded(fn, float(x[i]), np.float32)
    results = {}
    for label, impl in _implementations(name, "float32").items():
        y = np.asarray(impl(x))
        stats = Stats()
        stats.add(ulp_error_narrow(y, ref, np.float32), x)
        stats.mismatches = int(np.count_nonzero(differs(y, expected)))
        results[label] = stats
    return results, int(doubtful.size)


def check_f32(name: str, pool: Any, quick: bool) -> tuple[dict[str, Stats], int]:
    chunk = 1 << 22
    jobs = list(_f32_chunks(name, chunk))
    if quick:
        jobs = jobs[:: max(1, len(jobs) // 8)][:8]
    totals: dict[str, Stats] = {}
    doubtful = 0
    for results, n_doubtful in pool.imap_unordered(_f32_work, jobs):
        doubtful += n_doubtful
        for label, stats in results.items():
            totals.setdefault(label, Stats()).merge(stats)
    # Every other float32 input: the fixed results argued in F32_DOMAINS.
    starts = range(0, 1 << 32, 1 << 24)
    if quick:
        starts = starts[::37]
    for results in pool.imap_unordered(_f32_outside_work, [(name, s) for s in starts]):
        for label, stats in results.items():
            totals.setdefault(label, Stats()).merge(stats)
    return totals, doubtful


def _f32_outside_work(args: tuple[str, int]) -> dict[str, Stats]:
    """Check the float32 inputs of one chunk that lie outside the domains."""
    name, start = args
    ranges, fixed = F32_DOMAINS[name]
    x = (
        np.arange(start, start + (1 << 24), dtype=np.uint64)
        .astype(np.uint32)
        .view(np.float32)
    )
    inside = np.zeros(x.size, bool)
    for lo, hi in ranges:
        inside |= (x >= lo) & (x <= hi)
    x = x[~inside]
    expected = np.asarray(fixed(x), dtype=np.float32)
    expected[np.isnan(x)] = np.nan  # every function gives NaN for NaN
    results = {}
    for label, fn in _implementations(name, "float32").items():
        y = np.asarray(fn(x))
        wrong = differs(y, expected)
        stats = Stats()
        stats.add(np.where(wrong, np.inf, 0.0), x, in_median=False)
        stats.mismatches = int(np.count_nonzero(wrong))
        results[label] = stats
    return results


# ----------------------------------------------------------------------------
# The sigmoid in calls of 1,000 elements gives the same bits as in one call:
# the block loop decides per block which results it recomputes exactly.


def _split_work(args: tuple[str, int, int]) -> int:
    """How many of the inputs [start, stop) differ between the two ways."""
    dtype, start, stop = args
    unsigned = np.uint32 if dtype == "float32" else np.uint16
    x = np.arange(start, stop, dtype=np.uint64).astype(unsigned).view(dtype)
    whole = sg.sigmoid(x)
    parts = np.concatenate(
        [sg.sigmoid(x[i : i + 1000]) for i in range(0, x.size, 1000)]
    )
    return int(np.count_nonzero(whole.view(unsigned) != parts.view(unsigned)))


def check_split(dtype: str, pool: Any, quick: bool) -> tuple[int, int]:
    """Differing results and inputs checked, over every input of ``dtype``."""
    count = 1 << (32 if dtype == "float32" else 16)
    step = min(count, 1 << 24)
    starts = range(0, count, step)[:: 37 if quick else 1]
    jobs = [(dtype, start, start + step) for start in starts]
    return sum(pool.imap_unordered(_split_work, jobs)), len(jobs) * step


# ----------------------------------------------------------------------------
# float16 and bfloat16: every input, against mpmath


def _dtype(name: str) -> Any:
    """np.float16, or ml_dtypes' bfloat16 (None when ml_dtypes is missing)."""
    if name == "float16":
        return np.float16
    try:
        import ml_dtypes
    except ImportError:
        return None
    return ml_dtypes.bfloat16


def _f16_chunk(
    args: tuple[str, str, list[float]],
) -> list[tuple[float, float, float]]:
    """fn(x) as a pair hi + lo, and correctly rounded to float16 or bfloat16."""
    name, dtype, xs = args
    fn = MP_FUNCTIONS[name]
    return [(*pair(fn, x), rounded(fn, x, _dtype(dtype))) for x in xs]


def check_f16(
    name: str, pool: Any, quick: bool, dtype_name: str = "float16"
) -> dict[str, Stats]:
    """Every one of the 2**16 inputs of float16 or bfloat16."""
    dtype = _dtype(dtype_name)
    x16 = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(dtype)
    x16 = x16[:: 16 if quick else 1]
    with np.errstate(invalid="ignore"):  # ml_dtypes flags its NaN as it casts
        x = x16.astype(np.float64)
    xs = x.tolist()
    chunks = [(name, dtype_name, xs[i : i + 2000]) for i in range(0, len(xs), 2000)]
    values = [v for part in pool.map(_f16_chunk, chunks) for v in part]
    hi, lo, correct = np.array(values, dtype=np.float64).T
    # hi + lo carries 106 bits, far more than a 16-bit type's rounding needs.
    exact = hi.astype(LD) + lo.astype(LD)
    expected = correct.astype(dtype)
    # mpmath has no -0, so the signed zero limits at +-inf are left to the
    # float32 run and the tests.
    finite = np.isfinite(x)
    results = {}
    impls = {
        k: v
        for k, v in _implementations(name, dtype_name).items()
        if not k.startswith("torch")
    }
    for label, f in impls.items():
        try:
            y = np.asarray(f(x16))
        except TypeError:  # SciPy's ufuncs have no bfloat16 loop
            continue
        stats = Stats()
        if y.dtype == dtype:
            wrong = differs(y.astype(np.float64), expected.astype(np.float64))
            stats.mismatches = int(np.count_nonzero(wrong[finite]))
        else:
            label = f"{label} (returns {y.dtype})"  # noqa: PLW2901
        stats.add(ulp_error_narrow(y.astype(dtype), exact, dtype), x)
        results[label] = stats
    return results


# ----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    return {
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "simd": numpy_simd(),
        "mpmath": mpmath.__version__,
        "platform": platform.platform(),
    }


def _count(n: int) -> str:
    return {2**32: "all 2³²", 2**16: "all 2¹⁶"}.get(n, f"{n:,}")


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        (
            "| function | dtype | implementation | inputs | max ULP | median ULP "
            "| worst input | bound | misrounded |"
        ),
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        bound = "" if r["bound"] is None else f"{r['bound']:g}"
        flag = " ✗" if r["fails"] else ""
        maxulp = "inf" if math.isinf(r["max_ulp"]) else f"{r['max_ulp']:.3g}"
        wrong = r["not_correctly_rounded"]
        wrong_text = "" if wrong is None else f"{wrong:,}"
        lines.append(
            f"| {r['function']} | {r['dtype']} | {r['implementation']} "
            f"| {_count(r['inputs'])} | {maxulp}{flag} | {r['median_ulp']:.2g} "
            f"| {r['worst_input']:.6g} | {bound} | {wrong_text} |"
        )
    return "\n".join(lines)


def report(
    info: dict[str, str], seconds: float, rows: list[dict[str, Any]], notes: list[str]
) -> str:
    """The Markdown file: the machine, the table, and the notes."""
    header = (
        f"Measured by `nox -s accuracy` in {seconds:.0f} s on {info['cpu']}, "
        f"Python {info['python']}, NumPy {info['numpy']}, mpmath {info['mpmath']}"
        + (f"; NumPy SIMD: {info['simd']}. " if "simd" in info else ". ")
        + "*misrounded*: float32 and float16 results that differ from the "
        "correctly rounded value (float16: of the finite inputs)."
    )
    return "\n\n".join([header, table(rows), "\n".join(f"- {s}" for s in notes)])


def render() -> int:
    """Rewrite accuracy.md from accuracy.json, without measuring again."""
    data = json.loads((RESULTS / "accuracy.json").read_text())
    text = report(data["machine"], data["seconds"], data["rows"], data["notes"])
    (RESULTS / "accuracy.md").write_text(text + "\n")
    print(text)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small samples, for a try")
    parser.add_argument("--no-write", action="store_true", help="do not write results/")
    parser.add_argument(
        "-n", type=int, default=10**6, help="float64 inputs per function"
    )
    parser.add_argument(
        "--render", action="store_true", help="rewrite accuracy.md from accuracy.json"
    )
    parser.add_argument(
        "--dtypes",
        default="float64,float32,float16,bfloat16",
        help="the rows to measure, comma-separated (results/ is written only for all)",
    )
    args = parser.parse_args()
    dtypes = args.dtypes.split(",")
    if "bfloat16" in dtypes and _dtype("bfloat16") is None:
        print("bfloat16 rows skipped: ml_dtypes is not installed", flush=True)
        dtypes.remove("bfloat16")
    if args.render:
        return render()
    n = 3000 if args.quick else args.n
    rng = np.random.default_rng(20261123)
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    notes: list[str] = []

    def record(function: str, dtype: str, results: dict[str, Stats]) -> None:
        for label, stats in results.items():
            ours = label == function or label.startswith("sigmoid_derivative order")
            bound = BOUNDS.get((function, dtype)) if ours else None
            implementation = "**this package**" if ours else label
            fails = bool(ours and bound is not None and stats.max_ulp > bound)
            rows.append(
                {
                    "function": function,
                    "dtype": dtype,
                    "implementation": implementation,
                    "inputs": stats.count,
                    "max_ulp": stats.max_ulp,
                    "median_ulp": stats.median_ulp,
                    "worst_input": stats.worst_input,
                    "bound": bound,
                    "fails": fails,
                    "not_correctly_rounded": stats.mismatches,
                }
            )
            print(
                f"  {function:28} {dtype:8} {label:28} max {stats.max_ulp:8.3g} ULP",
                flush=True,
            )

    with multiprocessing.get_context("fork").Pool(2) as pool:
        print(
            "float64: mpmath at 50 digits on",
            f"{n:,}",
            "inputs per function",
            flush=True,
        )
        for name in [name for name in MP_FUNCTIONS if name not in GENERALIZED]:
            if "float64" in dtypes:
                record(name, "float64", check_f64(name, n, pool, rng))
        print("float32: every input", flush=True)
        for name in LD_FUNCTIONS if "float32" in dtypes else []:
            results, doubtful = check_f32(name, pool, args.quick)
            notes.append(f"{name} float32: {doubtful} inputs decided by mpmath")
            record(name, "float32", results)
        for narrow in ("float16", "bfloat16"):
            print(f"{narrow}: every input", flush=True)
            for name in LD_FUNCTIONS if narrow in dtypes else []:
                record(name, narrow, check_f16(name, pool, args.quick, narrow))
        split_differ = 0
        for dtype in [d for d in ("float32", "float16") if d in dtypes]:
            differ, checked = check_split(dtype, pool, args.quick)
            split_differ += differ
            notes.append(
                f"sigmoid {dtype}: results of calls of 1,000 elements that differ "
                f"from one call: {differ:,} of {_count(checked)}"
            )
    misrounding = [
        r
        for r in rows
        if r["implementation"] == "**this package**" and r["not_correctly_rounded"]
    ]
    elapsed = time.perf_counter() - started
    info = machine()
    text = report(info, elapsed, rows, notes) + (
        "\n\n**Quick run: samples only.**" if args.quick else ""
    )
    print()
    print(text)
    everything = {"float64", "float32", "float16"} <= set(dtypes)
    if not args.no_write and not args.quick and everything:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "accuracy.md").write_text(text + "\n")
        (RESULTS / "accuracy.json").write_text(
            json.dumps(
                {"machine": info, "seconds": elapsed, "rows": rows, "notes": notes},
                indent=1,
            )
            + "\n"
        )
    failed = [r for r in rows if r["fails"]]
    for r in failed:
        print(
            f"FAILED: {r['function']} {r['dtype']}: {r['max_ulp']:.3g} ULP > {r['bound']}",
            file=sys.stderr,
        )
    for r in misrounding:
        print(
            f"FAILED: {r['function']} {r['dtype']}: "
            f"{r['not_correctly_rounded']:,} results misrounded",
            file=sys.stderr,
        )
    if split_differ:
        print("FAILED: calls of 1,000 elements differ from one call", file=sys.stderr)
    return 1 if failed or misrounding or split_differ else 0


if __name__ == "__main__":
    sys.exit(main())
