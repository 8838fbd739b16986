"""An evaluator of the IATI Validator's rulesets (IATI-Rulesets ``standard.json``) with lxml.

The rule kinds and their keys are those of IATI-Rulesets' ``SPEC_JS.rst`` (the 2021
Validator): each context XPath selects the elements a rule is checked on; a ``condition``
gates a case (it applies when the condition is true); ``loop`` substitutes each value of
``foreach`` for ``$1`` in its cases. A rule kind this evaluator does not know raises
:class:`UnknownRule`, so a new kind in the ruleset can never pass unchecked.

The Validator skips the cases marked ``idCondition`` for identifiers registered as IATI
publishers; without a copy of the IATI Registry this evaluator checks them for every
identifier, which is stricter.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs
from lxml import etree

DATA = Path(__file__).parent / "data" / "iati-rulesets"


@attrs.frozen
class Failure:
    """One failing evaluation of one rule case on one context element."""

    rule: str
    severity: str
    kind: str
    message: str
    where: str  # the context element's path in the document
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.rule} ({self.severity}, {self.kind}) at {self.where}: {self.detail}"


class UnknownRule(Exception):
    """A rule kind (or a ``one_or_all`` target) the evaluator cannot check."""


def load_ruleset(path: Path = DATA / "standard.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def load_org_id_prefixes(path: Path = DATA / "org-id-prefixes.json") -> frozenset[str]:
    return frozenset(json.loads(path.read_text("utf-8"))["codes"])


def _text(item: Any) -> str:
    """The text of an XPath result: an attribute value, a text node or an element's text."""
    if isinstance(item, str):
        return str(item)
    if isinstance(item, etree._Element):
        return item.text or ""
    return str(item)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


