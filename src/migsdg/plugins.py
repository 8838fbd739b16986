"""The plugin host: builds the pluggy manager and offers one typed method per hook.

Core code never calls ``pm.hook.*`` directly; it asks the :class:`PluginHost` (from
:func:`get_host`) for checks, exporters, templates and so on. Built-in features (the
``core`` plugin) and the bundled sector plugins are found through the same ``migsdg``
entry-point group as third-party packages.

Failure handling, so that one broken plugin never stops the rest:

* a plugin that fails to import, or whose hook implementations do not match the specs
  (a misspelled hook name, an argument the spec does not have), is recorded as a
  :class:`PluginFailure` with its name and the reason, and left out;
* a plugin that raises inside a hook, or registers something invalid or already taken,
  is recorded the same way and what it registered in that hook is dropped;
* ``MIGSDG_DISABLE_PLUGINS=a,b`` blocks plugins by name (the way out when a plugin
  misbehaves).

What belongs to whom, whatever order plugins are found in:

* the names ``core`` and those of the sector plugins bundled in :mod:`migsdg_plugins` are
  reserved: an entry point of another package claiming one is refused and named, and the
  real plugin loads;
* the core and the bundled plugins register first, in a fixed order (the core, then the
  bundled plugins by name), then every other plugin by name;
* a template or intervention-type id's namespace (``health.`` in ``health.who-code``)
  belongs to the plugin of that name, or else to the first plugin that uses it; a check
  code's letters (``HLT``) belong to the core or the bundled plugin that declares them
  (:data:`RESERVED_PREFIXES`), or else to the first plugin that uses them. Names,
  namespaces and prefixes of the core and the bundled plugins stay theirs when they are
  turned off with ``MIGSDG_DISABLE_PLUGINS``. Another plugin registering in them is
  refused for that item, named, and the owner keeps everything.

Plugin code runs behind :func:`migsdg._guard.plugin_code`: what it prints goes to
stderr, and ``sys.exit`` or ``KeyboardInterrupt`` in it is that plugin's failure (a real
Ctrl-C from the user still stops the program).

:func:`get_plugin_manager` is the strict factory for programs and tests: there the same
problems raise :class:`~migsdg.errors.PluginError` (a misspelled hook fails loudly,
``check_pending``). The host used by the command line is tolerant and reports failures
instead (``migsdg plugins``, and a warning on stderr).
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import importlib
import importlib.util
import os
import pkgutil
import re
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import metadata
from typing import IO, Any, TypeVar

import attrs
import pluggy

from migsdg import hookspecs
from migsdg._guard import contain, describe, plugin_code
from migsdg._version import __version__
from migsdg.checks import CORE_CODE_PREFIXES, Rule, RuleSet
from migsdg.errors import PluginError, UnknownCodeError
from migsdg.exporters import Exporter
from migsdg.model import FundingSource, Intervention
from migsdg.sections import PlanSection, SectionFailure
from migsdg.templates import InterventionSubtype, InterventionTemplate, template_problems

__all__ = [
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "HOOK_KINDS",
    "RESERVED_NAMES",
    "RESERVED_PREFIXES",
    "PluginFailure",
    "PluginHost",
    "PluginInfo",
    "disabled_plugins",
    "get_host",
    "get_plugin_manager",
    "host_if_built",
    "reset_host",
    "set_host",
    "using_host",
]

DISABLE_ENV = "MIGSDG_DISABLE_PLUGINS"
ENTRY_POINT_GROUP = hookspecs.PROJECT_NAME
CORE = "core"
BUNDLED_PACKAGE = "migsdg_plugins"


def _bundled_modules() -> dict[str, str]:
    """Plugin name → module of the core and of every sector plugin bundled in
    :mod:`migsdg_plugins` (each subpackage is one; found without importing them)."""
    found = {CORE: "migsdg._builtin"}
    spec = importlib.util.find_spec(BUNDLED_PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        for info in pkgutil.iter_modules(list(spec.submodule_search_locations)):
            if info.ispkg and not info.name.startswith("_"):
                found[info.name] = f"{BUNDLED_PACKAGE}.{info.name}"
    return found


#: Names no third-party plugin may take, each with the only module allowed to use it:
#: ``core`` and the sector plugins bundled with migsdg.
RESERVED_NAMES: Mapping[str, str] = _bundled_modules()


def _reserved_prefixes() -> dict[str, str]:
    """Check-code prefix → plugin, for the core and the bundled plugins: declared in
    :data:`migsdg.checks.CORE_CODE_PREFIXES` and ``migsdg_plugins.CODE_PREFIXES``, so
    known without importing a plugin (one that is turned off keeps its prefix)."""
    found = dict.fromkeys(CORE_CODE_PREFIXES, CORE)
    if len(RESERVED_NAMES) > 1:  # the bundled package is installed
        declared = importlib.import_module(BUNDLED_PACKAGE).CODE_PREFIXES
        found.update({prefix: name for name, prefix in declared.items() if name in RESERVED_NAMES})
    return found


#: The check-code prefixes no third-party plugin may use, each with its plugin.
RESERVED_PREFIXES: Mapping[str, str] = _reserved_prefixes()

#: Each hook, and the short name used for what it registers (``migsdg plugins``).
HOOK_KINDS: dict[str, str] = {
    "migsdg_register_intervention_types": "intervention_types",
    "migsdg_register_intervention_templates": "templates",
    "migsdg_register_checks": "checks",
    "migsdg_register_funding_sources": "funding_sources",
    "migsdg_register_exporters": "exporters",
    "migsdg_register_sections": "sections",
}

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")
_PREFIX = re.compile(r"^[A-Z]+")

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class PluginFailure:
    """A plugin that could not be used, or a hook of it that failed."""

    plugin: str
    reason: str
    stage: str  # "import", "validation" or the name of the hook that failed

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} failed ({self.stage}): {self.reason}"


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What ``migsdg plugins`` shows for one plugin."""

    name: str
    module: str
    distribution: str | None
    version: str | None
    status: str  # "ok", "failed" (see ``failures``) or "disabled"
    hooks: tuple[str, ...] = ()
    registered: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    failures: tuple[PluginFailure, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "module": self.module,
            "distribution": self.distribution,
            "version": self.version,
            "status": self.status,
            "hooks": list(self.hooks),
            "registered": dict(self.registered),
            "failures": [{"stage": f.stage, "reason": f.reason} for f in self.failures],
        }


