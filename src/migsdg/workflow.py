"""Review, adoption and the living document: the plan's status workflow.

The guide: the plan "should undergo review before adoption" — at an interministerial
workshop for a national plan, at multi-stakeholder local workshops for a local one, ideally
with civil society, academia, international agencies and others — and is then adopted
formally and kept "as a living document" to which interventions are added before 2030.

The workflow, as pure functions returning a new plan::

    draft ──submit──▶ in_review ──validate──▶ validated ──adopt──▶ adopted ──amend──▶ amended
                          ▲                                          │                 │
                          └───────────────────submit─────────────────┴─────────────────┘

Each transition appends a :class:`~migsdg.model.Revision` (number, date, author, summary,
and the status after it) and refuses, with a :class:`~migsdg.errors.TransitionError` listing
every reason, what the guide rules out. Once a plan has been adopted, every change is a new
revision with an author, and the history is never rewritten (:func:`history_rewrites`
detects an edited history between two versions).
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from migsdg.checks import Rule, core_rules, run_checks
from migsdg.errors import TransitionError
from migsdg.i18n import Term, Translator, msg, msgn
from migsdg.model import (
    ActionPlan,
    Consultation,
    ConsultationKind,
    GovernanceLevel,
    PlanStatus,
    Revision,
)

__all__ = [
    "TRANSITIONS",
    "adopt",
    "amend",
    "blockers",
    "has_been_adopted",
    "history_rewrites",
    "mark_validated",
    "next_transitions",
    "record_consultation",
    "submit_for_review",
]

_S = PlanStatus

#: For each transition: the statuses it may start from, and the status it leads to.
TRANSITIONS: dict[str, tuple[frozenset[PlanStatus], PlanStatus]] = {
    "submit": (frozenset({_S.DRAFT, _S.ADOPTED, _S.AMENDED}), _S.IN_REVIEW),
    "validate": (frozenset({_S.IN_REVIEW}), _S.VALIDATED),
    "adopt": (frozenset({_S.VALIDATED}), _S.ADOPTED),
    "amend": (frozenset({_S.ADOPTED, _S.AMENDED}), _S.AMENDED),
}

_DEFAULT_SUMMARY = {
    "submit": "Submitted for review",
    "validate": "Validated by the review",
    "adopt": "Adopted",
}


def _today() -> _dt.date:
    return _dt.date.today()


def has_been_adopted(plan: ActionPlan) -> bool:
    """True once the plan has been adopted: from then on every change needs an author."""
    return plan.status in (_S.ADOPTED, _S.AMENDED) or any(
        r.status in (_S.ADOPTED, _S.AMENDED) for r in plan.revisions
    )


# -- reasons -----------------------------------------------------------------------------------


_STATUS_HINTS: dict[tuple[str, PlanStatus], str] = {
    ("submit", _S.IN_REVIEW): msg("it is already in review"),
    ("submit", _S.VALIDATED): msg("the review has validated it; adopt it"),
    ("validate", _S.DRAFT): msg("submit it for review first"),
    ("validate", _S.VALIDATED): msg("it is already validated"),
    ("validate", _S.ADOPTED): msg("it is adopted; to revise it, submit it for review again"),
    ("validate", _S.AMENDED): msg("it is adopted; to revise it, submit it for review again"),
    ("adopt", _S.DRAFT): msg(
        "submit it for review, hold the review workshops and validate it first"
    ),
    ("adopt", _S.IN_REVIEW): msg("validate it once the review workshops are held"),
    ("adopt", _S.ADOPTED): msg("it is already adopted; record changes with amend"),
    ("adopt", _S.AMENDED): msg(
        "it is adopted; record changes with amend, or submit it for review again to re-adopt it"
    ),
    ("amend", _S.DRAFT): msg("a plan not yet adopted is simply edited"),
    ("amend", _S.IN_REVIEW): msg("a plan not yet adopted is simply edited"),
    ("amend", _S.VALIDATED): msg("a plan not yet adopted is simply edited"),
}


def _status_reasons(plan: ActionPlan, transition: str) -> list[str]:
    sources, _ = TRANSITIONS[transition]
    if plan.status in sources:
        return []
    allowed = [s for s in _S if s in sources]
    hint = _STATUS_HINTS.get((transition, plan.status))
    return [
        msg(
            "the plan is {status}; only a plan that is {allowed} can be {done}{hint}",
            status=_Code(plan.status),
            allowed=_either([_Code(a) for a in allowed]),
            done=_PARTICIPLE[transition],
            hint=msg(" ({hint})", hint=hint) if hint else "",
        )
    ]


def _either(items: list[Any]) -> Any:
    """Items joined by "or" in the reader's language ("draft or in_review or adopted")."""
    out = items[0]
    for item in items[1:]:
        out = msg("{first} or {second}", first=out, second=item)
    return out


