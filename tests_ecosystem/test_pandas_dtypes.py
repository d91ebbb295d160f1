"""pandas' own dtypes, dask DataFrames and pandas attrs, as
``scipy.special.expit`` gives them back (issue 21).

Each case runs through ``expit`` too: the result's type and dtype must be
expit's, its missing entries expit's, and its values those of the function
on the plain NumPy array, bit for bit.
"""

from __future__ import annotations

from typing import Any

import dask.dataframe as dd
import numpy as np
import pandas as pd  # type: ignore[import-untyped]
import pytest
from function_cases import CASES, Case, assert_same_bits, each_case

DTYPES = [
    "Float64",
    "Float32",
    "Int64",
    "boolean",
    "double[pyarrow]",
    "float[pyarrow]",
    "int64[pyarrow]",
]


def series(case: Case, dtype: str) -> pd.Series:
    values: list[Any] = case.values(np.float64, (4,)).tolist()
    if "Int" in dtype or "int" in dtype:
        values = [0, 1, 1, 0] if case.name == "logit" else [3, -2, 0, 7]
    if dtype == "boolean":
        values = [True, False, False, True]
    values[1] = None
    return pd.Series(values, dtype=dtype, index=list("abcd"), name="n")


def expected_values(case: Case, x: pd.Series) -> np.ndarray[Any, Any]:
    kind = x.dtype.numpy_dtype
    wide = np.float32 if kind == np.float32 else np.float64
    result: np.ndarray[Any, Any] = case.function(
        x.to_numpy(dtype=wide, na_value=np.nan)
    )
    return result


@each_case
@pytest.mark.parametrize("dtype", DTYPES)
def test_nullable_and_arrow_dtypes_keep_their_kind_and_na(
    case: Case, dtype: str
) -> None:
    # They became NumPy floats with <NA> turned to NaN; boolean with <NA>
    # raised TypeError. What expit gives depends on pandas: from pandas 3 on
    # Arrow data stay Arrow with <NA>, pandas 2 gives NumPy floats with NaN.
    x = series(case, dtype)
    result = case.function(x)
    reference = CASES[0].function(x)  # expit
    assert type(result) is pd.Series
    assert result.dtype == reference.dtype
    pd.testing.assert_index_equal(result.index, x.index)
    assert result.name == "n"
    np.testing.assert_array_equal(result.isna(), reference.isna())
    present = ~x.isna().to_numpy()
    kind = getattr(result.dtype, "numpy_dtype", result.dtype)
    values = result.to_numpy(dtype=kind, na_value=np.nan)
    assert_same_bits(values[present], expected_values(case, x)[present])


@each_case
def test_a_bare_extension_array_stays_one(case: Case) -> None:
    x = pd.array([*case.values(np.float64, (3,)).tolist(), None], dtype="Float64")
    result = case.function(x)
    assert type(result) is type(CASES[0].function(x))
    assert result.dtype == "Float64"
    assert result.isna().tolist() == [False, False, False, True]


@each_case
@pytest.mark.parametrize("fill", [0.0, np.nan])
def test_sparse_stays_sparse(case: Case, fill: float) -> None:
    values = case.values(np.float32, (6,))
    values[::2] = fill
    x = pd.Series(pd.arrays.SparseArray(values, fill_value=fill))
    result = case.function(x)
    assert result.dtype == CASES[0].function(x).dtype or not case.is_expit
    assert isinstance(result.dtype, pd.SparseDtype)
    assert result.dtype.subtype == np.float32
    assert_same_bits(
        result.to_numpy(dtype=np.float32), case.function(values.astype(np.float32))
    )


@each_case
def test_dataframe_with_an_extension_column(case: Case) -> None:
    plain = case.values(np.float64, (2,))
    x = pd.DataFrame(
        {
            "nullable": pd.array([plain[0], None], dtype="Float64"),
            "plain": plain,
            "single": plain.astype(np.float32),
        }
    )
    result = case.function(x)
    assert list(result.dtypes) == list(CASES[0].function(x).dtypes)
    assert_same_bits(result["plain"].to_numpy(), case.function(plain))


@each_case
def test_attrs_are_kept(case: Case) -> None:
    x = pd.DataFrame({"a": [0.25, 0.5]})
    x.attrs["units"] = "1"
    assert case.function(x).attrs == {"units": "1"}
    assert case.function(x["a"]).attrs == {"units": "1"}


@each_case
def test_dask_dataframe_and_series_stay_lazy(case: Case) -> None:
    # Computed eagerly, then NotImplementedError.
    frame = pd.DataFrame(
        {
            "double": case.values(np.float64, (8,)),
            "single": case.values(np.float32, (8,)),
        }
    )
    x = dd.from_pandas(frame, npartitions=2)
    result = case.function(x)
    assert type(result) is type(x)
    pd.testing.assert_frame_equal(result.compute(), case.function(frame))
    column = case.function(x["single"])
    assert type(column) is type(x["single"])
    assert_same_bits(
        column.compute().to_numpy(), case.function(frame["single"].to_numpy())
    )


# pandas 3 gives these strings its str dtype, pandas 2 object data.
STRINGS = pd.DataFrame({"a": ["x", "y"]})


@pytest.mark.parametrize(
    ("x", "what"),
    [
        (pd.Series(pd.date_range("2020", periods=2, tz="UTC")), "datetime64"),
        (pd.Series(["a", "b"], dtype="string[pyarrow]"), "string"),
        (STRINGS, str(STRINGS.dtypes.iloc[0])),
    ],
    ids=["tz-aware datetime", "Arrow string", "DataFrame of strings"],
)
def test_pandas_data_that_is_not_numbers_is_named(x: Any, what: str) -> None:
    # They were "object data" (issue 21).
    for case in CASES[1:]:
        with pytest.raises(TypeError, match=rf"\(\) expects real numbers.*{what}"):
            case.function(x)
