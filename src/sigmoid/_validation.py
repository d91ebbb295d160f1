"""Argument checks, done before anything is computed, with ufunc-like errors.

``real_input`` takes array_like real input as a NumPy ufunc does and says
in which dtype the result comes; ``real_parameter`` checks a parameter of
``generalized_logistic`` and ``broadcast`` their shapes against x's (for
the containers too); ``checked_out`` an ``out=`` argument. Every message
names the function, the argument and what was wrong with it.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from ._types import Array

# float16 and float32 are computed in float64 and rounded once at the end.
FLOAT_DTYPES = frozenset(np.dtype(t) for t in (np.float16, np.float32, np.float64))

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


def _describe(value: object) -> str:
    """What ``value`` is, without printing an array's contents (a long list
    is cut; its offending element is named on its own)."""
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype}"
    if isinstance(value, np.generic):
        return f"a NumPy scalar of dtype {value.dtype}"
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 80 else text[:77] + '...'}"


def _not_real(name: str, x: object, why: str = "") -> TypeError:
    """The error for input that is not real numbers: what it is, and why."""
    return TypeError(f"{name}() expects real numbers, got {_describe(x)}{why}")


def _from_objects(name: str, x: object, array: Array) -> Array:
    """Object data of real numbers (Python ints beyond int64, Fraction) as
    float64, as ``np.exp`` converts it; else TypeError naming the element."""
    for value in array.flat:
        if not isinstance(value, numbers.Real):
            kind = "string" if isinstance(value, (str, bytes)) else "object"
            raise _not_real(name, x, f" holding {_describe(value)} ({kind} data)")
    for value in array.flat:
        try:
            float(value)
        except OverflowError:
            msg = f"{name}(): the number {str(value)[:20]}... is too large for float64"
            raise OverflowError(msg) from None
    return array.astype(np.float64)


def real_input(name: str, x: object) -> tuple[Array, np.dtype[Any]]:
    """``x`` as an array, and the dtype of the result.

    float16, float32 and float64 keep their dtype (in native byte order), and
    so does ml_dtypes' bfloat16; bool and integers give float64, as NumPy's
    own transcendental ufuncs do, and so do Python numbers beyond int64
    (``2**64``, ``Fraction``). Raises TypeError, naming ``name``, for
    anything else: ``None``, ``str``, ``bytes``, object, complex, datetime
    or timedelta data, ``np.longdouble`` where it is wider than float64, or
    ml_dtypes' other types (float8_e4m3fn...).
    """
    if type(x) is np.ndarray and x.dtype in FLOAT_DTYPES:  # the common case
        return x, x.dtype
    if x is None or isinstance(x, (str, bytes)):
        raise _not_real(name, x)
    try:
        array = np.asarray(x)
    except (TypeError, ValueError) as err:
        raise _not_real(name, x, f": {err}") from err
    if array.dtype.kind in "OUST" and not isinstance(x, np.ndarray):
        # Python objects (a list with a string, ints beyond int64): each checked
        array = _from_objects(name, x, np.asarray(x, dtype=object))
    dtype = array.dtype
    if dtype.kind in "biu":
        return array, np.dtype(np.float64)
    if dtype.newbyteorder("=") in FLOAT_DTYPES or dtype.name == "bfloat16":
        return array, dtype.newbyteorder("=")  # bfloat16 kept, as np.exp keeps it
    if dtype.kind == "f" or dtype.type.__module__ == "ml_dtypes":
        msg = (
            f"{name}() does not support {dtype} input; convert it first to one "
            "of the types it keeps: float16, float32, float64 or bfloat16"
        )
        raise TypeError(msg)
    raise _not_real(name, x, f" ({_KINDS.get(dtype.kind, str(dtype))} data)")


def real_parameter(name: str, parameter: str, value: object) -> Array:
    """``value`` as an array, if it holds finite reals.

    Raises TypeError, naming ``parameter``, for bool and for anything
    ``real_input`` refuses; ValueError for NaN, +-inf, or a number beyond
    the range of float64 (as good as infinite).
    """
    what = f"{name}(): {parameter} must be"
    try:
        array, _ = real_input(name, value)
    except TypeError as err:
        msg = f"{what} real numbers, got {_describe(value)}"
        raise TypeError(msg) from err
    except OverflowError:
        msg = f"{what} finite, got a number beyond the range of float64"
        raise ValueError(msg) from None
    if array.dtype == bool:  # described only here: a long list's repr is slow
        msg = f"{what} real numbers, got {_describe(value)}"
        raise TypeError(msg)
    if array.size and not (np.isfinite(array.min()) and np.isfinite(array.max())):
        bad = array[~np.isfinite(array)].flat[0]
        msg = f"{what} finite, got {float(bad)!r}"
        raise ValueError(msg)
    return array


def broadcast(
    name: str, shape: tuple[int, ...], parameters: dict[str, Any], container: str = ""
) -> tuple[int, ...]:
    """The shape of x (``shape``) and the parameters broadcast together; else
    a ValueError naming the first parameter that does not broadcast. With a
    ``container`` (the type of x: a Series, say) the parameters must not grow
    x's shape, since the result keeps x's labels."""
    together = shape
    for key, value in parameters.items():
        try:
            grown = np.broadcast_shapes(together, np.shape(value))
        except ValueError:
            grown = None
        if grown is None or (container and grown != shape):
            x = f"x, a {container}," if container else "x"
            others = (
                f" and the other parameters ({together})" if together != shape else ""
            )
            msg = (
                f"{name}(): {key} of shape {np.shape(value)} does not broadcast "
                f"with {x} of shape {shape}{others}"
            )
            raise ValueError(msg)
        together = grown
    return together


def checked_out(
    name: str, out: object, shape: tuple[int, ...], dtype: np.dtype[Any]
) -> Array | None:
    """``out``, if a ufunc would accept it for this result; else raise.

    As for a ufunc: ``out`` is None or an array (``elementwise`` has
    unwrapped a tuple of one); the result's shape broadcasts to the array's,
    and its dtype casts to the array's under ``same_kind`` casting (float32
    into float64, float64 into float32, not float into int).
    """
    if isinstance(out, tuple) and len(out) != 1:  # elementwise unwraps one
        msg = f"{name}(): out must be a tuple of one array, got {len(out)} items"
        raise ValueError(msg)
    if out is None:
        return None
    if not isinstance(out, np.ndarray):
        msg = f"{name}(): out must be a NumPy array, got {_describe(out)}"
        raise TypeError(msg)
    if out.dtype != dtype and not np.can_cast(dtype, out.dtype, casting="same_kind"):
        msg = (
            f"{name}(): cannot cast the result from dtype {dtype} to out's "
            f"dtype {out.dtype} with casting rule 'same_kind'"
        )
        raise TypeError(msg)
    try:
        fits = out.shape == shape or np.broadcast_shapes(shape, out.shape) == out.shape
    except ValueError:
        fits = False
    if not fits:
        msg = (
            f"{name}(): out has shape {out.shape}, to which the result's shape "
            f"{shape} does not broadcast"
        )
        raise ValueError(msg)
    if not out.flags.writeable:
        msg = f"{name}(): out is read-only"
        raise ValueError(msg)
    return out
