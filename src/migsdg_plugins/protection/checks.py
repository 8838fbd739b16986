"""Trafficking and protection checks (codes PRT1xx)."""

from __future__ import annotations

from collections.abc import Iterator

from migsdg.checks import CheckContext, Hit, Rule, Severity, rule
from migsdg.i18n import Term, Value, msg
from migsdg.model import Disaggregation, IndicatorKind

__all__ = ["RULES"]

TRAFFICKING_VICTIMS = "16.2.2"


@rule(
    "PRT101",
    "trafficking-victims-by-sex-and-age",
    severity=Severity.WARNING,
    summary="An intervention that monitors SDG indicator 16.2.2 (victims of human "
    "trafficking per 100,000 population) disaggregates it by sex and by age.",
    why="Indicator 16.2.2 is defined 'by sex, age and form of exploitation'. Target 5.2 "
    "concerns women and girls and target 16.2 concerns children, so without the breakdown "
    "the indicator cannot show progress on either; the form of exploitation has no "
    "dimension of its own in a plan and belongs in the data source or a note.",
)
def _victims_by_sex_and_age(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for j, entry in enumerate(iv.monitoring):
            ref = entry.indicator
            if ref.kind is not IndicatorKind.SDG or ref.code != TRAFFICKING_VICTIMS:
                continue
            missing = [
                Term(d)
                for d in (Disaggregation.SEX, Disaggregation.AGE)
                if d not in entry.disaggregation
            ]
            if missing:
                yield Hit(
                    location=f"{where}.monitoring[{j}].disaggregation",
                    message=msg(
                        "intervention {iv!r} monitors 16.2.2 without disaggregation by {missing}",
                        iv=iv.id,
                        missing=(
                            missing[0]
                            if len(missing) == 1
                            else msg("{first} and {second}", first=missing[0], second=missing[1])
                        ),
                    ),
                    hint=msg(
                        "Add sex and age to the disaggregation; case records of identified "
                        "victims hold both, and the form of exploitation can be named in the "
                        "data source.",
                    ),
                    intervention=iv.id,
                )


@rule(
    "PRT102",
    "detected-victims-target",
    severity=Severity.INFO,
    summary="A monitoring entry for SDG indicator 16.2.2 that aims at fewer victims is "
    "read with care: the indicator counts victims who were detected.",
    why="UNODC compiles 16.2.2 mainly from officially detected victims, so its trend "
    "follows detection and law enforcement as much as the prevalence of trafficking. An "
    "intervention that improves identification will at first raise the number; a target "
    "below the baseline can then read as failure when the intervention works.",
)
def _detected_victims(ctx: CheckContext) -> Iterator[Hit]:
    for where, iv in ctx.interventions():
        for j, entry in enumerate(iv.monitoring):
            ref = entry.indicator
            if ref.kind is not IndicatorKind.SDG or ref.code != TRAFFICKING_VICTIMS:
                continue
            base = entry.baseline.value if entry.baseline else None
            goal = entry.target.value if entry.target else None
            if base is not None and goal is not None and goal < base:
                yield Hit(
                    location=f"{where}.monitoring[{j}].target",
                    message=msg(
                        "intervention {iv!r} aims to lower 16.2.2 ({base} to {goal}), an "
                        "indicator of detected victims",
                        iv=iv.id,
                        base=Value(base),
                        goal=Value(goal),
                    ),
                    hint=msg(
                        "Pair it with an indicator of identification and assistance (for "
                        "example identified victims referred to assistance), or explain in a "
                        "note why fewer detected victims means less trafficking here.",
                    ),
                    intervention=iv.id,
                )


RULES: tuple[Rule, ...] = (_victims_by_sex_and_age, _detected_victims)
