"""Instagram data download: 2018 media.json, 2022 content/, 2025 your_instagram_activity/."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from exposure_audit.exports import cutoff
from exposure_audit.exports.common import (
    PathIndex,
    account_from,
    as_dict,
    as_list,
    as_text,
    complete,
    first_text,
    iso_from_text,
    segments,
    walk_dicts,
)
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.exports.meta import (
    fill_from_folders,
    is_message_thread,
    iter_json,
    media_fields,
    media_index,
    message_contexts,
)
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

PLATFORM = "Instagram"
POSTS_FILE = re.compile(r"^posts(_\d+)?\.json$")
FILE_KINDS = {
    "stories.json": "story",
    "profile_photos.json": PhotoKind.PROFILE_PICTURE,
    "reels.json": "reel",
    "archived_posts.json": PhotoKind.ARCHIVED,
    "recently_deleted_content.json": PhotoKind.TRASHED,
}
LEGACY_KINDS = {
    "photos": "post",
    "videos": "post",
    "stories": "story",
    "profile": PhotoKind.PROFILE_PICTURE,
    "direct": PhotoKind.MESSAGE_ATTACHMENT,
}
FIXED_AUDIENCES: dict[str, tuple[str, str]] = {
    PhotoKind.PROFILE_PICTURE: ("public", AudienceBasis.INSTAGRAM_PROFILE_PUBLIC),
    PhotoKind.MESSAGE_ATTACHMENT: ("private", AudienceBasis.INSTAGRAM_MESSAGE),
    PhotoKind.ARCHIVED: ("private", AudienceBasis.INSTAGRAM_ARCHIVED),
    PhotoKind.TRASHED: ("private", AudienceBasis.INSTAGRAM_TRASHED),
}
PERSONAL_FOLDERS = ("personal_information", "account_information")


class Privacy:
    """Whether the account was private, as its personal information says."""

    def __init__(self, private: bool | None) -> None:
        self.private = private

    def audience(self, kind: str | None) -> tuple[str, str]:
        if kind in FIXED_AUDIENCES:
            return FIXED_AUDIENCES[kind]
        if self.private is True:
            return "friends", AudienceBasis.INSTAGRAM_ACCOUNT_PRIVATE
        if self.private is False:
            return "public", AudienceBasis.INSTAGRAM_ACCOUNT_PUBLIC
        return "unknown", AudienceBasis.INSTAGRAM_UNRECORDED


INSTAGRAM_ACCOUNT = {"Username": "username", "Name": "name", "Email": "email"}


def private_flag(data: Any) -> bool | None:
    for item in walk_dicts(data):
        if isinstance(item.get("private_account"), bool):
            return bool(item["private_account"])
        for key, value in as_dict(item.get("string_map_data")).items():
            if isinstance(key, str) and "private" in key.lower():
                text = str(as_dict(value).get("value", "")).strip().lower()
                if text in ("true", "false"):
                    return text == "true"
    return None


def is_personal(path: str) -> bool:
    parts = segments(path)
    return any(p in PERSONAL_FOLDERS for p in parts) or parts == ["profile.json"]


def file_kind(path: str) -> str | None:
    name = posixpath.basename(path).lower()
    if POSTS_FILE.match(name):
        return "post"
    return FILE_KINDS.get(name)


def groups_in(data: Any) -> list[dict[str, Any]]:
    """The posts (or wrapper entries) of a posts/stories/reels file as dicts."""
    if isinstance(data, list):
        return [as_dict(item) for item in data]
    groups: list[dict[str, Any]] = []
    for value in as_dict(data).values():
        groups.extend(as_dict(item) for item in as_list(value))
    return groups


class InstagramReader:
    """Turns one Instagram export's JSON into contexts."""

    def __init__(self, tree: ExportTree, reading: ExportReading, privacy: Privacy) -> None:
        self.reading, self.privacy = reading, privacy
        self.index: PathIndex = media_index(tree)

    def context(self, kind: str, **values: Any) -> PhotoContext:
        audience, basis = self.privacy.audience(kind)
        clean = {k: v for k, v in values.items() if v not in (None, ())}
        return PhotoContext(
            platform=PLATFORM, kind=kind, audience=audience, audience_basis=basis, **clean
        )

    def put(self, uri: Any, ctx: PhotoContext) -> None:
        path = self.index.resolve(uri) if isinstance(uri, str) else None
        if path:
            self.reading.contexts[path] = ctx

    def media_file(self, data: Any, kind: str) -> None:
        for group in groups_in(data):
            media_list = [as_dict(m) for m in as_list(group.get("media"))] or [group]
            caption = first_text(group.get("title"), media_list[0].get("title"), meta=True)
            for media in media_list:
                uri = media.get("uri")
                if not isinstance(uri, str) or not self.index.resolve(uri):
                    continue  # names no photo of this export: nothing to learn, cheaply skipped
                fields = media_fields(media)
                if fields["uploaded_at"] is None:
                    fields["uploaded_at"] = media_fields(group)["uploaded_at"]
                own = first_text(media.get("title"), meta=True)
                self.put(media.get("uri"), self.context(kind, caption=own or caption, **fields))

    def legacy_media(self, data: dict[str, Any]) -> None:
        for key, kind in LEGACY_KINDS.items():
            for item in (as_dict(i) for i in as_list(data.get(key))):
                posted = iso_from_text(item.get("taken_at"))
                ctx = self.context(
                    kind,
                    caption=as_text(item.get("caption")),
                    uploaded_at=posted,
                    place=as_text(item.get("location")),
                )
                self.put(item.get("path"), ctx)

    def read_file(self, path: str, data: Any) -> None:
        kind = file_kind(path)
        if is_message_thread(data):
            basis = FIXED_AUDIENCES[PhotoKind.MESSAGE_ATTACHMENT][1]
            for media_path, ctx in message_contexts(data, self.index, PLATFORM, basis):
                self.reading.contexts[media_path] = ctx
        elif posixpath.basename(path) == "media.json" and isinstance(data, dict):
            self.legacy_media(data)
        elif kind:
            self.media_file(data, kind)


def has_legacy_media(tree: ExportTree) -> bool:
    return "media.json" in tree.paths and (
        "profile.json" in tree.paths or any(p.startswith("photos/") for p in tree.paths)
    )


class InstagramAdapter:
    """Recognises ``your_instagram_activity/``, ``content/posts_1.json`` or root ``media.json``."""

    platform = PLATFORM
    keeps_exif = False

    def recognise(self, tree: ExportTree) -> bool:
        for path in tree.paths:
            parts = segments(path)
            if "your_instagram_activity" in parts:
                return True
            if len(parts) >= 2 and parts[-2] == "content" and POSTS_FILE.match(parts[-1]):
                return True
        return has_legacy_media(tree)

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=PLATFORM)
        parsed = list(iter_json(tree, reading))
        flags = [private_flag(data) for path, data in parsed if is_personal(path)]
        for path, data in parsed:
            if is_personal(path):
                reading.account.update(account_from(data, INSTAGRAM_ACCOUNT))
        privacy = Privacy(next((f for f in flags if f is not None), None))
        reader = InstagramReader(tree, reading, privacy)
        for path, data in parsed:
            cutoff.per_file(reading, path, reader.read_file, path, data)
        complete(reading, tree, PLATFORM, PLATFORM)
        fill_from_folders(reading, privacy.audience)
        return reading
