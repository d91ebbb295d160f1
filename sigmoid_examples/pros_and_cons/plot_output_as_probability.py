r"""
Output as a probability
=======================

The sigmoid maps any score to a number between 0 and 1, which a model can
use as a probability. Here a one-feature :term:`logistic regression`, fitted by plain
:term:`gradient` descent, reads sigmoid(wx + b) as the probability P(y = 1 | x), and
the data show how well it matches the observed frequencies.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import log_sigmoid, sigmoid

# %%
# Synthetic data
# --------------
#
# Draw 400 inputs ``x`` uniformly from [-6, 6] and give each a label ``y``
# that is 1 with probability :math:`\sigma(1.5x - 1.5)` and 0 otherwise, so
# the true model is known. ``rng.random(n) < p`` is True with probability
# ``p``; ``astype(float)`` turns True/False into 1.0/0.0.

rng = np.random.default_rng(seed=0)
n = 400
true_w, true_b = 1.5, -1.5
x = rng.uniform(-6, 6, size=n)
y = (rng.random(n) < sigmoid(true_w * x + true_b)).astype(float)

# %%
# Fitting by gradient descent
# ---------------------------
#
# The :term:`loss` is the average negative log-likelihood (:term:`binary cross-entropy`)
#
# .. math::
#
#    L(w, b) &= -\frac{1}{n} \sum_i \bigl[ y_i \log \sigma(z_i) \\
#            &\qquad + (1 - y_i) \log \sigma(-z_i) \bigr], \\
#    z_i &= w x_i + b,
#
# using :math:`1 - \sigma(z) = \sigma(-z)`. ``log_sigmoid`` computes
# :math:`\log \sigma` without forming :math:`\sigma` first, so the loss stays
# finite even when a score is large and :math:`\sigma` rounds to 0 or 1.
# Its gradient has the simple form :math:`\partial L / \partial z_i =
# (\sigma(z_i) - y_i) / n`, which the loop below uses: each step moves ``w``
# and ``b`` a little against the gradient.


def loss(w, b):
    z = w * x + b
    return -np.mean(y * log_sigmoid(z) + (1 - y) * log_sigmoid(-z))


w, b = 0.0, 0.0
learning_rate = 0.5
losses = [loss(w, b)]
for _ in range(500):
    error = sigmoid(w * x + b) - y  # dL/dz for each sample, times n
    w -= learning_rate * np.mean(error * x)
    b -= learning_rate * np.mean(error)
    losses.append(loss(w, b))

error = sigmoid(w * x + b) - y
print(f"gradient after 500 steps: ({np.mean(error * x):.1e}, {np.mean(error):.1e})")
boundary = -b / w
print(f"fitted w = {w:.3f}, b = {b:.3f} (true values {true_w}, {true_b})")
print(f"loss: {losses[0]:.4f} at the start, {losses[-1]:.4f} after 500 steps")
print(f"decision boundary x = -b/w = {boundary:.3f} (true {-true_b / true_w})")
accuracy = np.mean((sigmoid(w * x + b) > 0.5) == (y == 1))
print(f"training accuracy with the 0.5 threshold: {accuracy:.1%}")

# %%
# The fitted probability
# ----------------------
#
# ``np.digitize`` tells which bin each ``x`` falls in; ``layout="constrained"``
# makes room for the legend, which ``fig.legend(loc="outside lower center")``
# puts below the axes so it hides no data.
#
# The data are drawn at height 0 or 1 (with a little vertical jitter so that
# overlapping points stay visible). The blue curve is the fitted
# :math:`\sigma(wx + b)`; the grey dashed line is the 0.5 threshold and the
# red dotted line the *decision boundary* :math:`x = -b/w`, where the curve
# crosses it: to the right the model predicts class 1.
#
# To check that the curve really behaves like a probability, the orange
# squares give the fraction of points with label 1 in each of twelve bins of
# width 1 along :math:`x`. They follow the curve: with only a few dozen
# points per bin, a fraction has a standard error of up to about 0.1 from
# sampling noise alone, and the largest gap, printed below, is well within it.

grid = np.linspace(-6, 6, 601)
edges = np.linspace(-6, 6, 13)
centres = (edges[:-1] + edges[1:]) / 2
bin_of = np.digitize(x, edges[1:-1])  # which bin each x falls in, 0 to 11
fraction = np.array([y[bin_of == k].mean() for k in range(len(centres))])
gap = np.max(np.abs(fraction - sigmoid(w * centres + b)))
print(f"points per bin: {np.bincount(bin_of).min()} to {np.bincount(bin_of).max()}")
print(f"largest gap between a bin's fraction and the fitted curve: {gap:.3f}")

fig, ax = plt.subplots(figsize=(7, 5.5), layout="constrained")
jitter = rng.uniform(-0.03, 0.03, size=n)
ax.scatter(x, y + jitter, s=12, alpha=0.4, color="0.5", label="data (y = 0 or 1)")
ax.plot(
    grid,
    sigmoid(w * grid + b),
    color="#307EC7",
    linewidth=2.5,
    label=r"fitted $P(y = 1 \mid x) = \sigma(wx + b)$",
)
ax.plot(
    centres,
    fraction,
    "s",
    color="#E69F00",
    markersize=7,
    label="fraction of y = 1 per bin",
)
ax.axhline(0.5, color="0.5", linestyle="--", linewidth=1, label="threshold 0.5")
ax.axvline(
    boundary,
    color="#D55E00",
    linestyle=":",
    linewidth=2,
    label=f"decision boundary x = {boundary:.2f}",
)
ax.set_title("Logistic regression output as a probability")
ax.set_xlabel("x")
ax.set_ylabel(r"$P(y = 1 \mid x)$")
ax.set_yticks([0, 0.25, 0.5, 0.75, 1])
ax.grid(alpha=0.3)
fig.legend(loc="outside lower center", ncols=2)
# Alt text: Logistic regression on one feature: grey data points at y = 0 and y = 1, the
# fitted sigmoid rising between them, orange squares for the fraction of y = 1 in each
# bin lying close to the curve, and the curve crossing the 0.5 threshold at the decision
# boundary, x = 1.00.
plt.show()

# %%
# The loss curve
# --------------
#
# The loss starts at :math:`\log 2 \approx 0.693` (with :math:`w = b = 0`
# every prediction is 1/2), falls quickly and then levels off. The gradient
# printed after the fit is close to zero: gradient descent has converged to
# the best :math:`w` and :math:`b` for these data, which are close to the
# true values that generated them.

fig, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
ax.plot(losses, color="#307EC7")
ax.set_title("Training loss of the logistic regression")
ax.set_xlabel("gradient-descent step")
ax.set_ylabel("cross-entropy loss")
ax.grid(alpha=0.3)
# Alt text: The cross-entropy loss of the logistic regression over 500 steps of gradient
# descent: it drops from about 0.69 to about 0.2 within the first 100 steps and then
# stays flat.
plt.show()
