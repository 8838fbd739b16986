"""The example plugin package, examples/plugin-agriculture, once installed: migsdg finds it
like any third-party plugin — listed by ``migsdg plugins``, its templates offered by
``migsdg templates``, its checks run by ``migsdg check`` — and blocking it with
``MIGSDG_DISABLE_PLUGINS`` removes all of that.

CI installs the package into the test environment (``pip install
./examples/plugin-agriculture``); elsewhere these tests skip, saying so. The package's own
tests are in examples/plugin-agriculture/tests.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import attrs
import pytest

import migsdg
from migsdg.cli import main
from migsdg.plugins import DISABLE_ENV, reset_host
from migsdg.testing import sample_plan

DIST = "migsdg-agriculture"
SOURCE = Path(__file__).resolve().parents[1] / "examples" / "plugin-agriculture"


def _version() -> str | None:
    try:
        return metadata.version(DIST)
    except metadata.PackageNotFoundError:
        return None


pytestmark = pytest.mark.skipif(
    _version() is None,
    reason=f"the example plugin package {DIST} is not installed; install it with "
    "'pip install ./examples/plugin-agriculture' (CI does) to run these tests",
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def installed() -> object:
    import migsdg_agriculture

    return migsdg_agriculture


def test_the_installed_package_is_the_one_in_this_repository(installed: object) -> None:
    """A stale installation would make the other tests check old code."""
    here = Path(installed.__file__).parent  # type: ignore[attr-defined]
    ours = SOURCE / "src" / "migsdg_agriculture"
    assert sorted(p.name for p in ours.glob("*.py")) == sorted(p.name for p in here.glob("*.py"))
    for path in ours.glob("*.py"):
        assert (here / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{DIST} is installed from an older copy of {path.name}; reinstall it"
        )
    declared = {ep.name: ep.value for ep in metadata.entry_points(group="migsdg")}
    assert declared["agriculture"] == "migsdg_agriculture"


def test_migsdg_plugins_lists_it_with_its_distribution_and_what_it_registered(
    installed: object, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "plugins", "--format", "json")
    assert (code, err) == (0, "")
    agriculture = {p["name"]: p for p in json.loads(out)["plugins"]}["agriculture"]
    assert agriculture["status"] == "ok" and agriculture["failures"] == []
    assert (agriculture["distribution"], agriculture["version"]) == (DIST, _version())
    assert agriculture["module"] == "migsdg_agriculture"
    templates = installed.TEMPLATES  # type: ignore[attr-defined]
    assert agriculture["registered"]["templates"] == len(templates) >= 4
    assert agriculture["registered"]["checks"] >= 1
    code, out, _ = run(capsys, "plugins")
    assert f"agriculture  [{DIST} {_version()}]  migsdg_agriculture" in out.splitlines()


def test_migsdg_templates_offers_its_templates(
    installed: object, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "templates", "--sector", "agriculture", "--format", "json")
    assert code == 0
    listed = {t["id"]: t for t in json.loads(out)}
    assert set(listed) == {t.id for t in installed.TEMPLATES}  # type: ignore[attr-defined]
    assert all(t["plugin"] == "agriculture" for t in listed.values())
    code, out, _ = run(capsys, "templates", "--target", "13.1")
    assert code == 0 and "agriculture.climate-mobility" in out


def test_migsdg_check_runs_its_checks_and_disabling_it_removes_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.yaml"
    migsdg.save_plan(sample_plan("national"), path)
    code, _, err = run(capsys, "add", str(path), "--template", "agriculture.seasonal-worker-scheme")
    assert (code, err) == (0, "")
    plan = migsdg.load_plan(path)
    scheme = plan.interventions[-1]
    assert scheme.subtype == "agriculture.seasonal-work-scheme"
    # Without its recruitment-cost indicator, the scheme draws the plugin's own finding.
    lacking = tuple(m for m in scheme.monitoring if m.indicator.code != "10.7.1")
    scheme = attrs.evolve(scheme, monitoring=lacking)
    plan = attrs.evolve(plan, interventions=(*plan.interventions[:-1], scheme))
    migsdg.save_plan(plan, path)
    code, out, _ = run(capsys, "check", str(path), "--select", "AGR")
    assert "AGR101" in out and "does not monitor 10.7.1" in out

    monkeypatch.setenv(DISABLE_ENV, "agriculture")
    reset_host()
    code, out, _ = run(capsys, "plugins")
    assert f"agriculture  [{DIST} {_version()}]  migsdg_agriculture  disabled " in out
    code, _, err = run(capsys, "templates", "--sector", "agriculture")
    assert code == 2 and "no templates for sector 'agriculture'" in err
    code, _, err = run(capsys, "check", str(path), "--select", "AGR")
    assert code == 2 and "no check rule code starts with 'AGR'" in err
