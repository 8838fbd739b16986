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


# Further English words of the messages of import, templates, targets, workbook, example
# and schema (none is a word of Spanish, French or Arabic).
_MORE_ENGLISH = re.compile(
    r"\b(?:would|replace|changed|added|removed|unchanged|nothing|written|exists|already|"
    r"give|write|match|sectors?|plugin|targets|workbooks?|unknown|mean)\b"
)


def english_words(text: str, pattern: re.Pattern[str] = _ENGLISH) -> list[str]:
    # Command words and options are typed as they are ("migsdg status … amend --author").
    text = re.sub(r"(?:migsdg [a-z]+|--[a-z-]+|'migsdg [a-z]+')", " ", text)
    # Quoted names are the plan's (or a template's) own text; key paths are the file's.
    text = re.sub(r"«[^»]*»", " ", text)
    text = re.sub(r"(?<!\w)'[^']*'(?!\w)|\S*[.\[]\S*", " ", text)
    return sorted(set(pattern.findall(text)))


def cli_english(text: str) -> list[str]:
    """The English words of :func:`english_words` and those of the commands below."""
    return sorted(set(english_words(text)) | set(english_words(text, _MORE_ENGLISH)))


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


# -- templates, import, workbook, example, targets, schema ----------------------------


@pytest.fixture(scope="module")
def provincial_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The provincial plan (Spanish) as a workbook."""
    from migsdg.excel import write_workbook

    path = tmp_path_factory.mktemp("book") / "provincial.xlsx"
    write_workbook(load_example("provincial"), path, computed=False)
    return path


def _older(path: Path) -> Path:
    """An older version of the provincial plan: another title, an intervention more and
    one changed, a revision fewer."""
    import attrs

    from migsdg import model as m

    plan = load_example("provincial")
    first = plan.interventions[0]
    older = attrs.evolve(
        plan,
        title="Versión anterior",
        interventions=(
            attrs.evolve(first, rationale="otra justificación"),
            *plan.interventions[1:],
            m.Intervention(id="iv-retirada"),
        ),
        revisions=plan.revisions[:-1],
    )
    migsdg.save_plan(older, path)
    return path


@pytest.mark.parametrize("language", ["es", "fr", "ar", "en"])
def test_import_dry_run_speaks_the_readers_language(
    capsys: pytest.CaptureFixture[str], provincial_book: Path, tmp_path: Path, language: str
) -> None:
    target = _older(tmp_path / "plan.yaml")
    before = target.read_bytes()
    args = ["import", str(provincial_book), "-o", str(target), "--dry-run"]
    if language != "es":  # Spanish is the plan's language: the default
        args += ["--language", language]
    code, text = run(capsys, *args)
    assert code == 0, text
    assert target.read_bytes() == before
    last = text.splitlines()[-1]
    if language == "en":
        # The positive control: the same summary in English is caught by the scan.
        assert last == "Nothing was written (--dry-run)."
        assert {"would", "replace", "removed", "changed", "unchanged"} <= set(cli_english(text))
        return
    assert (
        last
        == {
            "es": "No se escribió nada (--dry-run).",
            "fr": "Rien n'a été écrit (--dry-run).",
            "ar": "لم يُكتب أي شيء (--dry-run).",
        }[language]
    )
    assert cli_english(text) == [], text
    assert "added" not in text and "removed" not in text and "unchanged" not in text


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_import_says_what_it_would_create_and_refuses_in_the_readers_language(
    capsys: pytest.CaptureFixture[str], provincial_book: Path, tmp_path: Path, language: str
) -> None:
    target = tmp_path / "new.yaml"
    extra = [] if language == "es" else ["--language", language]
    code, text = run(capsys, "import", str(provincial_book), "-o", str(target), "--dry-run", *extra)
    assert code == 0 and not target.exists()
    assert cli_english(text) == [], text
    assert "funding sources" not in text
    # Refusals: an existing plan without --force (in the plan's language), and files of
    # the wrong kind (before the workbook is read: in the language asked for).
    _older(target)
    refused = [[str(provincial_book), "-o", str(target)]]
    if extra:
        refused += [
            [str(provincial_book), "-o", str(tmp_path / "out.xlsx")],
            [str(target), "-o", str(tmp_path / "out.yaml")],
        ]
    for args in refused:
        code, text = run(capsys, "import", *args, *extra)
        assert code == 2, text
        assert text.startswith("migsdg: error: ")
        assert cli_english(text.replace(str(tmp_path), "DIR")) == [], text


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_templates_labels_and_reference_texts_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], language: str
) -> None:
    from migsdg.catalogue import catalogue

    def headings(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.endswith(":") and line[0] != " "]

    code, english = run(capsys, "templates", "labour.fair-recruitment")
    assert code == 0
    code, text = run(capsys, "templates", "labour.fair-recruitment", "--language", language)
    assert code == 0, text
    assert "Rationale:" in headings(english)
    assert len(headings(text)) == len(headings(english))
    assert not set(headings(text)) & set(headings(english)), headings(text)
    # The template's own text stays as the plugin wrote it; the SDG texts follow the reader.
    assert "National fair recruitment programme" in text
    assert f"8.8 {catalogue().text('8.8', language)[:40]}" in " ".join(text.split())
    meta = "\n".join(text.splitlines()[1:4])
    assert not re.search(r"\b(?:sector|plugin|sub-type)\b", meta), meta
    code, listing = run(capsys, "templates", "--sector", "labour", "--language", language)
    assert code == 0
    assert "· targets " not in listing and "· plugin " not in listing
    assert ("· cibles " if language == "fr" else "· الغايات ") in listing
    code, text = run(capsys, "templates", "--sector", "transport", "--language", language)
    assert code == 2 and cli_english(text) == [] and "sectors:" not in text


@pytest.mark.parametrize(
    ("language", "tags"),
    [
        ("en", ("[explicit]", "[cross-cutting]")),
        ("es", ("[explícita]", "[transversal]")),
        ("fr", ("[explicite]", "[transversale]")),
        ("ar", ("[صريحة]", "[شاملة]")),
    ],
)
def test_targets_names_the_migration_relation_in_the_language_of_the_texts(
    capsys: pytest.CaptureFixture[str], language: str, tags: tuple[str, str]
) -> None:
    code, text = run(capsys, "targets", "--migration", "--language", language)
    assert code == 0
    for tag in tags:
        assert tag in text
    code, text = run(capsys, "targets", "--search", "zzzqqq", "--language", language)
    assert code == 0
    assert (cli_english(text) == ["match", "targets"]) is (language == "en"), text


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_workbook_example_and_schema_refuse_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str
) -> None:
    existing = tmp_path / "plan.yaml"
    existing.write_text("id: x\n", encoding="utf-8")
    for args in (
        ["workbook", "-o", "plan.txt"],
        ["example"],
        ["example", "national", "-o", str(existing)],
        ["example", "national", "-o", "plan.txt"],
        ["schema", "-o", str(existing)],
    ):
        code, text = run(capsys, *args, "--language", language)
        assert code == 2, (args, text)
        words = cli_english(text.replace(str(tmp_path), "DIR"))
        assert (words != []) is (language == "en"), (args, text)
    (tmp_path / "book.xlsx").write_bytes(b"")
    code, text = run(capsys, "workbook", "-o", str(tmp_path / "book.xlsx"), "--language", language)
    assert code == 2
    words = cli_english(text.replace(str(tmp_path), "DIR"))
    assert (words != []) is (language == "en"), text


def test_example_says_what_it_wrote_in_the_examples_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "plan.yaml"
    code, text = run(capsys, "example", "provincial", "-o", str(out))
    assert (code, text) == (0, f"ejemplo 'provincial' escrito en {out}\n")
    code, text = run(capsys, "example", "national", "-o", str(out), "--force", "--language", "fr")
    assert (code, text) == (0, f"exemple 'national' écrit dans {out}\n")
    code, text = run(capsys, "example", "national", "-o", str(out), "--force")
    assert (code, text) == (0, f"wrote example 'national' to {out}\n")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "unknown SDG target '10.77' (did you mean 10.7"),
        ("es", "meta de los ODS desconocida '10.77' (¿quiso decir 10.7"),
        ("fr", "cible des ODD inconnue '10.77' (vouliez-vous dire 10.7"),
        ("ar", "غاية غير معروفة من غايات أهداف التنمية المستدامة '10.77' (هل تقصد 10.7"),
    ],
)
def test_unknown_codes_templates_and_examples_are_named_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], language: str, expected: str
) -> None:
    code, text = run(capsys, "templates", "--target", "10.77", "--language", language)
    assert code == 2 and text.startswith(f"migsdg: error: {expected}"), text
    for args in (["templates", "labour.fair-recruitmen"], ["example", "nope"]):
        code, text = run(capsys, *args, "--language", language)
        assert code == 2
        assert (cli_english(text) != []) is (language == "en"), text
        assert ("unknown" in text) is (language == "en"), text
