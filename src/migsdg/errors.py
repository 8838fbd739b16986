"""The library's error hierarchy.

Every error migsdg raises on purpose derives from :class:`MigsdgError`, so programs that
embed migsdg can catch one type. Errors carry structured data (codes, locations, the list
of problems); only the command line turns them into a message and an exit code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

__all__ = [
    "ExportError",
    "FieldError",
    "MigsdgError",
    "PlanLoadError",
    "PluginError",
    "Problem",
    "TransitionError",
    "UnknownCodeError",
    "location_key",
]


class MigsdgError(Exception):
    """Base class of every error raised by migsdg."""


class FieldError(MigsdgError, ValueError):
    """A plan object was built with a value its field does not take (wrong type, unknown
    code); raised when the object is made, naming the class and the field."""

    def __init__(self, cls: str, field: str, reason: str, value: object = None) -> None:
        self.cls = cls
        self.field = field
        self.reason = reason
        self.value = value
        super().__init__(cls, field, reason)

    def __str__(self) -> str:
        return f"{self.cls}.{self.field}: {self.reason}"


class UnknownCodeError(MigsdgError, KeyError):
    """A goal, target, indicator or other code that the catalogue does not know."""

    def __init__(self, kind: str, code: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.code = code
        self.suggestions = tuple(suggestions)
        super().__init__(kind, code)

    def __str__(self) -> str:
        msg = f"unknown {self.kind} {self.code!r}"
        if self.suggestions:
            msg += f" (did you mean {', '.join(self.suggestions)}?)"
        return msg


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found while reading input, with where it is.

    ``location`` is a key path such as ``interventions[2].timeframe.end`` or, for
    workbooks, ``Interventions!F7 (End date)``.
    """

    location: str
    message: str
    source: str = ""

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        if self.location:
            where += f"{self.location}: "
        return f"{where}{self.message}"


def location_key(location: str) -> list[tuple[int, int | str]]:
    """A sort key putting key paths (``interventions[10].roles[2]``) in document order:
    indices compare as numbers, so ``[2]`` comes before ``[10]``."""
    return [(0, int(t)) if t.isdigit() else (1, t) for t in re.split(r"[.\[\]]+", location) if t]


class PlanLoadError(MigsdgError, ValueError):
    """A plan could not be read. Carries every problem found, not just the first.

    ``language`` is the plan's ``language`` key when the file got far enough to be read
    as a mapping that gives one (the command line reports the problems in it)."""

    def __init__(
        self, problems: Sequence[Problem], source: str = "", *, language: str | None = None
    ) -> None:
        self.problems = tuple(problems)
        self.source = source
        self.language = language
        super().__init__(self.problems)

    def __str__(self) -> str:
        head = f"{self.source}: " if self.source else ""
        n = len(self.problems)
        lines = [f"{head}{n} problem{'s' if n != 1 else ''} in plan"]
        lines += [f"  {p.location + ': ' if p.location else ''}{p.message}" for p in self.problems]
        return "\n".join(lines)


class ExportError(MigsdgError):
    """A plan could not be exported (unknown format, unwritable path, missing option)."""


class PluginError(MigsdgError):
    """A plugin misbehaved: failed to import, raised in a hook, or registered a duplicate."""

    def __init__(self, plugin: str, reason: str) -> None:
        self.plugin = plugin
        self.reason = reason
        super().__init__(plugin, reason)

    def __str__(self) -> str:
        return f"plugin {self.plugin!r}: {self.reason}"


class TransitionError(MigsdgError):
    """A status change the guide's review and adoption process rules out."""

    def __init__(self, transition: str, reasons: Sequence[str]) -> None:
        self.transition = transition
        self.reasons = tuple(reasons)
        super().__init__(transition, self.reasons)

    def __str__(self) -> str:
        return f"cannot {self.transition}: " + "; ".join(self.reasons)
