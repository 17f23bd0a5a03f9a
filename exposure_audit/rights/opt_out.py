"""The minimal-ID opt-out kit for face-search companies: one cropped face, nothing else.

PimEyes and Clearview ask for a face photo (and often an ID) to find and remove a person.
The face is all they need to search: the kit gives them only that, cropped, small, without
EXIF or location. The crop stops short of anyone else in the picture; what of another face
cannot be cut away (it touches the person's own) is blurred.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from exposure_audit.errors import BadData
from exposure_audit.faces.detection import Box, Face, find_faces
from exposure_audit.i18n import _
from exposure_audit.imaging import read_image
from exposure_audit.rights.evidence import blur_boxes

KIT_SIDE = 360  # enough for a search, too small to be much use for anything else
KIT_MARGIN = 0.4  # of the face's size on each side: hair and chin, not the room

# (left, top, right, bottom) in full-size pixels
Area = tuple[float, float, float, float]


def _area(box: Box) -> int:
    top, right, bottom, left = box
    return (right - left) * (bottom - top)


def _mine(faces: list[Face], me: np.ndarray | None) -> Face:
    """The person's face: the one nearest their own encoding, else the largest."""
    if me is not None and all(f.distance is not None for f in faces):
        return min(faces, key=lambda f: f.distance or 0.0)
    return max(faces, key=lambda f: _area(f.box))


def _clear_of(area: Area, mine: Box, other: Box) -> Area:
    """``area`` cut back on one side so that it no longer holds ``other``, keeping ``mine``
    whole; unchanged when ``other`` overlaps ``mine`` itself (then it is blurred)."""
    left, top, right, bottom = area
    o_top, o_right, o_bottom, o_left = other
    m_top, m_right, m_bottom, m_left = mine
    if o_right <= left or o_left >= right or o_bottom <= top or o_top >= bottom:
        return area  # not in the crop at all
    cuts: list[Area] = []
    if o_right <= m_left:
        cuts.append((o_right, top, right, bottom))
    if o_left >= m_right:
        cuts.append((left, top, o_left, bottom))
    if o_bottom <= m_top:
        cuts.append((left, o_bottom, right, bottom))
    if o_top >= m_bottom:
        cuts.append((left, top, right, o_top))
    if not cuts:
        return area
    return max(cuts, key=lambda a: (a[2] - a[0]) * (a[3] - a[1]))


def opt_out_photo(data: bytes, me: np.ndarray | None = None) -> bytes:
    """A JPEG of the person's face in ``data``: cropped, at most ``KIT_SIDE`` px, no metadata.

    ``me`` (a 128-d encoding of the person) picks their face among several; without it the
    largest face is taken. The crop leaves out every other face found; a part of one that
    touches the person's face is blurred.

    Raises ``BadData`` when the photo cannot be read or shows no face.
    """
    image = read_image(data)
    known = np.empty((0, 128)) if me is None else np.asarray(me, dtype=np.float64)[None, :]
    faces = find_faces(image, known)
    if not faces:
        raise BadData(_("no face found in this photo: use one where your face is clearly visible"))
    mine = _mine(faces, me)
    others = [f.box for f in faces if f is not mine]
    top, right, bottom, left = mine.box
    pad = KIT_MARGIN * max(right - left, bottom - top)
    full_width, full_height = image.rgb.shape[1] * image.scale, image.rgb.shape[0] * image.scale
    area: Area = (
        max(0.0, left - pad),
        max(0.0, top - pad),
        min(full_width, right + pad),
        min(full_height, bottom + pad),
    )
    for other in others:
        area = _clear_of(area, mine.box, other)
    picture = blur_boxes(Image.fromarray(image.rgb), others, image.scale)
    left, top, right, bottom = (round(v / image.scale) for v in area)
    crop = picture.crop((left, top, right, bottom))
    crop.thumbnail((KIT_SIDE, KIT_SIDE))
    out = io.BytesIO()
    crop.convert("RGB").save(out, "JPEG", quality=88)  # no exif= given: none is written
    return out.getvalue()
