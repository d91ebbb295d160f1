"""generalized_logistic's parameters with a container x: as the library's own
arithmetic lines them up (issue 21).

The reference is ``maximum * scipy.special.expit(x)`` computed by the
container itself: pandas aligns a Series by label, xarray a DataArray by
dimension name and coordinate, and an ndarray broadcasts against the values
as in NumPy. Each case's values must equal the plain NumPy call's on the
lined-up arrays, bit for bit.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd  # type: ignore[import-untyped]
import pytest
import xarray as xr
from function_cases import assert_same_bits
from scipy import special

from sigmoid import generalized_logistic

RNG = np.random.default_rng(21)
VALUES = RNG.uniform(-3, 3, (3, 4))


def frame() -> pd.DataFrame:
    return pd.DataFrame(VALUES, index=[10, 20, 30], columns=["a", "b", "c", "d"])


@pytest.mark.parametrize(
    "maximum",
    [
        np.arange(1.0, 5.0),
        np.arange(1.0, 4.0)[:, None],
        np.arange(1.0, 13.0).reshape(3, 4),
    ],
    ids=["row", "column", "full"],
)
def test_dataframe_with_an_array_broadcasts_as_the_ndarray_call(
    maximum: np.ndarray[Any, Any],
) -> None:
    # It used to vary a row of maxima down the rows, and a column crashed.
    x = frame()
    result = generalized_logistic(x, maximum=maximum)
    reference = maximum * special.expit(x)
    assert type(result) is pd.DataFrame
    pd.testing.assert_index_equal(result.index, reference.index)
    pd.testing.assert_index_equal(result.columns, reference.columns)
    assert_same_bits(result.to_numpy(), generalized_logistic(VALUES, maximum=maximum))
    np.testing.assert_allclose(result.to_numpy(), reference.to_numpy(), rtol=1e-15)


def test_dataframe_with_a_series_is_lined_up_with_its_columns() -> None:
    x = frame()
    maximum = pd.Series([4.0, 3.0, 2.0, 1.0], index=["d", "c", "b", "a"])
    result = generalized_logistic(x, maximum=maximum)
    reference = maximum * special.expit(x)
    assert_same_bits(
        result.to_numpy(), generalized_logistic(VALUES, maximum=np.arange(1.0, 5.0))
    )
    np.testing.assert_allclose(result.to_numpy(), reference[x.columns].to_numpy())


def test_series_with_a_series_is_aligned_by_index() -> None:
    # x indexed [0, 1] and maximum indexed [1, 0]: pandas gives [1.46, 0.88].
    x = pd.Series([1.0, 2.0], index=[0, 1])
    maximum = pd.Series([1.0, 2.0], index=[1, 0])
    result = generalized_logistic(x, maximum=maximum)
    reference = maximum * special.expit(x)
    pd.testing.assert_index_equal(result.index, x.index)
    np.testing.assert_allclose(result.to_numpy(), reference[x.index].to_numpy())
    assert result[0] > 1.4


def test_labels_that_do_not_match_are_a_type_error() -> None:
    x = pd.Series([1.0, 2.0], index=[0, 1])
    with pytest.raises(
        TypeError, match=r"^generalized_logistic\(\).*labels of maximum"
    ):
        generalized_logistic(x, maximum=pd.Series([1.0, 2.0], index=[1, 5]))


def test_a_parameter_that_would_grow_a_dataframe_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"^generalized_logistic\(\).*steepness"):
        generalized_logistic(frame(), steepness=np.ones((2, 3, 4)))


def test_mixed_dtype_dataframe_keeps_each_dtype_with_array_parameters() -> None:
    x = pd.DataFrame({"a": VALUES[:, 0], "b": VALUES[:, 1].astype(np.float32)})
    maximum = np.array([2.0, 3.0])
    result = generalized_logistic(x, maximum=maximum)
    assert list(result.dtypes) == [np.float64, np.float32]
    assert_same_bits(
        result["a"].to_numpy(), generalized_logistic(VALUES[:, 0], maximum=2.0)
    )
    assert_same_bits(
        result["b"].to_numpy(),
        generalized_logistic(VALUES[:, 1].astype(np.float32), maximum=3.0),
    )


def test_data_array_parameter_is_matched_by_dimension_and_coordinate() -> None:
    x = xr.DataArray(VALUES, dims=("time", "station"), coords={"station": [1, 2, 3, 4]})
    maximum = xr.DataArray(
        [4.0, 3.0, 2.0, 1.0], dims="station", coords={"station": [4, 3, 2, 1]}
    )
    result = generalized_logistic(x, maximum=maximum)
    reference = special.expit(x) * maximum  # x's dimensions first
    assert result.dims == reference.dims
    xr.testing.assert_allclose(result, reference)
    assert_same_bits(
        result.to_numpy(),
        generalized_logistic(VALUES, maximum=np.arange(1.0, 5.0)),
    )


def test_attrs_are_kept() -> None:
    x = frame()
    x.attrs["units"] = "1"
    assert generalized_logistic(x, maximum=2.0).attrs == {"units": "1"}
    assert generalized_logistic(x["a"], maximum=2.0).attrs == {"units": "1"}
