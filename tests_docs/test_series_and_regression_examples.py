"""The Taylor-series and logistic-regression examples, checked independently.

The Taylor coefficients the script computes by its recurrence are compared
with mpmath's (``mpmath.taylor``, numerical differentiation at 50 digits);
the logistic fit the script prints is compared with the root of the score
equations solved by mpmath at 40 digits.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import mpmath as mp
from test_claims import run_example

ROOT = Path(__file__).resolve().parent.parent
TAYLOR = ROOT / "sigmoid_examples" / "basics" / "plot_taylor_series.py"
REGRESSION = ROOT / "sigmoid_examples" / "pros_and_cons" / "plot_logistic_regression.py"


def prose(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return " ".join(" ".join(line.strip(" #") for line in lines).split())


# -- Taylor series ------------------------------------------------------------


def test_taylor_coefficients_are_mpmaths() -> None:
    coefficients = run_example(TAYLOR)["coefficients"]
    assert all(isinstance(a, Fraction) for a in coefficients)
    with mp.workdps(50):
        # mp.taylor(lambda x: 1 / (1 + mp.exp(-x)), 0, 41) at 50 digits
        reference = mp.taylor(lambda x: 1 / (1 + mp.exp(-x)), 0, len(coefficients) - 1)
        for n, (a, exact) in enumerate(zip(coefficients, reference, strict=True)):
            mine = mp.mpf(a.numerator) / a.denominator
            # The odd coefficients are about 2 / pi^(n + 1); the even ones 0.
            assert abs(mine - exact) <= mp.mpf(10) ** -25 * mp.pi**-n, n
    # The series the page states: 1/2 + x/4 - x^3/48 + x^5/480.
    first = [Fraction(1, 2), Fraction(1, 4), 0, Fraction(-1, 48), 0, Fraction(1, 480)]
    assert coefficients[:6] == first


def test_taylor_series_converges_inside_pi_and_diverges_outside() -> None:
    result = run_example(TAYLOR)
    rows = re.findall(r"error (\S+) at x = 2, (\S+) at x = 4", result["printed"])
    inside = [float(row[0]) for row in rows]
    outside = [float(row[1]) for row in rows]
    assert len(rows) == 4
    assert inside == sorted(inside, reverse=True)
    assert inside[-1] < 1e-8
    assert outside == sorted(outside)
    assert outside[-1] > 1e3
    pattern = r"sqrt\(\|a_39 / a_41\|\) = ([\d.]+), pi = ([\d.]+)"
    printed = re.search(pattern, result["printed"])
    assert printed
    assert printed[1] == printed[2] == f"{math.pi:.12f}"
    # Exercise 2's growth factor of the terms at x = 3.5.
    claim = re.search(r"\(3\.5/\\pi\)\^2 \\approx ([\d.]+)", prose(TAYLOR))
    assert claim
    assert float(claim[1]) == round((3.5 / math.pi) ** 2, 2)


# -- Logistic regression ------------------------------------------------------


def _mp_fit(temperature: list[float], damaged: list[float], start: Any) -> Any:
    """Solve the score equations X^T (y - sigma(X b)) = 0 with mpmath."""

    def score(b0: Any, b1: Any) -> list[Any]:
        residuals = [
            y - 1 / (1 + mp.exp(-(b0 + b1 * t)))
            for t, y in zip(temperature, damaged, strict=True)
        ]
        return [
            mp.fsum(residuals),
            mp.fsum(r * t for r, t in zip(residuals, temperature, strict=True)),
        ]

    return mp.findroot(score, start)


def test_logistic_fit_solves_the_score_equations() -> None:
    result = run_example(REGRESSION)
    temperature = [float(t) for t in result["temperature"]]
    damaged = [float(y) for y in result["damaged"]]
    assert len(temperature) == 23
    assert sum(damaged) == 7
    with mp.workdps(40):
        b0, b1 = _mp_fit(temperature, damaged, [mp.mpf(0), mp.mpf(0)])
        # The Hessian -X^T W X is negative definite: a maximum, not a saddle.
        weights = [
            1 / (1 + mp.exp(-(b0 + b1 * t))) * (1 - 1 / (1 + mp.exp(-(b0 + b1 * t))))
            for t in temperature
        ]
        h00 = -mp.fsum(weights)
        h01 = -mp.fsum(w * t for w, t in zip(weights, temperature, strict=True))
        h11 = -mp.fsum(w * t * t for w, t in zip(weights, temperature, strict=True))
        assert h00 < 0
        assert h00 * h11 - h01**2 > 0
        probability_31 = 1 / (1 + mp.exp(-(b0 + b1 * 31)))
    printed = result["printed"]
    found = re.search(r"b0 = ([-\d.]+), b1 = ([-\d.]+)", printed)
    assert found
    assert found[1] == f"{float(b0):.4f}"
    assert found[2] == f"{float(b1):.5f}"
    found = re.search(r"at 31 F: line +([-\d.]+), logistic ([\d.]+)", printed)
    assert found
    assert found[2] == f"{float(probability_31):.4f}"
    assert float(found[1]) > 1  # the line's "probability" leaves [0, 1]
    found = re.search(r"at 81 F: line +([-\d.]+)", printed)
    assert found
    assert float(found[1]) < 0  # "dropping below 0 at the warm end of the data"
    found = re.search(r"grow by a factor ([\d.]+)", printed)
    assert found
    assert found[1] == f"{float(mp.exp(-b1)):.3f}"


def test_logistic_regression_prose_matches_the_data() -> None:
    result = run_example(REGRESSION)
    temperature, damaged = result["temperature"], result["damaged"]
    text = prose(REGRESSION)
    found = re.search(
        r"at a temperature of (\d+) °F, (\d+) earlier launches had flown at "
        r"(\d+) °F to (\d+) °F, and on (\d+) of them",
        text,
    )
    assert found
    assert int(found[2]) == temperature.size
    assert (int(found[3]), int(found[4])) == (temperature.min(), temperature.max())
    assert int(found[5]) == damaged.sum()
    launch = int(found[1])
    found = re.search(r"more than (\d+) °F below the coldest launch", text)
    assert found
    assert temperature.min() - launch > int(found[1])
    found = re.search(r"every launch below (\d+) °F had been damaged", text)
    assert found
    assert damaged[temperature < int(found[1])].all()
