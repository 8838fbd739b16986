"""Example plans shipped with migsdg, so every command can run on a real plan.

* ``national`` — a national Migration-SDG Action Plan in the spirit of Jamaica's National
  Policy on International Migration and Development (2017).
* ``provincial`` — a provincial plan in the spirit of the guide's Ecuador case study
  (provincial units adding migrants and displaced persons to their beneficiaries), written
  in Spanish.

Both use every part of the plan model. Their institutions are real; their figures and
dates are illustrative. Write one out with ``migsdg example national -o plan.yaml``, or
load it with :func:`load_example`.
"""

from __future__ import annotations

import functools
import sys
from importlib import resources

from migsdg.errors import MigsdgError
from migsdg.i18n import msg
from migsdg.model import ActionPlan

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = ["example_path", "example_text", "load_example", "names"]

_NAMES = ("national", "provincial")


def names() -> tuple[str, ...]:
    """The names of the example plans."""
    return _NAMES


def example_path(name: str) -> Traversable:
    """The packaged YAML file of example ``name`` (read it with ``.read_text("utf-8")``).

    Raises :class:`~migsdg.errors.MigsdgError` naming the examples for an unknown name.
    """
    if name not in _NAMES:
        raise MigsdgError(
            msg(
                "unknown example {name!r}; the examples are: {names}",
                name=name,
                names=", ".join(_NAMES),
            )
        )
    return resources.files(__name__).joinpath(f"{name}.yaml")


def example_text(name: str) -> str:
    """The YAML text of example ``name``, exactly as shipped."""
    return example_path(name).read_text(encoding="utf-8")


def load_example(name: str) -> ActionPlan:
    """Load example ``name`` as an :class:`~migsdg.model.ActionPlan`.

    Each example is parsed once per process: plans are immutable, so every call returns
    the same plan (change it with :func:`attrs.evolve`, as any plan).
    """
    example_path(name)  # an unknown name is refused, and never cached
    return _load(name)


@functools.cache
def _load(name: str) -> ActionPlan:
    from migsdg.io import loads_plan

    return loads_plan(example_text(name), format="yaml", source=f"example:{name}")
