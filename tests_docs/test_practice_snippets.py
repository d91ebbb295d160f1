"""The NumPy, SciPy and sigmoid snippets of the "What to use in practice" page.

Each snippet turns the same five scores into probabilities and a binary
cross-entropy; both are checked against mpmath at 50 digits. The torch, JAX
and scikit-learn snippets need those frameworks and run in ``nox -s
frameworks`` (tests_frameworks/). ``snippets.py`` runs them for both.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from reference import mp_sigmoid, reference
from snippets import (
    LABELS,
    SCORES,
    mp_cross_entropy,
    run_snippet,
    run_snippet_as_script,
)

NAMES = ["numpy", "scipy", "sigmoid"]
# sigmoid() states 2.5 ULP in float64; the others are checked against the same.
ULP_BOUND = 2.5 * 2.0**-52


@pytest.mark.parametrize("name", NAMES)
def test_snippet_uses_the_page_inputs(name: str) -> None:
    namespace = run_snippet(name)
    np.testing.assert_array_equal(namespace["x"], SCORES)
    np.testing.assert_array_equal(namespace["y"], LABELS)


@pytest.mark.parametrize("name", NAMES)
def test_snippet_probabilities_match_mpmath(name: str) -> None:
    p = run_snippet(name)["p"]
    assert p.dtype == np.float64
    np.testing.assert_allclose(p, reference(mp_sigmoid, SCORES), rtol=ULP_BOUND, atol=0)


@pytest.mark.parametrize("name", NAMES)
def test_snippet_loss_stays_finite_for_a_badly_wrong_score(name: str) -> None:
    # The fifth score, 1000 with label 0, alone adds 1000 / 5 to the mean;
    # a loss computed from p would take log(1 - 1) = -inf there.
    loss = run_snippet(name)["loss"]
    np.testing.assert_allclose(loss, mp_cross_entropy(SCORES, LABELS), rtol=1e-15)
    assert loss > 200


@pytest.mark.parametrize("name", ["scipy", "sigmoid"])
def test_snippet_logit_recovers_the_scores(name: str) -> None:
    np.testing.assert_allclose(run_snippet(name)["scores"], SCORES[1:4], atol=1e-15)


def test_sigmoid_snippet_keeps_float32() -> None:
    assert run_snippet("sigmoid")["p32"].dtype == np.float32


@pytest.mark.parametrize("name", NAMES)
def test_snippet_runs_as_a_script_and_prints_its_result(
    name: str, tmp_path: Path
) -> None:
    result = run_snippet_as_script(name, tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "200.18940064" in result.stdout
    assert "inf" not in result.stdout
    assert "nan" not in result.stdout
