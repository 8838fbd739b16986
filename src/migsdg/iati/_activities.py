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
from migsdg.iati._codelists import alpha2, codelist
from migsdg.iati._codes import (
    ACTIVITY_STATUS,
    DATE_PLANNED_END,
    DATE_PLANNED_START,
    DESCRIPTION_GENERAL,
    DESCRIPTION_OBJECTIVES,
    DESCRIPTION_TARGET_GROUPS,
    IATI_VERSION,
    MIGRATION_SECTOR,
    ORGANISATION_TYPE,
    ORGANISATION_TYPE_BY_LEVEL,
    ROLE_ACCOUNTABLE,
    ROLE_FUNDING,
    ROLE_IMPLEMENTING,
    SECTOR_VOCABULARY_DAC5,
    SECTOR_VOCABULARY_SDG_TARGET,
    TAG_VOCABULARY_SDG_GOAL,
    TAG_VOCABULARY_SDG_TARGET,
)
from migsdg.iati._results import ResultWriter
from migsdg.iati._xml import XML_LANG, decimal_text, narrative, text_of
from migsdg.model import (
    ActionPlan,
    Actor,
    Intervention,
    InterventionType,
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

    def _reporting_org(self, org_type: str | None) -> _Org:
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
        return _Org(role=ROLE_ACCOUNTABLE, name=name, ref=self.org_ref, type=code)

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
        ET.SubElement(act, "activity-status", {"code": ACTIVITY_STATUS[plan.status]})
        self.dates(act, where, iv)
        if self.country is not None:
            ET.SubElement(act, "recipient-country", {"code": self.country, "percentage": "100"})
        self.sectors(act, where, iv)
        self.tags(act, where, iv)
        per_year = yearly_amounts(iv, where, self._convert, self.problem)
        write_budgets(act, iv, per_year, plan.currency)
        self.results.result(act, where, iv)

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

    def _actor_org(self, role: str, actor: Actor) -> _Org:
        ref = self.participant_refs.get(actor.id)
        if ref is None and actor.id == self.plan.authority_actor:
            ref = self.org_ref
        kind_type = ORGANISATION_TYPE.get(actor.kind) if actor.kind is not None else None
        return _Org(role=role, name=text_of(actor.name), ref=ref, type=kind_type)

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
                provider = self._actor(
                    source.provider, f"funding_sources[{self.source_index[source.id]}].provider"
                )
                if provider is None:
                    continue
                org = self._actor_org(ROLE_FUNDING, provider)
                if not org.name:
                    org = attrs.evolve(org, name=text_of(source.name))
                orgs.setdefault((ROLE_FUNDING, f"actor:{provider.id}"), org)
            else:
                orgs.setdefault(
                    (ROLE_FUNDING, f"source:{source.id}"),
                    _Org(role=ROLE_FUNDING, name=text_of(source.name)),
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

    def dates(self, act: ET.Element, where: str, iv: Intervention) -> None:
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
        vocabulary = SECTOR_VOCABULARY_DAC5
        if not codes:
            # No DAC purpose code is known: classify by the SDG targets served instead.
            codes = [t for t in dict.fromkeys(iv.targets) if t in codelist("UNSDG-Targets")]
            vocabulary = SECTOR_VOCABULARY_SDG_TARGET
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
    builder = _Builder(plan, org_ref=org_ref, org_type=org_type, participant_refs=participant_refs)
    root = builder.document(stamp)
    if builder.problems:
        raise IatiExportError(list(dict.fromkeys(builder.problems)))
    return root
