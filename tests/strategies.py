"""Hypothesis strategies for the whole plan model, shared by every round-trip test.

Each model class has a strategy named after it in the plural (``interventions()``,
``actors()``, ...); :func:`plans` builds whole plans. Every strategy takes an optional
``text`` strategy so that a format with its own limits can narrow the text drawn
everywhere, for example ``plans(text=xml_texts())`` for spreadsheets and XML, which cannot
hold most control characters.

What is generated is *loadable*: every value is one ``migsdg.plan_from_dict`` accepts
(catalogue codes in canonical form, three-letter currencies, finite decimals), so a
``save → load`` must give back an equal plan. Plans are not necessarily complete or
consistent — checks may find plenty — but ids are unique within each list and references
(actors of roles, sources of funding, objectives, interim targets) point at ids of the
same plan most of the time, as they do in real plans.

Text is unicode, with newlines, leading and trailing spaces, and values that begin with
``=``, ``+``, ``-`` or ``@`` (which spreadsheets would read as formulas).
"""

from __future__ import annotations

import datetime as dt
import functools
import zlib
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import settings
from hypothesis import strategies as st

import migsdg.model as m
from migsdg.catalogue import catalogue

__all__ = [
    "FORMULA_STARTS",
    "TRICKY_TEXTS",
    "achieved_values",
    "actors",
    "beneficiaries",
    "capacity_assessments",
    "consultations",
    "cost_lines",
    "currencies",
    "dates",
    "decimals",
    "examples",
    "exchange_rates",
    "existing_frameworks",
    "expenditures",
    "framework_interactions",
    "funding_arrangements",
    "funding_sources",
    "gcm_numbers",
    "ids",
    "indicator_codes",
    "indicator_refs",
    "interim_targets",
    "interventions",
    "measures",
    "migration_domain_numbers",
    "milestones",
    "mobilization_approaches",
    "monitoring_entries",
    "objectives",
    "optional",
    "outputs",
    "participations",
    "periods",
    "plans",
    "reporting_lines",
    "review_tools",
    "revisions",
    "roles",
    "supporting_activities",
    "target_codes",
    "texts",
    "timeframes",
    "xml_texts",
    "years",
]


def examples(n: int) -> int:
    """``n`` examples in the full hypothesis profile, fewer in the fast one (scaled as the
    profile scales hypothesis' default of 100; at least 3, or ``n`` if smaller)."""
    scaled = n * settings.default.max_examples // 100
    return max(scaled, min(n, 3))


T = TypeVar("T")
Text = st.SearchStrategy[str]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@")

_CAT = catalogue()
_TARGETS = sorted(_CAT.targets)
_INDICATORS = sorted(_CAT.indicators)

# -- scalars --------------------------------------------------------------------------------

# Any code point UTF-8 can encode, with newlines, tabs, spaces and formula starts often.
_PLAIN = st.one_of(
    st.sampled_from("\n\t =+-@é"),
    st.characters(exclude_categories=("Cs",)),
)
# What XML 1.0 (and so xlsx and docx) can hold.
_XML = st.one_of(
    st.sampled_from("\n\t =+-@é"),
    st.characters(
        exclude_categories=("Cs", "Cc"),
        exclude_characters="\ufffe\uffff",
    ),
)


#: Texts that have tripped up YAML, JSON, spreadsheets or XML somewhere: values YAML would
#: read as other types, comment and flow markers, line separators, formula starts.
TRICKY_TEXTS = (
    "",
    " ",
    "Plan de Acción Migración-ODS",
    "Ministère de l'Intérieur",
    "移民与发展",
    "تحويلات المهاجرين",
    "emoji 🌍 and a flag 🇯🇲",
    "line one\nline two\n",
    "  leading and trailing  ",
    "tab\tseparated",
    "\r\nwindows line",
    "next\x85line",
    "line\u2028separator",
    "=SUM(A1:A9)",
    "+1 876 555 0100",
    "-5%",
    "@mention",
    "=",
    "yes",
    "no",
    "null",
    "~",
    "true",
    "1.10",
    "010",
    "0x1F",
    "1e5",
    "1:30",
    ".5",
    "2030-12-31",
    "2020-01-01 10:00:00",
    "# not a comment",
    "key: value",
    "- item",
    "[flow, list]",
    "{flow: map}",
    "&anchor",
    "*alias",
    "!tag",
    "|",
    ">",
    "'single'",
    '"double"',
    "back\\slash",
    "\ufeffbom",
    "\x00nul\x07bell",
    "\U0001f600",
)


