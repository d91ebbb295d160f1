"""log sigma(x) in float64 to about 1 ULP, from a table.

-log1p(exp(-x)) carries the errors of NumPy's vectorised ``exp`` and
``log1p`` (up to 0.63 and 0.58 ULP), which add up to 1.6 ULP. The table
avoids both. With a = |x| = j/8 + r, j an integer and |r| <= 1/16, and
T = exp(-j/8),

    log(1 + exp(-a)) = log(1 + T) + log1p(A p),  A = T / (1 + T),  p = expm1(-r),

exactly. log(1 + T) comes from the table as a float64 pair (hi + lo), A from
the table, and the only NumPy functions left, ``expm1`` and ``log1p``, act on
arguments below 1/16 in size, so their errors are scaled down by that much.
What remains is essentially the rounding of the final two additions. Then
log sigma(x) = min(x, 0) - log(1 + exp(-|x|)).

The table is computed once, when the module is imported, with :mod:`decimal`
at 60 digits (building it on first use instead would be state shared between
calls and threads); ``tests/test_log_sigmoid_tables.py`` checks entries
against mpmath.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

import numpy as np

from ._blocks import Block
from ._rounding import context
from ._types import Array64

#: Table points per unit of a.
STEPS = 8
#: exp(-a) is below half the smallest subnormal for a > 745.2: every entry from
#: here on is 0, and so is log(1 + exp(-a)) to float64 precision.
END = 746
#: Adding 1.5 * 2**49 rounds a to the nearest multiple of 1/8 (the spacing of
#: float64 numbers there), and the bit pattern of the sum counts those eighths.
MAGIC = 1.5 * 2.0**49
MAGIC_BITS = np.float64(MAGIC).view(np.int64)
#: Elements per block: smaller than ``_blocks.BLOCK``, so that the three
#: scratch arrays leave room in the cache for the table.
BLOCK = 1 << 14


def tables() -> tuple[Array64, Array64, Array64]:
    """A = T / (1 + T) and log(1 + T) as hi + lo, for T = exp(-j/8)."""
    count = END * STEPS + 1
    ratio, hi, lo = np.zeros(count), np.zeros(count), np.zeros(count)
    with localcontext(context(60)):
        step = (Decimal(-1) / STEPS).exp()
        t = Decimal(1)
        for j in range(count):
            if t > Decimal("1e-15"):
                log1p_t = (1 + t).ln()
            else:  # 1 + t would drop digits of t; the series is exact to 60 digits
                log1p_t = t - t * t / 2 + t * t * t / 3
            ratio[j] = float(t / (1 + t))
            hi[j] = float(log1p_t)
            lo[j] = float(log1p_t - Decimal(hi[j]))
            t *= step
    for table in (ratio, hi, lo):
        table.flags.writeable = False
    return ratio, hi, lo


RATIO, HI, LO = tables()


def log_sigmoid(b: Block) -> None:
    """y = min(x, 0) - (hi + (lo + log1p(A p))) for float64 x (see above)."""
    x, y, t = b.x, b.y, b.t
    s = b.u  # a + MAGIC, then as int64 the table index j
    j = s.view(np.int64)
    np.abs(x, out=y)  # y = a for now
    np.add(y, MAGIC, out=s)
    np.subtract(s, MAGIC, out=t)  # j/8, exactly
    np.subtract(t, y, out=t)  # -r, exactly
    np.expm1(t, out=t)  # p
    np.subtract(j, MAGIC_BITS, out=j)
    np.take(RATIO, j, out=y, mode="clip")  # past the end: the zero entries
    np.multiply(t, y, out=t)
    np.log1p(t, out=t)
    np.take(LO, j, out=y, mode="clip")
    np.add(t, y, out=t)
    np.take(HI, j, out=y, mode="clip")
    np.add(y, t, out=t)  # log(1 + exp(-a))
    if b.watch.overflow or b.watch.invalid:
        # a = inf (inf - inf), or so large that r no longer fits expm1
        # (0 * inf): log(1 + exp(-a)) is 0 for every a past the table.
        t[~(np.abs(x) <= END)] = 0.0  # NaN stays NaN through min(x, 0)
    np.minimum(x, -0.0, out=y)
    np.subtract(y, t, out=y)