@attrs.frozen(kw_only=True)
class _Origin:
    module: str
    distribution: str | None = None
    version: str | None = None


@attrs.define
class _Loaded:
    pm: pluggy.PluginManager
    failures: list[PluginFailure] = attrs.field(factory=list)
    origins: dict[str, _Origin] = attrs.field(factory=dict)
    disabled: dict[str, _Origin] = attrs.field(factory=dict)


def disabled_plugins() -> set[str]:
    """Plugin names blocked by ``MIGSDG_DISABLE_PLUGINS`` (comma-separated)."""
    raw = os.environ.get(DISABLE_ENV, "")
    return {p.strip() for p in raw.split(",") if p.strip()}


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    return pm


def _reason(exc: BaseException) -> str:
    if not isinstance(exc, Exception):
        return describe(exc)
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


def _load_order(name: str) -> tuple[int, str]:
    """The core first, then the bundled plugins, then every other plugin, each by name."""
    return (0 if name == CORE else 1 if name in RESERVED_NAMES else 2, name)


def _origin(ep: metadata.EntryPoint) -> _Origin:
    dist = getattr(ep, "dist", None)
    return _Origin(
        module=ep.value,
        distribution=getattr(dist, "name", None),
        version=getattr(dist, "version", None),
    )


def _load(entry_points: Iterable[metadata.EntryPoint] | None, *, strict: bool) -> _Loaded:
    """Import and register every entry-point plugin; see the module docstring."""
    loaded = _Loaded(pm=_new_manager())
    pm = loaded.pm

    def fail(name: str, reason: str, stage: str) -> None:
        if strict:
            raise PluginError(name, reason)
        loaded.failures.append(PluginFailure(plugin=name, reason=reason, stage=stage))

    blocked = disabled_plugins()
    eps = list(entry_points if entry_points is not None else _discover())
    first: dict[str, metadata.EntryPoint] = {}
    for ep in eps:
        reserved = RESERVED_NAMES.get(ep.name)
        if reserved is not None and ep.value != reserved:
            other = _origin(ep)
            who = other.distribution or ep.value
            loaded.failures.append(
                PluginFailure(
                    plugin=who,
                    reason=f"claims the plugin name {ep.name!r}, which is reserved for "
                    f"migsdg's own plugin ({reserved}); {ep.value} is not loaded",
                    stage="import",
                )
            )
            if strict:
                raise PluginError(who, loaded.failures[-1].reason)
            continue
        if ep.name in first:
            other = _origin(first[ep.name])
            fail(
                ep.name,
                f"another plugin named {ep.name!r} is already installed "
                f"(from {other.distribution or other.module}); this one ({ep.value}) is "
                "ignored",
                "import",
            )
            continue
        first[ep.name] = ep
    if CORE not in first:
        # Running from a source tree without installed metadata: the core still works.
        first[CORE] = metadata.EntryPoint(
            name=CORE, value=RESERVED_NAMES[CORE], group=ENTRY_POINT_GROUP
        )
    for name in sorted(first, key=_load_order):
        ep = first[name]
        origin = _origin(ep)
        if name in RESERVED_NAMES and origin.distribution is None:
            origin = attrs.evolve(origin, distribution="migsdg", version=__version__)
        if name in blocked:
            loaded.disabled[name] = origin
            continue
        loaded.origins[name] = origin
        with plugin_code():
            try:
                plugin = ep.load()
            except BaseException as exc:
                if not contain(exc):
                    raise
                fail(name, _reason(exc), "import")
                continue
            try:
                pm.register(plugin, name=name)
            except pluggy.PluginValidationError as exc:
                fail(name, str(exc).strip(), "validation")
            except ValueError as exc:  # the same object registered under two names
                fail(name, str(exc).splitlines()[0], "validation")
    _check_pending(loaded, fail)
    return loaded


