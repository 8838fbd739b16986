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
from migsdg.iati._budgets import write_budgets, yearly_amounts
from migsdg.iati._classify import (
    DOMESTIC,
    SOURCE_ORGANISATION_TYPE,
    Classification,
    Org,
    derived_dac_codes,
    source_classification,
)
from migsdg.iati._codes import (
    ACTIVITY_STATUS,
    CONTACT_GENERAL,
    DATE_ACTUAL_START,
    DATE_PLANNED_END,
    DATE_PLANNED_START,
    DESCRIPTION_GENERAL,
    DESCRIPTION_OBJECTIVES,
    DESCRIPTION_TARGET_GROUPS,
    DOCUMENT_OBJECTIVES,
    IATI_VERSION,
    ORGANISATION_TYPE,
    ORGANISATION_TYPE_BY_LEVEL,
    ORGANISATION_TYPE_FALLBACK,
    ORGANISATION_TYPE_OTHER,
    ROLE_ACCOUNTABLE,
    ROLE_FUNDING,
    ROLE_IMPLEMENTING,
    SECTOR_VOCABULARY_DAC5,
    SECTOR_VOCABULARY_SDG_TARGET,
    STATUS_IMPLEMENTATION,
    STATUS_PIPELINE,
    TAG_VOCABULARY_SDG_GOAL,
    TAG_VOCABULARY_SDG_TARGET,
    TRANSACTION_EXPENDITURE,
)
from migsdg.iati._finance import planned_disbursement, transaction
from migsdg.iati._results import ResultWriter
from migsdg.iati._xml import XML_LANG, decimal_text, narrative, text_of
from migsdg.iati.codelists import alpha2, codelist
from migsdg.model import (
    ActionPlan,
    Actor,
    Expenditure,
    FundingArrangement,
    FundingCategory,
    FundingSource,
    FundingStatus,
    Intervention,
    RoleKind,
    Stage,
)

__all__ = ["IatiExportError", "build_activities"]

