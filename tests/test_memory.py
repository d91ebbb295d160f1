"""Every function needs the memory of its output and a few blocks of scratch.

The block loop (``sigmoid._blocks``) works through float64 scratch arrays of
``BLOCK`` = 65,536 elements (512 KiB each): two for the formula, one for a
float16 or float32 input (or one computed in place), one for a float16 or
float32 result before it is rounded; the midpoint check of ``_rounding``
makes a few more of one block's size where results are subnormal, and
``generalized_logistic`` copies a block of a parameter array that is not
laid out as the result. ``SCRATCH`` = 10 blocks bounds all of that,
whatever the size of the call; at 2**22 elements the output is 8 to 32 MiB.
The peak is measured with :mod:`tracemalloc`, which sees NumPy's arrays.
Run as a script, this file prints the measured figures::

    python tests/test_memory.py
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from sigmoid import (
    generalized_logistic,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_derivative,
)
from sigmoid._blocks import BLOCK

SIZE = 1 << 22
SCRATCH = 10 * BLOCK * 8  # bytes: ten float64 blocks, 5 MiB
DTYPES = [np.float16, np.float32, np.float64]
STEEPNESSES = np.array([0.5, 1.0, 2.0])[:, None]

CALLS: dict[str, Callable[[Any], Any]] = {
    "sigmoid": sigmoid,
    "sigmoid_derivative": sigmoid_derivative,
    "sigmoid_derivative order=2": lambda x: sigmoid_derivative(x, order=2),
    "sigmoid_derivative order=3": lambda x: sigmoid_derivative(x, order=3),
    "log_sigmoid": log_sigmoid,
    "logit": logit,
    "generalized_logistic": generalized_logistic,
    "generalized_logistic L=3 k=-0.7 x0=0.3": lambda x: generalized_logistic(
        x, maximum=3.0, steepness=-0.7, midpoint=0.3
    ),
    # x repeated for three curves: the output is 3 times the size of x.
    "generalized_logistic, a column of 3 steepnesses": lambda x: generalized_logistic(
        x[: x.size // 3], steepness=STEEPNESSES
    ),
}


def extra_memory(name: str, dtype: type) -> tuple[int, int]:
    """Peak traced memory of one call beyond its output, and the output's size."""
    low, high = (0.0, 1.0) if name == "logit" else (-40.0, 40.0)
    x: np.ndarray[Any, Any] = np.linspace(low, high, SIZE).astype(dtype)
    tracemalloc.start()
    try:
        y = CALLS[name](x)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak - y.nbytes, y.nbytes


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", CALLS)
def test_peak_memory_is_the_output_and_a_few_blocks(name: str, dtype: type) -> None:
    extra, output = extra_memory(name, dtype)
    print(f"{name} {np.dtype(dtype)}: output {output:,} B, beyond it {extra:,} B")
    assert extra <= SCRATCH


LAYOUTS: dict[str, Callable[[np.ndarray[Any, Any]], Any]] = {
    "a strided view": lambda x: x[::2],
    "Fortran order": lambda x: np.asfortranarray(x.reshape(1024, -1)),
    "int64": lambda x: (x * 1000).astype(np.int64),
}


def extra_memory_of_layout(
    name: str, layout: str | None, out_dtype: type | None
) -> tuple[int, int]:
    """As ``extra_memory``, for float64 input in another layout or into an out."""
    low, high = (0.0, 1.0) if name == "logit" else (-40.0, 40.0)
    x: Any = np.linspace(low, high, 2 * SIZE if layout == "a strided view" else SIZE)
    if layout is not None:
        x = LAYOUTS[layout](x)
    out = None if out_dtype is None else np.empty(np.shape(x), out_dtype)
    function: Callable[..., Any] = CALLS[name]
    tracemalloc.start()
    try:
        y = function(x) if out is None else function(x, out=out)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak - y.nbytes, y.nbytes


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", ["sigmoid", "log_sigmoid", "generalized_logistic"])
def test_no_full_copy_of_a_strided_fortran_or_integer_input(
    name: str, layout: str
) -> None:
    # Each cost a full float64 copy of the input before issue 21 (17 MiB
    # beyond the output at 2**21 elements): the block loop now converts it a
    # block at a time, as a ufunc's buffered iterator does.
    extra, output = extra_memory_of_layout(name, layout, None)
    print(f"{name}, {layout}: output {output:,} B, beyond it {extra:,} B")
    assert extra <= SCRATCH


@pytest.mark.parametrize("name", ["sigmoid", "sigmoid_derivative", "logit"])
@pytest.mark.parametrize("out_dtype", [np.float32, np.float16])
def test_no_full_copy_into_a_narrower_out(name: str, out_dtype: type) -> None:
    extra, _ = extra_memory_of_layout(name, None, out_dtype)
    assert extra <= SCRATCH


if __name__ == "__main__":
    print(f"Peak traced memory beyond the output, in float64 blocks of {BLOCK:,}")
    print(f"elements (512 KiB), at {SIZE:,} elements; the bound is 10.\n")
    print(f"| call | {' | '.join(np.dtype(d).name for d in DTYPES)} |")
    print(f"|---|{'---:|' * len(DTYPES)}")
    for name in CALLS:
        blocks = [extra_memory(name, dtype)[0] / (BLOCK * 8) for dtype in DTYPES]
        print(f"| {name} | {' | '.join(f'{b:.2f}' for b in blocks)} |")
