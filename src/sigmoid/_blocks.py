"""The block loop that every formula runs in, and its floating-point watch.

A formula is a short chain of NumPy ufunc calls. ``run`` applies it to
``BLOCK`` elements at a time, through float64 scratch arrays that stay in the
CPU cache, so that a large array is read once and written once instead of
once per operation. That, not any cleverness in the formulas, is where the
speed comes from: a chain of whole-array temporaries waits on memory.

The loop runs under ``np.errstate(all="ignore", ...="call")``: no
floating-point warning reaches the caller, and a ``Watch`` records the flags.
Overflow tells a formula that its block holds inputs beyond the range of its
fast form (``Block.fix_overflow``); underflow in the final cast to float16 or
float32, that some results are subnormal there (see ``_rounding``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ._rounding import GUARD, doubtful
from ._types import Array, Array64, Exact

#: Elements per block: 64 Ki float64 is 512 KiB per scratch array, few enough
#: to stay in the cache and many enough that the fixed cost of each ufunc
#: call is small next to its work.
BLOCK = 1 << 16


class Watch:
    """An ``np.errstate`` callback that records the flags raised."""

    __slots__ = ("invalid", "overflow", "underflow")

    def __init__(self) -> None:
        self.invalid = self.overflow = self.underflow = False

    def __call__(self, kind: str, _flag: int) -> None:  # NumPy's signature
        # kind is "overflow", "underflow" or "invalid value": division by
        # zero is ignored, not called.
        setattr(self, kind.partition(" ")[0], True)


@dataclass(slots=True)
class Block:
    """One block of a call, as a formula sees it.

    ``x`` is the float64 input (never the memory of ``y``), ``y`` the float64
    result, ``t`` and ``u`` float64 scratch arrays of the same length, and
    ``watch`` the flags raised in this block so far. ``parameters`` are the
    formula's parameters for this block, each a 0-d array or one element per
    element of ``x``. ``guard`` is how many float64 ULPs from a midpoint a
    result counts as in doubt (``_rounding.doubtful``); a formula whose error
    exceeds ``GUARD`` widens it.
    """

    x: Array64
    y: Array64
    t: Array64
    u: Array64
    watch: Watch
    parameters: tuple[Array, ...] = ()
    guard: int = GUARD

    def fix_overflow(self, limit: Callable[[Array64], Array64]) -> None:
        """Where ``t`` overflowed to infinity, y = limit(x) instead."""
        if self.watch.overflow:
            tail = np.isinf(self.t)
            self.y[tail] = limit(self.x[tail])


Formula = Callable[[Block], None]


def _elements(p: Array, start: int, n: int) -> Array:
    """Elements ``start`` to ``start + n`` of ``p`` in C order; 0-d ``p`` as it is."""
    if p.ndim == 0:
        return p
    if p.flags.c_contiguous:
        return p.reshape(-1)[start : start + n]
    return p.flat[start : start + n]  # a copy of n elements (p is a broadcast view)


def run(
    formula: Formula,
    x: Array,
    y: Array,
    exact: Exact | None = None,
    size: int = BLOCK,
    parameters: Sequence[Array] = (),
) -> None:
    """y = formula(x), ``size`` elements at a time.

    ``x`` and ``y`` are 1-D and C-contiguous, and ``y`` is either apart from
    ``x`` or ``x`` itself. A float16 or float32 ``x``, or one that is ``y``
    itself, is first copied into a float64 scratch block, so the formula sees
    float64 input that its result cannot overwrite (the copy also reads the
    input from memory at full speed, and the formula then runs in the cache).
    A float16 or float32 ``y`` is computed in float64 and rounded once; with
    ``exact``, the elements whose float64 value is too close to a midpoint
    for that (``_rounding.doubtful``) are then recomputed with it, which
    makes every result correctly rounded. Each of ``parameters`` is 0-d or
    of ``y``'s shape (a broadcast view will do); the formula and ``exact``
    get them block by block.
    """
    size = max(1, min(x.size, size))
    copied = x.dtype != np.float64 or np.may_share_memory(x, y)
    narrow = y.dtype != np.float64
    # All the scratch in one allocation: with four separate ones of 512 KiB,
    # a float32 call of 10**5 elements took 4x as long on Linux (glibc), its
    # memory being handed back to the system and faulted in again each call.
    scratch = iter(np.empty((2 + copied + narrow, size)))
    t, u = next(scratch), next(scratch)
    v = next(scratch) if copied else None  # x, as float64
    w = next(scratch) if narrow else None  # y before rounding
    watch = Watch()
    with np.errstate(
        all="ignore", over="call", under="call", invalid="call", call=watch
    ):
        for start in range(0, x.size, size):
            xb, yb = x[start : start + size], y[start : start + size]
            n = xb.size
            if v is not None:
                np.copyto(v[:n], xb)  # exact: float64 holds every narrow value
                xb = v[:n]
            watch.overflow = watch.invalid = False
            p = tuple(_elements(q, start, n) for q in parameters) if parameters else ()
            b = Block(xb, yb if w is None else w[:n], t[:n], u[:n], watch, p)
            formula(b)
            if w is not None:
                watch.underflow = False
                np.copyto(yb, w[:n])  # rounds once
                if exact is not None:
                    i = doubtful(w[:n], yb.dtype, watch.underflow, b.guard)
                    if i is not None:
                        yb[i] = exact(
                            xb[i], yb.dtype, *(q[i] if q.ndim else q for q in p)
                        )
