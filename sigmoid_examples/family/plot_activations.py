r"""
The sigmoid among activations
=============================

The first artificial neurons were threshold units with a step activation
(McCulloch and Pitts, 1943; the perceptron). The sigmoid, a smooth step with
a derivative everywhere, and tanh became the usual activations of networks
trained by backpropagation, until ReLU and its smooth successors SiLU and
GELU replaced them in hidden layers. This example compares them and their
derivatives, and shows where the sigmoid is still the right choice.
"""

import math

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid, sigmoid_derivative

erf = np.vectorize(math.erf, otypes=[float])  # NumPy itself has no erf
LEAK = 0.01


def normal_cdf(x):
    return (1 + erf(x / np.sqrt(2))) / 2


def normal_pdf(x):
    return np.exp(-(x**2) / 2) / np.sqrt(2 * np.pi)


def gelu_tanh(x):
    """The tanh approximation of GELU, used where erf is slow."""
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))


# name: (function, derivative)
ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    "ReLU": (lambda x: np.maximum(x, 0), lambda x: (x > 0) * 1.0),
    f"leaky ReLU ({LEAK})": (
        lambda x: np.where(x > 0, x, LEAK * x),
        lambda x: np.where(x > 0, 1.0, LEAK),
    ),
    "SiLU, x·sigmoid(x)": (
        lambda x: x * sigmoid(x),
        lambda x: sigmoid(x) * (1 + x * sigmoid(-x)),
    ),
    "GELU, x·Φ(x)": (
        lambda x: x * normal_cdf(x),
        lambda x: normal_cdf(x) + x * normal_pdf(x),
    ),
}

