"""Single values in cells: text escaping, lists in one cell, numbers and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migsdg.excel import _cells as c

_text = st.text(st.characters(exclude_categories=("Cs",)))


@given(_text)
def test_escaped_text_comes_back(text: str) -> None:
    assert c.unescape_text(c.escape_text(text)) == text


@given(_text)
def test_escaped_text_holds_only_what_xml_carries(text: str) -> None:
    stored = c.escape_text(text)
    assert not any(ch in stored for ch in "\x00\x01\x08\x0b\x0c\r\x1f\ufffe\uffff")


def test_excel_escapes_are_written_as_excel_writes_them() -> None:
    assert c.escape_text("a\x01b") == "a_x0001_b"
    assert c.escape_text("\r\n") == "_x000D_\n"
    assert c.escape_text("_x0041_") == "_x005F_x0041_"  # literal text, not an escape
    assert c.unescape_text("_x005F_x0041_") == "_x0041_"
    assert c.escape_text("tab\tand\nnewline") == "tab\tand\nnewline"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_formula_openings_are_risky(text: str) -> None:
    assert c.is_risky_text(text)


@pytest.mark.parametrize("text", ["1+1", "a=b", " =x", "", "x-"])
def test_other_text_is_not_risky(text: str) -> None:
    assert not c.is_risky_text(text)


@given(st.lists(_text))
def test_lists_come_back_item_for_item(items: list[str]) -> None:
    """Items with commas, semicolons, quotes, line breaks or outer spaces are quoted;
    empty items survive as "" (an unquoted empty item is skipped)."""
    assert c.parse_list(c.format_list(items)) == items


def test_lists_as_people_type_them() -> None:
    assert c.parse_list("10.7, 8.8") == ["10.7", "8.8"]
    assert c.parse_list("10.7;8.8\n17.18") == ["10.7", "8.8", "17.18"]
    assert c.parse_list(" a ,, b, ") == ["a", "b"]
    assert c.parse_list('"Ministry of Labour, Unit 2", MOL') == [
        "Ministry of Labour, Unit 2",
        "MOL",
    ]
    assert c.parse_list('say "hi"') == ['say "hi"']
    assert c.format_list(["a,b", "c"]) == '"a,b", c'
    assert c.format_list(['q"q']) == '"q""q"'


@pytest.mark.parametrize(
    ("text", "message"),
    [('"open', "never closed"), ('"a" b', "after a closing double quote")],
)
def test_broken_lists_are_refused(text: str, message: str) -> None:
    with pytest.raises(c.ListSyntaxError, match=message):
        c.parse_list(text)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (Decimal("1250000"), 1250000),
        (Decimal("0.1"), 0.1),
        (Decimal("1.10"), 1.1),
        (Decimal("-3.5"), -3.5),
        (Decimal("123456789012345"), 123456789012345),
        # More digits than Excel keeps: text, so nothing is rounded away.
        (Decimal("12345678901234.56"), "12345678901234.56"),
        (Decimal("1234567890123456"), "1234567890123456"),
        (Decimal("1E+400"), "1E+400"),
    ],
)
def test_decimals_become_numbers_excel_keeps_exactly(value: Decimal, cell: object) -> None:
    assert c.decimal_cell(value) == cell
    assert type(c.decimal_cell(value)) is type(cell)


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_decimal_cells_read_back_equal(value: Decimal) -> None:
    cell = c.decimal_cell(value)
    back = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
    assert back == value


def test_dates_excel_cannot_show_are_iso_text() -> None:
    assert c.date_cell(dt.date(2025, 1, 31)) == dt.date(2025, 1, 31)
    assert c.date_cell(dt.date(1899, 12, 31)) == "1899-12-31"
    assert c.date_cell(dt.date(1, 1, 1)) == "0001-01-01"


def test_quarters_and_columns() -> None:
    assert c.quarters_between(dt.date(2025, 2, 1), dt.date(2025, 10, 1)) == [
        (2025, 1),
        (2025, 2),
        (2025, 3),
        (2025, 4),
    ]
    assert [c.column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    assert c.sheet_ref("Plan") == "Plan"
    assert c.sheet_ref("Interim targets") == "'Interim targets'"
