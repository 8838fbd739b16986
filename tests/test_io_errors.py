"""Malformed plan files: every problem reported at once with its place, nothing lost.

A draft may be incomplete (that is the checks' business); what the loader refuses is what
is malformed. These tests pin the messages planners see, through the library and through
``migsdg check`` (exit 2, never a traceback).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import migsdg
import migsdg.io as plan_io
from migsdg.cli import main
from migsdg.errors import MigsdgError, PlanLoadError, Problem
from migsdg.io import load_plan, loads_plan, plan_from_dict, save_plan


def problems(text: str, format: str = "yaml") -> list[tuple[str, str]]:
    with pytest.raises(PlanLoadError) as info:
        loads_plan(text, format=format)
    return [(p.location, p.message) for p in info.value.problems]


def problems_of_dict(data: object) -> list[tuple[str, str]]:
    with pytest.raises(PlanLoadError) as info:
        plan_from_dict(data)
    return [(p.location, p.message) for p in info.value.problems]


def file_problems(path: Path) -> PlanLoadError:
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    return info.value


# -- wrong types ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: p\ninterventions: abc\n", [("interventions", "'abc' is not a list")]),
        ("id: p\ntitle: [a, b]\n", [("title", "['a', 'b'] is not text")]),
        ("id: p\ntitle: true\n", [("title", "True is not text")]),
        ("id: p\nperiod: 2025\n", [("period", "2025 is not a mapping of keys to values")]),
        (
            "id: p\nrevisions: [{number: 1.5, date: 2025-01-01}]\n",
            [("revisions[0].number", "1.5 is not a whole number")],
        ),
        (
            "id: p\ninterventions:\n"
            "- {id: i, beneficiaries: [{group: g, estimated_number: many}]}\n",
            [
                (
                    "interventions[0].beneficiaries[0].estimated_number",
                    "'many' is not a whole number",
                )
            ],
        ),
        (
            "id: p\ninterventions: [{id: i, resources: [{description: d, amount: lots}]}]\n",
            [("interventions[0].resources[0].amount", "'lots' is not a number")],
        ),
        (
            "id: p\ninterventions: [{id: i, outcomes: [fine, null]}]\n",
            [("interventions[0].outcomes[1]", "None is not text")],
        ),
        ("id: null\n", [("id", "None is not text")]),
        ("title: no id\n", [("id", "required value is missing")]),
        (
            "id: p\ninterventions: [{id: i, roles: [{stage: design}]}]\n",
            [("interventions[0].roles[0].actor", "required value is missing")],
        ),
    ],
)
def test_wrong_types_are_named_with_their_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert problems(text) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("soon", "'soon' is not a date (YYYY-MM-DD)"),
        ("'2025-02-30'", "'2025-02-30' is not a valid date"),
        ("2025/01/01", "'2025/01/01' is not a date (YYYY-MM-DD)"),
        ("20250101", "20250101 is not a date (YYYY-MM-DD)"),
        (
            "2025-01-01 10:30:00",
            "datetime.datetime(2025, 1, 1, 10, 30) is a date and time; give the date only "
            "(YYYY-MM-DD)",
        ),
    ],
)
def test_bad_dates(value: str, message: str) -> None:
    text = f"id: p\ninterventions:\n- id: i\n  timeframe: {{end: {value}}}\n"
    assert problems(text) == [("interventions[0].timeframe.end", message)]


def test_a_datetime_in_a_dict_is_refused() -> None:
    data = {"id": "p", "period": {"start": dt.datetime(2025, 1, 1, 9, 0)}}
    [(where, message)] = problems_of_dict(data)
    assert where == "period.start"
    assert "is a date and time; give the date only" in message


# -- unknown keys, values and codes ---------------------------------------------------------


def test_unknown_keys_are_named_with_the_closest_valid_key() -> None:
    assert problems("id: p\ntitel: x\ninterventions:\n- id: i\n  rationle: r\n  colour: red\n") == [
        ("interventions[0].colour", "unknown key 'colour'"),
        ("interventions[0].rationle", "unknown key 'rationle' (did you mean 'rationale'?)"),
        ("titel", "unknown key 'titel' (did you mean 'title'?)"),
    ]


def test_unknown_intervention_type_lists_the_six() -> None:
    [(where, message)] = problems("id: p\ninterventions: [{id: i, type: right_based}]\n")
    assert where == "interventions[0].type"
    assert message.startswith("unknown intervention type 'right_based' (expected one of ")
    for t in migsdg.InterventionType:
        assert t.value in message
    assert message.endswith("did you mean 'rights_based'?)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id: p\nobjectives: [{id: o, targets: ['10.77']}]\n",
            [
                (
                    "objectives[0].targets[0]",
                    "unknown SDG target '10.77' (did you mean 10.7, 17.7, 16.7?)",
                )
            ],
        ),
        (
            "id: p\ninterim_targets: [{id: i, target: SDG 18.1}]\n",
            [
                (
                    "interim_targets[0].target",
                    "unknown SDG target 'SDG 18.1' (did you mean 8.1, 1.1, 8.10?)",
                )
            ],
        ),
        (
            "id: p\ninterventions: [{id: i, monitoring: [{indicator: {code: 10.7.9}}]}]\n",
            [
                (
                    "interventions[0].monitoring[0].indicator.code",
                    "unknown SDG indicator '10.7.9' (did you mean 10.7.4, 10.7.3, 10.7.2?)",
                )
            ],
        ),
        (
            "id: p\ninterventions: [{id: i, gcm_objectives: [24], migration_domains: ['7']}]\n",
            [
                (
                    "interventions[0].gcm_objectives[0]",
                    "unknown GCM objective 24 (expected 1 to 23)",
                ),
                (
                    "interventions[0].migration_domains[0]",
                    "unknown 10.7.2 domain '7' (expected 1 to 6)",
                ),
            ],
        ),
        (
            "id: p\ncurrency: usd\ncountry: Jamaica\n",
            [
                ("country", "'Jamaica' is not an ISO 3166-1 alpha-3 code (e.g. JAM, ECU)"),
                ("currency", "'usd' is not an ISO 4217 currency code (three capitals, e.g. USD)"),
            ],
        ),
    ],
)
def test_unknown_codes_with_suggestions(text: str, expected: list[tuple[str, str]]) -> None:
    assert problems(text) == expected


def test_national_indicator_codes_are_not_checked_against_the_catalogue() -> None:
    plan = loads_plan(
        "id: p\ninterventions:\n"
        "- {id: i, monitoring: [{indicator: {kind: national, code: JAM-1}}]}\n"
    )
    assert plan.interventions[0].monitoring[0].indicator.code == "JAM-1"
    # ...but an SDG indicator is, whatever the case of its kind.
    assert problems(
        "id: p\ninterventions: [{id: i, monitoring: [{indicator: {kind: SDG, code: JAM-1}}]}]\n"
    ) == [("interventions[0].monitoring[0].indicator.code", "unknown SDG indicator 'JAM-1'")]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", ".nan is not a finite number"),
        (".inf", ".inf is not a finite number"),
        ("'NaN'", "'NaN' is not a number"),
        (
            "'1e999999999999'",
            "'1e999999999999' is too large (numbers must be below 1e15 in size)",
        ),
        ("-12.5e+300", "-12.5e+300 is too large"),
    ],
)
def test_amounts_must_be_finite_numbers(value: str, message: str) -> None:
    text = f"id: p\ninterventions: [{{id: i, resources: [{{description: d, amount: {value}}}]}}]\n"
    [(where, found)] = problems(text)
    assert where == "interventions[0].resources[0].amount"
    assert found.startswith(message)


def test_json_nan_is_refused() -> None:
    text = '{"id": "p", "exchange_rates": [{"currency": "USD", "rate": NaN}]}'
    assert problems(text, format="json") == [
        ("exchange_rates[0].rate", "nan is not a finite number")
    ]


def test_schema_version() -> None:
    assert problems("schema_version: 2\nid: p\n") == [
        ("schema_version", "this migsdg reads plan files of schema_version 1, not 2")
    ]
    assert problems("schema_version: '1'\nid: p\n") == [
        ("schema_version", "this migsdg reads plan files of schema_version 1, not '1'")
    ]
    assert loads_plan("schema_version: 1\nid: p\n").id == "p"


def test_keys_must_be_text() -> None:
    assert problems_of_dict({"id": "p", 1: "x"}) == [("", "keys must be text, not 1")]


# -- every problem at once ------------------------------------------------------------------


def test_every_problem_is_reported_at_once_in_document_order() -> None:
    ivs = [{"id": f"iv-{i}"} for i in range(12)]
    ivs[2]["timeframe"] = {"end": "soon"}
    ivs[10]["type"] = "policy"
    ivs[10]["targets"] = ["10.7", "99.9"]
    data = {
        "id": "p",
        "titel": "x",
        "objectives": [{"id": "o", "targets": "10.7"}],
        "interventions": ivs,
        "currency": "dollars",
    }
    found = problems_of_dict(data)
    assert [where for where, _ in found] == [
        "currency",
        "interventions[2].timeframe.end",
        "interventions[10].targets[1]",
        "interventions[10].type",
        "objectives[0].targets",
        "titel",
    ]


def test_the_error_carries_structured_problems_and_the_source(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("id: p\ntitel: x\nstatus: finished\n", encoding="utf-8")
    error = file_problems(path)
    assert isinstance(error, MigsdgError)
    assert isinstance(error, ValueError)
    assert error.source == str(path)
    assert error.problems == (
        Problem(location="status", message=error.problems[0].message),
        Problem(location="titel", message="unknown key 'titel' (did you mean 'title'?)"),
    )
    assert error.problems[0].message.startswith("unknown plan status 'finished'")
    assert str(error).splitlines() == [
        f"{path}: 2 problems in plan",
        f"  status: {error.problems[0].message}",
        "  titel: unknown key 'titel' (did you mean 'title'?)",
    ]


# -- files that are not plans ---------------------------------------------------------------


def test_broken_yaml_names_line_and_column() -> None:
    assert problems("id: p\ntitle: [unclosed\nsummary: x\n") == [
        ("line 3, column 8", "not valid YAML: did not find expected ',' or ']'")
    ]


def test_broken_json_names_line_and_column() -> None:
    assert problems('{\n  "id": "p",\n  "title": \n}\n', format="json") == [
        ("line 4, column 1", "not valid JSON: Expecting value")
    ]


@pytest.mark.parametrize("text", ["", "   \n\n", "\t"])
def test_an_empty_file_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text(text, encoding="utf-8")
    assert [p.message for p in file_problems(path).problems] == ["the file is empty"]


def test_a_yaml_comment_only_file_is_not_a_plan() -> None:
    assert problems("# nothing yet\n") == [("", "a plan must be a mapping of keys to values")]


@pytest.mark.parametrize(
    ("text", "format"),
    [("- id: p\n- id: q\n", "yaml"), ('[{"id": "p"}]', "json"), ("just words\n", "yaml")],
)
def test_the_top_level_must_be_a_mapping(text: str, format: str) -> None:
    assert problems(text, format=format) == [("", "a plan must be a mapping of keys to values")]


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
id: *i
"""


