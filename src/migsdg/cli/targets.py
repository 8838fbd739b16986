"""``migsdg targets``: list SDG targets from the embedded catalogue."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from migsdg.catalogue import TEXT_LANGUAGES, Target, catalogue


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "targets",
        help="list SDG targets (by goal, migration relevance or keywords)",
        description="List SDG targets with their codes and official text.",
    )
    p.add_argument("--goal", metavar="N", help="only the targets of goal N (1-17)")
    p.add_argument(
        "--migration",
        nargs="?",
        const="all",
        choices=("all", "explicit", "cross-cutting"),
        help="only migration-related targets: all (default), explicit or cross-cutting",
    )
    p.add_argument("--search", metavar="WORDS", help="only targets whose text has every word")
    p.add_argument(
        "--language",
        choices=TEXT_LANGUAGES,
        default="en",
        help="language of the SDG texts, and of the words around them where migsdg speaks "
        "it (else English)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    cat = catalogue()
    targets: list[Target] = list(cat.targets.values())
    if args.goal is not None:
        allowed = {t.code for t in cat.targets_of_goal(args.goal)}
        targets = [t for t in targets if t.code in allowed]
    if args.migration:
        allowed = {t.code for t in cat.migration_targets(args.migration)}
        targets = [t for t in targets if t.code in allowed]
    if args.search:
        allowed = {t.code for t in cat.search(args.search)}
        targets = [t for t in targets if t.code in allowed]

    if args.format == "json":
        rows = []
        for t in targets:
            row: dict[str, Any] = {
                "code": t.code,
                "goal": t.goal,
                "type": t.type,
                "text": cat.text(t.code, args.language),
            }
            link = cat.migration_links.get(t.code)
            if link is not None:
                row["migration"] = {
                    "relation": link.relation,
                    "status": link.status,
                    "sources": list(link.sources),
                }
            rows.append(row)
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from migsdg.i18n import SOURCE_LANGUAGE, languages, translator

    tr = translator(args.language if args.language in languages() else SOURCE_LANGUAGE)
    relation = {
        "explicit": tr.pgettext("migration relation", "explicit"),
        "cross-cutting": tr.pgettext("migration relation", "cross-cutting"),
    }
    for t in targets:
        link = cat.migration_links.get(t.code)
        tag = f" [{relation.get(link.relation, link.relation)}]" if link is not None else ""
        print(f"{t.code:<6} {cat.text(t.code, args.language)}{tag}")
    if not targets:
        print(tr._("no targets match"), file=sys.stderr)
    return 0
