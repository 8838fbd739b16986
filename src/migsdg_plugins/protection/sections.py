"""The protection sector's section of the Word draft and the workbook: the plan's
interventions against violence, exploitation and trafficking affecting migrants (targets
5.2, 8.7 and 16.2), how their indicators count migrants, the GCM objectives they serve
and the international instruments they cite.

Sources: the official texts of targets 5.2, 8.7 and 16.2 and their indicators (the
catalogue); the UN metadata of indicator 16.2.2 (custodian UNODC; victims detected, so
trends depend on detection); UNODC's pages on the Trafficking in Persons Protocol
(General Assembly resolution 55/25 of 15 November 2000, in force since 25 December 2003)
and the Smuggling of Migrants Protocol; the ILO Protocol of 2014 to the Forced Labour
Convention, 1930 (No. 29).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from migsdg.i18n import N_
from migsdg.model import ActionPlan, Intervention
from migsdg.present import Block
from migsdg.sections import PlanSection, SectionContext
from migsdg_plugins._sectionkit import (
    gcm_lines,
    indicator_text,
    matches,
    migrant_reach,
    plan_text,
    sdg_indicators,
)

__all__ = [
    "INSTRUMENTS",
    "PROTECTION_SECTION",
    "SECTIONS",
    "instruments_of",
    "protection_interventions",
]

#: The targets the section reads the plan against, in the framework's order.
TARGETS = ("5.2", "8.7", "16.2")
_INDICATORS = {"5.2.1", "5.2.2", "8.7.1", "16.2.1", "16.2.2", "16.2.3"}

#: International instruments an intervention may cite: patterns in English, Spanish and
#: French, and the instrument's name.
INSTRUMENTS: tuple[tuple[tuple[re.Pattern[str], ...], str], ...] = (
    (
        (
            re.compile(r"\bPalermo\b|\bPalerme\b", re.I),
            re.compile(r"\bTrafficking (?:in Persons )?Protocol\b", re.I),
            re.compile(
                r"\bProtocolo (?:para prevenir, reprimir y sancionar la trata|de Palermo)", re.I
            ),
            re.compile(r"\bProtocole visant à prévenir, réprimer et punir la traite", re.I),
        ),
        N_(
            "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially "
            "Women and Children (2000)"
        ),
    ),
    (
        (
            re.compile(
                r"\bSmuggling of Migrants Protocol\b|\bProtocol against the Smuggling", re.I
            ),
            re.compile(r"\bProtocolo contra el tráfico ilícito de migrantes\b", re.I),
            re.compile(r"\bProtocole contre le trafic illicite de migrants\b", re.I),
        ),
        N_("Protocol against the Smuggling of Migrants by Land, Sea and Air (2000)"),
    ),
    (
        (
            re.compile(r"\bForced Labour Protocol\b|\bProtocol of 2014\b|\bP0?29\b", re.I),
            re.compile(r"\bProtocolo de 2014\b", re.I),
            re.compile(r"\bProtocole de 2014\b", re.I),
        ),
        N_("Protocol of 2014 to the Forced Labour Convention, 1930 (No. 29)"),
    ),
)

_TRAFFICKING = (
    re.compile(r"\btraffick", re.I),
    re.compile(r"\btrata de (?:personas|seres humanos)\b", re.I),
    re.compile(r"\btraite des (?:personnes|êtres humains)\b", re.I),
)


def _is_protection(iv: Intervention) -> bool:
    for made_from in (iv.template, iv.subtype):
        if made_from and made_from.split(".", 1)[0] == "protection":
            return True
    return bool(set(TARGETS) & set(iv.targets) or _INDICATORS & sdg_indicators(iv))


def protection_interventions(plan: ActionPlan) -> tuple[Intervention, ...]:
    """The plan's interventions against violence, exploitation and trafficking: made from
    the protection plugin's templates, or aimed at targets 5.2, 8.7 or 16.2."""
    return tuple(iv for iv in plan.interventions if _is_protection(iv))


def instruments_of(iv: Intervention) -> tuple[str, ...]:
    """The instruments the intervention's text cites (English names, in a fixed order)."""
    text = "\n".join((plan_text(iv), iv.rationale))
    return tuple(name for patterns, name in INSTRUMENTS if matches(patterns, text))


