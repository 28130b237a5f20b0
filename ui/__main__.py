"""`python -m ui` does what the `tetsuzuki` command does: the window, or a headless command."""

import sys

from ui.launcher import main

sys.exit(main())
