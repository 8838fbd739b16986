"""Plan files: YAML and JSON (chosen by suffix), and plain dicts.

Loading refuses only what is malformed: a value of the wrong type, a date that is not a
date, an unknown key, an unknown intervention type or SDG code. What is merely missing is
left to the checks, so planners can save half-finished work. Every problem is reported at
once, each with its key path, in one :class:`~migsdg.errors.PlanLoadError`.

Saving writes to a temporary file and replaces the target, so a failure never leaves half
a file behind.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import enum
import functools
import json
import os
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from migsdg import model as m
from migsdg._atomic import RefusedFileError, atomic_write_text, read_regular_file
from migsdg._bulk import bulk
from migsdg.catalogue import catalogue
from migsdg.codes import normalise_code
from migsdg.errors import FieldError, PlanLoadError, Problem, location_key
from migsdg.i18n import N_, msg

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "MAX_PLAN_FILE_BYTES",
    "SCHEMA_VERSION",
    "dumps_plan",
    "load_plan",
    "loads_plan",
    "plan_from_dict",
    "plan_to_dict",
    "register_reader",
    "save_plan",
    "to_plain",
]

#: Version of the plan file format, written as ``schema_version`` at the top of a file.
SCHEMA_VERSION = 1
#: Plan files larger than this are refused before parsing (no real plan comes near it).
MAX_PLAN_FILE_BYTES = 64 * 1024 * 1024

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WHOLE = re.compile(r"\s*-?[0-9]+\s*")

# Bounds on numbers, checked at load time; the JSON Schema (migsdg.schema) states the same.
# Within them the funding views' sums, currency conversions and two-decimal roundings stay
# exact in Python's 28-digit decimal arithmetic, and every year is one a date can carry.
#: Numbers (amounts, indicator values) must be below 10 to this power in size.
MAX_NUMBER_EXPONENT = 15
#: Exchange rates must be below 10 to this power (an amount times a rate stays exact).
MAX_RATE_EXPONENT = 9
#: Whole numbers (counts, revision numbers) have at most this many digits.
MAX_WHOLE_DIGITS = 12
#: Years (of a cost line, a contribution, a baseline or target value) are four-digit years.
YEAR_RANGE = (1000, 9999)
_CURRENCY = re.compile(r"[A-Z]{3}")
_COUNTRY = re.compile(r"[A-Z]{3}")
#: An organisation identifier as org-id.guide and IATI write it: the registration agency's
#: prefix, a hyphen, then the number in its register, without spaces, /, &, | or ?.
ORG_ID = re.compile(r"[A-Za-z0-9]+-[^\s/&|?]+")
_URL = re.compile(r"https?://[^\s<>\"]+")
#: Fields holding IATI codes, with the IATI codelist each comes from.
IATI_CODE_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "actors": (("org_type", "OrganisationType"),),
    "funding_sources": (
        ("org_type", "OrganisationType"),
        ("aid_type", "AidType"),
        ("finance_type", "FinanceType"),
        ("flow_type", "FlowType"),
        ("tied_status", "TiedStatus"),
        ("collaboration_type", "CollaborationType"),
    ),
}


class _Invalid(ValueError):
    """A value that cannot be structured, with a message written for planners."""


# -- the converter ---------------------------------------------------------------------------


_TYPE_NAMES = {
    str: N_("text"),
    int: N_("a whole number"),
    bool: N_("true or false"),
    Decimal: N_("a number"),
    _dt.date: N_("a date (YYYY-MM-DD)"),
}


def _type_name(tp: Any) -> str:
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return msg("one of {values}", values=", ".join(repr(e.value) for e in tp))
    if tp in _TYPE_NAMES:
        return msg(_TYPE_NAMES[tp])
    return str(getattr(tp, "__name__", tp))


class _YamlNumber(Decimal):
    """A number read from YAML, remembering how it was written: in a text field,
    ``version: 1.10`` is the text ``1.10``."""

    source: str


def _structure_str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, _YamlNumber):
        return value.source
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)  # ids written as bare numbers in YAML
    raise _Invalid(msg("{value} is not text", value=_short(value)))


def _as_int(value: Any) -> int | None:
    """The whole number ``value`` stands for, or None: an int, whole-number text such as
    ``" 12 "``, or an integral float or decimal (``2030.0`` from a spreadsheet cell)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        result = value
    elif isinstance(value, str) and _WHOLE.fullmatch(value):
        digits = value.strip().lstrip("-")
        if len(digits) > MAX_WHOLE_DIGITS:  # before int(): Python refuses 4,300 digits
            raise _too_large_whole(value)
        result = int(digits) * (-1 if value.strip().startswith("-") else 1)
    elif isinstance(value, float) and value.is_integer():
        if abs(value) >= 10**MAX_WHOLE_DIGITS:
            raise _too_large_whole(value)
        result = int(value)
    elif isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        if value and value.adjusted() >= MAX_WHOLE_DIGITS:  # before int(): 1e999999999
            raise _too_large_whole(value)
        result = int(value)
    else:
        return None
    if abs(result) >= 10**MAX_WHOLE_DIGITS:
        raise _too_large_whole(value)
    return result


