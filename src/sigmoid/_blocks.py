"""The block loop that every formula runs in, and its floating-point watch.

A formula is a short chain of NumPy ufunc calls. ``run`` applies it to
``BLOCK`` elements at a time, through float64 scratch arrays that stay in the
CPU cache, so that a large array is read once and written once instead of
once per operation. That, not any cleverness in the formulas, is where the
speed comes from: a chain of whole-array temporaries waits on memory.

The loop runs under ``np.errstate(all="ignore", ...="call")``: no
floating-point warning reaches the caller, and a ``Watch`` records the flags.
Overflow tells a formula that its block holds inputs beyond the range of its
fast form, which it then fixes where it happens (``b.watch.overflow``);
underflow in the final cast to float16 or float32, that some results are
subnormal there (see ``_rounding``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._rounding import GUARD, fix_rounding
from ._types import Array, Array64, Exact
from ._validation import broadcast, checked_out, real_input, real_parameter

#: Elements per block: 64 Ki float64 is 512 KiB per scratch array, few enough
#: to stay in the cache and many enough that the fixed cost of each ufunc
#: call is small next to its work.
BLOCK = 1 << 16
F64 = np.dtype(np.float64)


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


Formula = Callable[[Block], None]


def buffered(
    inputs: list[Array], y: Array, dtype: np.dtype[Any], size: int
) -> Iterator[tuple[Array64, Array, list[Array64]]]:
    """x, y and the parameter arrays a block at a time, as a ufunc walks them.

    A buffered ``np.nditer`` hands out ``size`` elements at a time in memory
    order: views where the data is float64 and contiguous, else its own
    buffers, into which it converts (integers, float32, strided or
    Fortran-ordered data, an ``out`` of another dtype) one block at a time,
    so that no full copy of anything is made. In place (out is x), each block
    of x is copied, not x as a whole.
    """
    read: Any = ["readonly", "overlap_assume_elementwise"]
    write: Any = ["writeonly", "no_broadcast", "overlap_assume_elementwise"]
    with np.nditer(
        [*inputs, y],
        flags=["external_loop", "buffered", "zerosize_ok", "copy_if_overlap"],
        op_flags=[*([read] * len(inputs)), write],
        op_dtypes=[*([F64] * len(inputs)), dtype],
        casting="same_kind",
        order="K",
        buffersize=size,
    ) as blocks:
        for xs, *chunks, yb in blocks:
            yield xs, yb, chunks


def run(
    name: str,
    formula: Formula,
    x: object,
    out: object,
    exact: Exact,
    *,
    float64: tuple[Formula, int] | None = None,
    **parameters: object,
) -> Any:
    """``formula`` applied to ``x`` a block at a time: every public function.

    The arguments are checked first (``_validation``). Contiguous float
    input with no parameter arrays is cut into slices of ``BLOCK`` elements;
    anything else is walked by ``buffered``, as a ufunc walks it, so that no
    full copy of anything is made. The formula reads float64 and writes
    float64 (x is copied to float64 scratch a block at a time where needed); a
    float16 or float32 result is rounded from it once, and the elements too
    close to a midpoint for that are recomputed with ``exact``
    (``_rounding.fix_rounding``), which makes every result correctly
    rounded. ``float64`` is another formula and block size for float64
    results (log_sigmoid's table). Returns ``out``, else a new array of
    x's memory order (a NumPy scalar if 0-d, unless ``out=...``).
    """
    array, dtype = real_input(name, x)
    shape, values, arrays = array.shape, {}, []
    if parameters:  # generalized_logistic's
        checked = {k: real_parameter(name, k, v) for k, v in parameters.items()}
        shape = broadcast(name, array.shape, checked)
        # One element: to the formula as a 0-d float64 array; more: walked.
        values = {
            k: v.astype(F64).reshape(()) for k, v in checked.items() if v.size == 1
        }
        arrays = [v for k, v in checked.items() if k not in values]
    y = checked_out(name, None if out is Ellipsis else out, shape, dtype)
    overlap = y is not None and np.may_share_memory(array, y)
    if y is None:  # of x's memory order, as a ufunc's
        same = shape == array.shape
        y = np.empty_like(array, dtype) if same else np.empty(shape, dtype)
    size = BLOCK
    if float64 is not None and dtype == F64:
        formula, size = float64
    blocks: Iterable[tuple[Array64, Array, Sequence[Array64]]]
    if (  # the common case: contiguous floats, no parameter arrays
        not arrays
        and array.dtype.kind == "f"
        and array.dtype.isnative
        and array.flags.c_contiguous
        and y.flags.c_contiguous
        and y.dtype == dtype
        and y.shape == array.shape
        and (not overlap or array.ctypes.data == y.ctypes.data)
    ):  # slices, not nditer's buffers: its setup costs 2 us of a 9 us call
        xf, yf = array.ravel(), np.asarray(y).ravel()  # np.matrix would stay 2-D
        starts = range(0, xf.size, size)
        blocks = (
            [(xf[i : i + size], yf[i : i + size], ()) for i in starts]
            if len(starts) > 1
            else [(xf, yf, ())] * len(starts)  # one block (none if empty): no slicing
        )
        copied = overlap or array.dtype != F64
    else:
        blocks = buffered([array, *arrays], y, dtype, size)
        copied = overlap  # in place: each block of x is copied first
    size = max(1, min(y.size, size))
    narrow = dtype != F64
    # All the scratch in one allocation: with four separate ones of 512 KiB,
    # a float32 call of 10**5 elements took 4x as long on Linux (glibc), its
    # memory being handed back to the system and faulted in again each call.
    scratch = np.empty((2 + copied + narrow, size))
    t, u = scratch[0], scratch[1]
    v = scratch[2] if copied else None  # x as float64, or where y is x's memory
    w = scratch[-1] if narrow else None  # y before rounding
    watch = Watch()
    p = tuple(values.values())  # the parameters, when none is an array
    with np.errstate(
        all="ignore", over="call", under="call", invalid="call", call=watch
    ):
        for xs, yb, chunks in blocks:
            n = xs.size
            xb = xs
            if v is not None and (xs.dtype != F64 or np.may_share_memory(xs, yb)):
                xb = v[:n]
                np.copyto(xb, xs)
            watch.overflow = watch.invalid = False
            if chunks:
                given = iter(chunks)
                p = tuple(values[k] if k in values else next(given) for k in parameters)
            b = Block(xb, yb if w is None else w[:n], t[:n], u[:n], watch, p)
            formula(b)
            if w is not None:
                watch.underflow = False
                np.copyto(yb, w[:n])  # rounds once
                # w, rounded into yb already, is the midpoint check's scratch
                fix_rounding(yb, b.y, exact, b.x, p, b.guard, watch.underflow, b.y)
    return y if y.ndim or out is not None else y[()]  # 0-d: a scalar, unless out