def _discover() -> Iterator[metadata.EntryPoint]:
    yield from metadata.entry_points(group=ENTRY_POINT_GROUP)


def _check_pending(loaded: _Loaded, fail: Callable[[str, str, str], None]) -> None:
    """Leave out (or, strictly, refuse) plugins implementing hooks that have no spec."""
    pm = loaded.pm
    unknown: dict[str, list[str]] = {}
    plugins: dict[str, object] = {}
    for hook_name, caller in vars(pm.hook).items():
        if hook_name.startswith("_") or caller.has_spec():
            continue
        for impl in caller.get_hookimpls():
            if not impl.optionalhook:
                unknown.setdefault(impl.plugin_name, []).append(hook_name)
                plugins[impl.plugin_name] = impl.plugin
    known = list(HOOK_KINDS)
    for name, hooks in sorted(unknown.items()):
        parts = []
        for hook in sorted(hooks):
            near = difflib.get_close_matches(hook, known, n=1, cutoff=0.6)
            parts.append(f"{hook!r}" + (f" (did you mean {near[0]!r}?)" if near else ""))
        reason = (
            f"hook implementation {', '.join(parts)} matches no migsdg hook; "
            f"the hooks are: {', '.join(known)}"
        )
        pm.unregister(plugins[name])
        fail(name, reason, "validation")
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:  # pragma: no cover - caught above
        name = pm.get_name(exc.plugin) or "?"
        raise PluginError(name, str(exc)) from None


def _field_names(cls: type) -> set[str]:
    return {f.name for f in attrs.fields(cls)} if attrs.has(cls) else set()


def _prefix(code: str) -> str:
    match = _PREFIX.match(code)
    return match.group(0) if match else code


def get_plugin_manager(
    *, entry_points: Iterable[metadata.EntryPoint] | None = None
) -> pluggy.PluginManager:
    """A new plugin manager with every ``migsdg`` entry-point plugin (strict).

    ``entry_points`` replaces discovery (tests and embedding programs); the ``core``
    plugin is always added. Plugins blocked by ``MIGSDG_DISABLE_PLUGINS`` are skipped.

    :raises PluginError: a plugin fails to import, or implements a hook that matches no
        spec (a misspelling) or takes an argument the spec does not have.
    """
    return _load(entry_points, strict=True).pm


