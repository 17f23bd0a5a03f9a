"""X (Twitter) archive: window.YTD data files, tweets_media, profile_media and DM media."""

from __future__ import annotations

import html
import posixpath
from typing import Any

from exposure_audit.errors import BadData
from exposure_audit.exports.common import (
    as_dict,
    as_list,
    as_text,
    complete,
    coordinates,
    iso_from_text,
    load_js_assignment,
    media_paths,
    safe_read,
    walk_dicts,
)
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

PLATFORM = "X"
MANIFEST = "data/manifest.js"
CREATED_FORMAT = "%a %b %d %H:%M:%S %z %Y"
TWEET_TYPES = ("tweets", "tweet", "deletedTweets", "deletedTweet")
TWEET_MEDIA = ("tweets_media", "tweet_media", "deleted_tweets_media")
DM_MEDIA = ("direct_messages_media", "direct_messages_group_media")
PROFILE_BASIS = AudienceBasis.X_PROFILE_PUBLIC
DM_BASIS = AudienceBasis.X_MESSAGE


def find_root(tree: ExportTree) -> str | None:
    """The folder holding ``data/manifest.js`` ('' at the top), or None."""
    for path in tree.paths:
        if path == MANIFEST or path.endswith("/" + MANIFEST):
            head = (safe_read(tree, path) or b"")[:200].lstrip()
            if head.startswith(b"window.__THAR_CONFIG"):
                return path[: -len(MANIFEST)]
    return None


def media_id(path: str) -> str:
    return posixpath.basename(path).split("-", 1)[0]


class XArchive:
    """One X archive's data files, read on demand."""

    def __init__(self, tree: ExportTree, root: str, reading: ExportReading) -> None:
        self.tree, self.root, self.reading = tree, root, reading
        self.manifest = as_dict(self.load(root + MANIFEST))

    def load(self, path: str) -> Any:
        try:
            return load_js_assignment(self.tree, path)
        except BadData as err:
            self.reading.problems.append(str(err))
            return None

    def files_of(self, data_type: str) -> list[str]:
        types = as_dict(self.manifest.get("dataTypes"))
        names = [
            as_text(as_dict(f).get("fileName"))
            for f in as_list(as_dict(types.get(data_type)).get("files"))
        ]
        listed = [self.root + n for n in names if n]
        if listed:
            return [p for p in listed if p in self.tree.paths]
        slug = "".join("-" + c.lower() if c.isupper() else c for c in data_type)
        prefix = f"{self.root}data/{slug}"
        return sorted(
            p
            for p in self.tree.paths
            if p.startswith(prefix)
            and p.endswith(".js")
            and posixpath.basename(p).removesuffix(".js").split("-part")[0] == slug
        )

    def records(self, data_type: str, wrapper: str) -> list[dict[str, Any]]:
        out = []
        for path in self.files_of(data_type):
            for item in as_list(self.load(path)):
                item = as_dict(item)
                out.append(as_dict(item[wrapper]) if wrapper in item else item)
        return out

    def username(self) -> str | None:
        info = as_text(as_dict(self.manifest.get("userInfo")).get("userName"))
        accounts = self.records("account", "account")
        return info or (as_text(accounts[0].get("username")) if accounts else None)

    def protected(self) -> bool:
        history = self.records("protectedHistory", "protectedHistory")
        return bool(history) and str(history[-1].get("action", "")).lower() == "protect"


def tweet_coordinates(tweet: dict[str, Any]) -> tuple[float | None, float | None]:
    point = as_list(as_dict(tweet.get("coordinates")).get("coordinates"))
    if len(point) == 2:
        return coordinates(point[1], point[0])
    geo = as_list(as_dict(tweet.get("geo")).get("coordinates"))
    return coordinates(*geo) if len(geo) == 2 else (None, None)


