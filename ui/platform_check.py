"""Checks made before Qt loads, so a missing system library gets a message, not a crash.

Qt's X11 (xcb) platform plugin links against a dozen system libraries that PySide6 does not
ship (libxcb-cursor, -icccm, -keysyms, -image, -render-util, libxkbcommon-x11, ...); when one
is missing, Qt aborts with a message that names only libxcb-cursor0. So the check reads the
libraries the plugin itself asks for from its ELF header, tries to load each, and names every
missing one with the package that provides it.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from pathlib import Path

from exposure_audit.i18n import _

# Libraries the xcb plugin needs, for when its files cannot be read (Qt 6.5 to 6.10).
KNOWN_XCB_NEEDS = (
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-randr.so.0",
    "libxcb-render-util.so.0",
    "libxcb-shape.so.0",
    "libxcb-shm.so.0",
    "libxcb-sync.so.1",
    "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1",
    "libxkbcommon-x11.so.0",
    "libxkbcommon.so.0",
    "libxcb.so.1",
    "libX11-xcb.so.1",
)

# Fedora and Arch put several xcb libraries into one package of another name.
OTHER_PACKAGES = {
    "libxcb-cursor.so.0": "xcb-util-cursor",
    "libxcb-icccm.so.4": "xcb-util-wm",
    "libxcb-image.so.0": "xcb-util-image",
    "libxcb-keysyms.so.1": "xcb-util-keysyms",
    "libxcb-render-util.so.0": "xcb-util-renderutil",
    "libxcb-util.so.1": "xcb-util",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11",
    "libxkbcommon.so.0": "libxkbcommon",
    "libX11-xcb.so.1": "libX11-xcb",
}

# Where Debian's package name is not the library's name and major version.
DEBIAN_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgcc_s.so.1": "libgcc-s1",
    "libm.so.6": "libc6",
}

_PT_LOAD, _PT_DYNAMIC = 1, 2
_DT_NULL, _DT_NEEDED, _DT_STRTAB = 0, 1, 5
_MAX_HEADER_BYTES = 1 << 20  # an ELF's program headers and dynamic section sit well within this


def needed_libraries(path: Path) -> list[str]:
    """The DT_NEEDED entries of an ELF shared object (64-bit or 32-bit, either byte order).

    Raises:
        ValueError: the file is not an ELF shared object this can read.
    """
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] not in (1, 2) or data[5] not in (1, 2):
        raise ValueError(f"{path.name} is not an ELF file")
    wide = data[4] == 2
    order = "<" if data[5] == 1 else ">"
    if wide:
        (phoff,) = struct.unpack_from(order + "Q", data, 0x20)
        phentsize, phnum = struct.unpack_from(order + "HH", data, 0x36)
    else:
        (phoff,) = struct.unpack_from(order + "I", data, 0x1C)
        phentsize, phnum = struct.unpack_from(order + "HH", data, 0x2A)
    loads: list[tuple[int, int, int]] = []  # (virtual address, file offset, size)
    dynamic: tuple[int, int] | None = None
    for index in range(phnum):
        at = phoff + index * phentsize
        if wide:
            kind, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from(
                order + "IIQQQQ", data, at
            )
        else:
            kind, offset, vaddr, _paddr, filesz = struct.unpack_from(order + "IIIII", data, at)
        if kind == _PT_LOAD:
            loads.append((vaddr, offset, filesz))
        elif kind == _PT_DYNAMIC:
            dynamic = (offset, filesz)
    if dynamic is None:
        raise ValueError(f"{path.name} has no dynamic section")
    entry = struct.Struct(order + ("qQ" if wide else "iI"))
    needed: list[int] = []
    strtab = None
    for at in range(dynamic[0], dynamic[0] + dynamic[1] - entry.size + 1, entry.size):
        tag, value = entry.unpack_from(data, at)
        if tag == _DT_NULL:
            break
        if tag == _DT_NEEDED:
            needed.append(value)
        elif tag == _DT_STRTAB:
            strtab = value
    if strtab is None:
        raise ValueError(f"{path.name} has no string table")
    base = next((off + strtab - va for va, off, size in loads if va <= strtab < va + size), None)
    if base is None:
        raise ValueError(f"{path.name}: string table outside its segments")
    return [data[base + name : data.index(b"\0", base + name)].decode() for name in needed]


def xcb_plugin_needs() -> list[str]:
    """The system libraries (not Qt's own) that Qt's xcb plugin and its library load."""
    try:
        import PySide6
    except ImportError:
        return list(KNOWN_XCB_NEEDS)
    qt = Path(PySide6.__file__).parent / "Qt"
    files = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    bundled = (
        {entry.name for entry in (qt / "lib").glob("*.so*")} if (qt / "lib").is_dir() else set()
    )
    needs: list[str] = []
    try:
        for file in files:
            needs += needed_libraries(file)
    except (OSError, ValueError, struct.error):
        return list(KNOWN_XCB_NEEDS)
    system = [name for name in needs if name not in bundled and not name.startswith("libQt6")]
    return list(dict.fromkeys(system))


def missing_libraries(names: list[str]) -> list[str]:
    """Those of ``names`` the dynamic loader cannot load."""
    missing = []
    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            missing.append(name)
    return missing


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package of a library: libxcb-icccm.so.4 -> libxcb-icccm4."""
    if soname in DEBIAN_PACKAGES:
        return DEBIAN_PACKAGES[soname]
    stem, _so, version = soname.partition(".so.")
    joiner = "-" if stem[-1:].isdigit() else ""
    return f"{stem.lower()}{joiner}{version.split('.')[0]}"


def help_for(missing: list[str]) -> str:
    debian = " ".join(dict.fromkeys(debian_package(name) for name in missing))
    others = " ".join(
        dict.fromkeys(OTHER_PACKAGES.get(name, debian_package(name)) for name in missing)
    )
    return _(
        "Exposure Audit cannot open its window: Qt needs these system libraries for X11 "
        "desktops, and they are missing: {libraries}.\n"
        "Install them, then start the app again:\n"
        "  Debian, Ubuntu, Mint:  sudo apt install {debian}\n"
        "  Fedora:                sudo dnf install {others}\n"
        "  Arch:                  sudo pacman -S {others}\n"
        "  openSUSE:              sudo zypper install {debian}"
    ).format(libraries=", ".join(missing), debian=debian, others=others)


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will load its X11 (xcb) platform plugin."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")  # Qt prefers Wayland when the session has it


def missing_system_library(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """A message naming the packages to install, or None when the window can open."""
    if not uses_xcb(environ):
        return None
    missing = missing_libraries(xcb_plugin_needs())
    return help_for(missing) if missing else None