def _texts(alphabet: st.SearchStrategy[str], min_size: int, max_size: int) -> Text:
    tricky = [t for t in TRICKY_TEXTS if len(t) >= min_size]
    if alphabet is _XML:
        tricky = [t for t in tricky if not any(_xml_illegal(c) for c in t)]
    plain = st.text(alphabet, min_size=min_size, max_size=max_size)
    formula = st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(FORMULA_STARTS),
        st.text(alphabet, min_size=max(0, min_size - 1), max_size=max_size),
    )
    # Mostly one draw (cheap, so plans stay quick to generate), sometimes free text.
    return st.one_of(st.sampled_from(tricky), st.sampled_from(tricky), plain, formula)


def _xml_illegal(ch: str) -> bool:
    code = ord(ch)
    # \r is legal XML, but parsers turn it into \n, so it would not survive either.
    return (code < 0x20 and ch not in "\t\n") or ch in "\ufffe\uffff" or (0xD800 <= code <= 0xDFFF)


def texts(min_size: int = 0, max_size: int = 20) -> Text:
    """Any text UTF-8 can hold: letters of every script, control characters, newlines,
    leading and trailing spaces, and values beginning with ``=``, ``+``, ``-`` or ``@``."""
    return _texts(_PLAIN, min_size, max_size)


def xml_texts(min_size: int = 0, max_size: int = 20) -> Text:
    """Text that survives XML 1.0 (and so xlsx and docx): no control characters but
    newline and tab (a carriage return would come back as a newline); formula-like
    starts included."""
    return _texts(_XML, min_size, max_size)


def ids() -> Text:
    """Identifiers as planners write them (``iv-1``, ``obj.labour``, ``12``, ``Ñandú``)."""
    return _IDS


_IDS: Text = st.one_of(
    st.from_regex(r"[a-z][a-z0-9]{0,6}([-_.][a-z0-9]{1,6}){0,2}", fullmatch=True),
    st.integers(0, 999).map(str),
    st.text(st.characters(categories=("L", "N")), min_size=1, max_size=8),
)


def decimals() -> st.SearchStrategy[Decimal]:
    """Finite amounts with 0 to 4 decimal places, and some with any precision, very large
    or very small."""
    return _DECIMALS


_DECIMALS: st.SearchStrategy[Decimal] = st.one_of(
    *(
        st.decimals(
            min_value=Decimal(-(10**12)),
            max_value=Decimal(10**12),
            places=places,
            allow_nan=False,
            allow_infinity=False,
        )
        for places in range(5)
    ),
    # Any precision and exponent the loader accepts (sizes below 1e15).
    st.decimals(allow_nan=False, allow_infinity=False).filter(lambda d: not d or d.adjusted() < 15),
)


def dates() -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))


def years() -> st.SearchStrategy[int]:
    return st.integers(1950, 2100)


def currencies() -> Text:
    """ISO 4217-shaped codes, mostly real ones."""
    return st.one_of(
        st.sampled_from(["USD", "EUR", "JMD", "PHP", "XOF", "CHF"]),
        st.from_regex(r"[A-Z]{3}", fullmatch=True),
    )


def target_codes() -> Text:
    """SDG target codes from the catalogue, in canonical form."""
    return st.sampled_from(_TARGETS)


def indicator_codes() -> Text:
    """SDG indicator codes from the catalogue, in canonical form."""
    return st.sampled_from(_INDICATORS)


def gcm_numbers() -> st.SearchStrategy[int]:
    return st.sampled_from(sorted(_CAT.gcm_objectives))


def migration_domain_numbers() -> st.SearchStrategy[int]:
    return st.sampled_from(sorted(_CAT.migration_domains))


def org_ids() -> Text:
    """Organisation identifiers in org-id.guide form (``XM-DAC-47066``)."""
    return st.from_regex(r"\A[A-Z]{2}-[A-Z0-9]{2,5}-[0-9A-Za-z.-]{1,8}\Z")


@functools.cache
def iati_codes(name: str) -> Text:
    """Active codes of one of IATI's codelists (as shipped with the exporter)."""
    from migsdg.iati.codelists import codelist

    return st.sampled_from(sorted(c for c in codelist(name).names if c in codelist(name)))


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


