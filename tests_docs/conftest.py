"""Settings shared by the tests of what the site shows."""

from __future__ import annotations

from hypothesis import settings

# As in tests/conftest.py: these tests measure results, not speed, on shared
# machines, so Hypothesis's 200 ms deadline per example is off.
settings.register_profile("sigmoid", deadline=None)
settings.load_profile("sigmoid")
