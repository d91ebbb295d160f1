"""Input checking shared by every public function.

Each public function accepts array_like real input in the manner of a NumPy
ufunc. This module turns that input into a contiguous floating-point array,
decides the result dtype, and checks ``out``, so that the numerical kernels in
``_kernels`` only ever see 1-D C-contiguous float arrays.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Prepared", "finite_real_parameter", "prepare"]

# The dtypes the package computes in. float16 and float32 are evaluated in
# float64 and rounded once at the end; bool and integers are promoted to
# float64, as NumPy's own transcendental ufuncs do.
_FLOAT_DTYPES = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64))
_F64 = np.dtype(np.float64)
_RESULT_DTYPE = {d: d for d in _FLOAT_DTYPES}


def _describe(value: object) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype}"
    if isinstance(value, np.generic):
        return f"a NumPy scalar of dtype {value.dtype}"
    return f"{type(value).__name__} {value!r}"[:80]


class Prepared:
    """A validated input: the data as a float array and how to return it."""

    __slots__ = ("array", "result_dtype", "scalar")

    def __init__(
        self, array: npt.NDArray[Any], result_dtype: np.dtype[Any], scalar: bool
    ) -> None:
        self.array = array
        self.result_dtype = result_dtype
        self.scalar = scalar


def prepare(name: str, x: object) -> Prepared:
    """Check ``x`` and work out the dtype of the result of ``name(x)``.

    Raises
    ------
    TypeError
        If ``x`` is not real numeric data: ``None``, ``str``, ``bytes``,
        object, complex, datetime or timedelta arrays, or ``np.longdouble``
        on platforms where it is wider than float64.
    """
    if type(x) is np.ndarray:  # the common case, kept fast for small arrays
        result = _RESULT_DTYPE.get(x.dtype)
        if result is not None:
            return Prepared(x, result, False)
    if x is None or isinstance(x, (str, bytes, bytearray)):
        msg = f"{name}() expects real numbers, got {_describe(x)}"
        raise TypeError(msg)
    try:
        array = np.asarray(x)
    except (TypeError, ValueError) as err:
        msg = f"{name}() expects real numbers, got {_describe(x)}"
        raise TypeError(msg) from err
    scalar = not isinstance(x, np.ndarray) and array.ndim == 0
    if not array.dtype.isnative:  # big-endian data read from a file, say
        array = array.astype(array.dtype.newbyteorder("="))
    dtype = array.dtype
    if dtype.kind in "biu":
        return Prepared(array, _F64, scalar)
    if dtype in _FLOAT_DTYPES:
        return Prepared(array, dtype, scalar)
    if dtype.kind == "f":
        msg = (
            f"{name}() does not support {dtype} (extended precision) input; "
            "convert it with .astype(np.float64) first"
        )
        raise TypeError(msg)
    what = {
        "c": "complex",
        "O": "object",
        "U": "string",
        "S": "bytes",
        "M": "datetime",
        "m": "timedelta",
        "V": "structured",
        "T": "string",
    }.get(dtype.kind, str(dtype))
    msg = f"{name}() expects real numbers, got {_describe(x)} ({what} data)"
    raise TypeError(msg)


def check_out(
    name: str, out: object, shape: tuple[int, ...], dtype: np.dtype[Any]
) -> npt.NDArray[Any]:
    """Check that ``out`` can receive a result of this shape and dtype."""
    if not isinstance(out, np.ndarray):
        msg = f"{name}(): out must be a NumPy array, got {_describe(out)}"
        raise TypeError(msg)
    if out.dtype != dtype:
        msg = (
            f"{name}(): out has dtype {out.dtype} but the result has dtype "
            f"{dtype}; pass an array of dtype {dtype}"
        )
        raise TypeError(msg)
    if out.shape != shape:
        msg = f"{name}(): out has shape {out.shape} but the result has shape {shape}"
        raise ValueError(msg)
    if not out.flags.writeable:
        msg = f"{name}(): out is read-only"
        raise ValueError(msg)
    return out


def finite_real_parameter(name: str, parameter: str, value: object) -> float:
    """Return ``value`` as a Python float, or raise if it is not finite and real."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(
        value, (numbers.Real, np.floating, np.integer)
    ):
        msg = f"{name}(): {parameter} must be a real number, got {_describe(value)}"
        raise TypeError(msg)
    result = float(value)
    if not np.isfinite(result):
        msg = f"{name}(): {parameter} must be finite, got {result!r}"
        raise ValueError(msg)
    return result