class PluginHost:
    """A typed facade over the plugin manager.

    Each collecting method (:meth:`checks`, :meth:`templates` …) calls its hook on each
    plugin once, with a ``register`` bound to that plugin, and caches the result. Build
    one with no arguments for the installed plugins (tolerant: failures are recorded in
    :attr:`failures`), or with :meth:`from_plugins` for an isolated set.
    """

    def __init__(
        self,
        pm: pluggy.PluginManager | None = None,
        *,
        entry_points: Iterable[metadata.EntryPoint] | None = None,
    ) -> None:
        if pm is None:
            loaded = _load(entry_points, strict=False)
        else:
            loaded = _Loaded(pm=pm)
            for name, plugin in pm.list_name_plugin():
                if plugin is not None:
                    loaded.origins[name] = _Origin(
                        module=getattr(plugin, "__name__", type(plugin).__name__)
                    )
        self.pm = loaded.pm
        self.failures: list[PluginFailure] = loaded.failures
        self._origins = loaded.origins
        self._disabled = loaded.disabled
        self._cache: dict[str, dict[str, Any]] = {}
        self._owners: dict[str, dict[str, str]] = {}
        self._namespaces: dict[str, str] = {}
        self._lock = threading.RLock()
        self._reported = 0

    @classmethod
    def from_plugins(cls, plugins: Mapping[str, object], *, core: bool = True) -> PluginHost:
        """A host with exactly these plugins (name → module or object), no discovery.

        With ``core`` the core plugin comes first, as in an installed migsdg. Hook
        implementations that match no spec raise :class:`PluginError`.
        """
        pm = _new_manager()
        if core:
            pm.register(importlib.import_module(RESERVED_NAMES[CORE]), name=CORE)
        # Bundled plugins first, as in an installed migsdg; the others in the order given.
        ordered = sorted(plugins, key=lambda n: n not in RESERVED_NAMES)
        for name in ordered:
            plugin = plugins[name]
            try:
                pm.register(plugin, name=name)
            except pluggy.PluginValidationError as exc:
                raise PluginError(name, str(exc).strip()) from None
        loaded = _Loaded(pm=pm)

        def fail(name: str, reason: str, stage: str) -> None:
            raise PluginError(name, reason)

        _check_pending(loaded, fail)
        return cls(pm)

    # -- generic collection -------------------------------------------------------------

    def _collect(
        self,
        hook_name: str,
        kind: type[T],
        key: Callable[[T], str],
        validate: Callable[[T, str, Mapping[str, T], Mapping[str, str]], None] | None = None,
    ) -> dict[str, T]:
        """Call ``hook_name`` on each plugin with a ``register`` bound to that plugin.

        Plugins are called in registration order (the core, the bundled plugins, then the
        others), whatever ``tryfirst``/``trylast`` their implementations ask for. Objects
        must be instances of ``kind``; one refused by ``validate`` or with a key already
        taken is refused alone, naming the plugin, and the plugin keeps the rest. A
        plugin that raises (even ``SystemExit`` or ``KeyboardInterrupt``) is recorded as
        failed and what it registered in that call is dropped.
        """
        with self._lock:
            if hook_name in self._cache:
                cached: dict[str, T] = self._cache[hook_name]
                return cached
            found = self._call_registering(hook_name, kind, key, validate)
            self._cache[hook_name] = found
            return found

    def _call_registering(
        self,
        hook_name: str,
        kind: type[T],
        key: Callable[[T], str],
        validate: Callable[[T, str, Mapping[str, T], Mapping[str, str]], None] | None,
    ) -> dict[str, T]:
        found: dict[str, T] = {}
        owner: dict[str, str] = {}
        self._owners[hook_name] = owner
        what = HOOK_KINDS[hook_name].replace("_", " ")[:-1]
        caller = getattr(self.pm.hook, hook_name)
        order = {name: i for i, (name, _) in enumerate(self.pm.list_name_plugin())}
        impls = sorted(caller.get_hookimpls(), key=lambda i: order.get(i.plugin_name, len(order)))
        for impl in impls:
            plugin = impl.plugin_name
            if impl.wrapper or impl.hookwrapper:
                self.failures.append(
                    PluginFailure(
                        plugin=plugin,
                        reason="registration hooks cannot be wrappers",
                        stage=hook_name,
                    )
                )
                continue
            mine: dict[str, T] = {}

            def register(obj: Any, _plugin: str = plugin, _mine: dict[str, T] = mine) -> None:
                try:
                    if not isinstance(obj, kind):
                        raise PluginError(
                            _plugin, f"registered a {type(obj).__name__}, not a {kind.__name__}"
                        )
                    if "plugin" in _field_names(type(obj)):
                        obj = attrs.evolve(obj, plugin=_plugin)  # type: ignore[misc]
                    k = key(obj)
                    if k in owner or k in _mine:
                        first = owner.get(k, _plugin)
                        raise PluginError(
                            _plugin, f"{what} {k!r} is already registered by plugin {first!r}"
                        )
                    if validate is not None:
                        validate(obj, _plugin, found, owner)
                except PluginError as exc:
                    # Refused alone: the plugin keeps what else it registers.
                    self.failures.append(
                        PluginFailure(plugin=_plugin, reason=exc.reason, stage=hook_name)
                    )
                    return
                _mine[k] = obj

            kwargs = {"register": register}
            with plugin_code():
                try:
                    impl.function(*[kwargs[a] for a in impl.argnames])
                except BaseException as exc:
                    if not contain(exc):
                        raise
                    reason = exc.reason if isinstance(exc, PluginError) else _reason(exc)
                    self.failures.append(
                        PluginFailure(plugin=plugin, reason=reason, stage=hook_name)
                    )
                    continue
            for k, obj in mine.items():
                owner[k] = plugin
                found[k] = obj
        return found

    def _check_namespace(self, what: str, item_id: str, plugin: str) -> None:
        """Refuse ``item_id`` if its namespace (``health.``) belongs to another plugin:
        the plugin of that name (bundled names are always reserved), or else the first
        plugin that used it."""
        namespace = item_id.split(".", 1)[0]
        if namespace in RESERVED_NAMES or namespace in self._origins:
            holder = namespace
        else:
            holder = self._namespaces.setdefault(namespace, plugin)
        if holder != plugin:
            raise PluginError(
                plugin,
                f"{what} {item_id!r}: the namespace {namespace!r} belongs to plugin "
                f"{holder!r}; use a namespace of your own",
            )

    # -- typed hooks ----------------------------------------------------------------------

    def checks(self) -> RuleSet:
        """All registered check rules. A rule-code prefix (``AP``, ``LAB``) belongs to the
        core or bundled plugin that declares it (:data:`RESERVED_PREFIXES`, turned off or
        not), or else to the first plugin that uses it; another plugin using it is
        refused."""

        def validate(
            r: Rule, plugin: str, found: Mapping[str, Rule], owner: Mapping[str, str]
        ) -> None:
            prefix = _prefix(r.code)
            holder = RESERVED_PREFIXES.get(prefix) or next(
                (p for c, p in owner.items() if _prefix(c) == prefix), plugin
            )
            if holder != plugin:
                raise PluginError(
                    plugin,
                    f"rule code {r.code}: the prefix {prefix!r} belongs to plugin "
                    f"{holder!r}; use a prefix of your own",
                )

        rules = self._collect("migsdg_register_checks", Rule, lambda r: r.code, validate)
        return RuleSet(rules.values())

    def exporters(self) -> dict[str, Exporter]:
        """Registered exporters by format name. A file suffix claimed by one plugin's
        exporter cannot be claimed by another plugin's."""

        def validate(
            e: Exporter, plugin: str, found: Mapping[str, Exporter], owner: Mapping[str, str]
        ) -> None:
            for suffix in e.suffixes:
                if not suffix.startswith("."):
                    raise PluginError(
                        plugin, f"exporter {e.name!r}: suffix {suffix!r} must start with '.'"
                    )
                for name, other in found.items():
                    if suffix.lower() in (s.lower() for s in other.suffixes):
                        raise PluginError(
                            plugin,
                            f"exporter {e.name!r}: suffix {suffix!r} is already claimed by "
                            f"exporter {name!r} of plugin {owner[name]!r}",
                        )

        return self._collect("migsdg_register_exporters", Exporter, lambda e: e.name, validate)

    def funding_sources(self) -> dict[str, FundingSource]:
        """Named funds by id; each is typed by one of the guide's four categories."""

        def validate(
            s: FundingSource, plugin: str, found: Mapping[str, Any], owner: Mapping[str, str]
        ) -> None:
            if s.category is None or not s.name.strip():
                raise PluginError(
                    plugin, f"funding source {s.id!r} needs a name and a funding category"
                )

        return self._collect(
            "migsdg_register_funding_sources", FundingSource, lambda s: s.id, validate
        )

    def intervention_types(self) -> dict[str, InterventionSubtype]:
        """Sector sub-types of the guide's six intervention types, by id."""

        def validate(
            t: InterventionSubtype, plugin: str, found: Mapping[str, Any], owner: Mapping[str, str]
        ) -> None:
            if not _ID.match(t.id) or not t.id.startswith(f"{t.sector}."):
                raise PluginError(
                    plugin,
                    f"intervention type id {t.id!r} must read '<sector>.<name>' in lower "
                    f"case with hyphens, starting with its sector {t.sector!r}",
                )
            if not t.name.strip():
                raise PluginError(plugin, f"intervention type {t.id!r} has no name")
            self._check_namespace("intervention type", t.id, plugin)

        return self._collect(
            "migsdg_register_intervention_types", InterventionSubtype, lambda t: t.id, validate
        )

    def templates(self) -> dict[str, InterventionTemplate]:
        """Intervention templates by id, each checked on registration (known SDG codes,
        GCM objectives, 10.7.2 domains, DAC codes, a registered sub-type of its type)."""
        subtypes = self.intervention_types()

        def validate(
            t: InterventionTemplate, plugin: str, found: Mapping[str, Any], owner: Mapping[str, str]
        ) -> None:
            # Whose the id is comes first: an item in another plugin's namespace is refused
            # as such, whether that plugin runs or is turned off.
            self._check_namespace("template", t.id, plugin)
            problems = template_problems(t, subtypes=subtypes)
            if problems:
                raise PluginError(plugin, f"template {t.id!r}: " + "; ".join(problems))

        return self._collect(
            "migsdg_register_intervention_templates",
            InterventionTemplate,
            lambda t: t.id,
            validate,
        )

    def sections(self) -> dict[str, PlanSection]:
        """Sections of the Word draft and the workbook by id, in registration order (the
        core's, the bundled plugins', then the others'); each id is in its plugin's own
        namespace."""

        def validate(
            section: PlanSection,
            plugin: str,
            found: Mapping[str, Any],
            owner: Mapping[str, str],
        ) -> None:
            self._check_namespace("section", section.id, plugin)
            if not section.title.strip():
                raise PluginError(plugin, f"section {section.id!r} has no title")
            if not callable(section.build):
                raise PluginError(plugin, f"section {section.id!r}: build is not callable")

        return self._collect("migsdg_register_sections", PlanSection, lambda s: s.id, validate)

    def section_failed(self, failures: Iterable[SectionFailure]) -> None:
        """Record sections that could not be built (each is its plugin's failure, listed
        by ``migsdg plugins`` and warned about once by the command line)."""
        with self._lock:
            for f in failures:
                failure = PluginFailure(
                    plugin=f.plugin, reason=f"{f.section!r}: {f.reason}", stage="section"
                )
                if failure not in self.failures:
                    self.failures.append(failure)

    def template(self, template_id: str) -> InterventionTemplate:
        """One template by id.

        :raises UnknownCodeError: no registered template has this id.
        """
        found = self.templates()
        try:
            return found[template_id]
        except KeyError:
            near = difflib.get_close_matches(template_id, list(found), n=3, cutoff=0.5)
            raise UnknownCodeError("template", template_id, near) from None

    def template_of(self, intervention: Intervention) -> InterventionTemplate | None:
        """The template an intervention was made from, if it is still registered (an IATI
        exporter reads its ``dac_sectors`` this way)."""
        if intervention.template is None:
            return None
        return self.templates().get(intervention.template)

    # -- introspection --------------------------------------------------------------------

    def load_all(self) -> None:
        """Call every hook once, so that failures inside hooks are known."""
        self.checks()
        self.exporters()
        self.funding_sources()
        self.intervention_types()
        self.templates()
        self.sections()

    def registered_by(self, plugin: str) -> dict[str, int]:
        """How many objects of each kind ``plugin`` registered (calls every hook)."""
        self.load_all()
        return {
            HOOK_KINDS[hook]: sum(1 for p in self._owners.get(hook, {}).values() if p == plugin)
            for hook in HOOK_KINDS
        }

    def owner(self, hook_name: str, key: str) -> str | None:
        """The plugin that registered ``key`` through ``hook_name``."""
        self.load_all()
        return self._owners.get(hook_name, {}).get(key)

    def plugins(self) -> list[PluginInfo]:
        """Every plugin found: loaded ones, failed ones and disabled ones, by name."""
        self.load_all()
        failures: dict[str, list[PluginFailure]] = {}
        for f in self.failures:
            failures.setdefault(f.plugin, []).append(f)
        out: list[PluginInfo] = []
        names = set(self._origins) | set(failures)
        for name in names:
            origin = self._origins.get(name, _Origin(module="?"))
            plugin = self.pm.get_plugin(name)
            hooks: tuple[str, ...] = ()
            if plugin is not None:
                callers = self.pm.get_hookcallers(plugin) or []
                hooks = tuple(sorted(h.name for h in callers))
            mine = tuple(failures.get(name, ()))
            out.append(
                PluginInfo(
                    name=name,
                    module=origin.module,
                    distribution=origin.distribution,
                    version=origin.version,
                    status="failed" if mine else "ok",
                    hooks=hooks,
                    registered=self.registered_by(name) if plugin is not None else {},
                    failures=mine,
                )
            )
        for name, origin in self._disabled.items():
            out.append(
                PluginInfo(
                    name=name,
                    module=origin.module,
                    distribution=origin.distribution,
                    version=origin.version,
                    status="disabled",
                )
            )
        return sorted(out, key=lambda p: (p.name != CORE, p.name))

    def warn_failures(self, stream: IO[str] | None = None) -> None:
        """Print each plugin failure not yet reported to stderr, once (the CLI calls this
        after a command that used plugins). Every hook is called first, so a plugin that
        fails in a hook the command did not need is reported too."""
        self.load_all()
        stream = stream or sys.stderr
        for f in self.failures[self._reported :]:
            print(f"migsdg: warning: {f}", file=stream)
        self.mark_reported()

    def mark_reported(self) -> None:
        """Consider the failures known so far reported (``migsdg plugins`` lists them)."""
        self._reported = len(self.failures)


