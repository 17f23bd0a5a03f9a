"""GDPR / UK GDPR / CCPA letters about one's own face: text, PDF, .eml and mailto outputs."""

from exposure_audit.rights.letters.outputs import (
    mailto_link,
    photo_path,
    render_eml,
    render_pdf,
    unicode_font,
)
from exposure_audit.rights.letters.render import Block, blocks, cite, render_text, subject
from exposure_audit.rights.letters.request import (
    CHANNELS,
    FOLLOW_UPS,
    GROUNDS,
    LANGUAGES,
    RIGHTS,
    EvidenceRow,
    Identity,
    LetterRequest,
    accounts_for,
)

__all__ = [
    "CHANNELS",
    "FOLLOW_UPS",
    "GROUNDS",
    "LANGUAGES",
    "RIGHTS",
    "Block",
    "EvidenceRow",
    "Identity",
    "LetterRequest",
    "accounts_for",
    "blocks",
    "cite",
    "mailto_link",
    "photo_path",
    "render_eml",
    "render_pdf",
    "render_text",
    "subject",
    "unicode_font",
]
