r"""
Smooth gradient
===============

Gradient descent learns by following the slope of the loss. The sigmoid is a
smooth version of the step function, and that smoothness is what gives it a
slope to follow: a unit built on the step function cannot learn by gradient
descent at all.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative


def step(z):
    """Heaviside step: 1 where z > 0, else 0."""
    return (z > 0).astype(float)


def step_derivative(z):
    """Slope of the step: 0 everywhere except at z = 0, where it is undefined."""
    return np.zeros_like(z)


# %%
# The two activations and their slopes
# ------------------------------------
#
# The step jumps from 0 to 1 at zero; the sigmoid makes the same move
# gradually. On each flat side of the jump the step's slope is exactly 0, and
# at the jump itself it has no finite slope at all. The sigmoid's slope is
# positive everywhere.
#
# In the code, ``(z > 0)`` is an array of True/False values and
# ``.astype(float)`` turns them into 1.0/0.0. ``plt.subplots(1, 2)`` makes a
# figure with two axes side by side, ``ax.set(title=..., xlabel=...)`` sets
# several properties in one call, and the open circle (``markerfacecolor=
# "white"``) marks the one point where the step has no derivative.

z = np.linspace(-6, 6, 1201)
fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(7, 3.4), layout="constrained")
ax_f.plot(z, sigmoid(z), color="tab:blue", linewidth=2, label="sigmoid")
ax_f.plot(z, step(z), color="tab:red", linewidth=2, linestyle="--", label="step")
ax_f.set(title="Sigmoid and step function", xlabel="z", ylabel="output")
ax_f.legend(loc="upper left")

ax_d.plot(z, sigmoid_derivative(z), color="tab:blue", linewidth=2, label="sigmoid")
ax_d.plot(
    z,
    step_derivative(z),
    color="tab:red",
    linewidth=2,
    linestyle="--",
    label="step (0 where defined)",
)
ax_d.plot(0, 0, "o", markersize=8, markerfacecolor="white", color="tab:red")
ax_d.annotate(
    "undefined\nat z = 0",
    xy=(0, 0),
    xytext=(3.5, 0.12),
    ha="center",
    arrowprops={"arrowstyle": "->", "color": "tab:red"},
    color="tab:red",
)
ax_d.set(title="Derivatives of sigmoid and step", xlabel="z", ylabel="derivative")
ax_d.set_ylim(-0.01, 0.34)  # room for the legend above the peak
ax_d.legend(loc="upper right")
# Alt text: Left: the sigmoid, a smooth S curve, and the step function, which jumps from
# 0 to 1 at z = 0. Right: their derivatives: the sigmoid's is a bell peaking at 1/4, the
# step's is 0 wherever it is defined and undefined at z = 0.
plt.show()

# %%
# A tiny learning problem
# -----------------------
#
# Two hundred points on [-4, 4], labelled 1 when :math:`x > 1`. A single unit
# predicts :math:`p = f(wx + b)`, with :math:`f` the sigmoid or the step, and
# is scored by the mean squared error :math:`L = \mathrm{mean}((p - y)^2)`,
# which is defined for both. By the chain rule
#
# .. math::
#
#    \frac{\partial L}{\partial w} = \mathrm{mean}\bigl(2 (p - y)\, f'(wx + b)\,
#    x\bigr), \qquad
#    \frac{\partial L}{\partial b} = \mathrm{mean}\bigl(2 (p - y)\, f'(wx + b)
#    \bigr).
#
# Both units start from the same wrong guess, :math:`w = -1, b = 0`, which
# predicts 1 on the left and 0 on the right.

rng = np.random.default_rng(seed=1)
x = rng.uniform(-4, 4, size=200)
y = (x > 1).astype(float)


def mse(f, w, b):
    return np.mean((f(w * x + b) - y) ** 2)


def train(f, f_derivative, w=-1.0, b=0.0, learning_rate=2.0, steps=300):
    """Gradient descent on the mean squared error; returns w, b, loss history."""
    history = [mse(f, w, b)]
    for _ in range(steps):
        z = w * x + b
        delta = 2 * (f(z) - y) * f_derivative(z)  # dL/dz for each point, times n
        w -= learning_rate * np.mean(delta * x)
        b -= learning_rate * np.mean(delta)
        history.append(mse(f, w, b))
    return w, b, history


w_sig, b_sig, loss_sig = train(sigmoid, sigmoid_derivative)
w_step, b_step, loss_step = train(step, step_derivative)

for name, f, w, b, history in [
    ("sigmoid", sigmoid, w_sig, b_sig, loss_sig),
    ("step", step, w_step, b_step, loss_step),
]:
    accuracy = np.mean((f(w * x + b) > 0.5) == (y == 1))
    print(
        f"{name:>7} unit: loss {history[0]:.3f} -> {history[-1]:.3f}, "
        f"w = {w:+.2f}, b = {b:+.2f}, accuracy {accuracy:.0%}"
    )

# %%
# The zero gradient is not an artefact of the formula: a finite difference,
# which only evaluates the loss, finds it too. Nudging :math:`w` by
# :math:`\pm 10^{-3}` moves no point across the step, so the step unit's loss
# does not change at all.

h = 1e-3
for name, f in [("sigmoid", sigmoid), ("step", step)]:
    slope = (mse(f, -1.0 + h, 0.0) - mse(f, -1.0 - h, 0.0)) / (2 * h)
    print(f"{name:>7} unit: finite-difference dL/dw at the start = {slope:+.4f}")

# %%
# The loss along one weight, and the training curves
# --------------------------------------------------
#
# The left panel varies :math:`w` with :math:`b = 0` fixed. The step unit's
# loss is flat on both sides of a cliff at :math:`w = 0`, where every point
# changes side at once (with :math:`b = 0` the unit outputs 1 exactly where
# :math:`wx > 0`). Its slope is 0 everywhere except at the cliff, where it
# does not exist, so gradient descent has nothing to follow. The sigmoid
# unit's loss is a smooth curve that slopes down towards the right answer.
# The right panel shows the result: the sigmoid unit's loss falls, the step
# unit's loss never moves.

weights = np.linspace(-3, 3, 601)
fig, (ax_l, ax_t) = plt.subplots(1, 2, figsize=(7, 3.4), layout="constrained")
for f, history, style in [
    (sigmoid, loss_sig, {"color": "tab:blue", "label": "sigmoid unit"}),
    (step, loss_step, {"color": "tab:red", "linestyle": "--", "label": "step unit"}),
]:
    ax_l.plot(weights, [mse(f, w, 0.0) for w in weights], linewidth=2, **style)
    ax_t.plot(history, linewidth=2, **style)
ax_l.axvline(-1, color="tab:gray", linestyle=":", label="start, w = -1")
ax_l.set(
    title="Loss as a function of w (b = 0)", xlabel="w", ylabel="mean squared error"
)
ax_l.set_ylim(0, 1.2)  # room for the legend
ax_l.legend(loc="upper right")

ax_t.set(
    title="Training loss of the two units",
    xlabel="gradient-descent step",
    ylabel="mean squared error",
)
ax_t.set_ylim(bottom=0)
ax_t.legend()
# Alt text: Left: the mean squared error against the weight w, sloping smoothly for a
# sigmoid unit and flat with a single jump at w = 0 for a step unit. Right: over 300
# gradient-descent steps from w = −1 the sigmoid unit's loss falls to near 0 while the
# step unit's stays flat at about 0.89.
plt.show()

# %%
# The sigmoid unit ends with the printed accuracy of 99% while the step unit
# stays at 11%, exactly where it started. The smooth slope that makes this
# possible comes with a flip side: far from zero the slope is tiny, which is
# the subject of the vanishing-gradient example.
