"""Type aliases shared by the modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

#: An array of any dtype.
Array = npt.NDArray[Any]
#: A float64 array: every formula computes in float64.
Array64 = npt.NDArray[np.float64]
#: Correctly rounded values of a function at float64 inputs, in a given dtype
#: (and, for generalized_logistic, given the parameters at those inputs).
Exact = Callable[..., Array]
