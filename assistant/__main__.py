"""`python -m assistant` runs the headless commands (procedures, export). The window is started by
the `tetsuzuki` command or `python -m ui` (ui/launcher.py): the core never imports the interface."""

import sys

from assistant.cli import main

sys.exit(main())
