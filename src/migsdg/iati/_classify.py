"""How an intervention is classified for IATI: its OECD DAC purpose codes, the default
classifications of its money (aid, finance and flow type, tied status, collaboration type)
and the IATI types of the organisations taking part.

Every table here is documented in ``docs/interoperability.md``; a test checks each code
against IATI's codelists.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

import attrs

from migsdg.iati._codes import MIGRATION_SECTOR
from migsdg.model import ActorKind, FundingCategory, FundingSource, Intervention, InterventionType

__all__ = [
    "CATEGORY_CLASSIFICATION",
    "COLLABORATION_BY_PROVIDER_KIND",
    "DOMESTIC",
    "KEYWORD_SECTORS",
    "SOURCE_ORGANISATION_TYPE",
    "Classification",
    "Org",
    "derived_dac_codes",
    "source_classification",
]


@attrs.frozen(kw_only=True)
class Org:
    """An organisation as an activity names it: role, name, identifier and type."""

    role: str
    name: str
    ref: str | None = None
    type: str | None = None


@attrs.frozen(kw_only=True)
class Classification:
    """The five classifications IATI asks of an activity's money (each an IATI code)."""

    aid_type: str
    finance_type: str
    flow_type: str
    tied_status: str
    collaboration_type: str


#: Defaults by the guide's funding categories. Every category is money given, not lent
#: (110 standard grant), for the plan's own interventions (C01 project-type interventions),
#: and untied (5). What differs is the flow and who it comes from:
#:
#: * domestic budgets: 50 other flows (public money of the country itself is neither
#:   official development assistance nor another official flow from abroad) and 1
#:   bilateral (spent directly, not through a multilateral channel);
#: * SDG funds (the Joint SDG Fund and other pooled UN funds): 10 ODA, 4 multilateral
#:   outflows;
#: * migration funds of development partners and multilaterals: 10 ODA, 4 multilateral
#:   outflows unless the provider is a bilateral partner (below);
#: * innovative finance (remittances, diaspora, foundations, companies): 30 private
#:   development finance, 6 private sector outflows.
CATEGORY_CLASSIFICATION: Mapping[FundingCategory, Classification] = {
    FundingCategory.DOMESTIC_BUDGET: Classification(
        aid_type="C01", finance_type="110", flow_type="50", tied_status="5", collaboration_type="1"
    ),
    FundingCategory.SDG_FUND: Classification(
        aid_type="C01", finance_type="110", flow_type="10", tied_status="5", collaboration_type="4"
    ),
    FundingCategory.MIGRATION_FUND: Classification(
        aid_type="C01", finance_type="110", flow_type="10", tied_status="5", collaboration_type="4"
    ),
    FundingCategory.INNOVATIVE_FINANCE: Classification(
        aid_type="C01", finance_type="110", flow_type="30", tied_status="5", collaboration_type="6"
    ),
}

#: The classification of an intervention nobody else funds: the authority's own budget.
DOMESTIC = CATEGORY_CLASSIFICATION[FundingCategory.DOMESTIC_BUDGET]

#: The collaboration type by the kind of the source's provider, where it tells more than
#: the category: money from a development partner (a bilateral agency) is bilateral, money
#: from an international organisation multilateral, money from companies private.
COLLABORATION_BY_PROVIDER_KIND: Mapping[ActorKind, str] = {
    ActorKind.DEVELOPMENT_PARTNER: "1",
    ActorKind.INTERNATIONAL_ORGANISATION: "4",
    ActorKind.PRIVATE_SECTOR: "6",
}

#: The IATI organisation type of a funding source that names no provider actor and gives
#: no ``org_type``: pooled SDG funds are multilateral (40); companies, remittance firms
#: and diaspora investors private (70); a migration fund may be bilateral or
#: multilateral, so it is 90 Other until the plan says.
SOURCE_ORGANISATION_TYPE: Mapping[FundingCategory, str] = {
    FundingCategory.SDG_FUND: "40",
    FundingCategory.MIGRATION_FUND: "90",
    FundingCategory.INNOVATIVE_FINANCE: "70",
}


