"""The `exposure-audit` command: the app with no arguments, the command line with them."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args != ["--workshop"]:
        from exposure_audit.scan.server import start_early_for

        start_early_for(args)  # before the command line's own imports: they take as long
        from exposure_audit.cli.main import run  # the command line never loads Qt

        return run(args)
    from ui.platform_check import missing_system_library

    problem = missing_system_library()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 3
    from ui.app import main as app_main

    return app_main(workshop=args == ["--workshop"])


if __name__ == "__main__":
    sys.exit(main())
