r"""
Not zero-centred
================

The sigmoid's outputs are always positive, so the neurons of the next layer
only ever see positive inputs. Then, for any one training example, the
:term:`gradients <gradient>` of a neuron's incoming weights all have the same sign, and
gradient descent one example at a time zig-zags towards a target that needs
some weights raised and others lowered.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid

# %%
# Why the signs agree
# -------------------
#
# A neuron computes :math:`z = w_1 a_1 + w_2 a_2` from its inputs
# :math:`a_j`. For one training example the chain rule gives
#
# .. math::
#
#    \frac{\partial L}{\partial w_j} = \frac{\partial L}{\partial z}\, a_j ,
#
# the same number :math:`\partial L / \partial z` times each input. When every
# :math:`a_j > 0`, as it is for outputs of a sigmoid layer, all the
# :math:`\partial L / \partial w_j` have the sign of
# :math:`\partial L / \partial z`: one update raises every weight or lowers
# every weight. If the best move is to raise :math:`w_1` and lower
# :math:`w_2`, no single one-example step can do it.
#
# This holds per example, not over a batch: :math:`\partial L / \partial z`
# differs from example to example, in sign too, so a gradient averaged over
# several examples can have components of both signs (the experiment below
# prints one).
#
# The experiment
# --------------
#
# Inputs: 200 pairs :math:`a = \sigma(u)` with :math:`u` drawn from a normal
# distribution, so every entry lies in (0, 1); the *centred* inputs are the
# same numbers minus their mean. Targets are :math:`t = a \cdot w^*` with
# :math:`w^* = (1.5, -1.5)`, so the best weights are known, and the :term:`loss` is
# the squared error :math:`\tfrac12 (a \cdot w - t)^2`. Stochastic gradient
# descent starts at :math:`w = (-1.5, 1.5)` and takes 40 steps of one
# example each, in the same random order for both kinds of input.
#
# The table that follows turns each path into its list of steps with
# ``np.diff``, counts the steps that move both weights the same way (equal
# ``np.sign`` of both components), adds up the steps' lengths
# (``np.linalg.norm``) and gives the final distance to :math:`w^*`.

rng = np.random.default_rng(seed=0)
n = 200
positive = sigmoid(rng.normal(0.0, 2.0, size=(n, 2)))
centred = positive - positive.mean(axis=0)
w_best = np.array([1.5, -1.5])
w_start = np.array([-1.5, 1.5])
order = rng.integers(0, n, size=40)  # which example each step uses


def sgd_path(inputs, learning_rate=1.0):
    """Weights after each one-example gradient step, starting from w_start."""
    targets = inputs @ w_best
    w = w_start.copy()
    path = [w]
    for i in order:
        dl_dz = inputs[i] @ w - targets[i]
        w = w - learning_rate * dl_dz * inputs[i]
        path.append(w)
    return np.array(path)


inputs_by_name = {"all-positive inputs": positive, "centred inputs": centred}
paths = {name: sgd_path(inputs) for name, inputs in inputs_by_name.items()}

print(f"{'':20} {'same-sign steps':>15} {'path length':>11} {'final distance':>14}")
for name, path in paths.items():
    steps = np.diff(path, axis=0)
    same_sign = np.mean(np.sign(steps[:, 0]) == np.sign(steps[:, 1]))
    length = np.sum(np.linalg.norm(steps, axis=1))
    final = np.linalg.norm(path[-1] - w_best)
    print(f"{name:20} {same_sign:15.0%} {length:11.2f} {final:14.3f}")
print(f"{'straight line':20} {'':15} {np.linalg.norm(w_best - w_start):11.2f}")
errors = positive @ (w_start - w_best)  # dL/dz of each example at the start
mean_gradient = errors @ positive / n
print(
    "all-positive inputs, gradient averaged over all 200 examples at the start:"
    f" ({mean_gradient[0]:+.3f}, {mean_gradient[1]:+.3f})"
)

# %%
# The paths
# ---------
#
# Each panel shows contours of the average loss over all 200 examples,
# computed on a grid of weights (``np.meshgrid`` pairs every :math:`w_1` with
# every :math:`w_2`, and ``ax.contour`` draws lines of equal loss), with the
# 40 steps drawn on top. With all-positive inputs every step points
# up-and-right or down-and-left, as the "same-sign steps" column confirms
# (100%), so the path to :math:`w^*`, which lies down and to the right, is a
# staircase that keeps overshooting across a long, narrow valley. With
# centred inputs the steps point in any direction, the valley is round, and
# the path heads for the minimum. (The gradient averaged over all 200
# all-positive examples, printed below the table, has components of
# opposite signs: the one-sign rule is about single examples.) Both runs
# end about as close to :math:`w^*`, but the zig-zag covers well over twice
# the distance to get there.

w1, w2 = np.meshgrid(np.linspace(-2.5, 2.5, 201), np.linspace(-2.5, 2.5, 201))
grid = np.stack([w1.ravel(), w2.ravel()], axis=1)

fig, axes = plt.subplots(1, 2, figsize=(7, 4.2), sharey=True, layout="constrained")
for ax, (name, inputs) in zip(axes, inputs_by_name.items(), strict=True):
    path = paths[name]
    targets = inputs @ w_best
    loss = 0.5 * np.mean((grid @ inputs.T - targets) ** 2, axis=1).reshape(w1.shape)
    levels = np.geomspace(0.005, 5, 12)  # each level 1.9 times the one below
    ax.contour(w1, w2, loss, levels=levels, colors="0.55", linewidths=0.8)
    ax.plot(
        path[:, 0],
        path[:, 1],
        "-o",
        color="#D55E00",
        markersize=3,
        linewidth=1.5,
        label="SGD path, 40 steps",
    )
    ax.plot(*w_start, "s", color="black", markersize=8, label="start")
    ax.plot(*w_best, "*", color="#307EC7", markersize=16, label="minimum $w^*$")
    ax.set(title=name.capitalize(), xlabel="$w_1$", aspect="equal")
    ax.grid(alpha=0.3)
axes[0].set_ylabel("$w_2$")
fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=3)
# Alt text: Contours of the loss over the weights w₁ and w₂, with 40 steps of stochastic
# gradient descent from the same start, upper left, to the minimum w*, lower right.
# Left, with all-positive inputs: the contours are long, narrow diagonal ellipses and
# every step moves both weights the same way, so the path zig-zags across the valley;
# right, with centred inputs: the contours are round and the path heads for the minimum
# with only small wiggles.
plt.show()

# %%
# The cost of the zig-zag
# -----------------------
#
# Each zig overshoots the valley floor, and a longer step overshoots further.
# One step on example :math:`a` multiplies that example's error by
# :math:`1 - \eta \lVert a \rVert^2` for learning rate :math:`\eta`, so it
# overshoots once :math:`\eta \lVert a \rVert^2 > 1` and makes the error
# grow once it exceeds 2. The positive offset makes the inputs longer, so
# all-positive inputs force a smaller learning rate: at 3 instead of 1 the
# same 40 steps are thrown far from the minimum, while with centred inputs
# they land on it.

for name, inputs in inputs_by_name.items():
    distance = np.linalg.norm(sgd_path(inputs, learning_rate=3.0) - w_best, axis=1)
    print(
        f"{name:>20}: largest |a|^2 = {np.max(np.sum(inputs**2, axis=1)):.2f}; "
        f"learning rate 3: farthest from w* {distance.max():.3g}, "
        f"final {distance[-1]:.3g}"
    )

# %%
# The same fix, built in
# ----------------------
#
# Centring the inputs removed the zig-zag. The hyperbolic tangent is the
# sigmoid with that fix built in: :math:`\tanh(x) = 2\sigma(2x) - 1`, a
# rescaled sigmoid whose outputs lie in (-1, 1), centred on 0.

x = np.linspace(-5, 5, 101)
gap = np.max(np.abs(np.tanh(x) - (2 * sigmoid(2 * x) - 1)))
print(f"max |tanh(x) - (2 sigma(2x) - 1)| on [-5, 5] = {gap:.1e}")
