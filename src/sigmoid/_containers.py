"""What each kind of input gives back: what ``scipy.special.expit`` gives.

The functions compute on NumPy arrays. ``elementwise`` lets a public function
take the containers of the wider ecosystem as a NumPy ufunc does: it unwraps
the input, calls the function on its values, and wraps the result again.

- NumPy masked arrays keep their mask; masked entries keep the input's data,
  as in ``np.ma.exp``.
- pandas Series and DataFrame keep their index, columns and name; each
  DataFrame column is computed in its own dtype.
- xarray DataArray and Dataset keep dims, coords, attrs and names.
- dask arrays stay lazy: one task per chunk, with the same chunks.
- ndarray subclasses (``np.matrix``) and other objects with
  ``__array_wrap__`` (torch tensors) are wrapped by it, as a ufunc does.
- Anything else NumPy can convert (lists, ``__array__`` objects) gives an
  ndarray.

None of these libraries is imported here: an object of one of them exists
only if its library is already in ``sys.modules``, which is where to look.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar, cast

import numpy as np

Function = TypeVar("Function", bound=Callable[..., Any])
Handler = Callable[[Callable[..., Any], Any, dict[str, Any]], Any]


def _classes(module: str, *names: str) -> tuple[type, ...]:
    """The classes ``module.name`` there are: none unless ``module`` is imported."""
    found = (getattr(sys.modules.get(module), name, None) for name in names)
    return tuple(kind for kind in found if kind is not None)


def _masked(function: Callable[..., Any], x: Any, kwargs: dict[str, Any]) -> Any:
    data, mask = np.ma.getdata(x), np.ma.getmaskarray(x)
    out = kwargs.get("out")
    if out is not None:
        kwargs = {**kwargs, "out": np.ma.getdata(out)}
    result = function(data, **kwargs)
    values = np.asarray(result)
    mask = np.broadcast_to(mask, values.shape)
    with np.errstate(all="ignore"):  # 1e300 masked, into a float32 out
        np.copyto(values, data, where=mask, casting="unsafe")  # leave them alone
    if out is not None:
        if isinstance(out, np.ma.MaskedArray):
            out.mask = mask
        return out
    if values.ndim == 0:
        return np.ma.masked if mask else result
    return np.ma.MaskedArray(values, mask=mask.copy())


def _pandas(function: Callable[..., Any], x: Any, kwargs: dict[str, Any]) -> Any:
    pd = sys.modules["pandas"]
    if isinstance(x, pd.Series):
        return pd.Series(function(x.to_numpy(), **kwargs), index=x.index, name=x.name)
    columns = {
        i: function(x.iloc[:, i].to_numpy(), **kwargs) for i in range(x.shape[1])
    }
    frame = pd.DataFrame(columns, index=x.index)
    frame.columns = x.columns
    return frame


def _xarray(function: Callable[..., Any], x: Any, kwargs: dict[str, Any]) -> Any:
    if isinstance(x, sys.modules["xarray"].Dataset):
        return x.map(lambda v: function(v, **kwargs), keep_attrs=True)
    return x.copy(data=function(x.data, **kwargs))


def _dask(function: Callable[..., Any], x: Any, kwargs: dict[str, Any]) -> Any:
    if any(np.ndim(value) for value in kwargs.values()):
        msg = f"{function.__name__}(): with a dask array, parameters must be scalars"
        raise TypeError(msg)
    # On an empty block of x's dtype: checks the arguments now, and gives
    # dask the result's dtype without computing anything.
    meta = np.asarray(function(np.empty((0,) * x.ndim, x.dtype), **kwargs))
    return x.map_blocks(function, dtype=meta.dtype, meta=meta, **kwargs)


def _wrapped(function: Callable[..., Any], x: Any, kwargs: dict[str, Any]) -> Any:
    result = np.asarray(function(np.asarray(x), **kwargs))
    try:
        return x.__array_wrap__(result, None, False)  # NumPy 2's signature
    except TypeError:
        return x.__array_wrap__(result)  # torch's, and NumPy 1's


def _handler(x: Any) -> Handler | None:
    """How to unwrap and wrap ``x``; None for what NumPy converts itself."""
    if isinstance(x, np.ma.MaskedArray):
        return _masked
    kinds: list[tuple[Handler, tuple[type, ...]]] = [
        (_pandas, _classes("pandas", "Series", "DataFrame")),
        (_xarray, _classes("xarray", "DataArray", "Dataset")),
        (_dask, _classes("dask.array", "Array")),
    ]
    for handler, classes in kinds:
        if isinstance(x, classes):
            return handler
    if hasattr(x, "__array_wrap__") and hasattr(x, "__array__"):
        return _wrapped  # np.matrix and other ndarray subclasses, torch tensors
    return None


#: Inputs that NumPy converts as they are (NumPy scalars among them).
_PLAIN = (float, int, list, tuple, np.generic)


def elementwise(function: Function) -> Function:
    """``function``, taking the containers above as ``expit`` does."""

    @functools.wraps(function)
    def public(x: Any, /, **kwargs: Any) -> Any:
        if type(x) is not np.ndarray and not isinstance(x, _PLAIN):
            handler = _handler(x)
            if handler is not None:
                if kwargs.get("out") is not None and handler is not _masked:
                    x = np.asarray(x)  # the result goes to out, as it is
                else:
                    return handler(public, x, kwargs)
        return function(x, **kwargs)

    return cast("Function", public)
