"""Reading back the text of PDFs the tool writes, through their ToUnicode maps."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

# "EA-2027-001 · page 2 of 3" in the letter's language, "– 2 –": a page break can put it
# inside a sentence (the page total is a string of its own there, drawn once the last page is
# known)
PAGE_FOOTER = (
    r"(?:[–-] \d+ [–-]|(?:\S+ · )?\d+ / \d*"
    r"|(?:\S+ · )?(?:page|Seite|pagina) \d+ (?:of|von|van|sur) \d*)"
)


def shown_strings(path: Path) -> list[str]:
    """Every string a Tj operator shows, footers included."""
    streams = _streams(path.read_bytes())
    cmap = _cmap(streams)
    return [
        _decode(b"".join(_unescape(raw) for raw in re.findall(rb"\(((?:\\.|[^\\)])*)\)", op)), cmap)
        for stream in streams
        for op in re.findall(rb"\((?:\\.|[^\\)])*\)\s*Tj", stream)
    ]


def pdf_text(path: Path) -> str:
    """Text shown by Tj/TJ operators, decoded through ToUnicode maps (TrueType) or Latin-1."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-64:]
    streams = _streams(data)
    cmap = _cmap(streams)
    lines = []
    for stream in streams:
        shown = re.findall(rb"(\((?:\\.|[^\\)])*\)\s*Tj|\[(?:\\.|[^\\\]])*\]\s*TJ)", stream, re.S)
        for operation in shown:
            strings = re.findall(rb"\(((?:\\.|[^\\)])*)\)", operation, re.S)
            shown_text = _decode(b"".join(_unescape(raw) for raw in strings), cmap)
            if not re.fullmatch(PAGE_FOOTER, shown_text.strip()):
                lines.append(shown_text)
    return "\n".join(lines)


def _streams(data: bytes) -> list[bytes]:
    """Every stream body, cut by its /Length and inflated when compressed."""
    out = []
    for match in re.finditer(rb"/Length (\d+)\b[^>]*>>\s*stream\r?\n", data):
        raw = data[match.end() : match.end() + int(match.group(1))]
        try:
            out.append(zlib.decompress(raw))
        except zlib.error:
            out.append(raw)
    return out


def _cmap(streams: list[bytes]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for stream in streams:
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
            for lo, hi, dst in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
            ):
                start = int.from_bytes(bytes.fromhex(dst.decode()), "big")
                for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                    mapping[code] = chr(start + offset)
    return mapping


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _decode(text: bytes, cmap: dict[int, str]) -> str:
    if cmap and len(text) % 2 == 0:
        codes = [int.from_bytes(text[i : i + 2], "big") for i in range(0, len(text), 2)]
        return "".join(cmap.get(c, "?") for c in codes)
    return text.decode("latin-1")


def _unescape(raw: bytes) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        token = match.group(1)
        if token[:1].isdigit():
            return bytes([int(token, 8)])
        return _ESCAPES.get(token, token)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, raw, flags=re.S)


def image_draws(path: Path) -> int:
    """How many times the pages draw an image (``/I… Do``): one per picture shown."""
    return sum(len(re.findall(rb"/I\d+\s+Do", stream)) for stream in _streams(path.read_bytes()))
