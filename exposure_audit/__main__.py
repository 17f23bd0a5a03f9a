"""`python -m exposure_audit`: the command line (the app is started by `exposure-audit`)."""

from __future__ import annotations

import sys

from exposure_audit.cli.main import run


def main(argv: list[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