_HOST: PluginHost | None = None
_HOST_LOCK = threading.Lock()
_CURRENT: contextvars.ContextVar[PluginHost | None] = contextvars.ContextVar(
    "migsdg_plugin_host", default=None
)


def get_host() -> PluginHost:
    """The plugin host in use: the one of the innermost :func:`using_host` block in this
    thread (or task), else the process-wide host, built on first use."""
    global _HOST
    current = _CURRENT.get()
    if current is not None:
        return current
    with _HOST_LOCK:
        if _HOST is None:
            _HOST = PluginHost()
        return _HOST


@contextlib.contextmanager
def using_host(host: PluginHost) -> Iterator[PluginHost]:
    """Use ``host`` for everything inside the ``with`` block (``migsdg.check``,
    ``migsdg.export``, the command line), in this thread or task only; the process-wide
    host and other threads are unaffected. An application serving several plugin
    configurations at once gives each request its own block (or passes ``host=`` to
    :func:`migsdg.check` and :func:`migsdg.export`). A new thread starts without the
    block of the thread that made it."""
    token = _CURRENT.set(host)
    try:
        yield host
    finally:
        _CURRENT.reset(token)


def set_host(host: PluginHost | None) -> None:
    """Make ``host`` the process-wide host (a program embedding migsdg with its own
    plugins, or a test); ``None`` forgets it, like :func:`reset_host`."""
    global _HOST
    with _HOST_LOCK:
        _HOST = host


def reset_host() -> None:
    """Forget the process-wide host (after installing plugins, or in tests)."""
    set_host(None)


def host_if_built() -> PluginHost | None:
    """The host in use if something has built it, without building it."""
    return _CURRENT.get() or _HOST
