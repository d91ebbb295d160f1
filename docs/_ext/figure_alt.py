"""What each gallery figure shows, for its alt text (read by ``figures.py``).

ALT maps an example's file name, without ``.py``, to one description per
figure, in the order the script makes them (an animation counts as a
figure). A description says what the figure shows and what to notice, in one
or two plain sentences: not its title, no TeX (write σ, σ′, x₀), and no
number that changes from machine to machine. The build fails when a script
makes more or fewer figures than it has descriptions.
"""

ALT: dict[str, list[str]] = {
    # -- basics --------------------------------------------------------------
    "plot_sigmoid_in_numpy": [
        (
            "The hand-written sigmoid from x = −10 to 10: an S-shaped curve rising "
            "from 0 through 1/2 at x = 0 to 1, nearly flat beyond x = ±5."
        ),
    ],
    "plot_sigmoid": [
        (
            "The sigmoid σ(x) from x = −10 to 10: an S-shaped curve rising from 0 "
            "through 1/2 at x = 0 to 1, nearly flat beyond x = ±5."
        ),
    ],
    "plot_sigmoid_derivative": [
        (
            "The derivative σ′(x), computed by hand as s(1 − s), from x = −10 to 10: "
            "a symmetric bell-shaped dashed curve whose peak, σ′(0) = 1/4, is "
            "marked with a dot, falling to almost 0 beyond x = ±5."
        ),
    ],
    "plot_sigmoid_and_derivative": [
        (
            "The sigmoid σ (solid blue) and its derivative σ′ (dashed purple) from "
            "x = −8 to 8 on one pair of axes: at x = 0, marked by two dots, the S "
            "curve passes through 1/2 and the bell has its peak, 1/4."
        ),
    ],
    "plot_centred_axes": [
        (
            "The sigmoid (solid blue) and its derivative (dashed purple) from "
            "x = −6 to 6, with the axes crossing at the origin as in a textbook and "
            "y ticks at 1/4, 1/2 and 1: the S curve rises from 0 to 1 through 1/2, "
            "and the bell peaks at 1/4 at x = 0."
        ),
    ],
    "plot_taylor_series": [
        (
            "The sigmoid (thick solid blue) and the partial sums of its Taylor "
            "series of degree 3 (dotted), 7 (dash-dotted) and 15 (dashed) from "
            "x = −6 to 6, with the regions |x| > π shaded: inside the unshaded band "
            "the higher the degree, the closer the polynomial follows the S curve; "
            "beyond ±π every partial sum turns away from it, the degree-15 one "
            "soonest and most steeply."
        ),
    ],
    # -- family --------------------------------------------------------------
    "plot_activations": [
        (
            "Six activation functions from x = −5 to 5, above, and their "
            "derivatives, below: the sigmoid levels off at 0 and 1 and tanh at −1 "
            "and 1, ReLU and leaky ReLU bend at 0, and SiLU and GELU are smooth "
            "versions of ReLU with a small dip below zero. The sigmoid's derivative "
            "is a low bell peaking at 1/4, tanh's a bell peaking at 1, ReLU's jumps "
            "from 0 to 1 at x = 0, and SiLU's and GELU's overshoot 1 before settling "
            "back to it."
        ),
    ],
    "plot_derivative_check": [
        (
            "The largest error of the central difference on [−8, 8] against the "
            "step h from 10⁻¹² to 10⁻¹, on log-log axes: for large steps it follows "
            "the dashed truncation line h²/48, of slope 2, and for small ones it "
            "stays just under the dotted rounding line ε/h, of slope −1. Between "
            "them is a valley whose lowest point, about 10⁻¹¹ near "
            "h = 1.5 × 10⁻⁵, lies just right of the grey line at h = ∛ε."
        ),
    ],
    "plot_generalized_logistic": [
        (
            "Three stacked panels of the generalized logistic curve, each varying "
            "one parameter: the maximum L stretches the curve vertically, the "
            "steepness k makes it steeper (a negative k makes it fall), and the "
            "midpoint x₀ shifts it sideways; a dot marks each midpoint, at height L/2."
        ),
        (
            "Animation of the logistic curve with L = 1 and x₀ = 0 as the steepness "
            "k sweeps from 1/4 to 8 and back: with the dashed tangent of slope k/4 "
            "at the midpoint, the curve turns from nearly flat to nearly a step."
        ),
    ],
    "plot_higher_derivatives": [
        (
            "Four stacked panels from x = −7 to 7: the sigmoid and its first, second "
            "and third derivatives, with dotted lines at x = 0 and ±1.317. Each "
            "zero of a derivative lines up with a turning point of the curve above "
            "it: σ′ peaks at 0, where σ″ is 0, and σ″ peaks at ±1.317, where σ‴ is 0."
        ),
    ],
    "plot_logit": [
        (
            "Left: the sigmoid and the logit on equal axes, mirror images in the "
            "dotted line y = x, with two pairs of mirrored points joined by dashed "
            "lines. Right: the logit against the probability p, rising steeply "
            "near 0 and 1, with points at odds 1:9, 1:3, 1:1, 3:1 and 9:1 labelled "
            "with their logits, from −2.20 to +2.20."
        ),
        (
            "Absolute error of the round trip logit(σ(x)) − x in float64 for x from "
            "−40 to 40, on a log scale with 0 at the bottom: for positive x the "
            "direct round trip's error grows exponentially along the predicted "
            "line, to about 1 near x = 37, where the logit returns infinity; "
            "through the small side it is 0 except for rounding errors near x = 0."
        ),
    ],
    "plot_sigmoid_family": [
        (
            "Eight S-shaped curves scaled to pass through 1/2 with slope 1/4 at 0, "
            "in three panels and a legend: they agree near 0, their derivatives "
            "are bells of different widths, and on log-log axes 1 − f(x) shows erf "
            "approaching 1 fastest, the logistic, tanh and Gudermannian "
            "exponentially, and arctan, softsign and x/√(1 + x²) slowly, as powers."
        ),
        (
            "Left: the difference Φ(x) − σ(1.702 x) between the normal distribution "
            "function and the steepened logistic, a wave with four peaks of nearly "
            "equal height, about ±0.0095. Right: the largest difference against the "
            "factor c from 1.6 to 1.8, a V whose lowest point is at c = 1.702."
        ),
    ],
    # -- numerics ------------------------------------------------------------
    "plot_big_arrays": [
        (
            "Horizontal bars of the peak extra memory and the time of four ways to "
            "compute the sigmoid of 2,000,000 numbers, in float64 and float32: a "
            "new array takes one array's memory (dashed lines), out= a buffer or "
            "the input itself almost none, and the naive formula two arrays; the "
            "times depend on the machine that built the page."
        ),
    ],
    "plot_log_sigmoid_cross_entropy": [
        (
            "Binary cross-entropy against the logit on log scales, for float32 and "
            "float64 and labels 1 and 0: computed from the logit (solid) it is "
            "finite everywhere, while computed from the probability (dashed) it "
            "becomes 0 or infinity, marked by triangles on the panel's edge, "
            "beyond the dotted lines where p or 1 − p rounds to 1."
        ),
    ],
    "plot_numerical_stability": [
        (
            "Error in ULPs of four formulas for the sigmoid, in float32 and float64, "
            "in the left tail, the middle and the right tail of x: the package's "
            "stays below about 1 ULP, and below 0.5 in float32; the naive formula "
            "returns 0 where the true value is a tiny positive number, the exp "
            "ratio NaN in the right tail (triangles), and the tanh form loses "
            "digits for negative x until it returns 0."
        ),
        (
            "Error in ULPs of two formulas for σ′ in float32 and float64: the "
            "package's stays below about 1 ULP everywhere, while that of σ(1 − σ) "
            "grows exponentially for positive x, and it returns 0 instead of the "
            "tiny true value from where σ rounds to 1 and in the far left tail."
        ),
        (
            "Error in ULPs of two formulas for log σ in float32 and float64: the "
            "package's stays below about 1 ULP, while the log of the naive sigmoid "
            "returns −infinity in the left tail (triangles) and its error grows "
            "exponentially for positive x until it returns 0."
        ),
    ],
    # -- pros and cons -------------------------------------------------------
    "plot_calibration": [
        (
            "Above, a reliability diagram: for ten bins of predictions, the "
            "fraction of cases with y = 1 against the mean predicted probability. "
            "The calibrated model σ(z) follows the dashed diagonal, the "
            "over-confident σ(3z) is flatter, above the diagonal below 1/2 and "
            "below it above 1/2, and the under-confident σ(z/3) is steeper, "
            "crossing it the other way; below, the number of predictions in each "
            "bin shows the over-confident model's piled up in the two end bins and "
            "the under-confident model's in the middle ones."
        ),
    ],
    "plot_cost_of_exp": [
        (
            "Horizontal bars of the time per element of six functions (ReLU, the "
            "hard sigmoid, tanh, np.exp alone, the package's sigmoid and the naive "
            "sigmoid), each on an array that fits in the processor's cache and on "
            "one that does not: ReLU and the hard sigmoid are the cheapest, and the "
            "four that compute an exponential take several times longer. The times "
            "depend on the machine that built the page and vary from run to run."
        ),
    ],
    "plot_not_zero_centred": [
        (
            "Contours of the loss over the weights w₁ and w₂, with 40 steps of "
            "stochastic gradient descent from the same start, upper left, to the "
            "minimum w*, lower right. Left, with all-positive inputs: the contours "
            "are long, narrow diagonal ellipses and every step moves both weights "
            "the same way, so the path zig-zags across the valley; right, with "
            "centred inputs: the contours are round and the path heads for the "
            "minimum with only small wiggles."
        ),
    ],
    "plot_logistic_regression": [
        (
            "The 23 launches before Challenger as black dots at height 1 (O-ring "
            "damage) or 0 (none) against launch temperature, 53 to 81 °F, larger "
            "where several launches share a temperature, with "
            "the least-squares line (dashed), which falls below 0 on the warm side "
            "and climbs above 1 on the cold side, into the shaded bands, and the "
            "logistic fit (solid S curve), which stays between 0 and 1 and is "
            "close to 1 at the dotted line of Challenger's 31 °F."
        ),
    ],
    "plot_output_as_probability": [
        (
            "Logistic regression on one feature: grey data points at y = 0 and "
            "y = 1, the fitted sigmoid rising between them, orange squares for the "
            "fraction of y = 1 in each bin lying close to the curve, and the curve "
            "crossing the 0.5 threshold at the decision boundary, x = 1.00."
        ),
        (
            "The cross-entropy loss of the logistic regression over 500 steps of "
            "gradient descent: it drops from about 0.69 to about 0.2 within the "
            "first 100 steps and then stays flat."
        ),
    ],
    "plot_smooth_gradient": [
        (
            "Left: the sigmoid, a smooth S curve, and the step function, which jumps "
            "from 0 to 1 at z = 0. Right: their derivatives: the sigmoid's is a "
            "bell peaking at 1/4, the step's is 0 wherever it is defined and "
            "undefined at z = 0."
        ),
        (
            "Left: the mean squared error against the weight w, sloping smoothly for "
            "a sigmoid unit and flat with a single jump at w = 0 for a step unit. "
            "Right: over 300 gradient-descent steps from w = −1 the sigmoid unit's "
            "loss falls to near 0 while the step unit's stays flat at about 0.89."
        ),
    ],
    "plot_vanishing_gradient": [
        (
            "Above, the gradient norm of each of 15 layers relative to the last, on "
            "a log scale: with tanh and ReLU it stays near 1, while with sigmoid it "
            "falls about fourfold per layer, to about 4 × 10⁻⁹ at layer 1, just "
            "under the dashed line (1/4) to the power 15 − l and just above the "
            "dotted product of the activation parts. Below, σ′, a bell peaking at "
            "1/4, with the saturated regions |x| > ln 99 ≈ 4.6 shaded, where it is "
            "almost 0."
        ),
    ],
}
