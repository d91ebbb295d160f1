"""The gallery's reading order, set by hand rather than by file name.

``subsection_order`` in ``conf.py`` takes :data:`SECTIONS`; sphinx-gallery
sorts the examples inside each section with :class:`ExampleOrder`, which
it imports by name (``"gallery_order.ExampleOrder"``) so that its parallel
workers can rebuild it.
"""

from __future__ import annotations

from pathlib import Path

# Section folder -> example files, in the order a reader should meet them.
# Basics teach in order (write it yourself first); Pros and cons follow the
# rows of the pros-and-cons page's table.
ORDER: dict[str, list[str]] = {
    "basics": [
        "plot_sigmoid_in_numpy.py",
        "plot_sigmoid.py",
        "plot_sigmoid_derivative.py",
        "plot_sigmoid_and_derivative.py",
        "plot_centred_axes.py",
        "plot_taylor_series.py",
    ],
    "pros_and_cons": [
        "plot_output_as_probability.py",
        "plot_logistic_regression.py",
        "plot_calibration.py",
        "plot_smooth_gradient.py",
        "plot_vanishing_gradient.py",
        "plot_vanishing_gradient_parts.py",
        "plot_not_zero_centred.py",
        "plot_cost_of_exp.py",
        "plot_cost_in_a_layer.py",
    ],
    "family": [
        "plot_sigmoid_family.py",
        "plot_probit.py",
        "plot_logit.py",
        "plot_logit_odds.py",
        "plot_generalized_logistic.py",
        "plot_higher_derivatives.py",
        "plot_derivative_check.py",
        "plot_activations.py",
    ],
    "numerics": [
        "plot_numerical_stability.py",
        "plot_sigmoid_ulp.py",
        "plot_derivative_ulp.py",
        "plot_log_sigmoid_cross_entropy.py",
        "plot_big_arrays.py",
        "plot_big_arrays_chunks.py",
    ],
}
SECTIONS = list(ORDER)


class ExampleOrder:
    """Sort key for the examples of one gallery section, from :data:`ORDER`.

    A file that :data:`ORDER` does not list sorts last, by name; the test
    suite checks that every example is listed.
    """

    def __init__(self, src_dir: str) -> None:
        self.order = ORDER.get(Path(src_dir).name, [])

    def __call__(self, filename: str) -> tuple[int, str]:
        if filename in self.order:
            return self.order.index(filename), filename
        return len(self.order), filename

    def __repr__(self) -> str:
        # sphinx-gallery stores the key's repr in its environment: keep it
        # stable from build to build, or every build would start afresh.
        return "ExampleOrder"
