"""The labour sector's section of the Word draft and the workbook: the plan's labour
mobility interventions against the ILO General Principles for Fair Recruitment, and the
ILO instruments they cite.

Sources (see /docs/templates.md for the templates' own): the ILO General Principles and
Operational Guidelines for Fair Recruitment, developed by a tripartite meeting of experts
in September 2016 and published with the Definition of Recruitment Fees and Related Costs
(adopted by a tripartite meeting of experts in November 2018, approved for publication by
the ILO Governing Body in March 2019). Only the general principles whose content the
sources confirm (1 to 7) are used to read the plan; the others are not restated here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from migsdg.i18n import N_
from migsdg.model import Intervention, InterventionForm
from migsdg.present import Block
from migsdg.sections import PlanSection, SectionContext

__all__ = ["FAIR_RECRUITMENT_SECTION", "INSTRUMENTS", "PRINCIPLES", "SECTIONS", "principles_of"]

#: The general principles, in our own summary of the ILO text (numbers as in the ILO's).
PRINCIPLES: tuple[tuple[int, str], ...] = (
    (
        1,
        N_(
            "Recruitment respects, protects and fulfils human rights, including the "
            "fundamental principles and rights at work."
        ),
    ),
    (
        2,
        N_(
            "Recruitment responds to established labour market needs and does not displace "
            "workers or undercut wages and working conditions."
        ),
    ),
    (
        3,
        N_("Employment and recruitment law covers all workers, labour recruiters and employers."),
    ),
    (
        4,
        N_(
            "Recruitment is efficient and transparent and protects workers, for example "
            "through the mutual recognition of skills and qualifications."
        ),
    ),
    (
        5,
        N_(
            "Regulation is clear, transparent and enforced, with a role for labour inspection "
            "and the registration, licensing or certification of labour recruiters."
        ),
    ),
    (
        6,
        N_(
            "Recruitment across borders respects the law of the countries of origin, transit "
            "and destination and international labour standards."
        ),
    ),
    (
        7,
        N_(
            "No recruitment fees or related costs are charged to, or otherwise borne by, "
            "workers and jobseekers."
        ),
    ),
)

#: Which principles the labour plugin's templates and sub-types put into practice.
_BY_TEMPLATE: dict[str, tuple[int, ...]] = {
    "labour.fair-recruitment": (1, 5, 7),
    "labour.ethical-recruitment": (1, 5, 7),
    "labour.recruitment-cost-survey": (7,),
    "labour.migration-statistics": (7,),
    "labour.labour-market-migration": (2,),
    "labour.labour-market-planning": (2,),
    "labour.inspection-osh": (3, 5),
    "labour.labour-inspection": (3, 5),
    "labour.bilateral-agreement": (4, 6),
    "labour.migrant-resource-centres": (1, 4),
    "labour.worker-information": (1, 4),
}

#: ILO and UN instruments on labour migration an intervention may cite: a pattern that
#: finds it in the intervention's text, and its name.
INSTRUMENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\bGeneral Principles\b.*\bFair Recruitment\b", re.I | re.S),
        N_("ILO General Principles and Operational Guidelines for Fair Recruitment (2016)"),
    ),
    (
        re.compile(r"\bDefinition of Recruitment Fees\b", re.I),
        N_("ILO Definition of Recruitment Fees and Related Costs (2018)"),
    ),
    (
        re.compile(r"\b(?:C\s?0?97|(?:Convention\s+)?No\.?\s?97)\b", re.I),
        N_("Migration for Employment Convention (Revised), 1949 (No. 97)"),
    ),
    (
        re.compile(r"\b(?:C\s?143|(?:Convention\s+)?No\.?\s?143)\b", re.I),
        N_("Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143)"),
    ),
    (
        re.compile(r"\b(?:C\s?181|(?:Convention\s+)?No\.?\s?181)\b", re.I),
        N_("Private Employment Agencies Convention, 1997 (No. 181)"),
    ),
    (
        re.compile(r"\b(?:C\s?189|(?:Convention\s+)?No\.?\s?189)\b", re.I),
        N_("Domestic Workers Convention, 2011 (No. 189)"),
    ),
    (
        re.compile(r"\bMultilateral Framework on Labour Migration\b", re.I),
        N_("ILO Multilateral Framework on Labour Migration (2006)"),
    ),
    (
        re.compile(r"\bRights of All Migrant Workers\b", re.I),
        N_(
            "International Convention on the Protection of the Rights of All Migrant "
            "Workers and Members of Their Families (1990)"
        ),
    ),
)

_LABOUR_SECTORS = (
    "Labour and employment",
    "Labour",
    "Employment",
    "Labour migration",
    "Trabajo y empleo",
    "Trabajo",
    "Empleo",
    "Travail et emploi",
    "Travail",
    "Emploi",
)


def _text(iv: Intervention) -> str:
    return "\n".join((iv.title, iv.description, iv.rationale))


def principles_of(iv: Intervention) -> tuple[int, ...]:
    """The general principles an intervention addresses, as its template or sub-type, the
    indicators it monitors and its form show."""
    found: set[int] = set()
    for made_from in (iv.template, iv.subtype):
        if made_from:
            found.update(_BY_TEMPLATE.get(made_from, ()))
    for entry in iv.monitoring:
        if entry.indicator is not None and entry.indicator.code == "10.7.1":
            found.add(7)  # the recruitment cost borne by the worker
    if iv.form is InterventionForm.LEGISLATIVE_CHANGE:
        found.update((3, 5))  # the law that covers recruiters, enforced
    return tuple(sorted(found))


def instruments_of(iv: Intervention) -> tuple[str, ...]:
    """The instruments the intervention's text cites (English names, in a fixed order)."""
    text = _text(iv)
    return tuple(name for pattern, name in INSTRUMENTS if pattern.search(text))


