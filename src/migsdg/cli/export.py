"""``migsdg export``: write a plan (or an embedded example plan) in another format.

The format comes from ``--format`` or from the output file's suffix (``.docx`` is the Word
draft). Options the chosen exporter takes are passed through: ``--language``,
``--template``, ``--sections`` and ``--omit`` have flags of their own, any other option
goes as ``--option NAME=VALUE``. An option the exporter does not take is bad usage (exit
2). On success the path written is printed.

Like every command that writes a file, ``export`` does not replace an existing file
without ``--force``. ``--list-formats`` lists the formats (name, suffixes, options, the
plugin that registered it). When a check rule fails while the Word draft's findings are
gathered, the draft is still written; the failure is named on stderr with the ways on
(``--omit findings``, ``MIGSDG_DISABLE_PLUGINS=name``).
"""

from __future__ import annotations

import argparse
from typing import Any

from migsdg.cli import EXIT_BAD_INPUT, EXIT_OK
from migsdg.errors import MigsdgError
from migsdg.i18n import languages
from migsdg.model import ActionPlan


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="export a plan: Word draft (.docx) and the other registered formats",
        description="Export a plan file, or an embedded example plan, to a file. The format "
        "is taken from the output suffix (e.g. .docx for the Word draft of the action plan) "
        "or from --format. Prints the path written.",
    )
    source = p.add_mutually_exclusive_group()
    source.add_argument(
        "plan", nargs="?", metavar="PLAN", help="plan file (.yaml, .yml, .json, .xlsx)"
    )
    source.add_argument(
        "--example",
        metavar="NAME",
        help="export an embedded example plan instead of a file (national, provincial)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (required unless listing)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument(
        "--list-formats",
        action="store_true",
        help="list the export formats (name, suffixes, options, plugin), then exit",
    )
    p.add_argument(
        "--format",
        metavar="NAME",
        help="export format, e.g. docx (default: from the output suffix)",
    )
    p.add_argument(
        "--language",
        choices=languages(),
        help="language of headings and labels (default: the plan's language)",
    )
    p.add_argument(
        "--template",
        metavar="DOCX",
        help="Word file (.docx/.dotx) whose styles, headers, footers and logo to use",
    )
    from migsdg.word.document import SECTIONS

    p.add_argument(
        "--sections",
        metavar="NAMES",
        help=f"only these parts, comma-separated (Word draft: {', '.join(SECTIONS)})",
    )
    p.add_argument(
        "--omit",
        metavar="NAMES",
        help="leave out these parts, comma-separated (e.g. --omit timeline); plugins' "
        "sections are named by their ids (see --list-sections)",
    )
    p.add_argument(
        "--list-sections",
        action="store_true",
        help="list the Word draft's parts and the sections plugins add (with their plugin "
        "and place), then exit",
    )
    p.add_argument(
        "--review-copy",
        action="store_true",
        help="Word draft: add the open check findings, grouped by intervention and "
        "criterion (the circulated draft leaves them out)",
    )
    p.add_argument(
        "--option",
        "-O",
        metavar="NAME=VALUE",
        action="append",
        default=[],
        help="any other option of the exporter (text value); repeatable",
    )
    p.set_defaults(run=run)


def _load(args: argparse.Namespace) -> ActionPlan:
    if args.example is not None:
        try:
            from migsdg.examples import load_example
        except ImportError:  # pragma: no cover - the examples ship with the package
            raise MigsdgError("the embedded example plans are not installed") from None
        return load_example(args.example)
    from migsdg.io import load_plan

    return load_plan(args.plan)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for item in args.option:
        name, sep, value = item.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or not name:
            raise MigsdgError(f"--option takes NAME=VALUE, not {item!r}")
        options[name] = value
    for name in ("language", "template", "sections", "omit"):
        value = getattr(args, name)
        if value is not None:
            options[name] = value
    if args.review_copy:
        options["review_copy"] = True
    return options


def _list_sections() -> int:
    from migsdg.plugins import get_host
    from migsdg.word.document import DEFAULT_SECTIONS, SECTIONS

    print("Word draft parts (migsdg):")
    for key in SECTIONS:
        note = "" if key in DEFAULT_SECTIONS else "  (review copy only)"
        print(f"  {key}{note}")
    sections = get_host().sections()
    if sections:
        print("Sections added by plugins (in the draft and, as computed sheets, the workbook):")
        width = max(len(k) for k in sections)
        for key, section in sections.items():
            place = section.placement.replace("_", " ")
            print(
                f"  {key:<{width}}  {section.plugin}, {place}: {section.description}".rstrip(": ")
            )
    return EXIT_OK


def _list_formats() -> int:
    from migsdg.plugins import get_host

    exporters = sorted(get_host().exporters().values(), key=lambda e: e.name)
    for e in exporters:
        suffixes = ", ".join(e.suffixes) if e.suffixes else f"({e.kind}, by name only)"
        print(f"{e.name}  {suffixes}  [{e.plugin}]")
        print(f"    {e.description}")
        print(f"    options: {', '.join(e.options) or 'none'}")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from migsdg.exporters import export, find_exporter, findings_for
    from migsdg.plugins import get_host

    if args.list_formats:
        return _list_formats()
    if args.list_sections:
        return _list_sections()
    if args.output is None or (args.plan is None and args.example is None):
        missing = "-o/--output" if args.output is None else "PLAN or --example NAME"
        print(f"migsdg: error: export: {missing} is required", file=sys.stderr)
        return EXIT_BAD_INPUT
    options = _options(args)
    target = Path(args.output)
    host = get_host()
    exporter = find_exporter(host.exporters(), target, args.format)
    if exporter.kind == "file" and target.exists():
        from migsdg._atomic import check_writable

        check_writable(target)  # a read-only file is kept even with --force
        if not args.force:
            from migsdg.cli._plan import usage_translator

            tr = usage_translator(args)
            raise MigsdgError(tr._("{path} exists; use --force to overwrite it", path=target))
    plan = _load(args)
    report = findings_for(exporter, plan, options, host)
    if report is not None:
        options["findings"] = report
        for failure in report.failures:
            print(
                f"migsdg: warning: {failure}; the draft's findings miss its findings. To go "
                f"on without it: --omit findings, or MIGSDG_DISABLE_PLUGINS={failure.plugin}",
                file=sys.stderr,
            )
    try:
        written = export(plan, target, format=args.format, host=host, **options)
    except TypeError as exc:  # an exporter refusing a value of the wrong kind
        print(f"migsdg: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(written)
    return EXIT_OK
