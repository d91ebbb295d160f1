"""Input checking shared by every public function.

Each public function accepts array_like real input in the manner of a NumPy
ufunc. ``Call`` checks the input and ``out`` before anything is computed and
turns the input into a flat float array, so that the formulas only ever see
1-D C-contiguous float16, float32 or float64 arrays.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._types import Array

# float16 and float32 are computed in float64 and rounded once at the end.
FLOAT_DTYPES = frozenset(np.dtype(t) for t in (np.float16, np.float32, np.float64))


def _describe(value: object) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype}"
    if isinstance(value, np.generic):
        return f"a NumPy scalar of dtype {value.dtype}"
    return f"{type(value).__name__} {value!r}"[:80]


_KINDS = {
    "c": "complex",
    "O": "object",
    "U": "string",
    "S": "bytes",
    "M": "datetime",
    "m": "timedelta",
    "V": "structured",
    "T": "string",
}


def _too_large(name: str, array: Array) -> None:
    """Raise OverflowError if ``array`` holds a Python int beyond float64."""
    for value in array.flat:
        if isinstance(value, int) and not isinstance(value, bool):
            try:
                float(value)
            except OverflowError:
                msg = f"{name}(): the integer {str(value)[:20]}... is too large for float64"
                raise OverflowError(msg) from None


def as_float_array(name: str, x: object) -> Array:
    """``x`` as a float16, float32 or float64 array.

    bool and integers become float64, as in NumPy's own transcendental ufuncs;
    data in non-native byte order (read from a file, say) becomes its native
    twin. Raises TypeError, naming ``name``, for anything else: ``None``,
    ``str``, ``bytes``, object, complex, datetime or timedelta data, or
    ``np.longdouble`` where it is wider than float64; OverflowError for a
    Python integer beyond the range of float64.
    """
    if type(x) is np.ndarray and x.dtype in FLOAT_DTYPES:  # the common case
        return x
    if x is None or isinstance(x, (str, bytes)):
        msg = f"{name}() expects real numbers, got {_describe(x)}"
        raise TypeError(msg)
    try:
        array = np.asarray(x)
    except (TypeError, ValueError) as err:
        msg = f"{name}() expects real numbers, got {_describe(x)}"
        raise TypeError(msg) from err
    if array.dtype.kind == "O":  # Python ints too large for int64, or worse
        _too_large(name, array)
    if not array.dtype.isnative:
        array = array.astype(array.dtype.newbyteorder("="))
    dtype = array.dtype
    if dtype.kind in "biu":
        return array.astype(np.float64)
    if dtype in FLOAT_DTYPES:
        return array
    if dtype.kind == "f":
        msg = (
            f"{name}() does not support {dtype} (extended precision) input; "
            "convert it with .astype(np.float64) first"
        )
        raise TypeError(msg)
    what = _KINDS.get(dtype.kind, str(dtype))
    msg = f"{name}() expects real numbers, got {_describe(x)} ({what} data)"
    raise TypeError(msg)


def _broadcasts(shape: tuple[int, ...], target: tuple[int, ...]) -> bool:
    try:
        return np.broadcast_shapes(shape, target) == target
    except ValueError:
        return False


def checked_out(
    name: str, out: object, shape: tuple[int, ...], dtype: np.dtype[Any]
) -> Array:
    """``out``, if a ufunc would accept it for this result; else raise.

    As for a ufunc: ``out`` is an array whose shape the result broadcasts to
    and whose dtype the result casts to under ``same_kind`` casting (float32
    into float64, float64 into float32, not float into int).
    """
    if not isinstance(out, np.ndarray):
        msg = f"{name}(): out must be a NumPy array, got {_describe(out)}"
        raise TypeError(msg)
    if out.dtype != dtype and not np.can_cast(dtype, out.dtype, casting="same_kind"):
        msg = (
            f"{name}(): cannot cast the result from dtype {dtype} to out's "
            f"dtype {out.dtype} with casting rule 'same_kind'"
        )
        raise TypeError(msg)
    if out.shape != shape and not _broadcasts(shape, out.shape):
        msg = (
            f"{name}(): out has shape {out.shape}, to which the result's shape "
            f"{shape} does not broadcast"
        )
        raise ValueError(msg)
    if not out.flags.writeable:
        msg = f"{name}(): out is read-only"
        raise ValueError(msg)
    return out


def _memory_of(out: Array | None, x: Array) -> Array | None:
    """``out``'s memory as a flat ndarray, if the result may go straight there.

    That is when ``out`` has the result's shape and dtype, is contiguous, and
    is either apart from ``x`` or ``x`` itself (in place: the block loop
    copies each block of ``x`` before it writes the block of the result).
    With a partial overlap, a block of the result could overwrite input not
    yet read.
    """
    if out is None or not out.flags.c_contiguous or out.dtype != x.dtype:
        return None
    if out.size != x.size:  # out is larger: the result is broadcast into it
        return None
    if np.may_share_memory(out, x) and out.ctypes.data != x.ctypes.data:
        return None
    return np.asarray(out).reshape(-1)  # np.matrix would stay 2-D


class Call:
    """A checked call: its input ``x`` and the array ``y`` the result goes to.

    ``x`` is 1-D C-contiguous, and ``y`` is of the same size and dtype: the
    memory of ``out`` where possible, else a new array. Keyword
    ``parameters`` (generalized_logistic's) are checked by ``real_parameter``
    and broadcast against the input; where that makes the result larger than
    the input, the input is repeated into ``y`` (a copy), and ``x`` is ``y``.
    """

    __slots__ = ("direct", "out", "parameters", "shape", "x", "y")

    def __init__(self, name: str, x: object, out: object, **parameters: object) -> None:
        array = as_float_array(name, x)
        self.shape: tuple[int, ...] = array.shape
        self.parameters: list[Array] = []
        if parameters:  # generalized_logistic's
            checked = [real_parameter(name, key, v) for key, v in parameters.items()]
            self.shape, self.parameters = broadcast(name, array, checked)
        self.out = (
            None if out is None else checked_out(name, out, self.shape, array.dtype)
        )
        if array.shape == self.shape:
            self.x = array.ravel()  # a view when contiguous, else a contiguous copy
            memory = _memory_of(self.out, self.x)
        else:  # x repeated to the parameters' shape (no out), in the result's memory
            memory = np.empty(self.shape, array.dtype)
            np.copyto(memory, array)
            self.x = memory = memory.reshape(-1)
        self.direct = memory is not None
        self.y = np.empty_like(self.x) if memory is None else memory

    def result(self) -> Any:
        """``out``, or a new array of the input's shape (a scalar if 0-d)."""
        if self.out is not None:
            if not self.direct:  # float64 beyond float32's range casts to inf
                with np.errstate(all="ignore"):
                    np.copyto(self.out, self.y.reshape(self.shape), casting="same_kind")
            return self.out
        result = self.y.reshape(self.shape)
        return result if self.shape else result[()]  # 0-d: a scalar


def real_parameter(name: str, parameter: str, value: object) -> Array:
    """``value`` as a float array (0-d for a scalar), if it holds finite reals.

    float16, float32 and float64 data is kept as it is (each of its values is
    a float64 value); integers become float64. Raises TypeError, naming
    ``parameter``, for bool and for anything ``as_float_array`` refuses; and
    ValueError for NaN, +-inf, or an int beyond the range of float64.
    """
    what = f"{name}(): {parameter} must be"
    msg = f"{what} real numbers, got {_describe(value)}"
    try:
        array = as_float_array(name, value)
    except TypeError as err:
        raise TypeError(msg) from err
    except OverflowError:  # an int beyond float64: as good as infinite
        msg = f"{what} finite, got an int beyond the range of float64"
        raise ValueError(msg) from None
    if np.asarray(value).dtype == bool:
        raise TypeError(msg)
    if array.size and not (np.isfinite(array.min()) and np.isfinite(array.max())):
        msg = f"{what} finite, got {float(array[~np.isfinite(array)].flat[0])!r}"
        raise ValueError(msg)
    return array


def broadcast(
    name: str, x: Array, parameters: list[Array]
) -> tuple[tuple[int, ...], list[Array]]:
    """The shape of ``x`` and the parameters together, and the parameters as
    the block loop takes them (0-d, or views of that shape); else ValueError.
    """
    if not parameters:
        return x.shape, []
    try:
        shape = np.broadcast_shapes(x.shape, *(p.shape for p in parameters))
    except ValueError as err:
        shapes = ", ".join(str(p.shape) for p in parameters)
        msg = (
            f"{name}(): parameters of shapes {shapes} do not broadcast with x {x.shape}"
        )
        raise ValueError(msg) from err
    views = [
        p.reshape(()) if p.size == 1 else np.broadcast_to(p, shape) for p in parameters
    ]
    return shape, views
