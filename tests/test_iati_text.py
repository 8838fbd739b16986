"""Text in IATI XML: every text field of a plan is escaped, stays valid against the schema,
and reads back as written, except characters XML 1.0 cannot hold, which are removed the same
way everywhere."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from interop_plans import national_plan
from migsdg import (
    ActionPlan,
    Beneficiary,
    IndicatorKind,
    IndicatorRef,
    Measure,
    MonitoringEntry,
)
from migsdg.iati import clean_text, iati_xml

etree = pytest.importorskip("lxml.etree")

SCHEMA = etree.XMLSchema(
    etree.parse(str(Path(__file__).parent / "data" / "iati-schema" / "iati-activities-schema.xsd"))
)
_XML_CHAR = re.compile("^[\t\n\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*$")

SPECIAL = [
    "a < b && c > d",
    "<narrative>not markup</narrative>",
    "\"double\" and 'single' quotes, ]]> and &amp; &#x41;",
    "مرحبا بالعالم — خطة العمل",  # Arabic, right to left
    "תוכנית פעולה \u200fלהגירה",  # Hebrew with a right-to-left mark
    "migrants 🌍👩🏽‍🌾 and families 👨‍👩‍👧",
    "tab\there, new\nline, windows\r\nline end, old mac\rline end",
    "nul\x00 bell\x07 vt\x0b ff\x0c esc\x1b us\x1f removed",
    "non-characters \ufffe\uffff and a lone surrogate \ud800 removed",
    "  leading and trailing spaces kept  ",
    "del \x7f and c1 \x85 are allowed in XML 1.0",
]


def plan_with_text(text: str) -> ActionPlan:
    """The national plan with ``text`` in every text field the IATI export writes."""
    plan = national_plan()
    iv = plan.interventions[0]
    entry = MonitoringEntry(
        indicator=IndicatorRef(
            kind=IndicatorKind.NATIONAL, code="N-1", name=text, definition=text, unit="people"
        ),
        baseline=Measure(value=Decimal(1), year=2024, note=text),
        target=Measure(value=Decimal(2), year=2028, note=text),
        interim=(Measure(value=Decimal(1), year=2026, note=text),),
    )
    iv = attrs.evolve(
        iv,
        title=text,
        description=text,
        rationale=text,
        beneficiaries=(Beneficiary(group=text, description=text),),
        outcomes=(text, text),
        monitoring=(entry,),
    )
    actors = tuple(attrs.evolve(a, name=text) for a in plan.actors)
    sources = tuple(attrs.evolve(s, name=text) for s in plan.funding_sources)
    return attrs.evolve(
        plan, authority=text, interventions=(iv,), actors=actors, funding_sources=sources
    )


def narratives(doc: Any, path: str) -> list[str]:
    return [n.text or "" for n in doc.iterfind(f"{path}/narrative")]


def check_round_trip(text: str) -> None:
    data = iati_xml(plan_with_text(text))
    doc = etree.fromstring(data)
    assert SCHEMA.validate(doc), SCHEMA.error_log
    want = clean_text(text)
    act = doc.find("iati-activity")
    assert narratives(act, "reporting-org") == [want]
    assert narratives(act, "title") == [want]
    descriptions = {d.get("type"): d.findtext("narrative") for d in act.iterfind("description")}
    assert descriptions == {"1": want, "2": want, "3": f"{want}: {want}"}
    assert set(narratives(act, "participating-org")) == {want}
    assert narratives(act, "result/title") == [want]
    assert narratives(act, "result/description") == [f"{want}\n{want}"]
    indicator = act.find("result/indicator")
    assert narratives(indicator, "title") == [want]
    assert narratives(indicator, "description") == [want]
    assert narratives(indicator, "baseline/comment") == [want]
    assert narratives(indicator, "period/target/comment") == [want, want]


@pytest.mark.parametrize("text", SPECIAL)
def test_special_characters_are_escaped_and_read_back(text: str) -> None:
    check_round_trip(text)


def test_characters_xml_cannot_hold_are_removed_and_line_ends_normalised() -> None:
    assert clean_text("a\x00b\x1fc\ufffed\ud800e") == "abcde"
    assert clean_text("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"
    assert clean_text("<&>\"'") == "<&>\"'"
    assert clean_text("مرحبا 🌍") == "مرحبا 🌍"


def test_the_file_is_utf8_with_no_character_references_for_plain_text() -> None:
    data = iati_xml(plan_with_text("Año 🌍 مرحبا"))
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert "Año 🌍 مرحبا".encode() in data
    assert b"&lt;" not in iati_xml(plan_with_text("plain"))


# Any text, as long as something printable is left once XML-illegal characters go (an
# empty title would be refused, rightly).
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=()), min_size=0, max_size=40
).map(lambda s: "x" + s)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("x\ud800\udc00")  # a surrogate pair written as two code points
def test_any_text_round_trips_through_iati_xml(text: str) -> None:
    check_round_trip(text)


@given(st.text(max_size=60))
def test_clean_text_keeps_exactly_the_characters_xml_can_hold(text: str) -> None:
    cleaned = clean_text(text)
    assert _XML_CHAR.match(cleaned)
    assert clean_text(cleaned) == cleaned
    if _XML_CHAR.match(text):
        assert cleaned == text
