"""Interim target ladders: proposed values on the way from a baseline to a final target.

The guide asks actors, "where interim targets have been set", to consider how to meet them
in their timeframes. :func:`interim_ladder` proposes interim values for chosen years on a
straight line (``linear``: equal steps each year) or at a constant rate of change
(``growth``: the same percentage change each year, for indicators that move in
proportion, such as a cost or a prevalence). A planner reviews the proposal and accepts it
into the plan with :func:`add_interim_targets`; the checks then compare intervention
timeframes with the interim targets.

Values are :class:`~decimal.Decimal`, rounded half-up to one decimal place more than the
more precise of the baseline and the target (``12.5`` and ``3`` give two places), so the
ladder is never more precise than the data warrants yet every step stays visible. Pass
``places`` to choose. Rounding is monotone, so the ladder never turns back.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Literal

import attrs

from migsdg.catalogue import catalogue
from migsdg.codes import normalise_code
from migsdg.errors import MigsdgError
from migsdg.i18n import SOURCE_LANGUAGE, Value, languages, msg, translator
from migsdg.model import ActionPlan, InterimTarget, Measure

__all__ = [
    "METHODS",
    "LadderError",
    "add_interim_targets",
    "interim_ladder",
]

Method = Literal["linear", "growth"]
METHODS: tuple[str, ...] = ("linear", "growth")

_MAX_PLACES = 12


class LadderError(MigsdgError, ValueError):
    """Inputs from which no interim ladder can be proposed or accepted."""


def _decimal(value: Decimal | int | float | str, what: str) -> Decimal:
    if isinstance(value, bool):
        raise LadderError(f"the {what} must be a number, not {value!r}")
    try:
        result = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise LadderError(f"the {what} must be a number, not {value!r}") from None
    if not result.is_finite():
        raise LadderError(f"the {what} must be a finite number, not {value!r}")
    return result


def _places(*values: Decimal) -> int:
    """Decimal places written in the most precise of ``values``."""
    return max(max(0, -int(v.as_tuple().exponent)) for v in values)


def interim_ladder(
    baseline: Decimal | int | float | str,
    baseline_year: int,
    target: Decimal | int | float | str,
    target_year: int,
    years: Iterable[int],
    method: Method = "linear",
    *,
    places: int | None = None,
) -> tuple[Measure, ...]:
    """Proposed interim values for ``years`` between the baseline and the final target.

    ``method`` is ``"linear"`` (equal yearly steps) or ``"growth"`` (a constant yearly rate
    of change; baseline and target must then be positive). Years must lie after the
    baseline year and no later than the target year; they are returned in order, without
    repeats, each as a :class:`~migsdg.model.Measure` whose note says how it was derived.
    Raises :class:`LadderError` for inputs from which no ladder follows.
    """
    b = _decimal(baseline, "baseline")
    t = _decimal(target, "target")
    if method not in METHODS:
        raise LadderError(f"method must be linear or growth, not {method!r}")
    for name, year in (("baseline year", baseline_year), ("target year", target_year)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise LadderError(f"the {name} must be a whole year, not {year!r}")
    if target_year <= baseline_year:
        raise LadderError(
            f"the target year ({target_year}) must come after the baseline year ({baseline_year})"
        )
    chosen = sorted(set(years))
    if not chosen:
        raise LadderError("give at least one year for an interim value")
    outside = [y for y in chosen if not baseline_year < y <= target_year]
    if outside:
        raise LadderError(
            f"interim years must be after the baseline year {baseline_year} and no later "
            f"than the target year {target_year}; {', '.join(map(str, outside))} "
            f"{'is' if len(outside) == 1 else 'are'} not"
        )
    if method == "growth" and (b <= 0 or t <= 0):
        raise LadderError(
            "a constant growth rate needs a positive baseline and target "
            f"(baseline {b}, target {t}); use the linear method"
        )
    if places is None:
        places = min(_places(b, t) + 1, _MAX_PLACES)
    elif isinstance(places, bool) or not 0 <= places <= _MAX_PLACES:
        raise LadderError(f"places must be a whole number from 0 to {_MAX_PLACES}")
    quantum = Decimal(1).scaleb(-places)
    span = Decimal(target_year - baseline_year)

    out = []
    with localcontext() as ctx:
        ctx.prec = 34
        if method == "linear":
            note: str = msg(
                "linear path from {baseline} ({baseline_year}) to {target} ({target_year})",
                baseline=Value(b),
                baseline_year=str(baseline_year),
                target=Value(t),
                target_year=str(target_year),
            )
        else:
            rate = (t / b) ** (1 / span) - 1
            note = msg(
                "constant change of {rate}% a year from {baseline} ({baseline_year}) to "
                "{target} ({target_year})",
                rate=Value((rate * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)),
                baseline=Value(b),
                baseline_year=str(baseline_year),
                target=Value(t),
                target_year=str(target_year),
            )
        for year in chosen:
            if year == target_year:
                exact = t
            elif method == "linear":
                exact = b + (t - b) * (year - baseline_year) / span
            else:
                exact = b * (t / b) ** ((year - baseline_year) / span)
            out.append(Measure(value=exact.quantize(quantum, ROUND_HALF_UP), year=year, note=note))
    return tuple(out)


_ID_UNSAFE = re.compile(r"[^a-z0-9]+")


def add_interim_targets(
    plan: ActionPlan,
    target_code: str,
    indicator: str | None,
    ladder: Iterable[Measure],
    *,
    due_month_day: tuple[int, int] = (12, 31),
    unit: str = "",
    replace: bool = False,
) -> ActionPlan:
    """Accept a ladder into ``plan`` as :class:`~migsdg.model.InterimTarget` entries.

    One interim target per measure, for the SDG target ``target_code`` (which the plan
    must prioritize) and, optionally, one of its SDG indicators, due on ``due_month_day``
    of the measure's year (31 December by default). Ids are
    ``interim-<target>-<indicator>-<year>``. An interim target already set for the same
    target, indicator and year is refused unless ``replace`` is true. Returns a new plan.
    """
    cat = catalogue()
    code = cat.target(target_code).code
    ind: str | None = None
    if indicator is not None and str(indicator).strip():
        found = cat.indicator(indicator)
        ind = found.code
        if found.target != code and code not in _repeated_targets(found.repeats):
            raise LadderError(f"indicator {ind} belongs to target {found.target}, not {code}")
    if code not in plan.targets:
        raise LadderError(
            f"target {code} is not among the plan's prioritized targets; add it to an "
            "objective first"
        )
    month, day = due_month_day
    # The note of each step describes the interim target, in the plan's language.
    tr = translator(plan.language if plan.language in languages() else SOURCE_LANGUAGE)
    steps = list(ladder)
    if not steps:
        raise LadderError("the ladder has no values to accept")
    new: list[InterimTarget] = []
    for m in steps:
        if m.year is None or m.value is None:
            raise LadderError("every step of the ladder needs a year and a value")
        try:
            due = _dt.date(m.year, month, day)
        except ValueError as exc:
            raise LadderError(f"due date {m.year}-{month:02d}-{day:02d}: {exc}") from None
        slug = _ID_UNSAFE.sub("-", f"{code}-{ind or 'target'}-{m.year}".lower())
        new.append(
            InterimTarget(
                id=f"interim-{slug}",
                target=code,
                indicator=ind,
                value=m.value,
                unit=unit,
                due=due,
                description=tr.text(m.note),
            )
        )
    years = {it.due.year for it in new if it.due is not None}
    clashes = [
        it
        for it in plan.interim_targets
        if it.target == code and it.indicator == ind and it.due is not None and it.due.year in years
    ]
    if clashes and not replace:
        raise LadderError(
            "interim targets already set for "
            + ", ".join(f"{it.id} ({it.due.year if it.due else ''})" for it in clashes)
            + "; pass replace to overwrite them"
        )
    dropped = {id(it) for it in clashes}
    kept = [it for it in plan.interim_targets if id(it) not in dropped]
    new_ids = {it.id for it in new}
    taken = [it.id for it in kept if it.id in new_ids]
    if taken:
        raise LadderError(f"interim target ids already used: {', '.join(taken)}")
    return attrs.evolve(plan, interim_targets=(*kept, *new))


def _repeated_targets(repeats: Iterable[str]) -> set[str]:
    """Targets of the indicator codes an indicator repeats (``10.7.2`` is ``10.7``)."""
    return {normalise_code(r).rsplit(".", 1)[0] for r in repeats}
