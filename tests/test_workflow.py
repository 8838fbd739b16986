"""Review, adoption and the living document: ``migsdg.workflow`` and ``migsdg status``."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import attrs
import pytest

import migsdg
from migsdg import (
    ActorKind,
    Consultation,
    GovernanceLevel,
    Participation,
    PlanStatus,
    Revision,
    TransitionError,
)
from migsdg.cli import main
from migsdg.i18n import translator
from migsdg.word.labels import Labels
from migsdg.workflow import (
    adopt,
    amend,
    blockers,
    has_been_adopted,
    history_rewrites,
    mark_validated,
    next_transitions,
    record_consultation,
    submit_for_review,
)
from review_plans import (
    EXAMPLES,
    day,
    example,
    example_files,
    interministerial_workshop,
    local_workshop,
    national_plan,
    provincial_plan,
    with_intervention,
)

__all__ = ["example_files"]

SUBMITTED, WORKSHOP, VALIDATED, ADOPTED = (
    day("2025-02-01"),
    day("2025-02-10"),
    day("2025-02-11"),
    day("2025-03-01"),
)


def in_review(plan: migsdg.ActionPlan | None = None) -> migsdg.ActionPlan:
    return submit_for_review(plan or national_plan(), date=SUBMITTED, author="Secretariat")


def validated(plan: migsdg.ActionPlan | None = None) -> migsdg.ActionPlan:
    plan = record_consultation(in_review(plan), interministerial_workshop())
    return mark_validated(plan, date=VALIDATED)


def adopted() -> migsdg.ActionPlan:
    return adopt(validated(), date=ADOPTED, author="Cabinet Office")


def refusal(excinfo: pytest.ExceptionInfo[TransitionError]) -> str:
    return " | ".join(excinfo.value.reasons)


# -- the whole path ---------------------------------------------------------------------------


def test_national_plan_through_review_adoption_and_amendment() -> None:
    plan = adopted()
    assert plan.status is PlanStatus.ADOPTED
    assert [(r.number, r.status) for r in plan.revisions] == [
        (1, PlanStatus.IN_REVIEW),
        (2, PlanStatus.VALIDATED),
        (3, PlanStatus.ADOPTED),
    ]
    assert plan.revisions[2] == Revision(
        number=3,
        date=ADOPTED,
        author="Cabinet Office",
        summary="Adopted",
        status=PlanStatus.ADOPTED,
    )
    changed = with_intervention(plan, 0, title="National labour migration policy")
    amended = amend(
        plan, changed, author="Secretariat", summary="Retitled iv-policy", date=day("2025-09-01")
    )
    assert amended.status is PlanStatus.AMENDED
    assert amended.interventions[0].title == "National labour migration policy"
    assert amended.revisions[:3] == plan.revisions
    assert amended.revisions[3] == Revision(
        number=4,
        date=day("2025-09-01"),
        author="Secretariat",
        summary="Retitled iv-policy",
        status=PlanStatus.AMENDED,
    )
    again = amend(amended, author="Secretariat", summary="Funding update", date=day("2026-01-05"))
    assert again.revision == 5
    assert history_rewrites(plan, again) == ()


def test_subnational_plan_is_adopted_after_a_local_multistakeholder_workshop() -> None:
    plan = submit_for_review(provincial_plan(), date=SUBMITTED)
    plan = record_consultation(plan, local_workshop())
    plan = mark_validated(plan, date=VALIDATED)
    plan = adopt(plan, date=ADOPTED, author="Provincial Council")
    assert plan.status is PlanStatus.ADOPTED
    assert plan.revision == 3


def test_transitions_are_pure() -> None:
    plan = national_plan()
    submit_for_review(plan, date=SUBMITTED)
    assert plan == national_plan()


@pytest.mark.parametrize("name", EXAMPLES)
def test_amending_the_adopted_examples(name: str) -> None:
    plan = example(name)
    assert has_been_adopted(plan)
    last = max(r.date for r in plan.revisions)
    new = amend(plan, author="Secretariat", summary="Annual update", date=last + dt.timedelta(1))
    assert new.revision == plan.revision + 1
    assert new.status is PlanStatus.AMENDED
    assert history_rewrites(plan, new) == ()


# -- refused transitions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "status", "words"),
    [
        ("adopt", PlanStatus.DRAFT, "only a plan that is validated can be adopted"),
        ("adopt", PlanStatus.IN_REVIEW, "validate it once the review workshops are held"),
        ("validate", PlanStatus.DRAFT, "submit it for review first"),
        ("validate", PlanStatus.ADOPTED, "submit it for review again"),
        ("submit", PlanStatus.IN_REVIEW, "already in review"),
        ("submit", PlanStatus.VALIDATED, "adopt it"),
        ("amend", PlanStatus.DRAFT, "simply edited"),
        ("amend", PlanStatus.VALIDATED, "simply edited"),
    ],
)
def test_invalid_status_transitions_are_refused(step: str, status: PlanStatus, words: str) -> None:
    plan = national_plan(status=status, consultations=(interministerial_workshop(),))
    functions = {
        "adopt": lambda p: adopt(p, date=ADOPTED, author="x"),
        "validate": lambda p: mark_validated(p, date=VALIDATED, author="x"),
        "submit": lambda p: submit_for_review(p, date=SUBMITTED, author="x"),
        "amend": lambda p: amend(p, author="x", summary="y", date=ADOPTED),
    }
    with pytest.raises(TransitionError) as excinfo:
        functions[step](plan)
    assert f"the plan is {status.value}" in refusal(excinfo)
    assert words in refusal(excinfo)
    assert isinstance(excinfo.value, migsdg.MigsdgError)


def test_validate_from_draft_lists_every_reason() -> None:
    with pytest.raises(TransitionError) as excinfo:
        mark_validated(national_plan(), date=VALIDATED)
    reasons = excinfo.value.reasons
    assert len(reasons) == 2
    assert "the plan is draft" in reasons[0]
    assert "no review of the plan is recorded" in reasons[1]
    assert "kind interministerial_workshop" in reasons[1]
    assert str(excinfo.value).startswith("cannot validate the plan: ")


def test_adopt_from_draft_is_refused_for_its_status_alone() -> None:
    with pytest.raises(TransitionError) as excinfo:
        adopt(national_plan(), date=ADOPTED)
    (reason,) = excinfo.value.reasons
    assert "the plan is draft" in reason


def test_adopting_with_error_findings_is_refused() -> None:
    plan = with_intervention(validated(), 0, rationale="")  # AP102 is an error
    with pytest.raises(TransitionError) as excinfo:
        adopt(plan, date=ADOPTED)
    assert "the checks find 1 error (AP102)" in refusal(excinfo)


def test_validating_with_error_findings_is_refused() -> None:
    plan = record_consultation(in_review(), interministerial_workshop())
    plan = with_intervention(plan, 1, rationale="", description="")
    with pytest.raises(TransitionError) as excinfo:
        mark_validated(plan, date=VALIDATED)
    assert "the checks find 2 errors (AP101, AP102)" in refusal(excinfo)


def test_a_national_plan_reviewed_at_another_kind_of_meeting_is_adopted_with_a_note() -> None:
    """The guide's interministerial workshop is what a national review "can" be: a review
    at another kind of meeting is noted by AP701 (info), not refused."""
    plan = record_consultation(in_review(), local_workshop())
    plan = adopt(mark_validated(plan, date=VALIDATED), date=ADOPTED, author="Cabinet Office")
    assert plan.status is PlanStatus.ADOPTED
    (note,) = [f for f in migsdg.check(plan, today=ADOPTED).findings if f.code == "AP701"]
    assert note.severity is migsdg.Severity.INFO
    assert "not at the interministerial workshop" in note.message


@pytest.mark.parametrize("level", [GovernanceLevel.SUBNATIONAL, GovernanceLevel.LOCAL])
def test_a_local_plan_reviewed_at_an_interministerial_workshop_is_noted(
    level: GovernanceLevel,
) -> None:
    plan = in_review(provincial_plan(level=level))
    plan = adopt(
        mark_validated(record_consultation(plan, interministerial_workshop()), date=VALIDATED),
        date=ADOPTED,
        author="Council",
    )
    (note,) = [f for f in migsdg.check(plan, today=ADOPTED).findings if f.code == "AP701"]
    assert note.severity is migsdg.Severity.INFO
    assert "not at the multi-stakeholder local workshop" in note.message


def test_a_plan_without_level_is_validated_once_a_review_is_recorded() -> None:
    plan = record_consultation(in_review(national_plan(level=None)), interministerial_workshop())
    assert mark_validated(plan, date=VALIDATED).status is PlanStatus.VALIDATED
    bare = in_review(national_plan(level=None))
    with pytest.raises(TransitionError) as excinfo:
        mark_validated(bare, date=VALIDATED)
    assert "no review of the plan is recorded" in refusal(excinfo)


def test_workshop_after_the_step_does_not_count() -> None:
    plan = record_consultation(in_review(), interministerial_workshop(date="2025-06-01"))
    with pytest.raises(TransitionError) as excinfo:
        mark_validated(plan, date=VALIDATED)
    assert "dated 2025-06-01, after 2025-02-11" in refusal(excinfo)


def _government_only() -> Consultation:
    return attrs.evolve(
        interministerial_workshop(),
        participants=(
            Participation(group=ActorKind.GOVERNMENT, count=30),
            Participation(group=ActorKind.ACADEMIA, actors=("univ",)),
            Participation(group=ActorKind.CIVIL_SOCIETY, count=0),
        ),
    )


def test_adopting_after_a_review_without_civil_society_is_allowed() -> None:
    """The guide: "Ideally, the review process will include representatives from civil
    society, academia, international agencies and others" — an ideal, not a condition of
    adoption; AP703 notes a review with no one beyond government."""
    plan = record_consultation(in_review(), _government_only())
    plan = adopt(mark_validated(plan, date=VALIDATED), date=ADOPTED, author="Cabinet Office")
    assert plan.status is PlanStatus.ADOPTED
    assert "AP703" not in migsdg.check(plan, today=ADOPTED).codes()  # academia took part
    only_government = attrs.evolve(
        _government_only(),
        participants=(Participation(group=ActorKind.GOVERNMENT, count=30),),
    )
    plan = record_consultation(in_review(), only_government)
    plan = adopt(mark_validated(plan, date=VALIDATED), date=ADOPTED, author="Cabinet Office")
    notes = [f for f in migsdg.check(plan, today=ADOPTED).findings if f.code == "AP703"]
    assert [f.severity for f in notes] == [migsdg.Severity.INFO]


def test_submitting_an_empty_plan_is_refused() -> None:
    plan = attrs.evolve(national_plan(), objectives=(), interventions=())
    with pytest.raises(TransitionError) as excinfo:
        submit_for_review(plan, date=SUBMITTED)
    assert excinfo.value.reasons == (
        "the plan prioritizes no SDG targets (objectives with targets)",
        "the plan has no interventions",
    )


def test_dates_run_forward() -> None:
    with pytest.raises(TransitionError) as excinfo:
        mark_validated(
            record_consultation(in_review(), interministerial_workshop()), date=day("2025-01-01")
        )
    assert "before revision 1 (2025-02-01)" in refusal(excinfo)


# -- the living document ------------------------------------------------------------------------


def test_amend_needs_author_and_summary() -> None:
    with pytest.raises(TransitionError) as excinfo:
        amend(adopted(), author=" ", summary="", date=day("2025-09-01"))
    assert excinfo.value.reasons == (
        "an amendment needs an author",
        "an amendment needs a summary of what changed",
    )


def test_amend_refuses_a_rewritten_history() -> None:
    plan = adopted()
    edited = attrs.evolve(
        plan,
        revisions=(attrs.evolve(plan.revisions[0], summary="Something else"), *plan.revisions[1:]),
    )
    with pytest.raises(TransitionError) as excinfo:
        amend(plan, edited, author="A", summary="S", date=day("2025-09-01"))
    assert (
        "the revision history was edited: revision 1 (2025-02-01) was changed: summary "
        "'Submitted for review' → 'Something else'" in refusal(excinfo)
    )


def test_amend_refuses_a_status_changed_by_hand() -> None:
    plan = adopted()
    with pytest.raises(TransitionError) as excinfo:
        amend(
            plan,
            attrs.evolve(plan, status=PlanStatus.DRAFT),
            author="A",
            summary="S",
            date=day("2025-09-01"),
        )
    assert "status was changed by hand from adopted to draft" in refusal(excinfo)


def test_amend_refuses_changes_that_leave_errors() -> None:
    plan = adopted()
    with pytest.raises(TransitionError) as excinfo:
        amend(plan, with_intervention(plan, 0, roles=()), author="A", summary="S", date=ADOPTED)
    assert "AP103" in refusal(excinfo)
    assert "submit it for review again" in refusal(excinfo)


def test_every_change_after_adoption_needs_an_author() -> None:
    plan = adopted()
    with pytest.raises(TransitionError) as excinfo:
        submit_for_review(plan, date=day("2026-01-01"))
    assert "every change needs an author" in refusal(excinfo)
    resubmitted = submit_for_review(plan, date=day("2026-01-01"), author="Secretariat")
    assert resubmitted.status is PlanStatus.IN_REVIEW
    assert resubmitted.revision == 4


def test_record_consultation_refusals() -> None:
    plan = national_plan()
    with pytest.raises(TransitionError) as excinfo:
        record_consultation(plan, interministerial_workshop())
    assert "submit the plan for review before recording it" in refusal(excinfo)
    duplicate = attrs.evolve(interministerial_workshop(), id="targets-1")
    with pytest.raises(TransitionError) as excinfo:
        record_consultation(in_review(), duplicate)
    assert "'targets-1' is already recorded" in refusal(excinfo)
    with pytest.raises(TransitionError) as excinfo:
        record_consultation(adopted(), interministerial_workshop("review-2"), date=ADOPTED)
    assert "every change needs an author" in refusal(excinfo)


def test_recording_a_consultation_on_an_adopted_plan_is_an_amendment() -> None:
    plan = record_consultation(
        adopted(), interministerial_workshop("review-2"), author="Secretariat", date=ADOPTED
    )
    assert plan.status is PlanStatus.AMENDED
    assert plan.consultations[-1].id == "review-2"
    assert plan.revisions[-1].summary == "Recorded interministerial workshop 'review-2'"


def test_next_transitions_and_blockers() -> None:
    assert next_transitions(national_plan()) == ("submit",)
    assert next_transitions(adopted()) == ("submit", "amend")
    assert blockers(national_plan(), "submit", date=SUBMITTED) == ()
    with pytest.raises(ValueError, match="transition must be one of"):
        blockers(national_plan(), "publish")


# -- history rewriting --------------------------------------------------------------------------


def _history(*numbers: int) -> migsdg.ActionPlan:
    return national_plan(
        revisions=tuple(
            Revision(number=n, date=day("2025-01-01"), summary=f"r{n}") for n in numbers
        )
    )


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ((1, 2), (1, 2, 3), []),
        ((1, 2), (1, 2), []),
        ((1, 2, 3), (1, 3), ["revision 2 (2025-01-01) was removed"]),
        ((1, 3), (1, 2, 3), ["revision 2 (2025-01-01) was inserted into the earlier history"]),
        ((1, 2), (2, 1, 3), ["the revisions are not in increasing order of number"]),
    ],
)
def test_history_rewrites(old: tuple[int, ...], new: tuple[int, ...], found: list[str]) -> None:
    assert list(history_rewrites(_history(*old), _history(*new))) == found


# -- migsdg status --------------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", EXAMPLES)
def test_status_show_on_examples(
    capsys: pytest.CaptureFixture[str], example_files: dict[str, Path], name: str
) -> None:
    code, out, _ = cli(capsys, "status", str(example_files[name]))
    assert code == 0
    plan = example(name)
    # In the plan's language: "Estado: Modificado tras su adopción (revisión 5)".
    tr = translator(plan.language)
    status = tr._(
        "Status: {status} (revision {n})",
        status=Labels(plan.language).enum(plan.status),
        n=plan.revision,
    )
    assert status in out
    code, out, _ = cli(capsys, "status", str(example_files[name]), "--language", "fr")
    assert f"Statut\u00a0: {Labels('fr').enum(plan.status)} (révision {plan.revision})" in out
    code, out, _ = cli(capsys, "status", str(example_files[name]), "show", "--format", "json")
    data = json.loads(out)
    assert (data["format"], data["version"], data["revision"]) == (
        "migsdg-status",
        1,
        plan.revision,
    )
    assert [s["transition"] for s in data["next"]] == list(next_transitions(plan))


def test_status_amend_on_an_example_copy(
    capsys: pytest.CaptureFixture[str], example_files: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "national.json"
    shutil.copy(example_files["national"], path)
    code, out, err = cli(
        capsys, "status", str(path), "amend", "--author", "PIOJ", "--summary", "Annual update"
    )
    assert code == 0, err
    plan = migsdg.load_plan(path)
    assert plan.revision == example("national").revision + 1
    assert plan.revisions[-1].summary == "Annual update"
    assert "→ amended" in out


def test_status_walks_a_plan_file_to_adoption(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.json"
    plan = national_plan(consultations=(interministerial_workshop(),))
    migsdg.save_plan(plan, path)
    assert cli(capsys, "status", str(path), "submit", "--date", "2025-02-01")[0] == 0
    assert migsdg.load_plan(path).status is PlanStatus.IN_REVIEW
    assert cli(capsys, "status", str(path), "validate", "--date", "2025-02-11")[0] == 0
    code, out, _ = cli(
        capsys, "status", str(path), "adopt", "--date", "2025-03-01", "--author", "Cabinet"
    )
    assert code == 0
    assert out.strip() == "nat-2025: validated → adopted (revision 3, 2025-03-01)"
    adopted_plan = migsdg.load_plan(path)
    assert adopted_plan.status is PlanStatus.ADOPTED
    assert adopted_plan.revisions[-1].author == "Cabinet"


def test_status_refusal_exits_1_and_leaves_the_file_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.json"
    migsdg.save_plan(national_plan(), path)
    before = path.read_bytes()
    code, out, err = cli(capsys, "status", str(path), "validate", "--date", "2025-03-01")
    assert code == 1
    assert out == ""
    assert err.startswith("migsdg: cannot validate the plan 'nat-2025':\n  - the plan is draft")
    assert err.count("\n  - ") == 2
    assert path.read_bytes() == before


def test_status_amend_with_previous_detects_a_rewritten_history(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    plan = adopted()
    migsdg.save_plan(plan, old)
    edited = attrs.evolve(plan, revisions=plan.revisions[1:])
    migsdg.save_plan(edited, new)
    code, _, err = cli(
        capsys, "status", str(new), "amend", "--previous", str(old), "--author", "A",
        "--summary", "S",
    )  # fmt: skip
    assert code == 1
    assert "revision 1 (2025-02-01) was removed" in err


def test_status_show_lists_what_blocks_the_next_step(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.json"
    migsdg.save_plan(in_review(), path)
    code, out, _ = cli(capsys, "status", str(path))
    assert code == 0
    assert "validate: not yet" in out
    assert "no review of the plan is recorded" in out
    # The revision history as a table (migsdg.present.history_view).
    row = next(line for line in out.splitlines() if line.startswith("  1 "))
    assert re.split(" {2,}", row.strip()) == [
        "1",
        "1\u00a0February\u00a02025",  # a date stays on one line
        "Secretariat",
        "In review",
        "Submitted for review",
    ]


def test_status_change_on_a_workbook_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"not really")
    code, _, err = cli(capsys, "status", str(path), "submit")
    assert code == 2
    assert "a changed plan is written to a .yaml, .yml or .json file" in err
    assert path.read_bytes() == b"not really"


def test_status_bad_date_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    migsdg.save_plan(national_plan(), path)
    with pytest.raises(SystemExit) as excinfo:
        main(["status", str(path), "submit", "--date", "1 March"])
    assert excinfo.value.code == 2
    assert "is not a date" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("language", "lead"),
    [
        ("es", "migsdg: no se puede validar el plan «nat-2025»:\n  - "),
        ("fr", "migsdg: impossible de valider le plan «\u00a0nat-2025\u00a0»\u00a0:\n  - "),
        ("ar", "migsdg: تعذّرت المصادقة على الخطة «nat-2025»:\n  - "),
    ],
)
def test_status_refusal_speaks_the_readers_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str, lead: str
) -> None:
    path = tmp_path / "plan.json"
    migsdg.save_plan(national_plan(), path)
    code, _, err = cli(
        capsys, "status", str(path), "validate", "--date", "2025-03-01", "--language", language
    )
    assert code == 1
    assert err.startswith(lead)
    # Every reason is in that language too: none is the English the exception carries.
    with pytest.raises(migsdg.TransitionError) as refused:
        migsdg.mark_validated(national_plan(), date=dt.date(2025, 3, 1))
    assert refused.value.transition == "validate the plan"  # the exception stays as it was
    for reason in refused.value.reasons:
        assert f"  - {reason}\n" not in err


def test_status_refusal_follows_the_plans_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.json"
    migsdg.save_plan(attrs.evolve(national_plan(), language="fr"), path)
    code, _, err = cli(capsys, "status", str(path), "adopt", "--date", "2025-03-01")
    assert code == 1
    assert err.startswith("migsdg: impossible d'adopter le plan «\u00a0nat-2025\u00a0»\u00a0:\n")