def tweet_context(
    tweet: dict[str, Any], username: str | None, audience: tuple[str, str]
) -> PhotoContext:
    tweet_id = str(tweet.get("id_str") or tweet.get("id") or "")
    lat, lon = tweet_coordinates(tweet)
    text = as_text(tweet.get("full_text")) or as_text(tweet.get("text"))
    url = f"https://x.com/{username or 'i/web'}/status/{tweet_id}" if tweet_id else None
    return PhotoContext(
        platform=PLATFORM,
        kind=PhotoKind.POST,
        uploaded_at=iso_from_text(tweet.get("created_at"), (CREATED_FORMAT,)),
        caption=html.unescape(text) if text else None,
        latitude=lat,
        longitude=lon,
        place=as_text(as_dict(tweet.get("place")).get("full_name")),
        audience=audience[0],
        audience_basis=audience[1],
        url=url,
    )


def folder_of(path: str) -> str:
    return posixpath.basename(posixpath.dirname(path))


class XAdapter:
    """Recognises ``data/manifest.js`` starting ``window.__THAR_CONFIG``."""

    platform = PLATFORM
    keeps_exif = False

    def recognise(self, tree: ExportTree) -> bool:
        return find_root(tree) is not None

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=PLATFORM)
        root = find_root(tree) or ""
        archive = XArchive(tree, root, reading)
        username = archive.username()
        if username:
            reading.account["username"] = username
        audience = (
            ("friends", AudienceBasis.X_PROTECTED)
            if archive.protected()
            else ("public", AudienceBasis.X_POSTS_PUBLIC)
        )
        by_id: dict[str, list[str]] = {}
        media = media_paths(tree)
        for path in media:
            by_id.setdefault(media_id(path), []).append(path)
        self._tweets(archive, reading, by_id, username, audience)
        self._profile(archive, reading, media)
        self._direct_messages(archive, reading, by_id, media)
        return complete(reading, tree, "X archive", PLATFORM)

    def _tweets(
        self,
        archive: XArchive,
        reading: ExportReading,
        by_id: dict[str, list[str]],
        username: str | None,
        audience: tuple[str, str],
    ) -> None:
        for data_type in TWEET_TYPES:
            for tweet in archive.records(data_type, "tweet"):
                tweet_id = str(tweet.get("id_str") or tweet.get("id") or "")
                files = [p for p in by_id.get(tweet_id, []) if folder_of(p) in TWEET_MEDIA]
                if files:
                    ctx = tweet_context(tweet, username, audience)
                    for path in files:
                        reading.contexts[path] = ctx

    def _profile(self, archive: XArchive, reading: ExportReading, media: list[str]) -> None:
        profiles = archive.records("profile", "profile")
        header = as_text(as_dict(profiles[0]).get("headerMediaUrl")) if profiles else None
        header_name = posixpath.basename(header) if header else ""
        for path in (p for p in media if folder_of(p) == "profile_media"):
            is_header = bool(header_name) and header_name in posixpath.basename(path)
            reading.contexts[path] = PhotoContext(
                platform=PLATFORM,
                kind=PhotoKind.COVER if is_header else PhotoKind.PROFILE_PICTURE,
                audience="public",
                audience_basis=PROFILE_BASIS,
            )

    def _direct_messages(
        self,
        archive: XArchive,
        reading: ExportReading,
        by_id: dict[str, list[str]],
        media: list[str],
    ) -> None:
        sent: dict[str, dict[str, Any]] = {}
        for data_type in ("directMessages", "directMessagesGroup"):
            for item in walk_dicts(archive.records(data_type, "dmConversation")):
                message = as_dict(item.get("messageCreate"))
                if message.get("id"):
                    sent[str(message["id"])] = message
        for path in (p for p in media if folder_of(p) in DM_MEDIA):
            parts = posixpath.basename(path).split("-")
            message = next((sent[p] for p in parts[:2] if p in sent), {})
            reading.contexts[path] = PhotoContext(
                platform=PLATFORM,
                kind=PhotoKind.MESSAGE_ATTACHMENT,
                uploaded_at=iso_from_text(message.get("createdAt")),
                caption=as_text(message.get("text")),
                audience="private",
                audience_basis=DM_BASIS,
            )
