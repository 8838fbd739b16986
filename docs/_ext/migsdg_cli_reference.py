"""The ``migsdg-cli`` directive: the command-line reference, generated from the parser.

Every command, its arguments and options, their defaults and choices come from
:func:`migsdg.cli.build_parser` at build time, so the reference cannot drift from
``migsdg --help``. The exit codes come from the constants the commands return.
"""

from __future__ import annotations

import argparse
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(name, help, parser) of each subcommand, in the order ``--help`` lists them."""
    found: list[tuple[str, str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) in seen:  # an alias of a command already listed
                    continue
                seen.add(id(sub))
                found.append((name, helps.get(name, ""), sub))
    return found


def _option_text(action: argparse.Action) -> str:
    if action.option_strings:
        names = ", ".join(action.option_strings)
        if action.nargs == 0:
            return names
        metavar = action.metavar or action.dest.upper()
        if isinstance(metavar, tuple):
            metavar = " ".join(metavar)
        return f"{names} {metavar}"
    metavar = action.metavar or action.dest
    return metavar if isinstance(metavar, str) else " ".join(metavar)


def _describe(action: argparse.Action) -> str:
    text = (action.help or "").replace("%(default)s", str(action.default))
    text = text.replace("%(prog)s", "migsdg")
    extras: list[str] = []
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        extras.append("choices: " + ", ".join(str(c) for c in action.choices))
    if (
        action.option_strings
        and action.nargs != 0
        and action.default not in (None, argparse.SUPPRESS, [], ())
        and "default" not in text.lower()
    ):
        extras.append(f"default: {action.default}")
    if action.required and action.option_strings:
        extras.append("required")
    if action.nargs in ("*", "+") or isinstance(action, argparse._AppendAction):
        extras.append("may be given more than once" if action.option_strings else "one or more")
    return text + (f" ({'; '.join(extras)})" if extras else "")


def _table(rows: list[tuple[str, str]]) -> nodes.table:
    table = nodes.table(classes=["migsdg-cli-options"])
    group = nodes.tgroup(cols=2)
    table += group
    group += nodes.colspec(colwidth=35)
    group += nodes.colspec(colwidth=65)
    head = nodes.thead()
    group += head
    header = nodes.row()
    for title in ("argument", "meaning"):
        header += nodes.entry("", nodes.paragraph(text=title))
    head += header
    body = nodes.tbody()
    group += body
    for name, text in rows:
        row = nodes.row()
        row += nodes.entry("", nodes.paragraph("", "", nodes.literal(text=name)))
        row += nodes.entry("", nodes.paragraph(text=text))
        body += row
    return table


def _rows(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    rows = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        if action.help == argparse.SUPPRESS:
            continue
        rows.append((_option_text(action), _describe(action)))
    return rows


class MigsdgCliDirective(Directive):
    """Render the whole ``migsdg`` command line: one section per command."""

    has_content = False

    def run(self) -> list[Any]:
        from migsdg.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, build_parser

        parser = build_parser()
        out: list[Any] = []
        intro = nodes.paragraph(
            text=(
                f"Exit codes shared by every command: {EXIT_OK} success; {EXIT_FINDINGS} the "
                f"command ran and found problems (check errors, a refused status change); "
                f"{EXIT_BAD_INPUT} bad usage or input that cannot be read, with every problem "
                "and its location on standard error and no traceback."
            )
        )
        out.append(intro)
        out.append(nodes.literal_block(text=parser.format_usage().strip()))
        out.append(_table(_rows(parser)))
        for name, help_text, sub in _subcommands(parser):
            section = nodes.section(ids=[f"migsdg-{name}"], names=[f"migsdg {name}"])
            section += nodes.title(text=f"migsdg {name}")
            if help_text:
                section += nodes.paragraph(text=help_text)
            if sub.description and sub.description != help_text:
                for para in sub.description.split("\n\n"):
                    section += nodes.paragraph(text=" ".join(para.split()))
            section += nodes.literal_block(text=sub.format_usage().strip())
            rows = _rows(sub)
            if rows:
                section += _table(rows)
            if sub.epilog:
                section += nodes.literal_block(text=sub.epilog.strip())
            out.append(section)
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("migsdg-cli", MigsdgCliDirective)
    return {"version": "1", "parallel_read_safe": True}
