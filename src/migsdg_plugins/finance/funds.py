"""Named funds for migration-SDG interventions, typed by the guide's four categories.

Only funds whose purpose and access rules our sources confirm are listed; amounts and
ceilings change, so descriptions say where to check rather than quote figures as current.
"""

from __future__ import annotations

from migsdg.model import FundingCategory, FundingSource

__all__ = ["FUNDING_SOURCES"]

FUNDING_SOURCES: tuple[FundingSource, ...] = (
    FundingSource(
        id="joint-sdg-fund",
        name="Joint SDG Fund",
        category=FundingCategory.SDG_FUND,
        description="The UN's inter-agency pooled fund for integrated SDG policy and "
        "financing at country level, successor to the MDG Achievement Fund and the SDG "
        "Fund; the guide names it (as the Joint Fund for the 2030 Agenda) among the other "
        "SDG-related funds. Requests go only through the UN Resident Coordinator, as joint "
        "programmes of UN entities built on the Cooperation Framework with government "
        "ownership; governments, NGOs and firms take part as partners, not applicants.",
    ),
    FundingSource(
        id="migration-mptf",
        name="Migration Multi-Partner Trust Fund (Migration MPTF)",
        category=FundingCategory.MIGRATION_FUND,
        description="The UN's pooled fund on migration, called for by the Global Compact "
        "for Migration and established in 2019 by the organisations of the UN Network on "
        "Migration's Executive Committee. It funds joint programmes only, which must "
        "involve more than one government entity and/or local governments and a broad "
        "range of stakeholders, including civil society and migrants; every submission is "
        "rated with a gender marker and a human-rights marker. It groups the 23 GCM "
        "objectives into five thematic areas.",
    ),
    FundingSource(
        id="iom-development-fund",
        name="IOM Development Fund",
        category=FundingCategory.MIGRATION_FUND,
        description="IOM's seed-funding facility (established 2001) for capacity-building "
        "projects in migration management in eligible developing and transition Member "
        "States; thematic areas include labour migration, migration and development, "
        "migration health, and policy and legal frameworks. Proposals need a written "
        "endorsement from the government and a government focal point; project ceilings "
        "(national and regional) are set in IOM's current guidance note.",
    ),
    FundingSource(
        id="ifad-ffr",
        name="IFAD Financing Facility for Remittances",
        category=FundingCategory.MIGRATION_FUND,
        description="A multi-donor facility hosted by IFAD since 2006 that gives grants "
        "and technical assistance for projects improving remittance markets, rural access "
        "to remittance and financial services, financial education and inclusion, and "
        "migrants' investment and entrepreneurship.",
    ),
)
