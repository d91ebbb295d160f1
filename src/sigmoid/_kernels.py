"""Blocked NumPy kernels.

Every kernel takes a 1-D C-contiguous input ``x`` (float16, float32 or
float64) and a 1-D C-contiguous destination ``y`` of the result dtype, and
works through them in blocks of ``BLOCK`` elements. Each block is carried
through a short chain of in-place ufunc calls on float64 scratch buffers that
stay in the L2 cache, so a large array is read once and written once instead
of once per operation. That, not any cleverness in the formulas, is where the
speed comes from: ``np.exp`` on float64 runs at well under a nanosecond per
element, while a chain of whole-array temporaries is limited by memory.

All arithmetic is in float64. A float16 or float32 result is rounded once from
the float64 value, which makes it correctly rounded except where the float64
value lies within its own error bound of a rounding boundary; those rare
elements are detected and recomputed exactly (see ``_near_midpoint``).

The kernels run under ``np.errstate(all="ignore", ...="call")``: overflow in
``np.exp`` is the signal that a block holds inputs beyond the fast formula's
range, whose few elements are then given their limit values, and an invalid
operation (inf / inf) the signal of an infinite input.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Context, Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "BLOCK",
    "derivative1_block",
    "derivative1_narrow_block",
    "derivative2_block",
    "derivative3_block",
    "log_sigmoid_block",
    "log_sigmoid_f64",
    "logit_block",
    "run",
    "sigmoid_block",
    "sigmoid_narrow_block",
]

Array = npt.NDArray[Any]
F64 = npt.NDArray[np.float64]

#: Elements per block: 64 Ki float64 is 512 KiB per scratch buffer, which keeps
#: two buffers and the block of input in a 2 MiB L2 cache while making the
#: per-block cost of the Python loop (about 0.5 us per ufunc call) negligible.
BLOCK = 1 << 16

_F64 = np.dtype(np.float64)


class _FloatingPointWatch:
    """An ``np.errstate`` callback that records overflow and underflow.

    Overflow in ``np.exp`` tells a kernel that its block holds inputs beyond
    the range of the fast formula, and an invalid operation (inf / inf) that
    it holds an infinite input. Underflow in the final cast to float16 or
    float32 tells ``run`` that some results are subnormal in the narrow type,
    whose rounding boundaries lie on a fixed grid instead of following the
    float64 bit pattern.
    """

    __slots__ = ("invalid", "overflow", "underflow")

    def __init__(self) -> None:
        self.invalid = False
        self.overflow = False
        self.underflow = False

    def __call__(self, kind: str, flag: int) -> None:  # noqa: ARG002
        if kind == "overflow":
            self.overflow = True
        elif kind == "underflow":
            self.underflow = True
        elif kind.startswith("invalid"):  # NumPy says "invalid value"
            self.invalid = True


# A block kernel fills ``y`` (float64, same length as ``x``; of the narrow
# dtype for the kernels in ``_WRITES_NARROW``) from ``x``, using the float64
# scratch buffers ``t`` and ``u``; ``watch`` reports overflow.
BlockKernel = Callable[[Array, F64, F64, F64, _FloatingPointWatch], None]
Exact = Callable[[F64, np.dtype[Any]], Array]


def run(block_kernel: BlockKernel, x: Array, y: Array, exact: Exact | None) -> None:
    """Apply ``block_kernel`` to ``x`` block by block, writing into ``y``.

    ``y`` may be ``x`` itself: every kernel reads its block of ``x`` in full
    before it writes anything but a copy of it into the block of ``y``. For
    float16/float32 results, ``exact`` (when given) makes them correctly
    rounded: it receives the few elements of ``x`` whose float64 value is too
    close to a rounding boundary, as float64, and returns their correctly
    rounded values in ``y.dtype``.
    """
    n = x.size
    if n == 0:
        return
    size = min(n, BLOCK)
    t = np.empty(size, _F64)
    u = np.empty(size, _F64)
    narrow = y.dtype != _F64
    # A narrow result is formed in float64 first: in t itself for the kernels
    # that write y last (fewer buffers in the cache), else in a buffer of its own;
    # kernels that round into the narrow y themselves write it directly.
    direct = not narrow or (exact is None and block_kernel in _WRITES_NARROW)
    if direct:
        w = y
    elif block_kernel in _WRITE_Y_LAST:
        w = t
    else:
        w = np.empty(size, _F64)
    # In place with a narrow dtype, the exact path reads x after y is written.
    keep_input = narrow and exact is not None and np.may_share_memory(x, y)
    watch = _FloatingPointWatch()
    with np.errstate(
        all="ignore", over="call", under="call", invalid="call", call=watch
    ):
        if n == size:  # one block: skip the slicing, which shows at small n
            xb = x.copy() if keep_input else x
            _block(block_kernel, xb, y, w, t, u, watch, exact)
            return
        for start in range(0, n, size):
            stop = min(start + size, n)
            m = stop - start
            xb = x[start:stop].copy() if keep_input else x[start:stop]
            yb = y[start:stop]
            wb = yb if direct else w[:m]
            _block(block_kernel, xb, yb, wb, t[:m], u[:m], watch, exact)


def _block(
    block_kernel: BlockKernel,
    x: Array,
    y: Array,
    w: F64,
    t: F64,
    u: F64,
    watch: _FloatingPointWatch,
    exact: Exact | None,
) -> None:
    """One block of ``run``: the kernel writes ``w``, rounded into ``y`` if narrow."""
    block_kernel(x, w, t, u, watch)
    if w is y:
        return
    watch.underflow = False
    np.copyto(y, w, casting="same_kind")
    if exact is not None:
        # w has been rounded into y and is not needed again: test it in place.
        doubtful = _near_midpoint(w, y.dtype, watch.underflow)
        if doubtful is not None:
            y[doubtful] = exact(x[doubtful].astype(_F64), y.dtype)


#: How many float64 ULPs from a rounding boundary of the narrow type count as
#: "in doubt". The float64 kernels are accurate to 2.5 ULP (measured with
#: ``nox -s accuracy``); 8 leaves room for a less accurate ``np.exp``.
_GUARD = 8


class _Midpoints:
    """Constants for finding float64 values next to a narrow type's midpoints."""

    __slots__ = ("high", "low", "shift", "smallest_normal", "smallest_subnormal")

    def __init__(self, dtype: type[np.floating[Any]]) -> None:
        info = np.finfo(dtype)
        dropped = 52 - info.nmant  # float64 mantissa bits dropped by the rounding
        # Shifted left by 64 - dropped, the dropped bits fill the top of a
        # uint64, and a midpoint (dropped bits 100...0) becomes 2**63. Read
        # as int64, values within GUARD units of it sit at the two ends of the
        # range: below ``low`` (just above the midpoint) or at or above
        # ``high`` (just below it).
        self.shift = np.uint64(64 - dropped)
        window = _GUARD << (64 - dropped)
        self.low = np.int64(-(2**63) + window)
        self.high = np.int64(2**63 - window)
        self.smallest_normal = float(info.smallest_normal)
        self.smallest_subnormal = float(info.smallest_subnormal)

    def any_near(self, s: npt.NDArray[np.int64]) -> bool:
        """Whether any shifted bit pattern ``s`` lies in the midpoint window.

        argmin/argmax, not min/max: they skip the ufunc reduction machinery.
        """
        return bool(s[s.argmin()] < self.low or s[s.argmax()] >= self.high)


