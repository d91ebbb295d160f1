r"""
Vanishing gradient
==================

The sigmoid's slope is never more than 1/4, and backpropagation multiplies
one such slope per layer, so in a deep sigmoid network the gradient shrinks
by about a factor of four with every layer it passes back through. This
example measures it in a small NumPy network and compares tanh and ReLU.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import logit, sigmoid, sigmoid_derivative

# %%
# A deep, narrow network
# ----------------------
#
# The network has 15 hidden layers of 48 units each and a linear read-out to
# one number; the loss is half the mean squared error against random targets.
# Each layer computes :math:`a_{l} = f(a_{l-1} W_l)` for an activation
# :math:`f`. All three networks use the *same* random matrices, scaled the
# usual way for their activation: standard deviation :math:`\sqrt{1/48}`
# (Glorot) for sigmoid and tanh, and :math:`\sqrt{2/48}` (He) for ReLU.
# ``rng.standard_normal((64, 48))`` makes a batch of 64 inputs with 48
# features each.

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
# :math:`a_l`. The backward pass applies the chain rule from the top down:
# the gradient with respect to :math:`z_l` is the gradient with respect to
# :math:`a_l` times :math:`f'(z_l)`, the weight gradient is
# :math:`a_{l-1}^\top \, \partial L / \partial z_l`, and the gradient passed
# down is :math:`(\partial L / \partial z_l)\, W_l^\top`. Every layer adds one
# factor :math:`f'(z_l)`, which for the sigmoid is at most 1/4.


def layer_gradient_norms(f, f_derivative, gain):
    """Norm of dL/dW for each layer, first layer first, after one backward pass."""
    weights = [w * np.sqrt(gain / width) for w in base_weights]
    outputs, pre_activations = [inputs], []
    for w in weights:
        z = outputs[-1] @ w
        pre_activations.append(z)
        outputs.append(f(z))
    prediction = outputs[-1] @ readout
    grad_a = ((prediction - targets) / batch) @ readout.T
    norms = []
    for layer in reversed(range(depth)):
        grad_z = grad_a * f_derivative(pre_activations[layer])
        norms.append(np.linalg.norm(outputs[layer].T @ grad_z))
        grad_a = grad_z @ weights[layer].T
    return np.array(norms[::-1]), pre_activations


results = {name: layer_gradient_norms(*spec) for name, spec in activations.items()}
relative = {name: norms / norms[-1] for name, (norms, _) in results.items()}

print("activation  first/last layer  median factor per layer  smallest  largest")
for name, ratio in relative.items():
    shrink = np.median(ratio[:-1] / ratio[1:])
    print(
        f"{name:>10}  {ratio[0]:16.1e}  {shrink:23.2f}  "
        f"{ratio.min():8.1e}  {ratio.max():7.1e}"
    )
print(f"{'bound':>10}  {0.25 ** (depth - 1):16.1e}  {0.25:23.2f}")
factors = relative["sigmoid"][:-1] / relative["sigmoid"][1:]
print("sigmoid, factor from each layer to the one below:")
print(np.round(factors, 2))

# %%
# Where the sigmoid saturates
# ---------------------------
#
# :math:`\sigma'(x) = \sigma(x)(1 - \sigma(x))` drops below 0.1 once
# :math:`\sigma(x)` is further than :math:`\sqrt{0.15} \approx 0.387` from
# 1/2, that is for :math:`|x| > \operatorname{logit}(1/2 + \sqrt{0.15})`.
# There a unit passes on less than a tenth of the gradient it receives
# (before the weights act): it is *saturated*.

threshold = logit(0.5 + np.sqrt(0.15))
print(f"sigma'(x) < 0.1 for |x| > {threshold:.3f}")
sigmoid_z = np.concatenate([z.ravel() for z in results["sigmoid"][1]])
saturated = np.mean(np.abs(sigmoid_z) > threshold)
print(f"pre-activations in the sigmoid network that are saturated: {saturated:.1%}")

# %%
# The measurements
# ----------------
#
# The table gives, for each network, the first layer's gradient norm over
# the last layer's, the median factor from one layer to the one below it, and
# the smallest and largest of the relative norms over all layers.
#
# The left panel plots the relative norms on a logarithmic y axis
# (``ax.set_yscale("log")``), with the dashed line :math:`(1/4)^{15 - l}`.
# The sigmoid network's gradient falls by a factor of about four per layer,
# on or just below the line: by the first layer it is a few hundred million
# times smaller than at the top, so the first layers barely learn. (A weight
# gradient also depends on the weight matrices and on the size of the
# layer's input, which for the first layer is the raw data rather than
# sigmoid outputs, so single steps vary, as the factors printed above show;
# over many layers the factor 1/4 dominates.) The tanh and ReLU networks
# keep every layer's gradient within a factor of two of the top layer's:
# tanh's slope is 1 at zero and ReLU's is 1 for every positive input.
#
# The right panel shades the saturated regions, :math:`|x| > 2.06`. As the
# printout shows, hardly any of the sigmoid network's pre-activations fall
# there, so the fall is not caused by saturation: even at its best the
# sigmoid passes on at most a quarter of the gradient per layer. Units
# pushed into the shaded regions (by large inputs or large weights) pass on
# less than a tenth, and the gradient vanishes faster still.

layers = np.arange(1, depth + 1)
colours = {"sigmoid": "tab:blue", "tanh": "tab:green", "ReLU": "tab:red"}
markers = {"sigmoid": "o", "tanh": "s", "ReLU": "^"}
fig, (ax_g, ax_s) = plt.subplots(1, 2, figsize=(10, 4.2), layout="constrained")
for name, ratio in relative.items():
    ax_g.plot(layers, ratio, marker=markers[name], color=colours[name], label=name)
ax_g.plot(layers, 0.25 ** (depth - layers), "k--", label=r"bound $(1/4)^{15-l}$")
ax_g.set_yscale("log")
ax_g.set(
    title="Gradient norm per layer, relative to the last",
    xlabel="layer l (1 = nearest the input)",
    ylabel=r"$\|\partial L / \partial W_l\| \;/\; \|\partial L / \partial W_{15}\|$",
)
ax_g.legend(loc="lower right")
ax_g.grid(True, which="major", alpha=0.4)

x = np.linspace(-8, 8, 801)
ax_s.plot(
    x, sigmoid_derivative(x), color="tab:blue", linewidth=2, label=r"$\sigma'(x)$"
)
ax_s.axhline(0.1, color="tab:gray", linestyle=":", linewidth=1)
ax_s.axvspan(
    -8, -threshold, color="tab:orange", alpha=0.25, label=r"saturated, $\sigma' < 0.1$"
)
ax_s.axvspan(threshold, 8, color="tab:orange", alpha=0.25)
ax_s.set(
    title="Saturated regions of the sigmoid",
    xlabel="pre-activation x",
    ylabel="derivative",
    xlim=(-8, 8),
)
ax_s.legend(loc="upper right")
plt.show()
