r"""
Logistic regression on real data
================================

Before the launch of the space shuttle Challenger on 28 January 1986, at a
temperature of 31 °F, 23 earlier launches had flown at 53 °F to 81 °F, and on
7 of them at least one O-ring of the boosters was damaged. This example fits
a straight line and a :term:`logistic regression` to those 23 launches and
reads the fitted sigmoid as a probability of damage.

The data are Table 1 of S. R. Dalal, E. B. Fowlkes and B. Hoadley, "Risk
analysis of the space shuttle: pre-Challenger prediction of failure", *Journal
of the American Statistical Association* 84 (1989), 945-957, from the Report
of the Presidential Commission on the Space Shuttle Challenger Accident
(1986): for each launch, the temperature and whether any O-ring showed
thermal distress.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import sigmoid

# The 23 launches, coldest first: temperature in °F, and 1 where damaged.
temperature = np.fromstring(
    "53 57 58 63 66 67 67 67 68 69 70 70 70 70 72 73 75 75 76 76 78 79 81", sep=" "
)
damaged = np.fromstring("1 1 1 1 0 0 0 0 0 0 1 1 0 0 0 0 1 0 0 0 0 0 0", sep=" ")

# %%
# Fitting with Newton's method
# ----------------------------
#
# The model is :math:`P(\text{damage} \mid t) = \sigma(b_0 + b_1 t)` at
# temperature :math:`t`. With the design matrix :math:`X` (a column of ones
# and the temperatures), :math:`p = \sigma(Xb)` and the labels :math:`y`, the
# log-likelihood, its :term:`gradient` and its Hessian are
#
# .. math::
#
#    \ell(b) &= \sum_i \bigl[y_i \log p_i \\
#            &\qquad + (1 - y_i) \log(1 - p_i)\bigr], \\
#    \nabla \ell &= X^\top (y - p), \\
#    \nabla^2 \ell &= -X^\top W X, \\
#    W &= \operatorname{diag}\bigl(p_i (1 - p_i)\bigr).
#
# The factor :math:`p_i(1 - p_i)` is :math:`\sigma'` again. Newton's method
# steps to where the quadratic model of :math:`\ell` is highest,
#
# .. math::
#
#    b \leftarrow b + (X^\top W X)^{-1} X^\top (y - p),
#
# and from :math:`b = 0` a few steps reach the maximum. (Maximising :math:`\ell` is
# minimising the :term:`binary cross-entropy` :term:`loss`,
# :math:`-\ell/n`, as in :doc:`plot_output_as_probability`.)

X = np.column_stack([np.ones_like(temperature), temperature])
b = np.zeros(2)
for _ in range(10):
    p = sigmoid(X @ b)
    W = p * (1 - p)
    b += np.linalg.solve(X.T @ (W[:, None] * X), X.T @ (damaged - p))
print(f"b0 = {b[0]:.4f}, b1 = {b[1]:.5f} per degree F")
print("gradient of the log-likelihood there:", X.T @ (damaged - sigmoid(X @ b)))

# %%
# The straight line, for comparison, is the least-squares fit of the same 0s
# and 1s:

slope, intercept = np.polyfit(temperature, damaged, 1)
for t in (31.0, 53.0, 81.0):
    line, fit = intercept + slope * t, sigmoid(b[0] + b[1] * t)
    print(f"at {t:.0f} F: line {line:6.3f}, logistic {fit:.4f}")

t = np.linspace(25, 90, 261)
fig, ax = plt.subplots(layout="constrained")
launches = np.column_stack([temperature, damaged])
points, counts = np.unique(launches, axis=0, return_counts=True)
ax.scatter(*points.T, s=40 * counts, color="black", label="launches (1 = damage)")
ax.plot(t, intercept + slope * t, "--", color="#E69F00", label="least-squares line")
ax.plot(t, sigmoid(b[0] + b[1] * t), color="#307EC7", label=r"$\sigma(b_0 + b_1 t)$")
ax.axvline(31, color="gray", linestyle=":", label="Challenger, 31 °F")
ax.axhspan(1, 2, color="gray", alpha=0.15)
ax.axhspan(-0.5, 0, color="gray", alpha=0.15)
ax.set(xlabel="temperature (°F)", ylabel="probability of damage", ylim=(-0.5, 2))
ax.set_title("O-ring damage against launch temperature")
ax.grid(alpha=0.3)
ax.legend(loc="upper right")
# Alt text: The 23 launches before Challenger as black dots at height 1 (O-ring damage)
# or 0 (none) against launch temperature, 53 to 81 °F, larger where several launches
# share a temperature, with the least-squares line (dashed), which falls below 0 on the
# warm side and climbs above 1 on the cold side, into the shaded bands, and the logistic
# fit (solid S curve), which stays between 0 and 1 and is close to 1 at the dotted line
# of Challenger's 31 °F.
plt.show()

# %%
# Reading the fit
# ---------------
#
# (A dot's area shows how many launches it stands for.) The line is a poor
# model of a probability: it leaves :math:`[0, 1]`, into the shaded bands,
# dropping below 0 at the warm end of the data and, at 31 °F, "predicting" a
# probability above 1. The sigmoid cannot leave :math:`[0, 1]`, and read as a
# probability it says that at 31 °F damage was all but certain. That is an
# extrapolation more than 20 °F below the coldest launch, and it is only as
# good as the model, but every launch below 65 °F had been damaged.
#
# The slope :math:`b_1` is negative: each degree colder multiplies the
# :term:`odds` of damage, :math:`p/(1 - p)`, by :math:`e^{-b_1}`, and the
# :term:`logit` :math:`\ln\bigl(p/(1 - p)\bigr) = b_0 + b_1 t` is the straight
# line of the model:

print(f"odds of damage grow by a factor {np.exp(-b[1]):.3f} per degree colder")
