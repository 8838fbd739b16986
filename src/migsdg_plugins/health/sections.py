"""The health sector's sections of the Word draft and the workbook.

* ``health.who-code``: the plan's health workforce interventions against the WHO Global
  Code of Practice on the International Recruitment of Health Personnel (WHA63.16, 2010),
  and what the country reports through the Code's national reporting instrument.
* ``health.migrant-health-services``: the plan's interventions that include migrants in
  health services and coverage, against target 3.8 and the frameworks they rely on.

Sources: the WHO overview of the Code and WHO's User's Guide (WHO/HSS/HRH/HMR/2010.2)
for its themes; articles 5.2, 5.5 and 5.7 as tabulated in Globalization and Health
(2016), doi 10.1186/s12992-016-0198-0, table 4; article 9 (monitoring and reporting)
and article 7 (the designated national authority) from the Code's text on who.int. Only
those articles are used to read the plan. The WHO Global Action Plan on promoting the
health of refugees and migrants (decision WHA72(14), extended to 2030 by resolution
WHA76.14), the Colombo Statement of the 2nd Global Consultation on Migrant Health
(2017), and the WHO–World Bank metadata of indicator 3.8.2 (thresholds of 10% and 25%).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from migsdg.i18n import N_
from migsdg.model import ActionPlan, Intervention, Stage
from migsdg.present import Block, Cell
from migsdg.sections import PlanSection, SectionContext
from migsdg_plugins._sectionkit import (
    gcm_lines,
    indicator_text,
    latest,
    matches,
    measure_text,
    migrant_reach,
    plan_text,
    sdg_indicators,
)

__all__ = [
    "ARTICLES",
    "MIGRANT_HEALTH_SECTION",
    "SECTIONS",
    "WHO_CODE_SECTION",
    "articles_of",
    "national_authority",
    "service_interventions",
    "workforce_interventions",
]

#: The Code's articles the plan is read against, in our own summary.
ARTICLES: tuple[tuple[str, str], ...] = (
    (
        "5.2",
        N_(
            "Article 5.2: bilateral agreements on recruitment that also benefit the source "
            "country, for example through technical assistance, support for retention, "
            "training in the source country, twinning of health facilities or help with "
            "regulation."
        ),
    ),
    (
        "5.5",
        N_(
            "Article 5.5: more training institutions and updated curricula, so that the "
            "country educates the health workers it needs."
        ),
    ),
    (
        "5.7",
        N_(
            "Article 5.7: measures against the uneven distribution of health workers and "
            "for their retention in underserved areas."
        ),
    ),
    (
        "7",
        N_(
            "Article 7: a designated national authority for the exchange of information "
            "on the recruitment and migration of health personnel."
        ),
    ),
    (
        "9",
        N_(
            "Article 9: periodic reporting to WHO on the measures taken, their results, the "
            "difficulties met and the lessons learned."
        ),
    ),
)

_WORKFORCE_SUBTYPES = {"health.ethical-health-recruitment", "health.workforce-partnership"}
_WORKFORCE_TEMPLATES = {"health.who-code", "health.workforce-partnership"}
_SERVICE_SUBTYPES = {
    "health.service-inclusion",
    "health.health-information",
    "health.migration-health-policy",
}
_SERVICE_TEMPLATES = {
    "health.migrant-inclusive-services",
    "health.migrant-sensitive-his",
    "health.migration-health-policy",
}

# What the plan's own words show, in the languages plans are written in.
_AGREEMENT = (
    re.compile(r"\b(?:bilateral|agreements?|memorand(?:um|a) of understanding)\b", re.I),
    re.compile(r"\b(?:acuerdos?|convenios?) (?:bilateral|con (?:el|los) (?:país|empleador))", re.I),
    re.compile(r"\baccords? (?:bilatéra|avec)", re.I),
)
_TRAINING = (
    re.compile(r"\btraining (?:places|institutions?|capacity)|\bcurricul|\bnursing schools?", re.I),
    re.compile(r"\bplazas de formación|\bescuelas de (?:enfermería|medicina)|\bcurrícul", re.I),
    re.compile(r"\bplaces de formation|\bécoles (?:de soins|d'infirmi)|\bcursus\b", re.I),
)
_RETENTION = (
    re.compile(r"\bretention|\bretain|\bunderserved|\bhard-to-staff|\bmaldistribution", re.I),
    re.compile(r"\bretención|\bzonas? (?:rurales|desatendidas)|\bdifícil cobertura", re.I),
    re.compile(r"\bfidélisation|\brétention|\bzones? (?:rurales|mal desservies)", re.I),
)
_AUTHORITY = (
    re.compile(r"\bnational authority\b", re.I),
    re.compile(r"\bautoridad nacional\b", re.I),
    re.compile(r"\bautorité nationale\b", re.I),
)
_CODE = (
    re.compile(r"\bWHO Code\b|\bGlobal Code of Practice\b", re.I),
    re.compile(
        r"\bCódigo (?:de prácticas )?(?:mundial )?de (?:la )?OMS\b|\bCódigo de prácticas", re.I
    ),
    re.compile(r"\bCode (?:de pratique )?(?:mondial )?de l'OMS\b|\bCode de pratique", re.I),
)
_HEALTH_SECTORS = ("Health", "Salud", "Santé")


def _is_workforce(iv: Intervention) -> bool:
    if iv.subtype in _WORKFORCE_SUBTYPES or iv.template in _WORKFORCE_TEMPLATES:
        return True
    return "3.c" in iv.targets or "3.c.1" in sdg_indicators(iv)


def workforce_interventions(plan: ActionPlan) -> tuple[Intervention, ...]:
    """The plan's health workforce interventions: made from the WHO Code's templates or
    sub-types, or aimed at target 3.c (or monitoring 3.c.1)."""
    return tuple(iv for iv in plan.interventions if _is_workforce(iv))


def _is_service(iv: Intervention) -> bool:
    if _is_workforce(iv):
        return False
    if iv.subtype in _SERVICE_SUBTYPES or iv.template in _SERVICE_TEMPLATES:
        return True
    return "3.8" in iv.targets or bool({"3.8.1", "3.8.2"} & sdg_indicators(iv))


def service_interventions(plan: ActionPlan) -> tuple[Intervention, ...]:
    """The plan's interventions on migrants' access to health services and coverage:
    made from the health plugin's inclusion, information or policy templates, or aimed at
    target 3.8."""
    return tuple(iv for iv in plan.interventions if _is_service(iv))


def _reports_under_code(iv: Intervention) -> bool:
    return iv.template == "health.who-code" or any(
        role.stage is Stage.MONITORING and matches(_CODE, role.tasks) for role in iv.roles
    )


def articles_of(iv: Intervention) -> tuple[str, ...]:
    """The articles of the Code (of :data:`ARTICLES`) the intervention puts into practice,
    as its template, sub-type and its own words show."""
    text = plan_text(iv)
    found = set()
    if iv.subtype == "health.workforce-partnership" or matches(_AGREEMENT, text):
        found.add("5.2")
    if matches(_TRAINING, text):
        found.add("5.5")
    if matches(_RETENTION, text):
        found.add("5.7")
    if iv.template == "health.who-code" or matches(_AUTHORITY, text):
        found.add("7")
    if _reports_under_code(iv):
        found.add("9")
    return tuple(code for code, _ in ARTICLES if code in found)


def national_authority(plan: ActionPlan) -> tuple[str, ...]:
    """Ids of the actors the plan gives the national authority's work: a role that names
    the national authority, or the lead in monitoring of an intervention that reports
    under the Code."""
    found: list[str] = []
    for iv in workforce_interventions(plan):
        for role in iv.roles:
            named = matches(_AUTHORITY, role.tasks)
            reports = (
                role.stage is Stage.MONITORING
                and role.role.value == "lead"
                and _reports_under_code(iv)
            )
            if (named or reports) and role.actor and role.actor not in found:
                found.append(role.actor)
    return tuple(found)


def _who_code(ctx: SectionContext) -> Sequence[Block]:
    interventions = workforce_interventions(ctx.plan)
    blocks: list[Block] = [
        ctx.para(
            ctx._(
                "The WHO Global Code of Practice on the International Recruitment of Health "
                "Personnel was adopted by the Sixty-third World Health Assembly in May 2010 "
                "(resolution WHA63.16). It is voluntary and global, and is addressed to "
                "Member States and to health personnel, recruiters, employers and "
                "professional bodies. Its main themes, as WHO's user's guide presents them, "
                "are ethical recruitment, health workforce development and health system "
                "sustainability, fair treatment of migrant health personnel, international "
                "cooperation, support to developing countries, data gathering and "
                "information exchange."
            ),
            "note",
        ),
        ctx.para(
            ctx._(
                "The table shows, for each health workforce intervention of the plan, the "
                "articles of the Code it puts into practice, as its template and its own "
                "description, outputs and tasks show. The ministry responsible for health "
                "confirms this reading."
            ),
            "note",
        ),
    ]
    names = {code: ctx._(text) for code, text in ARTICLES}
    rows = []
    for iv in interventions:
        found = articles_of(iv)
        rows.append(
            (
                ctx.intervention_name(iv),
                "\n".join(names[code] for code in found)
                or ctx._("None identified: to be assessed by the ministry responsible for health."),
            )
        )
    blocks.append(
        ctx.table(
            "who-code",
            (
                ("Intervention", ctx._("Intervention")),
                ("Articles of the Code addressed", ctx._("Articles of the Code addressed")),
            ),
            rows,
            widths=(4, 9),
        )
    )
    addressed = {code for iv in interventions for code in articles_of(iv)}
    missing = [code for code, _ in ARTICLES if code not in addressed]
    if interventions and missing:
        blocks.append(
            ctx.para(
                ctx._(
                    "Articles no health workforce intervention addresses yet: {list}.",
                    list=", ".join(missing),
                )
            )
        )
    blocks += _reporting(ctx, interventions)
    return blocks


def _reporting(ctx: SectionContext, interventions: Sequence[Intervention]) -> list[Block]:
    blocks: list[Block] = [
        ctx.para(ctx._("National reporting on the Code"), "strong"),
        ctx.para(
            ctx._(
                "Under article 9 each Member State reports periodically to WHO on the "
                "measures it has taken, their results, the difficulties met and the lessons "
                "learned, and the Director-General reports to the World Health Assembly. The "
                "plan gives the report the measures above and the values of the indicators "
                "below."
            )
        ),
    ]
    authorities = national_authority(ctx.plan)
    if authorities:
        blocks.append(
            ctx.para(
                ctx._(
                    "The plan gives the work of the designated national authority (article "
                    "7) to: {names}.",
                    names=", ".join(ctx.actor_name(a) for a in authorities),
                )
            )
        )
    elif interventions:
        blocks.append(
            ctx.para(
                ctx._(
                    "The plan gives no actor the work of the designated national authority "
                    "for the Code (article 7), which handles the exchange of information "
                    "under the Code."
                ),
                "missing",
            )
        )
    rows = []
    three_c_one = False
    for iv in interventions:
        for entry in iv.monitoring:
            unit = entry.indicator.unit
            three_c_one |= entry.indicator.code == "3.c.1"
            rows.append(
                (
                    Cell(unit, head=indicator_text(ctx, entry)),
                    ctx.intervention_name(iv),
                    measure_text(ctx, entry.baseline),
                    measure_text(ctx, latest(entry)),
                    measure_text(ctx, entry.target),
                    ctx.actor_name(entry.responsible) if entry.responsible else "",
                )
            )
    if rows:
        blocks.append(
            ctx.table(
                "who-code-reporting",
                (
                    ("Indicator", ctx._("Indicator")),
                    ("Intervention", ctx._("Intervention")),
                    ("Baseline", ctx._("Baseline"), True),
                    ("Latest value", ctx._("Latest value"), True),
                    ("Target", ctx._("Target"), True),
                    ("Responsible", ctx._("Responsible")),
                ),
                rows,
                widths=(4, 3, 2, 2, 2, 3),
            )
        )
    elif interventions:
        blocks.append(
            ctx.para(
                ctx._(
                    "No health workforce intervention monitors an indicator yet; the national "
                    "report needs at least the density and distribution of health workers "
                    "(indicator 3.c.1)."
                ),
                "missing",
            )
        )
    if three_c_one:
        blocks.append(
            ctx.para(
                ctx._(
                    "Indicator 3.c.1, whose custodian is WHO, counts health workers per "
                    "10,000 population by occupation (medical doctors, nursing and midwifery "
                    "professionals, dentists, pharmacists and others, as ISCO-08 classifies "
                    "them)."
                ),
                "note",
            )
        )
    return blocks


def _migrant_health(ctx: SectionContext) -> Sequence[Block]:
    interventions = service_interventions(ctx.plan)
    blocks: list[Block] = [
        ctx.para(f"3.8 — {ctx.target_text('3.8')}", "strong"),
        ctx.para(
            ctx._(
                "Migrants who are left out of coverage, or kept from services by documents, "
                "language, cost or fear, are a gap in universal health coverage. The table "
                "shows, for each intervention of the plan that includes migrants in health "
                "services or coverage, how its indicators count migrants and the objectives "
                "of the Global Compact for Migration it serves."
            ),
            "note",
        ),
    ]
    rows = []
    financial = False
    for iv in interventions:
        monitored = []
        for entry in iv.monitoring:
            financial |= entry.indicator.code == "3.8.2"
            monitored.append(f"{indicator_text(ctx, entry)}: {migrant_reach(ctx, entry)}")
        rows.append(
            (
                ctx.intervention_name(iv),
                "\n".join(monitored) or ctx._("No indicator yet"),
                "\n".join(gcm_lines(ctx, iv.gcm_objectives, (1, 15, 16, 17, 22)))
                or ctx._("None cited"),
            )
        )
    blocks.append(
        ctx.table(
            "migrant-health-services",
            (
                ("Intervention", ctx._("Intervention")),
                ("How its indicators count migrants", ctx._("How its indicators count migrants")),
                ("GCM objectives", ctx._("GCM objectives")),
            ),
            rows,
            widths=(4, 6, 4),
        )
    )
    if interventions and not financial:
        blocks.append(
            ctx.para(
                ctx._(
                    "No intervention monitors financial protection. Indicator 3.8.2, which "
                    "WHO and the World Bank produce together from household budget or "
                    "expenditure surveys, is the share of the population whose household "
                    "spends more than 10% or 25% of its total expenditure or income on "
                    "health; a breakdown by migratory status shows whether migrant "
                    "households are protected."
                ),
                "missing",
            )
        )
    blocks.append(
        ctx.para(
            ctx._(
                "Frameworks these interventions rely on: WHO's Global Action Plan on "
                "promoting the health of refugees and migrants (2019–2023, extended to 2030 "
                "by resolution WHA76.14 in 2023), which aims at universal health coverage "
                "and the highest attainable standard of health for refugees, migrants and "
                "host populations; and the Colombo Statement of the 2nd Global Consultation "
                "on Migrant Health (2017), which calls for migrant-centred, "
                "non-discriminatory health systems."
            ),
            "note",
        )
    )
    return blocks


WHO_CODE_SECTION = PlanSection(
    id="health.who-code",
    title=N_("Health workforce: the WHO Global Code of Practice and national reporting"),
    build=_who_code,
    placement="annex",
    sectors=_HEALTH_SECTORS,
    templates=("health",),
    applies=lambda plan: bool(workforce_interventions(plan)),
    description="The plan's health workforce interventions against the articles of the WHO "
    "Global Code of Practice, and what the country reports under it",
)

MIGRANT_HEALTH_SECTION = PlanSection(
    id="health.migrant-health-services",
    title=N_("Migrant health: health services and universal health coverage"),
    build=_migrant_health,
    placement="annex",
    sectors=_HEALTH_SECTORS,
    templates=("health",),
    applies=lambda plan: bool(service_interventions(plan)),
    description="The plan's interventions that include migrants in health services and "
    "coverage, against target 3.8, how their indicators count migrants",
)

SECTIONS: tuple[PlanSection, ...] = (WHO_CODE_SECTION, MIGRANT_HEALTH_SECTION)
