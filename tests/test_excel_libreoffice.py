"""What a workbook looks like after LibreOffice has opened and saved it.

One conversion serves every test here (LibreOffice takes seconds to start). The tests are
skipped only where ``soffice`` is not installed; ``.ci/run`` installs it.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from migsdg import model as m
from migsdg.examples import load_example
from migsdg.excel import read_workbook, write_workbook
from migsdg.views import funding_summary

# LibreOffice takes seconds per file: the full test set runs these, the fast one does not.
pytestmark = pytest.mark.slow

PAYLOADS = (
    '=HYPERLINK("http://x","y")',
    "=cmd|'/C calc'!A0",
    "@SUM(1+1)",
    "+1+1",
    "-2+3",
)


def _plan() -> m.ActionPlan:
    plan = load_example("national")
    first = plan.interventions[0]
    first = attrs.evolve(
        first,
        title=PAYLOADS[0],
        description=PAYLOADS[1],
        rationale=PAYLOADS[2] + "\nsecond line",
        sector=PAYLOADS[3],
        policy_area=PAYLOADS[4],
        # Excel's own escapes: LibreOffice writes the literal text below as _x005F_x0041_
        # into its shared strings, which must come back as written.
        outcomes=(*first.outcomes, "ünïcödé — 中文 ✓", "\tindented", "_x0041_ literal", "bell\x07"),
    )
    return attrs.evolve(plan, interventions=(first, *plan.interventions[1:]))


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[m.ActionPlan, Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    base = tmp_path_factory.mktemp("lo")
    plan = _plan()
    path = base / "plan.xlsx"
    write_workbook(plan, path)
    out = base / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{base / 'profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert (out / "plan.xlsx").exists(), "LibreOffice wrote nothing"
    return plan, out / "plan.xlsx"


def test_workbook_saved_by_libreoffice_imports_with_equal_content(
    saved: tuple[m.ActionPlan, Path],
) -> None:
    plan, path = saved
    assert read_workbook(path) == plan


def test_formula_payloads_stay_text_in_libreoffice(saved: tuple[m.ActionPlan, Path]) -> None:
    import openpyxl

    _, path = saved
    ws = openpyxl.load_workbook(path)["Interventions"]
    header = [c.value for c in ws[2]]
    row = {h: ws.cell(row=3, column=i + 1) for i, h in enumerate(header)}
    for title, text in (
        ("Title", PAYLOADS[0]),
        ("Description", PAYLOADS[1]),
        ("Sector", PAYLOADS[3]),
        ("Policy area", PAYLOADS[4]),
    ):
        assert row[title].data_type == "s", title
        assert row[title].value == text


def _money(value: Any) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value or 0)


def test_funding_summary_formulas_recompute_to_the_views(
    saved: tuple[m.ActionPlan, Path],
) -> None:
    """LibreOffice evaluates the Funding summary's formulas: they agree with
    migsdg.views.funding_summary, per intervention and per category of source."""
    import openpyxl

    plan, path = saved
    ws = openpyxl.load_workbook(path, data_only=True)["Funding summary"]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Intervention ID")
    total = next(i for i, r in enumerate(rows) if r[0] == "Total")
    computed = {r[0]: r for r in rows[head + 1 : total] if r[0] not in (None, "")}
    expected = funding_summary(plan)
    assert set(computed) >= {i.intervention for i in expected.interventions}
    for iv in expected.interventions:
        r = computed[iv.intervention]
        got = [_money(v) for v in r[2:9]]
        want = [
            iv.resources,
            iv.supporting_activities,
            iv.required,
            iv.secured,
            iv.pledged,
            iv.proposed,
            iv.gap,
        ]
        assert got == want, iv.intervention
    by_label = {r[11]: r for r in rows if len(r) > 14 and isinstance(r[11], str)}
    for cat in expected.categories:
        assert cat.category is not None
        r = by_label[cat.category.label]
        assert [_money(v) for v in r[14:17]] == [cat.secured, cat.pledged, cat.proposed]
