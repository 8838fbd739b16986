"""The command line speaks the reader's language: every command that writes text for
people, on the provincial example (a Spanish plan), in French and Arabic has no English
words of its own, and add, ladder and the status steps follow the plan's language or
--language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import migsdg
from migsdg.cli import main
from migsdg.examples import load_example
from migsdg.present import Para

# Words only English text has (the provincial plan is written in Spanish).
_ENGLISH = re.compile(
    r"\b(?:the|and|of|with|from|not|yet|is|are|has|have|none|to|in|"
    r"plan's|findings?|problems?|revision|status|history|target|due)\b"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out + err


def english_words(text: str) -> list[str]:
    # Command words and options are typed as they are ("migsdg status … amend --author").
    text = re.sub(r"(?:migsdg [a-z]+|--[a-z-]+|'migsdg [a-z]+')", " ", text)
    # Quoted names are the plan's (or a template's) own text; key paths are the file's.
    text = re.sub(r"«[^»]*»", " ", text)
    text = re.sub(r"(?<!\w)'[^']*'(?!\w)|\S*[.\[]\S*", " ", text)
    return sorted(set(_ENGLISH.findall(text)))


@pytest.fixture(scope="module")
def provincial(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "provincial.yaml"
    migsdg.save_plan(load_example("provincial"), path)
    return path


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("command", ["check", "review", "funding", "status", "progress", "diff"])
def test_commands_write_no_english_of_their_own(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    provincial: Path,
    command: str,
    language: str,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    args = [command, str(provincial)]
    if command == "diff":
        args.append(str(provincial))
    code, text = run(capsys, *args, "--language", language)
    assert code in (0, 1), text
    assert text.strip()
    assert english_words(text.replace(str(provincial), "PLAN")) == [], text


def test_add_speaks_the_plans_language_or_the_one_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "plan.yaml"
    base = ["add", "--example", "provincial", "--template", "labour.inspection-osh"]
    code, text = run(capsys, *base, "--id", "osh-2", "-o", str(out))
    assert code == 0, text
    assert text.startswith("se añadió la intervención 'osh-2'")
    assert "aún por completar en 'osh-2'" in text
    assert english_words(text) == []
    code, text = run(capsys, *base, "--id", "osh-3", "-o", str(out), "--force", "--language", "fr")
    assert code == 0, text
    assert text.startswith("intervention 'osh-3' ajoutée")
    assert english_words(text) == []


def test_ladder_and_its_interim_targets_in_the_plans_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "plan.yaml"
    code, text = run(
        capsys,
        "ladder",
        "--baseline", "7.4", "--baseline-year", "2021", "--target", "3",
        "--target-year", "2030", "--years", "2024", "2027",
        "--example", "provincial", "--sdg-target", "10.7",
        "--write", "-o", str(out), "--author", "Unidad", "--summary", "Escala",
    )  # fmt: skip
    assert code == 0, text
    assert text.splitlines()[:2] == [
        "trayectoria lineal de 7,4 (2021) a 3 (2030)",
        "  2021  7,4  (línea de base)",
    ]
    assert "Metas intermedias añadidas a" in text
    # The interim targets' descriptions are in the plan's language too.
    plan = migsdg.load_plan(out)
    assert plan.interim_targets[-1].description == "trayectoria lineal de 7,4 (2021) a 3 (2030)"
    code, text = run(
        capsys,
        "ladder",
        "--baseline", "7.4", "--baseline-year", "2021", "--target", "3",
        "--target-year", "2030", "--years", "2024", "--language", "fr",
    )  # fmt: skip
    assert text.splitlines()[0] == "trajectoire linéaire de 7,4 (2021) à 3 (2030)"


def test_a_status_step_says_what_it_did_in_the_readers_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "plan.yaml"
    code, text = run(
        capsys, "status", "--example", "provincial", "amend", "--author", "A",
        "--summary", "S", "--date", "2025-08-01", "-o", str(out),
    )  # fmt: skip
    assert code == 0, text
    status = "modificado tras su adopción"
    assert text.strip() == f"ecu-imb-2024: {status} → {status} (revisión 6, 2025-08-01)"


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [("es", "{n} pendiente", "{n} pendientes"), ("fr", "{n} échu", "{n} échus")],
)
def test_progress_counts_take_the_plural_form_of_their_number(
    language: str, one: str, many: str
) -> None:
    import datetime as dt

    from migsdg.progress import progress
    from migsdg.progress_view import progress_view

    plan = load_example("national")
    as_of = dt.date(2026, 12, 3)
    counts = progress(plan, as_of=as_of).counts()["milestones"]
    intro = progress_view(plan, language, as_of=as_of).intro[0]
    assert isinstance(intro, Para)
    n = counts["upcoming" if language == "es" else "overdue"]
    form = one if (n == 1 if language == "es" else n <= 1) else many
    assert form.format(n=n) + ("." if language == "es" else ",") in intro.text
