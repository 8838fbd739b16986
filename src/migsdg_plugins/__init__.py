"""Sector plugins bundled with migsdg: labour, health, education, finance, protection
(trafficking and protection) and displacement.

Each is an ordinary migsdg plugin, declared in the ``migsdg`` entry-point group of
migsdg's own distribution and discovered exactly like a third-party package; each can be
turned off with ``MIGSDG_DISABLE_PLUGINS`` (for example ``MIGSDG_DISABLE_PLUGINS=finance``).
They double as worked examples for sector teams writing their own (``docs/plugins.md``).
"""

#: The check-code prefix of each bundled plugin, by plugin name. A prefix stays its
#: plugin's even when the plugin is turned off, so the plugin host reads it here, without
#: importing (or registering) the plugins themselves.
CODE_PREFIXES: dict[str, str] = {
    "displacement": "DSP",
    "education": "EDU",
    "finance": "FIN",
    "health": "HLT",
    "labour": "LAB",
    "protection": "PRT",
}
