"""Headings, labels and formats of the Word draft in English, Spanish and French.

The vocabulary follows the guide's own terms (Action Plan Criteria, resource mobilization
plan, interim targets) and, in Spanish and French, the terms of the official SDG and
Global Compact for Migration texts in those languages (ODS/ODD, metas/cibles, PMM).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from types import MappingProxyType

from migsdg.model import (
    ActorKind,
    CapacityLevel,
    ConsultationKind,
    Disaggregation,
    FrameworkKind,
    Frequency,
    FundingCategory,
    FundingStatus,
    GovernanceLevel,
    IndicatorKind,
    InterventionForm,
    InterventionType,
    PlanStatus,
    RoleKind,
    Stage,
    SupportingActivityKind,
    _Choice,
)

__all__ = ["LANGUAGES", "TEXTS", "Labels", "labels"]

LANGUAGES = ("en", "es", "fr")

# Each entry: English, Spanish, French. Texts with {placeholders} are formatted by callers.
_T: dict[str, tuple[str, str, str]] = {
    # cover
    "plan_kind": (
        "Migration-SDG Action Plan",
        "Plan de Acción Migración-ODS",
        "Plan d'action Migration-ODD",
    ),
    "untitled": ("Untitled plan", "Plan sin título", "Plan sans titre"),
    "draft_banner": (
        "DRAFT — for review; not adopted",
        "BORRADOR — para revisión; no adoptado",
        "PROJET — pour examen ; non adopté",
    ),
    "draft_header": ("DRAFT", "BORRADOR", "PROJET"),
    "authority": ("Responsible authority", "Autoridad responsable", "Autorité responsable"),
    "level": ("Level of government", "Nivel de gobierno", "Niveau de gouvernement"),
    "country": ("Country", "País", "Pays"),
    "period": ("Plan period", "Período del plan", "Période du plan"),
    "status": ("Status", "Estado", "Statut"),
    "revision": ("Revision", "Revisión", "Révision"),
    "revision_date": ("Revision date", "Fecha de la revisión", "Date de la révision"),
    "currency": ("Currency", "Moneda", "Monnaie"),
    "parent_plan": ("Parent plan", "Plan de referencia", "Plan de rattachement"),
    "summary": ("Summary", "Resumen", "Résumé"),
    "no_revision": (
        "no revision recorded yet",
        "aún no se ha registrado ninguna revisión",
        "aucune révision enregistrée",
    ),
    "period_range": ("{start} to {end}", "del {start} al {end}", "du {start} au {end}"),
    # contents
    "contents": ("Contents", "Índice", "Table des matières"),
    "toc_placeholder": (
        "The table of contents is updated when the document is opened; if it is not, "
        "right-click here and choose Update Field.",
        "El índice se actualiza al abrir el documento; si no es así, haga clic aquí con el "
        "botón derecho y elija «Actualizar campo».",
        "La table des matières est mise à jour à l'ouverture du document ; sinon, cliquez "
        "ici avec le bouton droit et choisissez « Mettre à jour les champs ».",
    ),
    # objectives and targets
    "objectives_heading": (
        "Objectives and SDG targets addressed",
        "Objetivos y metas de los ODS abordadas",
        "Objectifs et cibles des ODD visées",
    ),
    "col_objectives": (
        "Local or national objectives",
        "Objetivos locales o nacionales",
        "Objectifs locaux ou nationaux",
    ),
    "col_sdg_targets": (
        "SDG targets addressed",
        "Metas de los ODS abordadas",
        "Cibles des ODD visées",
    ),
    "coverage_heading": (
        "SDG targets and the interventions addressing them",
        "Metas de los ODS e intervenciones que las abordan",
        "Cibles des ODD et interventions qui y répondent",
    ),
    "col_target": ("SDG target", "Meta de los ODS", "Cible des ODD"),
    "col_interventions": ("Interventions", "Intervenciones", "Interventions"),
    "interim_heading": ("Interim targets", "Metas intermedias", "Cibles intermédiaires"),
    "col_id": ("ID", "ID", "ID"),
    "col_indicator": ("Indicator", "Indicador", "Indicateur"),
    "col_value": ("Value", "Valor", "Valeur"),
    "col_due": ("Due", "Plazo", "Échéance"),
    "col_description": ("Description", "Descripción", "Description"),
    # interventions
    "interventions_heading": ("Interventions", "Intervenciones", "Interventions"),
    "intervention_heading": (
        "Intervention {n}: {title}",
        "Intervención {n}: {title}",
        "Intervention {n}\u00a0: {title}",
    ),
    "criterion_description": (
        "Description and type of intervention",
        "Descripción y tipo de intervención",
        "Description et type d'intervention",
    ),
    "criterion_rationale": ("Rationale", "Justificación", "Justification"),
    "criterion_roles": (
        "Roles and tasks of implementing actors",
        "Funciones y tareas de los actores de ejecución",
        "Rôles et tâches des acteurs de mise en œuvre",
    ),
    "criterion_timeframe": ("Timeframe", "Calendario", "Calendrier"),
    "criterion_results": (
        "Expected outputs and outcomes",
        "Productos y resultados esperados",
        "Produits et résultats attendus",
    ),
    "criterion_supporting": ("Supporting activities", "Actividades de apoyo", "Activités d'appui"),
    "criterion_resources": (
        "Resources required and funding arrangements",
        "Recursos necesarios y modalidades de financiación",
        "Ressources nécessaires et modalités de financement",
    ),
    "criterion_monitoring": (
        "Monitoring and evaluation",
        "Seguimiento y evaluación",
        "Suivi et évaluation",
    ),
    "type": ("Type of intervention", "Tipo de intervención", "Type d'intervention"),
    "form": ("Form", "Modalidad", "Forme"),
    "sector": ("Sector", "Sector", "Secteur"),
    "subtype": ("Sub-type", "Subtipo", "Sous-type"),
    "policy_area": ("Policy area", "Ámbito de política", "Domaine d'action publique"),
    "targets": ("SDG targets", "Metas de los ODS", "Cibles des ODD"),
    "objectives": ("Objectives", "Objetivos", "Objectifs"),
    "beneficiaries": ("Beneficiaries", "Beneficiarios", "Bénéficiaires"),
    "beneficiary_count": ("about {n}", "aprox. {n}", "environ {n}"),
    "gcm": (
        "Global Compact for Migration objectives",
        "Objetivos del Pacto Mundial para la Migración",
        "Objectifs du Pacte mondial sur les migrations",
    ),
    "domains": (
        "Migration governance domains (SDG indicator 10.7.2)",
        "Ámbitos de la gobernanza migratoria (indicador 10.7.2 de los ODS)",
        "Domaines de la gouvernance des migrations (indicateur 10.7.2 des ODD)",
    ),
    "links": (
        "Related frameworks and interventions",
        "Marcos e intervenciones relacionados",
        "Cadres et interventions liés",
    ),
    "notes": ("Notes", "Notas", "Notes"),
    "col_stage": ("Stage", "Etapa", "Étape"),
    "col_actor": ("Actor", "Actor", "Acteur"),
    "col_role": ("Role", "Función", "Rôle"),
    "col_tasks": ("Tasks", "Tareas", "Tâches"),
    "coordination": (
        "Coordination between actors",
        "Coordinación entre los actores",
        "Coordination entre les acteurs",
    ),
    "start": ("Start", "Inicio", "Début"),
    "end": ("End", "Fin", "Fin"),
    "milestones": ("Milestones", "Hitos", "Jalons"),
    "col_date": ("Date", "Fecha", "Date"),
    "col_milestone": ("Milestone", "Hito", "Jalon"),
    "interim_served": (
        "Interim targets served",
        "Metas intermedias a las que contribuye",
        "Cibles intermédiaires visées",
    ),
    "no_interim": (
        "No interim target has been set for the targets of this intervention.",
        "No se han fijado metas intermedias para las metas de esta intervención.",
        "Aucune cible intermédiaire n'a été fixée pour les cibles de cette intervention.",
    ),
    "outputs": ("Expected outputs", "Productos esperados", "Produits attendus"),
    "col_output": ("Output", "Producto", "Produit"),
    "outcomes": ("Expected outcomes", "Resultados esperados", "Résultats attendus"),
    "col_kind": ("Kind", "Tipo", "Type"),
    "col_cost": ("Cost ({currency})", "Costo ({currency})", "Coût ({currency})"),
    "col_builds_capacity": (
        "Builds capacity of",
        "Fortalece la capacidad de",
        "Renforce les capacités de",
    ),
    "resources": ("Costed resources", "Recursos presupuestados", "Ressources chiffrées"),
    "col_item": ("Item", "Concepto", "Poste"),
    "col_year": ("Year", "Año", "Année"),
    "col_amount": ("Amount ({currency})", "Monto ({currency})", "Montant ({currency})"),
    "funding": (
        "Funding arrangements",
        "Modalidades de financiación",
        "Modalités de financement",
    ),
    "col_source": ("Source", "Fuente", "Source"),
    "col_category": ("Category", "Categoría", "Catégorie"),
    "col_status": ("Status", "Estado", "Statut"),
    "col_notes": ("Notes", "Notas", "Notes"),
    "funding_position": (
        "Funding position ({currency})",
        "Situación de la financiación ({currency})",
        "Situation du financement ({currency})",
    ),
    "required": (
        "Required (resources and supporting activities)",
        "Necesario (recursos y actividades de apoyo)",
        "Besoins (ressources et activités d'appui)",
    ),
    "col_required": ("Required", "Necesario", "Besoins"),
    "secured": ("Secured", "Asegurado", "Acquis"),
    "pledged": ("Pledged", "Comprometido", "Promis"),
    "proposed": ("Proposed (sought)", "Propuesto (solicitado)", "Proposé (sollicité)"),
    "col_proposed": ("Proposed", "Propuesto", "Proposé"),
    "gap": ("Funding gap", "Déficit de financiación", "Déficit de financement"),
    "col_gap": ("Gap", "Déficit", "Déficit"),
    "col_total": ("Total", "Total", "Total"),
    "total": ("Total", "Total", "Total"),
    "gap_note": (
        "The gap is what is neither secured nor pledged; proposed funding is still sought.",
        "El déficit es lo que no está asegurado ni comprometido; la financiación propuesta "
        "aún se está solicitando.",
        "Le déficit correspond à ce qui n'est ni acquis ni promis ; le financement proposé "
        "est encore sollicité.",
    ),
    "no_rate": (
        "Totals cannot be computed: {problem}",
        "No se pueden calcular los totales: {problem}",
        "Les totaux ne peuvent pas être calculés : {problem}",
    ),
    "col_baseline": ("Baseline", "Línea de base", "Valeur de référence"),
    "col_interim": ("Interim targets", "Metas intermedias", "Cibles intermédiaires"),
    "col_final": ("Final target", "Meta final", "Cible finale"),
    "col_data_source": ("Data source", "Fuente de datos", "Source des données"),
    "col_frequency": ("Frequency", "Frecuencia", "Fréquence"),
    "col_responsible": ("Responsible", "Responsable", "Responsable"),
    "col_disaggregation": ("Disaggregation", "Desagregación", "Ventilation"),
    "col_intervention": ("Intervention", "Intervención", "Intervention"),
    # timeline
    "timeline_heading": ("Timeline", "Cronograma", "Chronogramme"),
    "timeline_note": (
        "Shaded cells show when each intervention runs; ◆ marks a milestone.",
        "Las celdas sombreadas indican cuándo se ejecuta cada intervención; ◆ señala un hito.",
        "Les cellules grisées indiquent la période de mise en œuvre de chaque intervention ; "
        "◆ signale un jalon.",
    ),
    "timeline_empty": (
        "No intervention has both a start and an end date yet.",
        "Ninguna intervención tiene todavía fecha de inicio y de fin.",
        "Aucune intervention n'a encore de date de début et de fin.",
    ),
    "quarter": ("Q{q} {year}", "T{q} {year}", "T{q} {year}"),
    # annexes
    "annex": ("Annex {letter}. {title}", "Anexo {letter}. {title}", "Annexe {letter}. {title}"),
    "annex_resources": (
        "Resource mobilization plan",
        "Plan de movilización de recursos",
        "Plan de mobilisation des ressources",
    ),
    "annex_resources_intro": (
        "All amounts in {currency}. Required resources include supporting activities.",
        "Todos los montos en {currency}. Los recursos necesarios incluyen las actividades "
        "de apoyo.",
        "Tous les montants en {currency}. Les besoins incluent les activités d'appui.",
    ),
    "by_intervention": ("By intervention", "Por intervención", "Par intervention"),
    "by_category": (
        "By category of funding source",
        "Por categoría de fuente de financiación",
        "Par catégorie de source de financement",
    ),
    "by_source": (
        "By funding source and partner",
        "Por fuente de financiación y socio",
        "Par source de financement et partenaire",
    ),
    "col_provider": ("Partner", "Socio", "Partenaire"),
    "uncategorised": (
        "No category or unknown source",
        "Sin categoría o fuente desconocida",
        "Sans catégorie ou source inconnue",
    ),
    "needing": (
        "Interventions requiring additional resources",
        "Intervenciones que requieren recursos adicionales",
        "Interventions nécessitant des ressources supplémentaires",
    ),
    "none_needing": (
        "Every intervention is fully covered by secured or pledged funding.",
        "Todas las intervenciones están plenamente cubiertas por financiación asegurada o "
        "comprometida.",
        "Toutes les interventions sont entièrement couvertes par des financements acquis ou "
        "promis.",
    ),
    "annex_monitoring": (
        "Monitoring and evaluation framework",
        "Marco de seguimiento y evaluación",
        "Cadre de suivi et d'évaluation",
    ),
    "annex_consultations": (
        "Consultations and review record",
        "Registro de consultas y revisión",
        "Registre des consultations et de l'examen",
    ),
    "col_title": ("Title", "Título", "Intitulé"),
    "col_participants": ("Participants", "Participantes", "Participants"),
    "col_decisions": ("Decisions", "Decisiones", "Décisions"),
    "participants_count": ("{n} participants", "{n} participantes", "{n} participants"),
    "no_review": (
        "No review workshop is recorded yet: the guide asks for the plan to be reviewed "
        "before adoption.",
        "Aún no se ha registrado ningún taller de revisión: la guía pide que el plan se "
        "revise antes de su adopción.",
        "Aucun atelier d'examen n'est encore enregistré : le guide demande que le plan soit "
        "examiné avant son adoption.",
    ),
    "annex_revisions": ("Revision history", "Historial de revisiones", "Historique des révisions"),
    "col_revision": ("Revision", "Revisión", "Révision"),
    "col_author": ("Author", "Autor", "Auteur"),
    "col_changes": ("Summary of changes", "Resumen de los cambios", "Résumé des modifications"),
    "annex_frameworks": (
        "Inventory of existing frameworks",
        "Inventario de marcos existentes",
        "Inventaire des cadres existants",
    ),
    "col_name": ("Name", "Nombre", "Nom"),
    "col_level": ("Level", "Nivel", "Niveau"),
    "col_owner": ("Lead body", "Entidad responsable", "Organisme responsable"),
    "col_coordination": ("Coordination", "Coordinación", "Coordination"),
    "annex_findings": (
        "Open check findings",
        "Observaciones pendientes de la verificación",
        "Constats de vérification en suspens",
    ),
    "findings_intro": (
        "Checked against the action-plan criteria as at {date}: {errors} errors, "
        "{warnings} warnings, {infos} notes.",
        "Verificación según los criterios del plan de acción al {date}: {errors} errores, "
        "{warnings} advertencias, {infos} notas.",
        "Vérification au regard des critères du plan d'action au {date} : {errors} erreurs, "
        "{warnings} avertissements, {infos} remarques.",
    ),
    "findings_intro_undated": (
        "Checked against the action-plan criteria: {errors} errors, {warnings} warnings, "
        "{infos} notes.",
        "Verificación según los criterios del plan de acción: {errors} errores, "
        "{warnings} advertencias, {infos} notas.",
        "Vérification au regard des critères du plan d'action : {errors} erreurs, "
        "{warnings} avertissements, {infos} remarques.",
    ),
    "findings_none": (
        "The checks found nothing left open.",
        "La verificación no encontró nada pendiente.",
        "La vérification n'a relevé aucun point en suspens.",
    ),
    "col_code": ("Code", "Código", "Code"),
    "col_severity": ("Severity", "Gravedad", "Gravité"),
    "col_location": ("Where", "Ubicación", "Emplacement"),
    "col_finding": ("Finding", "Observación", "Constat"),
    "col_hint": ("How to address it", "Cómo resolverla", "Comment y remédier"),
    # markers and page furniture
    "to_complete": ("[To be completed]", "[Por completar]", "[À compléter]"),
    "yes": ("Yes", "Sí", "Oui"),
    "page": ("Page {page} of {pages}", "Página {page} de {pages}", "Page {page} sur {pages}"),
    "subject": (
        "Migration-SDG Action Plan",
        "Plan de Acción Migración-ODS",
        "Plan d'action Migration-ODD",
    ),
    "keywords": (
        "SDG; migration; action plan",
        "ODS; migración; plan de acción",
        "ODD; migration; plan d'action",
    ),
}

_ENUMS: tuple[tuple[_Choice, str, str], ...] = (
    (GovernanceLevel.NATIONAL, "Nacional", "National"),
    (GovernanceLevel.SUBNATIONAL, "Subnacional", "Infranational"),
    (GovernanceLevel.LOCAL, "Local", "Local"),
    (PlanStatus.DRAFT, "Borrador", "Projet"),
    (PlanStatus.IN_REVIEW, "En revisión", "En cours d'examen"),
    (PlanStatus.VALIDATED, "Validado", "Validé"),
    (PlanStatus.ADOPTED, "Adoptado", "Adopté"),
    (PlanStatus.AMENDED, "Modificado tras su adopción", "Modifié après adoption"),
    (
        InterventionType.NEW_POLICY_OR_LEGISLATION,
        "Nueva política o legislación",
        "Nouvelle politique et/ou législation",
    ),
    (
        InterventionType.MAINSTREAMING_POLICY,
        "Integración de la migración en otras políticas, estrategias o legislación",
        "Intégration de la migration dans d'autres politiques, stratégies et/ou législations",
    ),
    (
        InterventionType.MAINSTREAMING_PROGRAMMING,
        "Integración de la migración en la programación del desarrollo",
        "Intégration de la migration dans la programmation du développement",
    ),
    (
        InterventionType.MIGRATION_PROGRAMMING,
        "Diseño y ejecución de programas sobre migración",
        "Conception et mise en œuvre de programmes migratoires",
    ),
    (
        InterventionType.RIGHTS_BASED,
        "Enfoques basados en los derechos",
        "Approches fondées sur les droits",
    ),
    (
        InterventionType.CAPACITY_BUILDING,
        "Fortalecimiento de la capacidad técnica e intercambio de conocimientos",
        "Renforcement des capacités techniques et partage des connaissances",
    ),
    (
        InterventionForm.POLICY_PROCESS,
        "Proceso de política",
        "Processus d'élaboration de politique",
    ),
    (InterventionForm.LEGISLATIVE_CHANGE, "Reforma legislativa", "Réforme législative"),
    (InterventionForm.PROGRAMME, "Programa", "Programme"),
    (InterventionForm.PROJECT, "Proyecto", "Projet"),
    (Stage.DESIGN, "Diseño", "Conception"),
    (Stage.IMPLEMENTATION, "Ejecución", "Mise en œuvre"),
    (Stage.MONITORING, "Seguimiento", "Suivi"),
    (Stage.EVALUATION, "Evaluación", "Évaluation"),
    (RoleKind.LEAD, "Responsable principal", "Chef de file"),
    (RoleKind.SUPPORT, "Apoyo", "Appui"),
    (RoleKind.CONSULTED, "Consultado", "Consulté"),
    (ActorKind.GOVERNMENT, "Gobierno nacional", "Gouvernement national"),
    (ActorKind.SUBNATIONAL_GOVERNMENT, "Gobierno subnacional", "Collectivité infranationale"),
    (ActorKind.CIVIL_SOCIETY, "Sociedad civil", "Société civile"),
    (
        ActorKind.MIGRANT_ASSOCIATION,
        "Asociación de migrantes o de la diáspora",
        "Association de migrants ou de la diaspora",
    ),
    (ActorKind.ACADEMIA, "Academia", "Milieu universitaire"),
    (
        ActorKind.INTERNATIONAL_ORGANISATION,
        "Organización internacional",
        "Organisation internationale",
    ),
    (ActorKind.PRIVATE_SECTOR, "Sector privado", "Secteur privé"),
    (ActorKind.DEVELOPMENT_PARTNER, "Socio para el desarrollo", "Partenaire de développement"),
    (ActorKind.OTHER, "Otros", "Autres"),
    (CapacityLevel.ADEQUATE, "Adecuada", "Suffisante"),
    (CapacityLevel.PARTIAL, "Parcial", "Partielle"),
    (CapacityLevel.LACKING, "Insuficiente", "Insuffisante"),
    (
        FundingCategory.DOMESTIC_BUDGET,
        "Estrategias y presupuestos locales y nacionales existentes",
        "Stratégies et budgets locaux et nationaux existants",
    ),
    (
        FundingCategory.SDG_FUND,
        "Otros fondos relacionados con los ODS",
        "Autres fonds liés aux ODD",
    ),
    (
        FundingCategory.MIGRATION_FUND,
        "Fondos específicos para la migración de socios para el desarrollo",
        "Fonds consacrés aux migrations des partenaires de développement",
    ),
    (
        FundingCategory.INNOVATIVE_FINANCE,
        "Financiación innovadora vinculada a la migración",
        "Financements innovants liés aux migrations",
    ),
    (FundingStatus.SECURED, "Asegurado", "Acquis"),
    (FundingStatus.PLEDGED, "Comprometido", "Promis"),
    (FundingStatus.PROPOSED, "Propuesto", "Proposé"),
    (SupportingActivityKind.TRAINING, "Formación", "Formation"),
    (
        SupportingActivityKind.CAPACITY_BUILDING,
        "Fortalecimiento de capacidades",
        "Renforcement des capacités",
    ),
    (SupportingActivityKind.ADVOCACY, "Incidencia", "Plaidoyer"),
    (
        SupportingActivityKind.KNOWLEDGE_SHARING,
        "Intercambio de conocimientos",
        "Partage des connaissances",
    ),
    (SupportingActivityKind.AWARENESS_RAISING, "Sensibilización", "Sensibilisation"),
    (SupportingActivityKind.OTHER, "Otra", "Autre"),
    (IndicatorKind.SDG, "Indicador de los ODS", "Indicateur des ODD"),
    (IndicatorKind.NATIONAL, "Indicador nacional", "Indicateur national"),
    (IndicatorKind.PROXY, "Indicador sustitutivo", "Indicateur indirect"),
    (Disaggregation.SEX, "Sexo", "Sexe"),
    (Disaggregation.AGE, "Edad", "Âge"),
    (Disaggregation.MIGRATORY_STATUS, "Situación migratoria", "Statut migratoire"),
    (Disaggregation.INCOME, "Ingresos", "Revenu"),
    (Disaggregation.RACE, "Raza", "Race"),
    (Disaggregation.ETHNICITY, "Etnia", "Appartenance ethnique"),
    (Disaggregation.DISABILITY, "Discapacidad", "Handicap"),
    (Disaggregation.GEOGRAPHIC_LOCATION, "Ubicación geográfica", "Situation géographique"),
    (Disaggregation.NATIONALITY, "Nacionalidad", "Nationalité"),
    (Frequency.MONTHLY, "Mensual", "Mensuelle"),
    (Frequency.QUARTERLY, "Trimestral", "Trimestrielle"),
    (Frequency.SEMIANNUAL, "Semestral", "Semestrielle"),
    (Frequency.ANNUAL, "Anual", "Annuelle"),
    (Frequency.BIENNIAL, "Bienal", "Biennale"),
    (Frequency.END_OF_PERIOD, "Al final del período", "En fin de période"),
    (
        ConsultationKind.TARGET_CONSULTATION,
        "Consulta sobre las metas",
        "Consultation sur les cibles",
    ),
    (ConsultationKind.PLANNING_MEETING, "Reunión de planificación", "Réunion de planification"),
    (
        ConsultationKind.RESOURCE_MOBILIZATION,
        "Reunión de movilización de recursos",
        "Réunion de mobilisation des ressources",
    ),
    (
        ConsultationKind.INTERMINISTERIAL_WORKSHOP,
        "Taller interministerial",
        "Atelier interministériel",
    ),
    (
        ConsultationKind.LOCAL_MULTISTAKEHOLDER_WORKSHOP,
        "Taller local con múltiples partes interesadas",
        "Atelier local multipartite",
    ),
    (ConsultationKind.VALIDATION_MEETING, "Reunión de validación", "Réunion de validation"),
    (FrameworkKind.INSTITUTION, "Institución", "Institution"),
    (FrameworkKind.STRATEGY, "Estrategia", "Stratégie"),
    (FrameworkKind.LEGISLATION, "Legislación", "Législation"),
    (FrameworkKind.POLICY_FRAMEWORK, "Marco de políticas", "Cadre politique"),
    (FrameworkKind.PLAN, "Plan", "Plan"),
    (FrameworkKind.PROJECT, "Proyecto", "Projet"),
)

# Keyed by (enum class, value): members of different enums with the same value (national,
# project, other…) compare equal as strings.
_BY_KEY: dict[tuple[type, str], tuple[str, str]] = {
    (type(member), member.value): (es, fr) for member, es, fr in _ENUMS
}

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}

#: Word's language tag for proofing, by export language.
WORD_LANGUAGE = MappingProxyType({"en": "en-GB", "es": "es-ES", "fr": "fr-FR"})

TEXTS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        lang: MappingProxyType({key: texts[i] for key, texts in _T.items()})
        for i, lang in enumerate(LANGUAGES)
    }
)

_CENT = Decimal("0.01")


class Labels:
    """The texts and formats of one language."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        self.language = language
        self._texts = TEXTS[language]
        self._index = LANGUAGES.index(language)

    def __getitem__(self, key: str) -> str:
        return self._texts[key]

    def format(self, key: str, **values: object) -> str:
        return self._texts[key].format(**values)

    def enum(self, member: _Choice) -> str:
        """The label of an enum member in this language."""
        if self._index == 0:
            return member.label
        translated = _BY_KEY.get((type(member), member.value))
        return translated[self._index - 1] if translated is not None else member.label

    def date(self, day: _dt.date) -> str:
        """A date written out in full ("5 March 2026", "5 de marzo de 2026", "5 mars 2026")."""
        month = _MONTHS[self.language][day.month - 1]
        if self.language == "es":
            return f"{day.day} de {month} de {day.year}"
        if self.language == "fr":
            return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
        return f"{day.day} {month} {day.year}"

    def number(self, value: Decimal | int) -> str:
        """A number with this language's separators; cents only when there are any."""
        value = Decimal(value)
        if value == value.to_integral_value():
            whole, frac = f"{int(value):,}", ""
        else:
            text = f"{value.quantize(_CENT, rounding=ROUND_HALF_EVEN):,.2f}"
            whole, frac = text.split(".")
        if self.language == "en":
            return whole + (f".{frac}" if frac else "")
        # Spanish and French: a non-breaking space between thousands, a decimal comma.
        return whole.replace(",", "\u00a0") + (f",{frac}" if frac else "")

    def value(self, value: Decimal | int) -> str:
        """An indicator value, keeping every decimal it was given."""
        text = format(Decimal(value), ",f")
        whole, _, frac = text.partition(".")
        if self.language == "en":
            return text
        return whole.replace(",", "\u00a0") + (f",{frac}" if frac else "")


def labels(language: str) -> Labels:
    return Labels(language)
