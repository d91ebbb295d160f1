r"""
The gradient's three parts
==========================

:term:`Backpropagation <backpropagation>` multiplies the :term:`gradient` by the :term:`activation`'s slope and
by the transposed weights at every layer. This example splits the fall of the
weight gradient in the sigmoid network of the :ref:`vanishing-gradient
example <sphx_glr_auto_examples_pros_and_cons_plot_vanishing_gradient.py>`
into those two shares and a third, the layers' inputs.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid

# %%
# The same network, sigmoid only: 15 layers of 48 units, the same random draws,
# Glorot-scaled weights. The forward pass keeps each layer's output
# :math:`a_l = \sigma(z_l)`, and the backward pass takes the slope from it,
# :math:`\sigma'(z_l) = a_l(1 - a_l)`, exact enough for these moderate
# :math:`z_l`.

rng = np.random.default_rng(seed=0)
batch_inputs = rng.standard_normal((64, 48))
batch_targets = rng.standard_normal((64, 1))
W = [rng.standard_normal((48, 48)) / np.sqrt(48) for _ in range(15)]
v = rng.standard_normal((48, 1)) / np.sqrt(48)

a = [batch_inputs]
for w in W:
    a.append(sigmoid(a[-1] @ w))
grad_a = ((a[-1] @ v - batch_targets) / 64) @ v.T
rows = []  # the norms of dL/dW_l, dL/dz_l and dL/da_l, top layer first
for layer in range(14, -1, -1):
    grad_z = grad_a * a[layer + 1] * (1 - a[layer + 1])
    rows.append([np.linalg.norm(m) for m in (a[layer].T @ grad_z, grad_z, grad_a)])
    grad_a = grad_z @ W[layer].T
weight_grad, grad_z, grad_a = np.array(rows[::-1]).T

# %%
# Going down from layer :math:`l + 1` to layer :math:`l`, the weight
# gradient's norm changes by a factor that splits exactly into three parts:
# layer :math:`l`'s *activation part*
# :math:`\lVert \partial L / \partial z_l \rVert /
# \lVert \partial L / \partial a_l \rVert`, at most 1/4 for the sigmoid;
# layer :math:`l + 1`'s *weight part*, from
# :math:`\partial L / \partial a_l = (\partial L / \partial z_{l+1})\,
# W_{l+1}^\top`, between the smallest and the largest singular value of
# :math:`W_{l+1}`; and what is left, the *input part*, which the layers'
# inputs contribute through
#
# .. math::
#
#     \frac{\partial L}{\partial W_l}
#     = a_{l-1}^\top \, \frac{\partial L}{\partial z_l}.
#
# Step by step from the bottom (layer 2 to layer 1) to the top (layer 15 to
# layer 14):

activation_part = (grad_z / grad_a)[:-1]
weight_part = grad_a[:-1] / grad_z[1:]
input_part = (weight_grad / grad_z)[:-1] / (weight_grad / grad_z)[1:]
factor = weight_grad[:-1] / weight_grad[1:]
PARTS = {  # label: (values, colour, marker, line style)
    "activation part": (activation_part, "#307EC7", "o", "-"),
    "weight part": (weight_part, "#E69F00", "s", "--"),
    "input part": (input_part, "#009E73", "^", ":"),
    "product: factor": (factor, "#000000", "D", "-."),
}
for label, (part, *_) in PARTS.items():
    print(f"{label:>16}: {np.array2string(part, precision=2, max_line_width=200)}")
print("over the 14 steps, the parts multiply to:")
print(
    f"  activation {np.prod(activation_part):.1e} (at most (1/4)^14 = {0.25**14:.1e})"
)
print(f"  weight {np.prod(weight_part):.2f}, input {np.prod(input_part):.2f}")

fig, ax = plt.subplots(figsize=(6.4, 4), layout="constrained")
steps = np.arange(1, 15)  # step l: from layer l + 1 down to layer l
for label, (part, color, marker, ls) in PARTS.items():
    ax.plot(steps, part, marker=marker, ls=ls, color=color, label=label)
ax.set_yscale("log")
ax.set(
    xlabel="step: layer l + 1 down to layer l",
    ylabel="factor",
    yticks=[0.25, 0.5, 1, 2],
)
ax.set_yticklabels(["1/4", "1/2", "1", "2"])
ax.minorticks_off()
ax.set_title("The three parts of each layer's factor")
ax.grid(alpha=0.3)
ax.legend(loc="upper right", ncols=2)
# Alt text: The factor by which the weight gradient changes from each layer to the one
# below, on a log scale, for the 14 steps of the sigmoid network, with its three parts:
# the activation part stays just under 1/4 at every step, the weight part scatters
# around 1, the input part is close to 1 except at the first step, where it is above
# 1.5, and their product, the factor, follows the activation part.
plt.show()

# %%
# Every activation part is at most 1/4, as it must be. The weight parts
# scatter around 1, and so does their product over the whole network. The
# input parts are close to 1 except at the first layer, whose input is the
# raw data rather than sigmoid outputs in (0, 1), which is why the step from
# layer 2 to layer 1 is well above 1/4. So in this network the fall is the
# activations' doing, but :math:`(1/4)^{L}` bounds only their share: with
# larger weights (a weight part above 1 at every layer) the gradient would
# fall more slowly, with smaller ones faster.
