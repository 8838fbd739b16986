"""The protection and displacement plugins' checks, and the sector facts the templates must
keep (each test fails if a template goes back to a claim its sources do not support)."""

from __future__ import annotations

from decimal import Decimal

import migsdg
from migsdg.model import Disaggregation, IndicatorKind, IndicatorRef, Measure, MonitoringEntry
from migsdg.plugins import get_host

SEX, AGE = Disaggregation.SEX, Disaggregation.AGE
STATUS = Disaggregation.MIGRATORY_STATUS


def _plan(*interventions: migsdg.Intervention) -> migsdg.ActionPlan:
    return migsdg.ActionPlan(id="p", interventions=interventions)


def _entry(code: str, *dims: Disaggregation, **fields: object) -> MonitoringEntry:
    return MonitoringEntry(indicator=IndicatorRef(code=code), disaggregation=dims, **fields)  # type: ignore[arg-type]


def _found(plan: migsdg.ActionPlan, code: str) -> list[tuple[str | None, str]]:
    return [(f.intervention, f.location) for f in migsdg.check(plan, select=[code]).findings]


def test_prt101_wants_16_2_2_by_sex_and_age() -> None:
    plan = _plan(
        migsdg.Intervention(id="a", monitoring=(_entry("16.2.2", SEX),)),
        migsdg.Intervention(id="b", monitoring=(_entry("16.2.2", SEX, AGE),)),
        migsdg.Intervention(id="c", monitoring=(_entry("16.2.1"),)),
    )
    report = migsdg.check(plan, select=["PRT101"])
    assert [(f.intervention, f.location) for f in report.findings] == [
        ("a", "interventions[0].monitoring[0].disaggregation")
    ]
    assert "without disaggregation by age" in report.findings[0].message


def test_prt102_notes_a_target_of_fewer_detected_victims() -> None:
    def entry(base: str, goal: str) -> MonitoringEntry:
        return _entry(
            "16.2.2",
            SEX,
            AGE,
            baseline=Measure(value=Decimal(base), year=2024),
            target=Measure(value=Decimal(goal), year=2030),
        )

    plan = _plan(
        migsdg.Intervention(id="fewer", monitoring=(entry("3.1", "2.0"),)),
        migsdg.Intervention(id="more", monitoring=(entry("3.1", "4.5"),)),
        migsdg.Intervention(id="open", monitoring=(_entry("16.2.2", SEX, AGE),)),
    )
    assert _found(plan, "PRT102") == [("fewer", "interventions[0].monitoring[0].target")]
    finding = migsdg.check(plan, select=["PRT102"]).findings[0]
    assert finding.severity is migsdg.Severity.INFO


def test_dsp101_wants_a_repeated_disaster_indicator_once() -> None:
    plan = _plan(
        migsdg.Intervention(id="twice", monitoring=(_entry("1.5.1"), _entry("13.1.1"))),
        migsdg.Intervention(id="once", monitoring=(_entry("11.5.1"), _entry("13.1.3"))),
        migsdg.Intervention(id="other", monitoring=(_entry("10.7.2"), _entry("10.7.3"))),
    )
    report = migsdg.check(plan, select=["DSP101"])
    assert [(f.intervention, f.location) for f in report.findings] == [
        ("twice", "interventions[0].monitoring[1].indicator")
    ]
    assert "13.1.1, the same indicator as 1.5.1" in report.findings[0].message


def test_dsp102_wants_durable_solutions_compared_with_residents() -> None:
    sub = "displacement.durable-solutions"
    plan = _plan(
        migsdg.Intervention(id="a", subtype=sub, monitoring=(_entry("11.1.1", SEX),)),
        migsdg.Intervention(id="b", subtype=sub, monitoring=(_entry("11.1.1", STATUS),)),
        migsdg.Intervention(id="c", subtype=sub),  # AP108's business
        migsdg.Intervention(id="d", monitoring=(_entry("11.1.1"),)),
    )
    assert _found(plan, "DSP102") == [("a", "interventions[0].monitoring")]


def test_new_sector_templates_serve_the_targets_the_issue_names() -> None:
    templates = get_host().templates()
    protection = [t for t in templates.values() if t.plugin == "protection"]
    displacement = [t for t in templates.values() if t.plugin == "displacement"]
    assert len(protection) >= 4 and len(displacement) >= 4
    assert {"5.2", "8.7", "16.2", "16.3"} <= {c for t in protection for c in t.targets}
    assert {"1.5", "11.5", "13.1"} <= {c for t in displacement for c in t.targets}
    assert any(
        "Guiding Principles on Internal Displacement" in s for t in displacement for s in t.sources
    )
    assert any("IASC Framework on Durable Solutions" in s for t in displacement for s in t.sources)
    assert any("Sendai Framework" in s for t in displacement for s in t.sources)
    assert any("Protocol of 2014 to the Forced Labour" in s for t in protection for s in t.sources)
    assert any(
        "Trafficking in Persons, Especially Women" in s for t in protection for s in t.sources
    )


def test_health_templates_do_not_disaggregate_the_3_8_1_index() -> None:
    for t in get_host().templates().values():
        for s in t.indicators:
            if s.indicator.kind is IndicatorKind.SDG and s.indicator.code == "3.8.1":
                assert not s.disaggregation, t.id


def test_template_facts_corrected_against_the_sources() -> None:
    templates = get_host().templates()
    teachers = templates["education.language-and-teachers"]
    assert "4.c" not in teachers.targets and "4.7" in teachers.targets
    forecasting = templates["labour.labour-market-migration"]
    assert "does not name migrant workers" in forecasting.rationale
    diaspora = templates["finance.diaspora-engagement"]
    assert "building trust, then mobilising" not in diaspora.rationale
    fin102 = next(r for r in get_host().checks() if r.code == "FIN102")
    assert "building trust" not in fin102.why
