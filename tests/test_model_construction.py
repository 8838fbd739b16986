"""Plans built as Python objects are checked where they are built: a wrong type or value
raises FieldError naming the field when the object is made or evolved; obvious
conversions are made for the caller."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import migsdg
import migsdg.model as m
from migsdg.errors import FieldError, MigsdgError
from planbuilders import clean_plan
from strategies import examples, plans


@pytest.mark.parametrize(
    ("make", "where", "says"),
    [
        (lambda: m.ActionPlan(id="p", currency="usd"), "ActionPlan.currency", "ISO 4217"),
        (lambda: m.Intervention(id="i", targets=("99.9",)), "Intervention.targets[0]", "99.9"),
        (
            lambda: m.Objective(id="o", targets=("10.7", "8.8", "10.99")),
            "Objective.targets[2]",
            "'10.99' is not an SDG target",
        ),
        (lambda: m.Intervention(id="i", type="nonsense"), "Intervention.type", "rights_based"),
        (lambda: m.Timeframe(start="2024-01-01"), "Timeframe.start", "datetime.date"),
        (lambda: m.CostLine(description="d", amount=12.5), "CostLine.amount", "float"),
        (lambda: m.FundingArrangement(source="s", amount=1.0), "FundingArrangement.amount", ""),
        (lambda: m.ActionPlan(id="p", country="jam"), "ActionPlan.country", "alpha-3"),
        (
            lambda: m.Intervention(id="i", gcm_objectives=(24,)),
            "Intervention.gcm_objectives[0]",
            "",
        ),
        (
            lambda: m.Intervention(id="i", migration_domains=(0,)),
            "Intervention.migration_domains[0]",
            "",
        ),
        (lambda: m.IndicatorRef(code="99.9.9"), "IndicatorRef.code", "not an SDG indicator"),
        (lambda: m.InterimTarget(id="x", target="10.77"), "InterimTarget.target", "did you mean"),
        (
            lambda: m.Intervention(id="i", roles=({"stage": "design"},)),
            "Intervention.roles[0]",
            "Role",
        ),
        (lambda: m.Intervention(id="i", targets="10.7"), "Intervention.targets", "tuple"),
        (lambda: m.Measure(value=Decimal("NaN")), "Measure.value", "finite"),
        (lambda: m.Measure(year="2030"), "Measure.year", "whole number"),
        (lambda: m.Measure(year=True), "Measure.year", "whole number"),
        (lambda: m.Revision(number=1, date=dt.datetime(2025, 1, 1)), "Revision.date", "date"),
        (lambda: m.Actor(id=7), "Actor.id", "text"),
        (lambda: m.ActionPlan(id="p", period=None), "ActionPlan.period", "required"),
    ],
)
def test_a_wrong_value_raises_a_field_error_naming_the_field_when_built(
    make: Any, where: str, says: str
) -> None:
    with pytest.raises(FieldError) as info:
        make()
    assert str(info.value).startswith(f"{where}: ")
    assert says in str(info.value)
    assert isinstance(info.value, MigsdgError)


def test_evolving_checks_the_new_values_too() -> None:
    plan = clean_plan()
    iv = plan.interventions[0]
    with pytest.raises(FieldError, match=r"^Intervention\.type: "):
        attrs.evolve(iv, type="nonsense")
    with pytest.raises(
        FieldError, match=r"^ActionPlan\.interventions\[1\]: must be an Intervention"
    ):
        attrs.evolve(plan, interventions=(iv, "iv-2"))


def test_obvious_conversions_are_made_for_the_caller() -> None:
    iv = m.Intervention(
        id="i",
        type="rights_based",
        form="Programme",
        targets=["SDG 10.7", "Target 08.08"],
        gcm_objectives=[6],
        resources=[m.CostLine(description="d", amount="1250.50")],
        funding=[m.FundingArrangement(source="s", amount=3, status="secured")],
    )
    assert iv.type is m.InterventionType.RIGHTS_BASED
    assert iv.form is m.InterventionForm.PROGRAMME
    assert iv.targets == ("10.7", "8.8")
    assert iv.gcm_objectives == (6,)
    assert iv.resources[0].amount == Decimal("1250.50")
    assert iv.funding[0].amount == Decimal(3) and isinstance(iv.funding[0].amount, Decimal)
    assert iv.funding[0].status is m.FundingStatus.SECURED
    assert m.IndicatorRef(code="SDG 10.7.2").code == "10.7.2"
    # National indicators keep their own codes.
    assert m.IndicatorRef(kind="national", code="NAT-7").code == "NAT-7"


def test_a_plan_built_wrongly_never_reaches_a_check_or_an_exporter() -> None:
    # Before, a float amount was accepted and failed deep inside a rule, blamed on the
    # core plugin; now the object cannot be made at all.
    with pytest.raises(FieldError) as info:
        m.CostLine(description="d", amount=0.1)
    assert "core" not in str(info.value)
    report = migsdg.check(clean_plan())
    assert report.failures == ()


_JUNK: list[Any] = [object(), b"bytes", 1.5, {"a": 1}, ["x", 1], dt.datetime(2025, 1, 1)]


def _classes() -> list[type]:
    return [
        c
        for c in vars(m).values()
        if isinstance(c, type) and attrs.has(c) and c.__module__ == "migsdg.model"
    ]


@pytest.mark.parametrize("cls", _classes(), ids=lambda c: c.__name__)
def test_every_field_of_every_class_refuses_junk_naming_itself(cls: type) -> None:
    required = {
        a.name: _valid(a.name, cls) for a in attrs.fields(cls) if a.default is attrs.NOTHING
    }
    cls(**required)  # the valid values are accepted
    named: list[tuple[str, str]] = []
    for a in attrs.fields(cls):
        for junk in _JUNK:
            try:
                obj = cls(**{**required, a.name: junk})
            except FieldError as exc:
                named.append((exc.cls, exc.field.split("[")[0]))
                if named[-1] != (cls.__name__, a.name):
                    raise
                continue
            # Accepted only when converted to the field's own kind (a list to a tuple).
            assert getattr(obj, a.name) is not junk, (cls.__name__, a.name, junk)
    assert {field for _, field in named} == {a.name for a in attrs.fields(cls)}


_CODES = {"target": "10.7", "indicator": "10.7.2", "currency": "EUR", "country": "JAM"}


def _valid(name: str, cls: type) -> Any:
    """A value field ``name`` of ``cls`` takes, made from its (resolved) annotation."""
    from migsdg._validate import _unwrap

    tp, _, many = _unwrap(attrs.fields_dict(cls)[name].type)
    if many:
        return ()
    if name in _CODES and tp is str:
        return _CODES[name]
    if isinstance(tp, type) and issubclass(tp, m.Choice):
        return next(iter(tp))
    if isinstance(tp, type) and attrs.has(tp):
        return tp(
            **{a.name: _valid(a.name, tp) for a in attrs.fields(tp) if a.default is attrs.NOTHING}
        )
    return {str: "x", int: 1, Decimal: Decimal(1), dt.date: dt.date(2025, 1, 1), bool: True}[tp]


@given(st.decimals(allow_nan=False, allow_infinity=False), st.integers())
def test_decimal_fields_take_decimals_ints_and_numeric_text_alike(
    value: Decimal, whole: int
) -> None:
    assert m.CostLine(description="d", amount=value).amount == value
    assert m.CostLine(description="d", amount=str(value)).amount == value
    assert m.CostLine(description="d", amount=whole).amount == Decimal(whole)


# -- the fast path: a value of exactly the field's type is stored as given, without a
# conversion; anything else goes through the full check. Whichever path a value takes,
# what is stored must conform to the field's annotation.


def _conforms(cls: type, name: str, value: Any, obj: Any) -> bool:
    """Whether ``value`` (stored in field ``name`` of ``obj``) is what the field holds,
    judged from the annotation alone, independently of migsdg._validate."""
    from migsdg._validate import _unwrap
    from migsdg.catalogue import catalogue

    cat = catalogue()
    tp, optional, many = _unwrap(attrs.fields_dict(cls)[name].type)
    if value is None:
        return optional
    items = value if many else (value,)
    if many and type(value) is not tuple:
        return False
    for item in items:
        if name == "targets" or (cls is m.InterimTarget and name == "target"):
            ok = type(item) is str and (item in cat.targets or (not many and item == ""))
        elif cls is m.InterimTarget and name == "indicator":
            ok = type(item) is str and (
                item in cat.indicators or item in cat.legacy_indicators or item == ""
            )
        elif cls is m.IndicatorRef and name == "code" and obj.kind is m.IndicatorKind.SDG:
            ok = type(item) is str and (item in cat.indicators or item in cat.legacy_indicators)
        elif name == "gcm_objectives":
            ok = type(item) is int and 1 <= item <= 23
        elif name == "migration_domains":
            ok = type(item) is int and 1 <= item <= 6
        elif name in ("currency", "country") and tp is str:
            ok = type(item) is str and (item == "" or (len(item) == 3 and item.isupper()))
        elif tp is int:
            ok = type(item) is int
        elif tp is Decimal:
            ok = type(item) is Decimal and item.is_finite()
        elif tp is dt.date:
            ok = type(item) is dt.date
        else:
            ok = isinstance(item, tp)
        if not ok:
            return False
    return True


_ENUM_MEMBERS = [
    member
    for c in vars(m).values()
    if isinstance(c, type) and issubclass(c, m.Choice) and c is not m.Choice
    for member in c
]
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 30),
    st.integers(),
    st.decimals(),
    st.floats(),
    st.text(max_size=6),
    st.sampled_from(
        ["10.7", "SDG 10.7", "10.7.2", "10.77", "8.8.1", "usd", "USD", "JAM", "", "national"]
    ),
    st.sampled_from(_ENUM_MEMBERS),
    st.dates(),
    st.datetimes(),
    st.builds(object),
)


@st.composite
def _field_values(draw: st.DrawFn) -> tuple[type, str, Any]:
    cls = draw(st.sampled_from(_classes()))
    name = draw(st.sampled_from([a.name for a in attrs.fields(cls)]))
    valid = _valid(name, cls)
    models = st.sampled_from(
        [
            c(**{a.name: _valid(a.name, c) for a in attrs.fields(c) if a.default is attrs.NOTHING})
            for c in (m.Role, m.Output, m.Measure, m.Timeframe)
        ]
    )
    one = st.one_of(_SCALARS, models, st.just(valid))
    value = draw(st.one_of(one, st.lists(one, max_size=3), st.lists(one, max_size=3).map(tuple)))
    return cls, name, value


def _build(cls: type, name: str, value: Any, *, evolve: bool) -> Any:
    """The object made with ``value`` in field ``name``, or the FieldError it raised."""
    required = {
        a.name: _valid(a.name, cls) for a in attrs.fields(cls) if a.default is attrs.NOTHING
    }
    try:
        if evolve:
            return attrs.evolve(cls(**required), **{name: value})
        return cls(**{**required, name: value})
    except FieldError as exc:
        return exc


def _holds_or_refuses(cls: type, name: str, value: Any, *, evolve: bool) -> bool:
    got = _build(cls, name, value, evolve=evolve)
    if isinstance(got, FieldError):
        return (got.cls, got.field.split("[")[0]) == (cls.__name__, name)
    return _conforms(cls, name, getattr(got, name), got)


class _Text(str):
    """Text of a class of its own (equal to, and hashed as, the plain text)."""


_TRICKY: list[Any] = [
    None, True, False, 0, 1, 7, 24, -1, 2**70, 1.0, 1.5, float("nan"), Decimal(1),
    _Text("10.7"), _Text("10.7.2"), _Text("USD"),
    Decimal("1.5"), Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"),
    "", "x", "10.7", "SDG 10.7", "10.77", "10.7.2", "99.9.9", "usd", "USD", "US", "JAM",
    "2025-01-01", "national", "lead", dt.date(2025, 1, 1), dt.datetime(2025, 1, 1),
    m.Stage.DESIGN, m.IndicatorKind.NATIONAL, m.Population.MIGRANTS, b"x", object(), {"a": 1},
    m.Role(stage=m.Stage.DESIGN, actor="a"), m.Measure(),
]  # fmt: skip


@pytest.mark.parametrize("cls", _classes(), ids=lambda c: c.__name__)
def test_every_field_holds_a_value_of_its_type_or_refuses_it_naming_itself(cls: type) -> None:
    # Each tricky value, alone and in a list and a tuple, in every field, when made and
    # when evolved: what the fast path lets through must conform as the full check's does.
    bad = [
        (a.name, value, evolve)
        for a in attrs.fields(cls)
        for one in _TRICKY
        for value in (one, [one], (one,), (one, one))
        for evolve in (False, True)
        if not _holds_or_refuses(cls, a.name, value, evolve=evolve)
    ]
    assert bad == []


@given(_field_values(), st.booleans())
def test_whatever_a_field_is_given_it_holds_a_value_of_its_type_or_refuses_it(
    case: tuple[type, str, Any], evolve: bool
) -> None:
    cls, name, value = case
    assert _holds_or_refuses(cls, name, value, evolve=evolve), (cls.__name__, name, value)


def _objects(obj: Any) -> list[Any]:
    out = []
    stack = [obj]
    while stack:
        o = stack.pop()
        if attrs.has(type(o)):
            out.append(o)
            stack.extend(getattr(o, a.name) for a in attrs.fields(type(o)))
        elif type(o) is tuple:
            stack.extend(o)
    return out


@settings(max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(max_interventions=2, max_items=2))
def test_well_typed_values_are_stored_as_given_in_every_field(plan: m.ActionPlan) -> None:
    # Each object of a loadable plan, made again from its own values, holds the very same
    # objects (no copy, no conversion) in every field, as attrs' own __init__ would.
    for obj in _objects(plan):
        cls = type(obj)
        values = {a.alias or a.name: getattr(obj, a.name) for a in attrs.fields(cls)}
        again = cls(**values)
        plain = object.__new__(cls)
        cls.__init__.__wrapped__(plain, **values)
        for a in attrs.fields(cls):
            assert getattr(again, a.name) is getattr(obj, a.name), (cls.__name__, a.name)
        assert again == plain == obj


def test_every_catalogue_indicator_code_is_written_as_it_normalises() -> None:
    # IndicatorRef takes a catalogue code as it is without normalising it again: this
    # holds only because each one is already in its normal form.
    from migsdg.catalogue import catalogue
    from migsdg.codes import normalise_code

    cat = catalogue()
    codes = [*cat.indicators, *cat.legacy_indicators]
    assert codes
    assert [c for c in codes if normalise_code(c) != c or type(c) is not str] == []


@given(st.one_of(st.text(max_size=12), st.sampled_from(["10.7.2", " SDG 10.7.2 ", "8.8.1"])))
def test_an_sdg_indicator_reference_keeps_only_catalogue_codes(code: str) -> None:
    from migsdg.catalogue import catalogue
    from migsdg.codes import normalise_code

    cat = catalogue()
    known = {*cat.indicators, *cat.legacy_indicators}
    ref = _build(m.IndicatorRef, "code", code, evolve=False)
    if isinstance(ref, FieldError):
        assert (ref.cls, ref.field) == ("IndicatorRef", "code")
        assert normalise_code(code) not in known
        return
    assert ref.code in known
    assert ref.code == normalise_code(code)
    assert m.IndicatorRef(kind="proxy", code=code).code == code
