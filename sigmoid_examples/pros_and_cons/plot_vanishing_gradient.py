r"""
Vanishing gradient
==================

The sigmoid's slope is never more than 1/4, and :term:`backpropagation` multiplies
the gradient by one such slope per layer, as well as by the layer's weight
matrix. In this small NumPy network the :term:`gradient` shrinks by about a
factor of four with every sigmoid layer it passes back through; tanh and ReLU
keep it. The :ref:`next example
<sphx_glr_auto_examples_pros_and_cons_plot_vanishing_gradient_parts.py>`
splits each layer's factor into the :term:`activations <activation>`' share and the weights'.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative

# %%
# A deep, narrow network
# ----------------------
#
# The network has 15 hidden layers of 48 units each and a linear read-out to
# one number; the :term:`loss` is half the mean squared error against random targets.
# Each layer computes :math:`a_{l} = f(z_l)` with :math:`z_l = a_{l-1} W_l`
# for an activation :math:`f`. All three networks use the *same* random
# matrices, scaled the usual way for their activation: standard deviation
# :math:`\sqrt{1/48}` (:term:`Glorot <Glorot initialisation>`) for sigmoid and :term:`tanh`, and
# :math:`\sqrt{2/48}` (:term:`He <He initialisation>`) for :term:`ReLU`. ``rng.standard_normal((64, 48))`` makes a batch of 64 inputs
# with 48 features each.

depth, width, batch = 15, 48, 64
rng = np.random.default_rng(seed=0)
inputs = rng.standard_normal((batch, width))
targets = rng.standard_normal((batch, 1))
base_weights = [rng.standard_normal((width, width)) for _ in range(depth)]
readout = rng.standard_normal((width, 1)) / np.sqrt(width)

activations = {
    "sigmoid": (sigmoid, sigmoid_derivative, 1.0),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2, 1.0),
    "ReLU": (lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(float), 2.0),
}

# %%
# One forward and one backward pass
# ---------------------------------
#
# The forward pass stores every layer's pre-activation :math:`z_l` and output
# :math:`a_l`. The backward pass applies the chain rule from the top down,
# and each layer multiplies the gradient twice on its way down:
#
# 1. by the activation's slope, element by element:
#    :math:`\partial L / \partial z_l = \partial L / \partial a_l \odot
#    f'(z_l)`. For the sigmoid every slope is at most 1/4, so this
#    *activation part* :math:`\lVert \partial L / \partial z_l \rVert /
#    \lVert \partial L / \partial a_l \rVert` is at most 1/4 too;
# 2. by the transposed weights:
#    :math:`\partial L / \partial a_{l-1} = (\partial L / \partial z_l)\,
#    W_l^\top`. This *weight part* can be smaller or larger than 1; it lies
#    between the smallest and the largest singular value of :math:`W_l`.
#
# The weight gradient is :math:`\partial L / \partial W_l = a_{l-1}^\top \,
# \partial L / \partial z_l`, which also depends on the layer's input
# :math:`a_{l-1}`. The function returns the :term:`gradient norms <gradient norm>`
# of all three.


def gradient_norms(f, f_derivative, gain):
    """Norms of dL/dW_l, dL/dz_l and dL/da_l per layer, first layer first."""
    weights = [w * np.sqrt(gain / width) for w in base_weights]
    outputs, pre_activations = [inputs], []
    for w in weights:
        pre_activations.append(outputs[-1] @ w)
        outputs.append(f(pre_activations[-1]))
    prediction = outputs[-1] @ readout
    grad_a = ((prediction - targets) / batch) @ readout.T
    norms = []  # (dL/dW_l, dL/dz_l, dL/da_l), top layer first
    for layer in reversed(range(depth)):
        grad_z = grad_a * f_derivative(pre_activations[layer])
        weight_grad = outputs[layer].T @ grad_z
        norms.append([np.linalg.norm(g) for g in (weight_grad, grad_z, grad_a)])
        grad_a = grad_z @ weights[layer].T
    return np.array(norms[::-1]).T, pre_activations


results = {name: gradient_norms(*spec) for name, spec in activations.items()}
relative = {name: norms[0] / norms[0][-1] for name, (norms, _) in results.items()}

print("activation  first/last layer  median factor per layer  smallest  largest")
for name, ratio in relative.items():
    shrink = np.median(ratio[:-1] / ratio[1:])
    print(
        f"{name:>10}  {ratio[0]:16.1e}  {shrink:23.2f}  "
        f"{ratio.min():8.1e}  {ratio.max():7.1e}"
    )
bound = f"(1/4)^{depth - 1}"
print(f"{bound:>10}  {0.25 ** (depth - 1):16.1e}  {0.25:23.2f}")

# %%
# Where the sigmoid saturates
# ---------------------------
#
# A unit is :ref:`saturated <saturated>` where its output is within 1% of a
# limit, :math:`\sigma(x) < 0.01` or :math:`\sigma(x) > 0.99`, that is for
# :math:`|x| > \ln 99 \approx 4.595`. There :math:`\sigma'(x) < 0.99 \cdot
# 0.01 = 0.0099`: the unit's slope is below 0.0099 instead of 1/4.

threshold = np.log(99)
print(
    f"saturated: |x| > ln 99 = {threshold:.3f}, where sigma'(x) < "
    f"{sigmoid_derivative(threshold):.4f}"
)
sigmoid_z = np.concatenate([z.ravel() for z in results["sigmoid"][1]])
saturated = np.mean(np.abs(sigmoid_z) > threshold)
print(f"pre-activations in the sigmoid network that are saturated: {saturated:.1%}")
print(f"largest |pre-activation| in the sigmoid network: {np.abs(sigmoid_z).max():.2f}")

# %%
# The measurements
# ----------------
#
# The first table gives, for each network, the first layer's weight-gradient
# norm over the last layer's, the median factor from one layer to the one
# below it, and the smallest and largest of the relative norms over all
# layers; its last row is :math:`(1/4)^{14}`, the bound on the activation
# parts alone over the 14 steps.
#
# The upper panel plots the relative norms on a logarithmic y axis, with the
# dashed line :math:`(1/4)^{15 - l}`, the bound on the activation parts
# alone. The sigmoid network's gradient falls by a factor of about four per
# layer: by the first layer it is a few hundred million times
# smaller than at the top, so plain gradient descent, with one learning rate
# for all layers, barely moves the first layers' weights.
#
# The tanh and ReLU networks keep every layer's gradient
# within a factor of two of the top layer's: tanh's slope is 1 at zero and
# ReLU's is 1 for every positive input.
#
# The lower panel shades the :term:`saturated` regions, :math:`|x| > \ln 99`. As the
# printout shows, none of the sigmoid network's pre-activations fall there,
# so the fall is not caused by :term:`saturation`: even at its best a sigmoid
# layer's slope is at most 1/4. Units pushed into the shaded
# regions (by large inputs or large weights) have slopes below 0.0099, and
# the gradient vanishes faster still.
#
# To change the activation, the depth, the width and the :term:`initialisation` and
# watch the gradient per layer redraw, use the :ref:`gradient lab
# <gradient-lab>` on the Explore page.

layers = np.arange(1, depth + 1)
styles = {  # colour, marker and line style: any one tells the curves apart
    "sigmoid": ("#307EC7", "o", "-"),
    "tanh": ("#E69F00", "s", ":"),
    "ReLU": ("#009E73", "^", "-."),
}
fig, (ax_g, ax_s) = plt.subplots(
    2, 1, figsize=(6.4, 8), height_ratios=[3, 2], layout="constrained"
)
for name, ratio in relative.items():
    color, marker, ls = styles[name]
    ax_g.plot(layers, ratio, marker=marker, ls=ls, color=color, label=name)
bound_label = r"$(1/4)^{15-l}$, bound on the activation parts"
ax_g.plot(layers, 0.25 ** (depth - layers), "k--", label=bound_label)
ylabel = r"$\|\partial L / \partial W_l\| \;/\; \|\partial L / \partial W_{15}\|$"
ax_g.set(yscale="log", xlabel="layer l (1 = nearest the input)", ylabel=ylabel)
ax_g.set_title("Gradient norm per layer, relative to the last")
ax_g.legend(loc="lower right")

x = np.linspace(-8, 8, 801)
ax_s.plot(x, sigmoid_derivative(x), color="#9621E2", ls="--", label=r"$\sigma'(x)$")
saturated_label = r"saturated: $\sigma < 0.01$ or $\sigma > 0.99$"
ax_s.axvspan(-8, -threshold, color="0.6", alpha=0.3, label=saturated_label)
ax_s.axvspan(threshold, 8, color="0.6", alpha=0.3)
ax_s.set(title="Saturated regions of the sigmoid", xlabel="x", ylabel="value")
ax_s.set(xlim=(-8, 8), ylim=(-0.01, 0.32), yticks=[0, 0.0099, 0.1, 0.2, 0.25])
ax_s.legend(loc="upper right")
for ax in (ax_g, ax_s):
    ax.grid(alpha=0.3)
# Alt text: Above, the gradient norm of each of 15 layers relative to the last, on a log
# scale: with tanh and ReLU it stays near 1, while with sigmoid it falls about fourfold
# per layer, to about 4 × 10⁻⁹ at layer 1, just under the dashed line (1/4) to the power
# 15 − l. Below, σ′, a bell peaking at 1/4, with the saturated regions |x| > ln 99 ≈
# 4.6 shaded, where it is below 0.0099.
plt.show()