def test_a_yaml_alias_bomb_is_refused_before_it_expands() -> None:
    [(where, message)] = problems(BILLION_LAUGHS)
    assert where.startswith("line ")  # where the value used again is anchored
    assert message.startswith("not valid YAML: aliases (*name) are not allowed in plan files")


def test_an_alias_is_refused_even_when_harmless() -> None:
    [(_, message)] = problems("id: &x p\ntitle: *x\n")
    assert "aliases (*name) are not allowed" in message


def test_duplicate_keys_are_refused() -> None:
    assert problems("id: p\ntitle: first\ntitle: second\n") == [
        ("line 3, column 1", "not valid YAML: the key 'title' is given twice")
    ]
    assert problems('{"id": "p", "id": "q"}', format="json") == [
        ("", "the key 'id' is given twice")
    ]


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_too_deep_nesting_is_refused(format: str) -> None:
    text = "[" * 100_000 + "]" * 100_000
    [(_, message)] = problems(text, format=format)
    assert "nest" in message


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert [p.message for p in file_problems(path).problems] == [
        "this is a binary file, not a YAML or JSON plan"
    ]


def test_a_file_that_is_not_utf8_is_refused_with_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes("id: p\ntitle: Plan de acción\n".encode("latin-1"))
    [problem] = file_problems(path).problems
    assert (problem.location, problem.message) == (
        "byte 25",
        "the file is not UTF-8 text (save it as UTF-8)",
    )


