"""Telegram Desktop export (machine-readable JSON): result.json chats and profile pictures."""

from __future__ import annotations

import posixpath
from typing import Any

from exposure_audit.errors import BadData
from exposure_audit.exports import cutoff
from exposure_audit.exports.common import (
    PathIndex,
    as_dict,
    as_list,
    as_text,
    complete,
    iso_from_epoch,
    iso_from_text,
    load_json,
    media_paths,
    safe_read,
)
from exposure_audit.exports.context import ExportReading, ExportTree, LinkedMedia, PhotoContext
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

PLATFORM = "Telegram"
RESULT = "result.json"
PUBLIC_CHATS = ("public_supergroup", "public_channel")
PROFILE_BASIS = AudienceBasis.TELEGRAM_PROFILE


# Videos a message carries in its ``file``, by ``media_type``: a round video note is a message
# of its own kind; a sent clip or GIF-like animation is an attachment.
VIDEO_TYPES = {
    "video_message": PhotoKind.VIDEO_MESSAGE,
    "video_file": PhotoKind.MESSAGE_ATTACHMENT,
    "animation": PhotoKind.MESSAGE_ATTACHMENT,
}


def result_paths(tree: ExportTree) -> list[str]:
    return [p for p in tree.paths if posixpath.basename(p) == RESULT]


def message_text(value: Any) -> str | None:
    """Telegram text is a string or a list of strings and {type, text} pieces."""
    if isinstance(value, str):
        return as_text(value)
    pieces = [p if isinstance(p, str) else str(as_dict(p).get("text", "")) for p in as_list(value)]
    return as_text("".join(pieces))


def sent_at(message: dict[str, Any]) -> str | None:
    return iso_from_epoch(message.get("date_unixtime")) or iso_from_text(message.get("date"))


def chat_audience(chat: dict[str, Any]) -> tuple[str, str]:
    kind = str(chat.get("type", ""))
    if kind in PUBLIC_CHATS:
        return "public", (
            AudienceBasis.TELEGRAM_PUBLIC_CHANNEL
            if kind == "public_channel"
            else AudienceBasis.TELEGRAM_PUBLIC_GROUP
        )
    if kind:
        return "private", AudienceBasis.TELEGRAM_PRIVATE_CHAT
    return "unknown", AudienceBasis.TELEGRAM_UNRECORDED


def is_placeholder(value: str) -> bool:
    return value.startswith("(") and value.endswith(")")


class TelegramAdapter:
    """Recognises a ``result.json`` holding ``chats`` or ``messages``."""

    platform = PLATFORM
    keeps_exif = False

    def recognise(self, tree: ExportTree) -> bool:
        for path in result_paths(tree):
            head = (safe_read(tree, path) or b"")[:4096]
            if b'"messages"' in head or b'"chats"' in head or b'"personal_information"' in head:
                return True
        return False

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=PLATFORM)
        index = PathIndex(media_paths(tree))
        for path in result_paths(tree):
            try:
                data = as_dict(load_json(tree, path))
            except BadData as err:
                reading.problems.append(str(err))
                continue
            cutoff.per_file(reading, path, self._result, data, path, index, reading)
        return complete(reading, tree, "Telegram", PLATFORM)

    def _result(
        self, data: dict[str, Any], path: str, index: PathIndex, reading: ExportReading
    ) -> None:
        base = posixpath.dirname(path)
        self._account(data, reading)
        self._profile_pictures(data, base, index, reading)
        chats = as_list(as_dict(data.get("chats")).get("list")) or [data]
        for chat in chats:
            cutoff.check()
            self._chat(as_dict(chat), base, index, reading)

    @staticmethod
    def _account(data: dict[str, Any], reading: ExportReading) -> None:
        person = as_dict(data.get("personal_information"))
        for key in ("user_id", "username", "first_name"):
            if person.get(key) is not None:
                reading.account[key] = str(person[key])

    @staticmethod
    def _profile_pictures(
        data: dict[str, Any], base: str, index: PathIndex, reading: ExportReading
    ) -> None:
        for item in (as_dict(i) for i in as_list(data.get("profile_pictures"))):
            path = resolve(item.get("photo"), base, index)
            if path:
                reading.contexts[path] = PhotoContext(
                    platform=PLATFORM,
                    kind=PhotoKind.PROFILE_PICTURE,
                    uploaded_at=sent_at(item),
                    audience="public",
                    audience_basis=PROFILE_BASIS,
                )

    @staticmethod
    def _chat(chat: dict[str, Any], base: str, index: PathIndex, reading: ExportReading) -> None:
        name = as_text(chat.get("name"))
        audience, basis = chat_audience(chat)
        for message in (as_dict(m) for m in as_list(chat.get("messages"))):
            cutoff.check()
            photo, kind = message.get("photo"), PhotoKind.MESSAGE_ATTACHMENT
            if not isinstance(photo, str) and message.get("media_type") in VIDEO_TYPES:
                photo, kind = message.get("file"), VIDEO_TYPES[message["media_type"]]
            if not isinstance(photo, str):
                continue
            when = sent_at(message)
            path = resolve(photo, base, index)
            if path:
                reading.contexts[path] = PhotoContext(
                    platform=PLATFORM,
                    kind=kind,
                    album=name,
                    uploaded_at=when,
                    caption=message_text(message.get("text")),
                    audience=audience,
                    audience_basis=basis,
                )
            elif is_placeholder(photo):
                reading.linked_media.append(
                    LinkedMedia(
                        platform=PLATFORM,
                        url="",
                        taken_at=when,
                        kind=PhotoKind.MESSAGE_ATTACHMENT,
                        description=f"photo in chat {name or '?'} (message {message.get('id')}) "
                        "not included in this export; re-export with photos enabled",
                    )
                )


def resolve(reference: Any, base: str, index: PathIndex) -> str | None:
    if not isinstance(reference, str) or is_placeholder(reference):
        return None
    local = posixpath.normpath(posixpath.join(base, reference)) if base else reference
    return local if local in index.paths else index.resolve(reference)
