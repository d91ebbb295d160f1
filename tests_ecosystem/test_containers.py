"""Containers keep their type, metadata and dtype, as they do with a ufunc.

Run by ``nox -s ecosystem``. Each function's result on a container must carry
the container's type and metadata, the dtype of the function's result on the
plain NumPy array, and that result's values bit for bit. ``scipy.special.expit``
runs the same checks: where it differs from the package's specification, the
test says so.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd  # type: ignore[import-untyped]
import pytest
import torch
import xarray as xr
from function_cases import Case, assert_same_bits, each_case, each_dtype

SHAPE = (4, 3)
MASK = np.array([[0, 1, 0], [1, 1, 0], [0, 0, 0], [0, 0, 1]], dtype=bool)


@each_case
@each_dtype
def test_masked_array_keeps_its_mask(case: Case, dtype: type[np.floating[Any]]) -> None:
    values = case.values(dtype, SHAPE)
    x = np.ma.array(values.copy(), mask=MASK.copy())
    result = case.function(x)
    assert type(result) is np.ma.MaskedArray
    np.testing.assert_array_equal(np.ma.getmaskarray(result), MASK)
    assert_same_bits(result.data[~MASK], case.function(values)[~MASK])
    assert_same_bits(x.data, values)
    np.testing.assert_array_equal(x.mask, MASK)


@each_case
@each_dtype
def test_masked_entries_are_left_alone(
    case: Case, dtype: type[np.floating[Any]], request: pytest.FixtureRequest
) -> None:
    # As np.ma's own unary functions (np.ma.exp, np.ma.log) leave them: the
    # result's data under the mask is the input's.
    if case.is_expit:
        request.applymarker(
            pytest.mark.xfail(
                reason="a ufunc computes the masked entries too: expit(masked) "
                "has expit(data) under the mask, np.ma.exp(masked) has data"
            )
        )
    values = case.values(dtype, SHAPE)
    x = np.ma.array(values, mask=MASK)
    result = case.function(x)
    assert_same_bits(np.ma.getdata(result)[MASK], values[MASK])


@each_case
def test_masked_array_without_masked_entries(case: Case) -> None:
    values = case.values(np.float64, SHAPE)
    result = case.function(np.ma.array(values))
    assert type(result) is np.ma.MaskedArray
    assert not np.ma.getmaskarray(result).any()
    assert_same_bits(result.data, case.function(values))


@each_case
@each_dtype
def test_series_keeps_index_and_name(case: Case, dtype: type[np.floating[Any]]) -> None:
    values = case.values(dtype, (5,))
    index = pd.Index(["a", "b", "c", "d", "e"], name="letter")
    x = pd.Series(values, index=index, name="score")
    result = case.function(x)
    assert type(result) is pd.Series
    pd.testing.assert_index_equal(result.index, index)
    assert result.name == "score"
    assert_same_bits(result.to_numpy(), case.function(values))


@each_case
@each_dtype
def test_dataframe_keeps_index_and_columns(
    case: Case, dtype: type[np.floating[Any]]
) -> None:
    values = case.values(dtype, SHAPE)
    index = pd.Index([10, 20, 30, 40], name="step")
    columns = pd.Index(["x", "y", "z"], name="axis")
    x = pd.DataFrame(values, index=index, columns=columns)
    result = case.function(x)
    assert type(result) is pd.DataFrame
    pd.testing.assert_index_equal(result.index, index)
    pd.testing.assert_index_equal(result.columns, columns)
    assert_same_bits(result.to_numpy(), case.function(values))


@each_case
def test_dataframe_keeps_each_columns_dtype(case: Case) -> None:
    single = case.values(np.float32, (3,))
    double = case.values(np.float64, (3,))
    x = pd.DataFrame({"single": single, "double": double})
    result = case.function(x)
    assert type(result) is pd.DataFrame
    assert_same_bits(result["single"].to_numpy(), case.function(single))
    assert_same_bits(result["double"].to_numpy(), case.function(double))


def data_array(values: npt.NDArray[Any]) -> xr.DataArray:
    return xr.DataArray(
        values,
        dims=("time", "station"),
        coords={
            "time": [0.0, 0.5, 1.0, 1.5],
            "station": ["north", "east", "south"],
            "height": ("station", [12, 40, 7]),
        },
        attrs={"units": "1", "source": "test"},
        name="score",
    )


@each_case
@each_dtype
def test_data_array_keeps_dims_coords_attrs_and_name(
    case: Case, dtype: type[np.floating[Any]]
) -> None:
    values = case.values(dtype, SHAPE)
    x = data_array(values)
    result = case.function(x)
    assert type(result) is xr.DataArray
    xr.testing.assert_identical(result, x.copy(data=case.function(values)))
    assert_same_bits(result.to_numpy(), case.function(values))


@each_case
def test_dataset_keeps_its_variables(case: Case) -> None:
    single = case.values(np.float32, SHAPE)
    double = case.values(np.float64, (4,))
    x = xr.Dataset(
        {
            "score": data_array(single),
            "weight": ("time", double, {"units": "kg"}),
        },
        attrs={"title": "two variables"},
    )
    result = case.function(x)
    assert type(result) is xr.Dataset
    expected = x.copy(
        data={"score": case.function(single), "weight": case.function(double)}
    )
    xr.testing.assert_identical(result, expected)
    assert_same_bits(result["score"].to_numpy(), case.function(single))
    assert_same_bits(result["weight"].to_numpy(), case.function(double))


@each_case
@each_dtype
@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")
def test_matrix_stays_a_matrix(case: Case, dtype: type[np.floating[Any]]) -> None:
    values = case.values(dtype, SHAPE)
    result = case.function(np.asmatrix(values))
    assert type(result) is np.matrix
    assert_same_bits(result, case.function(values))


@each_case
@each_dtype
def test_torch_tensor_stays_a_tensor(case: Case, dtype: type[np.floating[Any]]) -> None:
    values = case.values(dtype, SHAPE)
    x = torch.from_numpy(values.copy())
    with warnings.catch_warnings():
        if case.is_expit:
            # NumPy 2 calls __array_wrap__(array, context, return_scalar);
            # torch's takes the array alone, so NumPy warns and calls it again.
            warnings.filterwarnings(
                "ignore", "__array_wrap__ must accept", DeprecationWarning
            )
        result = case.function(x)
    assert type(result) is torch.Tensor
    assert result.dtype == x.dtype
    assert result.device == x.device
    assert_same_bits(result.numpy(), case.function(values))
    assert_same_bits(x.numpy(), values)


class Wrapper:
    """An object that NumPy reads through ``__array__`` and nothing else."""

    def __init__(self, values: npt.NDArray[Any]) -> None:
        self.values = values

    def __array__(
        self, dtype: np.dtype[Any] | None = None, copy: bool | None = None
    ) -> npt.NDArray[Any]:
        return np.array(self.values, dtype=dtype, copy=copy)


@each_case
def test_other_array_likes_give_an_ndarray(case: Case) -> None:
    values = case.values(np.float32, SHAPE)
    result = case.function(Wrapper(values))
    assert type(result) is np.ndarray
    assert_same_bits(result, case.function(values))


@each_case
def test_masked_fill_value_and_hard_mask_are_kept(case: Case) -> None:
    # They were lost (issue 21); expit keeps them.
    values = case.values(np.float64, (3,))
    x = np.ma.array(values, mask=[False, True, False], fill_value=-5.0, hard_mask=True)
    result = case.function(x)
    assert result.fill_value == -5.0
    assert result.hardmask


@each_case
def test_plain_input_into_a_masked_out_clears_its_mask(case: Case) -> None:
    # out kept its old mask (issue 21); a ufunc leaves no entry masked.
    if case.name == "generalized_logistic":
        pytest.skip("generalized_logistic takes no out=")
    values = case.values(np.float64, (3,))
    out = np.ma.array(np.zeros(3), mask=[True, True, False])
    assert case.function(values, out=out) is out  # type: ignore[call-arg]
    assert not np.ma.getmaskarray(out).any()
    assert_same_bits(out.data, case.function(values))


@each_case
def test_series_and_data_array_with_out_come_back_around_it(case: Case) -> None:
    # They came back as the bare ndarray (issue 21); expit wraps out.
    if case.name == "generalized_logistic":
        pytest.skip("generalized_logistic takes no out=")
    values = case.values(np.float64, (4,))
    out = np.empty(4)
    series = case.function(pd.Series(values, name="s"), out=out)  # type: ignore[call-arg]
    assert type(series) is pd.Series
    assert series.name == "s"
    assert_same_bits(out, case.function(values))
    array = case.function(xr.DataArray(values, dims="t"), out=out)  # type: ignore[call-arg]
    assert type(array) is xr.DataArray
    assert array.dims == ("t",)
    assert_same_bits(array.to_numpy(), case.function(values))