class _Code(Term):
    """A status named by its value in English ("in_review"), as plan files write it, and by
    its label in other languages."""

    def text(self, tr: Translator | None = None) -> str:
        return str(self.member.value) if tr is None or tr.language == "en" else super().text(tr)


_PARTICIPLE = {
    "submit": msg("submitted for review"),
    "validate": msg("validated"),
    "adopt": msg("adopted"),
    "amend": msg("amended"),
}


def _date_reasons(plan: ActionPlan, on: _dt.date) -> list[str]:
    last = max(plan.revisions, key=lambda r: r.number, default=None)
    if last is not None and on < last.date:
        return [
            msg(
                "the date {on} is before revision {n} ({date}); the history runs forward in time",
                on=on,
                n=last.number,
                date=last.date,
            )
        ]
    return []


def _author_reasons(plan: ActionPlan, author: str) -> list[str]:
    if has_been_adopted(plan) and not author.strip():
        return [msg("the plan has been adopted, so every change needs an author")]
    return []


def _suggested_workshop(level: GovernanceLevel | None) -> ConsultationKind:
    if level is GovernanceLevel.NATIONAL:
        return ConsultationKind.INTERMINISTERIAL_WORKSHOP
    return ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP


def _review_reasons(plan: ActionPlan, on: _dt.date) -> list[str]:
    """Validating records what a review decided, so a review must be on record by then.

    Which kind of meeting it was (the guide's interministerial or multi-stakeholder local
    workshops "can" be used) and who took part ("ideally" civil society, academia,
    international agencies) are for the checks to note (AP701, AP703), not to refuse.
    """
    held = [c for c in plan.consultations if c.kind.is_review]
    kind = _suggested_workshop(plan.level)
    if not held:
        return [
            msg(
                "no review of the plan is recorded, so there is nothing to validate: record "
                "the review in consultations (for a {level} plan, kind {kind}) with its date, "
                "participants and decisions",
                level=_Code(plan.level or GovernanceLevel.LOCAL),
                kind=_Code(kind),
            )
        ]
    if all(c.date is not None and c.date > on for c in held):
        first = min(c.date for c in held if c.date is not None)
        return [
            msg(
                "the review is dated {first}, after {on}: the review takes place first",
                first=first,
                on=on,
            )
        ]
    return []


def _finding_reasons(
    plan: ActionPlan,
    today: _dt.date,
    rules: Iterable[Rule] | None,
    *,
    amending: bool = False,
) -> list[str]:
    rules = list(core_rules() if rules is None else rules)
    report = run_checks(plan, rules, today=today)
    # Rules that summarize the other findings (such as "an adopted plan has no errors")
    # would only repeat them; the reason lists the underlying errors.
    summaries = {r.code for r in rules if r.reads_findings}
    errors = [f for f in report.errors if f.code not in summaries]
    failed = [
        f"check {f.code} of plugin {f.plugin!r} failed, so the plan could not be fully "
        f"checked ({f.reason})"
        for f in report.failures
    ]
    if failed:
        return failed
    if not errors:
        return []
    counts = Counter(f.code for f in errors)
    codes = ", ".join(f"{code} ×{n}" if n > 1 else code for code, n in sorted(counts.items()))
    n = len(errors)
    then = (
        msg(
            "an adopted plan stays complete; to work on unfinished changes, submit it for "
            "review again"
        )
        if amending
        else msg("the plan is finalized before it is validated and adopted")
    )
    return [
        msgn(
            "the checks find {n} error ({codes}); {then} (see migsdg check)",
            "the checks find {n} errors ({codes}); {then} (see migsdg check)",
            n,
            codes=codes,
            then=then,
        )
    ]


def _content_reasons(plan: ActionPlan) -> list[str]:
    reasons: list[str] = []
    if not plan.targets:
        reasons.append(msg("the plan prioritizes no SDG targets (objectives with targets)"))
    if not plan.interventions:
        reasons.append(msg("the plan has no interventions"))
    return reasons


