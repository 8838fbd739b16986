"""The plugin host: builds the pluggy manager and offers one typed method per hook.

Core code never calls ``pm.hook.*`` directly; it asks the :class:`PluginHost` (from
:func:`get_host`) for checks, exporters, templates and so on. Built-in features and the
bundled sector plugins are found through the same ``migsdg`` entry-point group as
third-party packages.

A plugin that fails to import, or raises inside a hook, is recorded with its name and the
reason and left out; everything else keeps working. ``MIGSDG_DISABLE_PLUGINS=a,b`` blocks
plugins by name.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from importlib import metadata
from typing import Any, TypeVar

import attrs
import pluggy

from migsdg import hookspecs
from migsdg.errors import PluginError

__all__ = [
    "DISABLE_ENV",
    "PluginFailure",
    "PluginHost",
    "PluginInfo",
    "get_host",
    "get_plugin_manager",
    "reset_host",
]

DISABLE_ENV = "MIGSDG_DISABLE_PLUGINS"
ENTRY_POINT_GROUP = hookspecs.PROJECT_NAME
T = TypeVar("T")


@attrs.frozen(kw_only=True)
class PluginFailure:
    plugin: str
    reason: str
    stage: str  # "import" or the hook name


@attrs.frozen(kw_only=True)
class PluginInfo:
    name: str
    module: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]


def disabled_plugins() -> set[str]:
    raw = os.environ.get(DISABLE_ENV, "")
    return {p.strip() for p in raw.split(",") if p.strip()}


def get_plugin_manager(
    *,
    entry_points: Iterable[metadata.EntryPoint] | None = None,
    failures: list[PluginFailure] | None = None,
    dists: dict[str, tuple[str | None, str | None]] | None = None,
) -> pluggy.PluginManager:
    """A new plugin manager with every ``migsdg`` entry-point plugin that imports.

    Import failures are appended to ``failures`` (when given) instead of raised. A hook
    implementation whose name matches no spec raises :class:`PluginError`
    (``check_pending``): a misspelled hook must fail loudly, not be silently ignored.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    blocked = disabled_plugins()
    for name in blocked:
        pm.set_blocked(name)
    eps = (
        list(entry_points)
        if entry_points is not None
        else list(metadata.entry_points(group=ENTRY_POINT_GROUP))
    )
    seen: set[str] = set()
    for ep in sorted(eps, key=lambda e: (e.name != "core", e.name)):
        if ep.name in blocked or ep.name in seen:
            continue
        seen.add(ep.name)
        try:
            plugin = ep.load()
        except Exception as exc:
            if failures is not None:
                failures.append(PluginFailure(plugin=ep.name, reason=_reason(exc), stage="import"))
            continue
        pm.register(plugin, name=ep.name)
        if dists is not None:
            dist = getattr(ep, "dist", None)
            dists[ep.name] = (
                getattr(dist, "name", None),
                getattr(dist, "version", None),
            )
    if "core" not in seen and "core" not in blocked:
        # Running from a source tree without installed metadata: the core still works.
        pm.register(importlib.import_module("migsdg._builtin"), name="core")
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(getattr(exc, "plugin_name", "?"), str(exc)) from None
    return pm


