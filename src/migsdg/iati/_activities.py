"""A plan as an IATI 2.03 ``iati-activities`` document: one ``iati-activity`` per
intervention.

The mapping is documented, field by field, in ``docs/interoperability.md``; a test checks the
two against each other. Everything is built in one pass over the plan, and every problem
that stops the export is collected and raised together in :class:`IatiExportError`.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from migsdg.catalogue import LANGUAGES, catalogue
from migsdg.errors import ExportError, Problem, UnknownCodeError
from migsdg.iati._codelists import alpha2, codelist
from migsdg.iati._xml import XML_LANG, clean_text, decimal_text
from migsdg.model import (
    ActionPlan,
    Actor,
    ActorKind,
    GovernanceLevel,
    IndicatorKind,
    Intervention,
    InterventionType,
    Measure,
    MonitoringEntry,
    PlanStatus,
    RoleKind,
    Stage,
)

__all__ = [
    "ACTIVITY_STATUS",
    "IATI_VERSION",
    "MIGRATION_SECTOR",
    "ORGANISATION_TYPE",
    "IatiExportError",
    "build_activities",
]

IATI_VERSION = "2.03"

#: OECD DAC CRS purpose code for migration programming: "Facilitation of orderly, safe,
#: regular and responsible migration and mobility".
MIGRATION_SECTOR = "15190"

#: IATI ActivityStatus for each plan status: until adoption the plan's interventions are
#: being identified and designed (1 Pipeline/identification); once adopted they are
#: under implementation (2 Implementation).
ACTIVITY_STATUS: Mapping[PlanStatus, str] = {
    PlanStatus.DRAFT: "1",
    PlanStatus.IN_REVIEW: "1",
    PlanStatus.VALIDATED: "1",
    PlanStatus.ADOPTED: "2",
    PlanStatus.AMENDED: "2",
}

#: IATI OrganisationType for the kinds of actor whose type is unambiguous. Civil society,
#: migrant and diaspora associations and development partners are left without a type:
#: each covers several IATI types (national or international NGO; bilateral government
#: or multilateral), and a wrong type is worse than none.
ORGANISATION_TYPE: Mapping[ActorKind, str] = {
    ActorKind.GOVERNMENT: "10",
    ActorKind.SUBNATIONAL_GOVERNMENT: "11",
    ActorKind.INTERNATIONAL_ORGANISATION: "40",
    ActorKind.PRIVATE_SECTOR: "70",
    ActorKind.ACADEMIA: "80",
    ActorKind.OTHER: "90",
}

#: The reporting organisation's type from the plan's level, when its authority is not an
#: actor of a known kind.
_ORGANISATION_TYPE_BY_LEVEL: Mapping[GovernanceLevel, str] = {
    GovernanceLevel.NATIONAL: "10",
    GovernanceLevel.SUBNATIONAL: "11",
    GovernanceLevel.LOCAL: "11",
}

# IATI codes used as constants (a test checks each against the codelists).
_ROLE_FUNDING, _ROLE_ACCOUNTABLE, _ROLE_IMPLEMENTING = "1", "2", "4"
_DESCRIPTION_GENERAL, _DESCRIPTION_OBJECTIVES, _DESCRIPTION_TARGET_GROUPS = "1", "2", "3"
_DATE_PLANNED_START, _DATE_PLANNED_END = "1", "3"
_SECTOR_VOCABULARY_DAC5, _SECTOR_VOCABULARY_SDG_TARGET = "1", "8"
_TAG_VOCABULARY_SDG_GOAL, _TAG_VOCABULARY_SDG_TARGET = "2", "3"
_BUDGET_ORIGINAL, _BUDGET_INDICATIVE = "1", "1"
_RESULT_OUTCOME = "2"
_MEASURE_UNIT, _MEASURE_PERCENTAGE, _MEASURE_QUALITATIVE = "1", "2", "5"
_INDICATOR_VOCABULARY_SDG, _INDICATOR_VOCABULARY_REPORTER = "9", "99"

#: Every constant code above, by the codelist it comes from.
CONSTANT_CODES: Mapping[str, tuple[str, ...]] = {
    "Version": (IATI_VERSION,),
    "ActivityStatus": tuple(ACTIVITY_STATUS.values()),
    "OrganisationType": (*ORGANISATION_TYPE.values(), *_ORGANISATION_TYPE_BY_LEVEL.values()),
    "OrganisationRole": (_ROLE_FUNDING, _ROLE_ACCOUNTABLE, _ROLE_IMPLEMENTING),
    "DescriptionType": (_DESCRIPTION_GENERAL, _DESCRIPTION_OBJECTIVES, _DESCRIPTION_TARGET_GROUPS),
    "ActivityDateType": (_DATE_PLANNED_START, _DATE_PLANNED_END),
    "SectorVocabulary": (_SECTOR_VOCABULARY_DAC5, _SECTOR_VOCABULARY_SDG_TARGET),
    "Sector": (MIGRATION_SECTOR,),
    "TagVocabulary": (_TAG_VOCABULARY_SDG_GOAL, _TAG_VOCABULARY_SDG_TARGET),
    "BudgetType": (_BUDGET_ORIGINAL,),
    "BudgetStatus": (_BUDGET_INDICATIVE,),
    "ResultType": (_RESULT_OUTCOME,),
    "IndicatorMeasure": (_MEASURE_UNIT, _MEASURE_PERCENTAGE, _MEASURE_QUALITATIVE),
    "IndicatorVocabulary": (_INDICATOR_VOCABULARY_SDG, _INDICATOR_VOCABULARY_REPORTER),
}

# IATI identifiers may not contain these (IATI-Rulesets, standard.json, regex_matches);
# whitespace is refused as well, since identifiers are matched as exact strings.
_BAD_IN_IDENTIFIER = re.compile(r"[\s/&|?]")
_ORG_REF = re.compile(r"[A-Za-z0-9]+-[^\s/&|?]+")
_PERCENT_UNITS = frozenset(
    {"%", "percent", "per cent", "percentage", "porcentaje", "por ciento", "pourcentage"}
)
_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)


class IatiExportError(ExportError):
    """A plan cannot be written as IATI XML; carries every problem found, each with the
    key path of the plan field to fix."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        n = len(self.problems)
        lines = [f"cannot export the plan as IATI XML ({n} problem{'s' if n != 1 else ''})"]
        lines += [f"  {p.location + ': ' if p.location else ''}{p.message}" for p in self.problems]
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class _Org:
    role: str
    name: str
    ref: str | None = None
    type: str | None = None


