"""Plugin hosts for tests: made from given plugins, with or without the installed ones,
and made the process-wide host for as long as a test needs it."""

from __future__ import annotations

import contextlib
import sys
import types
from collections.abc import Iterator, Mapping
from importlib import metadata

from migsdg.errors import PluginError, UnknownCodeError
from migsdg.plugins import (
    ENTRY_POINT_GROUP,
    PluginHost,
    host_if_built,
    set_host,
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
    entry points as ``migsdg`` itself finds them (``MIGSDG_DISABLE_PLUGINS`` applies);
    a given plugin replaces an installed one of the same name or module. The core plugin
    is always there unless ``core=False`` (and ``installed`` is not set).

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
    others: dict[str, object] = {}
    for name, plugin in given.items():
        module = _importable(plugin)
        if module is None:
            others[name] = plugin
        else:
            entry_points.append(
                metadata.EntryPoint(name=name, value=module, group=ENTRY_POINT_GROUP)
            )
    host = PluginHost(entry_points=entry_points)
    for failure in host.failures:
        if failure.plugin in given and failure.stage in _LOAD_STAGES:
            raise PluginError(failure.plugin, failure.reason)
    if others:
        _register(host, others)
    return host


def _register(host: PluginHost, plugins: Mapping[str, object]) -> None:
    """Register plugin objects that cannot be imported by name on a built host."""
    import pluggy

    for name, plugin in plugins.items():
        try:
            host.pm.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(name, str(exc).strip()) from None
        except ValueError as exc:  # the same object under another name, or the name taken
            raise PluginError(name, str(exc).splitlines()[0]) from None
    try:
        # The tolerant loader has already left out installed plugins with misspelled
        # hooks, so anything pending belongs to the plugins registered here.
        host.pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(host.pm.get_name(exc.plugin) or "?", str(exc).strip()) from None


@contextlib.contextmanager
def using_host(host: PluginHost) -> Iterator[PluginHost]:
    """Make ``host`` the process-wide plugin host (what ``migsdg.check``,
    ``migsdg.export`` and the command line use) inside a ``with`` block, and put back the
    previous one afterwards."""
    previous = host_if_built()
    set_host(host)
    try:
        yield host
    finally:
        set_host(previous)
