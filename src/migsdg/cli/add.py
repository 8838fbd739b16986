"""``migsdg add``: add an intervention made from a template to a plan file.

``migsdg add PLAN --template ID`` instantiates the template and appends the intervention
to the plan. The file keeps its format, and everything else in it is kept: in a YAML
file the new intervention is inserted as text at the end of the ``interventions`` list,
so comments and layout stay as they were; the result is loaded again and compared with
the intended plan before it replaces the file (atomically). Where the text cannot be
edited safely, the plan is written out in full instead, and the command says so.

With ``-o FILE`` the changed plan is written there and ``PLAN`` is only read (it may then
be a workbook); ``--example NAME`` starts from an embedded example (its comments kept in a
YAML output) and needs ``-o``, since an example is never changed in place. An existing
output file is replaced only with ``--force``.

Actor slots are bound with ``--actor SLOT=ACTOR_ID``; a slot with the same name as one
of the plan's actors is bound to it. The new intervention is linked to the plan's
objectives that share one of its SDG targets (or to those given with ``--objective``).
After writing, the command lists what the checks still find missing in the new
intervention: dates, costs, funding and actor bindings that a template cannot know.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import re
import sys
from pathlib import Path
from typing import Any

from migsdg.cli import EXIT_OK
from migsdg.cli._plan import add_output_arguments, add_plan_arguments
from migsdg.cli._text import add_language_option
from migsdg.errors import MigsdgError, UnknownCodeError
from migsdg.i18n import Term, Translator, translator
from migsdg.model import ActionPlan, Intervention, PlanStatus

_TOP_KEY = re.compile(r"^interventions\s*:\s*(?P<rest>.*)$")
_EMPTY_FLOW = re.compile(r"^\[\s*\]\s*(#.*)?$")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "add",
        help="add an intervention made from a template to a plan file",
        description="Append an intervention made from an intervention template to a plan "
        "file (.yaml, .yml or .json), keeping the rest of the file; then list what the "
        "checks still find missing in it. See 'migsdg templates' for the templates. "
        "With -o FILE the changed plan is written there instead; with --example NAME an "
        "embedded example is the plan, and -o FILE is required (an example is never "
        "changed in place), e.g. 'migsdg add --example national --template "
        "labour.inspection-osh --id osh-2 -o plan.yaml'.",
    )
    add_plan_arguments(p, kinds=".yaml, .yml, .json; also .xlsx with -o")
    p.add_argument("--template", required=True, metavar="ID", help="template id")
    p.add_argument(
        "--id",
        dest="new_id",
        metavar="NEW_ID",
        help="id of the new intervention (default: the last part of the template id)",
    )
    p.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="SLOT=ACTOR_ID",
        help="bind one of the template's actor slots to a plan actor; repeatable",
    )
    p.add_argument(
        "--objective",
        action="append",
        default=[],
        metavar="ID",
        help="link the intervention to this plan objective (default: the objectives that "
        "share one of its SDG targets); repeatable",
    )
    p.add_argument("--start", type=_date, metavar="DATE", help="start date (YYYY-MM-DD)")
    p.add_argument("--end", type=_date, metavar="DATE", help="end date (YYYY-MM-DD)")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="print the new intervention and what it still lacks, without writing",
    )
    add_output_arguments(p)
    add_language_option(p)
    p.set_defaults(run=run)


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _bindings(values: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        slot, sep, actor = value.partition("=")
        slot, actor = slot.strip(), actor.strip()
        if not sep or not slot or not actor:
            raise MigsdgError(f"--actor {value!r}: write it as SLOT=ACTOR_ID")
        if slot in out and out[slot] != actor:
            raise MigsdgError(f"--actor: slot {slot!r} is bound twice")
        out[slot] = actor
    return out


def run(args: argparse.Namespace) -> int:
    from migsdg._atomic import guarded_update
    from migsdg.cli._plan import load_plan_argument, output_path, plan_source, source_text
    from migsdg.plugins import get_host
    from migsdg.present import view_language

    # A dry run writes nothing: it needs no output file, and takes no lock.
    path = None if args.dry_run else output_path(args)
    template = get_host().template(args.template)
    with contextlib.nullcontext() if path is None else guarded_update(path):
        plan = load_plan_argument(args)
        source = plan_source(args)
        tr = translator(view_language(plan, args.language))

        bound = _bindings(args.actor)
        new_id = args.new_id or template.default_id
        if any(existing.id == new_id for existing in plan.interventions):
            raise MigsdgError(
                f"{source}: the plan already has an intervention {new_id!r}; "
                "choose another id with --id"
            )
        try:
            new_plan = template.add_to(
                plan,
                id=new_id,
                actors=bound,
                start=args.start,
                end=args.end,
                objectives=args.objective or None,
            )
        except UnknownCodeError as exc:
            option = {"plan actor": "--actor", "plan objective": "--objective"}.get(exc.kind, "")
            raise MigsdgError(f"{option} {exc}".strip()) from None
        iv = new_plan.interventions[-1]
        objectives = iv.objectives

        if path is None:
            sys.stdout.write(_item_yaml(iv, indent=0))
        else:
            text = source_text(args)
            if text is None and args.plan is not None:
                text = _yaml_text(Path(args.plan))
            kept = _write(path, new_plan=new_plan, iv=iv, text=text)
            print(
                tr._(
                    "added intervention {id} from template {template} to {path}",
                    id=repr(iv.id),
                    template=template.id,
                    path=path,
                )
            )
            if not kept:
                print(
                    "migsdg: "
                    + tr._(
                        "note: the file was written out in full; comments and layout could "
                        "not be kept"
                    ),
                    file=sys.stderr,
                )
    if objectives:
        print(tr._("linked to objectives: {objectives}", objectives=", ".join(objectives)))
    if not args.dry_run and plan.status in (PlanStatus.ADOPTED, PlanStatus.AMENDED):
        summary = tr._("Added intervention {id} ({template})", id=iv.id, template=template.id)
        print(
            tr._(
                "note: the plan is {status}; an adopted plan changes only by amendment, and "
                "'migsdg check' reports its errors (the new intervention's gaps among them) "
                "until the change is complete and recorded. When the intervention is "
                "complete, record the change:",
                status=Term(plan.status).text(tr),
            )
        )
        print(f'  migsdg status {path} amend --author NAME --summary "{summary}"')
    _still_to_do(new_plan, iv, template.slots, tr)
    return EXIT_OK


def _still_to_do(
    plan: ActionPlan, iv: Intervention, slots: tuple[str, ...], tr: Translator
) -> None:
    """List what the checks find missing in the new intervention, in ``tr``'s language."""
    from migsdg.api import check

    known = {a.id for a in plan.actors}
    unbound = [s for s in slots if s not in known and any(r.actor == s for r in iv.roles)]
    if unbound:
        print(
            tr._(
                "actor slots still to bind (--actor SLOT=ACTOR_ID, or add actors with these "
                "ids): {slots}",
                slots=", ".join(unbound),
            )
        )
    report = check(plan)
    mine = [f for f in report.findings if f.intervention == iv.id and f.severity.value != "info"]
    if not mine:
        print(tr._("the checks find nothing missing in the new intervention"))
        return
    print(
        tr.ngettext(
            "still to complete in {id} ({n} finding of 'migsdg check'):",
            "still to complete in {id} ({n} findings of 'migsdg check'):",
            len(mine),
            id=repr(iv.id),
        )
    )
    severities = {f.severity: Term(f.severity).text(tr) for f in mine}
    width = max(len(text) for text in severities.values())
    for f in mine:
        severity = severities[f.severity].ljust(width)
        print(f"  {severity} {f.code}  {f.location}: {tr.text(f.message)}")


