"""``migsdg export``: a plan file or an embedded example to any registered format."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from migsdg import save_plan
from migsdg.cli import main
from word_plans import full_plan


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_an_example_to_word_prints_the_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "plan.docx"
    code, out, err = run(capsys, "export", "--example", "national", "-o", str(out_path))
    assert (code, out, err) == (0, f"{out_path}\n", "")
    d = docx.Document(str(out_path))
    assert any(p.text.startswith("Intervention 1: ") for p in d.paragraphs)


def test_export_a_plan_file_with_word_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan_file = save_plan(full_plan(), tmp_path / "plan.yaml")
    out_path = tmp_path / "borrador.docx"
    code, out, _ = run(
        capsys,
        "export",
        str(plan_file),
        "-o",
        str(out_path),
        "--language",
        "es",
        "--omit",
        "findings,timeline",
        "--format",
        "docx",
    )
    assert code == 0 and out.strip() == str(out_path)
    text = "\n".join(p.text for p in docx.Document(str(out_path)).paragraphs)
    assert "Intervención 1: " in text
    assert "Cronograma" not in text and "Observaciones pendientes" not in text
    assert "Anexo A. Plan de movilización de recursos" in text


def test_sections_option_limits_the_draft(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan_file = save_plan(full_plan(), tmp_path / "plan.yaml")
    out_path = tmp_path / "plan.docx"
    code, _, _ = run(capsys, "export", str(plan_file), "-o", str(out_path), "--sections", "cover")
    assert code == 0
    text = "\n".join(p.text for p in docx.Document(str(out_path)).paragraphs)
    assert "Interventions" not in text and plan_file.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--example", "atlantis"], "unknown example 'atlantis'"),
        (["--example", "national", "--sections", "appendix"], "unknown section appendix"),
        (["--example", "national", "-O", "colour=red"], "no option colour"),
        (["--example", "national", "-O", "colour"], "--option takes NAME=VALUE"),
        (["--example", "national", "--format", "pdf"], "unknown export format 'pdf'"),
        (["missing-plan.yaml"], "missing-plan.yaml"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    out_path = tmp_path / "plan.docx"
    code, out, err = run(capsys, "export", *args, "-o", str(out_path))
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err
    assert not out_path.exists()


def test_unreadable_plan_file_reports_its_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text("schema_version: 1\nid: x\ninterventions: 3\n", encoding="utf-8")
    code, _, err = run(capsys, "export", str(bad), "-o", str(tmp_path / "plan.docx"))
    assert code == 2 and "interventions" in err


def test_plan_or_example_and_output_are_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-o", "plan.docx"]) == 2
    assert "PLAN or --example NAME is required" in capsys.readouterr().err
    assert main(["export", "--example", "national"]) == 2
    assert "-o/--output is required" in capsys.readouterr().err