x = np.linspace(-5, 5, 2001)
fig, (ax_f, ax_df) = plt.subplots(2, 1, figsize=(6.4, 7.5), layout="constrained")
# sigma in the site's blue, the others in the Okabe-Ito palette; each its own
# line style too, so that no two curves differ by colour alone
COLOURS = ["#307EC7", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#000000"]
LINES = ["-", "--", "-", ":", "-.", (0, (5, 1, 1, 1, 1, 1))]
for (name, (f, df)), color, ls in zip(ACTIVATIONS.items(), COLOURS, LINES, strict=True):
    ax_f.plot(x, f(x), label=name, color=color, ls=ls)
    # sigma' in its own colour and dashes, as on every page of the site
    style = (r"$\sigma'(x)$", "#9621E2", "--") if df is sigmoid_derivative else ()
    label, color_df, ls_df = style or (name, color, ls)
    ax_df.plot(x, df(x), label=label, color=color_df, ls=ls_df)
for ax in (ax_f, ax_df):
    ax.axhline(0, color="0.7", lw=0.8)
    ax.axvline(0, color="0.7", lw=0.8)
    ax.grid(alpha=0.3)
ax_f.set(ylim=(-1.5, 3), ylabel="f(x)", title="Activation functions")
ax_df.set(ylim=(-0.2, 1.3), xlabel="x", ylabel="f'(x)", title="Their derivatives")
ax_df.set_yticks([0, 0.25, 0.5, 1])
ax_f.legend(loc="upper left")
ax_df.legend(handles=ax_df.get_lines()[:1], loc="upper left")
# Alt text: Six activation functions from x = −5 to 5, above, and their derivatives,
# below: the sigmoid levels off at 0 and 1 and tanh at −1 and 1, ReLU and leaky ReLU
# bend at 0, and SiLU and GELU are smooth versions of ReLU with a small dip below zero.
# The sigmoid's derivative is a low bell peaking at 1/4, tanh's a bell peaking at 1,
# ReLU's jumps from 0 to 1 at x = 0, and SiLU's and GELU's overshoot 1 before settling
# back to it.
plt.show()

# %%
# GELU is drawn in its exact form, :math:`x\,\Phi(x)` with :math:`\Phi` the
# normal distribution function, from ``math.erf``. Many libraries offer the
# tanh approximation
# :math:`\tfrac12 x\,(1 + \tanh(\sqrt{2/\pi}\,(x + 0.044715\,x^3)))`, which
# would be indistinguishable here:

x = np.linspace(-10, 10, 20001)
gelu = ACTIVATIONS["GELU, x·Φ(x)"][0]
gap = np.abs(gelu_tanh(x) - gelu(x))
print(f"largest |tanh approximation - exact GELU| on [-10, 10]: {gap.max():.1e}")
print(f"  at x = {x[np.argmax(gap)]:+.3f}")

for name in ("SiLU, x·sigmoid(x)", "GELU, x·Φ(x)"):
    f, df = ACTIVATIONS[name]
    y, dy = f(x), df(x)
    print(
        f"{name}: minimum {y.min():.4f} at x = {x[np.argmin(y)]:.3f};"
        f" largest slope {dy.max():.4f} at x = {x[np.argmax(dy)]:.3f}"
    )
for name, (_, df) in ACTIVATIONS.items():
    print(f"{name:20s} largest slope {df(x).max():.4f}")
saturation = np.log(99)  # sigma(x) > 0.99 for x > ln 99, < 0.01 for x < -ln 99
print(
    f"sigmoid: saturated for |x| > ln 99 = {saturation:.3f},"
    f" where its slope is below {sigmoid_derivative(saturation):.4f}"
)

# %%
# What the derivatives say
# ------------------------
#
# The derivative is what backpropagation multiplies together, layer after
# layer, along with each layer's weight matrix. The sigmoid's is at most
# :math:`1/4` (printed above), and below 0.0099 where the sigmoid is
# :ref:`saturated <saturated>`, within 1% of 0 or 1, for
# :math:`|x| > \ln 99 \approx 4.595`; tanh's is at most 1. Through a stack
# of :math:`L` sigmoid layers the activations' slopes therefore scale the
# gradient by at most :math:`(1/4)^L`:

for layers in (5, 10, 20):
    print(f"{layers:2d} sigmoid layers: slopes' factor at most {0.25**layers:.1e}")

# %%
# The weight matrices multiply in too, and can make the gradient shrink
# faster or slower than that; the :ref:`vanishing-gradient example
# <sphx_glr_auto_examples_pros_and_cons_plot_vanishing_gradient.py>`
# measures both shares in a 15-layer network, where the slopes' share
# dominates. This vanishing gradient is one reason ReLU replaced the sigmoid
# in hidden layers. ReLU's derivative is exactly 1 for every positive input,
# so the activation passes the gradient of an active unit on unchanged; it
# is 0 for negative input, which leaky ReLU softens to a small slope. SiLU
# (also called swish) and GELU are smooth versions of ReLU: close to 0 for
# very negative input, close to :math:`x` for large
# input, with a small dip below zero (the printed minima) and a slope that
# slightly overshoots 1.
#
# Where the sigmoid is still right
# --------------------------------
#
# Wherever a number in :math:`(0, 1)` is what is needed, the sigmoid is still
# the function to use:
#
# * **The output of a binary classifier.** :math:`\sigma(z)` turns the final
#   score :math:`z` into a probability, and with the cross-entropy loss the
#   gradient with respect to :math:`z` is simply :math:`\sigma(z) - y`: there
#   is no factor :math:`\sigma'(z)`, so an output that is saturated and
#   wrong still gets a gradient close to :math:`\pm 1` (see the example on
#   cross-entropy from logits). The same holds for each label of a
#   multi-label classifier.
# * **Gates in recurrent networks.** An LSTM cell keeps a memory
#   :math:`c_t = f_t\,c_{t-1} + i_t\,g_t`, where the forget gate
#   :math:`f_t`, the input gate :math:`i_t` (and the output gate) are
#   sigmoids of the current input and state; the GRU's update and reset gates
#   are sigmoids too. A gate multiplies, so it must lie between 0 (block) and
#   1 (pass). The sketch below repeats one forget gate over 100 steps: a
#   sigmoid gate keeps or forgets smoothly, while a multiplier that can exceed
#   1, as a ReLU could, makes the memory grow exponentially.

gates = {"sigmoid(2)": sigmoid(2.0), "sigmoid(8)": sigmoid(8.0), "ReLU(1.05)": 1.05}
for label, gate in gates.items():
    print(f"forget gate {label} = {gate:.5f}: memory 1 after 100 steps {gate**100:.3g}")
