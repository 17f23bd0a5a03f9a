"""The minimal-ID opt-out kit for face-search companies: one cropped face, nothing else.

PimEyes and Clearview ask for a face photo (and often an ID) to find and remove a person.
The face is all they need to search: the kit gives them only that, cropped, small, without
EXIF or location, with anyone else in the picture blurred.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from exposure_audit.errors import BadData
from exposure_audit.faces.detection import Box, find_faces
from exposure_audit.i18n import _
from exposure_audit.imaging import read_image
from exposure_audit.rights.evidence import blur_boxes

KIT_SIDE = 360  # enough for a search, too small to be much use for anything else
KIT_MARGIN = 0.4  # of the face's size on each side: hair and chin, not the room


def _area(box: Box) -> int:
    top, right, bottom, left = box
    return (right - left) * (bottom - top)


def opt_out_photo(data: bytes) -> bytes:
    """A JPEG of the largest face in ``data``: cropped, at most ``KIT_SIDE`` px, no metadata.

    Raises ``BadData`` when the photo cannot be read or shows no face.
    """
    image = read_image(data)
    faces = find_faces(image, np.empty((0, 128)))
    if not faces:
        raise BadData(_("no face found in this photo: use one where your face is clearly visible"))
    mine = max(faces, key=lambda f: _area(f.box))
    picture = Image.fromarray(image.rgb)
    picture = blur_boxes(picture, [f.box for f in faces if f is not mine], image.scale)
    top, right, bottom, left = (v / image.scale for v in mine.box)
    pad = KIT_MARGIN * max(right - left, bottom - top)
    crop = picture.crop(
        (
            int(max(0, left - pad)),
            int(max(0, top - pad)),
            int(min(picture.width, right + pad)),
            int(min(picture.height, bottom + pad)),
        )
    )
    crop.thumbnail((KIT_SIDE, KIT_SIDE))
    out = io.BytesIO()
    crop.convert("RGB").save(out, "JPEG", quality=88)  # no exif= given: none is written
    return out.getvalue()