def _build(ctx: SectionContext) -> Sequence[Block]:
    interventions = ctx.interventions()
    blocks: list[Block] = [
        ctx.para(
            ctx._(
                "The ILO General Principles and Operational Guidelines for Fair Recruitment, "
                "agreed by governments, employers and workers, guide national law and "
                "practice on the recruitment of all workers, migrant workers included. They "
                "are not binding. The table shows, for each labour mobility intervention of "
                "the plan, the general principles it puts into practice, as its template, "
                "its indicators and its form show, and the international instruments its "
                "text cites. The ministry responsible for labour confirms this reading."
            ),
            "note",
        )
    ]
    numbers = {n: ctx._(text) for n, text in PRINCIPLES}
    rows = []
    uncited = 0
    for iv in interventions:
        principles = principles_of(iv)
        cited = instruments_of(iv)
        uncited += not cited
        rows.append(
            (
                ctx.intervention_name(iv),
                "\n".join(f"{ctx.number(n)}. {numbers[n]}" for n in principles)
                or ctx._("None identified: to be assessed by the ministry responsible for labour."),
                "\n".join(ctx._(name) for name in cited) or ctx._("None cited"),
            )
        )
    blocks.append(
        ctx.table(
            "fair-recruitment",
            (
                ("Intervention", ctx._("Intervention")),
                ("General principles addressed", ctx._("General principles addressed")),
                ("Instruments cited", ctx._("Instruments cited")),
            ),
            rows,
            widths=(3, 6, 4),
        )
    )
    addressed = {n for iv in interventions for n in principles_of(iv)}
    missing = [n for n, _ in PRINCIPLES if n not in addressed]
    if missing:
        blocks.append(
            ctx.para(
                ctx._(
                    "General principles no labour mobility intervention addresses yet: {list}.",
                    list=", ".join(ctx.number(n) for n in missing),
                )
            )
        )
    if 7 not in addressed:
        blocks.append(
            ctx.para(
                ctx._(
                    "No intervention acts on recruitment fees and related costs, which SDG "
                    "indicator 10.7.1 measures as the recruitment cost borne by the worker "
                    "relative to the monthly income earned in the country of destination."
                ),
                "missing",
            )
        )
    if uncited and len(interventions) > 0:
        blocks.append(
            ctx.para(
                ctx.ngettext(
                    "{n} intervention cites no international instrument; citing the ones "
                    "the country has ratified shows the legal basis of its measures.",
                    "{n} interventions cite no international instrument; citing the ones "
                    "the country has ratified shows the legal basis of their measures.",
                    uncited,
                ),
                "note",
            )
        )
    return blocks


FAIR_RECRUITMENT_SECTION = PlanSection(
    id="labour.fair-recruitment",
    title=N_("Fair recruitment: labour mobility interventions and the ILO General Principles"),
    build=_build,
    placement="annex",
    sectors=_LABOUR_SECTORS,
    templates=("labour",),
    description="The plan's labour mobility interventions against the ILO General Principles "
    "for Fair Recruitment, with the instruments they cite",
)

SECTIONS: tuple[PlanSection, ...] = (FAIR_RECRUITMENT_SECTION,)
