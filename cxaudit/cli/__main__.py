"""``python -m cxaudit.cli``: the same as the ``cxaudit`` command."""

import sys

from cxaudit.cli import main

sys.exit(main())
