"""AP7xx — the plan's identity, its review before adoption, and adoption itself.

The guide asks that the plan "undergo review before adoption": at the national level at an
interministerial workshop, at the local level at multi-stakeholder local workshops, which
aim to validate and approve it. The implementing body then finalizes the plan with the
input of every review and adopts it formally.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from migsdg.checks import _guide as G
from migsdg.checks._core import CheckContext, Hit, Modality, Rule, Severity, rule
from migsdg.i18n import Term, joined, msg, msgn
from migsdg.model import ActorKind, ConsultationKind, GovernanceLevel, PlanStatus

__all__ = ["RULES"]

#: Statuses a plan reaches only through review: validated by the workshops, then adopted
#: (and later amended as a living document).
REVIEWED = (PlanStatus.VALIDATED, PlanStatus.ADOPTED, PlanStatus.AMENDED)

_REVIEW = (
    'The guide: the plan should "undergo review before adoption"; at the national level it '
    'can be discussed at "an interministerial workshop", at the local level at '
    '"multi-stakeholder local workshops".'
)


def _review_kinds(level: GovernanceLevel | None) -> tuple[ConsultationKind, ...]:
    if level is GovernanceLevel.NATIONAL:
        return (ConsultationKind.INTERMINISTERIAL_WORKSHOP,)
    if level in (GovernanceLevel.SUBNATIONAL, GovernanceLevel.LOCAL):
        return (ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP,)
    return (
        ConsultationKind.INTERMINISTERIAL_WORKSHOP,
        ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP,
    )


@rule(
    "AP701",
    "review-before-adoption",
    severity=Severity.WARNING,
    summary="A validated, adopted or amended plan has a recorded review; a note where the "
    "review was not of the kind the guide suggests for its level (an interministerial "
    "workshop for a national plan, multi-stakeholder local workshops for a subnational or "
    "local one).",
    why=_REVIEW,
    guide=G.REVIEW_BEFORE_ADOPTION,
    modality=Modality.SHOULD,
    severity_reason=(
        "The review before adoption is a should, so a warning; the kind of "
        "workshop is a can (an interministerial workshop nationally, "
        "multi-stakeholder local workshops locally), so a review of another "
        "kind is only a note."
    ),
)
def _review(ctx: CheckContext) -> Iterator[Hit]:
    plan = ctx.plan
    if plan.status not in REVIEWED:
        return
    kinds = _review_kinds(plan.level)
    if any(c.kind in kinds for c in plan.consultations):
        return
    wanted: object = (
        Term(kinds[0])
        if len(kinds) == 1
        else msg("{first} or {second}", first=Term(kinds[0]), second=Term(kinds[1]))
    )
    level = Term(plan.level) if plan.level is not None else None
    reviews = [c for c in plan.consultations if c.kind.is_review]
    if reviews:
        # Reviewed, at another kind of meeting: the guide's workshops are a "can".
        held = joined(Term(k) for k in sorted({c.kind for c in reviews}, key=str))
        yield Hit(
            location="consultations",
            message=(
                msg(
                    "the {level} plan was reviewed at a {held}, not at the {wanted} the guide "
                    "suggests for its level",
                    level=level,
                    held=held,
                    wanted=wanted,
                )
                if level is not None
                else msg(
                    "the plan was reviewed at a {held}, not at the {wanted} the guide suggests "
                    "for its level",
                    held=held,
                    wanted=wanted,
                )
            ),
            hint=msg(
                "Where the review was in fact a {kind}, record it as such; otherwise say in "
                "its decisions who took part and what they validated.",
                kind=Term(kinds[0]),
            ),
            severity=Severity.INFO,
        )
        return
    status = Term(plan.status)
    yield Hit(
        location="consultations",
        message=(
            msg(
                "the {level} plan is {status} but no review of it is recorded",
                level=level,
                status=status,
            )
            if level is not None
            else msg("the plan is {status} but no review of it is recorded", status=status)
        ),
        hint=(
            msg(
                "Record the review ({wanted}) as a consultation (date, participants by "
                "stakeholder group, decisions); until the review has taken place, keep the "
                "status draft or in review.",
                wanted=wanted,
            )
            if level is not None
            else msg(
                "Record the review ({wanted}) as a consultation (date, participants by "
                "stakeholder group, decisions), and set the plan's level; until the review "
                "has taken place, keep the status draft or in review.",
                wanted=wanted,
            )
        ),
    )


@rule(
    "AP702",
    "adopted-without-errors",
    severity=Severity.WARNING,
    summary="A validated, adopted or amended plan has no error findings from the other "
    "rules run with it.",
    why="The review workshops validate the plan by confirming its interventions, "
    "timeframes, stakeholder involvement and budget, and the implementing body finalizes "
    "it before adopting it: a plan still missing criteria is not ready for adoption. This "
    "rule reads the findings of the rules run with it, so ignoring a rule also leaves its "
    "errors out of this count.",
    reads_findings=True,
    guide=G.FINALIZE,
    modality=Modality.SHOULD,
    severity_reason=(
        "The guide says the plan should be finalized before adoption: a "
        "warning; the errors themselves are reported by their own rules."
    ),
)
def _adopted_clean(ctx: CheckContext) -> Iterator[Hit]:
    plan = ctx.plan
    if plan.status not in REVIEWED:
        return
    errors = Counter(f.code for f in ctx.findings if f.severity is Severity.ERROR)
    if not errors:
        return
    n = sum(errors.values())
    codes = ", ".join(f"{c} ×{k}" if k > 1 else c for c, k in sorted(errors.items()))
    yield Hit(
        location="status",
        message=msgn(
            "the plan is {status} but the checks find {n} error ({codes})",
            "the plan is {status} but the checks find {n} errors ({codes})",
            n,
            status=Term(plan.status),
            codes=codes,
        ),
        hint=msg(
            "Fix the errors listed, or set the status back to in review until "
            "they are fixed and the plan is adopted again.",
        ),
    )


_BEYOND_GOVERNMENT = (
    ActorKind.CIVIL_SOCIETY,
    ActorKind.MIGRANT_ASSOCIATION,
    ActorKind.ACADEMIA,
    ActorKind.INTERNATIONAL_ORGANISATION,
)


@rule(
    "AP703",
    "review-participation",
    severity=Severity.INFO,
    summary="Review workshops include stakeholders beyond government: civil society, "
    "migrants, academia or international agencies.",
    why='The guide: "Ideally, the review process will include representatives from civil '
    'society, academia, international agencies and others."',
    guide=G.REVIEW_PARTICIPANTS,
    modality=Modality.IDEALLY,
)
def _participation(ctx: CheckContext) -> Iterator[Hit]:
    actors = ctx.actors
    for k, c in enumerate(ctx.plan.consultations):
        if not c.kind.is_review:
            continue
        groups = {p.group for p in c.participants if p.count is None or p.count > 0}
        for p in c.participants:
            for aid in p.actors:
                a = actors.get(aid)
                if a is not None and a.kind is not None:
                    groups.add(a.kind)
        if groups.isdisjoint(_BEYOND_GOVERNMENT):
            yield Hit(
                location=f"consultations[{k}].participants",
                message=msg(
                    "review {c!r} ({kind}) records no participants from civil society, "
                    "migrants' associations, academia or international agencies",
                    c=c.id,
                    kind=Term(c.kind),
                ),
                hint=msg(
                    "Record the non-governmental participants by group, or invite them "
                    "to the next review of the plan.",
                ),
            )


@rule(
    "AP704",
    "plan-details",
    severity=Severity.WARNING,
    summary="The plan states its title, governance level, country and the authority that owns it.",
    why="The guide asks government actors to adopt the plan formally; the body that owns "
    "it and the level of government decide which review it needs (national or local) and "
    "who adopts it.",
    severity_reason=(
        "Beyond the guide: a plan without a title, level, country or authority "
        "cannot be identified, so a warning."
    ),
)
def _details(ctx: CheckContext) -> Iterator[Hit]:
    plan = ctx.plan
    if not plan.title.strip():
        yield Hit(
            location="title", message=msg("the plan has no title"), hint=msg("Give it a title.")
        )
    if plan.level is None:
        yield Hit(
            location="level",
            message=msg("the plan does not say whether it is national, subnational or local"),
            hint=msg("Say whether it is a national, subnational or local plan."),
        )
    if not plan.country:
        yield Hit(
            location="country",
            message=msg("the plan does not name its country"),
            hint=msg("Set country to the ISO 3166-1 alpha-3 code (e.g. JAM, ECU)."),
        )
    if not plan.authority.strip():
        yield Hit(
            location="authority",
            message=msg("the plan does not name the authority that owns it"),
            hint=msg(
                "Name the body that owns and adopts the plan (a ministry, planning "
                "institute or provincial government).",
            ),
        )


RULES: tuple[Rule, ...] = (_review, _adopted_clean, _participation, _details)