_MIDPOINTS: dict[np.dtype[Any], _Midpoints] = {
    np.dtype(t): _Midpoints(t) for t in (np.float16, np.float32)
}


def _near_midpoint(
    w: F64, dtype: np.dtype[Any], subnormal: bool
) -> npt.NDArray[np.intp] | None:
    """Indices where ``w`` lies within ``_GUARD`` float64 ULPs of a midpoint.

    A midpoint is a value halfway between two neighbouring numbers of
    ``dtype``. For results that are normal numbers of ``dtype`` these are the
    float64 values whose low ``52 - nmant`` mantissa bits are ``100...0``, so
    the test is integer arithmetic on the bit pattern: one shift, an argmin
    and an argmax (see ``_Midpoints``). Results that are subnormal in ``dtype``
    (``subnormal`` says the cast reported some) have midpoints on a fixed
    absolute grid and are tested on that grid. The shift is done in place:
    ``w`` is overwritten with its shifted bit patterns.
    """
    c = _MIDPOINTS[dtype]
    found = []
    if subnormal:  # before w is overwritten
        tiny = np.flatnonzero(np.abs(w) < c.smallest_normal)
        # In units of the smallest subnormal, the midpoints are at k + 1/2.
        scaled = np.abs(w[tiny]) / c.smallest_subnormal
        distance = np.abs(scaled - np.floor(scaled) - 0.5)
        found.append(tiny[distance <= _GUARD * 2.0**-52 * scaled])
    s = w.view(np.int64)
    np.left_shift(w.view(np.uint64), c.shift, out=w.view(np.uint64))
    if c.any_near(s):
        found.append(np.flatnonzero((s < c.low) | (s >= c.high)))
    if not found:
        return None
    doubtful = np.union1d(*found) if len(found) == 2 else found[0]
    return doubtful if doubtful.size else None


