"""``migsdg funding``: the resource mobilization view, as text, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import migsdg
from migsdg import ExchangeRate, FundingArrangement, FundingCategory, FundingStatus
from migsdg.cli import main
from migsdg.cli.funding import CSV_TABLES
from migsdg.views import funding_summary
from migsdg.word.labels import Labels
from review_plans import EXAMPLES, example, example_files, national_plan, with_intervention

__all__ = ["example_files"]

PLAIN_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def saved(plan: migsdg.ActionPlan, tmp_path: Path, name: str = "plan.yaml") -> str:
    return str(migsdg.save_plan(plan, tmp_path / name))


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("language", [None, "en", "es", "fr"])
def test_funding_text_on_examples(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    example_files: dict[str, Path],
    name: str,
    language: str | None,
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # no wrapping: whole labels on one line
    args = ["funding", str(example_files[name])]
    code, out, err = cli(capsys, *args, *(["--language", language] if language else []))
    assert code == 0, err
    plan = example(name)
    t = Labels(language or plan.language)  # the plan's language by default
    assert t.format("annex_resources_intro", currency=plan.currency) in out
    for category in FundingCategory:  # the guide's four, in its words and the language's
        assert t.enum(category) in out
    summary = funding_summary(plan)
    titles = {iv.id: f"{n}. {iv.title}" for n, iv in enumerate(plan.interventions, 1)}
    for row in summary.needing_resources():
        assert titles[row.intervention] in out
    assert t.number(summary.gap) in out


@pytest.mark.parametrize("name", EXAMPLES)
def test_funding_json_on_examples_is_consistent(
    capsys: pytest.CaptureFixture[str], example_files: dict[str, Path], name: str
) -> None:
    code, out, _ = cli(capsys, "funding", str(example_files[name]), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["format"], data["version"]) == ("migsdg-funding", 1)
    assert data == funding_summary(example(name)).to_dict()
    rows = data["interventions"]
    for figure in ("required", "secured", "pledged", "proposed", "gap"):
        assert Decimal(data["totals"][figure]) == sum(Decimal(r[figure]) for r in rows)
    for r in rows:
        assert Decimal(r["required"]) == Decimal(r["resources"]) + Decimal(
            r["supporting_activities"]
        )
    by_category = sum(Decimal(c["total"]) for c in data["categories"])
    assert by_category == sum(
        Decimal(data["totals"][f]) for f in ("secured", "pledged", "proposed")
    )
    gaps = [Decimal(r["gap"]) for r in data["needing_resources"]]
    assert gaps == sorted(gaps, reverse=True)
    assert all(g > 0 for g in gaps)
    assert [c["category"] for c in data["categories"][:4]] == [c.value for c in FundingCategory]


def test_required_includes_supporting_activities() -> None:
    row = funding_summary(national_plan()).interventions[0]
    assert (row.resources, row.supporting_activities, row.required) == (
        Decimal(90000),
        Decimal(10000),
        Decimal(100000),
    )


def test_proposed_funding_does_not_close_the_gap() -> None:
    row = funding_summary(national_plan()).interventions[1]  # iv-recruit
    assert (row.secured, row.pledged, row.proposed) == (
        Decimal(40000),
        Decimal(30000),
        Decimal(20000),
    )
    assert row.gap == Decimal(30000)


@pytest.mark.parametrize("table", list(CSV_TABLES))
def test_csv_tables_have_stable_headers_and_plain_amounts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, table: str
) -> None:
    path = saved(national_plan(), tmp_path)
    code, out, _ = cli(capsys, "funding", path, "--format", "csv", "--table", table)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_TABLES[table]
    amount_columns = [
        i
        for i, name in enumerate(rows[0])
        if name
        in {"resources", "supporting_activities", "required", "secured", "pledged", "proposed"}
        | {"gap", "total"}
    ]
    assert len(rows) > 1
    for row in rows[1:]:
        assert len(row) == len(rows[0])
        for i in amount_columns:
            assert PLAIN_DECIMAL.match(row[i]), row[i]
        assert row[rows[0].index("currency")] == "USD"


def test_csv_default_table_is_interventions_and_needing_is_ranked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = saved(national_plan(), tmp_path)
    _, out, _ = cli(capsys, "funding", path, "--format", "csv")
    assert out.splitlines()[0].startswith("intervention,title,resources,")
    assert [r[0] for r in csv.reader(io.StringIO(out))][1:] == [
        "iv-policy",
        "iv-recruit",
        "iv-remit",
    ]
    _, out, _ = cli(capsys, "funding", path, "--format", "csv", "--table", "needing")
    ranked = list(csv.reader(io.StringIO(out)))[1:]
    assert [(r[0], r[1], r[6]) for r in ranked] == [
        ("1", "iv-remit", "100000"),
        ("2", "iv-recruit", "30000"),
    ]


def test_csv_never_turns_text_into_formulas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = with_intervention(national_plan(), 0, title='=HYPERLINK("http://x","y")')
    _, out, _ = cli(capsys, "funding", saved(plan, tmp_path), "--format", "csv")
    first = list(csv.reader(io.StringIO(out)))[1]
    assert first[1] == '\'=HYPERLINK("http://x","y")'


def test_currency_mix_without_rate_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = with_intervention(
        national_plan(),
        1,
        funding=(
            FundingArrangement(
                source="partner",
                amount=Decimal(25000),
                currency="EUR",
                status=FundingStatus.PLEDGED,
            ),
        ),
    )
    path = saved(plan, tmp_path)
    for fmt in ("text", "json", "csv"):
        code, out, err = cli(capsys, "funding", path, "--format", fmt)
        assert code == 2
        assert out == ""
        assert "EUR" in err and "USD" in err and "exchange rate" in err
        assert "interventions[1].funding[0]" in err
        assert "Traceback" not in err


def test_currency_mix_with_rate_is_converted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = with_intervention(
        national_plan(exchange_rates=(ExchangeRate(currency="EUR", rate=Decimal("1.08")),)),
        1,
        funding=(
            FundingArrangement(
                source="partner",
                amount=Decimal(25000),
                currency="EUR",
                status=FundingStatus.PLEDGED,
            ),
        ),
    )
    code, out, _ = cli(capsys, "funding", saved(plan, tmp_path), "--format", "json")
    assert code == 0
    row = json.loads(out)["interventions"][1]
    assert Decimal(row["pledged"]) == Decimal(27000)
    assert Decimal(row["gap"]) == Decimal(100000) - Decimal(27000)


def test_funding_partner_names_come_from_the_actors() -> None:
    sources = {s.source: s for s in funding_summary(national_plan()).sources}
    assert (sources["partner"].provider, sources["partner"].provider_name) == (
        "eu",
        "Development partner",
    )
    assert sources["budget"].provider_name == ""


def test_funding_of_an_unknown_source_is_uncategorised() -> None:
    plan = with_intervention(
        national_plan(),
        0,
        funding=(
            FundingArrangement(source="nowhere", amount=Decimal(5), status=FundingStatus.SECURED),
        ),
    )
    data = funding_summary(plan).to_dict()
    last = data["categories"][-1]
    assert (last["category"], last["label"], last["secured"]) == (
        None,
        "No category recorded",
        "5",
    )


def test_plan_without_interventions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = attrs.evolve(national_plan(), interventions=())
    code, out, _ = cli(capsys, "funding", saved(plan, tmp_path))
    assert code == 0
    t = Labels(plan.language)
    assert t["by_source"] not in out  # no sources, no table of them
    assert t["none_needing"] in out


def test_missing_plan_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = cli(capsys, "funding", str(tmp_path / "absent.yaml"))
    assert code == 2
    assert "Traceback" not in err
