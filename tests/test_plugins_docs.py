"""docs/plugins.md and docs/templates.md cannot drift from the code: hook signatures are
compared with the specs, the walk-through plugin is installed and used, and the templates
reference is regenerated and compared."""

from __future__ import annotations

import inspect
import re
import types
from pathlib import Path

import pytest

from migsdg import hookspecs
from migsdg.plugins import PluginHost, get_host
from migsdg_plugins.docs import BUNDLED, main, render
from plugin_packages import install

DOCS = Path(__file__).resolve().parents[1] / "docs"
PLUGINS_MD = DOCS / "plugins.md"
TEMPLATES_MD = DOCS / "templates.md"
REGENERATE = "python -m migsdg_plugins.docs -o docs/templates.md"


def _specs() -> dict[str, str]:
    return {
        name: f"{name}({', '.join(inspect.signature(func).parameters)})"
        for name, func in vars(hookspecs).items()
        if name.startswith("migsdg_") and callable(func)
    }


def _blocks(lang: str) -> list[str]:
    text = PLUGINS_MD.read_text(encoding="utf-8")
    return re.findall(rf"^```{lang}\n(.*?)^```$", text, flags=re.M | re.S)


def test_every_hook_has_a_section_whose_signature_matches_its_spec() -> None:
    text = PLUGINS_MD.read_text(encoding="utf-8")
    hooks = text.split("\n## Hooks\n", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^### `(migsdg_\w+\(.*\))`$", hooks, flags=re.M)
    assert sorted(documented) == sorted(_specs().values())


def test_every_spec_is_documented_with_its_version() -> None:
    for name, func in vars(hookspecs).items():
        if name.startswith("migsdg_") and callable(func):
            doc = inspect.getdoc(func) or ""
            assert ":param register:" in doc and ".. versionadded::" in doc, name


@pytest.fixture
def domestic_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """The walk-through plugin of docs/plugins.md, installed from its two code blocks."""
    [pyproject] = [b for b in _blocks("toml") if "[project.entry-points.migsdg]" in b]
    [module] = [b for b in _blocks("python") if b.startswith("# src/migsdg_domestic_work/")]
    name = re.search(r'^name = "(.+)"$', pyproject, flags=re.M)
    version = re.search(r'^version = "(.+)"$', pyproject, flags=re.M)
    entry = re.search(r"^\[project\.entry-points\.migsdg\]\n(\S+) = \"(\S+)\"$", pyproject, re.M)
    assert name and version and entry
    assert entry.group(2) == "migsdg_domestic_work"
    install(
        tmp_path,
        monkeypatch,
        entry_point=entry.group(1),
        module=entry.group(2),
        source=module,
        dist=name.group(1),
        version=version.group(1),
    )
    import migsdg_domestic_work

    return migsdg_domestic_work


def test_the_walk_through_plugin_is_discovered_and_works(
    domestic_work: types.ModuleType,
) -> None:
    host = PluginHost()
    assert host.failures == []
    info = {i.name: i for i in host.plugins()}["domestic-work"]
    assert (info.distribution, info.version) == ("migsdg-domestic-work", "0.1.0")
    assert info.registered["templates"] == 1 and info.registered["checks"] == 1
    assert host.template("domestic-work.c189").plugin == "domestic-work"
    assert host.checks().get("DOM101").plugin == "domestic-work"


def test_the_walk_through_imports_only_the_plugin_author_module_and_its_exporter_works(
    domestic_work: types.ModuleType, tmp_path: Path
) -> None:
    import ast
    import io

    import migsdg
    from migsdg.examples import load_example

    [module] = [b for b in _blocks("python") if b.startswith("# src/migsdg_domestic_work/")]
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(module))
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    assert imported == {"migsdg.plugin"}
    host = PluginHost()
    plan = host.template("domestic-work.c189").add_to(load_example("national"))
    buffer = io.BytesIO()
    migsdg.export(plan, buffer, format="domestic-work-summary", host=host)
    out = tmp_path / "out"
    out.mkdir()
    path = migsdg.export(plan, out / "plan.dw.txt", host=host)
    assert path is not None and buffer.getvalue() == path.read_bytes()
    assert b"c189: Extend labour and social protection" in buffer.getvalue()
    assert [p.name for p in out.iterdir()] == ["plan.dw.txt"]


