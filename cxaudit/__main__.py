"""``python -m cxaudit``: the same as the ``cxaudit`` command (and ``python -m cxaudit.cli``)."""

import sys

from cxaudit.cli import main

sys.exit(main())
