from __future__ import annotations

import pytest

from migsdg.plugins import reset_host


@pytest.fixture(autouse=True)
def _fresh_plugin_host(monkeypatch: pytest.MonkeyPatch):
    """Each test sees a plugin host built for it (environment changes take effect)."""
    monkeypatch.delenv("MIGSDG_DISABLE_PLUGINS", raising=False)
    reset_host()
    yield
    reset_host()
