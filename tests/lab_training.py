"""The Python twin of the lab's training on explore.html.

docs/_static/lab_model.js trains the same network on the same points with
the same steps; the browser test (tests_site/test_lab.py) compares the
page's loss after N steps with ``train(...)`` here. A reader who runs
``train("sigmoid", depth=10, steps=300)`` gets the page's numbers.

The network: 2 inputs, ``depth`` hidden layers of TRAIN_WIDTH units of the
chosen activation, a linear read-out to one logit and the binary
cross-entropy of sigma(logit) against the labels. The points and the
starting weights come from the lab's generator (xorshift32) with its own
seed; the biases start at 0. Plain stochastic gradient descent: step t
uses the t-th mini-batch of TRAIN_BATCH points, in order, round and round.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from lab_reference import ACTIVATIONS, uniforms

from sigmoid import log_sigmoid, sigmoid

TRAIN_SEED = 7
TRAIN_WIDTH = 16
TRAIN_POINTS = 64
TRAIN_BATCH = 16
LEARNING_RATE = 0.02


def xor_points() -> tuple[np.ndarray, np.ndarray]:
    """TRAIN_POINTS points of the plane and their XOR labels (1 where x y > 0)."""
    values = uniforms(2 * TRAIN_POINTS, seed=TRAIN_SEED)
    points = values.reshape(TRAIN_POINTS, 2)
    labels = (points[:, 0] * points[:, 1] > 0).astype(float).reshape(-1, 1)
    return points, labels


def _mean_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    # -log sigma(o) for a label 1 and -log sigma(-o) for a label 0.
    signed = np.where(labels > 0, logits, -logits)
    return float(-np.mean(log_sigmoid(signed)))


@dataclass
class Training:
    losses: list[float]  # on all points, before step 1 and after every step
    weight_change: np.ndarray  # ||W_l - W_l(0)|| / ||W_l(0)||, first layer first


def train(
    act: str = "sigmoid",
    depth: int = 15,
    init: str = "glorot",
    gain: float = 1.0,
    steps: int = 300,
) -> Training:
    """``steps`` steps of SGD, as the page takes them."""
    f, f_derivative, _ = ACTIVATIONS[act]
    points, labels = xor_points()
    width = TRAIN_WIDTH
    # The points are the generator's first 2 * TRAIN_POINTS numbers; the
    # weights follow, layer by layer, then the read-out.
    count = 2 * TRAIN_POINTS + 2 * width + (depth - 1) * width * width + width
    values = uniforms(count, seed=TRAIN_SEED)
    start = 2 * TRAIN_POINTS
    weights = []
    factor = 2.0 if init == "he" else 1.0
    for fan_in in [2] + [width] * (depth - 1):
        size = fan_in * width
        block = values[start : start + size].reshape(fan_in, width)
        weights.append(block * (gain * math.sqrt(factor / fan_in)))
        start += size
    readout = values[start : start + width].reshape(width, 1) / math.sqrt(width)
    biases = [np.zeros((1, width)) for _ in range(depth)]
    out_bias = 0.0
    first = [w.copy() for w in weights]

    def forward(x: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray]:
        outputs, pre = [x], []
        for w, b in zip(weights, biases, strict=True):
            pre.append(outputs[-1] @ w + b)
            outputs.append(f(pre[-1]))
        return outputs, pre, outputs[-1] @ readout + out_bias

    losses = [_mean_cross_entropy(forward(points)[2], labels)]
    for step in range(steps):
        rows = slice(
            (step * TRAIN_BATCH) % TRAIN_POINTS,
            (step * TRAIN_BATCH) % TRAIN_POINTS + TRAIN_BATCH,
        )
        outputs, pre, logits = forward(points[rows])
        grad_logits = (sigmoid(logits) - labels[rows]) / TRAIN_BATCH
        grad_readout = outputs[-1].T @ grad_logits
        grad_out_bias = float(np.sum(grad_logits))
        grad_a = grad_logits @ readout.T
        grads = []
        for layer in reversed(range(depth)):
            grad_z = grad_a * f_derivative(pre[layer])
            grads.append((outputs[layer].T @ grad_z, grad_z.sum(axis=0, keepdims=True)))
            grad_a = grad_z @ weights[layer].T
        for layer, (grad_w, grad_b) in zip(reversed(range(depth)), grads, strict=True):
            weights[layer] = weights[layer] - LEARNING_RATE * grad_w
            biases[layer] = biases[layer] - LEARNING_RATE * grad_b
        readout = readout - LEARNING_RATE * grad_readout
        out_bias = out_bias - LEARNING_RATE * grad_out_bias
        losses.append(_mean_cross_entropy(forward(points)[2], labels))
    change = np.array(
        [
            np.linalg.norm(w - w0) / np.linalg.norm(w0)
            for w, w0 in zip(weights, first, strict=True)
        ]
    )
    return Training(losses, change)
