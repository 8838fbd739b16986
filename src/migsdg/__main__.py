import sys

from migsdg.cli import main

sys.exit(main())
