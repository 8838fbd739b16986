"""Helpers for testing migsdg plugins.

Plain functions, usable from any test runner or script:

* :func:`make_host` — a plugin host with exactly the plugins given (with or without the
  installed ones); :func:`using_host` makes it the process-wide host for a ``with`` block;
* :func:`sample_plan` (the embedded national or provincial example), :func:`minimal_plan`
  (the smallest plan the core checks find no error in), :func:`sample_plans` (the plans
  a plugin's rules must cope with) and :func:`round_trip` (through the plan file format);
* :func:`check_plugin_contract` / :func:`assert_plugin_contract` — everything a plugin
  must satisfy, checked in one call, every problem reported;
* :func:`expected_template_errors` and :func:`intervention_errors` — what a template
  cannot know, and what the checks say about one intervention;
* :func:`build_plan_section` and :func:`render_section` — a plugin's section of the Word
  draft and the workbook, built on a plan, and written to a document to reopen.

Installed with migsdg as a pytest plugin (``migsdg.testing.pytest_plugin``), which adds
the fixtures ``migsdg_host``, ``migsdg_make_host``, ``migsdg_plugins``,
``migsdg_sample_plan`` and ``migsdg_minimal_plan``. Nothing here imports pytest.
"""

from __future__ import annotations

from migsdg.testing._contract import (
    ContractProblem,
    ContractReport,
    assert_plugin_contract,
    check_plugin_contract,
    expected_template_errors,
    intervention_errors,
)
from migsdg.testing._hosts import load_installed_plugin, make_host, plugin_name, using_host
from migsdg.testing._plans import minimal_plan, round_trip, sample_plan, sample_plans
from migsdg.testing._sections import build_plan_section, render_section

__all__ = [
    "ContractProblem",
    "ContractReport",
    "assert_plugin_contract",
    "build_plan_section",
    "check_plugin_contract",
    "expected_template_errors",
    "intervention_errors",
    "load_installed_plugin",
    "make_host",
    "minimal_plan",
    "plugin_name",
    "render_section",
    "round_trip",
    "sample_plan",
    "sample_plans",
    "using_host",
]
