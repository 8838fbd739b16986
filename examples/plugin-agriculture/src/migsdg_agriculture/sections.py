# src/migsdg_agriculture/sections.py
"""The agriculture plugin's annex to the Word draft (and sheet of the workbook): the
plan's agricultural interventions, the SDG targets they serve, and whether the indicators
they measure on people and households tell migrants apart."""

from __future__ import annotations

from migsdg.model import Disaggregation
from migsdg.present import Block
from migsdg.sections import PlanSection, SectionContext

#: SDG indicators measured on people or households, which a survey can break down by
#: migratory status (2.1.1 is a modelled estimate and 2.3.1 a measure of enterprises).
PEOPLE_INDICATORS = ("2.1.2", "2.3.2")


def build(ctx: SectionContext) -> list[Block]:
    rows = []
    blind = 0
    for iv in ctx.interventions():  # those of the section's sectors or templates
        lines = []
        for entry in iv.monitoring:
            code = entry.indicator.code
            if code not in PEOPLE_INDICATORS:
                continue
            if Disaggregation.MIGRATORY_STATUS in entry.disaggregation:
                lines.append(ctx._("{code}: by migratory status", code=code))
            else:
                lines.append(ctx._("{code}: not by migratory status", code=code))
                blind += 1
        rows.append(
            (
                ctx.intervention_name(iv),
                ", ".join(iv.targets),
                "\n".join(lines) or ctx._("None monitored"),
            )
        )
    blocks: list[Block] = [
        ctx.para(
            ctx._(
                "Agricultural interventions of the plan and the indicators they measure on "
                "people and households: food insecurity (2.1.2) and the income of small-scale "
                "food producers (2.3.2). A breakdown by migratory status shows what each "
                "intervention does for migrants, displaced people and their families."
            ),
            "note",
        ),
        ctx.table(
            "agriculture",
            [
                ("Intervention", ctx._("Intervention")),
                ("SDG targets", ctx._("SDG targets")),
                ("People and households", ctx._("People and households")),
            ],
            rows,
            widths=(6, 2, 4),
        ),
    ]
    if blind:
        blocks.append(
            ctx.para(
                ctx.ngettext(
                    "{n} indicator is not broken down by migratory status yet.",
                    "{n} indicators are not broken down by migratory status yet.",
                    blind,
                ),
                "missing",
            )
        )
    return blocks


TRANSLATIONS = {
    "es": {
        "Agriculture and migration": "Agricultura y migración",
        "{code}: by migratory status": "{code}: por situación migratoria",
        "{code}: not by migratory status": "{code}: sin desglose por situación migratoria",
        "None monitored": "Ninguno",
        "Agricultural interventions of the plan and the indicators they measure on people "
        "and households: food insecurity (2.1.2) and the income of small-scale food "
        "producers (2.3.2). A breakdown by migratory status shows what each intervention "
        "does for migrants, displaced people and their families.": "Intervenciones "
        "agrícolas del plan e indicadores que miden en personas y hogares: la inseguridad "
        "alimentaria (2.1.2) y los ingresos de los productores de alimentos en pequeña "
        "escala (2.3.2). Un desglose por situación migratoria muestra lo que cada "
        "intervención hace por las personas migrantes, las desplazadas y sus familias.",
        "Intervention": "Intervención",
        "SDG targets": "Metas de los ODS",
        "People and households": "Personas y hogares",
        "{n} indicator is not broken down by migratory status yet.": "{n} indicador aún "
        "no se desglosa por situación migratoria.",
        "{n} indicators are not broken down by migratory status yet.": "{n} indicadores "
        "aún no se desglosan por situación migratoria.",
    },
    "fr": {
        "Agriculture and migration": "Agriculture et migrations",
        "{code}: by migratory status": "{code}\u00a0: par statut migratoire",
        "{code}: not by migratory status": "{code}\u00a0: non ventilé par statut migratoire",
        "None monitored": "Aucun",
        "Agricultural interventions of the plan and the indicators they measure on people "
        "and households: food insecurity (2.1.2) and the income of small-scale food "
        "producers (2.3.2). A breakdown by migratory status shows what each intervention "
        "does for migrants, displaced people and their families.": "Interventions "
        "agricoles du plan et indicateurs qu'elles mesurent auprès des personnes et des "
        "ménages\u00a0: l'insécurité alimentaire (2.1.2) et le revenu des petits "
        "producteurs alimentaires (2.3.2). Une ventilation par statut migratoire montre ce "
        "que chaque intervention apporte aux migrants, aux personnes déplacées et à leurs "
        "familles.",
        "Intervention": "Intervention",
        "SDG targets": "Cibles des ODD",
        "People and households": "Personnes et ménages",
        "{n} indicator is not broken down by migratory status yet.": "{n} indicateur "
        "n'est pas encore ventilé par statut migratoire.",
        "{n} indicators are not broken down by migratory status yet.": "{n} indicateurs "
        "ne sont pas encore ventilés par statut migratoire.",
    },
    "ar": {
        "Agriculture and migration": "الزراعة والهجرة",
        "{code}: by migratory status": "{code}: مصنف حسب الوضع من حيث الهجرة",
        "{code}: not by migratory status": "{code}: غير مصنف حسب الوضع من حيث الهجرة",
        "None monitored": "لا يوجد",
        "Agricultural interventions of the plan and the indicators they measure on people "
        "and households: food insecurity (2.1.2) and the income of small-scale food "
        "producers (2.3.2). A breakdown by migratory status shows what each intervention "
        "does for migrants, displaced people and their families.": "التدخلات الزراعية في "
        "الخطة والمؤشرات التي تقيسها على مستوى الأفراد والأسر المعيشية: انعدام الأمن "
        "الغذائي (2.1.2) ودخل صغار منتجي الأغذية (2.3.2). ويبيّن التصنيف حسب الوضع من حيث "
        "الهجرة ما يقدمه كل تدخل للمهاجرين والنازحين وأسرهم.",
        "Intervention": "التدخل",
        "SDG targets": "غايات أهداف التنمية المستدامة",
        "People and households": "الأفراد والأسر المعيشية",
        # One wording for every count: Arabic has six plural forms.
        "{n} indicator is not broken down by migratory status yet.": "عدد المؤشرات غير "
        "المصنفة بعد حسب الوضع من حيث الهجرة: {n}.",
        "{n} indicators are not broken down by migratory status yet.": "عدد المؤشرات غير "
        "المصنفة بعد حسب الوضع من حيث الهجرة: {n}.",
    },
}

SECTION = PlanSection(
    id="agriculture.migration",
    title="Agriculture and migration",
    build=build,
    placement="annex",
    sectors=("Agriculture", "Agricultura y alimentación", "Agriculture et alimentation"),
    translations=TRANSLATIONS,
    description="The plan's agricultural interventions and whether their indicators of "
    "people and households tell migrants apart",
)