class Evaluator:
    """Evaluates a ruleset on a document.

    ``now`` is the date the rules that forbid future dates compare with; ``prefixes`` the
    organisation identifier prefixes ``ORG-ID-PREFIX`` stands for.
    """

    def __init__(
        self,
        ruleset: dict[str, Any],
        *,
        now: dt.date,
        prefixes: Iterable[str],
    ) -> None:
        self.ruleset = ruleset
        self.now = now
        self.prefixes = tuple(prefixes)
        self.evaluated: dict[str, int] = {}  # rule id -> evaluations that applied
        self._kinds: dict[str, Callable[[Any, dict[str, Any]], str | None]] = {
            "atleast_one": self._atleast_one,
            "no_more_than_one": self._no_more_than_one,
            "only_one_of": self._only_one_of,
            "one_or_all": self._one_or_all,
            "dependent": self._dependent,
            "sum": self._sum,
            "strict_sum": self._strict_sum,
            "date_order": self._date_order,
            "date_now": self._date_now,
            "time_limit": self._time_limit,
            "between_dates": self._between_dates,
            "regex_matches": self._regex_matches,
            "regex_no_matches": self._regex_no_matches,
            "startswith": self._startswith,
            "unique": self._unique,
            "no_spaces": self._no_spaces,
            "range": self._range,
            "if_then": self._if_then,
        }

    # -- driving ---------------------------------------------------------------------------

    def evaluate(self, doc: Any) -> list[Failure]:
        tree = doc if isinstance(doc, etree._ElementTree) else etree.ElementTree(doc)
        failures: list[Failure] = []
        for context, rules in self.ruleset.items():
            for ctx in tree.xpath(context):
                where = tree.getpath(ctx)
                for kind, body in rules.items():
                    failures += self._rule(ctx, where, kind, body["cases"])
        return failures

    def _rule(
        self, ctx: Any, where: str, kind: str, cases: Sequence[dict[str, Any]]
    ) -> Iterator[Failure]:
        for case in cases:
            if kind == "loop":
                yield from self._loop(ctx, where, case)
                continue
            check = self._kinds.get(kind)
            if check is None:
                raise UnknownRule(kind)
            condition = case.get("condition")
            if condition is not None and not ctx.xpath(f"boolean({condition})"):
                continue
            info = case["ruleInfo"]
            self.evaluated[info["id"]] = self.evaluated.get(info["id"], 0) + 1
            detail = check(ctx, case)
            if detail is not None:
                yield Failure(
                    rule=info["id"],
                    severity=info["severity"],
                    kind=kind,
                    message=info["message"],
                    where=where,
                    detail=detail,
                )

    def _loop(self, ctx: Any, where: str, case: dict[str, Any]) -> Iterator[Failure]:
        values = list(dict.fromkeys(_text(v) for v in ctx.xpath(case["foreach"])))
        subs = set(case.get("subs", ()))
        for value in values:
            for kind, body in case["do"].items():
                cases = [
                    {k: (_substitute(v, value) if k in subs else v) for k, v in sub_case.items()}
                    for sub_case in body["cases"]
                ]
                yield from self._rule(ctx, where, kind, cases)

    def _all(self, ctx: Any, paths: Sequence[str]) -> list[Any]:
        return [item for path in paths for item in ctx.xpath(path)]

    # -- rule kinds (each returns None when the case holds, else what is wrong) -------------

    def _atleast_one(self, ctx: Any, case: dict[str, Any]) -> str | None:
        return None if self._all(ctx, case["paths"]) else f"none of {case['paths']}"

    def _no_more_than_one(self, ctx: Any, case: dict[str, Any]) -> str | None:
        n = len(self._all(ctx, case["paths"]))
        return None if n <= 1 else f"{n} of {case['paths']}"

    def _only_one_of(self, ctx: Any, case: dict[str, Any]) -> str | None:
        excluded = self._all(ctx, case["excluded"])
        n = len(self._all(ctx, case["paths"]))
        if excluded:
            return None if n == 0 else f"{n} of {case['paths']} beside {case['excluded']}"
        return None if n == 1 else f"{n} of {case['paths']}"

    def _one_or_all(self, ctx: Any, case: dict[str, Any]) -> str | None:
        if ctx.xpath(case["one"]):
            return None
        missing = {
            "lang": ".//narrative[not(@xml:lang)]",
            "currency": ".//value[not(@currency)]",
            "sector": "transaction[not(sector)]",
        }.get(case["all"])
        if missing is None:
            raise UnknownRule(f"one_or_all all={case['all']!r}")
        lacking = ctx.xpath(missing)
        return f"{len(lacking)} without {case['all']}" if lacking else None

    def _dependent(self, ctx: Any, case: dict[str, Any]) -> str | None:
        present = [bool(ctx.xpath(p)) for p in case["paths"]]
        return None if all(present) or not any(present) else f"not all of {case['paths']}"

    def _numbers(self, ctx: Any, case: dict[str, Any]) -> list[Decimal] | str:
        out = []
        for item in self._all(ctx, case["paths"]):
            try:
                out.append(Decimal(_text(item).strip()))
            except InvalidOperation:
                return f"{_text(item)!r} is not a number"
        return out

    def _sum(self, ctx: Any, case: dict[str, Any]) -> str | None:
        values = self._numbers(ctx, case)
        if isinstance(values, str):
            return values
        if not values:
            return None
        total = sum(values, Decimal(0))
        return None if abs(float(total) - float(case["sum"])) < 1e-9 else f"sum {total}"

    def _strict_sum(self, ctx: Any, case: dict[str, Any]) -> str | None:
        values = self._numbers(ctx, case)
        if isinstance(values, str):
            return values
        if not values:
            return None
        total = sum(values, Decimal(0))
        return None if total == Decimal(str(case["sum"])) else f"sum {total}"

    def _dates(self, ctx: Any, path: str) -> list[dt.date] | str:
        if path == "NOW":
            return [self.now]
        out = []
        for item in ctx.xpath(path):
            day = _date(_text(item))
            if day is None:
                return f"{_text(item)!r} is not a date"
            out.append(day)
        return out

    def _date_order(self, ctx: Any, case: dict[str, Any]) -> str | None:
        less, more = self._dates(ctx, case["less"]), self._dates(ctx, case["more"])
        if isinstance(less, str) or isinstance(more, str):
            return less if isinstance(less, str) else str(more)
        wrong = [(a, b) for a in less for b in more if a > b]
        return f"{wrong[0][0]} after {wrong[0][1]}" if wrong else None

    def _date_now(self, ctx: Any, case: dict[str, Any]) -> str | None:
        dates = self._dates(ctx, case["date"])
        if isinstance(dates, str):
            return dates
        late = [d for d in dates if d > self.now]
        return f"{late[0]} is in the future" if late else None

    def _time_limit(self, ctx: Any, case: dict[str, Any]) -> str | None:
        starts, ends = self._dates(ctx, case["start"]), self._dates(ctx, case["end"])
        if isinstance(starts, str) or isinstance(ends, str):
            return starts if isinstance(starts, str) else str(ends)
        for start in starts:
            try:
                limit = start.replace(year=start.year + 1)
            except ValueError:  # 29 February
                limit = start.replace(year=start.year + 1, day=28)
            for end in ends:
                if end > limit:
                    return f"{start} to {end} is longer than a year"
        return None

    def _between_dates(self, ctx: Any, case: dict[str, Any]) -> str | None:
        dates = self._dates(ctx, case["date"])
        starts, ends = self._dates(ctx, case["start"]), self._dates(ctx, case["end"])
        for got in (dates, starts, ends):
            if isinstance(got, str):
                return got
        assert not isinstance(dates, str) and not isinstance(starts, str)
        assert not isinstance(ends, str)
        for d in dates:
            if any(d < s for s in starts) or any(d > e for e in ends):
                return f"{d} outside the period"
        return None

    def _regex_matches(self, ctx: Any, case: dict[str, Any]) -> str | None:
        regex = re.compile(case["regex"])
        bad = [_text(i) for i in self._all(ctx, case["paths"]) if not regex.search(_text(i))]
        return f"{bad[0]!r} does not match" if bad else None

    def _regex_no_matches(self, ctx: Any, case: dict[str, Any]) -> str | None:
        regex = re.compile(case["regex"])
        bad = [_text(i) for i in self._all(ctx, case["paths"]) if regex.search(_text(i))]
        return f"{bad[0]!r} matches" if bad else None

    def _startswith(self, ctx: Any, case: dict[str, Any]) -> str | None:
        prefixes: list[str] = []
        for path in case["prefix"]:
            if path == "ORG-ID-PREFIX":
                prefixes += self.prefixes
            else:
                prefixes += [_text(i) for i in ctx.xpath(path)]
        separator = case.get("separator", "")
        for item in self._all(ctx, case["paths"]):
            text = _text(item)
            if not any(text.startswith(p + separator) for p in prefixes if p):
                return f"{text!r} starts with none of {prefixes[:5]}"
        return None

    def _unique(self, ctx: Any, case: dict[str, Any]) -> str | None:
        texts = [_text(i) for i in self._all(ctx, case["paths"])]
        twice = {t for t in texts if texts.count(t) > 1}
        return f"{sorted(twice)} repeated" if twice else None

    def _no_spaces(self, ctx: Any, case: dict[str, Any]) -> str | None:
        bad = [_text(i) for i in self._all(ctx, case["paths"]) if _text(i) != _text(i).strip()]
        return f"{bad[0]!r} has leading or trailing space" if bad else None

    def _range(self, ctx: Any, case: dict[str, Any]) -> str | None:
        values = self._numbers(ctx, case)
        if isinstance(values, str):
            return values
        low, high = Decimal(str(case["min"])), Decimal(str(case["max"]))
        bad = [v for v in values if not low <= v <= high]
        return f"{bad[0]} outside {low}-{high}" if bad else None

    def _if_then(self, ctx: Any, case: dict[str, Any]) -> str | None:
        if not ctx.xpath(f"boolean({case['if']})"):
            return None
        return None if ctx.xpath(f"boolean({case['then']})") else f"not ({case['then']})"


def _substitute(value: Any, replacement: str) -> Any:
    if isinstance(value, str):
        return value.replace("$1", replacement)
    if isinstance(value, list):
        return [_substitute(v, replacement) for v in value]
    return value
