"""`python -m assistant` starts the application, like the `tetsuzuki` command."""

import sys

from assistant.cli import main

sys.exit(main())