def _few(strategy: st.SearchStrategy[Any], max_size: int = 2) -> st.SearchStrategy[Any]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def _unique(
    strategy: st.SearchStrategy[Any], max_size: int, key: str = "id"
) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size, unique_by=lambda x: getattr(x, key)).map(tuple)


def _cached(build: Callable[[Text], st.SearchStrategy[T]]) -> Callable[..., st.SearchStrategy[T]]:
    """Build a model strategy once per text strategy: strategies made afresh for every
    example would make hypothesis validate them again each time, which is slow."""
    cache: dict[int, tuple[Text, st.SearchStrategy[T]]] = {}

    @functools.wraps(build)
    def get(text: Text | None = None) -> st.SearchStrategy[T]:
        text = _DEFAULT_TEXT if text is None else text
        hit = cache.get(id(text))
        if hit is None or hit[0] is not text:
            hit = cache[id(text)] = (text, build(text))
        return hit[1]

    return get


_DEFAULT_TEXT = texts()

# -- small values ---------------------------------------------------------------------------


def periods() -> st.SearchStrategy[m.Period]:
    return st.builds(m.Period, start=optional(dates()), end=optional(dates()))


@_cached
def measures(text: Text) -> st.SearchStrategy[m.Measure]:
    return st.builds(m.Measure, value=optional(decimals()), year=optional(years()), note=text)


def exchange_rates() -> st.SearchStrategy[m.ExchangeRate]:
    return st.builds(
        m.ExchangeRate,
        currency=currencies(),
        rate=decimals().filter(lambda d: not d or d.adjusted() < 9),  # the loader's bound
    )


@_cached
def objectives(text: Text) -> st.SearchStrategy[m.Objective]:
    return st.builds(
        m.Objective, id=ids(), title=text, description=text, targets=_few(target_codes(), 3)
    )


@_cached
def interim_targets(text: Text) -> st.SearchStrategy[m.InterimTarget]:
    return st.builds(
        m.InterimTarget,
        id=ids(),
        target=target_codes(),
        indicator=optional(indicator_codes()),
        value=optional(decimals()),
        unit=text,
        due=optional(dates()),
        description=text,
    )


@_cached
def capacity_assessments(text: Text) -> st.SearchStrategy[m.CapacityAssessment]:
    return st.builds(
        m.CapacityAssessment,
        level=st.sampled_from(m.CapacityLevel),
        assessed_on=optional(dates()),
        notes=text,
    )


@_cached
def contacts(text: Text) -> st.SearchStrategy[m.Contact]:
    return st.builds(
        m.Contact,
        department=text,
        person=text,
        job_title=text,
        telephone=text,
        email=text,
        website=text,
        address=text,
    )


@_cached
def actors(text: Text) -> st.SearchStrategy[m.Actor]:
    return st.builds(
        m.Actor,
        id=ids(),
        name=text,
        kind=optional(st.sampled_from(m.ActorKind)),
        parent=optional(ids()),
        contact=text,
        capacity=optional(capacity_assessments(text)),
        org_id=optional(org_ids()),
        org_type=optional(iati_codes("OrganisationType")),
    )


@_cached
def mobilization_approaches(text: Text) -> st.SearchStrategy[m.MobilizationApproach]:
    return st.builds(m.MobilizationApproach, how=text, when=optional(dates()), through=_few(ids()))


@_cached
def funding_sources(text: Text) -> st.SearchStrategy[m.FundingSource]:
    return st.builds(
        m.FundingSource,
        id=ids(),
        name=text,
        category=optional(st.sampled_from(m.FundingCategory)),
        provider=optional(ids()),
        description=text,
        org_id=optional(org_ids()),
        org_type=optional(iati_codes("OrganisationType")),
        aid_type=optional(iati_codes("AidType")),
        finance_type=optional(iati_codes("FinanceType")),
        flow_type=optional(iati_codes("FlowType")),
        tied_status=optional(iati_codes("TiedStatus")),
        collaboration_type=optional(iati_codes("CollaborationType")),
        mobilization=mobilization_approaches(text),
    )


# -- interventions --------------------------------------------------------------------------


@_cached
def beneficiaries(text: Text) -> st.SearchStrategy[m.Beneficiary]:
    return st.builds(
        m.Beneficiary,
        group=text,
        description=text,
        estimated_number=optional(st.integers(0, 10**9)),
    )


