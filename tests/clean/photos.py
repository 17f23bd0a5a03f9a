"""Photos as phones and apps write them: real faces with GPS, camera, dates, XMP, IPTC, text."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageCms, PngImagePlugin

import exposure_audit.imaging  # noqa: F401 - registers the HEIF opener and writer
from tests.support.photos import FACES, rotated_with_exif

# 52.3731, 4.8922 (Amsterdam) as degrees, minutes, seconds.
LATITUDE, LONGITUDE = 52.3731, 4.8922
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Jane '
    b'Doe"/></rdf:RDF></x:xmpmeta>'
)
SECRET = "Home, Keizersgracht 1"


def exif_bytes(orientation: int | None = None) -> bytes:
    """EXIF with a GPS position, camera make and model, dates and a maker note."""
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 12"
    exif[0x0132] = "2024:05:01 10:00:00"
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (52.0, 22.0, 23.16), 3: "E", 4: (4.0, 53.0, 31.92), 6: 2.5})
    details = exif.get_ifd(0x8769)
    details.update({0x9003: "2024:05:01 10:00:00", 0x927C: b"maker note: serial 12345"})
    return exif.tobytes()


def with_iptc(jpeg: bytes, caption: str = SECRET) -> bytes:
    """The JPEG with an IPTC caption in a Photoshop APP13 block, as news and photo apps write."""
    text = caption.encode()
    record = b"\x1c\x02\x78" + len(text).to_bytes(2, "big") + text
    resource = b"8BIM\x04\x04\x00\x00" + len(record).to_bytes(4, "big") + record
    resource += b"\x00" * (len(record) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload + jpeg[2:]


def _image(name: str, width: int | None = None) -> Image.Image:
    image = Image.open(FACES / name).convert("RGB")
    if width and image.width > width:
        image = image.resize((width, round(image.height * width / image.width)))
    return image


def tagged_jpeg(name: str, width: int | None = None) -> bytes:
    """A JPEG carrying everything: GPS, camera, dates, maker note, XMP, IPTC, comment, ICC."""
    out = io.BytesIO()
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    _image(name, width).save(
        out,
        "JPEG",
        quality=88,
        exif=exif_bytes(),
        xmp=XMP,
        comment=SECRET.encode(),
        icc_profile=profile,
    )
    return with_iptc(out.getvalue())


def tagged_png(name: str) -> bytes:
    """A PNG with text chunks (plain, compressed, international), XMP and EXIF with GPS."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Location", SECRET)
    info.add_text("Author", "Jane Doe", zip=True)
    info.add_itxt("Description", "Zuhause", lang="de")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    Image.open(FACES / name).save(out, "PNG", pnginfo=info, exif=exif_bytes())
    return out.getvalue()


def tagged(name: str, fmt: str, width: int | None = None) -> bytes:
    """HEIC, WebP or AVIF with EXIF (GPS) and XMP."""
    out = io.BytesIO()
    _image(name, width).save(out, fmt, quality=85, exif=exif_bytes(), xmp=XMP)
    return out.getvalue()


def rotated_jpeg(name: str) -> bytes:
    """Stored sideways with orientation 6 and GPS, as phones write portrait photos."""
    upright = rotated_with_exif((FACES / name).read_bytes(), 6)
    image = Image.open(io.BytesIO(upright))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif_bytes(orientation=6))
    return out.getvalue()


def animated_gif(name: str) -> bytes:
    frames = [_image(name, 300), _image(name, 300).transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0)
    return out.getvalue()


def mixed_folder(folder: Path) -> dict[str, str]:
    """A folder as a person gathers photos to post; names → the people in them."""
    folder.mkdir(parents=True)
    photos = {
        "trip/group.jpg": (tagged_jpeg("obama_and_biden.jpg", 1200), "obama+others"),
        "two.png": (tagged_png("two_people.jpg"), "obama+others"),
        "kit_and_rose.heic": (tagged("kit_with_rose.jpg", "HEIF"), "others"),
        "biden.webp": (tagged("biden.jpg", "WEBP", 800), "others"),
        "portrait.jpg": (rotated_jpeg("obama2.jpg"), "obama"),
        "alone.jpg": ((FACES / "obama.jpg").read_bytes(), "obama"),
    }
    for name, (data, _) in photos.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return {name: people for name, (_, people) in photos.items()}
