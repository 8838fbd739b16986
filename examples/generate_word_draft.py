"""Generate the Word draft of a Migration-SDG Action Plan, the scripted way.

Loads the embedded national example plan (use ``migsdg.load_plan("plan.yaml")`` for your
own), checks it against the action-plan criteria, and writes the draft a ministry can
circulate for review, with the check findings in an annex. Prints where the draft went.

Run it from any directory: ``python generate_word_draft.py [OUTPUT.docx] [--language es]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import migsdg
from migsdg.examples import load_example


def main() -> None:
    parser = argparse.ArgumentParser(description="Write the Word draft of an action plan.")
    parser.add_argument("output", nargs="?", default="action-plan-draft.docx")
    parser.add_argument("--language", choices=("en", "es", "fr"), default="en")
    args = parser.parse_args()

    plan = load_example("national")
    report = migsdg.check(plan)
    counts = report.counts()

    def many(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    print(
        f"{plan.title}: {many(len(plan.interventions), 'intervention')}; checks found "
        f"{many(counts['error'], 'error')}, {many(counts['warning'], 'warning')}, "
        f"{many(counts['info'], 'note')}"
    )
    # The same report goes into the draft's findings annex, so reviewers see it too.
    path = migsdg.export(plan, Path(args.output), language=args.language, findings=report)
    print(f"Word draft written to {path.resolve()}")


if __name__ == "__main__":
    main()
