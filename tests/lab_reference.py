"""The Python twin of the gradient-through-depth lab on explore.html.

docs/_static/lab.js draws its network and batch from the same small
generator and runs the same forward and backward pass; the browser test
(tests_site/test_lab.py) compares the page's per-layer numbers with these.
A reader who runs ``gradient_lab("relu", depth=20)`` gets the page's numbers.

The generator is xorshift32. Its numbers ``u = x / 2**32`` are exact
doubles, and ``(2u - 1) sqrt(3)`` is rounded once, identically in both
languages: uniform on [-sqrt 3, sqrt 3), mean 0 and variance 1, so the
initialisations' scales are the usual ones without a normal generator (whose
logarithm and cosine could differ between JavaScript and C in the last bit).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sigmoid import sigmoid, sigmoid_derivative

SEED = 2024
BATCH = 16
MAX_DEPTH = 30
# The site's one definition of saturated (docs/math.md): sigma(x) within 1%
# of a limit, |x| > ln 99. tanh(x) = 2 sigma(2x) - 1 is saturated (within 1%
# of its range of a limit) where |x| > ln(99) / 2; SiLU's gate sigma(x) is
# saturated at 0 where x < -ln 99; ReLU is flat at its limit 0 where x < 0.
LN99 = math.log(99)


def uniforms(count: int, seed: int = SEED) -> np.ndarray:
    """``count`` numbers of xorshift32 from ``seed``, as (2u - 1) sqrt(3)."""
    x = seed
    out = np.empty(count)
    for i in range(count):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out[i] = (2 * (x / 4294967296) - 1) * math.sqrt(3)
    return out


@dataclass
class Network:
    inputs: np.ndarray  # (BATCH, width)
    targets: np.ndarray  # (BATCH, 1)
    readout: np.ndarray  # (width, 1), unit variance
    weights: list[np.ndarray]  # MAX_DEPTH matrices (width, width), unit variance


@functools.cache
def network(width: int) -> Network:
    """The fixed network and batch for ``width``, in the page's order."""
    n = width * width
    values = uniforms(BATCH * width + BATCH + width + MAX_DEPTH * n)
    start = 0

    def take(size: int) -> np.ndarray:
        nonlocal start
        start += size
        return values[start - size : start]

    inputs = take(BATCH * width).reshape(BATCH, width)
    targets = take(BATCH).reshape(BATCH, 1)
    readout = take(width).reshape(width, 1)
    weights = [take(n).reshape(width, width) for _ in range(MAX_DEPTH)]
    return Network(inputs, targets, readout, weights)


def _silu_derivative(z: np.ndarray) -> np.ndarray:
    s = sigmoid(z)
    return np.asarray(s * (1 + z * (1 - s)))


Activation = tuple[
    Callable[[np.ndarray], np.ndarray],
    Callable[[np.ndarray], np.ndarray],
    Callable[[np.ndarray], np.ndarray],
]
ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": (sigmoid, sigmoid_derivative, lambda z: np.abs(z) > LN99),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2, lambda z: np.abs(z) > LN99 / 2),
    "relu": (
        lambda z: np.maximum(z, 0),
        lambda z: (z > 0).astype(float),
        lambda z: z < 0,
    ),
    "silu": (lambda z: z * sigmoid(z), _silu_derivative, lambda z: z < -LN99),
}


@dataclass
class Result:
    weight_gradient_norms: np.ndarray  # ||dL/dW_l||, first layer first
    saturated: float  # fraction of all hidden pre-activations that are saturated
    # The mechanism, per layer (first layer first), over the batch and units:
    mean_slope: np.ndarray  # mean f'(z_l)
    saturated_share: np.ndarray  # share of z_l that is saturated
    # sqrt(mean f'(z_l)^2 * Var(w) * width): the factor by which layer l
    # multiplies the gradient's norm on its way back (Var(w) of the
    # initialisation, scale^2; width inputs per unit).
    backward_gain: np.ndarray


def gradient_lab(
    act: str = "sigmoid",
    depth: int = 15,
    width: int = 48,
    init: str = "glorot",
    gain: float = 1.0,
) -> Result:
    """One forward and one backward pass, as the page computes it.

    Layer l computes a_l = f(a_{l-1} W_l), with W_l the generator's unit
    variance matrix times gain * sqrt(1/width) (Glorot, for square layers)
    or gain * sqrt(2/width) (He); a linear read-out to one number and half
    the mean squared error against the targets, as in the gallery's
    vanishing-gradient example.
    """
    f, f_derivative, is_saturated = ACTIVATIONS[act]
    net = network(width)
    scale = gain * math.sqrt((2.0 if init == "he" else 1.0) / width)
    weights = [w * scale for w in net.weights[:depth]]
    readout = net.readout / math.sqrt(width)
    outputs, pre_activations = [net.inputs], []
    for w in weights:
        pre_activations.append(outputs[-1] @ w)
        outputs.append(f(pre_activations[-1]))
    prediction = outputs[-1] @ readout
    grad_a = ((prediction - net.targets) / BATCH) @ readout.T
    norms = np.empty(depth)
    for layer in reversed(range(depth)):
        grad_z = grad_a * f_derivative(pre_activations[layer])
        norms[layer] = np.linalg.norm(outputs[layer].T @ grad_z)
        grad_a = grad_z @ weights[layer].T
    saturated = np.mean([is_saturated(z) for z in pre_activations])
    slopes = [f_derivative(z) for z in pre_activations]
    mean_slope = np.array([np.mean(s) for s in slopes])
    share = np.array([np.mean(is_saturated(z)) for z in pre_activations])
    gain_squared = [np.mean(s * s) * scale**2 * width for s in slopes]
    return Result(
        norms, float(saturated), mean_slope, share, np.sqrt(np.array(gain_squared))
    )
