"""docs/formats.md documents exactly the keys the JSON outputs produce, and the CSV columns.

Each output is produced for a plan rich enough that every list in it has items, so every
documented key appears and every produced key must be documented.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import migsdg
from migsdg import (
    AchievedValue,
    Actor,
    ActorKind,
    ExistingFramework,
    Expenditure,
    FundingArrangement,
    FundingSource,
    GovernanceLevel,
    InterimTarget,
    Measure,
    Objective,
    PlanStatus,
    Revision,
    Role,
    RoleKind,
    Stage,
)
from migsdg.cli import main
from migsdg.cli.funding import CSV_TABLES
from migsdg.cli.status import status_dict
from review_plans import (
    interministerial_workshop,
    intervention,
    local_workshop,
    national_plan,
    with_intervention,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "formats.md"
_PLACEHOLDER = re.compile(r"^- `<(\w+)>`: one of (.+)$")
_ROW = re.compile(r"^\| `([^`]+)` \| ([^|]*) \|")


def _section(fmt: str) -> list[str]:
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("## ") and f"`{fmt}`" in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


def _documented(fmt: str) -> tuple[set[str], set[str]]:
    """The documented key paths of ``fmt`` (placeholders expanded, ancestors added) and
    those of type *any*, below which a value is not described."""
    lines = _section(fmt)
    names: dict[str, list[str]] = {}
    for line in lines:
        m = _PLACEHOLDER.match(line)
        if m:
            names[m.group(1)] = re.findall(r"`([^`]+)`", m.group(2))
    keys: set[str] = set()
    opaque: set[str] = set()
    in_key_table = False
    for line in lines:
        if line.startswith("| key | type | meaning |"):
            in_key_table = True
            continue
        if not line.startswith("|"):
            in_key_table = False
            continue
        m = _ROW.match(line)
        if not (in_key_table and m):
            continue
        key, kind = m.group(1), m.group(2).strip()
        holes = re.findall(r"<(\w+)>", key)
        for values in itertools.product(*(names[h] for h in holes)):
            expanded = key
            for hole, value in zip(holes, values, strict=True):
                expanded = expanded.replace(f"<{hole}>", value, 1)
            expanded = expanded.removesuffix("[]")
            keys.add(expanded)
            if kind == "any":
                opaque.add(expanded)
    for key in list(keys):  # every ancestor of a documented key is documented
        for i, ch in enumerate(key):
            if ch == ".":
                keys.add(key[:i].removesuffix("[]"))
    return keys, opaque


def _produced(data: Any, opaque: set[str], prefix: str = "") -> set[str]:
    keys: set[str] = set()
    if isinstance(data, dict):
        for k, v in data.items():
            path = f"{prefix}.{k}" if prefix else k
            keys.add(path)
            if path not in opaque:
                keys |= _produced(v, opaque, path)
    elif isinstance(data, list):
        for item in data:
            keys |= _produced(item, opaque, prefix + "[]")
    return keys


def assert_documented(fmt: str, data: dict[str, Any]) -> None:
    assert (data["format"], data["version"]) == (fmt, 1)
    documented, opaque = _documented(fmt)
    produced = _produced(json.loads(json.dumps(data)), opaque)
    assert produced - documented == set(), "produced but not documented"
    assert documented - produced == set(), "documented but not produced"


# -- rich plans ---------------------------------------------------------------------------------


def review_plan() -> migsdg.ActionPlan:
    """Every kind of review finding at once."""
    plan = with_intervention(national_plan(), 1, links=())  # duplication with fw-act
    bank = Actor(id="boj", name="Central Bank", kind=ActorKind.GOVERNMENT)
    iv = intervention(
        "iv-bank", ("10.c",), objective="obj-remit", lead="boj", area="finance", coordination=""
    )
    plan = with_intervention(plan, 2, coordination="")  # horizontal on 10.c
    frameworks = (
        *(attrs.evolve(fw, coordination="") for fw in plan.existing_frameworks),
        ExistingFramework(  # vertical: a local framework on 10.7 linked to nothing
            id="fw-city",
            name="City migrant desk",
            level=GovernanceLevel.LOCAL,
            policy_area="services",
            owner="cso",
            targets=("10.7",),
        ),
        ExistingFramework(id="fw-bare", name="Unclassified strategy", targets=("10.7",)),
    )
    return attrs.evolve(
        plan,
        objectives=(*plan.objectives, Objective(id="obj-gap", targets=("8.7",))),
        actors=(*plan.actors, bank),
        interventions=(*plan.interventions, iv),
        existing_frameworks=frameworks,
    )


def diff_pair() -> tuple[migsdg.ActionPlan, migsdg.ActionPlan]:
    """Two versions differing in every way a diff reports."""
    old = national_plan(
        status=PlanStatus.ADOPTED,
        consultations=(interministerial_workshop(), local_workshop()),
        revisions=(Revision(number=1, date=dt.date(2025, 3, 1), status=PlanStatus.ADOPTED),),
        interim_targets=(
            InterimTarget(id="it-1", target="10.7", value=Decimal(3), due=dt.date(2027, 12, 31)),
            InterimTarget(id="it-old", target="8.8", value=Decimal(1)),
        ),
    )
    ivs = list(old.interventions)
    iv = ivs[0]
    ivs[0] = attrs.evolve(
        iv,
        roles=(*iv.roles[1:], Role(stage=Stage.EVALUATION, actor="univ", role=RoleKind.SUPPORT)),
        funding=(FundingArrangement(source="budget", amount=Decimal(120000)),),
        expenditures=(
            Expenditure(date=dt.date(2026, 3, 31), amount=Decimal(40000), source="budget"),
        ),
        monitoring=(
            attrs.evolve(
                iv.monitoring[0],
                interim=(Measure(value=Decimal(4), year=2027),),
                achieved=(AchievedValue(value=Decimal(3), year=2026, source="Survey"),),
            ),
        ),
    )
    del ivs[2]
    ivs.append(intervention("iv-new", ("8.7",), objective="obj-new"))
    new = attrs.evolve(
        old,
        title="Revised plan",
        status=PlanStatus.AMENDED,
        objectives=(
            attrs.evolve(old.objectives[0], title="Changed"),
            Objective(id="obj-new", targets=("8.7",)),
        ),
        interim_targets=(
            attrs.evolve(old.interim_targets[0], value=Decimal(4)),
            InterimTarget(id="it-new", target="8.7", value=Decimal(2)),
        ),
        interventions=tuple(ivs),
        actors=(
            attrs.evolve(old.actors[0], name="Ministry of Labour and Social Security"),
            *old.actors[2:],
            Actor(id="new-actor", name="New"),
        ),
        funding_sources=(
            attrs.evolve(old.funding_sources[0], name="Consolidated fund"),
            *old.funding_sources[2:],
            FundingSource(id="new-source", name="New"),
        ),
        consultations=(
            attrs.evolve(old.consultations[0], decisions=("Validated.",)),
            attrs.evolve(interministerial_workshop("review-2"), date=dt.date(2026, 1, 1)),
        ),
        existing_frameworks=(
            attrs.evolve(old.existing_frameworks[0], name="Renamed act"),
            ExistingFramework(id="fw-new", name="New"),
        ),
        revisions=(
            attrs.evolve(old.revisions[0], summary="Rewritten"),
            Revision(number=2, date=dt.date(2026, 1, 2), author="S", status=PlanStatus.AMENDED),
        ),
    )
    return old, new


# -- the formats --------------------------------------------------------------------------------


def test_review_format_is_documented() -> None:
    result = migsdg.review_plan(review_plan())
    assert result.gaps and result.duplications and result.horizontal and result.vertical
    assert result.incomplete_frameworks
    assert_documented("migsdg-review", result.to_dict())


def test_funding_format_is_documented() -> None:
    assert_documented("migsdg-funding", migsdg.funding_summary(national_plan()).to_dict())


def test_diff_format_is_documented() -> None:
    d = migsdg.diff_plans(*diff_pair())
    data = d.to_dict()
    for name in ("objectives", "interim_targets", "interventions", "actors"):
        assert all(data[name][part] for part in ("added", "removed", "changed")), name
    for name in ("funding_sources", "consultations", "existing_frameworks"):
        assert all(data[name][part] for part in ("added", "removed", "changed")), name
    assert data["roles"] and data["interim_values"] and data["funding"]["interventions"]
    assert data["achieved_values"]
    assert data["history_rewritten"] and data["revisions_added"] and data["plan"]
    assert_documented("migsdg-diff", data)


def test_status_format_is_documented() -> None:
    plan = national_plan(
        status=PlanStatus.IN_REVIEW,
        consultations=(interministerial_workshop(),),
        revisions=(Revision(number=1, date=dt.date(2025, 2, 1), status=PlanStatus.IN_REVIEW),),
    )
    data = status_dict(plan, today=dt.date(2025, 2, 11))
    assert data["next"] and data["reviews"] and data["revisions"]
    assert_documented("migsdg-status", data)


def test_ladder_format_is_documented(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = migsdg.save_plan(national_plan(), tmp_path / "plan.json")
    args = ["ladder", "--baseline", "5", "--baseline-year", "2020", "--target", "3"]
    args += ["--target-year", "2030", "--years", "2027", "--format", "json"]
    assert main([*args, "--plan", str(path), "--sdg-target", "10.c"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["interim_targets"]
    assert_documented("migsdg-ladder", data)


def test_progress_format_is_documented() -> None:
    from migsdg.examples import load_example

    data = migsdg.plan_progress(load_example("national"), as_of=dt.date(2023, 7, 31)).to_dict()
    indicators = [i for iv in data["interventions"] for i in iv["indicators"]]
    assert any(i["latest"] for i in indicators) and any(i["values"] for i in indicators)
    kinds = {c["kind"] for i in indicators for c in i["checkpoints"]}
    assert kinds == {"baseline", "interim", "interim_target", "target"}
    assert_documented("migsdg-progress", data)


def test_progress_csv_columns_are_documented() -> None:
    from migsdg.cli.progress import CSV_COLUMNS

    (all_row,) = [line for line in _section("migsdg-progress") if line.startswith("| all |")]
    assert tuple(re.findall(r"`([^`]+)`", all_row)) == CSV_COLUMNS


def test_csv_columns_are_documented() -> None:
    lines = _section("migsdg-funding")
    found = {}
    for line in lines:
        m = re.match(r"^\| `(\w+)`(?: \(default\))? \| (`.+`) \|$", line)
        if m:
            found[m.group(1)] = tuple(re.findall(r"`([^`]+)`", m.group(2)))
    assert found == CSV_TABLES


def test_every_json_output_carries_format_and_version() -> None:
    text = DOC.read_text(encoding="utf-8")
    formats = ("review", "funding", "progress", "diff", "status", "ladder")
    for fmt in (f"migsdg-{name}" for name in formats):
        documented, _ = _documented(fmt)
        assert {"format", "version"} <= documented
        assert f'`"{fmt}"`' in text
