"""``python -m edusupervision``."""

from __future__ import annotations

import sys

from edusupervision._cli import main

if __name__ == "__main__":
    sys.exit(main())
