r"""
The sigmoid's share of a layer
==============================

In a neural network the :term:`activation` is applied to the output of a matrix
product. This example times both, on whatever machine runs it.
"""

import time

import numpy as np

from sigmoid import sigmoid

repeats = 7

# %%
# A dense layer with 100 inputs and 100 outputs, applied to a batch
# of 10,000 examples, produces exactly :math:`10^6` numbers to pass through
# the activation; timing the product against the package's sigmoid on its
# result (both into preallocated arrays, fastest of 7) shows the sigmoid's
# share of the layer's time on this machine. The product's cost grows with
# the number of inputs per unit and the activation's does not, so wider
# layers shift the share towards the product; NumPy's matrix product may
# also use several cores, the element-wise functions one.

rng = np.random.default_rng(seed=1)
batch_inputs = rng.standard_normal((10_000, 100))
layer_weights = rng.standard_normal((100, 100)) / np.sqrt(100)
pre_activations = np.empty((10_000, 100))
layer_outputs = np.empty_like(pre_activations)
matmul_times, sigmoid_times = [], []
for _ in range(repeats):
    start = time.perf_counter()
    np.matmul(batch_inputs, layer_weights, out=pre_activations)
    matmul_times.append(time.perf_counter() - start)
    start = time.perf_counter()
    sigmoid(pre_activations, out=layer_outputs)
    sigmoid_times.append(time.perf_counter() - start)
matmul_ms = min(matmul_times) * 1e3
sigmoid_ms = min(sigmoid_times) * 1e3
print(f"matrix product (10000 x 100) @ (100 x 100): {matmul_ms:6.2f} ms")
print(f"sigmoid of its 10^6 results:                {sigmoid_ms:6.2f} ms")
print(f"the sigmoid is {sigmoid_ms / (matmul_ms + sigmoid_ms):.0%} of the layer's time")
