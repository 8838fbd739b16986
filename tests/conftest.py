from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from importlib import metadata

import pytest
from hypothesis import settings

from migsdg import plugins
from migsdg.plugins import reset_host

#: Hypothesis profiles. "full" (the default, what ``pytest -q`` and CI run) draws
#: hypothesis' usual number of examples; "fast" a tenth of them, and is what the fast
#: set (``pytest -m "not slow"``, ``nox -s tests``) runs with unless a profile is named
#: (``--hypothesis-profile=full``). Tests that set their own count scale it alike through
#: ``strategies.examples``.
settings.register_profile("full", max_examples=100)
settings.register_profile("fast", max_examples=10)


def pytest_configure(config: pytest.Config) -> None:
    fast_set = "not slow" in (config.getoption("markexpr", "") or "")
    if config.getoption("hypothesis_profile", None) is None:
        settings.load_profile("fast" if fast_set else "full")


_DISCOVERED: dict[object, list[metadata.EntryPoint]] = {}


def _discover_once() -> Iterator[metadata.EntryPoint]:
    """The installed entry points, read once for each ``sys.path`` (a test installing a
    plugin package puts a new directory on it) and each ``importlib.metadata`` function (a
    test may replace it). Each test builds its own plugin host; reading every installed
    distribution's metadata anew for each of them cost the suite about 10 s of CPU."""
    key = (tuple(sys.path), metadata.entry_points)
    found = _DISCOVERED.get(key)
    if found is None:
        found = _DISCOVERED[key] = []
        for ep in metadata.entry_points(group=plugins.ENTRY_POINT_GROUP):
            dist = getattr(ep, "dist", None)
            read = metadata.EntryPoint(name=ep.name, value=ep.value, group=ep.group)
            if dist is not None:  # what the host reports of it, read once
                known = types.SimpleNamespace(name=dist.name, version=dist.version)
                vars(read).update(dist=known)
            found.append(read)
    return iter(found)


@pytest.fixture(autouse=True, scope="session")
def _discovery_read_once() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plugins, "_discover", _discover_once)
        yield


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


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave what collection built out of the cyclic garbage collector's full passes.

    The collected tests, their parameters and the imported modules stay alive for the
    whole run, and each full collection walked all of them again: a fifth of the fast
    set's CPU time. Frozen once collected (what is garbage by then collected first), they
    are never walked again; what the tests themselves make is collected as before.
    """
    import gc

    gc.collect()
    gc.freeze()
