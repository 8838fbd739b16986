"""Hostile and careless plan files: each ends in a located error and exit 2, never a
traceback, and never a hang.

Payload classes (docs/security.md names these test ids): impossible dates, deep nesting,
non-regular files, text encodings other than UTF-8, lone surrogates.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import migsdg
from migsdg.cli import main
from migsdg.errors import PlanLoadError
from migsdg.io import MAX_NESTING, load_plan, loads_plan
from review_plans import national_plan


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    return [(p.location, p.message) for p in info.value.problems]


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return migsdg.save_plan(national_plan(), tmp_path / "plan.yaml")


# -- impossible dates -----------------------------------------------------------------------

IMPOSSIBLE_DATES = ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31"]


@pytest.mark.parametrize("date", IMPOSSIBLE_DATES)
def test_impossible_unquoted_yaml_date_is_located(
    date: str, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = plan_file.read_text("utf-8")
    start = national_plan().period.start.isoformat()
    plan_file.write_text(text.replace(f"start: '{start}'", f"start: {date}", 1), "utf-8")
    assert (("period.start", f"{date!r} is not a valid date")) in problems(plan_file)
    code, err = cli(capsys, "check", str(plan_file))
    assert code == 2 and "period.start" in err


def test_impossible_date_in_a_text_field_is_kept_as_text() -> None:
    plan = loads_plan("schema_version: 1\nid: p\ntitle: 2024-02-30\n")
    assert plan.title == "2024-02-30"


# -- deep nesting ---------------------------------------------------------------------------


def nested_yaml_lists(depth: int) -> str:
    return "schema_version: 1\nid: p\ntitle: " + "[" * depth + "]" * depth + "\n"


def nested_yaml_maps(depth: int) -> str:
    body = "".join("\n" + " " * (i + 1) + "a:" for i in range(depth))
    return f"schema_version: 1\nid: p\ntitle:{body} 1\n"


def nested_json_lists(depth: int) -> str:
    return '{"schema_version": 1, "id": "p", "title": ' + "[" * depth + "]" * depth + "}"


def nested_json_maps(depth: int) -> str:
    inner = '[{"x":' * depth + "1" + "}]" * depth
    return '{"schema_version": 1, "id": "p", "interventions": ' + inner + "}"


NESTINGS = {
    "yaml-lists": (nested_yaml_lists, ".yaml"),
    "yaml-maps": (nested_yaml_maps, ".yaml"),
    "json-lists": (nested_json_lists, ".json"),
    "json-maps": (nested_json_maps, ".json"),
}
# The deepest in the full set only: the shallower ones already pass the interpreter's
# recursion limit (1,000), where an unguarded parser would fail.
DEPTHS = [MAX_NESTING + 1, 500, 900, 2_000, pytest.param(10_000, marks=pytest.mark.slow)]


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("kind", list(NESTINGS))
def test_deep_nesting_is_refused_by_check_diff_and_status(
    kind: str, depth: int, tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, suffix = NESTINGS[kind]
    deep = tmp_path / f"deep{suffix}"
    deep.write_text(make(depth), "utf-8")
    [(_, message)] = problems(deep)
    assert "nest" in message
    for args in (
        ["check", str(deep)],
        ["diff", str(plan_file), str(deep)],
        ["diff", str(deep), str(plan_file)],
        ["status", str(plan_file), "amend", "--previous", str(deep), "--summary", "x"],
    ):
        code, err = cli(capsys, *args)
        assert code == 2, args
        assert str(deep) in err and "nest" in err


def test_nesting_up_to_the_limit_reaches_the_converter() -> None:
    # One level less than the limit is not refused for its depth (it is a wrong type).
    text = nested_json_lists(MAX_NESTING - 1)
    with pytest.raises(PlanLoadError) as info:
        loads_plan(text, format="json")
    assert "nest" not in str(info.value)


# -- files that are not regular files -------------------------------------------------------


def test_symlink_to_dev_zero_is_refused_without_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "plan.yaml"
    link.symlink_to("/dev/zero")
    [(_, message)] = problems(link)
    assert "device" in message
    code, err = cli(capsys, "check", str(link))
    assert code == 2 and str(link) in err


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    os.mkfifo(path)
    return path


def test_fifo_without_a_writer_is_refused_at_once(fifo: Path) -> None:
    # Run in a child with a timeout: a blocking open would hang forever.
    result = subprocess.run(
        [sys.executable, "-m", "migsdg", "check", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "named pipe" in result.stderr and "Traceback" not in result.stderr


def test_fifo_with_an_endless_writer_is_refused(fifo: Path) -> None:
    stop = threading.Event()

    def write_forever() -> None:
        fd = os.open(fifo, os.O_WRONLY)  # blocks until the reader opens the pipe
        try:
            while not stop.is_set():
                os.write(fd, b"id: p\n" * 1000)
        except BrokenPipeError:
            pass
        finally:
            os.close(fd)

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    try:
        [(_, message)] = problems(fifo)
        assert "named pipe" in message
    finally:
        stop.set()
        # Unblock a writer still waiting in open() by opening the read end, and keep it
        # open until the writer has seen the stop: closed at once, it could leave the
        # writer waiting for a reader that had come and gone.
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        writer.join(timeout=10)
        os.close(fd)
        assert not writer.is_alive()


def test_folder_named_like_a_plan_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "plan.yaml"
    folder.mkdir()
    [(_, message)] = problems(folder)
    assert "folder" in message


# -- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_utf16_and_utf32_files_are_asked_to_be_saved_as_utf8(
    encoding: str, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = plan_file.read_text("utf-8")
    plan_file.write_bytes(text.encode(encoding))
    [(_, message)] = problems(plan_file)
    assert encoding[:6].upper() in message and "save it as UTF-8" in message
    code, err = cli(capsys, "check", str(plan_file))
    assert code == 2 and "save it as UTF-8" in err


# -- lone surrogates ------------------------------------------------------------------------

TEXT_PLACES = [
    ("title", '"title": "{}"'),
    ("summary", '"summary": "{}"'),
    ("objectives[0].title", '"objectives": [{{"id": "o", "title": "{}"}}]'),
]


@given(
    surrogate=st.integers(0xD800, 0xDFFF).map(lambda n: f"\\u{n:04x}"),
    before=st.text(alphabet="abc é", max_size=5),
    place=st.sampled_from(TEXT_PLACES),
)
@settings(max_examples=60)
def test_lone_surrogate_from_json_is_located(
    surrogate: str, before: str, place: tuple[str, str]
) -> None:
    where, member = place
    text = '{"schema_version": 1, "id": "p", ' + member.format(before + surrogate) + "}"
    with pytest.raises(PlanLoadError) as info:
        loads_plan(text, format="json")
    assert [p.location for p in info.value.problems] == [where]
    assert "surrogate" in info.value.problems[0].message


def test_a_surrogate_pair_is_one_character_and_loads() -> None:
    text = json.dumps({"schema_version": 1, "id": "p", "title": "\U0001f30d"})
    plan = loads_plan(text, format="json")
    assert plan.title == "\U0001f30d"


def test_lone_surrogate_in_a_key_is_located() -> None:
    with pytest.raises(PlanLoadError) as info:
        loads_plan('{"schema_version": 1, "id": "p", "\\udc00": 1}', format="json")
    assert any("surrogate" in p.message for p in info.value.problems)
