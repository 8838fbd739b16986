"""The IATI Validator's official ruleset, evaluated on the IATI exports.

Both example plans must come out with no failing evaluation, warnings included; the
evaluator itself is pinned by documents broken on purpose, one rule at a time.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import pytest

import migsdg
from iati_rules import Evaluator, Failure, UnknownRule, load_org_id_prefixes, load_ruleset
from interop_plans import national_plan, provincial_plan
from migsdg.examples import load_example, names
from migsdg.iati import iati_xml

etree = pytest.importorskip("lxml.etree")

load_example = functools.cache(load_example)
TODAY = dt.date.today()


@functools.cache
def ruleset() -> dict[str, Any]:
    return load_ruleset()


def evaluator() -> Evaluator:
    return Evaluator(ruleset(), now=TODAY, prefixes=load_org_id_prefixes())


@functools.cache
def example_xml(name: str) -> bytes:
    return iati_xml(load_example(name))


def parse(data: bytes) -> Any:
    return etree.fromstring(data)


def failures_of(doc: Any) -> list[Failure]:
    return evaluator().evaluate(doc)


# -- the examples ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", names())
def test_examples_pass_every_rule_of_the_validator_warnings_included(name: str) -> None:
    ev = evaluator()
    failures = ev.evaluate(parse(example_xml(name)))
    assert failures == [], "\n".join(map(str, failures))
    # The rules that matter for these files were really evaluated, not skipped.
    for rule in ("1.1.3", "1.1.21", "1.14.8", "6.11.1", "6.2.2", "102.1.1", "2.1.2", "7.5.3"):
        assert ev.evaluated.get(rule), rule


@pytest.mark.parametrize(
    "plan",
    [national_plan, provincial_plan],
    ids=["interop:national", "interop:provincial"],
)
def test_the_test_plans_pass_every_rule_of_the_validator(
    plan: Callable[[], migsdg.ActionPlan],
) -> None:
    # The test plans carry illustrative references of no registered agency: publish them
    # under an XI-IATI identifier as a real publisher would.
    doc = parse(iati_xml(plan(), org_ref="XI-IATI-EXAMPLE"))
    failures = failures_of(doc)
    assert failures == [], "\n".join(map(str, failures))


@pytest.mark.parametrize("name", names())
def test_every_activity_carries_what_publishers_are_measured_on(name: str) -> None:
    doc = parse(example_xml(name))
    for act in doc.findall("iati-activity"):
        ident = act.findtext("iati-identifier")
        assert act.findall("sector[@vocabulary='1']"), ident
        for tag in (
            "collaboration-type",
            "default-flow-type",
            "default-finance-type",
            "default-aid-type",
            "default-tied-status",
        ):
            assert act.find(tag) is not None, (ident, tag)
        assert act.find("contact-info/organisation/narrative").text.strip(), ident
        orgs = act.findall("participating-org")
        assert orgs and all(o.get("type") for o in orgs), ident
        assert act.find("document-link[@url]") is not None, ident
    plan = load_example(name)
    sdg_indicators = sum(
        1
        for iv in plan.interventions
        for e in iv.monitoring
        if e.indicator.kind is migsdg.IndicatorKind.SDG and e.indicator.code
    )
    references = doc.xpath("//result/indicator/reference[@vocabulary='9']")
    assert len(references) == sdg_indicators > 0


@pytest.mark.parametrize("name", names())
def test_secured_partner_money_is_an_incoming_commitment(name: str) -> None:
    plan = load_example(name)
    sources = {s.id: s for s in plan.funding_sources}
    doc = parse(example_xml(name))
    acts = {a.findtext("iati-identifier").rsplit(f"-{plan.id}-", 1)[1]: a for a in doc}
    with_commitment = 0
    for iv in plan.interventions:
        secured = [
            f
            for f in iv.funding
            if f.status is migsdg.FundingStatus.SECURED
            and sources[f.source].category is not migsdg.FundingCategory.DOMESTIC_BUDGET
        ]
        commitments = acts[iv.id].xpath("transaction[transaction-type/@code='11']")
        assert len(commitments) == len(secured), iv.id
        with_commitment += bool(secured)
        pledged = [f for f in iv.funding if f.status is migsdg.FundingStatus.PLEDGED and f.year]
        assert len(acts[iv.id].findall("planned-disbursement")) == len(pledged), iv.id
    assert with_commitment >= 2


# -- the evaluator ----------------------------------------------------------------------------


def _national() -> Any:
    return copy.deepcopy(parse(example_xml("national")))


def _first(doc: Any, path: str) -> Any:
    found = doc.xpath(path)
    assert found, path
    return found[0]


def _drop(path: str) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        for el in doc.xpath(path):
            el.getparent().remove(el)

    return mutate


def _set(path: str, attribute: str, value: str) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        _first(doc, path).set(attribute, value)

    return mutate


def _text(path: str, value: str) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        _first(doc, path).text = value

    return mutate


def _only_sdg_sectors(doc: Any) -> None:
    _drop("//iati-activity[1]/sector[@vocabulary='1']")(doc)


def _two_aid_types(doc: Any) -> None:
    act = _first(doc, "//iati-activity[1]")
    aid = act.find("default-aid-type")
    aid.addnext(copy.deepcopy(aid))


MUTATIONS: dict[str, tuple[Callable[[Any], None], str]] = {
    "unique": (_text("//iati-activity[1]/iati-identifier", "XI-IATI-JM-PIOJ"), "1.1.3"),
    "startswith (reporting org)": (
        _text("//iati-activity[1]/iati-identifier", "XX-1-jam-msdg-2020-iv-policy"),
        "1.1.21",
    ),
    "startswith (agency)": (
        _set("//iati-activity[1]/reporting-org", "ref", "ZZ-NOWHERE-1"),
        "1.14.8",
    ),
    "atleast_one (dates)": (_drop("//iati-activity[1]/activity-date[@type<3]"), "6.11.1"),
    "atleast_one (sector)": (_drop("//iati-activity[1]/sector"), "6.2.2"),
    "if_then (DAC sector)": (_only_sdg_sectors, "102.1.1"),
    "strict_sum (sectors)": (
        _set("//iati-activity[3]/sector[@vocabulary='1'][1]", "percentage", "60"),
        "2.1.2",
    ),
    "one_or_all (language)": (
        lambda d: _first(d, "//iati-activity[1]").attrib.pop(
            "{http://www.w3.org/XML/1998/namespace}lang"
        ),
        "4.1.1",
    ),
    "date_order": (
        _set("//iati-activity[1]/activity-date[@type='3']", "iso-date", "2019-01-01"),
        "11.1.2",
    ),
    "date_order (now)": (
        _set("//iati-activity[1]/activity-date[@type='2']", "iso-date", "2999-01-01"),
        "11.1.4",
    ),
    "date_now": (
        _set("//iati-activity[1]", "last-updated-datetime", "2999-01-01T00:00:00Z"),
        "11.1.1",
    ),
    "time_limit": (
        _set("//iati-activity[1]/budget[1]/period-end", "iso-date", "2022-06-30"),
        "7.5.3",
    ),
    "regex_matches": (_text("//iati-activity[1]/iati-identifier", "XI-IATI-JM-PIOJ-a/b"), "1.3.13"),
    "no_spaces": (_set("//iati-activity[1]/participating-org[1]", "ref", " XM-DAC-1"), "1.8.1"),
    "range": (_set("//iati-activity[1]/recipient-country", "percentage", "120"), "12.1.1"),
    "no_more_than_one (loop)": (_two_aid_types, "107.1.2"),
    "atleast_one (baseline)": (
        lambda d: _first(d, "//indicator[@measure='1']/baseline").attrib.pop("value"),
        "8.8.1",
    ),
    "atleast_one (narrative)": (_text("//iati-activity[1]/title/narrative", None), "4.3.1"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("case", sorted(MUTATIONS))
def test_the_evaluator_catches_each_kind_of_broken_file(case: str) -> None:
    mutate, rule = MUTATIONS[case]
    doc = _national()
    assert rule not in {f.rule for f in failures_of(doc)}
    mutate(doc)
    assert rule in {f.rule for f in failures_of(doc)}, case


def test_every_rule_kind_of_the_ruleset_is_known_to_the_evaluator() -> None:
    doc = _national()
    ev = evaluator()
    ev.evaluate(doc)  # raises UnknownRule for a kind it cannot check
    kinds = {kind for rules in ruleset().values() for kind in rules}
    assert {"atleast_one", "if_then", "loop", "strict_sum", "startswith", "unique"} <= kinds
    unknown = Evaluator({"//iati-activity": {"new_kind": {"cases": [{}]}}}, now=TODAY, prefixes=())
    with pytest.raises(UnknownRule):
        unknown.evaluate(doc)
