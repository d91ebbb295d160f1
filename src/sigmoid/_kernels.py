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
elements are detected and recomputed exactly (see ``_round_to``).

The kernels run under ``np.errstate(all="ignore", over="call")``: overflow in
``np.exp`` is the signal that a block holds inputs beyond the fast formula's
range, and the block is then recomputed with the branch-free stable form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from . import _exact

__all__ = [
    "BLOCK",
    "derivative1_block",
    "derivative2_block",
    "derivative3_block",
    "log_sigmoid_block",
    "logit_block",
    "run",
    "sigmoid_block",
]

Array = npt.NDArray[Any]
F64 = npt.NDArray[np.float64]

#: Elements per block: 64 Ki float64 is 512 KiB per scratch buffer, which keeps
#: two buffers and the block of input in a 2 MiB L2 cache while making the
#: per-block cost of the Python loop (about 0.5 us per ufunc call) negligible.
BLOCK = 1 << 16

_F64 = np.dtype(np.float64)


class _OverflowWatch:
    """An ``np.errstate`` callback that records that an overflow happened."""

    __slots__ = ("seen",)

    def __init__(self) -> None:
        self.seen = False

    def __call__(self, kind: str, flag: int) -> None:  # noqa: ARG002
        self.seen = True


# A block kernel fills ``y`` (float64, same length as ``x``) from ``x``, using
# the scratch buffers ``t`` and ``u``; ``watch`` reports overflow in np.exp.
BlockKernel = Callable[[Array, F64, F64, F64, _OverflowWatch], None]


def run(
    block_kernel: BlockKernel,
    x: Array,
    y: Array,
    exact: Callable[[F64, np.dtype[Any]], Array] | None,
) -> None:
    """Apply ``block_kernel`` to ``x`` block by block, writing into ``y``.

    ``exact`` computes correctly rounded results for the few float16/float32
    elements whose float64 value is too close to a rounding boundary to round
    correctly; it receives those elements of ``x`` as float64 and returns the
    exact results in ``y.dtype``.
    """
    n = x.size
    size = min(n, BLOCK)
    t = np.empty(size, _F64)
    u = np.empty(size, _F64)
    narrow = y.dtype != _F64
    w = np.empty(size, _F64) if narrow else t  # t is never aliased with y
    watch = _OverflowWatch()
    with np.errstate(all="ignore", over="call", call=watch):
        for start in range(0, n, size):
            stop = min(start + size, n)
            m = stop - start
            xb = x[start:stop]
            if narrow:
                wb = w[:m]
                block_kernel(xb, wb, t[:m], u[:m], watch)
                _round_to(wb, xb, y[start:stop], u[:m], exact)
            else:
                block_kernel(xb, y[start:stop], t[:m], u[:m], watch)


def _round_to(
    w: F64,
    x: Array,
    y: Array,
    scratch: F64,
    exact: Callable[[F64, np.dtype[Any]], Array] | None,
) -> None:
    """Round the float64 values ``w`` into ``y`` (float16 or float32).

    Rounding a float64 approximation once is correct unless the true value
    and the approximation straddle a rounding boundary (a midpoint between two
    neighbouring narrow floats). The float64 kernels are accurate to a few
    units in the last place of float64, so only values within ``_GUARD``
    float64 ULPs of a midpoint are in doubt; those are recomputed by ``exact``.
    """
    np.copyto(y, w, casting="same_kind")
    if exact is None:
        return
    suspicious = _near_midpoint(w, y.dtype, scratch)
    if suspicious is not None:
        y[suspicious] = exact(x[suspicious].astype(np.float64), y.dtype)


#: How many float64 ULPs from a rounding boundary count as "in doubt". The
#: kernels' measured float64 error is below 3 ULP; 8 leaves a wide margin.
_GUARD = 8


def _near_midpoint(
    w: F64, dtype: np.dtype[Any], scratch: F64
) -> npt.NDArray[np.intp] | None:
    """Indices where ``w`` is within ``_GUARD`` float64 ULPs of a midpoint of ``dtype``.

    For results that are normal numbers in the narrow type the midpoints are
    the float64 values whose low ``52 - nmant`` mantissa bits are ``100...0``,
    so the test is integer arithmetic on the bit pattern. Results below the
    narrow type's smallest normal number have midpoints on a fixed absolute
    grid instead, and are tested on that grid.
    """
    info = np.finfo(dtype)
    shift = 52 - info.nmant
    offset = np.uint64((_GUARD - (1 << (shift - 1))) % (1 << 64))
    bits = w.view(np.uint64)
    u = scratch.view(np.uint64)
    # (bits + GUARD - half) mod 2**shift < 2 GUARD  <=>  within GUARD of half.
    np.add(bits, offset, out=u)
    np.bitwise_and(u, np.uint64((1 << shift) - 1), out=u)
    near = u < np.uint64(2 * _GUARD)
    smallest_normal = float(info.smallest_normal)
    tiny = np.flatnonzero(np.abs(w) < smallest_normal)
    if tiny.size:
        # In units of the smallest subnormal, midpoints are at k + 1/2.
        scaled = np.abs(w[tiny]) / float(info.smallest_subnormal)
        distance = np.abs(scaled - np.floor(scaled) - 0.5)
        near[tiny] = distance <= _GUARD * 2.0**-52 * scaled
    if not near.any():
        return None
    return np.flatnonzero(near)


