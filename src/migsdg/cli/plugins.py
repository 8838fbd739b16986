"""``migsdg plugins``: the plugins found, what each registered, and which failed.

For each plugin: its name, module, distribution and version, the hooks it implements and
how many intervention types, templates, checks, funding sources, exporters and sections of
the Word draft and workbook it registered. A plugin that failed to import, whose hooks do
not match the specs, or that raised inside a hook is shown as failed with the reason;
plugins blocked by ``MIGSDG_DISABLE_PLUGINS`` are shown as disabled. Exit code 1 when any
plugin failed, so an installation can be checked in CI.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from migsdg.cli import EXIT_FINDINGS, EXIT_OK

#: Singular and plural words for what a hook registers, in display order.
_WORDS = (
    ("templates", "template", "templates"),
    ("intervention_types", "intervention type", "intervention types"),
    ("checks", "check", "checks"),
    ("funding_sources", "funding source", "funding sources"),
    ("exporters", "exporter", "exporters"),
    ("sections", "section", "sections"),
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "plugins",
        help="list installed plugins and what they registered",
        description="List the migsdg plugins found through the 'migsdg' entry-point group "
        "(the core and the bundled sector plugins included): distribution and version, "
        "hooks implemented, what each registered, and failures with their reason. Exits 1 "
        "when a plugin failed.",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from migsdg.plugins import DISABLE_ENV, get_host

    host = get_host()
    infos = host.plugins()
    host.mark_reported()  # the failures are in the listing; no separate warning
    failed = any(i.status == "failed" for i in infos)
    if args.format == "json":
        data = {
            "format": "migsdg-plugins",
            "version": 1,
            "plugins": [i.to_dict() for i in infos],
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_FINDINGS if failed else EXIT_OK
    for info in infos:
        dist = " ".join(x for x in (info.distribution, info.version) if x) or "no distribution"
        status = {"ok": "", "failed": "  FAILED", "disabled": f"  disabled ({DISABLE_ENV})"}
        print(f"{info.name}  [{dist}]  {info.module}{status[info.status]}")
        if info.hooks:
            print(f"    hooks: {', '.join(info.hooks)}")
        counts = [
            f"{n} {one if n == 1 else many}"
            for key, one, many in _WORDS
            if (n := info.registered.get(key, 0))
        ]
        if counts:
            print(f"    registered: {', '.join(counts)}")
        for f in info.failures:
            reason = f.reason.replace("\n", "\n        ")
            print(f"    failed ({f.stage}): {reason}")
    if not infos:
        print("no plugins found", file=sys.stderr)
    return EXIT_FINDINGS if failed else EXIT_OK
