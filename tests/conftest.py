"""Fixtures and settings shared by the tests."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import settings

# Hypothesis fails an example that takes over 200 ms by default. These tests
# measure results, not speed (speed is for benchmarks/), and the machines that
# run them are shared: a busy core must not fail a correct result.
settings.register_profile("sigmoid", deadline=None)
settings.load_profile("sigmoid")


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(12345)