# ----------------------------------------------------------------------------
# sigmoid


def sigmoid_block(x: Array, y: F64, t: F64, u: F64, watch: _OverflowWatch) -> None:  # noqa: ARG001
    """y = 1 / (1 + exp(-x)), exact to within a few ULP for x > -709.78."""
    np.negative(x, out=t, dtype=_F64)
    watch.seen = False
    np.exp(t, out=t)
    if watch.seen:  # exp(-x) overflowed: some x < -709.78 in this block
        _sigmoid_stable(x, y)
        return
    np.add(t, 1.0, out=t)
    np.divide(1.0, t, out=y)


def _sigmoid_stable(x: Array, y: F64) -> None:
    """sigma(x) = 1 / (1 + e) for x >= 0 and e / (1 + e) for x < 0, e = exp(-|x|)."""
    x64 = x.astype(_F64, copy=False)
    e = np.exp(-np.abs(x64))
    np.divide(np.where(x64 >= 0, 1.0, e), 1.0 + e, out=y)


# ----------------------------------------------------------------------------
# derivatives


def derivative1_block(x: Array, y: F64, t: F64, u: F64, watch: _OverflowWatch) -> None:  # noqa: ARG001
    """y = e / (1 + e)**2 with e = exp(-|x|): symmetric, never overflows."""
    np.abs(x, out=t, dtype=_F64)
    np.negative(t, out=t)
    np.exp(t, out=t)
    np.add(t, 1.0, out=u)
    np.multiply(u, u, out=u)
    np.divide(t, u, out=y)


def derivative2_block(x: Array, y: F64, t: F64, u: F64, watch: _OverflowWatch) -> None:  # noqa: ARG001
    """y = -sign(x) e (1 - e) / (1 + e)**3 with e = exp(-|x|), 1 - e = -expm1(-|x|)."""
    np.abs(x, out=t, dtype=_F64)
    np.negative(t, out=t)
    np.expm1(t, out=t)  # t = e - 1, accurate near x = 0
    np.add(t, 1.0, out=u)  # u = e
    np.multiply(u, t, out=y)  # y = e (e - 1) <= 0
    np.add(u, 1.0, out=u)  # u = 1 + e
    np.multiply(u, u, out=t)
    np.multiply(t, u, out=t)  # t = (1 + e)**3
    np.divide(y, t, out=y)
    np.sign(x, out=t, dtype=_F64)
    np.multiply(y, t, out=y)  # odd function
    np.add(y, 0.0, out=y)  # sigma''(0) = +0, not -0


def derivative3_block(x: Array, y: F64, t: F64, u: F64, watch: _OverflowWatch) -> None:  # noqa: ARG001
    """y = e (m**2 - 2m - 2) / (1 + e)**4 with e = exp(-|x|), m = e - 1.

    m**2 - 2m - 2 equals 1 - 4e + e**2; writing it in m = expm1(-|x|) keeps
    full accuracy near x = 0, where e is close to 1.
    """
    np.abs(x, out=t, dtype=_F64)
    np.negative(t, out=t)
    np.expm1(t, out=t)  # t = m
    np.subtract(t, 2.0, out=u)  # u = m - 2
    np.multiply(u, t, out=u)  # u = m**2 - 2m
    np.subtract(u, 2.0, out=u)  # u = m**2 - 2m - 2
    np.add(t, 1.0, out=t)  # t = e
    np.multiply(u, t, out=y)  # y = e (1 - 4e + e**2)
    np.add(t, 1.0, out=t)  # t = 1 + e
    np.multiply(t, t, out=t)
    np.multiply(t, t, out=t)  # t = (1 + e)**4
    np.divide(y, t, out=y)


# ----------------------------------------------------------------------------
# log-sigmoid


def log_sigmoid_block(x: Array, y: F64, t: F64, u: F64, watch: _OverflowWatch) -> None:  # noqa: ARG001
    """y = -log1p(exp(-x)), with the stable form where exp(-x) overflows."""
    np.negative(x, out=t, dtype=_F64)
    watch.seen = False
    np.exp(t, out=t)
    if watch.seen:
        _log_sigmoid_stable(x, y)
        return
    np.log1p(t, out=t)
    np.negative(t, out=y)


def _log_sigmoid_stable(x: Array, y: F64) -> None:
    """log sigma(x) = min(x, 0) - log1p(exp(-|x|))."""
    x64 = x.astype(_F64, copy=False)
    np.subtract(np.minimum(x64, 0.0), np.log1p(np.exp(-np.abs(x64))), out=y)


# ----------------------------------------------------------------------------
# logit


def logit_block(x: Array, y: F64, t: F64, u: F64, watch: _OverflowWatch) -> None:  # noqa: ARG001
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
    np.copyto(y, t)
    np.copyto(y, u, where=p < 0.25)


# Exact (correctly rounded) fallbacks for float16/float32 results.
EXACT: dict[BlockKernel, Callable[[Array, np.dtype[Any]], Array]] = {
    sigmoid_block: _exact.sigmoid,
    derivative1_block: _exact.derivative1,
    log_sigmoid_block: _exact.log_sigmoid,
    logit_block: _exact.logit,
}