def blockers(
    plan: ActionPlan,
    transition: str,
    *,
    date: _dt.date | None = None,
    author: str = "",
    summary: str = "",
    today: _dt.date | None = None,
    rules: Iterable[Rule] | None = None,
) -> tuple[str, ...]:
    """Every reason ``transition`` (``submit``, ``validate``, ``adopt`` or ``amend``) would
    be refused for ``plan`` now; empty when it is allowed.

    ``rules`` are the check rules whose errors block validation and adoption (default:
    the core's own, :func:`migsdg.checks.core_rules`; :func:`migsdg.api.adopt` and the
    command line pass the plugin host's)."""
    if transition not in TRANSITIONS:
        raise ValueError(f"transition must be one of {', '.join(TRANSITIONS)}, not {transition!r}")
    on = date or _today()
    reasons = _status_reasons(plan, transition)
    if transition == "submit":
        reasons += _content_reasons(plan)
    elif transition == "validate":
        reasons += _review_reasons(plan, on)
        reasons += _finding_reasons(plan, today or on, rules)
    elif transition == "adopt":
        reasons += _finding_reasons(plan, today or on, rules)
    elif transition == "amend":
        if not author.strip():
            reasons.append(msg("an amendment needs an author"))
        if not summary.strip():
            reasons.append(msg("an amendment needs a summary of what changed"))
        reasons += _recorded_status_reasons(plan)
    if transition != "amend":
        reasons += _author_reasons(plan, author)
    reasons += _date_reasons(plan, on)
    return tuple(dict.fromkeys(reasons))


def _recorded_status_reasons(plan: ActionPlan) -> list[str]:
    """An adopted (or amended) plan whose history does not record reaching that status had
    it set by hand: amending it would give a hand edit the standing of an adoption."""
    if plan.status not in (_S.ADOPTED, _S.AMENDED):
        return []
    recorded = [r.status for r in plan.revisions if r.status is not None]
    if recorded and recorded[-1] is plan.status:
        return []
    last = msg("ends at {status}", status=_Code(recorded[-1])) if recorded else msg("is empty")
    return [
        msg(
            "the plan is marked {status} but its revision history {last}: the status was set "
            "by hand, not through the workflow; take the plan through submit, validate and "
            "adopt",
            status=_Code(plan.status),
            last=last,
        )
    ]


def next_transitions(plan: ActionPlan) -> tuple[str, ...]:
    """The transitions the plan's status allows (whether or not other conditions hold)."""
    return tuple(name for name, (sources, _) in TRANSITIONS.items() if plan.status in sources)


# -- transitions ---------------------------------------------------------------------------------


def _revised(
    plan: ActionPlan,
    base: ActionPlan,
    status: PlanStatus,
    on: _dt.date,
    author: str,
    summary: str,
) -> ActionPlan:
    revision = Revision(
        number=base.revision + 1,
        date=on,
        author=author.strip(),
        summary=summary.strip(),
        status=status,
    )
    return attrs.evolve(plan, status=status, revisions=(*base.revisions, revision))


def _transition(
    plan: ActionPlan,
    name: str,
    *,
    date: _dt.date | None,
    author: str,
    summary: str,
    today: _dt.date | None = None,
    rules: Iterable[Rule] | None = None,
) -> ActionPlan:
    on = date or _today()
    reasons = blockers(
        plan, name, date=on, author=author, summary=summary, today=today, rules=rules
    )
    if reasons:
        raise TransitionError(_transition_words(name), reasons)
    status = TRANSITIONS[name][1]
    return _revised(plan, plan, status, on, author, summary or _DEFAULT_SUMMARY[name])


def _transition_words(name: str) -> str:
    return {"submit": "submit the plan for review"}.get(name, f"{name} the plan")


def submit_for_review(
    plan: ActionPlan, *, date: _dt.date | None = None, author: str = "", summary: str = ""
) -> ActionPlan:
    """Submit a draft (or an adopted plan to be revised) for review.

    Refused when the plan prioritizes no targets or has no interventions: the guide's
    action plan summarizes "prioritized SDG targets, interventions towards addressing them".
    """
    return _transition(plan, "submit", date=date, author=author, summary=summary)


def mark_validated(
    plan: ActionPlan,
    *,
    date: _dt.date | None = None,
    author: str = "",
    summary: str = "",
    today: _dt.date | None = None,
    rules: Iterable[Rule] | None = None,
) -> ActionPlan:
    """Record that the review validated the plan: its status becomes ``validated`` (this
    changes the plan's status; :func:`migsdg.check` is what checks a plan).

    Refused unless the plan is in review, a review of it is recorded by ``date`` (of any
    kind: the guide's interministerial or multi-stakeholder local workshops are what it
    "can" be, which the checks note, AP701) and the checks (with ``today``, default
    ``date``) find no errors: the workshops validate the plan by confirming its
    interventions, timeframes, stakeholder involvement and budget.
    """
    return _transition(
        plan, "validate", date=date, author=author, summary=summary, today=today, rules=rules
    )


def adopt(
    plan: ActionPlan,
    *,
    date: _dt.date | None = None,
    author: str = "",
    summary: str = "",
    today: _dt.date | None = None,
    rules: Iterable[Rule] | None = None,
) -> ActionPlan:
    """Adopt a validated plan formally.

    Refused when the plan is not validated (validation needs a recorded review) and when
    the checks (:func:`migsdg.check`, with ``today``, default ``date``) find errors. A
    review without civil society is not refused: the guide says the review "ideally"
    includes it, which the checks note (AP703).
    """
    return _transition(
        plan, "adopt", date=date, author=author, summary=summary, today=today, rules=rules
    )


