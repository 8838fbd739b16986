"""The checks speak with the guide's force: a rule is an error only where the guide
requires what it checks; what the guide says should, can or ideally happen is a warning
or a note (docs/checks.md gives each rule's modality, the guide's sentence and why)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from migsdg.checks import CheckContext, Hit, Modality, Severity, rule
from migsdg.checks import _guide as G
from migsdg.rules_reference import core_rules, modality_word, render, severity_reason

DOC = Path(__file__).resolve().parents[1] / "docs" / "checks.md"

#: Words that carry each modality in the guide's sentences.
_WORDS = {
    Modality.SHOULD: ("should",),
    Modality.CAN: ("can", "may", "could", "possible"),
    Modality.IDEALLY: ("ideally", "advisable"),
}


def _table_rows() -> list[tuple[str, str, str]]:
    """(code, modality, severity) of each row of the rules table in docs/checks.md."""
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| \[(\w+)\]\(#\w+\) \| `[^`]+` \| (\S+) \| (\w+) \|", line)
        if m:
            rows.append((m.group(1), m.group(2), m.group(3)))
    return rows


def test_no_rule_says_error_where_the_docs_give_can_should_or_ideally() -> None:
    rows = _table_rows()
    assert len(rows) == len(core_rules())
    wrong = [
        (code, modality)
        for code, modality, severity in rows
        if severity == "error" and modality in ("can", "should", "ideally")
    ]
    assert wrong == []


def test_the_docs_table_gives_every_rule_its_modality_from_the_registry() -> None:
    by_code = {r.code: r for r in core_rules()}
    for code, modality, severity in _table_rows():
        assert modality == modality_word(by_code[code]), code
        assert severity == by_code[code].severity.value, code


def test_every_core_rule_quotes_the_guide_or_says_it_goes_beyond_it() -> None:
    for r in core_rules():
        if r.modality is None:
            assert not r.guide, r.code
            assert r.severity_reason.startswith("Beyond the guide"), r.code
        else:
            assert r.guide, r.code
            assert f"“{' '.join(r.guide.replace(chr(9), ' / ').split())}”" in render(), r.code


@pytest.mark.parametrize("r", core_rules(), ids=lambda r: r.code)
def test_the_modality_is_the_word_of_the_quoted_sentence(r: object) -> None:
    from migsdg.checks import Rule

    assert isinstance(r, Rule)
    if r.modality is None:
        return
    words = r.guide.lower()
    if r.modality is Modality.MUST:
        assert "must" in words.split() or r.guide in G.CRITERIA, r.code
    else:
        assert any(re.search(rf"\b{w}\b", words) for w in _WORDS[r.modality]), r.code
        assert "must" not in words.split(), r.code


def test_every_severity_has_its_reason_in_the_docs() -> None:
    text = render()
    for r in core_rules():
        reason = severity_reason(r)
        assert reason and not reason.startswith("Set by"), r.code
        assert f"**Its severity.** {reason}" in text, r.code
    # Rules whose severity is below what the guide's modality would allow explain it.
    for r in core_rules():
        if r.modality is Modality.MUST and r.severity is not Severity.ERROR:
            assert r.severity_reason, r.code


@pytest.mark.parametrize("modality", [Modality.SHOULD, Modality.CAN, Modality.IDEALLY])
def test_a_rule_cannot_default_to_error_on_a_should_can_or_ideally(modality: Modality) -> None:
    def check(ctx: CheckContext) -> Iterator[Hit]:
        return iter(())

    with pytest.raises(ValueError, match="not an error"):
        rule(
            "ZZ101",
            "too-strong",
            severity=Severity.ERROR,
            summary="s",
            why="w",
            guide="The plan should undergo review before adoption.",
            modality=modality,
        )(check)
    made = rule(
        "ZZ102",
        "as-strong-as-the-guide",
        severity=Severity.WARNING,
        summary="s",
        why="w",
        modality=modality,
    )(check)
    assert made.severity is Severity.WARNING


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        ("AP401", Severity.WARNING),  # "Care should be taken to budget ... supporting activities"
        ("AP502", Severity.WARNING),  # a lead per stage is this rule's reading of the criteria
        ("AP701", Severity.WARNING),  # "The plan should undergo review before adoption."
        ("AP702", Severity.WARNING),  # "should finalize the plan ... before adopting"
        ("AP703", Severity.INFO),  # "Ideally, the review process will include ..."
        ("AP306", Severity.ERROR),  # "... must reflect how to achieve them."
        ("AP101", Severity.ERROR),  # an element of the Action Plan Criteria
    ],
)
def test_rules_named_in_the_review_have_the_guides_force(code: str, severity: Severity) -> None:
    (r,) = [r for r in core_rules() if r.code == code]
    assert r.severity is severity
