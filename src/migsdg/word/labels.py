"""Headings, labels and formats of the Word draft in English, Spanish and French.

The vocabulary follows the guide's own terms (Action Plan Criteria, resource mobilization
plan, interim targets) and, in Spanish and French, the terms of the official SDG and
Global Compact for Migration texts in those languages (ODS/ODD, metas/cibles, PMM).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
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
    "adoption_date": ("Adopted", "Adoptado", "Adopté"),
    "date_revision": ("{date} (revision {n})", "{date} (revisión {n})", "{date} (révision {n})"),
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
    "col_committed": (
        "Secured or pledged",
        "Asegurado o comprometido",
        "Acquis ou promis",
    ),
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
        "Totals cannot be computed: amounts in {currency} cannot be added to the plan's "
        "{plan_currency} without an exchange rate (at {where}). Add an exchange rate for "
        "{currency} to the plan, or give these amounts in {plan_currency}.",
        "No se pueden calcular los totales: los montos en {currency} no pueden sumarse a los "
        "del plan en {plan_currency} sin un tipo de cambio (en {where}). Añada al plan un tipo "
        "de cambio para {currency} o exprese esos montos en {plan_currency}.",
        "Les totaux ne peuvent pas être calculés : les montants en {currency} ne peuvent pas "
        "s'additionner à ceux du plan en {plan_currency} sans taux de change (à {where}). "
        "Ajoutez au plan un taux de change pour {currency} ou exprimez ces montants en "
        "{plan_currency}.",
    ),
    "no_rate_intervention": (
        "The funding position cannot be computed: amounts in {currency} cannot be added to "
        "the plan's {plan_currency} without an exchange rate (at {where}). Add an exchange "
        "rate for {currency} to the plan, or give these amounts in {plan_currency}.",
        "No se puede calcular la situación de la financiación: los montos en {currency} no "
        "pueden sumarse a los del plan en {plan_currency} sin un tipo de cambio (en {where}). "
        "Añada al plan un tipo de cambio para {currency} o exprese esos montos en "
        "{plan_currency}.",
        "La situation du financement ne peut pas être calculée : les montants en {currency} "
        "ne peuvent pas s'additionner à ceux du plan en {plan_currency} sans taux de change "
        "(à {where}). Ajoutez au plan un taux de change pour {currency} ou exprimez ces "
        "montants en {plan_currency}.",
    ),
    "col_resources": ("Resources", "Recursos", "Ressources"),
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
    # review and adoption (in the consultations and review record)
    "review_adoption": ("Review and adoption", "Revisión y adopción", "Examen et adoption"),
    "review_workshops": ("Review workshops", "Talleres de revisión", "Ateliers d'examen"),
    "col_groups": (
        "Stakeholder groups taking part",
        "Grupos de partes interesadas participantes",
        "Groupes de parties prenantes participants",
    ),
    "col_represented": (
        "Civil society or migrants represented",
        "Representación de la sociedad civil o de migrantes",
        "Société civile ou migrants représentés",
    ),
    "no_review": (
        "No review workshop is recorded yet.",
        "Aún no se ha registrado ningún taller de revisión.",
        "Aucun atelier d'examen n'est encore enregistré.",
    ),
    "status_history": ("Status history", "Historial de estados", "Historique des statuts"),
    "adoption": ("Adoption", "Adopción", "Adoption"),
    "adoption_national": (
        "The guide has a national plan reviewed at an interministerial workshop before it is "
        "adopted, ideally with representatives of civil society, academia, international "
        "agencies and others.",
        "La guía prevé que un plan nacional se revise en un taller interministerial antes de "
        "su adopción, idealmente con representantes de la sociedad civil, el mundo académico, "
        "los organismos internacionales y otros actores.",
        "Le guide prévoit qu'un plan national soit examiné lors d'un atelier interministériel "
        "avant son adoption, idéalement avec des représentants de la société civile, du "
        "milieu universitaire, des organisations internationales et d'autres acteurs.",
    ),
    "adoption_local": (
        "The guide has a {level} plan reviewed at multi-stakeholder local workshops before it "
        "is adopted, ideally with representatives of civil society, academia, international "
        "agencies and others.",
        "La guía prevé que un plan {level} se revise en talleres locales con múltiples partes "
        "interesadas antes de su adopción, idealmente con representantes de la sociedad "
        "civil, el mundo académico, los organismos internacionales y otros actores.",
        "Le guide prévoit qu'un plan {level} soit examiné lors d'ateliers locaux multipartites "
        "avant son adoption, idéalement avec des représentants de la société civile, du "
        "milieu universitaire, des organisations internationales et d'autres acteurs.",
    ),
    "adoption_no_level": (
        "The plan's level of government is not set, so the review it needs before adoption "
        "cannot be determined.",
        "No se ha indicado el nivel de gobierno del plan, por lo que no puede determinarse la "
        "revisión que requiere antes de su adopción.",
        "Le niveau de gouvernement du plan n'est pas indiqué : l'examen requis avant son "
        "adoption ne peut donc pas être déterminé.",
    ),
    "adoption_held": (
        "The record shows it: {workshops}.",
        "El registro lo acredita: {workshops}.",
        "Le registre en fait état : {workshops}.",
    ),
    "adoption_missing": (
        "The record does not show it yet: no {kind} is recorded.",
        "El registro aún no lo acredita: no se ha registrado ningún {kind}.",
        "Le registre n'en fait pas encore état : aucun {kind} n'est enregistré.",
    ),
    "adoption_after": (
        "The record does not show it before adoption: every such workshop recorded is dated "
        "after the adoption on {date}.",
        "El registro no lo acredita antes de la adopción: todos los talleres de ese tipo "
        "registrados son posteriores a la adopción del {date}.",
        "Le registre n'en fait pas état avant l'adoption : les ateliers de ce type enregistrés "
        "sont tous postérieurs à l'adoption du {date}.",
    ),
    "undated": ("undated", "sin fecha", "non daté"),
    "represented": (
        "Review workshops with civil society or migrant representation: {n} of {total}.",
        "Talleres de revisión con representación de la sociedad civil o de migrantes: {n} de "
        "{total}.",
        "Ateliers d'examen avec représentation de la société civile ou des migrants : {n} sur "
        "{total}.",
    ),
    "not_represented": (
        "No review recorded representatives of civil society or migrant associations.",
        "Ninguna revisión registrada contó con representantes de la sociedad civil o de "
        "asociaciones de migrantes.",
        "Aucun examen enregistré n'a réuni de représentants de la société civile ou "
        "d'associations de migrants.",
    ),
    "adopted_on": (
        "The plan was adopted on {date} (revision {n}).",
        "El plan se adoptó el {date} (revisión {n}).",
        "Le plan a été adopté le {date} (révision {n}).",
    ),
    "amended_on": (
        "Last amended on {date} (revision {n}).",
        "Última modificación: {date} (revisión {n}).",
        "Dernière modification : {date} (révision {n}).",
    ),
    "adopted_undated": (
        "The plan is recorded as {status}, but no revision records its adoption.",
        "El plan figura como {status}, pero ninguna revisión registra su adopción.",
        "Le plan est indiqué comme {status}, mais aucune révision n'en enregistre l'adoption.",
    ),
    "back_in_review": (
        "It has since gone back for review (status: {status}).",
        "Desde entonces ha vuelto a revisión (estado: {status}).",
        "Il a depuis été renvoyé en examen (statut : {status}).",
    ),
    "not_adopted": (
        "The plan is not adopted yet (status: {status}).",
        "El plan aún no se ha adoptado (estado: {status}).",
        "Le plan n'est pas encore adopté (statut : {status}).",
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
    # review of existing frameworks
    "annex_review": (
        "Review of existing frameworks against the prioritized targets",
        "Revisión de los marcos existentes respecto de las metas priorizadas",
        "Examen des cadres existants au regard des cibles prioritaires",
    ),
    "review_intro": (
        "Each prioritized SDG target is set against the existing institutions, strategies, "
        "legislation, policy frameworks, plans and projects of the inventory and against the "
        "interventions this plan proposes, in the manner of UNDP's Rapid Integrated "
        "Assessment, to find gaps, avoid duplication of effort and identify incoherence "
        "within policy areas (horizontal) or between levels of governance (vertical).",
        "Cada meta de los ODS priorizada se contrasta con las instituciones, estrategias, "
        "leyes, marcos de políticas, planes y proyectos existentes del inventario y con las "
        "intervenciones que propone este plan, al modo de la Evaluación Rápida Integrada "
        "(RIA) del PNUD, para detectar brechas, evitar la duplicación de esfuerzos e "
        "identificar incoherencias dentro de los ámbitos de política (horizontales) o entre "
        "niveles de gobierno (verticales).",
        "Chaque cible des ODD retenue comme prioritaire est mise en regard des institutions, "
        "stratégies, législations, cadres politiques, plans et projets existants recensés "
        "dans l'inventaire et des interventions que propose le plan, à la manière de "
        "l'évaluation intégrée rapide (RIA) du PNUD, afin de repérer les lacunes, d'éviter "
        "les doubles emplois et de détecter les incohérences au sein des domaines d'action "
        "publique (horizontales) ou entre niveaux de gouvernement (verticales).",
    ),
    "no_inventory": (
        "The plan records no inventory of existing frameworks yet, so the prioritized targets "
        "are set against the planned interventions only: coverage by existing frameworks, "
        "and possible duplication with them, cannot be assessed until the inventory is added.",
        "El plan aún no registra un inventario de marcos existentes, por lo que las metas "
        "priorizadas se contrastan solo con las intervenciones previstas: la cobertura por "
        "marcos existentes, y la posible duplicación con ellos, no podrán evaluarse hasta que "
        "se añada el inventario.",
        "Le plan ne comporte pas encore d'inventaire des cadres existants : les cibles "
        "prioritaires ne sont donc mises en regard que des interventions prévues. La "
        "couverture par des cadres existants, et les doubles emplois éventuels avec eux, ne "
        "pourront être évalués qu'une fois l'inventaire ajouté.",
    ),
    "review_no_targets": (
        "The plan prioritizes no SDG target yet (objectives with their targets), so there is "
        "nothing to review the frameworks and interventions against.",
        "El plan aún no prioriza ninguna meta de los ODS (objetivos con sus metas), por lo "
        "que no hay con qué contrastar los marcos y las intervenciones.",
        "Le plan ne retient encore aucune cible des ODD comme prioritaire (objectifs "
        "assortis de cibles) : il n'y a donc rien au regard de quoi examiner les cadres et "
        "les interventions.",
    ),
    "review_matrix": ("Alignment matrix", "Matriz de alineación", "Matrice d'alignement"),
    "col_migration": (
        "Relation to migration",
        "Relación con la migración",
        "Lien avec la migration",
    ),
    "migration_explicit": ("Explicit", "Explícita", "Explicite"),
    "migration_cross_cutting": ("Cross-cutting", "Transversal", "Transversal"),
    "migration_not_listed": ("Not listed", "No figura", "Non répertorié"),
    "col_existing": ("Existing frameworks", "Marcos existentes", "Cadres existants"),
    "col_planned": ("Planned interventions", "Intervenciones previstas", "Interventions prévues"),
    "matrix_note": (
        "Relation to migration as the catalogue of migration-related targets records it: "
        "explicit (the target or its indicators refer to migration) or cross-cutting.",
        "Relación con la migración según el catálogo de metas relacionadas con la "
        "migración: explícita (la meta o sus indicadores se refieren a la migración) o "
        "transversal.",
        "Lien avec la migration selon le catalogue des cibles liées aux migrations : "
        "explicite (la cible ou ses indicateurs mentionnent les migrations) ou transversal.",
    ),
    "matrix_gaps_shaded": (
        "Rows shaded orange are gaps.",
        "Las filas sombreadas en naranja son brechas.",
        "Les lignes surlignées en orange sont des lacunes.",
    ),
    "coverage": (
        "Prioritized targets covered: {covered} of {total} ({share}) by an existing framework "
        "or a planned intervention; {frameworks} ({frameworks_share}) by existing frameworks; "
        "{interventions} ({interventions_share}) by planned interventions.",
        "Metas priorizadas cubiertas: {covered} de {total} ({share}) por un marco existente o "
        "una intervención prevista; {frameworks} ({frameworks_share}) por marcos existentes; "
        "{interventions} ({interventions_share}) por intervenciones previstas.",
        "Cibles prioritaires couvertes : {covered} sur {total} ({share}) par un cadre existant "
        "ou une intervention prévue ; {frameworks} ({frameworks_share}) par des cadres "
        "existants ; {interventions} ({interventions_share}) par des interventions prévues.",
    ),
    "coverage_no_inventory": (
        "Prioritized targets covered by a planned intervention: {covered} of {total} ({share}).",
        "Metas priorizadas cubiertas por una intervención prevista: {covered} de {total} "
        "({share}).",
        "Cibles prioritaires couvertes par une intervention prévue : {covered} sur {total} "
        "({share}).",
    ),
    "gaps": ("Gaps", "Brechas", "Lacunes"),
    "gaps_intro": (
        "Prioritized targets that no existing framework and no planned intervention serve: "
        "where new interventions are most needed, or where the inventory is incomplete.",
        "Metas priorizadas que ningún marco existente ni ninguna intervención prevista "
        "atienden: es ahí donde más se necesitan nuevas intervenciones, o donde el inventario "
        "está incompleto.",
        "Cibles prioritaires qu'aucun cadre existant ni aucune intervention prévue ne "
        "couvrent : c'est là que de nouvelles interventions sont le plus nécessaires, ou que "
        "l'inventaire est incomplet.",
    ),
    "gaps_none": (
        "None: every prioritized target is served by an existing framework or a planned "
        "intervention.",
        "Ninguna: todas las metas priorizadas cuentan con un marco existente o una "
        "intervención prevista.",
        "Aucune : chaque cible prioritaire est couverte par un cadre existant ou une "
        "intervention prévue.",
    ),
    "duplication": ("Possible duplication", "Posible duplicación", "Risques de double emploi"),
    "duplication_intro": (
        "An intervention at the same level of governance and in the same policy area as an "
        "existing framework, sharing SDG targets with it, with no link recorded between them. "
        "Where the intervention deliberately builds on the framework, record the link and "
        "describe how the two work together.",
        "Una intervención del mismo nivel de gobierno y del mismo ámbito de política que un "
        "marco existente, con metas de los ODS en común y sin vínculo registrado entre ambos. "
        "Si la intervención se basa deliberadamente en el marco, registre el vínculo y "
        "describa cómo se articulan.",
        "Une intervention au même niveau de gouvernement et dans le même domaine d'action "
        "publique qu'un cadre existant, avec des cibles des ODD en commun et sans lien "
        "enregistré entre eux. Si l'intervention s'appuie délibérément sur le cadre, "
        "enregistrez le lien et décrivez leur articulation.",
    ),
    "duplication_none": (
        "None found.",
        "No se encontró ninguna.",
        "Aucun risque relevé.",
    ),
    "col_framework": ("Existing framework", "Marco existente", "Cadre existant"),
    "col_shared_targets": (
        "Shared SDG targets",
        "Metas de los ODS en común",
        "Cibles des ODD en commun",
    ),
    "duplication_full": (
        "(all of the intervention's targets)",
        "(todas las metas de la intervención)",
        "(toutes les cibles de l'intervention)",
    ),
    "horizontal": (
        "Horizontal coherence (within policy areas)",
        "Coherencia horizontal (dentro de los ámbitos de política)",
        "Cohérence horizontale (au sein des domaines d'action publique)",
    ),
    "horizontal_intro": (
        "One SDG target, at one level, in one policy area, handled by several lead bodies "
        "with no coordination recorded between them. Each line of the lead bodies column is "
        "a group with nothing recorded that links it to the others.",
        "Una misma meta de los ODS, en un mismo nivel y ámbito de política, a cargo de varias "
        "entidades responsables sin coordinación registrada entre ellas. Cada línea de la "
        "columna de entidades es un grupo sin ningún vínculo registrado con los demás.",
        "Une même cible des ODD, à un même niveau et dans un même domaine d'action publique, "
        "prise en charge par plusieurs organismes responsables sans coordination enregistrée "
        "entre eux. Chaque ligne de la colonne des organismes est un groupe qu'aucun lien "
        "enregistré ne relie aux autres.",
    ),
    "col_uncoordinated": (
        "Lead bodies with no coordination recorded",
        "Entidades responsables sin coordinación registrada",
        "Organismes responsables sans coordination enregistrée",
    ),
    "col_items": (
        "Frameworks and interventions",
        "Marcos e intervenciones",
        "Cadres et interventions",
    ),
    "vertical": (
        "Vertical coherence (between levels of governance)",
        "Coherencia vertical (entre niveles de gobierno)",
        "Cohérence verticale (entre niveaux de gouvernement)",
    ),
    "vertical_intro": (
        "Existing frameworks or interventions at two levels of governance serving one SDG "
        "target, with no link recorded between the levels. A lower-level intervention that "
        "implements a higher-level policy says so by linking to it.",
        "Marcos existentes o intervenciones de dos niveles de gobierno que atienden una misma "
        "meta de los ODS, sin vínculo registrado entre los niveles. Una intervención de nivel "
        "inferior que aplica una política de nivel superior lo indica vinculándose a ella.",
        "Des cadres existants ou des interventions de deux niveaux de gouvernement qui "
        "concourent à une même cible des ODD, sans lien enregistré entre les niveaux. Une "
        "intervention de niveau inférieur qui met en œuvre une politique de niveau supérieur "
        "l'indique en s'y rattachant.",
    ),
    "col_upper": ("Higher level", "Nivel superior", "Niveau supérieur"),
    "col_lower": ("Lower level", "Nivel inferior", "Niveau inférieur"),
    "coherence_none": (
        "None flagged.",
        "No se señaló ninguna incoherencia.",
        "Aucune incohérence relevée.",
    ),
    "incomplete": (
        "Inventory entries the review cannot fully compare",
        "Entradas del inventario que la revisión no puede comparar por completo",
        "Entrées de l'inventaire que l'examen ne peut pas comparer entièrement",
    ),
    "col_missing": ("Missing", "Datos que faltan", "Informations manquantes"),
    "unprioritized": (
        "For information: explicitly migration-related targets not prioritized",
        "A título informativo: metas explícitamente relacionadas con la migración no priorizadas",
        "Pour information : cibles explicitement liées aux migrations non retenues comme "
        "prioritaires",
    ),
    "unprioritized_intro": (
        "The catalogue relates these SDG targets explicitly to migration; the plan does not "
        "prioritize them. They are listed for information, for instance for the plan's next "
        "revision.",
        "El catálogo relaciona explícitamente estas metas de los ODS con la migración; el "
        "plan no las prioriza. Se enumeran a título informativo, por ejemplo para la próxima "
        "revisión del plan.",
        "Le catalogue rattache explicitement ces cibles des ODD aux migrations ; le plan ne "
        "les retient pas comme prioritaires. Elles sont indiquées pour information, par "
        "exemple en vue de la prochaine révision du plan.",
    ),
    "unprioritized_none": (
        "The plan prioritizes every explicitly migration-related target.",
        "El plan prioriza todas las metas explícitamente relacionadas con la migración.",
        "Le plan retient comme prioritaires toutes les cibles explicitement liées aux migrations.",
    ),
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
    "list_sep": ("; ", "; ", " ; "),
    "colon": (": ", ": ", "\u00a0: "),
    "no": ("No", "No", "Non"),
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

    def percent(self, part: int, whole: int) -> str:
        """``part`` of ``whole`` as a percentage to one decimal place, without a trailing
        ``.0`` ("87.5%", "87,5 %", "100 %"); 0 when ``whole`` is 0."""
        share = Decimal(0) if whole == 0 else Decimal(part * 100) / Decimal(whole)
        text = str(share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
        if text.endswith(".0"):
            text = text[:-2]
        if self.language == "en":
            return f"{text}%"
        return text.replace(".", ",") + "\u00a0%"

    def value(self, value: Decimal | int) -> str:
        """An indicator value, keeping every decimal it was given."""
        text = format(Decimal(value), ",f")
        whole, _, frac = text.partition(".")
        if self.language == "en":
            return text
        return whole.replace(",", "\u00a0") + (f",{frac}" if frac else "")


def labels(language: str) -> Labels:
    return Labels(language)
