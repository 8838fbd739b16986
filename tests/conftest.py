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


@pytest.fixture(params=["calamine", pytest.param("openpyxl", marks=pytest.mark.slow)])
def excel_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test once through each workbook reader: python-calamine (where installed)
    and openpyxl. Both must give the same plans and the same problems. The fast test set
    runs the calamine path only (which still hands unusual files to openpyxl)."""
    from migsdg.excel import reader

    if request.param == "calamine":
        pytest.importorskip("python_calamine")
    monkeypatch.setattr(reader, "FAST_READER", request.param == "calamine")
    return str(request.param)
