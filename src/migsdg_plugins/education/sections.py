"""The education sector's section of the Word draft and the workbook: recognition of
qualifications and inclusion of migrant and displaced learners. The plan's education
interventions against the conventions and frameworks they rely on, and how their
indicators count migrant learners.

Sources: UNESCO and ENIC-NARIC pages on the Global Convention on the Recognition of
Qualifications concerning Higher Education (adopted by the 40th General Conference in
November 2019, in force since 5 March 2023; recognition of refugees' qualifications even
without full documentary evidence); UNESCO's page on the Qualifications Passport for
Refugees and Vulnerable Migrants (an assessment from documents and a structured
interview, not formal recognition); UNHCR's Refugee Education 2030 (2019); the Global
Framework for Refugee Education (2019); the GEM Report 2019 on migration, displacement
and education; the official texts of SDG 4 targets and of indicator 4.5.1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from migsdg.i18n import N_
from migsdg.model import ActionPlan, Intervention
from migsdg.present import Block
from migsdg.sections import PlanSection, SectionContext
from migsdg_plugins._sectionkit import (
    gcm_lines,
    indicator_text,
    matches,
    migrant_reach,
    plan_text,
    sdg_indicators,
    tells_migrants_apart,
)

__all__ = [
    "EDUCATION_SECTION",
    "FRAMEWORKS",
    "SECTIONS",
    "education_interventions",
    "frameworks_of",
    "strand_of",
]

GLOBAL_CONVENTION = N_(
    "UNESCO Global Convention on the Recognition of Qualifications concerning Higher "
    "Education (adopted 2019, in force since 5 March 2023)"
)
REGIONAL_CONVENTIONS = N_("UNESCO regional conventions on the recognition of qualifications")
QUALIFICATIONS_PASSPORT = N_("UNESCO Qualifications Passport for Refugees and Vulnerable Migrants")
REFUGEE_EDUCATION_2030 = N_(
    "UNHCR, Refugee Education 2030: A Strategy for Refugee Inclusion (2019)"
)
GLOBAL_FRAMEWORK = N_("Global Framework for Refugee Education (2019)")
GEM_2019 = N_(
    "UNESCO, Global Education Monitoring Report 2019: Migration, displacement and education"
)

#: The frameworks, each with the patterns (English, Spanish, French) that find it cited.
FRAMEWORKS: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = (
    (
        GLOBAL_CONVENTION,
        (
            re.compile(r"\bGlobal Convention\b", re.I),
            re.compile(r"\bConvenci[óo]n Mundial (?:sobre|de) (?:el )?Reconocimiento\b", re.I),
            re.compile(r"\bConvention mondiale sur la reconnaissance\b", re.I),
        ),
    ),
    (
        REGIONAL_CONVENTIONS,
        (
            re.compile(
                r"\bLisbon Recognition Convention\b|\bregional (?:recognition )?convention", re.I
            ),
            re.compile(r"\bConvenio Regional\b|\bconvenci[óo]n regional\b", re.I),
            re.compile(r"\bconvention (?:régionale|de Lisbonne)\b", re.I),
        ),
    ),
    (
        QUALIFICATIONS_PASSPORT,
        (
            re.compile(r"\bQualifications? Passport\b", re.I),
            re.compile(r"\bPasaporte de (?:Cualificaciones|Calificaciones)\b", re.I),
            re.compile(r"\bPasseport (?:des|de) qualifications\b", re.I),
        ),
    ),
    (
        REFUGEE_EDUCATION_2030,
        (
            re.compile(
                r"\bRefugee Education 2030\b|\bEducaci[óo]n de (?:los )?refugiados 2030\b", re.I
            ),
        ),
    ),
    (
        GLOBAL_FRAMEWORK,
        (
            re.compile(r"\bGlobal Framework for Refugee Education\b", re.I),
            re.compile(
                r"\bMarco Mundial (?:para|de) la Educaci[óo]n de (?:los )?Refugiados\b", re.I
            ),
            re.compile(r"\bCadre mondial pour l'éducation des réfugiés\b", re.I),
        ),
    ),
    (
        GEM_2019,
        (
            re.compile(
                r"\bGEM Report\b|\bGlobal Education Monitoring Report\b|\bInforme GEM\b", re.I
            ),
        ),
    ),
)

#: What each of the education plugin's templates rests on (its own ``sources``).
_BY_TEMPLATE: dict[str, tuple[str, ...]] = {
    "education.inclusive-schooling": (REFUGEE_EDUCATION_2030, GEM_2019),
    "education.language-and-teachers": (REFUGEE_EDUCATION_2030, GEM_2019),
    "education.global-convention": (GLOBAL_CONVENTION, GEM_2019),
    "education.qualifications-passport": (QUALIFICATIONS_PASSPORT, GLOBAL_CONVENTION),
    "education.scholarships": (GEM_2019,),
}

_RECOGNITION_SUBTYPES = {
    "education.qualifications-recognition",
    "education.qualifications-assessment",
    "education.skills-partnership",
    "education.scholarships",
}
_RECOGNITION_TEMPLATES = {
    "education.global-convention",
    "education.qualifications-passport",
    "education.skills-partnership",
    "education.scholarships",
}
_RECOGNITION_WORDS = (
    re.compile(
        r"\brecogni[sz]\w* (?:of )?(?:their |foreign )?(?:qualifications|diplomas|degrees|skills)",
        re.I,
    ),
    re.compile(
        r"\b(?:reconocimiento|homologaci[óo]n|convalidaci[óo]n) de "
        r"(?:t[íi]tulos|cualificaciones|calificaciones|estudios|competencias)",
        re.I,
    ),
    re.compile(r"\breconnaissance des (?:qualifications|diplômes|compétences)", re.I),
)
_EDUCATION_SECTORS = {"education", "educación", "éducation", "higher education"}

#: The two strands of the section, each with its table key.
RECOGNITION = N_("Recognition of qualifications")
INCLUSION = N_("Inclusion of migrant and displaced learners")


def _is_education(iv: Intervention) -> bool:
    for made_from in (iv.template, iv.subtype):
        if made_from and made_from.split(".", 1)[0] == "education":
            return True
    if iv.sector.strip().casefold() in _EDUCATION_SECTORS:
        return True
    return any(t.split(".", 1)[0] == "4" for t in iv.targets) or any(
        c.split(".", 1)[0] == "4" for c in sdg_indicators(iv)
    )


def education_interventions(plan: ActionPlan) -> tuple[Intervention, ...]:
    """The plan's education interventions: made from the education plugin's templates, of
    an education sector, or aimed at an SDG 4 target."""
    return tuple(iv for iv in plan.interventions if _is_education(iv))


def strand_of(iv: Intervention) -> str:
    """:data:`RECOGNITION` or :data:`INCLUSION` (English)."""
    if iv.subtype in _RECOGNITION_SUBTYPES or iv.template in _RECOGNITION_TEMPLATES:
        return RECOGNITION
    if 18 in iv.gcm_objectives or matches(_RECOGNITION_WORDS, plan_text(iv)):
        return RECOGNITION
    return INCLUSION


def frameworks_of(iv: Intervention) -> tuple[str, ...]:
    """The frameworks the intervention relies on (English names, in a fixed order): those
    its template rests on and those its text cites."""
    found = set(_BY_TEMPLATE.get(iv.template or "", ()))
    text = "\n".join((plan_text(iv), iv.rationale))
    found.update(name for name, patterns in FRAMEWORKS if matches(patterns, text))
    return tuple(name for name, _ in FRAMEWORKS if name in found)


def _rows(ctx: SectionContext, interventions: Sequence[Intervention]) -> list[tuple[str, str, str]]:
    rows = []
    for iv in interventions:
        monitored = [
            f"{indicator_text(ctx, entry)}: {migrant_reach(ctx, entry)}" for entry in iv.monitoring
        ]
        relied = [ctx._(name) for name in frameworks_of(iv)]
        relied += gcm_lines(ctx, iv.gcm_objectives, (15, 16, 18))
        rows.append(
            (
                ctx.intervention_name(iv),
                "\n".join(relied) or ctx._("None cited"),
                "\n".join(monitored) or ctx._("No indicator yet"),
            )
        )
    return rows


def _build(ctx: SectionContext) -> Sequence[Block]:
    interventions = education_interventions(ctx.plan)
    blocks: list[Block] = [
        ctx.para(
            ctx._(
                "The tables show the plan's education interventions in two strands, the "
                "recognition of qualifications and the inclusion of migrant and displaced "
                "learners in the national education system, with the conventions and "
                "frameworks each relies on (from its template and its own text) and how "
                "its indicators count migrant learners. The ministry responsible for "
                "education confirms this reading."
            ),
            "note",
        )
    ]
    columns = (
        ("Intervention", ctx._("Intervention")),
        ("Conventions and frameworks", ctx._("Conventions and frameworks")),
        ("How its indicators count migrants", ctx._("How its indicators count migrants")),
    )
    for strand, key in ((RECOGNITION, "recognition"), (INCLUSION, "inclusion")):
        mine = [iv for iv in interventions if strand_of(iv) == strand]
        if not mine:
            continue
        blocks.append(ctx.para(ctx._(strand), "strong"))
        blocks.append(ctx.table(key, columns, _rows(ctx, mine), widths=(4, 6, 5)))
        cited = {name for iv in mine for name in frameworks_of(iv)}
        if strand == RECOGNITION:
            if GLOBAL_CONVENTION in cited:
                blocks.append(
                    ctx.para(
                        ctx._(
                            "The Global Convention is the first legally binding United "
                            "Nations treaty on higher education. It asks for fair, "
                            "transparent and non-discriminatory recognition, including of "
                            "partial studies and prior learning, and for the recognition of "
                            "refugees' qualifications even where full documentary evidence "
                            "is lacking."
                        ),
                        "note",
                    )
                )
            if QUALIFICATIONS_PASSPORT in cited:
                blocks.append(
                    ctx.para(
                        ctx._(
                            "The UNESCO Qualifications Passport is a standard statement that "
                            "trained credential evaluators draw up from the documents "
                            "available and a structured interview. It is not a formal "
                            "recognition of qualifications nor a licence to practise."
                        ),
                        "note",
                    )
                )
        elif not any(tells_migrants_apart(e) for iv in mine for e in iv.monitoring):
            blocks.append(
                ctx.para(
                    ctx._(
                        "No inclusion intervention has an indicator that tells migrant "
                        "learners apart. Indicator 4.5.1 compares groups with parity "
                        "indices and leaves room for other groups as data become "
                        "available; a parity index between migrant and other learners is "
                        "one way the plan can follow inclusion."
                    ),
                    "missing",
                )
            )
    if not interventions:
        blocks.append(ctx.para(ctx._("The plan has no education intervention."), "note"))
    return blocks


EDUCATION_SECTION = PlanSection(
    id="education.recognition-inclusion",
    title=N_("Education: recognition of qualifications and inclusion of migrant learners"),
    build=_build,
    placement="annex",
    templates=("education",),
    applies=lambda plan: bool(education_interventions(plan)),
    description="The plan's education interventions (recognition of qualifications, "
    "inclusion of migrant and displaced learners) against the conventions and frameworks "
    "they rely on",
)

SECTIONS: tuple[PlanSection, ...] = (EDUCATION_SECTION,)
