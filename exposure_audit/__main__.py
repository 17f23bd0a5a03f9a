"""Entry point: the app with no arguments, the command line with them."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        try:
            from ui.app import main as app_main
        except ImportError as exc:
            print(f"The desktop app is not available ({exc}); see --help for the command line.")
            return 2
        return app_main()
    from .cli import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
