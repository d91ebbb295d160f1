r"""
Big arrays in chunks
====================

``out=`` accepts any slice of a contiguous array, so a loop over chunks
writes each piece of the result in place, with only one chunk's scratch
memory in use at a time. The same loop works on a ``np.memmap``, an array
that lives in a file and may be larger than memory; Dask does the chunking
itself.
"""

import numpy as np

from sigmoid import sigmoid

N, CHUNK = 2_000_000, 250_000
x = np.random.default_rng(0).normal(scale=5.0, size=N)
result = np.empty_like(x)
for start in range(0, N, CHUNK):
    stop = min(start + CHUNK, N)
    sigmoid(x[start:stop], out=result[start:stop])
print("chunked result equals the one-call result:", np.array_equal(result, sigmoid(x)))

# %%
# Dask does the chunking itself. Given a dask array, ``sigmoid`` returns a
# dask array without computing anything: it maps itself over the blocks (one
# task per chunk, the same chunks), as ``scipy.special.expit`` does, and the
# work happens at ``.compute()``, where dask's default scheduler for arrays
# runs the chunks in a pool of threads, one per core. The cell below runs
# only if Dask is installed (``pip install "dask[array]"``); it is not a
# dependency of this package, and the page shows what it printed when it
# ran. The pattern for data larger than memory is to open the data lazily,
# for example with ``da.from_zarr``, apply the function, and write the result
# back chunk by chunk (this block needs Zarr as well, and is not run here):
#
# .. code-block:: python
#
#     import dask.array as da
#
#     big = da.from_zarr("inputs.zarr")  # lazy: nothing is read yet
#     probabilities = sigmoid(big)  # still lazy
#     probabilities.to_zarr("outputs.zarr")  # reads, computes, writes per chunk
#
# The same lazy array works with ``dask.distributed``, whose workers may be
# processes on several machines.

try:
    import dask.array as da
except ImportError:
    print("Dask is not installed: the chunked Dask computation was not run.")
else:
    lazy = sigmoid(da.from_array(x, chunks=CHUNK))
    print(f"Dask: sigmoid returned a {type(lazy).__module__}.{type(lazy).__name__}")
    print(f"{lazy.npartitions} chunks of {CHUNK:,} elements, dtype {lazy.dtype}")
    print(
        "Dask result equals the one-call result:",
        np.array_equal(lazy.compute(), sigmoid(x)),
    )
