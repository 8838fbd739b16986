"""Sections that sector plugins add to the Word draft and the workbook.

A plugin registers a :class:`PlanSection` through the ``migsdg_register_sections`` hook:
an id in the plugin's namespace (``labour.fair-recruitment``), a title, where it goes in
the draft (:data:`PLACEMENTS`), when it applies, and a ``build`` function that makes its
content from the plan as blocks of the presentation model (:mod:`migsdg.present`:
paragraphs and tables whose columns carry a language-independent key). The Word draft,
the workbook (as a computed sheet, ignored on import) and the command line render those
blocks like the core's own views; a plugin author never touches python-docx or openpyxl.

Texts are written in English and translated where they are shown: ``ctx._("…")`` looks
the message up in the section's own ``translations`` first, then in migsdg's catalogues
(the bundled plugins' messages are there). Building a section needs no Office library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from migsdg._guard import contain, describe, plugin_code
from migsdg.catalogue import catalogue
from migsdg.errors import MigsdgError
from migsdg.model import ActionPlan, Intervention
from migsdg.present import Block, Cell, Column, Para, ParaKind, Row, Section, Table, View

if TYPE_CHECKING:
    import datetime as _dt

    from migsdg.i18n import Translator

__all__ = [
    "PLACEMENTS",
    "Placement",
    "PlanSection",
    "SectionContext",
    "SectionFailure",
    "build_section",
    "section_views",
]

Placement = Literal["after_interventions", "annex", "intervention"]
#: Where a section can go: after the interventions (as a chapter of the plan), among the
#: annexes, or inside the section of each intervention it concerns.
PLACEMENTS: tuple[Placement, ...] = ("after_interventions", "annex", "intervention")


def _check_id(_: Any, attribute: attrs.Attribute[str], value: str) -> None:
    namespace, dot, name = value.partition(".")
    if not (dot and namespace and name) or not all(
        part.replace("-", "").replace("_", "").isalnum() and part.islower()
        for part in (namespace, name)
    ):
        raise MigsdgError(
            f"section id {value!r} must read '<namespace>.<name>' in lower case "
            "(e.g. 'labour.fair-recruitment')"
        )


def _check_placement(_: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in PLACEMENTS:
        raise MigsdgError(f"section placement {value!r}: expected one of {', '.join(PLACEMENTS)}")


def _sectors(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    return tuple(s.strip().casefold() for s in value if s.strip())


@attrs.frozen(kw_only=True)
class PlanSection:
    """A section a plugin adds to the Word draft and the workbook.

    Attributes:
        id: ``<namespace>.<name>``; the namespace is the plugin's (as for templates).
            ``migsdg export --sections``/``--omit`` take it.
        title: The title in English; translated like every other text of the section.
        build: ``build(ctx)`` returns the section's blocks (:class:`migsdg.present.Para`
            and :class:`migsdg.present.Table`), made with the :class:`SectionContext`'s
            helpers. For the ``intervention`` placement it is called once per intervention
            the section concerns, with ``ctx.intervention`` set.
        placement: One of :data:`PLACEMENTS`.
        sectors: The intervention sectors the section is about (compared without case:
            ``"Labour and employment"``). With ``templates``, they say which interventions
            the section concerns.
        templates: Template-id namespaces (``"labour"``) whose interventions the section
            concerns (an intervention made from ``labour.fair-recruitment`` or of a
            ``labour.`` sub-type). Defaults to the plugin's own namespace.
        applies: ``applies(plan)``: whether the plan gets the section. By default, when
            ``sectors`` or ``templates`` are given, whether any intervention is
            concerned; otherwise always.
        translations: ``{language: {English message: translation}}`` for the section's
            own texts (looked up before migsdg's catalogues).
        sheet: Whether the workbook shows the section as a computed sheet.
        description: One line for ``migsdg export --list-sections`` (English).
        plugin: The registering plugin (set by the host).
    """

    id: str = attrs.field(validator=_check_id)
    title: str
    build: Callable[[SectionContext], Sequence[Block]]
    placement: Placement = attrs.field(default="annex", validator=_check_placement)
    sectors: tuple[str, ...] = attrs.field(default=(), converter=_sectors)
    templates: tuple[str, ...] = ()
    applies: Callable[[ActionPlan], bool] | None = None
    translations: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    sheet: bool = True
    description: str = ""
    plugin: str = ""

    @property
    def namespace(self) -> str:
        """The part of the id before the dot."""
        return self.id.split(".", 1)[0]

    def concerns(self, intervention: Intervention) -> bool:
        """Whether the section is about ``intervention`` (by sector or template)."""
        if intervention.sector.strip().casefold() in self.sectors:
            return True
        namespaces = self.templates or (self.namespace,)
        for made_from in (intervention.template, intervention.subtype):
            if made_from and made_from.split(".", 1)[0] in namespaces:
                return True
        return False

    def concerned(self, plan: ActionPlan) -> tuple[Intervention, ...]:
        """The plan's interventions the section is about, in plan order."""
        return tuple(iv for iv in plan.interventions if self.concerns(iv))

    def applies_to(self, plan: ActionPlan) -> bool:
        """Whether ``plan`` gets this section."""
        if self.applies is not None:
            return bool(self.applies(plan))
        if self.placement == "intervention" or self.sectors or self.templates:
            return bool(self.concerned(plan))
        return True


@attrs.frozen
class SectionFailure:
    """A section that could not be built: it is left out and listed (the plugin's name,
    the section and what went wrong)."""

    plugin: str
    section: str
    reason: str

    def __str__(self) -> str:
        return f"section {self.section!r} of plugin {self.plugin!r} failed: {self.reason}"


class SectionContext:
    """What a section's ``build`` function gets: the plan, the language, the translator
    and helpers that make presentation-model blocks.

    ``ctx.intervention`` (and ``ctx.position``, its number in the plan) is set for the
    ``intervention`` placement.
    """

    def __init__(
        self,
        section: PlanSection,
        plan: ActionPlan,
        tr: Translator,
        intervention: Intervention | None = None,
        *,
        asked: set[str] | None = None,
    ) -> None:
        self.section = section
        self.plan = plan
        self.language = tr.language
        self.tr = tr
        self.intervention = intervention
        #: The intervention's number in the plan (1, 2 …), with ``intervention``.
        self.position: int | None = None
        if intervention is not None:
            for n, iv in enumerate(plan.interventions, start=1):
                if iv is intervention:
                    self.position = n
                    break
        self._own = section.translations.get(tr.language, {})
        self._asked = asked

    # -- text ------------------------------------------------------------------------

    def _(self, message: str, /, **values: Any) -> str:
        """``message`` (English) in the context's language, ``values`` filled in."""
        if self._asked is not None:
            self._asked.add(message)
        if message in self._own:
            text = self._own[message]
            return text.format(**values) if values else text
        return self.tr._(message, **values)

    def ngettext(self, singular: str, plural: str, n: int, /, **values: Any) -> str:
        """The form of the message for ``n`` (``{n}`` written as a number)."""
        if self._asked is not None:
            self._asked.add(singular)
        own = self._own.get(singular if n == 1 else plural)
        if own is not None:
            return own.format(n=self.tr.number(n), **values)
        return self.tr.ngettext(singular, plural, n, **values)

    def number(self, value: Decimal | int | float) -> str:
        """A number as the language writes it."""
        return self.tr.number(value)

    def amount(self, value: Decimal | int, currency: str | None = None) -> str:
        """An amount of money as the language writes it (with its currency if given)."""
        return self.tr.amount(value, currency)

    def value(self, value: Decimal | int | float) -> str:
        """An indicator value, every decimal kept."""
        return self.tr.value(value)

    def date(self, day: _dt.date) -> str:
        """A date as the language writes it."""
        return self.tr.date(day)

    # -- the plan, named for people -----------------------------------------------------

    def interventions(self) -> tuple[Intervention, ...]:
        """The interventions the section is about (by its sectors and templates)."""
        return self.section.concerned(self.plan)

    def intervention_name(self, intervention: Intervention) -> str:
        """``"Intervention 3: <title>"`` in the context's language."""
        for n, iv in enumerate(self.plan.interventions, start=1):
            if iv is intervention or iv.id == intervention.id:
                return self.tr._("Intervention {n}: {title}", n=n, title=iv.title or iv.id)
        return intervention.title or intervention.id

    def actor_name(self, actor_id: str | None) -> str:
        """An actor's name (its id only if the plan does not list it)."""
        for actor in self.plan.actors:
            if actor.id == actor_id:
                return actor.name or actor.id
        return actor_id or ""

    def target_text(self, code: str) -> str:
        """The official text of an SDG target or indicator in the context's language."""
        try:
            return catalogue().text(code, self.language)
        except MigsdgError:
            return code

    # -- blocks ------------------------------------------------------------------------

    def para(self, text: str, kind: ParaKind = "body") -> Para:
        """A paragraph (``kind``: body, note, strong, bullet or missing)."""
        return Para(text, kind)

    def table(
        self,
        key: str,
        columns: Sequence[tuple[str, str] | tuple[str, str, bool]],
        rows: Iterable[Sequence[str | Cell]],
        *,
        widths: Sequence[int] | None = None,
    ) -> Table:
        """A table: ``columns`` are ``(key, label)`` or ``(key, label, figure)`` where
        ``key`` is a language-independent name (usually the English label) and
        ``figure`` right-aligns numbers; each row gives one text or :class:`Cell` per
        column."""
        cols = tuple(
            Column(
                key=c[0],
                label=c[1],
                figure=bool(c[2]) if len(c) > 2 else False,
                width=widths[i] if widths is not None else 3,
            )
            for i, c in enumerate(columns)
        )
        body = []
        for row in rows:
            cells = tuple(c if isinstance(c, Cell) else Cell(str(c)) for c in row)
            if len(cells) != len(cols):
                raise MigsdgError(
                    f"table {key!r}: a row has {len(cells)} cells for {len(cols)} columns"
                )
            body.append(Row(cells))
        return Table(key=key, columns=cols, rows=tuple(body))


def _check_blocks(section: PlanSection, blocks: object) -> tuple[Block, ...]:
    if not isinstance(blocks, (list, tuple)):
        raise MigsdgError(
            f"build returned {type(blocks).__name__}, not a list of paragraphs and tables"
        )
    for block in blocks:
        if not isinstance(block, (Para, Table)):
            raise MigsdgError(
                f"build returned a {type(block).__name__}; a section holds "
                "migsdg.present.Para and migsdg.present.Table blocks"
            )
    return tuple(blocks)


def build_section(
    section: PlanSection,
    plan: ActionPlan,
    tr: Translator,
    intervention: Intervention | None = None,
    *,
    asked: set[str] | None = None,
) -> tuple[str, tuple[Block, ...]]:
    """The section's title and blocks for ``plan`` (for one intervention with the
    ``intervention`` placement). Raises whatever the plugin's ``build`` raises; callers
    that render a whole draft use :func:`section_views`, which contains failures."""
    ctx = SectionContext(section, plan, tr, intervention, asked=asked)
    title = ctx._(section.title)
    return title, _check_blocks(section, section.build(ctx))


def section_views(
    sections: Iterable[PlanSection],
    plan: ActionPlan,
    tr: Translator,
    *,
    placement: Placement | None = None,
    failures: list[SectionFailure] | None = None,
) -> list[tuple[PlanSection, View]]:
    """Each applicable section of ``plan`` as a view, in the order given.

    A section whose ``applies`` or ``build`` raises (anything but a user's Ctrl-C) is left
    out and recorded in ``failures``; the others are built. For the ``intervention``
    placement the view has one part per concerned intervention, titled with its name.
    """
    out: list[tuple[PlanSection, View]] = []
    for section in sections:
        if placement is not None and section.placement != placement:
            continue
        try:
            with plugin_code():
                view = _view(section, plan, tr)
        except BaseException as exc:  # a plugin's code: contained, named, left out
            if not contain(exc):
                raise
            if failures is not None:
                failures.append(SectionFailure(section.plugin, section.id, describe(exc)))
            continue
        if view is not None:
            out.append((section, view))
    return out


def _view(section: PlanSection, plan: ActionPlan, tr: Translator) -> View | None:
    if not section.applies_to(plan):
        return None
    if section.placement == "intervention":
        ctx = SectionContext(section, plan, tr)
        parts = []
        for iv in section.concerned(plan):
            _, blocks = build_section(section, plan, tr, iv)
            parts.append(Section(key=iv.id, title=ctx.intervention_name(iv), blocks=blocks))
        return View(
            key=section.id,
            language=tr.language,
            title=ctx._(section.title),
            intro=(),
            sections=tuple(parts),
        )
    title, blocks = build_section(section, plan, tr)
    return View(key=section.id, language=tr.language, title=title, intro=blocks, sections=())
