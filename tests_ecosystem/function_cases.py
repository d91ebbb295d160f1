"""The functions that the container tests run, and how their results are compared.

Every public function is a case, each derivative order its own, and so is
``scipy.special.expit``: a true ufunc, the reference for what a container
keeps. A check that expit fails is a check of something other than what a
ufunc does, so expit runs every check that applies to ``sigmoid``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from scipy import special

from sigmoid import (
    generalized_logistic,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_derivative,
)


@dataclass(frozen=True)
class Case:
    name: str
    function: Callable[[Any], Any]
    # The inputs are drawn from [low, high): logit takes probabilities.
    low: float = -10.0
    high: float = 10.0
    # scipy.special.expit, run as the reference implementation.
    is_expit: bool = False

    def values(
        self, dtype: type[np.floating[Any]], shape: tuple[int, ...]
    ) -> npt.NDArray[Any]:
        """Reproducible inputs of the case's domain."""
        rng = np.random.default_rng(2024)
        return rng.uniform(self.low, self.high, shape).astype(dtype)


CASES = [
    # Never ``from scipy.special import expit`` in these tests: pickle finds a
    # ufunc by its name in the first module in sys.modules that has it, and a
    # dask.distributed worker cannot import a test module.
    Case("expit", special.expit, is_expit=True),
    Case("sigmoid", sigmoid),
    Case("sigmoid_derivative-1", partial(sigmoid_derivative, order=1)),
    Case("sigmoid_derivative-2", partial(sigmoid_derivative, order=2)),
    Case("sigmoid_derivative-3", partial(sigmoid_derivative, order=3)),
    Case("log_sigmoid", log_sigmoid),
    Case("logit", logit, low=0.0, high=1.0),
    Case(
        "generalized_logistic",
        partial(generalized_logistic, maximum=3.0, steepness=0.5, midpoint=1.0),
    ),
]

each_case = pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
each_dtype = pytest.mark.parametrize("dtype", [np.float32, np.float64])


def assert_same_bits(actual: Any, expected: npt.NDArray[Any]) -> None:
    """``actual`` has ``expected``'s dtype and shape, and the same bits."""
    actual = np.asarray(actual)
    assert actual.dtype == expected.dtype
    assert actual.shape == expected.shape
    np.testing.assert_array_equal(actual, expected)
    # Equal floats can still differ in the sign of a zero or a NaN's bits.
    unsigned = np.dtype(f"u{expected.dtype.itemsize}")
    np.testing.assert_array_equal(actual.view(unsigned), expected.view(unsigned))
