"""Snapchat, Discord and TikTok exports, whose photos are mostly links rather than files."""

from __future__ import annotations

import posixpath
import re
from datetime import datetime, timezone
from typing import Any

from exposure_audit.errors import BadData
from exposure_audit.exports import cutoff
from exposure_audit.exports.common import (
    as_dict,
    as_list,
    as_text,
    complete,
    iso_from_datetime,
    iso_from_text,
    load_json,
    media_paths,
    safe_read,
    segments,
    walk_dicts,
)
from exposure_audit.exports.context import ExportReading, ExportTree, LinkedMedia, PhotoContext
from exposure_audit.i18n import N_, _
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

# Stored in English with the item (the audit keeps data, not a language); shown translated.
NOT_INCLUDED = N_("not included in this export — request a copy from {platform}")
DISCORD_CHANNEL = re.compile(r"(^|/)messages/c?\d+/channel\.json$", re.IGNORECASE)
URL = re.compile(r"https?://\S+")


def utc_text(text: Any) -> str | None:
    """'2024-03-05 14:02:11 UTC' → ISO with +00:00; other forms via ISO parsing."""
    if isinstance(text, str) and text.strip().endswith((" UTC", " GMT")):
        try:
            moment = datetime.strptime(text.strip()[:-4], "%Y-%m-%d %H:%M:%S")
        except ValueError:
            return None
        return iso_from_datetime(moment.replace(tzinfo=timezone.utc))
    return iso_from_text(text)


def json_files(tree: ExportTree, reading: ExportReading, names: tuple[str, ...]) -> list[Any]:
    found = []
    for path in tree.paths:
        if posixpath.basename(path).lower() in names:
            try:
                found.append(load_json(tree, path))
            except BadData as err:
                reading.problems.append(str(err))
    return found


def linked(platform: str, url: Any, when: str | None, kind: str, what: str) -> LinkedMedia | None:
    link = as_text(url)
    if not link or not link.startswith(("http://", "https://")):
        return None
    note = f"{what}; " + NOT_INCLUDED.format(platform=platform)
    return LinkedMedia(platform=platform, url=link, taken_at=when, kind=kind, description=note)


def described(description: str | None, platform: str | None) -> str:
    """A linked item's stored note, its "not included" part in the language in force."""
    text = description or ""
    stored = NOT_INCLUDED.format(platform=platform)
    if text.endswith(stored):
        return text[: -len(stored)] + _(NOT_INCLUDED).format(platform=platform)
    return text


def add(reading: ExportReading, item: LinkedMedia | None) -> None:
    if item is not None:
        reading.linked_media.append(item)


class SnapchatAdapter:
    """Recognises ``json/memories_history.json`` (or snap/chat history files)."""

    platform = "Snapchat"
    keeps_exif = False
    names = ("memories_history.json", "snap_history.json", "chat_history.json")

    def recognise(self, tree: ExportTree) -> bool:
        return any(
            segments(p)[-2:-1] == ["json"] and posixpath.basename(p) in self.names
            for p in tree.paths
        )

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=self.platform)
        for data in json_files(tree, reading, ("memories_history.json",)):
            for item in (as_dict(i) for i in as_list(as_dict(data).get("Saved Media"))):
                url = item.get("Media Download Url") or item.get("Download Link")
                what = f"Snapchat memory ({as_text(item.get('Media Type')) or 'media'})"
                add(
                    reading, linked(self.platform, url, utc_text(item.get("Date")), "library", what)
                )
        for path in media_paths(tree):
            folder = (segments(path)[-2:-1] or [""])[0].lower()
            if folder == "chat_media":
                reading.contexts[path] = PhotoContext(
                    platform=self.platform,
                    kind=PhotoKind.MESSAGE_ATTACHMENT,
                    audience="private",
                    audience_basis=AudienceBasis.SNAPCHAT_CHAT,
                )
            elif folder == "memories":
                reading.contexts[path] = PhotoContext(
                    platform=self.platform,
                    kind=PhotoKind.LIBRARY,
                    audience="private",
                    audience_basis=AudienceBasis.SNAPCHAT_MEMORY,
                )
        return complete(reading, tree, self.platform, self.platform)


class DiscordAdapter:
    """Recognises ``Messages/c<id>/channel.json`` or ``Account/user.json``."""

    platform = "Discord"
    keeps_exif = False

    def recognise(self, tree: ExportTree) -> bool:
        return any(
            DISCORD_CHANNEL.search(p) or p.lower().endswith("account/user.json") for p in tree.paths
        )

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=self.platform)
        for path in tree.paths:
            lowered = path.lower()
            if lowered.endswith("account/avatar.png") or re.search(
                r"account/avatar\.\w+$", lowered
            ):
                reading.contexts[path] = PhotoContext(
                    platform=self.platform,
                    kind=PhotoKind.PROFILE_PICTURE,
                    audience="public",
                    audience_basis=AudienceBasis.DISCORD_AVATAR,
                )
            elif DISCORD_CHANNEL.search(path):
                cutoff.per_file(reading, path, self._channel, tree, path, reading)
        return complete(reading, tree, self.platform, self.platform)

    def _channel(self, tree: ExportTree, channel_path: str, reading: ExportReading) -> None:
        try:
            channel = as_dict(load_json(tree, channel_path))
            messages = load_json(tree, posixpath.dirname(channel_path) + "/messages.json")
        except BadData as err:
            reading.problems.append(str(err))
            return
        where = as_text(channel.get("name")) or as_text(as_dict(channel.get("guild")).get("name"))
        what = f"attachment in Discord channel {where or channel.get('id', '?')}"
        for message in (as_dict(m) for m in as_list(messages)):
            cutoff.check()
            when = iso_from_text(message.get("Timestamp"))
            for url in URL.findall(str(message.get("Attachments") or "")):
                add(reading, linked(self.platform, url, when, PhotoKind.MESSAGE_ATTACHMENT, what))


class TikTokAdapter:
    """Recognises a ``user_data*.json`` holding ``ProfileMap`` or ``VideoList``."""

    platform = "TikTok"
    keeps_exif = False

    def recognise(self, tree: ExportTree) -> bool:
        for path in self._data_files(tree):
            head = safe_read(tree, path) or b""
            if b'"ProfileMap"' in head or b'"VideoList"' in head:
                return True
        return False

    @staticmethod
    def _data_files(tree: ExportTree) -> list[str]:
        return [
            p
            for p in tree.paths
            if posixpath.basename(p).lower().startswith("user_data") and p.endswith(".json")
        ]

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=self.platform)
        names = tuple(posixpath.basename(p).lower() for p in self._data_files(tree))
        for data in json_files(tree, reading, names):
            for item in walk_dicts(data):
                for video in (as_dict(v) for v in as_list(item.get("VideoList"))):
                    when = utc_text(video.get("Date"))
                    add(
                        reading,
                        linked(self.platform, video.get("Link"), when, "post", "TikTok post"),
                    )
                photo = as_dict(item.get("ProfileMap")).get("profilePhoto")
                add(
                    reading,
                    linked(
                        self.platform,
                        photo,
                        None,
                        PhotoKind.PROFILE_PICTURE,
                        "TikTok profile photo",
                    ),
                )
        return complete(reading, tree, self.platform, self.platform)
