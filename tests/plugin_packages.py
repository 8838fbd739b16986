"""Installed third-party plugin packages, made on the fly for the plugin tests.

:func:`install` writes a real distribution into a temporary directory — a package module
and a ``<dist>-<version>.dist-info`` folder with ``METADATA`` and ``entry_points.txt``
declaring a ``migsdg`` entry point — and puts that directory on ``sys.path``. That is what
``pip install`` leaves behind, so discovery goes through ``importlib.metadata`` exactly as
for a package installed from an index.
"""

from __future__ import annotations

import sys
import textwrap
import types
from pathlib import Path

import pytest

#: A complete third-party plugin: one hook of each kind.
AGRICULTURE = """
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


@rule("AGR101", "seasonal-workers-housing", severity=Severity.WARNING,
      summary="Agricultural interventions say how seasonal workers are housed.",
      why="Housing is a frequent gap for seasonal agricultural workers.")
def housing(ctx):
    for where, iv in ctx.interventions():
        if iv.sector == "agriculture" and "housing" not in iv.description.lower():
            yield Hit(location=f"{where}.description", intervention=iv.id,
                      message=f"intervention {iv.id!r} does not mention housing")


@hookimpl
def migsdg_register_intervention_types(register):
    register(InterventionSubtype(id="agriculture.seasonal-work", name="Seasonal work schemes",
                                 type=InterventionType.MIGRATION_PROGRAMMING, sector="agriculture"))


@hookimpl
def migsdg_register_intervention_templates(register):
    register(InterventionTemplate(
        id="agriculture.seasonal-scheme", sector="agriculture",
        title="Seasonal agricultural work scheme",
        description="A seasonal work scheme with decent housing and fair recruitment.",
        type=InterventionType.MIGRATION_PROGRAMMING, form=InterventionForm.PROGRAMME,
        subtype="agriculture.seasonal-work", targets=("8.8",),
        rationale="Seasonal workers are among the least protected.",
        actors=tuple(ActorSlot(stage=s, slot="agriculture-ministry", description="Ministry",
                               role=RoleKind.LEAD, tasks="Run it") for s in Stage),
        indicators=(SuggestedIndicator(indicator=IndicatorRef(kind=IndicatorKind.SDG,
                                                              code="8.8.1")),),
        funding_categories=(FundingCategory.DOMESTIC_BUDGET,),
        dac_sectors=("31110",),
    ))


@hookimpl
def migsdg_register_checks(register):
    register(housing)


@hookimpl
def migsdg_register_funding_sources(register):
    register(FundingSource(id="agri-fund", name="Agricultural Workers Fund",
                           category=FundingCategory.MIGRATION_FUND))


def write_text(plan, path, **options):
    Path(path).write_text(f"{plan.id}: {len(plan.interventions)} interventions\\n")


@hookimpl
def migsdg_register_exporters(register):
    register(Exporter(name="agri-summary", suffixes=(".agri.txt",),
                      description="One-line summary", write=write_text))
"""


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
