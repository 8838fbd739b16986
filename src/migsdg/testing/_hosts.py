"""Plugin hosts for tests: made from given plugins, with or without the installed ones,
and made the process-wide host for as long as a test needs it."""

from __future__ import annotations

import contextlib
import os
import sys
import types
from collections.abc import Iterable, Iterator, Mapping
from importlib import metadata

from migsdg.errors import PluginError, UnknownCodeError
from migsdg.plugins import (
    DISABLE_ENV,
    ENTRY_POINT_GROUP,
    RESERVED_NAMES,
    PluginHost,
    disabled_plugins,
    using_host,
)

__all__ = ["load_installed_plugin", "make_host", "plugin_name", "using_host"]

#: Failure stages that mean a plugin could not be registered at all.
_LOAD_STAGES = ("import", "validation")


def _installed() -> list[metadata.EntryPoint]:
    return list(metadata.entry_points(group=ENTRY_POINT_GROUP))


def plugin_name(plugin: object) -> str:
    """The name ``plugin`` (a module or object with hook implementations) goes by: the
    entry-point name it is installed under, else the last part of its module name."""
    if isinstance(plugin, types.ModuleType):
        module = plugin.__name__
        for ep in _installed():
            if ep.value == module:
                return ep.name
        return module.rsplit(".", 1)[-1]
    return str(getattr(plugin, "__name__", None) or type(plugin).__name__)


def load_installed_plugin(name: str) -> object:
    """The plugin installed under the entry-point name ``name``, imported.

    :raises UnknownCodeError: no installed plugin has this name (with suggestions).
    """
    found = {ep.name: ep for ep in _installed()}
    if name not in found:
        import difflib

        near = difflib.get_close_matches(name, list(found), n=3, cutoff=0.5)
        raise UnknownCodeError("installed plugin", name, near)
    loaded: object = found[name].load()
    return loaded


def _importable(plugin: object) -> str | None:
    """The module name ``plugin`` can be imported by, if it is an importable module."""
    if not isinstance(plugin, types.ModuleType):
        return None
    name = plugin.__name__
    return name if sys.modules.get(name) is plugin else None


def make_host(
    plugins: Mapping[str, object] | None = None,
    *,
    installed: bool = False,
    core: bool = True,
) -> PluginHost:
    """A plugin host with exactly ``plugins`` (name → module or object with hook
    implementations), isolated from whatever else is installed.

    With ``installed``, the installed plugins join them, found through the ``migsdg``
    entry points as ``migsdg`` itself finds them (``MIGSDG_DISABLE_PLUGINS`` applies to
    them, not to the plugins given); a given plugin replaces an installed one of the same
    name or module. The names of the core and of the bundled plugins are reserved (a
    given plugin under one of them raises :class:`PluginError`). The core plugin is always
    there unless ``core=False`` (and ``installed`` is not set).

    Nothing is called yet: hooks run when the host is first asked for templates, checks
    and so on, and a plugin raising in a hook is recorded in :attr:`PluginHost.failures`
    (see :func:`check_plugin_contract`, which reports them).

    :raises PluginError: a given plugin cannot be registered: a hook implementation
        matches no hook (a misspelling) or takes an argument the hook does not have.
    """
    given = dict(plugins or {})
    if not installed:
        return PluginHost.from_plugins(given, core=core)
    modules = {_importable(p) for p in given.values()} - {None}
    entry_points = [ep for ep in _installed() if ep.name not in given and ep.value not in modules]
    # The given plugins are found like installed ones, so the host knows them all alike.
    with _handed_over(given) as values, _unblocked(given):
        for name, value in values.items():
            if RESERVED_NAMES.get(name, value) != value:
                raise PluginError(name, f"the name {name!r} is reserved for migsdg's own plugin")
        entry_points += [
            metadata.EntryPoint(name=name, value=values[name], group=ENTRY_POINT_GROUP)
            for name in given
        ]
        host = PluginHost(entry_points=entry_points)
    for failure in host.failures:
        if failure.plugin in given and failure.stage in _LOAD_STAGES:
            raise PluginError(failure.plugin, failure.reason)
    return host


_HANDOVER = "migsdg.testing._handover"


@contextlib.contextmanager
def _handed_over(plugins: Mapping[str, object]) -> Iterator[dict[str, str]]:
    """An entry-point value for each plugin: its module name if it is an importable
    module, else an attribute of a module made for the purpose (while the block lasts)."""
    holder = sys.modules.setdefault(_HANDOVER, types.ModuleType(_HANDOVER))
    values: dict[str, str] = {}
    placed: list[str] = []
    for name, plugin in plugins.items():
        module = _importable(plugin)
        if module is None:
            attr = f"plugin_{len(vars(holder))}_{len(placed)}"
            setattr(holder, attr, plugin)
            placed.append(attr)
            module = f"{_HANDOVER}:{attr}"
        values[name] = module
    try:
        yield values
    finally:
        for attr in placed:
            delattr(holder, attr)


@contextlib.contextmanager
def _unblocked(names: Iterable[str]) -> Iterator[None]:
    """``MIGSDG_DISABLE_PLUGINS`` without ``names`` while the block lasts."""
    raw = os.environ.get(DISABLE_ENV)
    blocked = disabled_plugins()
    if raw is None or not blocked & set(names):
        yield
        return
    os.environ[DISABLE_ENV] = ",".join(sorted(blocked - set(names)))
    try:
        yield
    finally:
        os.environ[DISABLE_ENV] = raw
