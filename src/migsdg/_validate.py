"""Construction-time checks of the plan model: every value has the type its field says.

:func:`install` gives each attrs class of :mod:`migsdg.model` a check that runs whenever
an object is made (``Intervention(...)``, :func:`attrs.evolve`, the loader). The checks
are derived from the field annotations, so a field added to the model is checked without
more code:

* ``str``, ``int``, ``bool``, ``Decimal``, ``datetime.date``, a model class, an
  enumeration, ``X | None`` and ``tuple[X, ...]``, by exact type first (the fast path);
* obvious conversions are made for the caller: an enumeration from its value
  (``type="rights_based"``), ``Decimal`` from ``int`` or ``str``, a tuple from a list, SDG
  codes in any accepted spelling (``"SDG 8.8"`` is ``"8.8"``);
* codes are checked where the loader checks them: SDG targets and indicators against the
  catalogue, GCM objectives 1-23, 10.7.2 domains 1-6, ISO 4217 currencies and ISO 3166-1
  alpha-3 countries in capitals.

Anything else raises :class:`~migsdg.errors.FieldError` naming the class and field
(``Intervention.type: 'nonsense' is not one of new_policy_or_legislation, …``). What a
draft may still lack (empty texts, missing dates) is the checks' business, not this.

Only the standard library, :mod:`migsdg.codes` and the message markers of
:mod:`migsdg.i18n` (messages read in the reader's language) are imported; the catalogue is
read the first time a code needs it.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from migsdg.errors import FieldError
from migsdg.i18n import N_, msg

__all__ = ["install"]

_CURRENCY = re.compile(r"[A-Z]{3}")
_COUNTRY = re.compile(r"[A-Z]{3}")

#: Fields holding codes, by (class name, field name) or by field name alone.
_TARGET_FIELDS = {"targets", ("InterimTarget", "target")}
_INDICATOR_FIELDS = {("InterimTarget", "indicator")}
_NUMBER_FIELDS = {"gcm_objectives": "gcm", "migration_domains": "domains"}
_PATTERN_FIELDS: dict[str, tuple[re.Pattern[str], str]] = {
    "currency": (_CURRENCY, N_("an ISO 4217 currency code in capitals (e.g. USD)")),
    "country": (_COUNTRY, N_("an ISO 3166-1 alpha-3 country code in capitals (e.g. JAM)")),
}


class _Codes:
    """The catalogue's code sets, read on first use."""

    targets: frozenset[str] | None = None
    indicators: frozenset[str] = frozenset()
    gcm: frozenset[int] = frozenset()
    domains: frozenset[int] = frozenset()

    @classmethod
    def load(cls) -> None:
        if cls.targets is None:
            from migsdg.catalogue import catalogue

            cat = catalogue()
            cls.indicators = frozenset(cat.indicators) | frozenset(cat.legacy_indicators)
            cls.gcm = frozenset(cat.gcm_objectives)
            cls.domains = frozenset(cat.migration_domains)
            cls.targets = frozenset(cat.targets)


# -- converting one value (the slow path) ---------------------------------------------------


#: How a GCM objective or a 10.7.2 domain number that is not one is reported.
_NUMBERS = {
    "GCM objective": (
        N_("must be a GCM objective number (int), not {what}"),
        N_("{value} is not a GCM objective (expected {first} to {last})"),
    ),
    "10.7.2 domain": (
        N_("must be a 10.7.2 domain number (int), not {what}"),
        N_("{value} is not a 10.7.2 domain (expected {first} to {last})"),
    ),
}


class _Bad(Exception):
    """A value refused, with what was expected; turned into a FieldError by the caller."""


def _what(value: Any) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    if isinstance(value, str):
        return msg("text {value}", value=text)
    return f"{type(value).__name__} {text}"


def _plain(tp: Any) -> Callable[[Any], Any]:
    """A converter to the plain type ``tp`` (not optional, not a tuple)."""
    if tp is str:

        def to_str(v: Any) -> Any:
            if isinstance(v, str):
                return v
            raise _Bad(msg("must be text (str), not {what}", what=_what(v)))

        return to_str
    if tp is bool:

        def to_bool(v: Any) -> Any:
            if isinstance(v, bool):
                return v
            raise _Bad(msg("must be True or False, not {what}", what=_what(v)))

        return to_bool
    if tp is int:

        def to_int(v: Any) -> Any:
            if isinstance(v, int) and not isinstance(v, bool):
                return int(v)
            raise _Bad(msg("must be a whole number (int), not {what}", what=_what(v)))

        return to_int
    if tp is Decimal:
        return _to_decimal
    if tp is _dt.date:

        def to_date(v: Any) -> Any:
            if isinstance(v, _dt.date) and not isinstance(v, _dt.datetime):
                return v
            if isinstance(v, str):
                raise _Bad(
                    msg(
                        "must be a datetime.date, not text {value} (use date.fromisoformat)",
                        value=repr(v),
                    )
                )
            raise _Bad(msg("must be a datetime.date, not {what}", what=_what(v)))

        return to_date
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_converter(tp)
    if isinstance(tp, type) and attrs.has(tp):

        def to_class(v: Any) -> Any:
            if isinstance(v, tp):
                return v
            if tp.__name__[0] in "AEIOU":
                raise _Bad(msg("must be an {type}, not {what}", type=tp.__name__, what=_what(v)))
            raise _Bad(msg("must be a {type}, not {what}", type=tp.__name__, what=_what(v)))

        return to_class
    return lambda v: v  # a type this module does not know: accepted as it is


