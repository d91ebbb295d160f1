r"""
The generalized logistic curve
==============================

Three parameters stretch and move the sigmoid: the maximum :math:`L`, the
steepness :math:`k` and the midpoint :math:`x_0`, in
:math:`f(x) = L / (1 + e^{-k(x - x_0)})`. Each panel varies one of them; the
animation at the end sweeps the steepness.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import FuncAnimation

from sigmoid import generalized_logistic

x = np.linspace(-6, 6, 601)
PANELS = {
    "maximum": ("Maximum L", [0.5, 1.0, 2.0, 3.0]),
    "steepness": ("Steepness k", [-1.0, 0.5, 1.0, 2.0, 4.0]),
    "midpoint": ("Midpoint x₀", [-2.0, 0.0, 2.0, 4.0]),
}

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7"]
LINES = ["-", "--", "-.", ":", (0, (6, 2))]  # colour and line style both tell
fig, axes = plt.subplots(3, 1, figsize=(6.4, 7.5), sharex=True, layout="constrained")
for ax, (parameter, (title, values)) in zip(axes, PANELS.items(), strict=True):
    # a column of values against the row x: one curve per value, in one call
    curves = generalized_logistic(x, **{parameter: np.array(values)[:, None]})
    for i, (value, curve) in enumerate(zip(values, curves, strict=True)):
        params = {"maximum": 1.0, "steepness": 1.0, "midpoint": 0.0, parameter: value}
        ax.plot(x, curve, color=OKABE_ITO[i], ls=LINES[i], label=f"{value:g}")
        # the midpoint, where f = L/2
        ax.plot(
            params["midpoint"], params["maximum"] / 2, "o", color=OKABE_ITO[i], ms=5
        )
    ax.set(title=f"{title} varies", ylabel="f(x)")
    ax.grid(alpha=0.3)
    ax.legend(title=title, loc="upper left", bbox_to_anchor=(1.01, 1))
axes[-1].set_xlabel("x")
# Alt text: Three stacked panels of the generalized logistic curve, each varying one
# parameter: the maximum L stretches the curve vertically, the steepness k makes it
# steeper (a negative k makes it fall), and the midpoint x₀ shifts it sideways; a dot
# marks each midpoint, at height L/2.
plt.show()

# %%
# * The **maximum** :math:`L` scales the curve vertically: it rises from 0 to
#   :math:`L`, and the midpoint (dot) is at height :math:`L/2`.
# * The **steepness** :math:`k` scales it horizontally: the slope at the
#   midpoint is :math:`kL/4`, and the curve climbs from 10% to 90% of
#   :math:`L` between :math:`x_0 \mp \ln(9)/k`, a width of about
#   :math:`4.4/|k|`. A negative :math:`k` mirrors the curve into a falling
#   one.
# * The **midpoint** :math:`x_0` shifts it sideways without changing its
#   shape.
#
# Each panel computes its curves in one call: the parameters broadcast
# against ``x`` as the arguments of a NumPy ufunc do, so a column of values
# against the row of ``x`` gives one curve per row.
#
# The code below checks these formulas for a few parameter sets, the slope
# with a central difference.

h = 1e-6
print(
    f"{'L':>5} {'k':>5} {'x0':>5} {'f(x0)':>10} {'L/2':>8} {'slope':>10} {'kL/4':>8}"
    f" {'f(x0 + ln(9)/k) / L':>20}"
)
for maximum, steepness, midpoint in [(1, 1, 0), (3, 2, 1), (0.5, -4, -2), (10, 0.3, 5)]:
    params = {"maximum": maximum, "steepness": steepness, "midpoint": midpoint}
    below, value, above = generalized_logistic(
        midpoint + np.array([-h, 0.0, h]), **params
    )
    slope = (above - below) / (2 * h)
    ninety = generalized_logistic(
        np.array([midpoint + np.log(9) / steepness]), **params
    )
    print(
        f"{maximum:5g} {steepness:5g} {midpoint:5g} {value:10.6f} {maximum / 2:8.4f}"
        f" {slope:10.6f} {steepness * maximum / 4:8.4f} {ninety[0] / maximum:20.6f}"
    )

# %%
# Sweeping the steepness
# ----------------------
#
# The animation sweeps :math:`k` from 1/4 to 8 and back, on a logarithmic
# scale, with :math:`L = 1` and :math:`x_0 = 0`. The dashed line is the
# tangent at the midpoint, of slope :math:`k/4`: as :math:`k` grows the curve
# approaches a step from 0 to 1 at :math:`x_0`, and as it shrinks the curve
# flattens towards the constant :math:`L/2`. The frames are drawn once and
# play in the browser without a server.

up = np.geomspace(0.25, 8, 11)  # each k 1.41 times the one before
sweep = np.concatenate([up, up[-2:0:-1]])  # there and back: 20 frames

fig_anim, ax = plt.subplots(figsize=(3.6, 2.4))
fig_anim.subplots_adjust(left=0.17, right=0.96, bottom=0.2, top=0.88)
(curve,) = ax.plot(
    x, generalized_logistic(x, steepness=sweep[0]), color="#307EC7", lw=2
)
(tangent,) = ax.plot([], [], color="#000000", ls="--", lw=1.2)
ax.plot(0, 0.5, "o", color="#000000", ms=4)
ax.grid(alpha=0.3)
ax.set(
    xlim=(-6, 6),
    ylim=(-0.05, 1.05),
    xticks=[-6, -3, 0, 3, 6],
    yticks=[0, 0.5, 1],
    xlabel="x",
    ylabel="f(x)",
)


def draw_frame(k):
    curve.set_ydata(generalized_logistic(x, steepness=k))
    half_width = min(6.0, 2.2 / k)  # a short tangent, clipped to the axes
    ends = np.array([-half_width, half_width])
    tangent.set_data(ends, 0.5 + k / 4 * ends)
    ax.set_title(f"Steepness k = {k:.2f}")
    return curve, tangent


anim = FuncAnimation(fig_anim, draw_frame, frames=sweep, interval=200)
# Alt text: Animation of the logistic curve with L = 1 and x₀ = 0 as the steepness k
# sweeps from 1/4 to 8 and back: with the dashed tangent of slope k/4 at the midpoint,
# the curve turns from nearly flat to nearly a step.
plt.show()
