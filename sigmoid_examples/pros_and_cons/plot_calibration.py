r"""
Calibrated and over-confident probabilities
===========================================

A model is *calibrated* when its probabilities mean what they say: among the
cases it gives probability 0.8, about 80% are positive. The sigmoid turns any
score into a number between 0 and 1, :term:`calibrated` or not. Here three models put
the cases in the same order, and only one of them is calibrated.
"""

import matplotlib.pyplot as plt
import numpy as np

from sigmoid import log_sigmoid, sigmoid

# %%
# Three models with the same ranking
# ----------------------------------
#
# The labels are drawn so that the true probability is known:
# :math:`P(y = 1 \mid x) = \sigma(z)` with the score (:term:`logit`) :math:`z = 2x -
# 0.5`, for 10,000 inputs ``x`` from a standard normal distribution.
#
# * The *calibrated* model predicts :math:`\sigma(z)` itself. It is the true
#   probability, the model a perfect fit of a :term:`logistic regression` would reach;
#   using it directly keeps the example free of fitting code.
# * The *over-confident* model predicts :math:`\sigma(3z)`: the same score,
#   three times too large, pushes its probabilities towards 0 and 1.
# * The *under-confident* model predicts :math:`\sigma(z/3)`, pulled towards
#   1/2.
#
# Multiplying a score by a positive number keeps its sign and its order, so the
# three models rank the cases identically and make the same decisions at the
# threshold 0.5. Only their probabilities differ.

rng = np.random.default_rng(seed=0)
n = 10_000
x = rng.normal(size=n)
z = 2 * x - 0.5
y = (rng.random(n) < sigmoid(z)).astype(float)
models = [  # name, formula for the legend, score
    ("calibrated", r"$\sigma(z)$", z),
    ("over-confident", r"$\sigma(3z)$", 3 * z),
    ("under-confident", r"$\sigma(z/3)$", z / 3),
]

# %%
# Measuring calibration
# ---------------------
#
# A *reliability diagram* sorts the predictions into ten bins of width 0.1
# and plots, for each bin, the mean predicted probability :math:`\bar p_k`
# against the fraction :math:`\bar y_k` of its cases that are positive. A
# calibrated model's points lie on the diagonal. ``np.digitize`` gives the bin
# of each prediction; ``np.bincount`` counts the cases per bin and, with
# ``weights``, sums their predictions and labels.
#
# The *expected calibration error* is the distance from the diagonal,
# averaged over the cases: :math:`\mathrm{ECE} = \sum_k (n_k / n)\,
# |\bar p_k - \bar y_k|`, with :math:`n_k` cases in bin :math:`k`. The
# *Brier score* :math:`\frac{1}{n}\sum_i (p_i - y_i)^2` and the *log loss*
# (:term:`cross-entropy`, computed from the score with ``log_sigmoid``) judge ranking
# and :term:`calibration` together; the *accuracy* at the threshold 0.5 judges only
# the decisions.

edges = np.linspace(0, 1, 11)
fig, (top, bottom) = plt.subplots(
    2, 1, figsize=(7, 8), height_ratios=[3, 1.4], sharex=True, layout="constrained"
)
top.plot([0, 1], [0, 1], color="0.5", linestyle="--", label="perfect calibration")
LOOKS = [("#307EC7", "o", "-"), ("#E69F00", "s", "--"), ("#009E73", "D", ":")]
for (name, formula, score), (color, marker, ls) in zip(models, LOOKS, strict=True):
    p = sigmoid(score)
    bin_of = np.digitize(p, edges[1:-1])  # which bin each prediction falls in, 0 to 9
    count = np.bincount(bin_of, minlength=10)
    # Sums divided by counts; an empty bin divides 0 by 1 instead of by 0.
    mean_p = np.bincount(bin_of, weights=p, minlength=10) / np.maximum(count, 1)
    observed = np.bincount(bin_of, weights=y, minlength=10) / np.maximum(count, 1)
    ece = np.sum(count * np.abs(mean_p - observed)) / n
    brier = np.mean((p - y) ** 2)
    log_loss = -np.mean(y * log_sigmoid(score) + (1 - y) * log_sigmoid(-score))
    accuracy = np.mean((p > 0.5) == (y == 1))
    print(
        f"{name}: accuracy {accuracy:.1%}, ECE {ece:.3f}, Brier {brier:.3f}, "
        f"log loss {log_loss:.3f}"
    )
    print(
        f"  {count[8]} predictions between 0.8 and 0.9, mean {mean_p[8]:.2f}: "
        f"{observed[8]:.0%} positive"
    )
    used = count > 0
    top.plot(
        mean_p[used],
        observed[used],
        marker=marker,
        ls=ls,
        color=color,
        label=f"{name}, {formula}",
    )
    bottom.stairs(count, edges, linewidth=2, color=color, ls=ls)

