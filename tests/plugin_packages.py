"""Installed third-party plugin packages, made on the fly for the plugin tests.

:func:`install` writes a real distribution into a temporary directory — a package module
and a ``<dist>-<version>.dist-info`` folder with ``METADATA`` and ``entry_points.txt``
declaring a ``migsdg`` entry point — and puts that directory on ``sys.path``. That is what
``pip install`` leaves behind, so discovery goes through ``importlib.metadata`` exactly as
for a package installed from an index.

The test environment may hold real third-party plugins too (CI installs the example
``agriculture`` package). Tests that pin exactly what migsdg ships build their host from
:func:`bundled_entry_points` rather than from everything installed.
"""

from __future__ import annotations

import sys
import textwrap
import types
from importlib import metadata
from pathlib import Path

import pytest

from migsdg.plugins import ENTRY_POINT_GROUP

#: A complete third-party plugin: one hook of each kind. Its names (entry point
#: ``fisheries``, rule prefix ``FSH``) are its own, so that it never clashes with a real
#: plugin installed in the test environment, such as the example ``agriculture`` package.
FISHERIES = """
from decimal import Decimal
from pathlib import Path

from migsdg import hookimpl
from migsdg.checks import Hit, Severity, rule
from migsdg.exporters import Exporter
from migsdg.model import (
    FundingCategory, FundingSource, IndicatorKind, IndicatorRef, InterventionForm,
    InterventionType, RoleKind, Stage,
)
from migsdg.templates import (
    ActorSlot, InterventionSubtype, InterventionTemplate, SuggestedIndicator,
)


@rule("FSH101", "crew-work-agreements", severity=Severity.WARNING,
      summary="Fisheries interventions say how migrant crew get written work agreements.",
      why="Migrant fishers are often recruited without a written agreement on board.")
def agreements(ctx):
    for where, iv in ctx.interventions():
        if iv.sector == "fisheries" and "agreement" not in iv.description.lower():
            yield Hit(location=f"{where}.description", intervention=iv.id,
                      message=f"intervention {iv.id!r} does not mention work agreements")


@hookimpl
def migsdg_register_intervention_types(register):
    register(InterventionSubtype(id="fisheries.crew-recruitment", name="Crew recruitment schemes",
                                 type=InterventionType.MIGRATION_PROGRAMMING, sector="fisheries"))


@hookimpl
def migsdg_register_intervention_templates(register):
    register(InterventionTemplate(
        id="fisheries.crew-welfare", sector="fisheries",
        title="Decent work for migrant fishing crews",
        description="Written work agreements, fair recruitment and port welfare services.",
        type=InterventionType.MIGRATION_PROGRAMMING, form=InterventionForm.PROGRAMME,
        subtype="fisheries.crew-recruitment", targets=("8.8",),
        rationale="Migrant fishers work far from any inspection for months at a time.",
        actors=tuple(ActorSlot(stage=s, slot="fisheries-ministry", description="Ministry",
                               role=RoleKind.LEAD, tasks="Run it") for s in Stage),
        indicators=(SuggestedIndicator(indicator=IndicatorRef(kind=IndicatorKind.SDG,
                                                              code="8.8.1")),),
        funding_categories=(FundingCategory.DOMESTIC_BUDGET,),
        dac_sectors=("31310",),
    ))


@hookimpl
def migsdg_register_checks(register):
    register(agreements)


@hookimpl
def migsdg_register_funding_sources(register):
    register(FundingSource(id="fishers-fund", name="Fishers' Welfare Fund",
                           category=FundingCategory.MIGRATION_FUND))


def write_text(plan, path, **options):
    Path(path).write_text(f"{plan.id}: {len(plan.interventions)} interventions\\n")


@hookimpl
def migsdg_register_exporters(register):
    register(Exporter(name="fish-summary", suffixes=(".fish.txt",),
                      description="One-line summary", write=write_text))
"""


def bundled_entry_points() -> list[metadata.EntryPoint]:
    """The ``migsdg`` entry points of the ``migsdg`` distribution itself: the core and
    the bundled sector plugins, without any third-party plugin that happens to be
    installed. ``PluginHost(entry_points=bundled_entry_points())`` discovers them as an
    installed migsdg does (``MIGSDG_DISABLE_PLUGINS`` applies), for tests that pin the
    exact set of sectors, templates or rules migsdg ships."""
    return list(metadata.distribution("migsdg").entry_points.select(group=ENTRY_POINT_GROUP))


def install(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    entry_point: str,
    module: str,
    source: str,
    dist: str | None = None,
    version: str = "1.0",
) -> Path:
    """Install ``source`` as module ``module`` of a distribution declaring the ``migsdg``
    entry point ``entry_point = module``; return the site directory."""
    dist = dist or module.replace("_", "-")
    site = tmp_path / f"site-{module}"
    site.mkdir()
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[migsdg]\n{entry_point} = {module}\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(site))
    # Discovery imports the module; registering it with monkeypatch (then removing it at
    # once) makes pytest drop it from sys.modules after the test.
    monkeypatch.setitem(sys.modules, module, types.ModuleType(module))
    del sys.modules[module]
    return site