def source_classification(
    source: FundingSource | None, provider_kind: ActorKind | None
) -> Classification:
    """A funding source's classification: its own codes where the plan gives them, else
    its category's defaults (the collaboration type refined by the provider's kind)."""
    if source is None:
        return DOMESTIC
    base = CATEGORY_CLASSIFICATION.get(source.category) if source.category else None
    base = base or DOMESTIC
    collaboration = base.collaboration_type
    if source.category is not FundingCategory.DOMESTIC_BUDGET and provider_kind is not None:
        collaboration = COLLABORATION_BY_PROVIDER_KIND.get(provider_kind, collaboration)
    return Classification(
        aid_type=source.aid_type or base.aid_type,
        finance_type=source.finance_type or base.finance_type,
        flow_type=source.flow_type or base.flow_type,
        tied_status=source.tied_status or base.tied_status,
        collaboration_type=source.collaboration_type or collaboration,
    )


#: Words in an intervention's policy area or sector (English, Spanish, French; compared
#: without accents and case) and the OECD DAC purpose code they point to, most specific
#: first. The first match in the policy area wins, else the first in the sector.
KEYWORD_SECTORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("remittance", "remesa", "transfert de fonds", "envoi de fonds"), "24050"),
    (("diaspora",), MIGRATION_SECTOR),
    (("return", "reintegration", "retorno", "reintegracion", "retour", "reinsertion"), "15190"),
    (("recruitment", "reclutamiento", "contratacion", "recrutement"), "16070"),
    (("labour rights", "derechos laborales", "droits du travail"), "16070"),
    (("immigration", "inmigracion"), "15136"),
    (("violence", "violencia"), "15180"),
    (("health service", "servicios de salud", "soins", "services de sante"), "12220"),
    (("health", "salud", "sante"), "12110"),
    (("vocational", "skills", "formacion profesional", "formation professionnelle"), "11330"),
    (("education", "educacion", "school", "escuela", "ecole"), "11110"),
    (("disabilit", "discapacidad", "handicap"), "16010"),
    (("social protection", "proteccion social", "protection sociale"), "16010"),
    (("statistic", "data", "datos", "estadistic", "informacion", "donnees"), "16062"),
    (("agricultur", "food", "aliment", "soberania alimentaria"), "31120"),
    (("enterprise", "emprendimiento", "entreprise", "business", "empresa"), "32130"),
    (("employment", "labour", "empleo", "trabajo", "emploi", "travail"), "16020"),
    (("territorial", "decentrali", "descentraliz", "local government"), "15112"),
    (("human rights", "derechos humanos", "droits humains", "droits de l'homme"), "15160"),
    (
        (
            "governance",
            "gobernanza",
            "gouvernance",
            "planning",
            "planificacion",
            "planification",
            "public administration",
            "institucional",
            "institutional",
        ),
        "15110",
    ),
    (("migration", "migracion", "movilidad humana", "mobility", "mobilite"), MIGRATION_SECTOR),
)


def _fold(text: str) -> str:
    """Lower case without accents, for matching keywords."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def keyword_sector(text: str) -> str | None:
    """The DAC purpose code the first matching keyword of :data:`KEYWORD_SECTORS` gives."""
    folded = _fold(text)
    if not folded.strip():
        return None
    for words, code in KEYWORD_SECTORS:
        if any(w in folded for w in words):
            return code
    return None


def derived_dac_codes(iv: Intervention, template_codes: list[str]) -> list[str]:
    """The intervention's DAC purpose codes when the plan gives none: 15190 for migration
    programming, the template's codes, else the code its policy area or sector points to,
    else 15190 (every intervention of a Migration-SDG Action Plan serves migration)."""
    codes: list[str] = []
    if iv.type is InterventionType.MIGRATION_PROGRAMMING:
        codes.append(MIGRATION_SECTOR)
    codes += template_codes
    if not template_codes:
        found = keyword_sector(iv.policy_area) or keyword_sector(iv.sector)
        if found is not None:
            codes.append(found)
    if not codes:
        codes.append(MIGRATION_SECTOR)
    return list(dict.fromkeys(codes))
