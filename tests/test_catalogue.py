from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import migsdg
from migsdg import UnknownCodeError, normalise_code
from migsdg.catalogue import catalogue


def test_counts_match_the_embedded_framework() -> None:
    cat = catalogue()
    assert len(cat.goals) == 17
    assert len(cat.targets) == 169
    assert len(cat.indicators) == 251
    assert len(cat.legacy_indicators) == 3


def test_catalogue_is_built_once() -> None:
    assert catalogue() is catalogue()


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("10.7", "Facilitate orderly, safe, regular and responsible migration", "policies"),
        ("10.c", "By 2030, reduce to less than 3 per cent the transaction costs", "5 per cent"),
        ("8.8", "Protect labour rights and promote safe and secure working", "employment"),
    ],
)
def test_exact_official_texts(code: str, start: str, end: str) -> None:
    title = catalogue().target(code).title
    assert title.startswith(start)
    assert title.endswith(end)


def test_goal_lookup_and_colour() -> None:
    goal = catalogue().goal("SDG 10")
    assert goal.number == 10
    assert goal.title == "Reduce inequality within and among countries"
    assert goal.colour.startswith("#") and len(goal.colour) == 7


def test_targets_of_goal_and_indicators_of_target() -> None:
    cat = catalogue()
    codes = [t.code for t in cat.targets_of_goal(10)]
    assert codes[:2] == ["10.1", "10.2"]
    assert "10.c" in codes and len(codes) == 10
    assert [i.code for i in cat.indicators_of_target("10.7")] == [
        "10.7.1",
        "10.7.2",
        "10.7.3",
        "10.7.4",
    ]


def test_indicator_lookup_includes_legacy_codes() -> None:
    cat = catalogue()
    assert cat.indicator("Indicator 10.7.2").title.startswith("Proportion of countries")
    legacy = cat.indicator("1.a.3")
    assert legacy.current is False


@pytest.mark.parametrize("raw", ["10.7", "SDG 10.7", "Target 10.7", " 10.7 ", "sdg10.7"])
def test_normalisation_of_decorated_codes(raw: str) -> None:
    assert normalise_code(raw) == "10.7"
    assert catalogue().target(raw).code == "10.7"


def test_lettered_codes_are_lower_case() -> None:
    assert normalise_code(" 10.C ") == "10.c"
    assert catalogue().target("Target 10.C").code == "10.c"


canonical = st.sampled_from(
    sorted(catalogue().targets) + sorted(catalogue().indicators) + [str(n) for n in range(1, 18)]
)
decoration = st.sampled_from(["", "SDG ", "sdg", "Target ", "TARGET: ", "Indicator ", "Goal "])
space = st.sampled_from(["", " ", "  ", "\t"])


@given(canonical, decoration, space, space, st.booleans())
def test_any_canonical_code_survives_decoration(
    code: str, prefix: str, left: str, right: str, upper: bool
) -> None:
    written = left + prefix + (code.upper() if upper else code) + right
    assert normalise_code(written) == code


def test_unknown_target_names_code_and_suggestions() -> None:
    with pytest.raises(UnknownCodeError) as info:
        catalogue().target("10.d")
    err = info.value
    assert isinstance(err, migsdg.MigsdgError) and isinstance(err, KeyError)
    assert err.code == "10.d"
    assert "10.c" in err.suggestions
    assert "did you mean" in str(err) and "'10.d'" in str(err)


def test_unknown_goal_and_indicator() -> None:
    with pytest.raises(UnknownCodeError, match="unknown SDG goal '99'"):
        catalogue().goal(99)
    with pytest.raises(UnknownCodeError, match=r"did you mean 10\.7\.\d"):
        catalogue().indicator("10.7.9")


def test_migration_targets_explicit_and_cross_cutting() -> None:
    cat = catalogue()
    explicit = {t.code for t in cat.migration_targets("explicit")}
    assert {"10.7", "10.c", "8.8", "4.b", "17.18"} <= explicit
    assert len(explicit) == 10
    cross = {t.code for t in cat.migration_targets("cross-cutting")}
    assert "3.c" in cross and not (explicit & cross)
    assert len(cat.migration_targets("all")) == len(explicit) + len(cross)
    assert cat.migration_links["10.7"].sources  # every link is sourced


def test_search_matches_word_starts_in_any_case() -> None:
    codes = [t.code for t in catalogue().search("Remittance")]
    assert codes == ["10.c"]
    assert catalogue().search("") == ()


def test_translations_fall_back_to_english() -> None:
    cat = catalogue()
    assert cat.text("10.7", "es").startswith("Facilitar la migración")
    assert cat.text("10.7", "fr").startswith("Faciliter la migration")
    # 11.5.3 is absent from the translation source: English is used
    assert cat.text("11.5.3", "fr") == cat.indicator("11.5.3").title


def test_gcm_objectives_and_domains() -> None:
    cat = catalogue()
    assert len(cat.gcm_objectives) == 23
    assert cat.gcm_objective(6).short_label
    assert cat.migration_domain(1).name == "Migrant rights"
    assert len(cat.migration_domains) == 6


def test_import_is_light() -> None:
    code = (
        "import sys, migsdg; "
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('docx', 'openpyxl', 'lxml', 'pluggy', 'yaml')]; "
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert json.loads(out.replace("'", '"')) == []


def test_enum_labels_belong_to_their_own_class() -> None:
    from migsdg.model import InterventionType, SupportingActivityKind

    # Both members have the value "capacity_building" (and so compare equal as strings).
    assert InterventionType.CAPACITY_BUILDING.label.startswith("Technical capacity-building")
    assert SupportingActivityKind.CAPACITY_BUILDING.label == "Capacity building"