def test_the_walk_through_commands_show_the_plugin(
    domestic_work: types.ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    from migsdg.cli import main as cli

    assert cli(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "domestic-work  [migsdg-domestic-work 0.1.0]  migsdg_domestic_work" in out
    assert cli(["templates", "--sector", "domestic-work"]) == 0
    assert capsys.readouterr().out.startswith("domestic-work.c189  Extend labour and")


def test_the_embedding_and_testing_examples_run(domestic_work: types.ModuleType) -> None:
    [embedding] = [b for b in _blocks("python") if "host = get_host()" in b]
    exec(compile(embedding, "plugins.md", "exec"), {})
    assert {i.name for i in get_host().plugins()} == {"core", "domestic-work"}  # set_host ran
    [testing] = [b for b in _blocks("python") if "def test_templates_are_valid" in b]
    namespace: dict[str, object] = {}
    exec(compile(testing, "plugins.md", "exec"), namespace)
    namespace["test_templates_are_valid_and_pass_the_plugin_s_own_checks"]()  # type: ignore[operator]


def test_committed_templates_reference_matches_the_bundled_plugins() -> None:
    assert TEMPLATES_MD.read_text(encoding="utf-8") == render(), (
        f"docs/templates.md is out of date; regenerate it with: {REGENERATE}"
    )


def test_templates_reference_lists_every_bundled_template_and_check() -> None:
    text = render()
    host = get_host()
    for t in host.templates().values():
        if t.plugin in BUNDLED:
            assert f'<a id="template-{t.id.replace(".", "-")}"></a>\n\n### {t.title}\n' in text
            assert t.rationale in text
    for r in host.checks():
        if r.plugin in BUNDLED:
            assert f"**{r.code}** `{r.name}`" in text
    assert "**Migration Multi-Partner Trust Fund (Migration MPTF)** (`migration-mptf`" in text
    assert "16070 Labour rights" in text  # DAC codes carry their IATI names


def test_templates_reference_check_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "templates.md"
    assert main(["-o", str(out)]) == 0
    assert main(["--check", str(out)]) == 0
    out.write_text(render() + "edited\n", encoding="utf-8")
    assert main(["--check", str(out)]) == 1
    assert REGENERATE in capsys.readouterr().err


# -- the sections walk-through: the example agriculture plugin's annex ------------------------

AGRICULTURE = Path(__file__).resolve().parents[1] / "examples" / "plugin-agriculture"


def _block(start: str) -> str:
    [block] = [b for b in _blocks("python") if b.startswith(start)]
    return block


def test_the_sections_walk_through_shows_the_example_plugins_own_code() -> None:
    section = AGRICULTURE / "src" / "migsdg_agriculture" / "sections.py"
    test = AGRICULTURE / "tests" / "test_section.py"
    assert _block("# src/migsdg_agriculture/sections.py") == section.read_text(encoding="utf-8")
    assert _block("# tests/test_section.py") == test.read_text(encoding="utf-8")
    hook = _block("# src/migsdg_agriculture/__init__.py (the hook)")
    init = (AGRICULTURE / "src" / "migsdg_agriculture" / "__init__.py").read_text("utf-8")
    assert "def migsdg_register_sections(register" in hook
    assert (
        "def migsdg_register_sections(register: Register) -> None:\n    register(SECTION)" in init
    )


def test_the_sections_walk_through_tests_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(AGRICULTURE / "src"))
    namespace: dict[str, object] = {}
    exec(compile(_block("# tests/test_section.py"), "plugins.md", "exec"), namespace)
    namespace["test_the_section_reads_the_provincial_example"]()  # type: ignore[operator]
    namespace["test_the_section_reaches_the_draft_and_the_workbook"](tmp_path)  # type: ignore[operator]


def test_the_sections_walk_through_shows_a_rendered_picture() -> None:
    text = PLUGINS_MD.read_text(encoding="utf-8")
    [picture] = re.findall(r"!\[The agriculture plugin's annex[^]]*\]\(([^)]+)\)", text)
    assert (DOCS / picture).is_file()
    script = (DOCS / "_scripts" / "make_gallery.py").read_text(encoding="utf-8")
    assert f'"{Path(picture).stem}")' in script and "python docs/_scripts/make_gallery.py" in text


def test_the_sections_walk_through_commands_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shlex

    import docx
    import openpyxl

    from migsdg.cli import main as cli
    from migsdg.testing import make_host, using_host

    monkeypatch.syspath_prepend(str(AGRICULTURE / "src"))
    monkeypatch.chdir(tmp_path)
    import migsdg_agriculture

    [block] = [b for b in _blocks("sh") if "agriculture.migration" in b]
    commands = [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]
    with using_host(make_host({"agriculture": migsdg_agriculture})):
        for command in commands:
            words = shlex.split(command)
            assert words[0] == "migsdg"
            assert cli(words[1:]) == 0, command
            out = capsys.readouterr().out
            if "--list-sections" in words:
                assert "agriculture.migration" in out and "agriculture, annex:" in out
            elif "plan.docx" in words:
                titles = [p.text for p in docx.Document("plan.docx").paragraphs]
                shown = any(t.endswith("Agricultura y migración") for t in titles)
                assert shown is ("--omit" not in words), command
            else:
                assert (
                    "Agricultura y migración"
                    in openpyxl.load_workbook("plan.xlsx", read_only=True).sheetnames
                )
