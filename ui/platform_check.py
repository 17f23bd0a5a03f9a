"""Checks made before Qt loads, so a missing system library gets a message, not a crash."""

from __future__ import annotations

import ctypes.util
import os
import sys

XCB_CURSOR_HELP = (
    "Exposure Audit cannot open its window: the system library libxcb-cursor0 is missing "
    "(Qt 6.5 and newer need it on X11 desktops).\n"
    "Install it, then start the app again:\n"
    "  Debian, Ubuntu, Mint:  sudo apt install libxcb-cursor0\n"
    "  Fedora:                sudo dnf install xcb-util-cursor\n"
    "  Arch:                  sudo pacman -S xcb-util-cursor\n"
    "  openSUSE:              sudo zypper install libxcb-cursor0"
)


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will load its X11 (xcb) platform plugin."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")  # Qt prefers Wayland when the session has it


def missing_system_library(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """A message naming the package to install, or None when the window can open."""
    if uses_xcb(environ) and ctypes.util.find_library("xcb-cursor") is None:
        return XCB_CURSOR_HELP
    return None