def _build(ctx: SectionContext) -> Sequence[Block]:
    interventions = protection_interventions(ctx.plan)
    addressed = [t for t in TARGETS if any(t in iv.targets for iv in interventions)]
    blocks: list[Block] = [
        ctx.para(f"{code} — {ctx.target_text(code)}", "strong") for code in addressed
    ]
    blocks.append(
        ctx.para(
            ctx._(
                "The table shows, for each intervention of the plan against violence, "
                "exploitation or trafficking, the targets it serves, how its indicators "
                "count migrants, the objectives of the Global Compact for Migration it "
                "serves and the international instruments its text cites. Indicators that "
                "tell migrants apart show whether the interventions reach them."
            ),
            "note",
        )
    )
    rows = []
    for iv in interventions:
        monitored = [
            f"{indicator_text(ctx, entry)}: {migrant_reach(ctx, entry)}" for entry in iv.monitoring
        ]
        rows.append(
            (
                ctx.intervention_name(iv),
                ", ".join(t for t in iv.targets) or ctx._("None given"),
                "\n".join(monitored) or ctx._("No indicator yet"),
                "\n".join(gcm_lines(ctx, iv.gcm_objectives, (7, 9, 10, 16, 17)))
                or ctx._("None cited"),
                "\n".join(ctx._(name) for name in instruments_of(iv)) or ctx._("None cited"),
            )
        )
    blocks.append(
        ctx.table(
            "protection",
            (
                ("Intervention", ctx._("Intervention")),
                ("SDG targets", ctx._("SDG targets")),
                ("How its indicators count migrants", ctx._("How its indicators count migrants")),
                ("GCM objectives", ctx._("GCM objectives")),
                ("Instruments cited", ctx._("Instruments cited")),
            ),
            rows,
            widths=(4, 2, 5, 4, 4),
        )
    )
    monitored_codes = set().union(*(sdg_indicators(iv) for iv in interventions))
    if "5.2" in addressed and not {"5.2.1", "5.2.2"} & monitored_codes:
        blocks.append(
            ctx.para(
                ctx._(
                    "The plan follows target 5.2 with its own indicators. The global "
                    "indicators are 5.2.1 ({first}) and 5.2.2 ({second}); where a national "
                    "survey measures them, a breakdown by migratory status shows how far "
                    "migrant women and girls are affected.",
                    first=ctx.target_text("5.2.1"),
                    second=ctx.target_text("5.2.2"),
                ),
                "note",
            )
        )
    if "16.2" in addressed or "16.2.2" in monitored_codes:
        blocks.append(
            ctx.para(
                ctx._(
                    "Indicator 16.2.2, whose custodian is UNODC, counts the victims of "
                    "trafficking that are detected, per 100,000 population; its trends reflect "
                    "detection and law enforcement rather than how many victims there are."
                ),
                "note",
            )
        )
    if any(matches(_TRAFFICKING, plan_text(iv)) for iv in interventions):
        blocks.append(
            ctx.para(
                ctx._(
                    "The Trafficking in Persons Protocol, which supplements the United "
                    "Nations Convention against Transnational Organized Crime, was adopted "
                    "by General Assembly resolution 55/25 on 15 November 2000 and entered "
                    "into force on 25 December 2003; it gave the first internationally "
                    "agreed definition of trafficking in persons. Smuggling of migrants, "
                    "defined by a separate protocol of 2000, is a different crime."
                ),
                "note",
            )
        )
    return blocks


PROTECTION_SECTION = PlanSection(
    id="protection.violence-exploitation",
    title=N_("Protection: violence, exploitation and trafficking affecting migrants"),
    build=_build,
    placement="annex",
    templates=("protection",),
    applies=lambda plan: bool(protection_interventions(plan)),
    description="The plan's interventions on targets 5.2, 8.7 and 16.2, how their "
    "indicators count migrants, the GCM objectives and instruments they cite",
)

SECTIONS: tuple[PlanSection, ...] = (PROTECTION_SECTION,)