def amend(
    plan: ActionPlan,
    revised: ActionPlan | None = None,
    *,
    author: str,
    summary: str,
    date: _dt.date | None = None,
    today: _dt.date | None = None,
    rules: Iterable[Rule] | None = None,
) -> ActionPlan:
    """Record a change to an adopted plan as a new revision.

    ``plan`` is the plan as adopted (or last amended); ``revised`` is its changed content
    (default: ``plan`` itself, when the changes were made in place). The result is
    ``revised`` with status ``amended`` and ``plan``'s history plus one revision. Refused
    when ``plan`` is not adopted, without an author or a summary, when ``revised`` carries
    an edited history or a status changed by hand, when ``date`` precedes the last
    revision, and when the amended plan has error findings (checked with ``today``,
    default ``date``): an adopted plan stays complete, and unfinished work goes back
    through review (:func:`submit_for_review`).
    """
    on = date or _today()
    new = plan if revised is None else revised
    reasons = list(blockers(plan, "amend", date=on, author=author, summary=summary))
    reasons += [
        msg("the revision history was edited: {what}", what=r) for r in history_rewrites(plan, new)
    ]
    if new.status is not plan.status:
        reasons.append(
            msg(
                "the status was changed by hand from {old} to {new}; status changes go "
                "through the workflow",
                old=_Code(plan.status),
                new=_Code(new.status),
            )
        )
    result = _revised(new, plan, _S.AMENDED, on, author, summary)
    if not reasons:
        reasons += _finding_reasons(result, today or on, rules, amending=True)
    if reasons:
        raise TransitionError("amend the plan", tuple(dict.fromkeys(reasons)))
    return result


def record_consultation(
    plan: ActionPlan,
    consultation: Consultation,
    *,
    date: _dt.date | None = None,
    author: str = "",
    summary: str = "",
    today: _dt.date | None = None,
) -> ActionPlan:
    """Add a consultation or review workshop to the plan.

    Review workshops (``kind.is_review``) are recorded once the plan is submitted for
    review. On an adopted plan the addition is an amendment: it needs an ``author`` and
    appends a revision (``summary`` defaults to naming the consultation).
    """
    reasons = []
    if any(c.id == consultation.id for c in plan.consultations):
        reasons.append(msg("a consultation with id {id!r} is already recorded", id=consultation.id))
    if consultation.kind.is_review and plan.status is _S.DRAFT:
        reasons.append(
            msg(
                "a {kind} reviews the plan: submit the plan for review before recording it",
                kind=Term(consultation.kind),
            )
        )
    adopted = plan.status in (_S.ADOPTED, _S.AMENDED)
    if adopted and not author.strip():
        reasons.append(msg("the plan has been adopted, so every change needs an author"))
    if reasons:
        raise TransitionError("record the consultation", reasons)
    added = attrs.evolve(plan, consultations=(*plan.consultations, consultation))
    if not adopted:
        return added
    what = summary or f"Recorded {consultation.kind.label.lower()} {consultation.id!r}"
    return amend(plan, added, author=author, summary=what, date=date, today=today)


# -- the history ---------------------------------------------------------------------------------


def _describe(r: Revision) -> str:
    return f"revision {r.number} ({r.date.isoformat()})"


def _field_changes(old: Revision, new: Revision) -> Iterable[str]:
    for f in attrs.fields(Revision):
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a != b:
            yield f"{f.name} {_show(a)} → {_show(b)}"


def _show(value: object) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, PlanStatus):
        return value.value
    return repr(value)


def history_rewrites(old: ActionPlan, new: ActionPlan) -> tuple[str, ...]:
    """How ``new``'s revision history rewrites ``old``'s; empty when ``new`` only appends.

    Revisions are matched by number: every revision of ``old`` must be in ``new``
    unchanged, and revisions new in ``new`` must come after all of ``old``'s, in order.
    """
    found: list[str] = []
    new_by_number = {r.number: r for r in new.revisions}
    for r in old.revisions:
        other = new_by_number.get(r.number)
        if other is None:
            found.append(f"{_describe(r)} was removed")
        elif other != r:
            found.append(f"{_describe(r)} was changed: " + "; ".join(_field_changes(r, other)))
    old_numbers = {r.number for r in old.revisions}
    last_old = max(old_numbers, default=0)
    for r in new.revisions:
        if r.number not in old_numbers and r.number <= last_old:
            found.append(f"{_describe(r)} was inserted into the earlier history")
    numbers = [r.number for r in new.revisions]
    if any(b <= a for a, b in itertools.pairwise(numbers)):
        found.append("the revisions are not in increasing order of number")
    return tuple(found)