# ----------------------------------------------------------------------------
# sigmoid


def sigmoid_block(
    x: Array,
    y: F64,
    t: F64,
    u: F64,  # noqa: ARG001 (the kernels share one signature)
    watch: _FloatingPointWatch,
) -> None:
    """y = 1 / (1 + exp(-x)); exp(x) itself where exp(-x) overflows.

    Each step is monotone, so the result is monotone in x. Below x = -709.78,
    where exp(-x) overflows, sigma(x) = e / (1 + e) with e = exp(x) < 2**-1022,
    and 1 + e rounds to 1, so sigma(x) is exp(x) to within a rounding.
    """
    np.negative(x, out=t, dtype=_F64)
    watch.overflow = False
    np.exp(t, out=t)
    if watch.overflow:
        tail = np.flatnonzero(np.isinf(t))
        tail_values = np.exp(x[tail].astype(_F64))  # read before y overwrites x
    np.add(t, 1.0, out=t)
    np.divide(1.0, t, out=y)
    if watch.overflow:
        y[tail] = tail_values


def sigmoid_narrow_block(
    x: Array,
    y: F64,
    t: F64,
    u: F64,
    watch: _FloatingPointWatch,  # noqa: ARG001 (the kernels share one signature)
) -> None:
    """y = 1 / (1 + exp(-x)) for float16 and float32 input, in place in t.

    -x is formed in the narrow type (exactly) in the bytes of ``u``, so the
    pass that streams x in from memory is a cheap one, and ``np.exp`` casts
    to float64 from there while it is in cache. The float64 value is accurate
    to a few float64 ULPs, which is all the narrow path needs: ``run`` rounds
    it once and recomputes exactly any element near a rounding boundary, so
    the result is correctly rounded (and therefore monotone). No tail needs
    fixing: where exp(-x) overflows, 1 / (1 + inf) = 0 is what sigma(x)
    rounds to in float32 and float16, and x = +-inf gives 1 and 0.
    """
    negated = u.view(x.dtype)[: x.size]
    np.negative(x, out=negated)
    np.exp(negated, out=t, dtype=_F64)
    np.add(t, 1.0, out=t)
    np.divide(1.0, t, out=y)


# ----------------------------------------------------------------------------
# derivatives