def _too_large_whole(value: Any) -> _Invalid:
    return _Invalid(
        msg(
            "{value} is too large (whole numbers have at most {digits} digits)",
            value=_short(value),
            digits=MAX_WHOLE_DIGITS,
        )
    )


def _structure_year(value: Any, _: type) -> int | None:
    if value is None:
        return None
    first, last = YEAR_RANGE
    try:
        year = _structure_int(value, int)
    except _Invalid:
        year = None
    if (
        year is None
        or not first <= year <= last
        or (isinstance(value, str) and not re.fullmatch(r"\s*[0-9]{4}\s*", value))
    ):
        raise _Invalid(
            msg(
                "{value} is not a year (a four-digit year, {first} to {last})",
                value=_short(value),
                first=str(first),
                last=str(last),
            )
        )
    return year


def _structure_rate(value: Any, _: type) -> Decimal:
    rate = _structure_decimal(value, Decimal)
    if rate and rate.adjusted() >= MAX_RATE_EXPONENT:
        raise _Invalid(
            msg(
                "{value} is too large for an exchange rate (rates must be below {limit})",
                value=_short(value),
                limit="1e" + str(MAX_RATE_EXPONENT),
            )
        )
    return rate


def _structure_int(value: Any, _: type) -> int:
    result = _as_int(value)
    if result is None:
        raise _Invalid(msg("{value} is not a whole number", value=_short(value)))
    return result


#: Numbers written as text: an optional sign, digits with optional thousands separators
#: ("," or "_"), an optional fraction and exponent. The plan-file schema uses the same
#: pattern, so the schema and the loader accept exactly the same texts.
NUMBER_TEXT = re.compile(
    r"^[+-]?(?=[,_]*\.?[,_]*[0-9])[0-9,_]*(?:\.[0-9,_]*)?(?:[eE][+-]?[0-9]+)?$"
)


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool):
        raise _Invalid(msg("{value} is not a number", value=_short(value)))
    if isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, Decimal):
        result = Decimal(value)  # a plain Decimal, also for numbers read from YAML
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if not NUMBER_TEXT.match(text):
            raise _Invalid(msg("{value} is not a number", value=_short(value)))
        try:
            result = Decimal(text.replace(",", "").replace("_", ""))
        except InvalidOperation:
            raise _Invalid(msg("{value} is not a number", value=_short(value))) from None
    else:
        raise _Invalid(msg("{value} is not a number", value=_short(value)))
    if not result.is_finite():
        raise _Invalid(msg("{value} is not a finite number", value=_short(value)))
    if result and result.adjusted() >= MAX_NUMBER_EXPONENT:
        # Beyond any amount or indicator value, and beyond what exact sums can hold.
        raise _Invalid(
            msg(
                "{value} is too large (numbers must be below {limit} in size)",
                value=_short(value),
                limit="1e" + str(MAX_NUMBER_EXPONENT),
            )
        )
    return result


def _structure_date(value: Any, _: type) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise _Invalid(
            msg(
                "{value} is a date and time; give the date only (YYYY-MM-DD)",
                value=_short(value),
            )
        )
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            raise _Invalid(msg("{value} is not a valid date", value=_short(value))) from None
    raise _Invalid(msg("{value} is not a date (YYYY-MM-DD)", value=_short(value)))


def _structure_bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _Invalid(msg("{value} is not true or false", value=_short(value)))