@_cached
def roles(text: Text) -> st.SearchStrategy[m.Role]:
    return st.builds(
        m.Role,
        stage=st.sampled_from(m.Stage),
        actor=ids(),
        role=st.sampled_from(m.RoleKind),
        tasks=text,
    )


@_cached
def milestones(text: Text) -> st.SearchStrategy[m.Milestone]:
    return st.builds(
        m.Milestone, date=optional(dates()), description=text, reached_on=optional(dates())
    )


@_cached
def timeframes(text: Text) -> st.SearchStrategy[m.Timeframe]:
    return st.builds(
        m.Timeframe,
        start=optional(dates()),
        end=optional(dates()),
        milestones=_few(milestones(text)),
    )


@_cached
def outputs(text: Text) -> st.SearchStrategy[m.Output]:
    return st.builds(m.Output, description=text, due=optional(dates()), interim_targets=_few(ids()))


@_cached
def supporting_activities(text: Text) -> st.SearchStrategy[m.SupportingActivity]:
    return st.builds(
        m.SupportingActivity,
        kind=st.sampled_from(m.SupportingActivityKind),
        description=text,
        cost=optional(decimals()),
        currency=optional(currencies()),
        actor=optional(ids()),
        beneficiary_actors=_few(ids()),
    )


@_cached
def cost_lines(text: Text) -> st.SearchStrategy[m.CostLine]:
    return st.builds(
        m.CostLine,
        description=text,
        amount=decimals(),
        currency=optional(currencies()),
        year=optional(years()),
    )


@_cached
def funding_arrangements(text: Text) -> st.SearchStrategy[m.FundingArrangement]:
    return st.builds(
        m.FundingArrangement,
        source=ids(),
        amount=decimals(),
        currency=optional(currencies()),
        status=st.sampled_from(m.FundingStatus),
        year=optional(years()),
        notes=text,
    )


@_cached
def expenditures(text: Text) -> st.SearchStrategy[m.Expenditure]:
    return st.builds(
        m.Expenditure,
        date=dates(),
        amount=decimals(),
        currency=optional(currencies()),
        source=optional(ids()),
        description=text,
        note=text,
    )


@_cached
def indicator_refs(text: Text) -> st.SearchStrategy[m.IndicatorRef]:
    """An SDG indicator by catalogue code, or a national or proxy indicator of its own."""
    sdg = st.builds(
        m.IndicatorRef,
        kind=st.just(m.IndicatorKind.SDG),
        code=optional(indicator_codes()),
        name=text,
        definition=text,
        unit=text,
        population=optional(st.sampled_from(m.Population)),
    )
    own = st.builds(
        m.IndicatorRef,
        kind=st.sampled_from([m.IndicatorKind.NATIONAL, m.IndicatorKind.PROXY]),
        code=optional(text),
        name=text,
        definition=text,
        unit=text,
        population=optional(st.sampled_from(m.Population)),
    )
    return st.one_of(sdg, own)


@_cached
def achieved_values(text: Text) -> st.SearchStrategy[m.AchievedValue]:
    return st.builds(
        m.AchievedValue,
        value=decimals(),
        year=optional(years()),
        date=optional(dates()),
        source=text,
        note=text,
    )


@_cached
def monitoring_entries(text: Text) -> st.SearchStrategy[m.MonitoringEntry]:
    return st.builds(
        m.MonitoringEntry,
        indicator=indicator_refs(text),
        baseline=optional(measures(text)),
        target=optional(measures(text)),
        interim=_few(measures(text)),
        disaggregation=st.lists(st.sampled_from(m.Disaggregation), unique=True, max_size=3).map(
            tuple
        ),
        data_source=text,
        frequency=optional(st.sampled_from(m.Frequency)),
        responsible=optional(ids()),
        achieved=_few(achieved_values(text)),
    )