def _to_decimal(v: Any) -> Decimal:
    if isinstance(v, bool):
        raise _Bad(f"must be a number (Decimal, int or numeric text), not {_what(v)}")
    if isinstance(v, float):
        raise _Bad(
            msg(
                "must be a Decimal, an int or numeric text such as '1250.50', not the float "
                "{value} (floats are inexact)",
                value=repr(v),
            )
        )
    if isinstance(v, Decimal):
        d = v
    elif isinstance(v, int):
        d = Decimal(v)
    elif isinstance(v, str):
        try:
            d = Decimal(v.strip().replace("_", ""))
        except InvalidOperation:
            raise _Bad(msg("must be a number, not text {value}", value=repr(v))) from None
    else:
        raise _Bad(f"must be a number (Decimal, int or numeric text), not {_what(v)}")
    if not d.is_finite():
        raise _Bad(msg("must be a finite number, not {value}", value=repr(v)))
    return d


def _enum_converter(tp: type[enum.Enum]) -> Callable[[Any], Any]:
    values = ", ".join(str(m.value) for m in tp)

    def to_enum(v: Any) -> Any:
        if isinstance(v, tp):
            return v
        if isinstance(v, str):
            for candidate in (v, v.strip().lower().replace(" ", "_").replace("-", "_")):
                try:
                    return tp(candidate)
                except ValueError:
                    pass
        raise _Bad(msg("{what} is not one of {values}", what=_what(v), values=values))

    return to_enum


def _target(v: Any) -> str:
    from migsdg.codes import normalise_code

    _Codes.load()
    assert _Codes.targets is not None
    if isinstance(v, bool) or not isinstance(v, (str, int, Decimal)):
        raise _Bad(msg("must be an SDG target code such as '10.7', not {what}", what=_what(v)))
    code = normalise_code(v)
    if code not in _Codes.targets:
        near = _near(code, _Codes.targets)
        if near:
            raise _Bad(
                msg("{value} is not an SDG target (did you mean {near}?)", value=repr(v), near=near)
            )
        raise _Bad(msg("{value} is not an SDG target", value=repr(v)))
    return code


def _indicator(v: Any) -> str:
    from migsdg.codes import normalise_code

    _Codes.load()
    if isinstance(v, bool) or not isinstance(v, (str, int, Decimal)):
        raise _Bad(msg("must be an SDG indicator code such as '10.7.2', not {what}", what=_what(v)))
    code = normalise_code(v)
    if code not in _Codes.indicators:
        near = _near(code, _Codes.indicators)
        if near:
            raise _Bad(
                msg(
                    "{value} is not an SDG indicator (did you mean {near}?)",
                    value=repr(v),
                    near=near,
                )
            )
        raise _Bad(msg("{value} is not an SDG indicator", value=repr(v)))
    return code


def _near(code: str, pool: frozenset[str]) -> str:
    import difflib

    return ", ".join(difflib.get_close_matches(code, sorted(pool), n=3, cutoff=0.6))


def _number(kind: str, what: str) -> Callable[[Any], Any]:
    def to_number(v: Any) -> Any:
        _Codes.load()
        pool: frozenset[int] = getattr(_Codes, kind)
        if isinstance(v, bool) or not isinstance(v, int):
            raise _Bad(msg(_NUMBERS[what][0], what=_what(v)))
        if v not in pool:
            raise _Bad(
                msg(_NUMBERS[what][1], value=str(v), first=str(min(pool)), last=str(max(pool)))
            )
        return int(v)

    return to_number


def _pattern(pattern: re.Pattern[str], what: str) -> Callable[[Any], Any]:
    def to_code(v: Any) -> Any:
        if not isinstance(v, str):
            raise _Bad(msg("must be {code}, not {what}", code=msg(what), what=_what(v)))
        if not pattern.fullmatch(v):
            raise _Bad(msg("must be {code}, not {what}", code=msg(what), what=repr(v)))
        return str(v)  # plain text, also when given as a subclass of str

    return to_code


# -- one field ------------------------------------------------------------------------------


