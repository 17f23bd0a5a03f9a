"""Make the demo persona's photos in resources/demo/ from the labelled test faces.

    uv run python scripts/make_demo_photos.py /work/shared/faces

Every photo is downscaled (at most 640 px) and re-encoded without metadata; the demo generator
adds the EXIF, rotation and export context itself. See resources/demo/PROVENANCE.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

TARGET = Path(__file__).resolve().parent.parent / "resources" / "demo"

# shipped name -> (file under the faces folder, longest side, crop box or None)
PHOTOS: dict[str, tuple[str, int, tuple[int, int, int, int] | None]] = {
    "selfie-front.jpg": ("obama/obama.jpg", 640, None),
    "selfie-turned.jpg": ("obama/obama2.jpg", 640, None),
    "profile.jpg": ("obama/obama3.jpg", 640, None),
    "group.jpg": ("groups/two_people.jpg", 640, None),
    "phone.jpg": ("obama/obama4.jpg", 640, None),
    "harbour.jpg": ("obama/obama-1080p.jpg", 640, None),
    "avatar.jpg": ("obama/obama-240p.jpg", 96, (158, 0, 298, 140)),
    "message.jpg": ("groups/obama_and_biden.jpg", 640, None),
    "at-home.jpg": ("obama/obama_small.jpg", 320, None),
    "other-1.jpg": ("biden/biden2.jpg", 480, None),
    "other-2.jpg": ("kit_harington/kit1.jpg", 480, None),
    "other-3.jpg": ("groups/kit_with_rose.jpg", 480, None),
    "other-4.jpg": ("rose_leslie/rose1.jpg", 480, None),
    "other-5.jpg": ("alex_lacamoire/alex1.png", 424, None),
    "other-6.jpg": ("lin_manuel_miranda/lin1.png", 480, None),
}


def make(faces: Path) -> None:
    for name, (source, side, crop) in PHOTOS.items():
        with Image.open(faces / source) as image:
            picture = image.convert("RGB")
        if crop:
            picture = picture.crop(crop)
        picture.thumbnail((side, side), Image.Resampling.LANCZOS)
        picture.save(TARGET / name, "JPEG", quality=85, optimize=True)
        print(f"{name}: {picture.size[0]}x{picture.size[1]} from {source}")


if __name__ == "__main__":
    make(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/faces"))