top.set(ylabel="observed fraction of y = 1", xlim=(0, 1), ylim=(0, 1))
top.set_title(
    r"Reliability diagram: $\sigma(z)$ lies on the diagonal,"
    "\n"
    r"over-confident $\sigma(3z)$ is flatter, under-confident $\sigma(z/3)$ steeper"
)
top.legend()
top.grid(alpha=0.3)
bottom.set(xlabel="predicted probability (bins of width 0.1)", ylabel="cases")
bottom.set_title("Number of predictions in each bin")
bottom.grid(alpha=0.3)
# Alt text: Above, a reliability diagram: for ten bins of predictions, the fraction of
# cases with y = 1 against the mean predicted probability. The calibrated model σ(z)
# follows the dashed diagonal, the over-confident σ(3z) is flatter, above the diagonal
# below 1/2 and below it above 1/2, and the under-confident σ(z/3) is steeper, crossing
# it the other way; below, the number of predictions in each bin shows the over-
# confident model's piled up in the two end bins and the under-confident model's in the
# middle ones.
plt.show()

# %%
# Reading the diagram
# -------------------
#
# The three accuracies are equal, yet the calibration errors are not. The
# calibrated model's points follow the diagonal: of the cases it puts between
# 0.8 and 0.9, with a mean prediction of 0.85, 85% are positive. Its ECE is
# small but not zero, because each bin's fraction is measured on a finite
# sample.
#
# The over-confident model's curve is flatter than the diagonal: below 1/2 its
# predictions are too low, above 1/2 too high. Its cases between 0.8 and 0.9
# have a mean prediction of 0.86, but only 60% of them are positive. The lower
# panel shows that most of its predictions sit in the two end bins, and even
# there its points lie off the diagonal, which is what makes its ECE large. The
# under-confident model errs the other way: its curve is steeper, and of its
# cases between 0.8 and 0.9 (mean prediction 0.83) 99% are positive.
#
# The Brier score and the log :term:`loss` are lowest for the calibrated model: with
# the ranking the same, the whole difference comes from calibration. The two
# scores weigh mistakes differently. The log loss punishes a confident wrong
# answer hardest, so it rates the over-confident model worst (0.673, against
# 0.538), while the Brier score rates the under-confident one worst (0.177,
# against 0.170).
#
# Why a sigmoid output is not automatically a probability
# -------------------------------------------------------
#
# :math:`\sigma` guarantees a number between 0 and 1 that grows with the
# score, nothing more: :math:`\sigma(3z)` is as valid a sigmoid output as
# :math:`\sigma(z)`. Whether the output is calibrated depends on the *scale*
# of the score, which training sets. Maximum likelihood on a model that fits
# the data, as in :ref:`sphx_glr_auto_examples_pros_and_cons_plot_output_as_probability.py`,
# gets the scale about right; a model that fits its training data too closely
# tends to produce scores that are too large, heavy regularisation ones that
# are too small, and any model can lose its calibration when the data it meets
# differ from the data it was trained on.
#
# How it is fixed in practice
# ---------------------------
#
# Calibration is checked, and repaired, on data the model was not trained on.
# *Platt scaling* fits one more sigmoid, :math:`\sigma(A s + B)`, to the
# model's scores :math:`s` by maximum likelihood: a logistic regression with
# the score as its only feature. Here :math:`A = 1/3, B = 0` turns
# :math:`\sigma(3z)` back into :math:`\sigma(z)` exactly. *Temperature
# scaling*, used for neural networks, is the case :math:`B = 0`. *Isotonic
# regression* instead fits any non-decreasing function from score to
# probability: it can repair shapes that no sigmoid matches, but needs more
# data not to overfit. scikit-learn's ``CalibratedClassifierCV`` offers both
# (``method="sigmoid"`` and ``method="isotonic"``).