@attrs.frozen
class _Field:
    name: str
    optional: bool
    many: bool
    convert: Callable[[Any], Any]
    exact: Any  # the class a well-typed value has (fast path), or None to always convert
    check: str  # "" or the name of a code set every value must be in ("targets" ...)
    #: Values already accepted (codes checked by pattern), so each is checked once.
    seen: set[Any] | None = None


def _unwrap(tp: Any) -> tuple[Any, bool, bool]:
    """``(inner type, optional, tuple)`` of an annotation."""
    optional = False
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        optional = len(args) < len(typing.get_args(tp))
        tp = args[0] if len(args) == 1 else Any
        origin = typing.get_origin(tp)
    many = False
    if origin is tuple:
        items = typing.get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            tp, many = items[0], True
    return tp, optional, many


def _field(cls: type, a: attrs.Attribute[Any]) -> _Field:
    tp, optional, many = _unwrap(a.type)
    key = (cls.__name__, a.name)
    check = ""
    exact: Any = tp if isinstance(tp, type) else None
    convert: Callable[[Any], Any]
    if a.name in _TARGET_FIELDS or key in _TARGET_FIELDS:
        convert, check = _target, "targets"
    elif key in _INDICATOR_FIELDS:
        convert, check = _indicator, "indicators"
    elif a.name in _NUMBER_FIELDS and tp is int:
        kind = _NUMBER_FIELDS[a.name]
        what = "GCM objective" if kind == "gcm" else "10.7.2 domain"
        convert, check = _number(kind, what), kind
    elif a.name in _PATTERN_FIELDS and tp is str:
        convert = _pattern(*_PATTERN_FIELDS[a.name])
        return _Field(
            name=a.name,
            optional=optional,
            many=many,
            convert=convert,
            exact=None,
            check="",
            seen=set(),
        )
    else:
        convert = _plain(tp)
    return _Field(
        name=a.name, optional=optional, many=many, convert=convert, exact=exact, check=check
    )


def _fix(cls: type, f: _Field, value: Any) -> Any:
    """``value`` converted for field ``f``, or a :class:`FieldError`."""
    where = f"{cls.__name__}.{f.name}"
    try:
        if value is None:
            if f.optional:
                return None
            if f.many:
                raise _Bad(msg("must be a tuple"))
            raise _Bad(msg("is required (None is not allowed)"))
        if not f.many:
            if value == "" and (f.check or f.seen is not None):
                return value  # a code not given yet: a draft's gap, for the checks
            converted = f.convert(value)
            if f.seen is not None and len(f.seen) < 1024:
                f.seen.add(converted)
            return converted
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (tuple, list)):
            raise _Bad(msg("must be a tuple (or list), not {what}", what=_what(value)))
        out = []
        for i, item in enumerate(value):
            try:
                out.append(f.convert(item))
            except _Bad as exc:
                raise FieldError(cls.__name__, f"{f.name}[{i}]", exc.args[0], item) from None
        return tuple(out)
    except _Bad as exc:
        raise FieldError(cls.__name__, f.name, exc.args[0], value) from None
    raise AssertionError(where)  # pragma: no cover


# -- one class ------------------------------------------------------------------------------


def _tests(i: int, f: _Field, var: str, fix: str) -> list[str]:
    """Lines checking ``var`` for field ``f`` (index ``i``) and running ``fix`` when it is
    not plainly well-typed: one exact type test per value on the fast path."""
    if f.check:
        # Codes: exactly a str (or int), then one set look-up. The type test comes first:
        # True, 1.0 and Decimal(1) are equal to 1 and a str subclass to its text, so the
        # look-up alone would let them in.
        outside = f"_C.targets is None or not _C.{f.check}"
        if f.many:
            lines = [
                f"if {var}.__class__ is not tuple:",
                f"    {fix}",
                f"elif {var}:",
                f"    for x in {var}:",
                f"        if x.__class__ is not _t{i}:",
                f"            {fix}",
                "            break",
                "    else:",
                f"        if {outside}.issuperset({var}):",
                f"            {fix}",
            ]
        else:
            test = (
                f"{var}.__class__ is not _t{i} or _C.targets is None or {var} not in _C.{f.check}"
            )
            lines = [f"if {test}:", f"    {fix}"]
    elif f.many:
        lines = [f"if {var}.__class__ is not tuple:", f"    {fix}"]
        if f.exact is not None:
            lines += [
                "else:",
                f"    for x in {var}:",
                f"        if x.__class__ is not _t{i}:",
                f"            {fix}",
                "            break",
            ]
        else:
            lines += ["else:", f"    {fix}"]
    else:
        if f.seen is not None:
            test = f"{var}.__class__ is not str or {var} not in _f{i}.seen"
        elif f.exact is Decimal:
            test = f"{var}.__class__ is not _t{i} or not {var}.is_finite()"
        elif f.exact is not None:
            test = f"{var}.__class__ is not _t{i}"
        else:
            test = "True"
        lines = [f"if {test}:", f"    {fix}"]
    if f.optional:
        lines = [f"if {var} is not None:", *(f"    {line}" for line in lines)]
    return lines


