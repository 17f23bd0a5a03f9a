"""`python -m exposure_audit`: the command line (the app is started by `exposure-audit`)."""

from __future__ import annotations

import sys

from exposure_audit.scan.server import start_early_for


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    start_early_for(args)  # before the command line's own imports: they take as long
    from exposure_audit.cli.main import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