def _reason(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


class PluginHost:
    """A typed facade over the plugin manager. Each ``*()`` method calls its hook once,
    per plugin, and caches the result."""

    def __init__(
        self,
        pm: pluggy.PluginManager | None = None,
        *,
        failures: list[PluginFailure] | None = None,
        dists: dict[str, tuple[str | None, str | None]] | None = None,
    ) -> None:
        self.failures: list[PluginFailure] = list(failures or [])
        self._dists = dists if dists is not None else {}
        if pm is None:
            pm = get_plugin_manager(failures=self.failures, dists=self._dists)
        self.pm = pm
        self._cache: dict[str, Any] = {}
        self._warned = False

    # -- generic collection -------------------------------------------------------------

    def _collect(
        self,
        hook_name: str,
        kind: type[T],
        key: Callable[[T], str],
    ) -> dict[str, T]:
        """Call ``hook_name`` on each plugin with a ``register`` bound to that plugin.

        Objects must be instances of ``kind``; a second object with a key already taken
        is refused naming both plugins. A plugin that raises is recorded as failed and
        what it registered in that call is dropped.
        """
        if hook_name in self._cache:
            cached: dict[str, T] = self._cache[hook_name]
            return cached
        found: dict[str, T] = {}
        owner: dict[str, str] = {}
        hook = getattr(self.pm.hook, hook_name)
        for impl in hook.get_hookimpls():  # in registration order
            plugin = impl.plugin_name
            mine: dict[str, T] = {}

            def register(obj: Any, _plugin: str = plugin, _mine: dict[str, T] = mine) -> None:
                if not isinstance(obj, kind):
                    raise PluginError(
                        _plugin,
                        f"{hook_name} registered {type(obj).__name__}, not {kind.__name__}",
                    )
                if hasattr(obj, "plugin") and attrs.has(type(obj)):
                    obj = attrs.evolve(obj, plugin=_plugin)  # type: ignore[misc]
                k = key(obj)
                if k in owner or k in _mine:
                    first = owner.get(k, _plugin)
                    raise PluginError(
                        _plugin,
                        f"{k!r} is already registered by plugin {first!r}",
                    )
                _mine[k] = obj

            try:
                impl.function(register=register)
            except PluginError as exc:
                self.failures.append(
                    PluginFailure(plugin=plugin, reason=exc.reason, stage=hook_name)
                )
                continue
            except Exception as exc:
                self.failures.append(
                    PluginFailure(plugin=plugin, reason=_reason(exc), stage=hook_name)
                )
                continue
            for k, obj in mine.items():
                owner[k] = plugin
                found[k] = obj
        self._cache[hook_name] = found
        return found

    # -- typed hooks ----------------------------------------------------------------------

    def checks(self) -> Any:
        """All registered check rules as a :class:`~migsdg.checks.RuleSet`."""
        from migsdg.checks import Rule, RuleSet

        rules = self._collect("migsdg_register_checks", Rule, lambda r: r.code)
        return RuleSet(rules.values())

    def exporters(self) -> dict[str, Any]:
        from migsdg.exporters import Exporter

        return self._collect("migsdg_register_exporters", Exporter, lambda e: e.name)

    def funding_sources(self) -> dict[str, Any]:
        from migsdg.model import FundingSource

        return self._collect("migsdg_register_funding_sources", FundingSource, lambda s: s.id)

    def intervention_types(self) -> dict[str, Any]:
        from migsdg.templates import InterventionSubtype

        return self._collect(
            "migsdg_register_intervention_types", InterventionSubtype, lambda t: t.id
        )

    def templates(self) -> dict[str, Any]:
        from migsdg.templates import InterventionTemplate

        return self._collect(
            "migsdg_register_intervention_templates", InterventionTemplate, lambda t: t.id
        )

    # -- introspection --------------------------------------------------------------------

    def plugins(self) -> list[PluginInfo]:
        out = []
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            dist, version = self._dists.get(name, (None, None))
            hooks = tuple(sorted(h.name for h in (self.pm.get_hookcallers(plugin) or ())))
            out.append(
                PluginInfo(
                    name=name,
                    module=getattr(plugin, "__name__", type(plugin).__name__),
                    distribution=dist,
                    version=version,
                    hooks=hooks,
                )
            )
        return sorted(out, key=lambda p: p.name)

    def load_all(self) -> None:
        """Call every hook once, so that failures inside hooks are known."""
        self.checks()
        self.exporters()
        self.funding_sources()
        self.intervention_types()
        self.templates()

    def warn_failures(self, stream: Any = None) -> None:
        """Print each plugin failure once to stderr (the CLI calls this)."""
        if self._warned or not self.failures:
            return
        self._warned = True
        stream = stream or sys.stderr
        for f in self.failures:
            print(
                f"migsdg: warning: plugin {f.plugin!r} failed ({f.stage}): {f.reason}",
                file=stream,
            )


_HOST: PluginHost | None = None


def get_host() -> PluginHost:
    """The process-wide plugin host, built on first use."""
    global _HOST
    if _HOST is None:
        _HOST = PluginHost()
    return _HOST


def reset_host() -> None:
    """Forget the process-wide host (after installing plugins, or in tests)."""
    global _HOST
    _HOST = None