def derivative1_block(
    x: Array,
    y: F64,
    t: F64,
    u: F64,  # noqa: ARG001 (the kernels share one signature)
    watch: _FloatingPointWatch,
) -> None:
    """y = 1 / (2 + 2 cosh(x)); exp(-|x|) itself where cosh(x) overflows.

    sigma'(x) = e / (1 + e)**2 with e = exp(-|x|); dividing through by e gives
    1 / (e**-1 + 2 + e) = 1 / (2 + 2 cosh x): three passes, no cancellation.
    Beyond |x| = 710.47, where cosh overflows, sigma'(x) = e (1 + e)**-2 with
    e < 2**-1024 rounds to e.
    """
    watch.overflow = False
    np.cosh(x, out=t, dtype=_F64)
    if watch.overflow:
        tail = np.flatnonzero(np.isinf(t))
        tail_values = np.exp(-np.abs(x[tail].astype(_F64)))
    np.add(t, 1.0, out=t)
    np.divide(0.5, t, out=y)
    if watch.overflow:
        y[tail] = tail_values


def derivative1_narrow_block(
    x: Array,
    y: Array,
    t: F64,
    u: F64,  # noqa: ARG001 (the kernels share one signature)
    watch: _FloatingPointWatch,  # noqa: ARG001
) -> None:
    """y = 1 / (2 + 2 cosh(x)) for float16 and float32 x, rounded into y.

    ``y`` has the input's dtype (see ``_WRITES_NARROW``): the last division
    rounds its float64 quotients into it once. x is first copied into y's
    own memory: a plain copy streams x
    in from memory at full speed, the cast to float64 then runs from the
    cache, and y's cache lines are already in place for the result. (Casting
    straight from memory inside ``np.cosh`` is about 8% slower overall.) No
    tail needs fixing: where cosh overflows, 0.5 / inf = 0 is what sigma'(x)
    rounds to in float32 and float16.
    """
    np.copyto(y, x)
    t[...] = y  # exact
    np.cosh(t, out=t)
    np.add(t, 1.0, out=t)
    np.divide(0.5, t, out=y, casting="same_kind")


def derivative2_block(
    x: Array, y: F64, t: F64, u: F64, watch: _FloatingPointWatch
) -> None:
    """y = -sigma'(x) tanh(x / 2): two well-conditioned factors, no cancellation.

    sigma'(x) comes from ``derivative1_block``, tail included: where cosh
    overflows (|x| > 710.47), tanh(x / 2) is exactly +-1, so the product is
    -sign(x) exp(-|x|), to which sigma''(x) rounds.
    """
    derivative1_block(x, u, u, t, watch)  # u = sigma'(x); y is not yet written
    np.multiply(x, 0.5, out=t, dtype=_F64)
    np.tanh(t, out=t)
    np.multiply(u, t, out=y)
    np.negative(y, out=y)
    np.add(y, 0.0, out=y)  # sigma''(0) = +0, not -0


def derivative3_block(
    x: Array,
    y: F64,
    t: F64,
    u: F64,
    watch: _FloatingPointWatch,  # noqa: ARG001
) -> None:
    """y = e (m**2 - 2m - 2) / (1 + e)**4 with e = exp(-|x|), m = e - 1.

    m**2 - 2m - 2 equals 1 - 4e + e**2; written in m = expm1(-|x|) it keeps
    full accuracy near x = 0, where e is close to 1.
    """
    np.abs(x, out=t, dtype=_F64)
    np.negative(t, out=t)
    np.exp(t, out=y)  # y = e
    np.expm1(t, out=t)  # t = m
    np.subtract(t, 2.0, out=u)  # u = m - 2
    np.multiply(u, t, out=u)  # u = m**2 - 2m
    np.subtract(u, 2.0, out=u)  # u = m**2 - 2m - 2
    np.multiply(u, y, out=u)  # u = e (1 - 4e + e**2)
    np.add(y, 1.0, out=y)  # y = 1 + e
    np.multiply(y, y, out=y)
    np.multiply(y, y, out=y)  # y = (1 + e)**4
    np.divide(u, y, out=y)


# ----------------------------------------------------------------------------
# log-sigmoid


