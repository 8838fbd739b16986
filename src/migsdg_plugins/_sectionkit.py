"""What the bundled sector plugins' sections share: the plan's indicators, values and GCM
objectives written for people, in the section's language.

Only :mod:`migsdg.sections`' context is used, as a third-party plugin would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from migsdg.model import AchievedValue, Disaggregation, Intervention, Measure, MonitoringEntry
from migsdg.sections import SectionContext

__all__ = [
    "gcm_lines",
    "indicator_text",
    "latest",
    "measure_text",
    "migrant_reach",
    "plan_text",
    "sdg_indicators",
    "tells_migrants_apart",
]


def plan_text(iv: Intervention) -> str:
    """What the plan says the intervention does: title, description, outputs, milestones,
    the actors' tasks and coordination (not the rationale, which explains why and often
    paraphrases the frameworks it cites)."""
    parts = [iv.title, iv.description, iv.coordination, iv.policy_area]
    parts += [o.description for o in iv.outputs]
    parts += [m.description for m in iv.timeframe.milestones]
    parts += [r.tasks for r in iv.roles]
    parts += [a.description for a in iv.supporting_activities]
    return "\n".join(p for p in parts if p)


def sdg_indicators(iv: Intervention) -> set[str]:
    """The SDG indicator codes the intervention monitors."""
    return {
        m.indicator.code
        for m in iv.monitoring
        if m.indicator.kind.value == "sdg" and m.indicator.code
    }


def indicator_text(ctx: SectionContext, entry: MonitoringEntry) -> str:
    """``"3.c.1 — Health worker density and distribution"`` (the official text in the
    section's language) or a national indicator's code and name."""
    ind = entry.indicator
    if ind.kind.value == "sdg" and ind.code:
        text = ctx.target_text(ind.code)
        return f"{ind.code} — {text}" if text != ind.code else ind.code
    named = " — ".join(x for x in (ind.code or "", ind.name) if x)
    return named or ctx._("Indicator not named yet")


def measure_text(
    ctx: SectionContext, measure: Measure | AchievedValue | None, unit: str = ""
) -> str:
    """A value with its year (``"10.2 (2020)"``) and, if given, its unit; or an empty
    text."""
    if measure is None or measure.value is None:
        return ""
    value = ctx.value(measure.value)
    if unit:
        value = f"{value} {unit}"
    if measure.year is not None:
        return ctx._("{value} ({year})", value=value, year=str(measure.year))
    return value


def latest(entry: MonitoringEntry) -> AchievedValue | None:
    """The most recent value measured (by year, then date), if any."""
    dated = [a for a in entry.achieved if a.value is not None]
    if not dated:
        return None
    return max(dated, key=lambda a: (a.year or 0, a.date.toordinal() if a.date else 0))


#: Words by which a national or proxy indicator's name or definition says it is about
#: migrants (English, Spanish, French).
_ABOUT_MIGRANTS = re.compile(
    r"migra|refug|réfugi|displaced|desplazad|déplacé|movilidad humana|diaspora|diáspora", re.I
)


def _defined_for_migrants(entry: MonitoringEntry) -> bool:
    ind = entry.indicator
    return ind.kind.value != "sdg" and bool(_ABOUT_MIGRANTS.search(f"{ind.name}\n{ind.definition}"))


def tells_migrants_apart(entry: MonitoringEntry) -> bool:
    """Whether the indicator counts migrants only, is broken down by migratory status, or
    is defined in terms of migrants (a national or proxy indicator)."""
    population = entry.indicator.population
    if population is not None and population.migrants_by_definition:
        return True
    return Disaggregation.MIGRATORY_STATUS in entry.disaggregation or _defined_for_migrants(entry)


def migrant_reach(ctx: SectionContext, entry: MonitoringEntry) -> str:
    """Whether the indicator tells migrants apart: it counts migrants (or displaced or
    returning people) only, it is broken down by migratory status, or neither."""
    population = entry.indicator.population
    if population is not None and population.migrants_by_definition:
        return ctx._("counts migrants or displaced persons only")
    if Disaggregation.MIGRATORY_STATUS in entry.disaggregation:
        return ctx._("broken down by migratory status")
    if _defined_for_migrants(entry):
        return ctx._("defined in terms of migrants")
    if Disaggregation.NATIONALITY in entry.disaggregation:
        return ctx._("broken down by nationality, not by migratory status")
    return ctx._("not broken down by migratory status")


def gcm_lines(ctx: SectionContext, numbers: Iterable[int], among: Iterable[int]) -> list[str]:
    """``"Objective 15: Provide access to basic services for migrants"`` for each of
    ``numbers`` that is also in ``among``, in the section's language."""
    from migsdg.catalogue import catalogue
    from migsdg.errors import MigsdgError

    wanted = set(among)
    lines = []
    for n in sorted(set(numbers)):
        if n not in wanted:
            continue
        try:
            title = catalogue().gcm_title(n, ctx.language)
        except MigsdgError:
            continue
        lines.append(ctx._("Objective {n}: {title}", n=ctx.number(n), title=title))
    return lines


def matches(patterns: Iterable[re.Pattern[str]], text: str) -> bool:
    """Whether any of ``patterns`` occurs in ``text``."""
    return any(p.search(text) for p in patterns)
