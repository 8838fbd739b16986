"""migsdg's pytest plugin: fixtures for testing migsdg plugins.

Registered through the ``pytest11`` entry point of the ``migsdg`` distribution, so the
fixtures are available wherever migsdg is installed (``-p no:migsdg`` turns them off).
Loading it costs about as much as ``import migsdg``; no plugin is loaded and no plan read
until a fixture is used.

Tell the fixtures which plugins to load by overriding ``migsdg_plugins`` in a
``conftest.py``::

    import pytest
    import migsdg_agriculture

    @pytest.fixture
    def migsdg_plugins():
        return {"agriculture": migsdg_agriculture}

and use ``migsdg_host`` in a test: it is the process-wide host while the test runs, so
``migsdg.check``, ``migsdg.export`` and the command line see exactly those plugins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack

import pytest

from migsdg.model import ActionPlan
from migsdg.plugins import PluginHost
from migsdg.testing import make_host, minimal_plan, sample_plan, using_host

__all__ = [
    "migsdg_host",
    "migsdg_make_host",
    "migsdg_minimal_plan",
    "migsdg_plugins",
    "migsdg_sample_plan",
]

MakeHost = Callable[..., PluginHost]


@pytest.fixture
def migsdg_plugins() -> Mapping[str, object]:
    """The plugins ``migsdg_host`` is made of, by name (override it in a conftest.py;
    by default none, so the host has the core alone)."""
    return {}


@pytest.fixture
def migsdg_make_host() -> Iterator[MakeHost]:
    """A factory: ``migsdg_make_host(plugins, installed=False, core=True)`` makes a host
    (see :func:`migsdg.testing.make_host`) and makes it the process-wide host until the
    test ends, when the previous one is put back. Call it again to switch hosts."""
    with ExitStack() as stack:

        def make(
            plugins: Mapping[str, object] | None = None,
            *,
            installed: bool = False,
            core: bool = True,
        ) -> PluginHost:
            host = make_host(plugins, installed=installed, core=core)
            stack.enter_context(using_host(host))
            return host

        yield make


@pytest.fixture
def migsdg_host(migsdg_make_host: MakeHost, migsdg_plugins: Mapping[str, object]) -> PluginHost:
    """A host with the core and the plugins of ``migsdg_plugins`` only, made the
    process-wide host for the test."""
    return migsdg_make_host(migsdg_plugins)


@pytest.fixture
def migsdg_sample_plan() -> ActionPlan:
    """The national example plan (loaded once per process and shared: plans are
    immutable)."""
    return sample_plan("national")


@pytest.fixture
def migsdg_minimal_plan() -> ActionPlan:
    """The smallest plan the core checks find no error in
    (:func:`migsdg.testing.minimal_plan`)."""
    return minimal_plan()
