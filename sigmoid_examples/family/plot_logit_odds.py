r"""
Odds and the logit
==================

The odds of an event of probability :math:`p` are :math:`p/(1 - p)`, and the
:term:`logit` of :math:`p` is the logarithm of its :term:`odds`. On that scale
multiplying the odds is adding to the logit, which is how the coefficients of
a :term:`logistic regression` read.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import logit, sigmoid

p = np.linspace(0.001, 0.999, 999)
odds = np.array([1 / 9, 1 / 3, 1, 3, 9])
odds_labels = ["1:9", "1:3", "1:1", "3:1", "9:1"]
p_odds = odds / (1 + odds)

fig, ax = plt.subplots(figsize=(5, 4), layout="constrained")
ax.plot(p, logit(p), color="#307EC7", label=r"$\operatorname{logit}(p)$")
ax.plot(p_odds, logit(p_odds), "o", color="#000000", label="odds 1:9 to 9:1")
for q, label in zip(p_odds, odds_labels, strict=True):
    below_right = q <= 0.5  # beside the curve, on the side where it is not
    ax.annotate(
        f"{label} → {logit(q):+.2f}",
        (q, logit(q)),
        xytext=(6, -4) if below_right else (-6, 4),
        textcoords="offset points",
        ha="left" if below_right else "right",
        va="top" if below_right else "bottom",
    )
ax.set(ylim=(-6, 6), xlabel="probability p", ylabel="log of the odds")
ax.set(xticks=[0, 0.1, 0.25, 0.5, 0.75, 0.9, 1], title="Odds and their logits")
ax.grid(alpha=0.3)
# Alt text: The logit against the probability p, rising steeply near 0 and 1, with
# points at odds 1:9, 1:3, 1:1, 3:1 and 9:1 (p = 0.1, 0.25, 0.5, 0.75 and 0.9)
# labelled with their logits, from −2.20 to +2.20.
plt.show()

# %%
# A probability of 3/4 is odds of 3 to 1, and its logit is :math:`\log 3`.
# So adding :math:`\log 3` to a logit multiplies the odds by 3, wherever it
# starts; this is how the coefficients of a logistic regression read, as log
# odds ratios.

for q, label in zip(p_odds, odds_labels, strict=True):
    print(
        f"p = {q:.4f}  odds {label:>3}  logit(p) = {logit(q):+.6f}"
        f"  log(odds) = {np.log(q / (1 - q)):+.6f}"
    )
print(f"sigma(0 + log 3) = {sigmoid(np.log(3)):.6f}: odds 3:1")
print(f"sigma(log 3 + log 3) = {sigmoid(2 * np.log(3)):.6f}: odds 9:1")