# -- writing -----------------------------------------------------------------------------


def _item_yaml(iv: Intervention, *, indent: int) -> str:
    """The intervention as one YAML sequence item, indented by ``indent`` spaces."""
    import yaml

    from migsdg.io import plan_to_dict

    data = plan_to_dict(ActionPlan(id="_", interventions=(iv,)))["interventions"]
    text = str(
        yaml.safe_dump(
            data, sort_keys=False, allow_unicode=True, width=88, default_flow_style=False
        )
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _yaml_text(path: Path) -> str | None:
    """The text of the YAML plan file ``path`` (whose comments and layout an edit keeps),
    or None for a JSON file or a workbook."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return None
    from migsdg._atomic import read_regular_file
    from migsdg.io import MAX_PLAN_FILE_BYTES

    raw = read_regular_file(path, limit=MAX_PLAN_FILE_BYTES, what="plan files")
    return raw.decode("utf-8")  # a byte order mark stays, as U+FEFF, to be written back


def _write(path: Path, *, new_plan: ActionPlan, iv: Intervention, text: str | None) -> bool:
    """Write ``new_plan`` to ``path``, as an edit of the YAML ``text`` it was read from
    where there is one; True if the other text was kept as it was (or there was none)."""
    from migsdg._atomic import atomic_write_bytes
    from migsdg.io import loads_plan, save_plan

    if path.suffix.lower() == ".json" or text is None:
        save_plan(new_plan, path)
        return True  # JSON and workbooks have no comments; the data is written out in full
    bom = text.startswith("\ufeff")
    text = text.removeprefix("\ufeff")
    crlf = "\r\n" in text
    edited = _insert_yaml(text.replace("\r\n", "\n"), iv)
    if edited is not None:
        try:
            ok = loads_plan(edited, format="yaml", source=str(path)) == new_plan
        except MigsdgError:
            ok = False
        if ok:
            if crlf:
                edited = edited.replace("\n", "\r\n")
            data = edited.encode("utf-8")
            atomic_write_bytes(path, b"\xef\xbb\xbf" + data if bom else data)
            return True
    save_plan(new_plan, path)
    return False


def _insert_yaml(text: str, iv: Intervention) -> str | None:
    """``text`` with ``iv`` appended to its top-level ``interventions`` list, or None when
    the list is not written in a form this can extend (the caller then rewrites)."""
    lines = text.split("\n")
    key = next((i for i, line in enumerate(lines) if _TOP_KEY.match(line)), None)
    if key is None:
        body = text if text.endswith("\n") or not text else text + "\n"
        return body + "interventions:\n" + _item_yaml(iv, indent=2)
    rest = _TOP_KEY.match(lines[key]).group("rest")  # type: ignore[union-attr]
    empty = _EMPTY_FLOW.match(rest)
    if empty:
        comment = empty.group(1)
        lines[key] = "interventions:" + (f"  {comment}" if comment else "")
        lines.insert(key + 1, _item_yaml(iv, indent=2).rstrip("\n"))
        return "\n".join(lines)
    if rest and not rest.startswith("#"):
        return None  # a flow sequence or an alias: leave it to the full rewrite
    last = key
    indent: int | None = None
    for i in range(key + 1, len(lines)):
        line = lines[i]
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        col = len(line) - len(stripped)
        if col == 0 and not stripped.startswith("- ") and stripped != "-":
            break  # the next top-level key, or a document marker
        if indent is None:
            if not stripped.startswith("-"):
                return None
            indent = col
        last = i
    if indent is None:
        return None
    lines.insert(last + 1, _item_yaml(iv, indent=indent).rstrip("\n"))
    return "\n".join(lines)
