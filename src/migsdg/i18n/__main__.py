"""``python -m migsdg.i18n``: update, check, start or compile the catalogues."""

from migsdg.i18n.catalogs import main

raise SystemExit(main())