def _text(value: str | None) -> str:
    return clean_text(value or "")


def _narrative(parent: ET.Element, text: str) -> ET.Element:
    ET.SubElement(parent, "narrative").text = text
    return parent


def _money(value: Decimal) -> str:
    return decimal_text(value.quantize(_CENT, rounding=ROUND_HALF_UP))


def _timestamp(value: _dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.timezone.utc)
    return value.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _generated(plan: ActionPlan, generated: Any) -> str | None:
    """The document's ``generated-datetime``: the ``generated`` option, else
    ``SOURCE_DATE_EPOCH``, else the date of the plan's latest revision; never the clock,
    so the same plan always gives the same file."""
    if generated is not None:
        if isinstance(generated, _dt.datetime):
            return _timestamp(generated)
        if isinstance(generated, _dt.date):
            return _timestamp(_dt.datetime.combine(generated, _dt.time()))
        if isinstance(generated, str):
            try:
                return _timestamp(_dt.datetime.fromisoformat(generated.replace("Z", "+00:00")))
            except ValueError:
                pass
        raise ExportError(f"generated must be a date and time (ISO 8601), not {generated!r}")
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise ExportError(
                f"SOURCE_DATE_EPOCH must be a number of seconds since 1970, not {epoch!r}"
            ) from None
        return _timestamp(moment)
    return _last_revision(plan)


