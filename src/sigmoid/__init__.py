"""sigmoid: the logistic sigmoid and its relatives for NumPy.

Every function is element-wise over array_like input, keeps float16, float32
and float64 dtypes (computing bool and integer input in float64), never emits
a floating-point warning, and states its measured accuracy in its docstring.

The modules, in the order a reader meets them from ``sigmoid(x)``:

- ``_core``: the public functions; each body is one call of ``run``.
- ``_blocks``: ``run``, the one block loop: it checks the arguments, walks
  the arrays a block at a time and calls the formula on each block.
- ``_formulas``: the formulas, each a few NumPy calls that read like the
  math, with its overflow handled where it happens.
  ``_log_sigmoid_table`` is log_sigmoid's float64 formula and its table.

What a learner can skip, each behind one call:

- ``_containers``: ``elementwise``, the decorator that takes masked arrays,
  pandas, xarray, dask and other containers as a ufunc takes them.
- ``_validation``: the argument checks ``run`` makes first (``elementwise``
  shares its ``broadcast`` check of the parameters' shapes).
- ``_rounding``: ``fix_rounding``, which makes float16 and float32 results
  correctly rounded, and the exact fallbacks in :mod:`decimal`.
- ``_types``: type aliases.
"""

from __future__ import annotations

from ._core import generalized_logistic, log_sigmoid, logit, sigmoid, sigmoid_derivative

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "generalized_logistic",
    "log_sigmoid",
    "logit",
    "sigmoid",
    "sigmoid_derivative",
]
