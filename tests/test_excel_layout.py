"""The layout module is the workbook format: it must cover the whole model, name columns
that Excel can hold, and agree with docs/excel.md."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import attrs

from migsdg import model as m
from migsdg.excel import docs
from migsdg.excel.layout import (
    DATA_SHEETS,
    FORM_SHEET,
    SHEETS_BY_NAME,
    Kind,
    SheetLayout,
    field_type,
    iter_columns,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "excel.md"


def _sheet_class(sheet: SheetLayout) -> type:
    return m.MonitoringEntry if sheet.measures else sheet.item


def _leaf_paths(cls: type, prefix: str = "") -> set[str]:
    """Every scalar field path of ``cls``, reaching into nested classes that are not
    collections of items (Period, Timeframe, CapacityAssessment, IndicatorRef)."""
    out: set[str] = set()
    for f in attrs.fields(cls):
        tp = typing.get_type_hints(cls)[f.name]
        inner = field_type(cls, f.name)
        path = prefix + f.name
        is_tuple = "tuple" in str(tp)
        if attrs.has(inner) and not is_tuple:
            out |= _leaf_paths(inner, path + ".")
        else:
            out.add(path)
    return out


def test_every_field_of_the_model_has_a_column_or_a_sheet() -> None:
    """Walking the plan from the top, every field is either a column somewhere or a
    collection with a sheet of its own: nothing is left out of the workbook."""
    covered: dict[type, set[str]] = {}

    def cover(cls: type, key: str) -> None:
        covered.setdefault(cls, set()).add(key)

    for sheet in (FORM_SHEET, *DATA_SHEETS):
        owner: Any = m.ActionPlan
        for step in sheet.path:
            cover(owner, step)
            owner = field_type(owner, step)
        if sheet.measures:
            for slot in ("baseline", "target", "interim"):
                cover(m.MonitoringEntry, slot)
            owner = m.Measure
        for col in sheet.columns:
            if col.key:
                cover(owner, col.key)
    missing = []
    for cls in {m.ActionPlan, *(_sheet_class(s) for s in DATA_SHEETS), m.Measure}:
        if cls is str:
            continue
        for path in sorted(_leaf_paths(cls)):
            keys = covered.get(cls, set())
            if not any(path == k or path.startswith(k + ".") for k in keys):
                missing.append(f"{cls.__name__}.{path}")
    assert not missing


def test_every_column_key_is_a_field_of_its_sheets_class() -> None:
    for sheet, col in iter_columns():
        if not col.key:
            continue
        cls = m.Measure if sheet.measures else sheet.item
        field_type(cls, col.key)  # raises KeyError for a key that is not a field


def test_names_and_texts_fit_excel_limits() -> None:
    names = [s.name for s in (FORM_SHEET, *DATA_SHEETS)]
    assert len(set(names)) == len(names)
    for name in names:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    for sheet in (FORM_SHEET, *DATA_SHEETS):
        titles = [c.title.casefold() for c in sheet.all_columns]
        assert len(set(titles)) == len(titles), sheet.name
    for _, col in iter_columns():
        assert col.help and len(col.help) <= 255, col.title
        assert len(col.title) <= 32


def test_coded_fields_have_choices_and_references_name_a_sheet() -> None:
    for sheet, col in iter_columns():
        if col.kind in (Kind.CHOICE, Kind.CHOICES, Kind.SLOT):
            assert col.choices is not None, (sheet.name, col.title)
            tp = (
                field_type(m.Measure if sheet.measures else sheet.item, col.key)
                if col.key
                else None
            )
            if tp is not None:
                assert tp is col.choices, (sheet.name, col.title)
        if col.kind in (Kind.PARENT,):
            assert col.ref in SHEETS_BY_NAME
        if col.kind is Kind.REF and col.ref is not None:
            assert SHEETS_BY_NAME[col.ref].id_column is not None


def test_owners_come_before_the_sheets_that_name_them() -> None:
    order = [s.name for s in (FORM_SHEET, *DATA_SHEETS)]
    for sheet in DATA_SHEETS:
        for key in sheet.keys:
            if key.ref is not None:
                assert order.index(key.ref) < order.index(sheet.name)


def test_docs_column_reference_is_current() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert docs.update(text) == text, (
        "docs/excel.md is out of date with the layout; regenerate it with: "
        "python -m migsdg.excel.docs docs/excel.md"
    )


def test_docs_reference_names_every_sheet_and_column() -> None:
    reference = docs.render_reference()
    for sheet, col in iter_columns():
        assert f"### {sheet.name}\n" in reference
        assert f"| {col.title} |" in reference


def test_docs_generator_check_mode(tmp_path: Path) -> None:
    stale = tmp_path / "excel.md"
    stale.write_text(f"intro\n{docs.BEGIN}\nold\n{docs.END}\nend\n", encoding="utf-8")
    assert docs.main([str(stale), "--check"]) == 1
    assert docs.main([str(stale)]) == 0
    assert docs.main([str(stale), "--check"]) == 0
    assert stale.read_text(encoding="utf-8").startswith("intro\n")
    assert stale.read_text(encoding="utf-8").endswith(f"{docs.END}\nend\n")