def _last_revision(plan: ActionPlan) -> str | None:
    if not plan.revisions:
        return None
    latest = max(r.date for r in plan.revisions)
    return _timestamp(_dt.datetime.combine(latest, _dt.time()))


def _split_percentages(n: int) -> list[Decimal]:
    """``n`` shares of 100 to two decimals that add up to exactly 100."""
    share = (_HUNDRED / n).quantize(_CENT, rounding=ROUND_HALF_UP)
    shares = [share] * n
    shares[0] += _HUNDRED - share * n
    return shares


def _is_percent(unit: str) -> bool:
    unit = unit.strip().lower()
    return unit in _PERCENT_UNITS or unit.startswith("%")


class _Builder:
    """Builds the document for one plan, collecting problems instead of stopping."""

    def __init__(
        self,
        plan: ActionPlan,
        *,
        org_ref: str | None,
        org_type: str | None,
        participant_refs: Mapping[str, str] | None,
    ) -> None:
        self.plan = plan
        self.problems: list[Problem] = []
        self.actors = {a.id: a for a in plan.actors}
        self.sources = {s.id: s for s in plan.funding_sources}
        self.rates = {r.currency: r.rate for r in plan.exchange_rates}
        self.catalogue = catalogue()
        self.language = plan.language if plan.language in LANGUAGES else "en"
        self.participant_refs = dict(participant_refs or {})
        self.org_ref = self._org_ref(org_ref)
        self.reporting = self._reporting_org(org_type)
        self.last_updated = _last_revision(plan)
        self.country: str | None = None
        self._templates: Mapping[str, Any] | None = None
        for actor_id, ref in self.participant_refs.items():
            if not isinstance(ref, str) or not _ORG_REF.fullmatch(ref):
                self.problem(
                    f"participant_refs[{actor_id}]",
                    f"{ref!r} is not an IATI organisation identifier (AGENCY-NUMBER)",
                )
            elif actor_id not in self.actors:
                self.problem(
                    f"participant_refs[{actor_id}]", f"{actor_id!r} is not one of the plan's actors"
                )
        self._check_plan()

    def problem(self, location: str, message: str) -> None:
        self.problems.append(Problem(location=location, message=message))

    # -- plan-level values ---------------------------------------------------------------

    def _org_ref(self, option: str | None) -> str:
        ref = option if option is not None else self.plan.iati_org_ref
        ref = (ref or "").strip()
        if not ref:
            self.problem(
                "iati_org_ref",
                "an IATI export needs the reporting organisation's IATI identifier: set "
                "iati_org_ref in the plan or pass the org_ref option (it is never guessed)",
            )
        elif not _ORG_REF.fullmatch(ref):
            self.problem(
                "iati_org_ref",
                f"{ref!r} is not an IATI organisation identifier: expected "
                "{registration agency}-{number}, such as GB-GOV-1, without spaces, /, &, | or ?",
            )
        return ref

    def _reporting_org(self, org_type: str | None) -> _Org:
        plan = self.plan
        authority = self.actors.get(plan.authority_actor) if plan.authority_actor else None
        if plan.authority_actor and authority is None:
            self.problem(
                "authority_actor", f"{plan.authority_actor!r} is not one of the plan's actors"
            )
        name = _text(authority.name if authority is not None and authority.name else "")
        name = name or _text(plan.authority)
        if not name.strip():
            self.problem(
                "authority", "the reporting organisation needs a name: set the plan's authority"
            )
        if org_type is not None:
            code = str(org_type).strip()
            if code not in codelist("OrganisationType"):
                self.problem(
                    "org_type",
                    f"{org_type!r} is not an IATI OrganisationType code "
                    f"({', '.join(codelist('OrganisationType').names)})",
                )
        elif (
            authority is not None
            and authority.kind is not None
            and (authority.kind in ORGANISATION_TYPE)
        ):
            code = ORGANISATION_TYPE[authority.kind]
        elif plan.level is not None:
            code = _ORGANISATION_TYPE_BY_LEVEL[plan.level]
        else:
            code = ""
            self.problem(
                "level",
                "cannot tell the reporting organisation's IATI type: set the plan's level, "
                "the kind of its authority actor, or pass the org_type option",
            )
        return _Org(role=_ROLE_ACCOUNTABLE, name=name, ref=self.org_ref, type=code)

    def _check_plan(self) -> None:
        plan = self.plan
        if _BAD_IN_IDENTIFIER.search(plan.id):
            self.problem(
                "id",
                f"plan id {plan.id!r} cannot be part of an IATI identifier: remove spaces "
                "and the characters / & | ?",
            )
        if plan.currency not in codelist("Currency"):
            self.problem("currency", f"{plan.currency!r} is not in IATI's Currency codelist")
        if plan.country:
            self.country = alpha2(plan.country)
            if self.country is None:
                self.problem(
                    "country", f"{plan.country!r} is not a country in IATI's Country codelist"
                )

    @property
    def templates(self) -> Mapping[str, Any]:
        if self._templates is None:
            from migsdg.plugins import get_host

            self._templates = get_host().templates()
        return self._templates

    # -- the document --------------------------------------------------------------------

    def document(self, generated: str | None) -> ET.Element:
        root = ET.Element("iati-activities", {"version": IATI_VERSION})
        if generated is not None:
            root.set("generated-datetime", generated)
        for i, iv in enumerate(self.plan.interventions):
            self.activity(root, f"interventions[{i}]", iv)
        if not self.plan.interventions:
            self.problem("interventions", "the plan has no interventions to report")
        return root

    def activity(self, root: ET.Element, where: str, iv: Intervention) -> None:
        plan = self.plan
        attrib = {"default-currency": plan.currency, XML_LANG: plan.language}
        if self.last_updated is not None:
            attrib["last-updated-datetime"] = self.last_updated
        act = ET.SubElement(root, "iati-activity", attrib)
        if _BAD_IN_IDENTIFIER.search(iv.id):
            self.problem(
                f"{where}.id",
                f"intervention id {iv.id!r} cannot be part of an IATI identifier: remove "
                "spaces and the characters / & | ?",
            )
        ET.SubElement(act, "iati-identifier").text = f"{self.org_ref}-{plan.id}-{iv.id}"
        reporting = ET.SubElement(
            act,
            "reporting-org",
            {"ref": self.reporting.ref or "", "type": self.reporting.type or ""},
        )
        _narrative(reporting, self.reporting.name)

        title = _text(iv.title)
        if not title.strip():
            self.problem(f"{where}.title", f"intervention {iv.id!r} needs a title")
        _narrative(ET.SubElement(act, "title"), title)
        self.descriptions(act, where, iv)
        for org in self.participants(where, iv):
            attrib = {"role": org.role}
            if org.ref:
                attrib["ref"] = org.ref
            if org.type:
                attrib["type"] = org.type
            el = ET.SubElement(act, "participating-org", attrib)
            if org.name:
                _narrative(el, org.name)
        ET.SubElement(act, "activity-status", {"code": ACTIVITY_STATUS[plan.status]})
        self.dates(act, where, iv)
        if self.country is not None:
            ET.SubElement(act, "recipient-country", {"code": self.country, "percentage": "100"})
        self.sectors(act, where, iv)
        self.tags(act, where, iv)
        self.budgets(act, where, iv)
        self.result(act, where, iv)

    def descriptions(self, act: ET.Element, where: str, iv: Intervention) -> None:
        texts = [
            (_DESCRIPTION_GENERAL, _text(iv.description)),
            (_DESCRIPTION_OBJECTIVES, _text(iv.rationale)),
            (_DESCRIPTION_TARGET_GROUPS, self._target_groups(iv)),
        ]
        written = 0
        for code, text in texts:
            if text.strip():
                _narrative(ET.SubElement(act, "description", {"type": code}), text)
                written += 1
        if not written:
            self.problem(
                f"{where}.description",
                f"intervention {iv.id!r} needs a description (or a rationale, or "
                "beneficiaries): IATI requires one",
            )

    @staticmethod
    def _target_groups(iv: Intervention) -> str:
        lines = []
        for b in iv.beneficiaries:
            line = _text(b.group)
            if b.estimated_number is not None:
                line += f" ({b.estimated_number})"
            if b.description.strip():
                line += f": {_text(b.description)}"
            lines.append(line)
        return "\n".join(lines)

    # -- organisations -------------------------------------------------------------------

    def _actor_org(self, role: str, actor: Actor) -> _Org:
        ref = self.participant_refs.get(actor.id)
        if ref is None and actor.id == self.plan.authority_actor:
            ref = self.org_ref
        kind_type = ORGANISATION_TYPE.get(actor.kind) if actor.kind is not None else None
        return _Org(role=role, name=_text(actor.name), ref=ref, type=kind_type)

    def _actor(self, actor_id: str, where: str) -> Actor | None:
        actor = self.actors.get(actor_id)
        if actor is None:
            self.problem(where, f"{actor_id!r} is not one of the plan's actors")
        return actor

    def participants(self, where: str, iv: Intervention) -> list[_Org]:
        orgs: dict[tuple[str, str], _Org] = {}
        for j, arr in enumerate(iv.funding):
            source = self.sources.get(arr.source)
            if source is None:
                self.problem(
                    f"{where}.funding[{j}].source",
                    f"{arr.source!r} is not one of the plan's funding sources",
                )
                continue
            if source.provider:
                provider = self._actor(source.provider, f"funding_sources[{source.id}].provider")
                if provider is None:
                    continue
                org = self._actor_org(_ROLE_FUNDING, provider)
                if not org.name:
                    org = attrs.evolve(org, name=_text(source.name))
                orgs.setdefault((_ROLE_FUNDING, f"actor:{provider.id}"), org)
            else:
                orgs.setdefault(
                    (_ROLE_FUNDING, f"source:{source.id}"),
                    _Org(role=_ROLE_FUNDING, name=_text(source.name)),
                )
        leads: list[Actor] = []
        implementing: list[Actor] = []
        for k, r in enumerate(iv.roles):
            in_implementation = r.stage is Stage.IMPLEMENTATION and r.role is not RoleKind.CONSULTED
            if r.role is not RoleKind.LEAD and not in_implementation:
                continue
            actor = self._actor(r.actor, f"{where}.roles[{k}].actor")
            if actor is None:
                continue
            if r.role is RoleKind.LEAD:
                leads.append(actor)
            if in_implementation:
                implementing.append(actor)
        for actor in leads:
            orgs.setdefault(
                (_ROLE_ACCOUNTABLE, actor.id), self._actor_org(_ROLE_ACCOUNTABLE, actor)
            )
        if not leads:
            # Nobody leads: the plan's authority answers for the intervention.
            orgs[(_ROLE_ACCOUNTABLE, "authority")] = self.reporting
        for actor in implementing:
            orgs.setdefault(
                (_ROLE_IMPLEMENTING, actor.id), self._actor_org(_ROLE_IMPLEMENTING, actor)
            )
        result = sorted(orgs.values(), key=lambda o: o.role)  # stable: plan order per role
        for org in result:
            if not org.name.strip() and not org.ref:
                self.problem(
                    f"{where}.roles",
                    f"an organisation taking part in intervention {iv.id!r} has neither a "
                    "name nor an IATI identifier",
                )
        return result

    # -- dates, sectors, tags ------------------------------------------------------------

    def dates(self, act: ET.Element, where: str, iv: Intervention) -> None:
        start, end = iv.timeframe.start, iv.timeframe.end
        if start is None:
            self.problem(
                f"{where}.timeframe.start",
                f"intervention {iv.id!r} needs a planned start date: IATI requires one",
            )
        else:
            ET.SubElement(
                act, "activity-date", {"type": _DATE_PLANNED_START, "iso-date": start.isoformat()}
            )
        if end is not None:
            if start is not None and end < start:
                self.problem(
                    f"{where}.timeframe.end",
                    f"intervention {iv.id!r} ends ({end}) before it starts ({start})",
                )
            ET.SubElement(
                act, "activity-date", {"type": _DATE_PLANNED_END, "iso-date": end.isoformat()}
            )

    def _dac_codes(self, where: str, iv: Intervention) -> list[str]:
        codes: list[str] = []
        if iv.type is InterventionType.MIGRATION_PROGRAMMING:
            codes.append(MIGRATION_SECTOR)
        if iv.template:
            template = self.templates.get(iv.template)
            for item in getattr(template, "dac_sectors", None) or ():
                code = str(getattr(item, "code", item)).strip()
                if code not in codelist("Sector"):
                    plugin = getattr(template, "plugin", "") or "?"
                    self.problem(
                        f"{where}.template",
                        f"template {iv.template!r} (plugin {plugin!r}) gives DAC sector "
                        f"{code!r}, which is not an active code of IATI's Sector codelist",
                    )
                    continue
                codes.append(code)
        return list(dict.fromkeys(codes))

    def sectors(self, act: ET.Element, where: str, iv: Intervention) -> None:
        codes = self._dac_codes(where, iv)
        vocabulary = _SECTOR_VOCABULARY_DAC5
        if not codes:
            # No DAC purpose code is known: classify by the SDG targets served instead.
            codes = [t for t in dict.fromkeys(iv.targets) if t in codelist("UNSDG-Targets")]
            vocabulary = _SECTOR_VOCABULARY_SDG_TARGET
        for code, share in zip(codes, _split_percentages(len(codes)) if codes else [], strict=True):
            ET.SubElement(
                act,
                "sector",
                {"vocabulary": vocabulary, "code": code, "percentage": decimal_text(share)},
            )

    def tags(self, act: ET.Element, where: str, iv: Intervention) -> None:
        goals: dict[str, None] = {}
        targets: dict[str, None] = {}
        for k, code in enumerate(iv.targets):
            try:
                target = self.catalogue.target(code)
            except UnknownCodeError as exc:
                self.problem(f"{where}.targets[{k}]", str(exc))
                continue
            if target.code not in codelist("UNSDG-Targets"):
                self.problem(
                    f"{where}.targets[{k}]", f"{code!r} is not in IATI's UNSDG-Targets codelist"
                )
                continue
            goals[str(target.goal)] = None
            targets[target.code] = None
        for goal in goals:
            ET.SubElement(act, "tag", {"vocabulary": _TAG_VOCABULARY_SDG_GOAL, "code": goal})
        for target_code in targets:
            ET.SubElement(
                act, "tag", {"vocabulary": _TAG_VOCABULARY_SDG_TARGET, "code": target_code}
            )

    # -- budgets -------------------------------------------------------------------------

    def _convert(self, amount: Decimal, currency: str | None, where: str) -> Decimal | None:
        if currency is None or currency == self.plan.currency:
            return amount
        rate = self.rates.get(currency)
        if rate is None:
            self.problem(
                where,
                f"amount in {currency} has no exchange rate to the plan's {self.plan.currency}:"
                " add it to exchange_rates",
            )
            return None
        return amount * rate

    def budgets(self, act: ET.Element, where: str, iv: Intervention) -> None:
        per_year: dict[int, Decimal] = {}
        undated = Decimal(0)
        for j, line in enumerate(iv.resources):
            amount = self._convert(line.amount, line.currency, f"{where}.resources[{j}]")
            if amount is None:
                continue
            if line.year is None:
                undated += amount
            else:
                per_year[line.year] = per_year.get(line.year, Decimal(0)) + amount
        for j, activity in enumerate(iv.supporting_activities):
            if activity.cost is None:
                continue
            amount = self._convert(
                activity.cost, activity.currency, f"{where}.supporting_activities[{j}]"
            )
            if amount is not None:
                undated += amount
        if undated:
            self._spread(where, iv, undated, per_year)
        start, end = iv.timeframe.start, iv.timeframe.end
        for year in sorted(per_year):
            value = per_year[year].quantize(_CENT, rounding=ROUND_HALF_UP)
            if not value:
                continue
            first, last = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
            if start is not None and end is not None and start <= last and end >= first:
                first, last = max(first, start), min(last, end)
            budget = ET.SubElement(
                act, "budget", {"type": _BUDGET_ORIGINAL, "status": _BUDGET_INDICATIVE}
            )
            ET.SubElement(budget, "period-start", {"iso-date": first.isoformat()})
            ET.SubElement(budget, "period-end", {"iso-date": last.isoformat()})
            ET.SubElement(
                budget,
                "value",
                {"currency": self.plan.currency, "value-date": first.isoformat()},
            ).text = _money(value)

    def _spread(
        self, where: str, iv: Intervention, amount: Decimal, per_year: dict[int, Decimal]
    ) -> None:
        """Share costs that have no year over the timeframe's years, by days."""
        start, end = iv.timeframe.start, iv.timeframe.end
        if start is None or end is None or end < start:
            self.problem(
                f"{where}.timeframe",
                f"intervention {iv.id!r} has costs without a year; to budget them per year "
                "IATI needs the timeframe's start and end (or give each cost line a year)",
            )
            return
        days = {
            y: (min(end, _dt.date(y, 12, 31)) - max(start, _dt.date(y, 1, 1))).days + 1
            for y in range(start.year, end.year + 1)
        }
        total = sum(days.values())
        left = amount
        years = list(days)
        for y in years[:-1]:
            share = (amount * days[y] / total).quantize(_CENT, rounding=ROUND_HALF_UP)
            per_year[y] = per_year.get(y, Decimal(0)) + share
            left -= share
        per_year[years[-1]] = per_year.get(years[-1], Decimal(0)) + left

    # -- results -------------------------------------------------------------------------

    def result(self, act: ET.Element, where: str, iv: Intervention) -> None:
        if not iv.monitoring:
            return
        result = ET.SubElement(act, "result", {"type": _RESULT_OUTCOME})
        outcomes = [_text(o) for o in iv.outcomes if o.strip()]
        # The first expected outcome names the result; all of them describe it.
        _narrative(ET.SubElement(result, "title"), outcomes[0] if outcomes else _text(iv.title))
        if len(outcomes) > 1:
            _narrative(ET.SubElement(result, "description"), "\n".join(outcomes))
        for j, entry in enumerate(iv.monitoring):
            self.indicator(result, f"{where}.monitoring[{j}]", entry)

    def _indicator_title(self, where: str, entry: MonitoringEntry) -> str:
        ref = entry.indicator
        if ref.name.strip():
            return _text(ref.name)
        if ref.kind is IndicatorKind.SDG and ref.code:
            try:
                return self.catalogue.text(ref.code, self.language)
            except UnknownCodeError as exc:
                self.problem(f"{where}.indicator.code", str(exc))
                return ""
        self.problem(f"{where}.indicator.name", "the indicator needs a name")
        return ""

    def indicator(self, result: ET.Element, where: str, entry: MonitoringEntry) -> None:
        ref = entry.indicator
        measures = [m for m in (entry.baseline, entry.target, *entry.interim) if m is not None]
        numeric = any(m.value is not None for m in measures)
        if not numeric:
            measure = _MEASURE_QUALITATIVE
        elif _is_percent(ref.unit):
            measure = _MEASURE_PERCENTAGE
        else:
            measure = _MEASURE_UNIT
        attrib = {"measure": measure}
        base = entry.baseline.value if entry.baseline is not None else None
        goal = entry.target.value if entry.target is not None else None
        if base is not None and goal is not None and base != goal:
            attrib["ascending"] = "1" if goal > base else "0"
        ind = ET.SubElement(result, "indicator", attrib)
        _narrative(ET.SubElement(ind, "title"), self._indicator_title(where, entry))
        if ref.definition.strip():
            _narrative(ET.SubElement(ind, "description"), _text(ref.definition))
        if ref.code:
            vocabulary = (
                _INDICATOR_VOCABULARY_SDG
                if ref.kind is IndicatorKind.SDG
                else _INDICATOR_VOCABULARY_REPORTER
            )
            ET.SubElement(ind, "reference", {"vocabulary": vocabulary, "code": _text(ref.code)})
        if entry.baseline is not None and _has_content(entry.baseline):
            self._baseline(ind, f"{where}.baseline", entry.baseline, numeric)
        periods = [(f"{where}.interim[{k}]", m) for k, m in enumerate(entry.interim)]
        if entry.target is not None:
            periods.append((f"{where}.target", entry.target))
        for place, m in periods:
            if _has_content(m):
                self._period(ind, place, m, numeric)

    def _baseline(self, ind: ET.Element, where: str, m: Measure, numeric: bool) -> None:
        if m.year is None or m.year < 1:
            self.problem(f"{where}.year", "the baseline needs a year: IATI requires one")
            return
        attrib = {"year": str(m.year)}
        if numeric and m.value is not None:
            attrib["value"] = decimal_text(m.value)
        baseline = ET.SubElement(ind, "baseline", attrib)
        _comment(baseline, m.note)

    def _period(self, ind: ET.Element, where: str, m: Measure, numeric: bool) -> None:
        if m.year is None or not 1 <= m.year <= 9999:
            self.problem(f"{where}.year", "a target value needs the year it is due")
            return
        period = ET.SubElement(ind, "period")
        ET.SubElement(period, "period-start", {"iso-date": _dt.date(m.year, 1, 1).isoformat()})
        ET.SubElement(period, "period-end", {"iso-date": _dt.date(m.year, 12, 31).isoformat()})
        attrib = {"value": decimal_text(m.value)} if numeric and m.value is not None else {}
        target = ET.SubElement(period, "target", attrib)
        _comment(target, m.note)


