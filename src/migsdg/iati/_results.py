"""An intervention's monitoring entries as an IATI ``result`` with its indicators."""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from collections.abc import Callable

from migsdg.catalogue import Catalogue
from migsdg.errors import UnknownCodeError
from migsdg.iati._codes import (
    INDICATOR_VOCABULARY_REPORTER,
    INDICATOR_VOCABULARY_SDG,
    MEASURE_PERCENTAGE,
    MEASURE_QUALITATIVE,
    MEASURE_UNIT,
    RESULT_OUTCOME,
)
from migsdg.iati._xml import XML_LANG, decimal_text, narrative, text_of
from migsdg.model import IndicatorKind, Intervention, Measure, MonitoringEntry

__all__ = ["ResultWriter", "is_percent"]

_PERCENT_UNITS = frozenset(
    {"%", "percent", "per cent", "percentage", "porcentaje", "por ciento", "pourcentage"}
)


def is_percent(unit: str) -> bool:
    unit = unit.strip().lower()
    return unit in _PERCENT_UNITS or unit.startswith("%")


def _has_content(m: Measure) -> bool:
    return m.value is not None or m.year is not None or bool(m.note.strip())


def _comment(parent: ET.Element, note: str) -> None:
    text = text_of(note)
    if text.strip():
        narrative(ET.SubElement(parent, "comment"), text)


class ResultWriter:
    """Writes results, reporting problems through ``problem(location, message)``."""

    def __init__(
        self,
        problem: Callable[[str, str], None],
        catalogue: Catalogue,
        language: str,
        *,
        marked: str | None = None,
    ) -> None:
        """``language``: that of catalogue texts; ``marked``: set as their ``xml:lang`` when
        it differs from the activity's language."""
        self.problem = problem
        self.catalogue = catalogue
        self.language = language
        self.marked = marked

    def result(self, act: ET.Element, where: str, iv: Intervention) -> None:
        """One outcome result for an intervention that has monitoring entries."""
        if not iv.monitoring:
            return
        result = ET.SubElement(act, "result", {"type": RESULT_OUTCOME})
        outcomes = [text_of(o) for o in iv.outcomes if o.strip()]
        # The first expected outcome names the result; all of them describe it.
        narrative(ET.SubElement(result, "title"), outcomes[0] if outcomes else text_of(iv.title))
        if len(outcomes) > 1:
            narrative(ET.SubElement(result, "description"), "\n".join(outcomes))
        for j, entry in enumerate(iv.monitoring):
            self.indicator(result, f"{where}.monitoring[{j}]", entry)

    def _indicator_title(self, title: ET.Element, where: str, entry: MonitoringEntry) -> None:
        ref = entry.indicator
        if ref.name.strip():
            narrative(title, text_of(ref.name))
            return
        if ref.kind is IndicatorKind.SDG and ref.code:
            try:
                text = self.catalogue.text(ref.code, self.language)
            except UnknownCodeError as exc:
                self.problem(f"{where}.indicator.code", str(exc))
                text = ""
            narrative(title, text)
            if self.marked is not None:
                title[-1].set(XML_LANG, self.marked)
            return
        self.problem(f"{where}.indicator.name", "the indicator needs a name")
        narrative(title, "")

    def indicator(self, result: ET.Element, where: str, entry: MonitoringEntry) -> None:
        ref = entry.indicator
        measures = [m for m in (entry.baseline, entry.target, *entry.interim) if m is not None]
        numeric = any(m.value is not None for m in measures) or bool(entry.achieved)
        if not numeric:
            measure = MEASURE_QUALITATIVE
        elif is_percent(ref.unit):
            measure = MEASURE_PERCENTAGE
        else:
            measure = MEASURE_UNIT
        attrib = {"measure": measure}
        base = entry.baseline.value if entry.baseline is not None else None
        goal = entry.target.value if entry.target is not None else None
        if base is not None and goal is not None and base != goal:
            attrib["ascending"] = "1" if goal > base else "0"
        ind = ET.SubElement(result, "indicator", attrib)
        self._indicator_title(ET.SubElement(ind, "title"), where, entry)
        if ref.definition.strip():
            narrative(ET.SubElement(ind, "description"), text_of(ref.definition))
        if ref.code:
            vocabulary = (
                INDICATOR_VOCABULARY_SDG
                if ref.kind is IndicatorKind.SDG
                else INDICATOR_VOCABULARY_REPORTER
            )
            ET.SubElement(ind, "reference", {"vocabulary": vocabulary, "code": text_of(ref.code)})
        if entry.baseline is not None and _has_content(entry.baseline):
            self._baseline(ind, f"{where}.baseline", entry.baseline, numeric)
        periods = [(f"{where}.interim[{k}]", m) for k, m in enumerate(entry.interim)]
        if entry.target is not None:
            periods.append((f"{where}.target", entry.target))
        by_year: dict[int, ET.Element] = {}
        for place, m in periods:
            if _has_content(m):
                period = self._period(ind, place, m, numeric)
                if period is not None and m.year is not None:
                    by_year.setdefault(m.year, period)
        self._actuals(ind, where, entry, by_year)

    def _actuals(
        self, ind: ET.Element, where: str, entry: MonitoringEntry, by_year: dict[int, ET.Element]
    ) -> None:
        """Achieved values as the ``actual`` of their year's period (a period of their own
        where no target falls in that year); periods end up in calendar order."""
        for k, achieved in enumerate(entry.achieved):
            if achieved.year is None or not 1 <= achieved.year <= 9999:
                self.problem(
                    f"{where}.achieved[{k}].year", "an achieved value needs the year it is for"
                )
                continue
            period = by_year.get(achieved.year)
            if period is None:
                period = by_year[achieved.year] = self._empty_period(ind, achieved.year)
            actual = ET.SubElement(period, "actual", {"value": decimal_text(achieved.value)})
            note = "; ".join(t.strip() for t in (achieved.source, achieved.note) if t.strip())
            _comment(actual, note)
        periods = ind.findall("period")
        for period in periods:
            ind.remove(period)
        periods.sort(key=lambda p: p[0].get("iso-date") or "")  # p[0]: its period-start
        ind.extend(periods)

    @staticmethod
    def _empty_period(ind: ET.Element, year: int) -> ET.Element:
        period = ET.SubElement(ind, "period")
        ET.SubElement(period, "period-start", {"iso-date": _dt.date(year, 1, 1).isoformat()})
        ET.SubElement(period, "period-end", {"iso-date": _dt.date(year, 12, 31).isoformat()})
        return period

    def _baseline(self, ind: ET.Element, where: str, m: Measure, numeric: bool) -> None:
        if m.year is None or m.year < 1:
            self.problem(f"{where}.year", "the baseline needs a year: IATI requires one")
            return
        attrib = {"year": str(m.year)}
        if numeric and m.value is not None:
            attrib["value"] = decimal_text(m.value)
        baseline = ET.SubElement(ind, "baseline", attrib)
        _comment(baseline, m.note)

    def _period(self, ind: ET.Element, where: str, m: Measure, numeric: bool) -> ET.Element | None:
        if m.year is None or not 1 <= m.year <= 9999:
            self.problem(f"{where}.year", "a target value needs the year it is due")
            return None
        period = self._empty_period(ind, m.year)
        attrib = {"value": decimal_text(m.value)} if numeric and m.value is not None else {}
        target = ET.SubElement(period, "target", attrib)
        _comment(target, m.note)
        return period
