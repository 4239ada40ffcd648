"""``python -m trodden.tui.cli``: the same command line as ``trodden``."""

import sys

from .main import main

sys.exit(main())
