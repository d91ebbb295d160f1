"""dask arrays stay lazy: one task per chunk, the same chunks, the result's dtype.

Run by ``nox -s ecosystem``. Nothing may be computed when a function is
called on a dask array; computing its result later must give the function's
result on the NumPy array, bit for bit, also on a ``dask.distributed``
cluster of worker processes. ``scipy.special.expit`` runs the same checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import dask.array as da
import numpy as np
import pytest
import xarray as xr
from dask.callbacks import Callback
from dask.distributed import Client, LocalCluster, get_task_stream
from function_cases import Case, assert_same_bits, each_case, each_dtype
from scipy import special

from sigmoid import sigmoid

SHAPE = (6, 10)
CHUNKS = (3, 4)  # 2 x 3 chunks, the last column of chunks narrower


@contextmanager
def no_compute() -> Iterator[None]:
    """Fail if dask computes anything inside the block, on any local scheduler."""
    graphs_computed = 0

    def count(_graph: object) -> None:
        nonlocal graphs_computed
        graphs_computed += 1

    with Callback(start=count):
        yield
    assert graphs_computed == 0, "the function computed its dask input"


@each_case
@each_dtype
def test_dask_array_stays_lazy_with_its_chunks(
    case: Case, dtype: type[np.floating[Any]]
) -> None:
    values = case.values(dtype, SHAPE)
    x = da.from_array(values, chunks=CHUNKS)
    with no_compute():
        result = case.function(x)
    assert type(result) is da.Array
    assert result.chunks == x.chunks
    assert result.dtype == case.function(values).dtype


@each_case
def test_dask_adds_one_task_per_chunk(case: Case) -> None:
    x = da.from_array(case.values(np.float64, SHAPE), chunks=CHUNKS)
    with no_compute():
        result = case.function(x)
    assert isinstance(result, da.Array)
    added = len(result.__dask_graph__()) - len(x.__dask_graph__())
    assert added == x.npartitions == 6


@each_case
@each_dtype
def test_dask_result_computes_to_the_numpy_result(
    case: Case, dtype: type[np.floating[Any]]
) -> None:
    values = case.values(dtype, SHAPE)
    result = case.function(da.from_array(values, chunks=CHUNKS))
    assert isinstance(result, da.Array)
    assert_same_bits(result.compute(), case.function(values))


@each_case
def test_data_array_on_dask_stays_lazy(case: Case) -> None:
    values = case.values(np.float32, SHAPE)
    x = xr.DataArray(
        values,
        dims=("time", "station"),
        coords={"time": np.arange(6)},
        attrs={"units": "1"},
        name="score",
    ).chunk({"time": 3, "station": 4})
    with no_compute():
        result = case.function(x)
    assert type(result) is xr.DataArray
    assert isinstance(result.data, da.Array)
    assert result.chunks == x.chunks
    expected = x.copy(data=case.function(values))
    xr.testing.assert_identical(result.compute(), expected)


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two worker processes of one thread each, on this machine.

    Not the default scheduler: the other tests count local computes.
    """
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


@pytest.mark.parametrize("function", [special.expit, sigmoid], ids=["expit", "sigmoid"])
def test_distributed_workers_compute_one_task_per_chunk(
    client: Client, function: Callable[[Any], Any]
) -> None:
    values = np.random.default_rng(7).normal(0.0, 20.0, 80_000)
    x = da.from_array(values, chunks=10_000)
    result = function(x)
    assert isinstance(result, da.Array)
    with get_task_stream(client) as stream:
        computed = client.compute(result).result(timeout=120)
    chunks_computed = [
        task["key"][1] for task in stream.data if task["key"][0] == result.name
    ]
    assert sorted(chunks_computed) == list(range(8))
    assert_same_bits(computed, function(values))


def test_array_parameters_with_a_dask_array_are_a_type_error_at_once() -> None:
    # Each block would see the whole parameter array, which does not
    # broadcast block by block; scalars are what the docstring allows.
    from sigmoid import generalized_logistic

    x = da.from_array(np.zeros(SHAPE), chunks=CHUNKS)
    with no_compute(), pytest.raises(TypeError, match="must be scalars"):
        generalized_logistic(x, steepness=np.ones(SHAPE[1]))
    with no_compute():
        lazy = generalized_logistic(x, steepness=np.float32(2.0), maximum=np.array(3.0))
    np.testing.assert_array_equal(lazy.compute(), np.full(SHAPE, 1.5))
