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
import importlib
import os
import sys
from collections.abc import Sequence

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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (the console script exits with it)."""
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(_needed(argv))
    args = parser.parse_args(argv)
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
        print(f"migsdg: error: {exc}", file=sys.stderr)
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
