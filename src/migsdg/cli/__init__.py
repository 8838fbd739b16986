"""The ``migsdg`` command line.

Exit codes, shared by every command: 0 success; 1 the command ran and found problems
(check errors); 2 bad usage or bad input, with a message on stderr and no traceback.

Each command lives in its own module of this package with two functions:
``add_parser(subparsers)`` and ``run(args) -> int``. :data:`COMMANDS` lists them in the
order ``migsdg --help`` shows them. Only the module of the command given is imported (all
of them for ``migsdg --help`` or an unknown command, none for ``migsdg --version``), so a
command starts without loading what the others need.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from migsdg.errors import UnknownCodeError
    from migsdg.i18n import Translator

from migsdg._version import __version__

__all__ = ["COMMANDS", "EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_OK", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

#: Modules of ``migsdg.cli`` that define a subcommand.
COMMANDS: tuple[str, ...] = (
    "targets",
    "check",
    "review",
    "funding",
    "progress",
    "status",
    "diff",
    "ladder",
    "export",
    "workbook",
    "import_",
    "schema",
    "example",
    "plugins",
    "templates",
    "add",
)


_INVALID_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)$")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` naming the choice closest to ``word``, or ``""``."""
    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {near[0]!r}?)" if near else ""


class _Parser(argparse.ArgumentParser):
    """Every usage error reads ``migsdg: error: ...`` (exit 2), with a suggestion for a
    mistyped command, choice or option."""

    def error(self, message: str) -> NoReturn:
        match = _INVALID_CHOICE.search(message)
        if match:
            choices = re.findall(r"'([^']*)'", match.group(2))
            message += did_you_mean(match.group(1), choices)
        self.print_usage(sys.stderr)
        command = self.prog.removeprefix("migsdg").strip()
        where = f"{command}: " if command else ""
        self.exit(EXIT_BAD_INPUT, f"migsdg: error: {where}{message}\n")

    def option_strings(self) -> list[str]:
        """The options this parser takes (``--output``, ``-o`` …)."""
        return [o for action in self._actions for o in action.option_strings]


def build_parser(commands: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    """The parser, with the subcommands of the given modules of :data:`COMMANDS`."""
    parser = _Parser(
        prog="migsdg",
        description="Migration-SDG Action Plans: SDG catalogue, plan checks and exports.",
    )
    parser.add_argument("--version", action="version", version=f"migsdg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in commands:
        module = importlib.import_module(f"migsdg.cli.{name}")
        module.add_parser(sub)
    return parser


def _warn_plugin_failures() -> None:
    """Warn once on stderr about plugins that failed, if the command used plugins (the
    plugin machinery is not loaded by commands that do not need it)."""
    if "migsdg.plugins" in sys.modules:
        from migsdg.plugins import host_if_built

        host = host_if_built()
        if host is not None:
            host.warn_failures()


def _needed(argv: Sequence[str]) -> Sequence[str]:
    """The command modules a command line needs: the command's own, when it names one."""
    for arg in argv:
        if arg == "--":
            break
        if not arg.startswith("-"):  # the options before the command take no value
            module = f"{arg}_" if arg == "import" else arg
            return (module,) if module in COMMANDS else COMMANDS
    if "--version" in argv and not {"-h", "--help"} & set(argv):
        return ()
    return COMMANDS


def _unrecognized(
    parser: argparse.ArgumentParser, args: argparse.Namespace, extra: list[str]
) -> NoReturn:
    """Refuse arguments the command does not take, suggesting the option meant."""
    command = getattr(args, "command", None)
    target = parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            target = action.choices[command]
    options = target.option_strings() if isinstance(target, _Parser) else []
    hints = "".join(
        did_you_mean(word.split("=", 1)[0], options) for word in extra if word.startswith("-")
    )
    target.error(f"unrecognized arguments: {' '.join(extra)}{hints}")


def _error_text(exc: Exception, args: argparse.Namespace) -> str:
    """An error for the reader: the problems of a plan file in ``--language`` where given,
    else in the plan's own language if the file got far enough to say it, else English.
    Locations (file, key path, sheet and cell) stay as they are; only the words change."""
    from migsdg.errors import PlanLoadError, UnknownCodeError
    from migsdg.i18n import Message, languages, translator

    language = getattr(args, "language", None) or getattr(exc, "language", None)
    if language not in languages():
        return str(exc)
    tr = translator(language)
    if isinstance(exc, UnknownCodeError):
        return _unknown_code_text(exc, tr)
    if exc.args and isinstance(exc.args[0], Message):
        return tr.text(exc.args[0])
    if not isinstance(exc, PlanLoadError):
        return str(exc)
    n = len(exc.problems)
    head = tr.ngettext("{n} problem in plan", "{n} problems in plan", n)
    lines = [f"{exc.source}: {head}" if exc.source else head]
    for p in exc.problems:
        where = f"{p.location}: " if p.location else ""
        lines.append(f"  {where}{tr.text(p.message)}")
    return "\n".join(lines)


def _unknown_code_text(exc: UnknownCodeError, tr: Translator) -> str:
    """ "unknown SDG target '10.77' (did you mean 10.7?)" in ``tr``'s language."""
    from migsdg.i18n import N_

    kinds = {
        "template": N_("unknown template {code!r}"),
        "installed plugin": N_("unknown installed plugin {code!r}"),
        "SDG goal": N_("unknown SDG goal {code!r}"),
        "SDG target": N_("unknown SDG target {code!r}"),
        "SDG indicator": N_("unknown SDG indicator {code!r}"),
        "GCM objective": N_("unknown GCM objective {code!r}"),
        "10.7.2 domain": N_("unknown 10.7.2 domain {code!r}"),
        "plan actor": N_("unknown plan actor {code!r}"),
        "plan objective": N_("unknown plan objective {code!r}"),
    }
    template = exc.kind.removeprefix("actor slot of template ")
    if exc.kind in kinds:
        text = tr._(kinds[exc.kind], code=exc.code)
    elif template != exc.kind:
        text = tr._(
            "unknown actor slot {code!r} of template {template}", code=exc.code, template=template
        )
    else:
        return str(exc)
    if exc.suggestions:
        text += tr._(" (did you mean {codes}?)", codes=tr._(", ").join(exc.suggestions))
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (the console script exits with it)."""
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(_needed(argv))
    args, extra = parser.parse_known_args(argv)
    if extra:
        _unrecognized(parser, args, extra)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    from migsdg._atomic import CleanupOnSignals
    from migsdg.errors import MigsdgError

    try:
        # SIGTERM ends the command as Ctrl-C does, so temporary files are removed.
        with CleanupOnSignals():
            code: int = args.run(args)
    except MigsdgError as exc:
        print(f"migsdg: error: {_error_text(exc, args)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (``migsdg targets | head``): stop quietly, and keep the
        # interpreter from complaining when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:
        print(
            f"migsdg: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    finally:
        _warn_plugin_failures()
    return code