def log_sigmoid_block(
    x: Array,
    y: F64,
    t: F64,
    u: F64,  # noqa: ARG001 (the kernels share one signature)
    watch: _FloatingPointWatch,
) -> None:
    """y = -log1p(exp(-x)); x itself where exp(-x) overflows.

    Below x = -709.78, log sigma(x) = x - log1p(exp(x)) with exp(x) < 2**-1022,
    which rounds to x.
    """
    np.negative(x, out=t, dtype=_F64)
    watch.overflow = False
    np.exp(t, out=t)
    if watch.overflow:
        tail = np.flatnonzero(np.isinf(t))
        tail_values = x[tail].astype(_F64)  # read before y overwrites x
    np.log1p(t, out=t)
    np.negative(t, out=y)
    if watch.overflow:
        y[tail] = tail_values


# ----------------------------------------------------------------------------
# log-sigmoid in float64, from a table: about 1 ULP
#
# -log1p(exp(-x)) carries the errors of NumPy's vectorised exp and log1p (up
# to 0.63 and 0.58 ULP), which add up to 1.6 ULP. The float64 path avoids both
# large errors. With a = |x| = j/8 + r, j an integer and |r| <= 1/16, and
# T = exp(-j/8),
#
#     log(1 + exp(-a)) = log(1 + T) + log1p(A p),  A = T / (1 + T),  p = expm1(-r),
#
# exactly. log(1 + T) comes from a table as a float64 pair (hi + lo), A from a
# table, and the only NumPy functions left, expm1 and log1p, act on arguments
# below 1/16 in size, so their errors are scaled down by that much. What
# remains is essentially the rounding of the final two additions. Then
# log sigma(x) = min(x, 0) - log(1 + exp(-|x|)).

#: Table points per unit of a.
_LS_STEPS = 8
#: exp(-a) is below half the smallest subnormal for a > 745.2: every entry from
#: here on is 0, and so is log(1 + exp(-a)) to float64 precision.
_LS_END = 746
#: Adding 1.5 * 2**49 rounds a to the nearest multiple of 1/8 (the spacing of
#: float64 numbers there), and the bit pattern of the sum counts those eighths.
_LS_MAGIC = np.float64(1.5 * 2.0**49)
_LS_MAGIC_BITS = _LS_MAGIC.view(np.int64)
#: Five scratch arrays of this many elements fit in a 1 MiB L2 cache.
_LS_BLOCK = 1 << 14


@functools.cache
def _log_sigmoid_tables() -> tuple[F64, F64, F64]:
    """A = T / (1 + T) and log(1 + T) as hi + lo, for T = exp(-j/8).

    Computed once, on first use, with :mod:`decimal` at 60 digits (about
    50 ms); ``tests/test_log_sigmoid_tables.py`` checks entries against mpmath.
    """
    ctx = Context(prec=60)
    count = _LS_END * _LS_STEPS + 1
    ratio, hi, lo = np.zeros(count), np.zeros(count), np.zeros(count)
    step = ctx.exp(ctx.divide(Decimal(-1), _LS_STEPS))
    t = Decimal(1)
    tiny = Decimal("1e-15")
    for j in range(count):
        if t > tiny:
            log1p_t = ctx.ln(ctx.add(1, t))
        else:  # t - t**2/2 + t**3/3, exact to 60 digits for t < 1e-15
            t2 = ctx.multiply(t, t)
            log1p_t = ctx.add(
                ctx.subtract(t, ctx.divide(t2, 2)), ctx.divide(ctx.multiply(t2, t), 3)
            )
        ratio[j] = float(ctx.divide(t, ctx.add(1, t)))
        hi[j] = float(log1p_t)
        lo[j] = float(ctx.subtract(log1p_t, Decimal(hi[j])))
        t = ctx.multiply(t, step)
    for table in (ratio, hi, lo):
        table.flags.writeable = False
    return ratio, hi, lo


