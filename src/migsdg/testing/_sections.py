"""Helpers for testing a plugin's sections of the Word draft and the workbook."""

from __future__ import annotations

import os
from pathlib import Path

from migsdg.hookspecs import Register, hookimpl
from migsdg.model import ActionPlan, Intervention
from migsdg.present import View
from migsdg.sections import PlanSection, build_section, section_views
from migsdg.testing._plans import sample_plan

__all__ = ["build_plan_section", "render_section"]


def build_plan_section(
    section: PlanSection,
    plan: ActionPlan | None = None,
    *,
    language: str = "en",
    intervention: Intervention | None = None,
) -> View:
    """Build ``section`` for ``plan`` (default: the national example) in ``language``, as
    the Word draft and the workbook will show it, and return the view.

    Unlike a draft, which leaves out a section that raises, this raises what the
    section's ``build`` raises, so a test sees the error. With ``intervention`` (for the
    ``intervention`` placement) only that intervention's part is built.
    """
    from migsdg.i18n import translator

    plan = plan if plan is not None else sample_plan("national")
    tr = translator(language)
    if intervention is not None or section.placement != "intervention":
        title, blocks = build_section(section, plan, tr, intervention)
        return View(key=section.id, language=language, title=title, intro=blocks, sections=())
    for iv in section.concerned(plan):
        build_section(section, plan, tr, iv)  # raise here, not inside the contained call
    [(_, view)] = section_views([section], plan, tr) or [(section, _empty(section, tr))]
    return view


def _empty(section: PlanSection, tr: object) -> View:
    from migsdg.i18n import Translator

    assert isinstance(tr, Translator)
    return View(
        key=section.id, language=tr.language, title=tr._(section.title), intro=(), sections=()
    )


class _OneSection:
    """A plugin registering one section (for :func:`render_section`)."""

    def __init__(self, section: PlanSection) -> None:
        self.section = section

    @hookimpl
    def migsdg_register_sections(self, register: Register) -> None:
        register(self.section)


def render_section(
    section: PlanSection,
    path: str | os.PathLike[str],
    plan: ActionPlan | None = None,
    *,
    language: str = "en",
    workbook: bool = False,
) -> Path:
    """Write a Word draft (or, with ``workbook``, a workbook) holding ``section`` for
    ``plan`` (default: the national example), as a plan's draft would show it, and return
    its path, for a test to reopen with python-docx or openpyxl.

    The draft has the cover and the section (with the interventions, for the
    ``intervention`` placement); the workbook has every sheet, the section's included.
    The section is registered under its namespace in a host of its own, so installed
    plugins play no part.
    """
    from migsdg.exporters import export
    from migsdg.testing._hosts import make_host, using_host

    plan = plan if plan is not None else sample_plan("national")
    host = make_host({section.plugin or section.namespace: _OneSection(section)})
    with using_host(host):
        if workbook:
            written = export(plan, Path(path), format="xlsx", language=language)
        else:
            parts = ["cover", section.id]
            if section.placement == "intervention":
                parts.insert(1, "interventions")
            written = export(plan, Path(path), format="docx", language=language, sections=parts)
    assert written is not None
    return written
