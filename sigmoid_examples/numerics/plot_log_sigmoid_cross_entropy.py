r"""
Cross-entropy from logits
=========================

Binary cross-entropy needs :math:`\log\sigma(z)` and :math:`\log(1 - \sigma(z))`.
Taking the log of a probability, even a correctly rounded one, returns 0 or
infinity at logits that are not extreme; ``log_sigmoid`` applied to the logit
itself does not.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import log_sigmoid, sigmoid


def loss_from_probability(z, label):
    """-log(p) or -log(1 - p), with p = sigmoid(z) accurately rounded."""
    p = sigmoid(z)
    return -np.log(p) if label == 1 else -np.log(1 - p)


def loss_from_logit(z, label):
    """The same loss from the logit: 1 - sigmoid(z) = sigmoid(-z)."""
    return -log_sigmoid(z) if label == 1 else -log_sigmoid(-z)


# %%
# For a label :math:`y \in \{0, 1\}` and a logit :math:`z` (the input of the
# sigmoid, the raw score of a classifier) the binary cross-entropy is
#
# .. math::
#
#     L(z, y) &= -y \log\sigma(z) \\
#             &\quad - (1 - y) \log(1 - \sigma(z)) \\
#             &= -y \log\sigma(z) \\
#             &\quad - (1 - y) \log\sigma(-z),
#
# because :math:`1 - \sigma(z) = \sigma(-z)`. The first form goes through the
# probability :math:`p = \sigma(z)`; the second never forms it. Here the
# probability is the package's own ``sigmoid``, accurate to the last bit or
# two, so every failure below comes from taking the log of a rounded
# probability, not from a poor sigmoid.
#
# Where the probability form breaks
# ---------------------------------
#
# A correctly rounded :math:`p` is exactly 1 once
# :math:`1 - \sigma(z) \approx e^{-z}` is less than half the spacing of
# floats below 1, :math:`2^{-25}` in float32, that is from
# :math:`z = 25 \ln 2`; ``sigmoid`` rounds float32 results correctly. Its
# float64 results are accurate to a few ULP but not correctly rounded, and
# they reach 1 a little sooner, from :math:`z = 53 \ln 2`, where
# :math:`1 + e^{-z}` rounds to 1. :math:`p` is exactly 0 once
# :math:`\sigma(z) \approx e^{z}` is less than half the smallest subnormal,
# and :math:`1 - p` rounds to 1 once :math:`p` is less than half the spacing
# of floats below 1. A bisection over the floats finds all three thresholds:


def first_float(broken, lo, hi, dtype):
    """Smallest float of ``dtype`` in (lo, hi] where ``broken`` holds."""
    lo, hi = dtype(lo), dtype(hi)
    while np.nextafter(lo, hi) < hi:  # a float lies between: halve the interval
        mid = lo / 2 + hi / 2
        lo, hi = (lo, mid) if broken(mid) else (mid, hi)
    return float(hi)


edges = {}
DTYPES = (np.float32, np.float64)
for dtype in DTYPES:
    edges[dtype] = {
        "one": first_float(lambda a: sigmoid(a) == 1, 1, 1e3, dtype),
        "lost": -first_float(lambda a: 1 - sigmoid(-a) == 1, 1, 1e3, dtype),
        "zero": -first_float(lambda a: sigmoid(-a) == 0, 1, 1e4, dtype),
    }
    print(f"{np.dtype(dtype).name}:")
    print(f"  sigmoid(z) rounds to 1      for z >= {edges[dtype]['one']:9.4f}")
    print(f"  1 - sigmoid(z) rounds to 1  for z <= {edges[dtype]['lost']:9.4f}")
    print(f"  sigmoid(z) rounds to 0      for z <= {edges[dtype]['zero']:9.4f}")

# %%
# The loss against the logit
# --------------------------
#
# Each panel draws the loss for one label on a log scale, from the logit
# (solid) and from the probability (dashed). Where the probability form
# returns 0 or infinity, which a log scale cannot show, triangles mark it at
# the bottom or the top of the panel; dotted lines mark the thresholds found
# above.

RANGES = {np.float32: 30.0, np.float64: 50.0}
BOTTOM = {np.float32: 1e-16, np.float64: 1e-25}
TOP = 1e4

fig, axes = plt.subplots(2, 2, figsize=(7, 7), sharey="row", layout="constrained")
fig.suptitle("Binary cross-entropy from the logit and from the probability")
for row, dtype in zip(axes, DTYPES, strict=True):
    name, e = np.dtype(dtype).name, edges[dtype]
    z = np.linspace(-RANGES[dtype], RANGES[dtype], 1201).astype(dtype)
    for ax, label in zip(row, (1, 0), strict=True):
        with np.errstate(divide="ignore"):  # log(0) is the point here
            naive = loss_from_probability(z, label)
        ax.plot(z, loss_from_logit(z, label), color="#307EC7", lw=3)
        shown = np.isfinite(naive) & (naive > 0)
        ax.plot(np.where(shown, z, np.nan), naive, color="#E69F00", ls="--", lw=2)
        zeros, infs = z[naive == 0][::30], z[np.isinf(naive)][::30]
        ax.plot(zeros, 0 * zeros + BOTTOM[dtype] * 5, "v", color="#E69F00", ms=5)
        ax.plot(infs, 0 * infs + TOP / 5, "^", color="#D55E00", ms=5)
        for edge in (e["one"], e["lost"]):
            ax.axvline(edge, color="0.5", lw=0.8, ls=":")
        ax.set(yscale="log", ylim=(BOTTOM[dtype], TOP), xlabel="logit z")
        ax.set_title(f"{name}, label y = {label}")
        ax.grid(alpha=0.3)
    row[0].set_ylabel("loss")
legend = {
    "from the logit: -log_sigmoid(±z)": {"color": "#307EC7", "lw": 3},
    "from the probability: -log(p) or -log(1 - p)": {"color": "#E69F00", "ls": "--"},
    "probability form returns 0": {"color": "#E69F00", "marker": "v", "ls": ""},
    "probability form returns inf": {"color": "#D55E00", "marker": "^", "ls": ""},
    "p or 1 - p rounds to 1 (values printed above)": {"color": "0.5", "ls": ":"},
}
handles = [plt.Line2D([], [], **style) for style in legend.values()]
fig.legend(handles, list(legend), loc="outside lower center")
# Alt text: Binary cross-entropy against the logit on log scales, for float32 and
# float64 and labels 1 and 0: computed from the logit (solid) it is finite everywhere,
# while computed from the probability (dashed) it becomes 0 or infinity, marked by
# triangles on the panel's edge, beyond the dotted lines where p or 1 − p rounds to 1.
plt.show()

# %%
# With label 1 the loss is :math:`-\log\sigma(z)`. For a large positive logit
# the prediction is confidently right and the true loss, about
# :math:`e^{-z}`, is tiny but not zero; the probability form returns exactly
# 0 as soon as :math:`p` rounds to 1 (the right dotted line), and the
# gradient of that constant is 0 too. For a hugely negative logit, below
# the printed -103.97 in float32 or -745.13 in float64 (off the plotted
# range), it is :math:`-\log 0 = \infty` where the true loss is about
# :math:`-z`.
#
# With label 0 the loss is :math:`-\log(1 - \sigma(z))`, and the failure comes
# much sooner: a logit of 17.33 in float32 (36.74 in float64, where
# :math:`1 + e^{-z}` rounds to 1; a correctly rounded :math:`p` would hold out
# to 37.43), an ordinary
# value for a confident wrong prediction, gives :math:`1 - p = 0` and an
# infinite loss, where the true loss is about :math:`z`. One such sample
# makes the mean loss of the whole batch infinite. On the left, :math:`1 - p`
# rounds to 1 and the loss to 0 where the true loss is about :math:`e^{z}`.
#
# The loss from the logit is :math:`-\log\sigma(\pm z)`, which ``log_sigmoid``
# computes from :math:`z` itself, as
# :math:`-\min(\pm z, 0) + \log(1 + e^{-|z|})`, without ever rounding a
# probability: finite and accurate wherever the true value is a float.
#
# The gradient
# ------------
#
# The derivative of the loss with respect to the logit is simply
# :math:`\partial L / \partial z = \sigma(z) - y`. Automatic differentiation
# of the probability form computes it by the chain rule instead: for label 0,
# :math:`\sigma'(z) / (1 - \sigma(z))`, with the textbook
# :math:`\sigma' = \sigma(1 - \sigma)`. Once :math:`p` rounds to 1 that is
# :math:`0/0`.

print("float32, label 0:")
print(
    f"{'z':>6} {'loss (prob.)':>13} {'loss (logit)':>13} {'grad (chain)':>13} "
    f"{'grad sigma-y':>13}"
)
for z in np.array([5, 10, 15, 17, 18, 30, 90], dtype=np.float32):
    p = sigmoid(z)
    with np.errstate(divide="ignore", invalid="ignore"):
        loss_p = -np.log(1 - p)
        grad_chain = p * (1 - p) / (1 - p)
    loss_z = -log_sigmoid(-z)
    print(f"{z:6.0f} {loss_p:13.7g} {loss_z:13.7g} {grad_chain:13.7g} {p - 0:13.7g}")

# %%
# The printed table shows the probability form drifting before it breaks:
# already at :math:`z = 10` only four digits are right, because :math:`1 - p`
# keeps only the few bits that survive the subtraction; at :math:`z = 17` the
# loss is 16.64 instead of 17; from :math:`z = 18` it is infinite with a NaN
# gradient, which the chain rule carries on to every weight that the logit
# depends on. The loss from the logit stays close to :math:`z` and its
# gradient :math:`\sigma(z) - 0` close to 1.
#
# The usual remedies (clipping :math:`p` to :math:`[\epsilon, 1 - \epsilon]`,
# or clamping the log) hide the failure by capping the loss; computing from
# the logit removes it. Writing the loss as the one-line
# :math:`-y\log p - (1 - y)\log(1 - p)` adds a third failure: with
# :math:`y = 1` and :math:`p = 1` the unused term is :math:`0 \cdot \infty =
# \text{NaN}`:

z, y = np.float32(20), 1
p = sigmoid(z)
with np.errstate(divide="ignore", invalid="ignore"):
    one_line = -y * np.log(p) - (1 - y) * np.log(1 - p)
both = -y * log_sigmoid(z) - (1 - y) * log_sigmoid(-z)
print(f"z = 20, y = 1: one-line probability form {one_line}, from the logit {both:.7g}")