def log_sigmoid_f64(x: F64, y: F64) -> None:
    """y = log sigma(x) for 1-D C-contiguous float64 ``x``; ``y`` may be ``x``."""
    n = x.size
    if n == 0:
        return
    tables = _log_sigmoid_tables()
    size = min(n, _LS_BLOCK)
    a, s, t, u = (np.empty(size, _F64) for _ in range(4))
    j = np.empty(size, np.int64)
    watch = _FloatingPointWatch()
    with np.errstate(all="ignore", over="call", invalid="call", call=watch):
        if n == size:
            _log_sigmoid_f64_block(x, y, a, s, t, u, j, tables, watch)
            return
        for start in range(0, n, size):
            stop = min(start + size, n)
            m = stop - start
            _log_sigmoid_f64_block(
                x[start:stop], y[start:stop], a[:m], s[:m], t[:m], u[:m], j[:m],
                tables, watch,
            )  # fmt: skip


def _log_sigmoid_f64_block(
    x: F64,
    y: F64,
    a: F64,
    s: F64,
    t: F64,
    u: F64,
    j: npt.NDArray[np.int64],
    tables: tuple[F64, F64, F64],
    watch: _FloatingPointWatch,
) -> None:
    ratio, hi, lo = tables
    watch.overflow = watch.invalid = False
    np.abs(x, out=a)
    np.minimum(x, -0.0, out=y)  # min(x, 0) now: in place, y is x
    np.add(a, _LS_MAGIC, out=s)
    np.subtract(s, _LS_MAGIC, out=t)  # j/8, exactly
    np.subtract(t, a, out=t)  # -r, exactly
    np.expm1(t, out=t)  # p
    np.subtract(s.view(np.int64), _LS_MAGIC_BITS, out=j)
    np.take(ratio, j, out=u, mode="clip")  # past the end: the zero entries
    np.multiply(t, u, out=t)
    np.log1p(t, out=t)
    np.take(lo, j, out=u, mode="clip")
    np.add(t, u, out=t)
    np.take(hi, j, out=u, mode="clip")
    np.add(u, t, out=t)  # log(1 + exp(-a))
    if watch.overflow or watch.invalid:
        # a = inf (inf - inf), or a so large that r no longer fits expm1
        # (0 * inf): log(1 + exp(-a)) is 0 for every a past the table. NaN
        # stays NaN through y.
        t[~(a <= _LS_END)] = 0.0
    np.subtract(y, t, out=y)


# ----------------------------------------------------------------------------
# logit


def logit_block(x: Array, y: F64, t: F64, u: F64, watch: _FloatingPointWatch) -> None:  # noqa: ARG001
    """y = 2 atanh(2p - 1) for p >= 1/4, log(p / (1 - p)) below.

    For p in [1/4, 1] the argument 2p - 1 is exact (Sterbenz), so the only
    rounding is atanh's own; near p = 1/2, where log(p / (1 - p)) would lose
    every digit to cancellation, this is what keeps the result accurate. For
    p < 1/4 the quotient p / (1 - p) is below 1/3 and its rounding errors are
    damped by the logarithm.
    """
    p = x.astype(_F64, copy=False)
    np.multiply(p, 2.0, out=t)
    np.subtract(t, 1.0, out=t)
    np.arctanh(t, out=t)
    np.multiply(t, 2.0, out=t)
    np.subtract(1.0, p, out=u)
    np.divide(p, u, out=u)
    np.log(u, out=u)
    small = p < 0.25  # before y is written: in place, y is p
    np.copyto(y, t)
    np.copyto(y, u, where=small)


#: Kernels that round into a float16/float32 ``y`` themselves (for results
#: without an exact recomputation), so ``run`` hands them ``y`` directly.
_WRITES_NARROW = frozenset({derivative1_narrow_block})

#: Kernels that read ``t`` for the last time in the call that writes ``y``,
#: so that ``y`` may be ``t`` itself.
_WRITE_Y_LAST = frozenset(
    {
        sigmoid_block,
        sigmoid_narrow_block,
        derivative1_block,
        derivative1_narrow_block,
        derivative2_block,
        log_sigmoid_block,
        logit_block,
    }
)
