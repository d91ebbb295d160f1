r"""
Smooth gradient
===============

:term:`Gradient <gradient>` descent learns by following the slope of the :term:`loss`. The
sigmoid is a smooth version of the step function, and that smoothness is what
gives it a slope to follow: gradient descent cannot train a unit built on the
step function, whose slope is 0 wherever it is defined. Such units learn by
other rules: the perceptron rule, which updates the weights by the error
itself, or, inside a network, a straight-through estimator, which passes a
stand-in slope (often the identity's) backwards through the step.
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
# at the jump itself it has no finite slope at all (the open circle). The
# sigmoid's slope is positive everywhere.

z = np.linspace(-6, 6, 1201)
STEP = {"color": "#D55E00", "ls": ":", "lw": 2}  # the step: vermillion, dotted
fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(7, 3.4), layout="constrained")
ax_f.plot(z, sigmoid(z), color="#307EC7", label=r"$\sigma(z)$")
ax_f.plot(z, step(z), label="step", **STEP)
ax_f.set(title="Sigmoid and step function", xlabel="z", ylabel="value")
ax_d.plot(z, sigmoid_derivative(z), color="#9621E2", ls="--", label=r"$\sigma'(z)$")
ax_d.plot(z, step_derivative(z), label="step's slope (0 where defined)", **STEP)
ax_d.plot(0, 0, "o", ms=8, markerfacecolor="white", color="#D55E00")
ax_d.set(title="Their derivatives", xlabel="z", ylim=(-0.01, 0.34))
ax_d.set_yticks([0, 0.1, 0.2, 0.25])
for ax in (ax_f, ax_d):
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
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
#    \frac{\partial L}{\partial w}
#    &= \mathrm{mean}\bigl(2 (p - y)\, f'(wx + b)\, x\bigr), \\
#    \frac{\partial L}{\partial b}
#    &= \mathrm{mean}\bigl(2 (p - y)\, f'(wx + b)\bigr).
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
    (sigmoid, loss_sig, {"color": "#307EC7", "label": "sigmoid unit"}),
    (step, loss_step, {**STEP, "label": "step unit"}),
]:
    ax_l.plot(weights, [mse(f, w, 0.0) for w in weights], **style)
    ax_t.plot(history, **style)
ax_l.axvline(-1, color="0.4", ls="--", lw=1, label="start, w = -1")
ax_l.set(title="Loss along w (b = 0)", xlabel="w", ylabel="mean squared error")
ax_l.set(ylim=(0, 1.2))  # room for the legend
ax_t.set(title="Training loss", xlabel="gradient-descent step", ylim=(0, None))
for ax in (ax_l, ax_t):
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right")
# Alt text: Left: the mean squared error against the weight w, sloping smoothly for a
# sigmoid unit and flat with a single jump at w = 0 for a step unit. Right: over 300
# gradient-descent steps from w = −1 the sigmoid unit's loss falls to near 0 while the
# step unit's stays flat at about 0.89.
plt.show()

# %%
# The sigmoid unit ends with the printed accuracy of 99% while the step unit
# stays at 11%, exactly where it started. The smooth slope that makes this
# possible comes with a flip side: far from zero the slope is tiny, which is
# the subject of the :ref:`vanishing-gradient example
# <sphx_glr_auto_examples_pros_and_cons_plot_vanishing_gradient.py>`.