def _has_content(m: Measure) -> bool:
    return m.value is not None or m.year is not None or bool(m.note.strip())


def _comment(parent: ET.Element, note: str) -> None:
    text = _text(note)
    if text.strip():
        _narrative(ET.SubElement(parent, "comment"), text)


def build_activities(
    plan: ActionPlan,
    *,
    org_ref: str | None = None,
    org_type: str | None = None,
    participant_refs: Mapping[str, str] | None = None,
    generated: _dt.datetime | _dt.date | str | None = None,
) -> ET.Element:
    """The plan as an IATI 2.03 ``iati-activities`` element, one activity per intervention.

    ``org_ref`` (else ``plan.iati_org_ref``) is the reporting organisation's IATI
    identifier; ``org_type`` its IATI OrganisationType code (else derived from the kind of
    the plan's authority actor, or the plan's level); ``participant_refs`` maps actor ids
    to the IATI identifiers of those organisations, where known; ``generated`` sets the
    document's ``generated-datetime`` (else ``SOURCE_DATE_EPOCH``, else the date of the
    plan's latest revision).

    Raises :class:`IatiExportError` listing every problem that stops the export.
    """
    stamp = _generated(plan, generated)
    builder = _Builder(plan, org_ref=org_ref, org_type=org_type, participant_refs=participant_refs)
    root = builder.document(stamp)
    if builder.problems:
        raise IatiExportError(builder.problems)
    return root
