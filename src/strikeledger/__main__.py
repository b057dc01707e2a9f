"""`python -m strikeledger …` is the `strikeledger` command."""

import sys

from .cli import main

sys.exit(main())