@_cached
def interventions(text: Text) -> st.SearchStrategy[m.Intervention]:
    """An intervention with every field drawn (its references are arbitrary ids; in
    :func:`plans` they point at the plan's own ids)."""
    return st.builds(
        m.Intervention,
        id=ids(),
        title=text,
        description=text,
        type=optional(st.sampled_from(m.InterventionType)),
        form=optional(st.sampled_from(m.InterventionForm)),
        subtype=optional(ids()),
        sector=text,
        policy_area=text,
        rationale=text,
        targets=_few(target_codes(), 3),
        objectives=_few(ids()),
        beneficiaries=_few(beneficiaries(text)),
        roles=_few(roles(text), 4),
        coordination=text,
        timeframe=timeframes(text),
        outputs=_few(outputs(text)),
        outcomes=_few(text),
        supporting_activities=_few(supporting_activities(text)),
        resources=_few(cost_lines(text)),
        funding=_few(funding_arrangements(text)),
        monitoring=_few(monitoring_entries(text)),
        gcm_objectives=_few(gcm_numbers(), 3),
        migration_domains=_few(migration_domain_numbers(), 3),
        links=_few(ids()),
        template=optional(ids()),
        notes=text,
        dac_sectors=_few(iati_codes("Sector"), 3),
        expenditures=_few(expenditures(text)),
    )


# -- review and history ---------------------------------------------------------------------


def participations() -> st.SearchStrategy[m.Participation]:
    return st.builds(
        m.Participation,
        group=st.sampled_from(m.ActorKind),
        actors=_few(ids(), 3),
        count=optional(st.integers(0, 10_000)),
    )


@_cached
def consultations(text: Text) -> st.SearchStrategy[m.Consultation]:
    return st.builds(
        m.Consultation,
        id=ids(),
        kind=st.sampled_from(m.ConsultationKind),
        date=optional(dates()),
        title=text,
        targets=_few(target_codes(), 3),
        participants=_few(participations(), 3),
        decisions=_few(text),
    )


@_cached
def revisions(text: Text) -> st.SearchStrategy[m.Revision]:
    return st.builds(
        m.Revision,
        number=st.integers(1, 1000),
        date=dates(),
        author=text,
        summary=text,
        status=optional(st.sampled_from(m.PlanStatus)),
    )


@_cached
def existing_frameworks(text: Text) -> st.SearchStrategy[m.ExistingFramework]:
    return st.builds(
        m.ExistingFramework,
        id=ids(),
        name=text,
        kind=optional(st.sampled_from(m.FrameworkKind)),
        level=optional(st.sampled_from(m.GovernanceLevel)),
        policy_area=text,
        owner=optional(ids()),
        targets=_few(target_codes(), 3),
        links=_few(ids()),
        coordination=text,
        notes=text,
    )


@_cached
def review_tools(text: Text) -> st.SearchStrategy[m.ReviewTool]:
    return st.builds(
        m.ReviewTool,
        tool=st.sampled_from(m.ReviewToolKind),
        name=text,
        date=optional(dates()),
        conducted_by=optional(ids()),
        findings=text,
    )


@_cached
def framework_interactions(text: Text) -> st.SearchStrategy[m.FrameworkInteraction]:
    return st.builds(
        m.FrameworkInteraction,
        kind=st.sampled_from(m.InteractionKind),
        between=_few(ids(), 3),
        description=text,
        response=text,
    )


@_cached
def reporting_lines(text: Text) -> st.SearchStrategy[m.ReportingLine]:
    return st.builds(
        m.ReportingLine,
        reporter=ids(),
        recipient=ids(),
        frequency=optional(st.sampled_from(m.Frequency)),
        content=text,
    )


# -- whole plans ----------------------------------------------------------------------------


def plans(
    text: Text | None = None, max_interventions: int = 3, max_items: int = 2
) -> st.SearchStrategy[m.ActionPlan]:
    """A whole plan: up to ``max_interventions`` interventions and ``max_items`` of each
    other list. Most references point at the plan's own ids, as in real plans; a few point
    nowhere, as in drafts."""
    return _plans(_DEFAULT_TEXT if text is None else text, max_interventions, max_items)