def test_a_file_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"id": "p", "summary": "' + "x" * 200 + '"}', encoding="utf-8")
    monkeypatch.setattr(plan_io, "MAX_PLAN_FILE_BYTES", 100)

    def no_read(self: Path) -> bytes:  # pragma: no cover - must not be called
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    size = path.stat().st_size
    [problem] = file_problems(path).problems
    assert problem.message == f"file is {size} bytes; plan files over 100 bytes are refused"


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("id: p\n", encoding="utf-8")
    [problem] = file_problems(path).problems
    assert problem.message == "unknown plan file type '.txt'; use .yaml, .yml, .json or .xlsx"


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_plan(tmp_path / "nowhere.yaml")


# -- saving ---------------------------------------------------------------------------------


def _original(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "plan.yaml"
    save_plan(migsdg.ActionPlan(id="original", title="Keep me"), path)
    return path, path.read_bytes()


def test_a_write_failing_part_way_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = _original(tmp_path)

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space left"):
        save_plan(migsdg.ActionPlan(id="new", title="x" * 10_000), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_a_failing_replace_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = _original(tmp_path)

    def failing_replace(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(PermissionError):
        save_plan(migsdg.ActionPlan(id="new"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_saving_with_an_unknown_suffix_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(PlanLoadError, match=r"cannot save a plan as '\.txt'"):
        save_plan(migsdg.ActionPlan(id="p"), tmp_path / "plan.txt")
    assert list(tmp_path.iterdir()) == []


def test_saving_into_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        save_plan(migsdg.ActionPlan(id="p"), tmp_path / "missing" / "plan.yaml")


# -- through the command line ----------------------------------------------------------------

MALFORMED = {
    "wrong-type.yaml": ("id: p\ninterventions: abc\n", "interventions: 'abc' is not a list"),
    "bad-date.yaml": (
        "id: p\ninterventions:\n- id: i\n  timeframe: {end: soon}\n",
        "interventions[0].timeframe.end: 'soon' is not a date (YYYY-MM-DD)",
    ),
    "unknown-key.yaml": ("id: p\ntitel: x\n", "titel: unknown key 'titel' (did you mean 'title'?)"),
    "unknown-type.json": (
        '{"id": "p", "interventions": [{"id": "i", "type": "magic"}]}',
        "interventions[0].type: unknown intervention type 'magic'",
    ),
    "unknown-code.yaml": (
        "id: p\nobjectives: [{id: o, targets: ['10.77']}]\n",
        "objectives[0].targets[0]: unknown SDG target '10.77'",
    ),
    "broken.yaml": ("id: [p\n", "not valid YAML"),
    "broken.json": ('{"id": ', "not valid JSON"),
    "empty.yaml": ("", "the file is empty"),
    "bomb.yaml": (BILLION_LAUGHS, "aliases (*name) are not allowed"),
    "list.yaml": ("- id: p\n", "a plan must be a mapping of keys to values"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_check_exits_2_with_the_problems_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text, expected = MALFORMED[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert expected in err
    assert str(path) in err
    assert "Traceback" not in err


def test_check_reports_binary_and_non_utf8_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\x01\x02 id: p")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("id: acción\n".encode("latin-1"))
    assert main(["check", str(binary)]) == 2
    assert "this is a binary file" in capsys.readouterr().err
    assert main(["check", str(latin)]) == 2
    assert "not UTF-8 text" in capsys.readouterr().err


def test_check_on_a_missing_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nowhere.yaml")]) == 2
    err = capsys.readouterr().err
    assert "No such file or directory" in err
    assert "Traceback" not in err


def test_console_script_reports_every_problem_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "id: p\ntitel: x\ninterventions:\n- id: i\n  type: magic\n  timeframe: {end: soon}\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "migsdg", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "3 problems in plan" in proc.stderr
    for where in ("interventions[0].timeframe.end", "interventions[0].type", "titel"):
        assert where in proc.stderr


def test_json_problems_keep_their_messages_when_printed() -> None:
    with pytest.raises(PlanLoadError) as info:
        loads_plan(json.dumps({"id": "p", "status": "done"}), format="json", source="db:42")
    assert str(info.value).startswith("db:42: 1 problem in plan\n  status: unknown plan status")


# -- problems in the reader's language -------------------------------------------------------

BAD_PLAN = """\
id: x
language: {language}
currency: usd
interventions:
  - id: iv-1
    type: polcy
    targets: ["SDG 10.7", "10.77"]
    timeframe: {{start: 2025-01-01, end: soon}}
    titel: Remittance costs
    gcm_objectives: [30]
"""


def cli_error(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(list(args)) == 2
    return capsys.readouterr().err.splitlines()


def split(lines: list[str]) -> list[tuple[str, str]]:
    """(location, message) of each problem line."""
    return [tuple(line.strip().split(": ", 1)) for line in lines[1:]]  # type: ignore[misc]


@pytest.mark.parametrize(
    ("language", "option", "expected"),
    [
        ("es", None, "6 problemas en el plan"),
        ("fr", None, "6 problèmes dans le plan"),
        ("es", "fr", "6 problèmes dans le plan"),
        ("fr", "ar", "6 مشكلات في الخطة"),
        ("es", "en", "6 problems in plan"),
        ("xx", None, "6 problems in plan"),  # a language the tool does not speak: English
    ],
)
def test_load_problems_in_the_readers_language(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    language: str,
    option: str | None,
    expected: str,
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(BAD_PLAN.format(language=language), encoding="utf-8")
    extra = ["--language", option] if option else []
    lines = cli_error(capsys, "check", str(path), *extra)
    assert lines[0] == f"migsdg: error: {path}: {expected}"
    english = cli_error(capsys, "check", str(path), "--language", "en")
    # The places are exactly the English ones; only the words change.
    assert (
        [loc for loc, _ in split(lines)]
        == [loc for loc, _ in split(english)]
        == [
            "currency",
            "interventions[0].gcm_objectives[0]",
            "interventions[0].targets[1]",
            "interventions[0].timeframe.end",
            "interventions[0].titel",
            "interventions[0].type",
        ]
    )
    if expected.startswith("6 problems"):
        assert lines == english
    else:
        assert all(a != b for (_, a), (_, b) in zip(split(lines), split(english), strict=True))
        # The values given in the file are quoted as they are.
        assert all("'usd'" in m for loc, m in split(lines) if loc == "currency")
        assert any("'titel'" in m and "'title'" in m for _, m in split(lines))


def test_load_problems_keep_their_english_for_programs(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(BAD_PLAN.format(language="es"), encoding="utf-8")
    error = file_problems(path)
    assert error.language == "es"
    assert str(error).splitlines()[0] == f"{path}: 6 problems in plan"
    by_place = {p.location: p.message for p in error.problems}
    assert by_place["interventions[0].titel"] == "unknown key 'titel' (did you mean 'title'?)"
    assert by_place["interventions[0].timeframe.end"] == "'soon' is not a date (YYYY-MM-DD)"


def test_a_file_that_cannot_be_read_reports_in_english_unless_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Broken YAML: the plan's language cannot be known.
    path = tmp_path / "plan.yaml"
    path.write_text("language: es\nid: [unclosed\n", encoding="utf-8")
    assert file_problems(path).language is None
    (first, second) = cli_error(capsys, "check", str(path))
    assert first == f"migsdg: error: {path}: 1 problem in plan"
    assert second.startswith("  line 3, column 1: not valid YAML: ")
    (first, second) = cli_error(capsys, "check", str(path), "--language", "es")
    assert first == f"migsdg: error: {path}: 1 problema en el plan"
    assert second.startswith("  line 3, column 1: YAML no válido: ")


def test_type_errors_of_the_model_read_in_the_readers_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(
        json.dumps({"id": "x", "language": "fr", "interventions": [{"id": 3, "title": ["a"]}]}),
        encoding="utf-8",
    )
    lines = cli_error(capsys, "check", str(path))
    assert lines[0].endswith("1 problème dans le plan")
    assert lines[1] == "  interventions[0].title: ['a'] n'est pas du texte"
