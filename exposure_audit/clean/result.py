"""What cleaning one photo did, as data for scripts and as one line for people."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exposure_audit.clean.metadata import Removed
from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.vocabulary import Word


class CleanNote(Word):
    """Something about a copy the person should know; codes in JSON, words on screen."""

    FIRST_FRAME = "first_frame"
    COLOURS_CONVERTED = "colours_converted"
    PROFILE_UNREADABLE = "profile_unreadable"
    TRANSPARENCY_FLATTENED = "transparency_flattened"
    NO_SELFIES = "no_selfies"
    YOU_NOT_FOUND = "you_not_found"
    YOU_NO_LONGER_RECOGNISED = "you_no_longer_recognised"
    FACES_NOT_LOOKED_FOR = "faces_not_looked_for"

    @property
    def label(self) -> str:
        return _(NOTE_TEXT[self])


NOTE_TEXT: dict[CleanNote, str] = {
    CleanNote.FIRST_FRAME: N_("animated or several images: only the first one is kept, as a still"),
    CleanNote.COLOURS_CONVERTED: N_("colours converted to sRGB, the colour profile dropped"),
    CleanNote.PROFILE_UNREADABLE: N_("colour profile unreadable: dropped, colours kept as stored"),
    CleanNote.TRANSPARENCY_FLATTENED: N_("transparency put on white (a JPEG copy has none)"),
    CleanNote.NO_SELFIES: N_("no selfies to tell your face from others: every face blurred"),
    CleanNote.YOU_NOT_FOUND: N_("your face was not recognised in it: every face blurred"),
    CleanNote.YOU_NO_LONGER_RECOGNISED: N_("your face is no longer recognisable in the copy"),
    CleanNote.FACES_NOT_LOOKED_FOR: N_("faces left as they are, as asked"),
}


@dataclass(frozen=True)
class CleanResult:
    """One photo: where its copy went, what the copy no longer carries, whose faces it blurs.

    ``problem`` set means no copy was written (bad or hostile input, a name already taken).
    """

    source: str
    target: str | None = None
    format: str | None = None
    output_format: str | None = None
    size: tuple[int, int] | None = None  # (width, height) of the copy, upright
    quality: int | None = None  # JPEG quality of the copy
    removed: Removed = field(default_factory=Removed)
    others_blurred: int = 0
    yours_blurred: int = 0
    your_face_kept: bool = False
    notes: tuple[CleanNote, ...] = ()
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "format": self.format,
            "output_format": self.output_format,
            "size": list(self.size) if self.size else None,
            "quality": self.quality,
            "removed": self.removed.as_dict(),
            "other_faces_blurred": self.others_blurred,
            "your_faces_blurred": self.yours_blurred,
            "your_face_kept": self.your_face_kept,
            "notes": [str(note) for note in self.notes],
            "problem": self.problem,
        }

    def summary(self) -> str:
        """ "GPS 52.3731, 4.8922 removed; camera and dates removed; 2 other faces blurred; your
        face kept", or the problem."""
        if self.problem is not None:
            return _("not cleaned: %(problem)s") % {"problem": self.problem}
        parts = removed_lines(self.removed) + self._face_parts()
        parts += [note.label for note in self.notes]
        return "; ".join(parts)

    def _face_parts(self) -> list[str]:
        parts = []
        if self.others_blurred:
            parts.append(
                ngettext(
                    "%(n)d other face blurred", "%(n)d other faces blurred", self.others_blurred
                )
                % {"n": self.others_blurred}
            )
        elif CleanNote.FACES_NOT_LOOKED_FOR not in self.notes:
            parts.append(_("no other faces found"))
        if self.your_face_kept:
            parts.append(_("your face kept"))
        elif self.yours_blurred:
            parts.append(_("your face blurred"))
        return parts


def removed_lines(removed: Removed) -> list[str]:
    """What the copy no longer carries, in words, most revealing first."""
    if not removed.anything:
        return [_("no metadata found")]
    parts = []
    if removed.gps is not None:
        lat, lon = removed.gps
        parts.append(_("GPS %(lat).4f, %(lon).4f removed") % {"lat": lat, "lon": lon})
    elif removed.gps_tags:
        parts.append(_("GPS tags removed"))
    if removed.camera_tags and removed.dates:
        parts.append(_("camera and dates removed"))
    elif removed.camera_tags:
        parts.append(_("camera removed"))
    elif removed.dates:
        parts.append(_("dates removed"))
    blocks = [
        name
        for present, name in (
            (removed.maker_note, _("maker notes")),
            (removed.thumbnail, _("embedded thumbnail")),
            (removed.xmp, _("XMP")),
            (removed.iptc, _("IPTC")),
            (removed.colour_profile, _("colour profile")),
        )
        if present
    ]
    if removed.text_chunks:
        blocks.append(
            ngettext("%(n)d text chunk", "%(n)d text chunks", removed.text_chunks)
            % {"n": removed.text_chunks}
        )
    if removed.other_tags:
        blocks.append(
            ngettext("%(n)d other tag", "%(n)d other tags", removed.other_tags)
            % {"n": removed.other_tags}
        )
    if removed.other_blocks:
        blocks.append(
            ngettext(
                "%(n)d other metadata block", "%(n)d other metadata blocks", removed.other_blocks
            )
            % {"n": removed.other_blocks}
        )
    if removed.unreadable:
        blocks.append(_("unreadable EXIF"))
    if blocks:
        parts.append(_("%(what)s removed") % {"what": ", ".join(blocks)})
    return parts