def _plain_attrs(cls: type) -> bool:
    """Whether ``cls``'s ``__init__`` only sets its fields (no converter, validator,
    factory or post-init), so that a generated one can replace it exactly."""
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        return False
    for a in attrs.fields(cls):
        if a.converter is not None or a.validator is not None or not a.init:
            return False
        if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            return False
    return True


def _slot_setter(cls: type, name: str) -> Callable[[Any, Any], None] | None:
    """The ``__set__`` of the slot holding field ``name`` of ``cls``, if it is a slot.

    Setting through the slot's own descriptor does what ``object.__setattr__`` (attrs' own
    ``__init__``) does for a frozen class, storing the value past the class's refusing
    ``__setattr__``, without looking the name up on every call: setting a field is most
    of the cost of ``__init__``, and this way it costs about a third less."""
    for klass in cls.__mro__:
        descriptor = klass.__dict__.get(name)
        if descriptor is not None:
            if isinstance(descriptor, types.MemberDescriptorType):
                setter: Callable[[Any, Any], None] = descriptor.__set__
                return setter
            return None
    return None


def _make_init(cls: type) -> Callable[..., None]:
    """An ``__init__`` for ``cls`` that checks (and converts) each value, then sets it."""
    fields = [_field(cls, a) for a in attrs.fields(cls)]
    ns: dict[str, Any] = {"_set": object.__setattr__, "_fix": _fix, "_cls": cls, "_C": _Codes}
    generated = _plain_attrs(cls)
    params = []
    body: list[str] = []
    if not generated:
        ns["_init"] = cls.__init__  # type: ignore[misc]
        body.append("_init(self, **kwargs)")
    for i, (f, a) in enumerate(zip(fields, attrs.fields(cls), strict=True)):
        ns[f"_f{i}"] = f
        ns[f"_t{i}"] = f.exact
        if generated:
            var = a.alias or a.name
            if a.default is attrs.NOTHING:
                params.append(var)
            else:
                ns[f"_d{i}"] = a.default
                params.append(f"{var}=_d{i}")
            body += _tests(i, f, var, f"{var} = _fix(_cls, _f{i}, {var})")
            slot = _slot_setter(cls, a.name)
            if slot is None:
                body.append(f"_set(self, {a.name!r}, {var})")
            else:
                ns[f"_s{i}"] = slot
                body.append(f"_s{i}(self, {var})")
        else:
            body.append(f"v = self.{a.name}")
            body += _tests(i, f, "v", f"_set(self, {a.name!r}, _fix(_cls, _f{i}, v))")
    extra = _EXTRA.get(cls.__name__)
    if extra is not None:
        ns["_extra"] = extra
        body.append("_extra(self)")
    signature = f"self, *, {', '.join(params)}" if generated and params else "self, **kwargs"
    if generated and not params:
        signature = "self"
    source = f"def __init__({signature}):\n" + "".join(f"    {line}\n" for line in body or ["pass"])
    # The source is built above from field names only; its own file name shows in profiles.
    exec(compile(source, f"<checked {cls.__qualname__}.__init__>", "exec"), ns)
    init: Callable[..., None] = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__  # type: ignore[misc]
    return init


def _indicator_ref(self: Any) -> None:
    """An SDG indicator reference's code is a catalogue indicator."""
    code = self.code
    if code.__class__ is str and code in _Codes.indicators:
        return  # a catalogue code as the catalogue writes it (the loader gives these)
    if code is not None and self.kind.value == "sdg":
        try:
            code = _indicator(self.code)
        except _Bad as exc:
            raise FieldError("IndicatorRef", "code", exc.args[0], self.code) from None
        object.__setattr__(self, "code", code)  # the normal form, as plain text


_EXTRA: dict[str, Callable[[Any], None]] = {"IndicatorRef": _indicator_ref}


def install(namespace: Mapping[str, Any]) -> None:
    """Give every attrs class defined in the module ``namespace`` its construction check."""
    module = namespace["__name__"]
    for value in list(namespace.values()):
        if isinstance(value, type) and attrs.has(value) and value.__module__ == module:
            attrs.resolve_types(value, globalns=dict(namespace))
    for value in list(namespace.values()):
        if isinstance(value, type) and attrs.has(value) and value.__module__ == module:
            init = _make_init(value)
            init.__wrapped__ = value.__init__  # type: ignore[attr-defined]
            value.__init__ = init  # type: ignore[method-assign]
