"""Climate funds that finance adaptation in agriculture, registered so that planners see
them under the guide's "other SDG-related funds" (they serve SDG 13 first of all).

Only what the funds' founding decisions and public descriptions state is given; ceilings,
windows and calls change, so descriptions say where to check rather than quote figures.
"""

from __future__ import annotations

from migsdg.model import FundingCategory, FundingSource

__all__ = ["FUNDING_SOURCES"]

FUNDING_SOURCES: tuple[FundingSource, ...] = (
    FundingSource(
        id="green-climate-fund",
        name="Green Climate Fund (GCF)",
        category=FundingCategory.SDG_FUND,
        description="The climate fund that Parties to the UN Framework Convention on "
        "Climate Change decided to establish at Cancún in 2010 (decision 1/CP.16), an "
        "operating entity of the Convention's financial mechanism. It aims for a balance "
        "between mitigation and adaptation over time, with at least half of its adaptation "
        "resources for particularly vulnerable countries (least developed countries, small "
        "island developing states and African states). Proposals go through entities "
        "accredited to the Fund, national or international, with the agreement of the "
        "country's national designated authority; its readiness programme supports "
        "countries preparing them.",
    ),
    FundingSource(
        id="adaptation-fund",
        name="Adaptation Fund",
        category=FundingCategory.SDG_FUND,
        description="A fund established by the Parties to the Kyoto Protocol to finance "
        "concrete adaptation projects and programmes in developing countries that are "
        "particularly vulnerable to climate change, financed from a 2% share of the "
        "certified emission reductions issued for Clean Development Mechanism projects and "
        "from contributions. Countries can apply directly through an accredited national "
        "implementing entity, or through regional and multilateral ones.",
    ),
)
