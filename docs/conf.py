"""Sphinx configuration of the migsdg documentation site (``nox -s docs``).

The site is built offline: no intersphinx inventories are fetched, and every page that is
generated from the code (the plan-file, rule and template references, the CLI and API
references) is generated from the installed package at build time or kept equal to it by
the test suite.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import migsdg  # noqa: E402

project = "migsdg"
author = "the migsdg maintainers"
copyright = "migsdg maintainers"
release = migsdg.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "migsdg_cli_reference",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "_scripts", "_ext", "README.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings = ["myst.xref_missing"]

autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": False}
autodoc_class_signature = "separated"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False
smartquotes = False  # options such as --format keep their two hyphens

html_theme = "furo"
html_title = f"migsdg {release}"
html_static_path = ["_static"]
html_theme_options = {
    "source_repository": "",
    "navigation_with_keys": True,
}