def _enum_hook(cl: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    values = [e.value for e in cl]
    noun = re.sub(r"(?<!^)(?=[A-Z])", " ", cl.__name__).lower()

    def structure(value: Any, _: type) -> enum.Enum:
        if isinstance(value, cl):
            return value
        key = (
            value.strip().lower().replace(" ", "_").replace("-", "_")
            if isinstance(value, str)
            else value
        )
        if key in values:
            return cl(key)
        near = difflib.get_close_matches(str(key), values, n=1, cutoff=0.6)
        expected = ", ".join(values)
        if near:
            raise _Invalid(
                msg(
                    "unknown {noun} {value} (expected one of {expected}; did you mean {near}?)",
                    noun=noun,
                    value=_short(value),
                    expected=expected,
                    near=repr(near[0]),
                )
            )
        raise _Invalid(
            msg(
                "unknown {noun} {value} (expected one of {expected})",
                noun=noun,
                value=_short(value),
                expected=expected,
            )
        )

    return structure


def _same_number(value: int | float | Decimal, code: str) -> bool:
    """Whether the number ``value`` equals ``code`` read as a number (``17.10`` written in
    a YAML or JSON file is the decimal 17.10, target 17.10)."""
    text = value.source if isinstance(value, _YamlNumber) else str(value)
    try:
        return Decimal(text) == Decimal(code)
    except ArithmeticError:
        return False


def _short(value: Any) -> str:
    """A value for a message, as the planner wrote it: text quoted, numbers plain."""
    if isinstance(value, _YamlNumber):
        text = value.source
    elif isinstance(value, Decimal):
        text = str(value)
    else:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_homogeneous_tuple(tp: Any) -> bool:
    from cattrs.cols import is_sequence

    return typing.get_origin(tp) is tuple and is_sequence(tp)


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _make_converter() -> cattrs.Converter:
    import cattrs
    from cattrs.cols import homogenous_tuple_structure_factory
    from cattrs.gen import make_dict_structure_fn

    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)
    # Class hooks (cattrs' single dispatch, which it consults before predicate hooks and
    # which would otherwise turn ``None`` into ``"None"`` and ``1.5`` into ``1``). The
    # str-based enums still get the enum hook: ``m.Choice`` below is the closer class.
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)

    def enum_predicate(tp: Any) -> bool:
        return isinstance(tp, type) and issubclass(tp, enum.Enum)

    enum_hooks: dict[type, Callable[[Any, type], enum.Enum]] = {}

    def structure_enum(value: Any, cl: type[enum.Enum]) -> enum.Enum:
        if cl not in enum_hooks:
            enum_hooks[cl] = _enum_hook(cl)
        return enum_hooks[cl](value, cl)

    # Registered on the model's enum base: cattrs' own hook for ``str`` would otherwise
    # catch these str-based enums first.
    conv.register_structure_hook(enum.Enum, structure_enum)
    conv.register_structure_hook(m.Choice, structure_enum)
    conv.register_unstructure_hook_func(enum_predicate, lambda e: e.value)
    conv.register_unstructure_hook(m.Choice, lambda e: e.value)

    def tuple_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
        inner = homogenous_tuple_structure_factory(tp, converter)

        def structure(value: Any, t: Any) -> Any:
            if not isinstance(value, (list, tuple)):
                raise _Invalid(msg("{value} is not a list", value=_short(value)))
            return inner(value, t)

        return structure

    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_factory)

    def optional_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
        (inner_type,) = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = converter.get_structure_hook(inner_type)

        def structure(value: Any, _: Any) -> Any:
            return None if value is None else inner(value, inner_type)

        return structure

    conv.register_structure_hook_factory(_is_optional, optional_factory)

    def class_factory(cl: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
        from cattrs.gen import override

        bounded: dict[str, Any] = {
            a.name: override(struct_hook=_structure_year if a.name == "year" else _structure_rate)
            for a in attrs.fields(cl)
            if a.name == "year" or (cl is m.ExchangeRate and a.name == "rate")
        }
        inner: Callable[[Any, Any], Any] = make_dict_structure_fn(cl, converter, **bounded)

        def structure(value: Any, t: Any) -> Any:
            if not isinstance(value, Mapping):
                raise _Invalid(
                    msg("{value} is not a mapping of keys to values", value=_short(value))
                )
            bad = [k for k in value if not isinstance(k, str)]
            if bad:
                raise _Invalid(msg("keys must be text, not {value}", value=_short(bad[0])))
            return inner(value, t)

        return structure

    conv.register_structure_hook_factory(attrs.has, class_factory)
    return conv


def _unstructure_decimal(value: Decimal) -> int | str:
    # Whole numbers stay numbers in files (readable YAML); anything else is written as
    # text so no precision is lost through binary floating point.
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    return str(value)


@functools.cache
def _converter() -> cattrs.Converter:
    """The plan files' converter, built (and cattrs imported) when a plan is first
    structured or unstructured, not when migsdg is imported."""
    return _make_converter()


def __getattr__(name: str) -> Any:
    if name == "_CONVERTER":  # the converter under its former module-level name
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- errors to problems ----------------------------------------------------------------------


def _problems(exc: BaseException, path: str, cl: Any = None) -> Iterator[Problem]:
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(exc, FieldError):  # the object's own check, naming its field
        yield Problem(location=_join(path, exc.field), message=exc.reason)
    elif isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from _problems(sub, _join(path, note.name), note.type)
        for sub in without:
            yield from _problems(sub, path, exc.cl)
    elif isinstance(exc, IterableValidationError):
        with_notes_i, without_i = exc.group_exceptions()
        for sub, inote in with_notes_i:
            yield from _problems(sub, f"{path}[{inote.index}]", inote.type)
        for sub in without_i:
            yield from _problems(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        valid = [a.name for a in attrs.fields(exc.cl)]
        for key in sorted(exc.extra_fields):
            near = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
            if near:
                text = msg(
                    "unknown key {key} (did you mean {near}?)", key=repr(key), near=repr(near[0])
                )
            else:
                text = msg("unknown key {key}", key=repr(key))
            yield Problem(location=_join(path, key), message=text)
    elif isinstance(exc, KeyError) and not isinstance(exc, _Invalid):
        yield Problem(location=path, message=msg("required value is missing"))
    elif isinstance(exc, _Invalid):
        yield Problem(location=path, message=_message(exc))
    elif isinstance(exc, (TypeError, ValueError, AttributeError)):
        if cl is not None:
            text = msg("invalid value: expected {expected}", expected=_type_name(cl))
        else:
            text = msg("invalid value: {reason}", reason=str(exc))
        yield Problem(location=path, message=text)
    else:  # pragma: no cover - a converter bug, still reported with its place
        yield Problem(location=path, message=f"{type(exc).__name__}: {exc}")


def _message(exc: Exception) -> str:
    """An error's message as raised, keeping a marked message (:func:`migsdg.i18n.msg`)
    whole so that it can be read in another language."""
    first = exc.args[0] if exc.args else ""
    return first if isinstance(first, str) else str(exc)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# -- codes and references ------------------------------------------------------------------


def _items(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings in ``data[key]`` with their index; anything else is the converter's to
    report."""
    seq = data.get(key) if isinstance(data, dict) else None
    if isinstance(seq, list):
        for i, item in enumerate(seq):
            if isinstance(item, dict):
                yield i, item


#: How an unknown code is reported: alone, with the codes it may be a typo for, and for an
#: SDG code written as a bare number (read as its value).
_UNKNOWN: dict[str, tuple[str, ...]] = {
    "target": (
        N_("unknown SDG target {value}"),
        N_("unknown SDG target {value} (did you mean {near}?)"),
        N_(
            "unknown SDG target {value} (a number is read as its value; write codes as "
            "text, such as {code})"
        ),
    ),
    "indicator": (
        N_("unknown SDG indicator {value}"),
        N_("unknown SDG indicator {value} (did you mean {near}?)"),
        N_(
            "unknown SDG indicator {value} (a number is read as its value; write codes as "
            "text, such as {code})"
        ),
    ),
    "GCM objective": (N_("unknown GCM objective {value} (expected {first} to {last})"),),
    "10.7.2 domain": (N_("unknown 10.7.2 domain {value} (expected {first} to {last})"),),
}


class _CodeChecker:
    """Normalises SDG, GCM and 10.7.2 codes in raw plan data and notes unknown ones.

    It works on the raw data, before structuring, so unknown codes are reported in the same
    error as every other problem.
    """

    def __init__(self) -> None:
        self.cat = catalogue()
        self.problems: list[Problem] = []

    def _code(self, kind: str, pool: Mapping[str, Any], value: Any, where: str) -> Any:
        if not isinstance(value, (str, int, float, Decimal)) or isinstance(value, bool):
            return value
        key = normalise_code(value)
        known = key in pool or (kind == "indicator" and key in self.cat.legacy_indicators)
        if known and not isinstance(value, str) and not _same_number(value, key):
            # A bare number is read as the number it is: 1.00001 or 1.01 is not target 1.1
            # (leading zeros are dropped only from codes written as text, "SDG 01.01"), as
            # the JSON Schema cannot tell a number's digits, only its value.
            self.problems.append(
                Problem(
                    location=where,
                    message=msg(_UNKNOWN[kind][2], value=_short(value), code=repr(key)),
                )
            )
            return value
        if not known:
            near = self.cat._near(key, pool)
            if near:
                text = msg(_UNKNOWN[kind][1], value=_short(value), near=", ".join(near))
            else:
                text = msg(_UNKNOWN[kind][0], value=_short(value))
            self.problems.append(Problem(location=where, message=text))
        return key

    def target(self, value: Any, where: str) -> Any:
        return self._code("target", self.cat.targets, value, where)

    def indicator(self, value: Any, where: str) -> Any:
        return self._code("indicator", self.cat.indicators, value, where)

    def targets(self, item: dict[str, Any], where: str, key: str = "targets") -> None:
        codes = item.get(key)
        if isinstance(codes, list):
            item[key] = [self.target(c, f"{where}.{key}[{j}]") for j, c in enumerate(codes)]

    def numbers(
        self, item: dict[str, Any], where: str, key: str, pool: Mapping[int, Any], what: str
    ) -> None:
        values = item.get(key)
        if not isinstance(values, list):
            return
        for j, v in enumerate(values):
            try:
                number = _as_int(v)  # what the converter will make of it
            except _Invalid:
                continue  # the converter reports it
            if number is not None and number not in pool:
                self.problems.append(
                    Problem(
                        location=f"{where}.{key}[{j}]",
                        message=msg(
                            _UNKNOWN[what][0],
                            value=_short(v),
                            first=str(min(pool)),
                            last=str(max(pool)),
                        ),
                    )
                )

    def pattern(
        self, item: dict[str, Any], where: str, key: str, pattern: re.Pattern[str], what: str
    ) -> None:
        value = item.get(key)
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            value = str(value)  # the converter reads numbers as text
        if isinstance(value, str) and not pattern.fullmatch(value):
            self.problems.append(
                Problem(
                    location=_join(where, key),
                    message=msg("{value} is not {what}", value=repr(value), what=what),
                )
            )

    def iati_code(self, value: Any, where: str, name: str) -> Any:
        """An IATI code (``10``, ``C01``) as text, checked against its codelist."""
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return value
        value = value.strip()
        from migsdg.iati.codelists import codelist  # only when a plan gives IATI codes

        if value not in codelist(name):
            self.problems.append(
                Problem(
                    location=where,
                    message=msg(
                        "{value} is not an active code of IATI's {name} codelist",
                        value=repr(value),
                        name=name,
                    ),
                )
            )
        return value

    def iati(self, data: dict[str, Any]) -> None:
        org_id = msg("an organisation identifier (org-id.guide form, such as XM-DAC-47066)")
        for key, fields in IATI_CODE_FIELDS.items():
            for i, item in _items(data, key):
                self.pattern(item, f"{key}[{i}]", "org_id", ORG_ID, org_id)
                for field, name in fields:
                    if item.get(field) is not None:
                        where = f"{key}[{i}].{field}"
                        item[field] = self.iati_code(item[field], where, name)
        self.pattern(data, "", "url", _URL, msg("a web address (https://...)"))
        for i, iv in _items(data, "interventions"):
            codes = iv.get("dac_sectors")
            if isinstance(codes, list):
                iv["dac_sectors"] = [
                    self.iati_code(c, f"interventions[{i}].dac_sectors[{j}]", "Sector")
                    for j, c in enumerate(codes)
                ]

    def check(self, data: dict[str, Any]) -> None:
        currency = msg("an ISO 4217 currency code (three capitals, e.g. USD)")
        self.iati(data)
        country = msg("an ISO 3166-1 alpha-3 code (e.g. JAM, ECU)")
        self.pattern(data, "", "country", _COUNTRY, country)
        self.pattern(data, "", "currency", _CURRENCY, currency)
        for i, rate in _items(data, "exchange_rates"):
            self.pattern(rate, f"exchange_rates[{i}]", "currency", _CURRENCY, currency)
        for i, obj in _items(data, "objectives"):
            self.targets(obj, f"objectives[{i}]")
        for i, it in _items(data, "interim_targets"):
            where = f"interim_targets[{i}]"
            if "target" in it:
                it["target"] = self.target(it["target"], f"{where}.target")
            if it.get("indicator") is not None:
                it["indicator"] = self.indicator(it["indicator"], f"{where}.indicator")
        for i, iv in _items(data, "interventions"):
            where = f"interventions[{i}]"
            self.targets(iv, where)
            for j, entry in _items(iv, "monitoring"):
                ref = entry.get("indicator")
                if not isinstance(ref, dict):
                    continue
                kind = ref.get("kind", "sdg")
                if isinstance(kind, str) and kind.strip().lower() == "sdg" and ref.get("code"):
                    ref["code"] = self.indicator(
                        ref["code"], f"{where}.monitoring[{j}].indicator.code"
                    )
            self.numbers(iv, where, "gcm_objectives", self.cat.gcm_objectives, "GCM objective")
            self.numbers(
                iv, where, "migration_domains", self.cat.migration_domains, "10.7.2 domain"
            )
            for key in ("resources", "funding", "supporting_activities", "expenditures"):
                for j, line in _items(iv, key):
                    self.pattern(line, f"{where}.{key}[{j}]", "currency", _CURRENCY, currency)
        for key in ("consultations", "existing_frameworks"):
            for i, item in _items(data, key):
                self.targets(item, f"{key}[{i}]")


# -- public API ------------------------------------------------------------------------------


def plan_from_dict(data: Any, *, source: str = "", in_place: bool = False) -> m.ActionPlan:
    """Build a plan from plain data (as parsed from YAML or JSON, or from a database).

    Raises :class:`PlanLoadError` listing every problem with its key path.

    The data is copied first (codes are normalised in the copy), which also finds what no
    converter can report: nesting deeper than :data:`MAX_NESTING` and text holding a lone
    surrogate. ``in_place=True`` skips that copy and works on ``data`` itself: for a
    reader that has just built the data and holds it alone, and knows it free of both
    (the workbook reader: its data nests as its sheets do, and its text comes from an XML
    parser, which gives no lone surrogate).
    """
    if not isinstance(data, Mapping):
        raise PlanLoadError(
            [Problem(location="", message=msg("a plan must be a mapping of keys to values"))],
            source=source,
        )
    found: list[Problem] = []
    data_in = data
    if not in_place:
        data, found = _copy(data)
        if data is None:  # nested too deeply to go on
            raise PlanLoadError(found, source=source, language=_language(data_in))
    language = _language(data)
    version = data.pop("schema_version", SCHEMA_VERSION)
    if type(version) is not int or version != SCHEMA_VERSION:
        raise PlanLoadError(
            [
                Problem(
                    location="schema_version",
                    message=msg(
                        "this migsdg reads plan files of schema_version {version}, not {given}",
                        version=str(SCHEMA_VERSION),
                        given=repr(version),
                    ),
                )
            ],
            source=source,
            language=language,
        )
    codes = _CodeChecker()
    codes.check(data)
    problems = [*found, *codes.problems]
    try:
        plan = _converter().structure(data, m.ActionPlan)
    except Exception as exc:
        # A code the checker reported is refused again by the object it belongs to: say
        # it once, in the checker's words.
        reported = {p.location for p in codes.problems}
        structural = [p for p in _problems(exc, "") if p.location not in reported]
        problems = [*structural, *problems]
    if problems:
        raise PlanLoadError(_sorted(problems), source=source, language=language)
    return plan


def _language(data: Any) -> str | None:
    """The plan's ``language`` key, if the data gives one as text."""
    language = data.get("language") if isinstance(data, Mapping) else None
    return language if isinstance(language, str) else None


def _sorted(problems: list[Problem]) -> list[Problem]:
    """Problems in document order of their key paths (indices compared as numbers)."""
    return sorted(problems, key=lambda p: location_key(p.location))


#: Deeper nesting of lists and mappings is refused (a plan file nests about seven levels).
MAX_NESTING = 50
_SURROGATE = re.compile("[\ud800-\udfff]")


def _copy(data: Any) -> tuple[Any, list[Problem]]:
    """A copy of nested dicts and lists (the code checker normalises codes in place), and
    the problems no converter can report: nesting deeper than :data:`MAX_NESTING`, and text
    holding a lone surrogate (JSON's ``"\\ud800"``), which is not a character and cannot
    be saved or exported.

    Iterative, so no depth of input can exhaust the interpreter's stack.
    """
    problems: list[Problem] = []
    root: list[Any] = [None]
    # (value, container to put its copy in, key there, key path as (parent path, step))
    stack: list[tuple[Any, Any, Any, Any, int]] = [(data, root, 0, None, 0)]
    while stack:
        value, parent, key, where, depth = stack.pop()
        if isinstance(value, Mapping):
            if depth >= MAX_NESTING:
                return None, [_too_deep(where)]
            new: dict[Any, Any] = {}
            for k, v in value.items():
                if isinstance(k, str) and not k.isascii() and _SURROGATE.search(k):
                    problems.append(_surrogate((where, str(k)), "key"))
                new[k] = None
                stack.append((v, new, k, (where, f".{k}"), depth + 1))
            parent[key] = new
        elif isinstance(value, (list, tuple)):
            if depth >= MAX_NESTING:
                return None, [_too_deep(where)]
            items: list[Any] = [None] * len(value)
            stack.extend((v, items, i, (where, f"[{i}]"), depth + 1) for i, v in enumerate(value))
            parent[key] = items
        else:
            if isinstance(value, str) and not value.isascii() and _SURROGATE.search(value):
                problems.append(_surrogate(where, "text"))
            parent[key] = value
    return root[0], problems


def _path(where: Any) -> str:
    steps: list[str] = []
    while where is not None:
        where, step = where
        steps.append(step)
    return "".join(reversed(steps)).lstrip(".")


def _too_deep(where: Any) -> Problem:
    return Problem(
        location=_path(where),
        message=msg("lists and mappings nest more than {n} levels deep here", n=str(MAX_NESTING)),
    )


_SURROGATES = {
    "key": N_("the key holds a lone surrogate (an escape such as \\ud800 that is not a character)"),
    "text": N_(
        "the text holds a lone surrogate (an escape such as \\ud800 that is not a character)"
    ),
}


def _surrogate(where: Any, what: str) -> Problem:
    return Problem(
        location=_path(where),
        message=msg(_SURROGATES[what]),
    )


def to_plain(value: Any) -> Any:
    """Any model value (a plan, an intervention, a tuple of roles, a date …) as plan files
    write it: plain JSON-compatible data, fields left at their default omitted."""
    return _converter().unstructure(value)


def plan_to_dict(plan: m.ActionPlan) -> dict[str, Any]:
    """Plain data for a plan (dates as ISO text, amounts as numbers or decimal text),
    beginning with ``schema_version``; fields left at their default are omitted."""
    body: dict[str, Any] = _converter().unstructure(plan)
    return {"schema_version": SCHEMA_VERSION, **body}


_YAML_BOOL = r"^(?:true|True|TRUE|false|False|FALSE)$"
_YAML_INT = r"^[-+]?(?:0|[1-9][0-9_]*)$"
# A subset of YAML 1.1's own number forms (what yaml.SafeDumper quotes when they are text),
# so that text saved by save_plan always reads back as text.
_YAML_FLOAT = (
    r"^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?"
    r"|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


@functools.cache
def _yaml_loader() -> type:
    """A safe YAML loader for plan files.

    Compared with :class:`yaml.SafeLoader` it

    * refuses aliases (``*name``): plan files never need them, and refusing them stops
      "billion laughs" alias bombs before they expand;
    * refuses a key given twice in one mapping (YAML would silently keep the last one,
      losing the first);
    * reads numbers with a fraction as :class:`~decimal.Decimal` from their text, so
      ``17.10`` stays target 17.10 (not 17.1) and amounts keep every digit;
    * resolves only ``true``/``false`` as booleans and only plain decimal integers as
      integers (YAML 1.2 style), so ``no``, ``on``, ``010`` or ``1:30`` stay text.
    """
    import yaml

    # libyaml's parser where PyYAML was built with it (several times faster); the
    # constructor and resolver, where the rules below live, are Python in both.
    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        def construct_object(self, node: Any, deep: bool = False) -> Any:
            # An alias is the only way to reach a node twice.
            if node in self.constructed_objects or node in self.recursive_objects:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "aliases (*name) are not allowed in plan files; the value anchored "
                    "(&name) here is used again through one",
                    node.start_mark,
                )
            return super().construct_object(node, deep=deep)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[tuple[str, str]] = set()
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue  # the base class refuses keys that are lists or mappings
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"the key {key_node.value!r} is given twice",
                        key_node.start_mark,
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    def construct_number(loader: Any, node: Any) -> Decimal:
        source = str(loader.construct_scalar(node))
        text = source.replace("_", "")
        lowered = text.lower().lstrip("+")
        if lowered in (".inf", "-.inf", ".nan"):
            text = lowered.replace(".", "")  # refused later as not finite
        number = _YamlNumber(text)  # the resolver only lets decimal notation through
        number.source = source
        return number

    def construct_int(loader: Any, node: Any) -> int | Decimal:
        source = str(loader.construct_scalar(node))
        text = source.replace("_", "")
        if len(text) > _LONG_INT:  # int() refuses this many digits; the bounds report it
            number = _YamlNumber(text)
            number.source = source
            return number
        return int(text)

    def construct_timestamp(loader: Any, node: Any) -> Any:
        # ``start: 2024-02-30`` looks like a date to YAML but is none: keep the text, so the
        # converter reports it as an invalid date at its key path.
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
        except ValueError:
            return str(loader.construct_scalar(node))

    resolvers = {
        first: [(tag, rx) for tag, rx in pairs if not tag.endswith((":bool", ":int", ":float"))]
        for first, pairs in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.yaml_implicit_resolvers = resolvers
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(_YAML_BOOL), list("tTfF"))
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(_YAML_INT), list("-+0123456789")
    )
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:float", re.compile(_YAML_FLOAT), list("-+0123456789.")
    )
    Loader.add_constructor("tag:yaml.org,2002:float", construct_number)
    Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    return Loader


@bulk
def loads_plan(text: str, *, format: str = "yaml", source: str = "") -> m.ActionPlan:
    """Parse a plan from YAML or JSON text."""
    data = _parse_text(text, format=format, source=source)
    return plan_from_dict(data, source=source)


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key {key!r} is given twice")
        out[key] = value
    return out


#: Whole numbers with more digits than this are parsed as decimals: Python's int() refuses
#: over 4,300 digits, and the bounds then report the number as too large, at its place.
_LONG_INT = 100


def _json_int(text: str) -> int | Decimal:
    return Decimal(text) if len(text) > _LONG_INT else int(text)


def _parse_text(text: str, *, format: str, source: str) -> Any:
    if not text.strip():
        raise PlanLoadError([Problem(location="", message=msg("the file is empty"))], source=source)
    too_deep = Problem(location="", message=msg("the file nests lists and mappings too deeply"))
    if format == "json":
        try:
            return json.loads(
                text, parse_float=Decimal, parse_int=_json_int, object_pairs_hook=_json_object
            )
        except json.JSONDecodeError as exc:
            raise PlanLoadError(
                [
                    Problem(
                        location=f"line {exc.lineno}, column {exc.colno}",
                        message=msg("not valid JSON: {reason}", reason=exc.msg),
                    )
                ],
                source=source,
            ) from None
        except ValueError as exc:  # a duplicate key
            raise PlanLoadError([Problem(location="", message=str(exc))], source=source) from None
        except RecursionError:
            raise PlanLoadError([too_deep], source=source) from None
    import yaml

    try:
        return yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        what = getattr(exc, "problem", None) or str(exc)
        raise PlanLoadError(
            [Problem(location=where, message=msg("not valid YAML: {reason}", reason=what))],
            source=source,
        ) from None
    except RecursionError:
        raise PlanLoadError([too_deep], source=source) from None


Reader = Callable[[Path], m.ActionPlan]
_READERS: dict[str, str] = {
    ".xlsx": "migsdg.excel.reader:read_workbook",
}


def register_reader(suffix: str, target: str) -> None:
    """Route files with ``suffix`` to ``"module:function"`` (a ``Path -> ActionPlan``)."""
    _READERS[suffix.lower()] = target


@bulk
def load_plan(path: str | os.PathLike[str]) -> m.ActionPlan:
    """Load a plan from a ``.yaml``/``.yml``, ``.json`` or ``.xlsx`` file.

    Raises :class:`PlanLoadError` (every problem, with locations) for malformed content,
    and :class:`OSError` if the file cannot be read.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    source = str(path)
    if suffix in _READERS:
        import importlib

        module, _, func = _READERS[suffix].partition(":")
        reader: Reader = getattr(importlib.import_module(module), func)
        return reader(path)
    if suffix not in (".yaml", ".yml", ".json"):
        raise PlanLoadError(
            [
                Problem(
                    location="",
                    message=msg(
                        "unknown plan file type {suffix}; use .yaml, .yml, .json or .xlsx",
                        suffix=repr(suffix or "(none)"),
                    ),
                )
            ],
            source=source,
        )
    try:
        raw = read_regular_file(path, limit=MAX_PLAN_FILE_BYTES, what="plan files")
    except RefusedFileError as exc:
        raise PlanLoadError([Problem(location="", message=str(exc))], source=source) from None
    encoding = _wide_encoding(raw)
    if encoding:
        raise PlanLoadError(
            [
                Problem(
                    location="",
                    message=msg(
                        "the file is {encoding} text; save it as UTF-8 (plan files are read "
                        "as UTF-8)",
                        encoding=encoding,
                    ),
                )
            ],
            source=source,
        )
    if b"\x00" in raw[:8192]:
        raise PlanLoadError(
            [Problem(location="", message=msg("this is a binary file, not a YAML or JSON plan"))],
            source=source,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanLoadError(
            [
                Problem(
                    location=f"byte {exc.start}",
                    message=msg("the file is not UTF-8 text (save it as UTF-8)"),
                )
            ],
            source=source,
        ) from None
    return loads_plan(text, format="json" if suffix == ".json" else "yaml", source=source)


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" if ``raw`` looks like text in one of them (by its byte order
    mark, or by the zero bytes that ASCII characters carry in them), else None."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:512]
    if len(head) >= 8 and b"\x00" in head:
        for width, name in ((4, "UTF-32"), (2, "UTF-16")):
            usable = len(head) - len(head) % width
            units = [head[i : i + width] for i in range(0, usable, width)]
            # Text mostly in Latin script: most units hold one non-zero byte, at one end.
            for lead in (0, width - 1):
                ascii_like = sum(u.count(0) == width - 1 and u[lead] != 0 for u in units)
                if ascii_like * 4 >= len(units) * 3:
                    return name
    return None


@bulk
def dumps_plan(plan: m.ActionPlan, *, format: str = "yaml") -> str:
    """The text of a plan file in ``yaml`` or ``json``."""
    data = plan_to_dict(plan)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if format != "yaml":
        raise ValueError(f"format must be yaml or json, not {format!r}")
    import yaml

    return str(
        yaml.dump(
            data,
            Dumper=_yaml_dumper(),
            sort_keys=False,
            allow_unicode=True,
            width=88,
            default_flow_style=False,
        )
    )


@functools.cache
def _yaml_dumper() -> type:
    """yaml.SafeDumper, except that text holding a NEL (U+0085) is double-quoted: in other
    styles YAML writes it raw and reads it back as a line break, changing the text."""
    import yaml

    base: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc]
        pass

    def represent_str(dumper: Any, value: str) -> Any:
        style = '"' if "\x85" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, represent_str)
    return Dumper


def save_plan(plan: m.ActionPlan, path: str | os.PathLike[str]) -> Path:
    """Write a plan to ``.yaml``/``.yml`` or ``.json`` (atomically); return the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json"):
        raise PlanLoadError(
            [
                Problem(
                    location="",
                    message=msg(
                        "cannot save a plan as {suffix}; use .yaml, .yml or .json (or "
                        "migsdg.export for .xlsx)",
                        suffix=repr(suffix or "(no suffix)"),
                    ),
                )
            ],
            source=str(path),
        )
    atomic_write_text(path, dumps_plan(plan, format="json" if suffix == ".json" else "yaml"))
    return path
