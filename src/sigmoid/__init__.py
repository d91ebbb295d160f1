"""sigmoid: the logistic sigmoid and its relatives for NumPy.

Every function is element-wise over array_like input, keeps float16, float32
and float64 dtypes (computing bool and integer input in float64), never emits
a floating-point warning, and states its measured accuracy in its docstring.
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