@functools.lru_cache(maxsize=32)
def _plans(text: Text, max_interventions: int, max_items: int) -> st.SearchStrategy[m.ActionPlan]:
    return st.builds(
        m.ActionPlan,
        id=ids(),
        title=text,
        level=optional(st.sampled_from(m.GovernanceLevel)),
        country=optional(st.from_regex(r"[A-Z]{3}", fullmatch=True)),
        authority=text,
        authority_actor=optional(ids()),
        period=periods(),
        language=st.sampled_from(["en", "es", "fr"]),
        status=st.sampled_from(m.PlanStatus),
        parent=optional(ids()),
        currency=currencies(),
        exchange_rates=_unique(exchange_rates(), 2, key="currency"),
        iati_org_ref=optional(ids()),
        url=st.sampled_from(["", "https://example.org/plan", "http://example.org/p?q=1"]),
        contact=contacts(text),
        summary=text,
        context=text,
        prioritization_method=text,
        coordination=text,
        reporting=_few(reporting_lines(text), max_items),
        objectives=_unique(objectives(text), max_items),
        interim_targets=_unique(interim_targets(text), max_items),
        interventions=_unique(interventions(text), max_interventions),
        actors=_unique(actors(text), max_items + 1),
        funding_sources=_unique(funding_sources(text), max_items),
        consultations=_unique(consultations(text), max_items),
        revisions=_unique(revisions(text), max_items, key="number"),
        existing_frameworks=_unique(existing_frameworks(text), max_items),
        review_tools=_few(review_tools(text), max_items),
        framework_interactions=_few(framework_interactions(text), max_items),
    ).map(_wire)


def _pick(value: str, pool: Sequence[str]) -> str:
    """Point a drawn reference at an id of ``pool``, chosen from the reference itself (so
    the choice shrinks and replays with it); one in five stays as drawn, pointing nowhere."""
    if not pool:
        return value
    h = zlib.crc32(value.encode("utf-8", "surrogatepass"))
    return value if h % 5 == 0 else pool[h % len(pool)]


def _wire(plan: m.ActionPlan) -> m.ActionPlan:
    """Make the plan's references point at its own ids, most of the time."""
    actor_ids = [a.id for a in plan.actors]
    source_ids = [s.id for s in plan.funding_sources]
    objective_ids = [o.id for o in plan.objectives]
    interim_ids = [i.id for i in plan.interim_targets]
    link_ids = [x.id for x in (*plan.interventions, *plan.existing_frameworks)]

    def actor(v: str | None) -> str | None:
        return None if v is None else _pick(v, actor_ids)

    def many(values: tuple[str, ...], pool: Sequence[str]) -> tuple[str, ...]:
        return tuple(_pick(v, pool) for v in values)

    ev = attrs.evolve
    return ev(
        plan,
        authority_actor=actor(plan.authority_actor),
        actors=tuple(ev(a, parent=actor(a.parent)) for a in plan.actors),
        funding_sources=tuple(
            ev(
                s,
                provider=actor(s.provider),
                mobilization=ev(s.mobilization, through=many(s.mobilization.through, actor_ids)),
            )
            for s in plan.funding_sources
        ),
        interventions=tuple(
            ev(
                iv,
                objectives=many(iv.objectives, objective_ids),
                roles=tuple(ev(r, actor=_pick(r.actor, actor_ids)) for r in iv.roles),
                outputs=tuple(
                    ev(o, interim_targets=many(o.interim_targets, interim_ids)) for o in iv.outputs
                ),
                supporting_activities=tuple(
                    ev(
                        a,
                        actor=actor(a.actor),
                        beneficiary_actors=many(a.beneficiary_actors, actor_ids),
                    )
                    for a in iv.supporting_activities
                ),
                funding=tuple(ev(f, source=_pick(f.source, source_ids)) for f in iv.funding),
                expenditures=tuple(
                    ev(x, source=None if x.source is None else _pick(x.source, source_ids))
                    for x in iv.expenditures
                ),
                monitoring=tuple(ev(e, responsible=actor(e.responsible)) for e in iv.monitoring),
                links=many(iv.links, link_ids),
            )
            for iv in plan.interventions
        ),
        consultations=tuple(
            ev(
                c,
                participants=tuple(ev(p, actors=many(p.actors, actor_ids)) for p in c.participants),
            )
            for c in plan.consultations
        ),
        existing_frameworks=tuple(
            ev(f, owner=actor(f.owner), links=many(f.links, link_ids))
            for f in plan.existing_frameworks
        ),
        reporting=tuple(
            ev(r, reporter=_pick(r.reporter, actor_ids), recipient=_pick(r.recipient, actor_ids))
            for r in plan.reporting
        ),
        review_tools=tuple(ev(t, conducted_by=actor(t.conducted_by)) for t in plan.review_tools),
        framework_interactions=tuple(
            ev(x, between=many(x.between, link_ids)) for x in plan.framework_interactions
        ),
    )