# IATI identifiers may not contain these (IATI-Rulesets, standard.json, regex_matches);
# whitespace is refused as well, since identifiers are matched as exact strings.
_BAD_IN_IDENTIFIER = re.compile(r"[\s/&|?]")
_ORG_REF = re.compile(r"[A-Za-z0-9]+-[^\s/&|?]+")
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")  # xsd:language
_CENT = Decimal("0.01")
#: File formats (IATI FileFormat, IANA media types) of a published plan, by the end of its
#: address; anything else is taken as a web page.
_DOCUMENT_FORMATS = (
    (".pdf", "application/pdf"),
    (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (".doc", "application/msword"),
)
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


def _refs(value: Mapping[str, str] | str | None) -> dict[str, str]:
    """``participant_refs`` as a dict, from a mapping or ``"actor=REF,actor=REF"`` text."""
    if value is None:
        return {}
    if isinstance(value, str):
        refs: dict[str, str] = {}
        for item in filter(None, (part.strip() for part in value.split(","))):
            actor, sep, ref = item.partition("=")
            if not sep or not actor.strip():
                raise ExportError(
                    f"participant_refs takes ACTOR=IATI-REF pairs separated by commas, not {item!r}"
                )
            refs[actor.strip()] = ref.strip()
        return refs
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    raise ExportError(f"participant_refs must map actor ids to IATI identifiers, not {value!r}")


class _Builder:
    """Builds the document for one plan, collecting problems instead of stopping."""

    def __init__(
        self,
        plan: ActionPlan,
        *,
        org_ref: str | None,
        org_type: str | None,
        participant_refs: Mapping[str, str] | str | None,
        generated: str | None = None,
    ) -> None:
        self.plan = plan
        self.problems: list[Problem] = []
        self.actors = {a.id: a for a in plan.actors}
        self.sources = {s.id: s for s in plan.funding_sources}
        self.rates = {r.currency: r.rate for r in plan.exchange_rates}
        self.catalogue = catalogue()
        # Catalogue texts (SDG indicator names) in the plan's language where the catalogue
        # has it (``es-EC`` → ``es``), else in English, marked as such.
        primary = plan.language.split("-", 1)[0].lower()
        self.language = primary if primary in LANGUAGES else "en"
        self.participant_refs = _refs(participant_refs)
        self.org_ref = self._org_ref(org_ref)
        self.reporting = self._reporting_org(org_type)
        self.last_updated = _last_revision(plan)
        # The date the plan speaks for: its latest revision, else the generated date.
        self.as_of = max((r.date for r in plan.revisions), default=None)
        if self.as_of is None and generated is not None:
            self.as_of = _dt.date.fromisoformat(generated[:10])
        self.country: str | None = None
        self._templates: Mapping[str, Any] | None = None
        self.results = ResultWriter(
            self.problem,
            self.catalogue,
            self.language,
            marked=self.language if self.language != primary else None,
        )
        self.source_index = {s.id: k for k, s in enumerate(plan.funding_sources)}
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
                "iati_org_ref" if option is None else "org_ref",
                f"{ref!r} is not an IATI organisation identifier: expected "
                "{registration agency}-{number}, such as GB-GOV-1, without spaces, /, &, | or ?",
            )
        return ref

    def _reporting_org(self, org_type: str | None) -> Org:
        plan = self.plan
        authority = self.actors.get(plan.authority_actor) if plan.authority_actor else None
        if plan.authority_actor and authority is None:
            self.problem(
                "authority_actor", f"{plan.authority_actor!r} is not one of the plan's actors"
            )
        name = text_of(authority.name if authority is not None and authority.name else "")
        name = name or text_of(plan.authority)
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
        elif authority is not None and authority.org_type:
            code = authority.org_type
        elif (
            authority is not None
            and authority.kind is not None
            and (authority.kind in ORGANISATION_TYPE)
        ):
            code = ORGANISATION_TYPE[authority.kind]
        elif plan.level is not None:
            code = ORGANISATION_TYPE_BY_LEVEL[plan.level]
        else:
            code = ""
            self.problem(
                "level",
                "cannot tell the reporting organisation's IATI type: set the plan's level, "
                "the kind of its authority actor, or pass the org_type option",
            )
        return Org(role=ROLE_ACCOUNTABLE, name=name, ref=self.org_ref, type=code)

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
        if not _LANGUAGE.fullmatch(plan.language):
            self.problem(
                "language", f"{plan.language!r} is not a language code (ISO 639-1, such as en)"
            )
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
        seen: set[str] = set()
        for i, iv in enumerate(self.plan.interventions):
            if iv.id in seen:
                self.problem(
                    f"interventions[{i}].id",
                    f"intervention id {iv.id!r} is used twice; IATI identifiers must be unique",
                )
            seen.add(iv.id)
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
        narrative(reporting, self.reporting.name)

        title = text_of(iv.title)
        if not title.strip():
            self.problem(f"{where}.title", f"intervention {iv.id!r} needs a title")
        narrative(ET.SubElement(act, "title"), title)
        self.descriptions(act, where, iv)
        for org in self.participants(where, iv):
            attrib = {"role": org.role}
            if org.ref:
                attrib["ref"] = org.ref
            if org.type:
                attrib["type"] = org.type
            el = ET.SubElement(act, "participating-org", attrib)
            if org.name:
                narrative(el, org.name)
        started = self.started(iv)
        status = ACTIVITY_STATUS[plan.status]
        if status == STATUS_IMPLEMENTATION and started is None:
            status = STATUS_PIPELINE  # adopted, but not shown to have started yet
        ET.SubElement(act, "activity-status", {"code": status})
        self.dates(act, where, iv, started if status == STATUS_IMPLEMENTATION else None)
        self.contact(act)
        if self.country is not None:
            ET.SubElement(act, "recipient-country", {"code": self.country, "percentage": "100"})
        self.sectors(act, where, iv)
        self.tags(act, where, iv)
        defaults = self.classify(act, iv)
        per_year = yearly_amounts(iv, where, self._convert, self.problem)
        write_budgets(act, iv, per_year, plan.currency)
        self.money(act, where, iv, defaults)
        self.document_link(act)
        self.results.result(act, where, iv)

    # -- status, contact, document -------------------------------------------------------

    def started(self, iv: Intervention) -> _dt.date | None:
        """The actual start of an intervention of an adopted plan, or ``None`` while it is
        not shown to have started.

        It has started once its planned start has come by the plan's latest revision (the
        date the plan speaks for), or once a milestone is reached or a value achieved (a
        progress record). It started on its planned start, or on the earliest progress
        record where that comes first.
        """
        start = iv.timeframe.start
        if start is None:
            return None
        records = [m.reached_on for m in iv.timeframe.milestones if m.reached_on is not None]
        records += [a.date for e in iv.monitoring for a in e.achieved if a.date is not None]
        if records:
            return min(start, *records)
        if self.as_of is not None and start <= self.as_of:
            return start
        return None

    def contact(self, act: ET.Element) -> None:
        """``contact-info``: the plan's authority and the plan's contact details."""
        c = self.plan.contact
        info = ET.SubElement(act, "contact-info", {"type": CONTACT_GENERAL})
        for tag, text in (
            ("organisation", self.reporting.name),
            ("department", c.department),
            ("person-name", c.person),
            ("job-title", c.job_title),
        ):
            if text.strip():
                narrative(ET.SubElement(info, tag), text_of(text))
        for tag, text in (("telephone", c.telephone), ("email", c.email), ("website", c.website)):
            if text.strip():
                ET.SubElement(info, tag).text = text_of(text).strip()
        if c.address.strip():
            narrative(ET.SubElement(info, "mailing-address"), text_of(c.address))

    def document_link(self, act: ET.Element) -> None:
        """A link to the published plan, where the plan gives its address."""
        url = self.plan.url.strip()
        if not url:
            return
        path = url.split("?", 1)[0].split("#", 1)[0].lower()
        fmt = next((f for suffix, f in _DOCUMENT_FORMATS if path.endswith(suffix)), "text/html")
        link = ET.SubElement(act, "document-link", {"url": url, "format": fmt})
        narrative(ET.SubElement(link, "title"), text_of(self.plan.title) or self.plan.id)
        ET.SubElement(link, "category", {"code": DOCUMENT_OBJECTIVES})
        ET.SubElement(link, "language", {"code": self.plan.language.split("-", 1)[0].lower()})
        if self.as_of is not None:
            ET.SubElement(link, "document-date", {"iso-date": self.as_of.isoformat()})

    # -- classifications and money -------------------------------------------------------

    def _source_of(self, arr: FundingArrangement) -> tuple[FundingSource | None, Classification]:
        source = self.sources.get(arr.source)
        provider = self.actors.get(source.provider) if source and source.provider else None
        kind = provider.kind if provider is not None else None
        return source, source_classification(source, kind)

    def classify(self, act: ET.Element, iv: Intervention) -> Classification:
        """The activity's default classifications: those of the funding source that brings
        the most money (in the plan's currency), else those of the authority's own budget."""
        best: tuple[Decimal, int] | None = None
        chosen = DOMESTIC
        for k, arr in enumerate(iv.funding):
            if arr.source not in self.sources:
                continue
            amount = self._quiet_convert(arr)
            key = (amount if amount is not None else Decimal(0), -k)
            if best is None or key > best:
                best = key
                chosen = self._source_of(arr)[1]
        ET.SubElement(act, "collaboration-type", {"code": chosen.collaboration_type})
        ET.SubElement(act, "default-flow-type", {"code": chosen.flow_type})
        ET.SubElement(act, "default-finance-type", {"code": chosen.finance_type})
        ET.SubElement(act, "default-aid-type", {"code": chosen.aid_type, "vocabulary": "1"})
        ET.SubElement(act, "default-tied-status", {"code": chosen.tied_status})
        return chosen

    def _quiet_convert(self, arr: FundingArrangement | Expenditure) -> Decimal | None:
        if arr.currency is None or arr.currency == self.plan.currency:
            return arr.amount
        rate = self.rates.get(arr.currency)
        return None if rate is None else arr.amount * rate

    def _amount(
        self, arr: FundingArrangement | Expenditure, where: str
    ) -> tuple[Decimal, str | None] | None:
        """An arrangement's (or a spending record's) amount as written: in the plan's
        currency where it can be converted, else in its own currency (named on the
        value)."""
        converted = self._quiet_convert(arr)
        if converted is not None:
            return converted, None
        if arr.currency not in codelist("Currency"):
            self.problem(
                f"{where}.currency", f"{arr.currency!r} is not in IATI's Currency codelist"
            )
            return None
        return arr.amount, arr.currency

    def money(
        self, act: ET.Element, where: str, iv: Intervention, defaults: Classification
    ) -> None:
        """Planned disbursements for dated pledges, then incoming commitments for secured
        money from partners (dated by the plan's latest revision, which records them), then
        expenditures for the spending the plan records."""
        receiver = attrs.evolve(self.reporting, role="")
        pledges: list[tuple[FundingArrangement, str]] = []
        commitments: list[tuple[FundingArrangement, str]] = []
        for j, arr in enumerate(iv.funding):
            source = self.sources.get(arr.source)
            if source is None:
                continue
            place = f"{where}.funding[{j}]"
            if arr.status is FundingStatus.PLEDGED and arr.year is not None:
                pledges.append((arr, place))
            elif (
                arr.status is FundingStatus.SECURED
                and source.category is not FundingCategory.DOMESTIC_BUDGET
            ):
                commitments.append((arr, place))
        for arr, place in sorted(pledges, key=lambda p: p[0].year or 0):
            source = self.sources[arr.source]
            provider = self.source_org(source, f"{place}.source")
            amount = self._amount(arr, place)
            if provider is not None and amount is not None and 1 <= (arr.year or 0) <= 9999:
                planned_disbursement(act, iv, arr, amount, provider, receiver)
        day = self.as_of
        if day is None:
            commitments = []  # no date to give a commitment: the plan records no revision
        for arr, place in commitments:
            assert day is not None
            source, classification = self._source_of(arr)
            assert source is not None
            provider = self.source_org(source, f"{place}.source")
            amount = self._amount(arr, place)
            if provider is None or amount is None:
                continue
            transaction(
                act,
                day,
                amount,
                provider,
                receiver,
                classification,
                defaults,
                description=text_of(arr.notes),
            )
        self.expenditures(act, where, iv, defaults)

    def expenditures(
        self, act: ET.Element, where: str, iv: Intervention, defaults: Classification
    ) -> None:
        """One Expenditure transaction per spending record, dated when the money was spent:
        from the funding source's organisation where the record names a source, to the
        actor leading the intervention's implementation."""
        if not iv.expenditures:
            return
        receiver = self.implementer(where, iv)
        for j, spent in enumerate(iv.expenditures):
            place = f"{where}.expenditures[{j}]"
            provider: Org | None = None
            classification = defaults
            if spent.source is not None:
                source = self.sources.get(spent.source)
                if source is None:
                    self.problem(
                        f"{place}.source",
                        f"{spent.source!r} is not one of the plan's funding sources",
                    )
                    continue
                provider = self.source_org(source, f"{place}.source")
                if provider is None:
                    continue
                kind = self.actors[source.provider].kind if source.provider else None
                classification = source_classification(source, kind)
            amount = self._amount(spent, place)
            if amount is None:
                continue
            transaction(
                act,
                spent.date,
                amount,
                provider,
                receiver,
                classification,
                defaults,
                kind=TRANSACTION_EXPENDITURE,
                description=text_of(spent.description),
            )

    def implementer(self, where: str, iv: Intervention) -> Org:
        """Who receives an intervention's spending: the actor leading its implementation,
        else its first lead at any stage, else the plan's authority."""
        leads = [r for r in iv.roles if r.role is RoleKind.LEAD]
        chosen = next((r for r in leads if r.stage is Stage.IMPLEMENTATION), None)
        chosen = chosen or (leads[0] if leads else None)
        if chosen is not None:
            actor = self.actors.get(chosen.actor)
            if actor is not None:  # an unknown actor is reported with the participants
                return self._actor_org(ROLE_IMPLEMENTING, actor)
        return attrs.evolve(self.reporting, role=ROLE_IMPLEMENTING)

    def descriptions(self, act: ET.Element, where: str, iv: Intervention) -> None:
        texts = [
            (DESCRIPTION_GENERAL, text_of(iv.description)),
            (DESCRIPTION_OBJECTIVES, text_of(iv.rationale)),
            (DESCRIPTION_TARGET_GROUPS, self._target_groups(iv)),
        ]
        written = 0
        for code, text in texts:
            if text.strip():
                narrative(ET.SubElement(act, "description", {"type": code}), text)
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
            line = text_of(b.group)
            if b.estimated_number is not None:
                line += f" ({b.estimated_number})"
            if b.description.strip():
                line += f": {text_of(b.description)}"
            lines.append(line)
        return "\n".join(lines)

    # -- organisations -------------------------------------------------------------------

    def _actor_org(self, role: str, actor: Actor) -> Org:
        if actor.id == self.plan.authority_actor:
            return attrs.evolve(self.reporting, role=role)
        ref = self.participant_refs.get(actor.id) or actor.org_id
        return Org(role=role, name=text_of(actor.name), ref=ref, type=self._actor_type(actor))

    @staticmethod
    def _actor_type(actor: Actor) -> str:
        """The actor's IATI type: its own ``org_type``, else from its kind (a national NGO
        for civil society, 90 Other where the kind does not tell)."""
        if actor.org_type:
            return actor.org_type
        if actor.kind is None:
            return ORGANISATION_TYPE_OTHER
        return (
            ORGANISATION_TYPE.get(actor.kind)
            or ORGANISATION_TYPE_FALLBACK.get(actor.kind)
            or ORGANISATION_TYPE_OTHER
        )

    def source_org(self, source: FundingSource, where: str) -> Org | None:
        """Who provides a funding source's money, as a funding organisation: its provider
        actor (with the source's own identifier and type where the actor lacks them), else
        the source itself."""
        if source.provider:
            provider = self._actor(
                source.provider, f"funding_sources[{self.source_index[source.id]}].provider"
            )
            if provider is None:
                return None
            org = self._actor_org(ROLE_FUNDING, provider)
            return attrs.evolve(
                org,
                name=org.name or text_of(source.name),
                ref=org.ref or source.org_id,
                type=provider.org_type or source.org_type or org.type,
            )
        if source.category is FundingCategory.DOMESTIC_BUDGET:
            own = self.reporting
            return Org(
                role=ROLE_FUNDING,
                name=text_of(source.name),
                ref=source.org_id or own.ref,
                type=source.org_type or own.type,
            )
        default = SOURCE_ORGANISATION_TYPE.get(source.category) if source.category else None
        return Org(
            role=ROLE_FUNDING,
            name=text_of(source.name),
            ref=source.org_id,
            type=source.org_type or default or ORGANISATION_TYPE_OTHER,
        )

    def _actor(self, actor_id: str, where: str) -> Actor | None:
        actor = self.actors.get(actor_id)
        if actor is None:
            self.problem(where, f"{actor_id!r} is not one of the plan's actors")
        return actor

    def participants(self, where: str, iv: Intervention) -> list[Org]:
        orgs: dict[tuple[str, str], Org] = {}
        for j, arr in enumerate(iv.funding):
            source = self.sources.get(arr.source)
            if source is None:
                self.problem(
                    f"{where}.funding[{j}].source",
                    f"{arr.source!r} is not one of the plan's funding sources",
                )
                continue
            org = self.source_org(source, f"{where}.funding[{j}].source")
            if org is None:
                continue
            key = f"actor:{source.provider}" if source.provider else f"source:{source.id}"
            orgs.setdefault((ROLE_FUNDING, key), org)
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
            orgs.setdefault((ROLE_ACCOUNTABLE, actor.id), self._actor_org(ROLE_ACCOUNTABLE, actor))
        if not leads:
            # Nobody leads: the plan's authority answers for the intervention.
            orgs[(ROLE_ACCOUNTABLE, "authority")] = self.reporting
        for actor in implementing:
            orgs.setdefault(
                (ROLE_IMPLEMENTING, actor.id), self._actor_org(ROLE_IMPLEMENTING, actor)
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

    def dates(
        self, act: ET.Element, where: str, iv: Intervention, started: _dt.date | None
    ) -> None:
        start, end = iv.timeframe.start, iv.timeframe.end
        if start is None:
            self.problem(
                f"{where}.timeframe.start",
                f"intervention {iv.id!r} needs a planned start date: IATI requires one",
            )
        else:
            ET.SubElement(
                act, "activity-date", {"type": DATE_PLANNED_START, "iso-date": start.isoformat()}
            )
        if started is not None:
            ET.SubElement(
                act, "activity-date", {"type": DATE_ACTUAL_START, "iso-date": started.isoformat()}
            )
        if end is not None:
            if start is not None and end < start:
                self.problem(
                    f"{where}.timeframe.end",
                    f"intervention {iv.id!r} ends ({end}) before it starts ({start})",
                )
            ET.SubElement(
                act, "activity-date", {"type": DATE_PLANNED_END, "iso-date": end.isoformat()}
            )

    def _dac_codes(self, where: str, iv: Intervention) -> list[str]:
        if iv.dac_sectors:
            return list(dict.fromkeys(iv.dac_sectors))
        codes: list[str] = []
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
        return derived_dac_codes(iv, list(dict.fromkeys(codes)))

    def sectors(self, act: ET.Element, where: str, iv: Intervention) -> None:
        """DAC purpose codes (vocabulary 1), then the SDG targets served (vocabulary 8),
        each vocabulary sharing 100 % evenly."""
        dac = self._dac_codes(where, iv)
        targets = [t for t in dict.fromkeys(iv.targets) if t in codelist("UNSDG-Targets")]
        for vocabulary, codes in (
            (SECTOR_VOCABULARY_DAC5, dac),
            (SECTOR_VOCABULARY_SDG_TARGET, targets),
        ):
            shares = _split_percentages(len(codes)) if codes else []
            for code, share in zip(codes, shares, strict=True):
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
            ET.SubElement(act, "tag", {"vocabulary": TAG_VOCABULARY_SDG_GOAL, "code": goal})
        for target_code in targets:
            ET.SubElement(
                act, "tag", {"vocabulary": TAG_VOCABULARY_SDG_TARGET, "code": target_code}
            )

    def _convert(self, amount: Decimal, currency: str | None, where: str) -> Decimal | None:
        """``amount`` in the plan's currency, through the plan's exchange rates."""
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


def build_activities(
    plan: ActionPlan,
    *,
    org_ref: str | None = None,
    org_type: str | None = None,
    participant_refs: Mapping[str, str] | str | None = None,
    generated: _dt.datetime | _dt.date | str | None = None,
) -> ET.Element:
    """The plan as an IATI 2.03 ``iati-activities`` element, one activity per intervention.

    ``org_ref`` (else ``plan.iati_org_ref``) is the reporting organisation's IATI
    identifier; ``org_type`` its IATI OrganisationType code (else derived from the kind of
    the plan's authority actor, or the plan's level); ``participant_refs`` maps actor ids
    to the IATI identifiers of those organisations, where known (a mapping, or text such
    as ``"iom=XM-DAC-47066,ilo=XM-DAC-41302"`` from the command line); ``generated`` sets the
    document's ``generated-datetime`` (else ``SOURCE_DATE_EPOCH``, else the date of the
    plan's latest revision).

    Raises :class:`IatiExportError` listing every problem that stops the export.
    """
    stamp = _generated(plan, generated)
    builder = _Builder(
        plan,
        org_ref=org_ref,
        org_type=org_type,
        participant_refs=participant_refs,
        generated=stamp,
    )
    root = builder.document(stamp)
    if builder.problems:
        raise IatiExportError(list(dict.fromkeys(builder.problems)))
    return root
