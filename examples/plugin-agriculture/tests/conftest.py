"""The plugin under test, for migsdg's fixtures (``migsdg_host`` and friends come from
the pytest plugin that migsdg installs)."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

import migsdg_agriculture


@pytest.fixture
def migsdg_plugins() -> Mapping[str, object]:
    return {"agriculture": migsdg_agriculture}
