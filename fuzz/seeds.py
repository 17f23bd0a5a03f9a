"""Write seed corpora for the fuzz targets: small real archives, images and export files."""

from __future__ import annotations

import io
import sys
import tarfile
import zipfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FACES = ROOT / "tests" / "data" / "faces"


def _image(
    fmt: str, size: tuple[int, int] = (24, 16), mode: str = "RGB", **options: object
) -> bytes:
    colour = {"RGB": (200, 120, 40), "RGBA": (200, 120, 40, 128), "CMYK": (10, 20, 30, 40)}
    out = io.BytesIO()
    Image.new(mode, size, colour.get(mode, 3)).save(out, fmt, **options)
    return out.getvalue()


def images() -> dict[str, bytes]:
    seeds = {
        "tiny.jpg": _image("JPEG"),
        "tiny.png": _image("PNG"),
        "rgba.png": _image("PNG", mode="RGBA"),
        "grey16.png": _image("PNG", mode="I;16"),
        "palette.gif": _image("GIF", mode="P"),
        "tiny.webp": _image("WEBP"),
        "tiny.bmp": _image("BMP"),
        "tiny.tif": _image("TIFF"),
        "cmyk.jpg": _image("JPEG", mode="CMYK"),
        "face.jpg": (FACES / "obama-240p.jpg").read_bytes(),
    }
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        seeds["tiny.heic"] = _image("HEIF")
    except (ImportError, OSError, KeyError, ValueError):
        pass
    frames = [Image.new("P", (8, 8), i) for i in range(4)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    seeds["anim.gif"] = out.getvalue()
    return seeds


def archives() -> dict[str, bytes]:
    jpeg = _image("JPEG")
    seeds = {}
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", method) as archive:
            archive.writestr("a/photo.jpg", jpeg)
            archive.writestr("b/data.json", b'{"x": 1}')
        seeds[f"plain{method}.zip"] = out.getvalue()
    inner = seeds[f"plain{zipfile.ZIP_STORED}.zip"]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("inner.zip", inner)
    seeds["nested.zip"] = out.getvalue()
    for mode, name in (("w", "plain.tar"), ("w:gz", "plain.tar.gz"), ("w:bz2", "plain.tbz2")):
        out = io.BytesIO()
        with tarfile.open(fileobj=out, mode=mode) as archive:
            info = tarfile.TarInfo("photos/photo.jpg")
            info.size = len(jpeg)
            archive.addfile(info, io.BytesIO(jpeg))
        seeds[name] = out.getvalue()
    return seeds


def exports() -> dict[str, bytes]:
    sys.path.insert(0, str(ROOT))
    from exposure_audit.exports.common import maybe_binary
    from tests.support import exportkit

    seeds = {}
    for fixture_index, make in enumerate(exportkit.FIXTURES.values()):
        fixture = make()
        texts = sorted(p for p in fixture.files if not maybe_binary(p))
        for text_index, path in enumerate(texts[:256]):
            seeds[f"{fixture.name}-{text_index}"] = (
                bytes([fixture_index, text_index]) + fixture.files[path]
            )
    return seeds


def videos() -> dict[str, bytes]:
    """Tiny real clips in each container and codec the decoder writes: the fuzzer mutates them."""
    from tests.support.clips import Shown, clip_bytes

    shown = [Shown("obama-240p.jpg", 0.0, 0.5, 1.0)]
    seeds = {}
    for name, codec, container in (
        ("h264.mp4", "libx264", "mp4"),
        ("h264.mov", "libx264", "mov"),
        ("hevc.mp4", "libx265", "mp4"),
        ("vp9.webm", "libvpx-vp9", "webm"),
    ):
        seeds[name] = clip_bytes(
            shown, seconds=1, size=(64, 48), fps=5, codec=codec, container=container
        )
    return seeds


def main(target: str, folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    kinds = {
        "archive": archives,
        "tar": archives,
        "image": images,
        "exports": exports,
        "video": videos,
    }
    for name, data in kinds[target]().items():
        (out / name).write_bytes(data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
