"""What each kind of input gives back: what ``scipy.special.expit`` gives.

The functions compute on NumPy arrays. ``elementwise`` lets a public function
take the containers of the wider ecosystem as a NumPy ufunc does: it unwraps
the input, calls the function on its values, and wraps the result again.

- NumPy masked arrays keep their mask; masked entries keep the input's data,
  as in ``np.ma.exp``.
- pandas Series and DataFrame keep their index, columns, name and attrs; a
  DataFrame is computed as one 2-D array per dtype, and wrapped once.
  Parameters line up with x as in pandas arithmetic (``_lined_up``).
- xarray DataArray and Dataset keep dims, coords, attrs and names;
  DataArray parameters are matched by dimension (``xr.apply_ufunc``).
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

from ._validation import broadcast

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
    hard = isinstance(x, np.ma.MaskedArray) and x.hardmask
    masked = np.ma.MaskedArray(values, mask=mask.copy(), hard_mask=hard)
    if getattr(x, "_fill_value", None) is not None:  # set by the caller
        masked.fill_value = x.fill_value
    return masked


def _lined_up(name: str, key: str, value: Any, x: Any) -> Any:
    """A pandas parameter's values lined up with x as pandas arithmetic does:
    a Series by x's index (a Series x) or columns (a DataFrame x), a
    DataFrame by both. Labels that would not match are a TypeError (pandas
    would fill NaN there).
    """
    pd = sys.modules["pandas"]
    if isinstance(x, pd.Series):
        axes = {"index": x.index}
    elif isinstance(value, pd.Series):
        axes = {"index": x.columns}
    else:
        axes = {"index": x.index, "columns": x.columns}
    for want, have in zip(axes.values(), value.axes, strict=False):
        if value.ndim > x.ndim or not (
            want.equals(have)
            or (have.is_unique and len(have) == len(want) and want.isin(have).all())
        ):
            msg = (
                f"{name}(): the labels of {key} do not match those of x; align "
                "them first (x.align), as pandas arithmetic would give NaN"
            )
            raise TypeError(msg)
    return value.reindex(**axes).to_numpy()


def _pandas(function: Callable[..., Any], x: Any, kwargs: dict[str, Any]) -> Any:
    """Series and DataFrame: computed as their values, wrapped once. Other
    array parameters broadcast against those values as in NumPy.
    """
    pd, name = sys.modules["pandas"], function.__name__
    kwargs = {
        k: _lined_up(name, k, v, x) if isinstance(v, (pd.Series, pd.DataFrame)) else v
        for k, v in kwargs.items()
    }
    arrays = {k: np.asarray(v) for k, v in kwargs.items() if np.ndim(v)}
    broadcast(name, x.shape, arrays, type(x).__name__)
    if isinstance(x, pd.Series):
        values = (
            function(x.to_numpy(), **kwargs)
            if isinstance(x.dtype, np.dtype)
            else _extension(function, x.array, kwargs)
        )
        return pd.Series(values, index=x.index, name=x.name).__finalize__(x)
    dtypes = x.dtypes.to_numpy()
    extension = np.array([not isinstance(d, np.dtype) for d in dtypes], bool)
    if len(set(dtypes)) <= 1 and not extension.any():  # one 2-D array
        values = function(x.to_numpy(), **kwargs)
        frame = pd.DataFrame(values, index=x.index, columns=x.columns)
        return frame.__finalize__(x)
    columns: dict[int, Any] = {}
    for i in np.flatnonzero(extension).tolist():  # pandas' own dtypes, one by one
        part = {k: np.broadcast_to(v, x.shape)[:, i] for k, v in arrays.items()}
        columns[i] = _extension(function, x.iloc[:, i].array, {**kwargs, **part})
    for dtype in dict.fromkeys(dtypes[~extension]):
        where = np.flatnonzero(dtypes == dtype)  # the columns of one NumPy dtype
        part = {k: np.broadcast_to(v, x.shape)[:, where] for k, v in arrays.items()}
        values = function(x.iloc[:, where].to_numpy(), **{**kwargs, **part})
        columns.update(zip(where.tolist(), values.T, strict=True))
    frame = pd.DataFrame(dict(sorted(columns.items())), index=x.index)
    frame.columns = x.columns
    return frame.__finalize__(x)


def _extension(function: Callable[..., Any], array: Any, kwargs: dict[str, Any]) -> Any:
    """A pandas ExtensionArray of its own dtype, as a ufunc gives it back:
    nullable (Float64, Int64, boolean) and Arrow arrays keep <NA> and come
    back as floats of their kind (Arrow from pandas 3 on); a SparseArray
    stays sparse.
    """
    pd = sys.modules["pandas"]
    if isinstance(array, pd.arrays.SparseArray):
        fill = function(np.asarray(array.fill_value, array.dtype.subtype), **kwargs)
        dense = function(array.to_numpy(dtype=array.dtype.subtype), **kwargs)
        return pd.arrays.SparseArray(dense, fill_value=np.asarray(fill).flat[0])
    kind = getattr(array.dtype, "numpy_dtype", np.dtype(object))
    if kind.kind not in "biuf":
        msg = (
            f"{function.__name__}() expects real numbers, got pandas {array.dtype} data"
        )
        raise TypeError(msg)
    wide = np.dtype(np.float32 if kind == np.float32 else np.float64)
    missing = np.asarray(array.isna(), bool)
    values = function(array.to_numpy(dtype=wide, na_value=np.nan), **kwargs)
    if isinstance(array.dtype, pd.ArrowDtype):
        if int(pd.__version__.split(".")[0]) < 3:  # pandas 2: a ufunc gives
            return values  # Arrow data back as NumPy floats, <NA> as NaN
        pa = sys.modules["pyarrow"]
        return pd.array(
            pa.array(values, mask=missing),
            dtype=pd.ArrowDtype(pa.from_numpy_dtype(values.dtype)),
        )
    return pd.arrays.FloatingArray(values, missing.copy())


def _xarray(function: Callable[..., Any], x: Any, kwargs: dict[str, Any]) -> Any:
    """DataArray parameters are matched by dimension name and aligned by
    coordinate, as in xarray arithmetic (``xr.apply_ufunc``, inner join);
    other arrays broadcast against x's values as in NumPy.
    """
    xr = sys.modules["xarray"]
    if isinstance(x, xr.Dataset):
        return x.map(lambda v: function(v, **kwargs), keep_attrs=True)
    labelled = {k: v for k, v in kwargs.items() if isinstance(v, xr.DataArray)}
    if not labelled:
        broadcast(function.__name__, x.shape, kwargs, type(x).__name__)
        return x.copy(data=function(x.data, **kwargs))
    plain = {k: v for k, v in kwargs.items() if k not in labelled}

    def apply(values: Any, *parameters: Any) -> Any:
        return function(values, **plain, **dict(zip(labelled, parameters, strict=True)))

    return xr.apply_ufunc(apply, x, *labelled.values(), keep_attrs=True, join="inner")


def _dask(function: Callable[..., Any], x: Any, kwargs: dict[str, Any]) -> Any:
    """A dask array, DataFrame or Series stays lazy: one task per chunk or
    partition."""
    array = hasattr(x, "map_blocks")
    if any(np.ndim(value) for value in kwargs.values()):
        what = "array" if array else "DataFrame"
        msg = f"{function.__name__}(): with a dask {what}, parameters must be scalars"
        raise TypeError(msg)
    if not array:
        return x.map_partitions(function, **kwargs, meta=function(x._meta, **kwargs))
    # On an empty block of x's dtype: checks the arguments now, and gives
    # dask the result's dtype without computing anything.
    meta = np.asarray(function(np.empty((0,) * x.ndim, x.dtype), **kwargs))
    return x.map_blocks(function, dtype=meta.dtype, meta=meta, **kwargs)


def _around(x: Any, out: Any) -> Any:
    """A Series, DataFrame or DataArray like x around ``out``'s values, as a
    ufunc gives back with out=."""
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(x, pd.Series):
        return pd.Series(out, index=x.index, name=x.name, copy=False)
    if pd is not None and isinstance(x, pd.DataFrame):
        return pd.DataFrame(out, index=x.index, columns=x.columns, copy=False)
    return x.copy(data=out)


def _wrapped(function: Callable[..., Any], x: Any, kwargs: dict[str, Any]) -> Any:
    result = np.asarray(function(np.asarray(x), **kwargs))
    try:
        return x.__array_wrap__(result, None, False)  # NumPy 2's signature
    except TypeError:
        return x.__array_wrap__(result)  # torch's, and NumPy 1's


def _handler(x: Any) -> Handler | None:
    """How to unwrap and wrap ``x``; None for what NumPy converts itself."""
    kinds: list[tuple[Handler, tuple[type, ...]]] = [
        (_pandas, _classes("pandas", "Series", "DataFrame")),
        (_extension, _classes("pandas.api.extensions", "ExtensionArray")),
        (_dask, _classes("dask.dataframe", "DataFrame", "Series")),
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
        out = kwargs.get("out")
        if type(x) is np.ndarray and (out is None or type(out) is np.ndarray):
            return function(x, **kwargs)  # the common case, first
        if isinstance(out, tuple) and len(out) == 1:  # as a ufunc takes it
            kwargs["out"] = out = out[0]
        if isinstance(x, np.ma.MaskedArray) or isinstance(out, np.ma.MaskedArray):
            return _masked(public, x, kwargs)  # x's mask, or none, goes to out
        if type(x) is not np.ndarray and not isinstance(x, _PLAIN):
            handler = _handler(x)
            if handler is not None and out is None:
                return handler(public, x, kwargs)
            if handler is not None:  # the values go to out
                result = function(np.asarray(x), **kwargs)
                return _around(x, result) if handler in (_pandas, _xarray) else result
        return function(x, **kwargs)

    return cast("Function", public)
