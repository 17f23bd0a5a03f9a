"""Facebook "Download Your Information": JSON of every era and the HTML variant."""

from __future__ import annotations

from typing import Any

from exposure_audit.exports import cutoff
from exposure_audit.exports.common import (
    PathIndex,
    account_from,
    as_dict,
    as_list,
    as_text,
    complete,
    coordinates,
    first_text,
    iso_from_epoch,
    segments,
    walk_dicts,
)
from exposure_audit.exports.context import ExportReading, ExportTree, PhotoContext
from exposure_audit.exports.meta import (
    fill_from_folders,
    folder_kind,
    html_references,
    is_message_thread,
    iter_json,
    media_fields,
    media_index,
    message_contexts,
)
from exposure_audit.vocabulary import AudienceBasis, PhotoKind

PLATFORM = "Facebook"
MARKERS = ("your_facebook_activity", "photos_and_videos", "your_activity_across_facebook")
PROFILE_ALBUMS = (
    "profile pictures",
    "profilbilder",
    "photos de profil",
    "fotos del perfil",
    "foto del profilo",
    "fotos do perfil",
    "profielfoto's",
    "zdjęcia profilowe",
)
COVER_ALBUMS = (
    "cover photos",
    "titelbilder",
    "photos de couverture",
    "fotos de portada",
    "foto di copertina",
    "fotos da capa",
    "omslagfoto's",
    "zdjęcia w tle",
)
AUDIENCES: dict[str, tuple[str, str]] = {
    PhotoKind.PROFILE_PICTURE: ("public", AudienceBasis.FACEBOOK_PROFILE_PUBLIC),
    PhotoKind.COVER: ("public", AudienceBasis.FACEBOOK_COVER_PUBLIC),
    PhotoKind.MESSAGE_ATTACHMENT: ("private", AudienceBasis.FACEBOOK_MESSAGE),
}
UNKNOWN = ("unknown", AudienceBasis.FACEBOOK_UNRECORDED)


def audience_for(kind: str | None) -> tuple[str, str]:
    return AUDIENCES.get(kind or "", UNKNOWN)


def album_kind(name: str | None, path: str) -> str:
    lowered = (name or "").lower()
    if lowered in PROFILE_ALBUMS:
        return PhotoKind.PROFILE_PICTURE
    if lowered in COVER_ALBUMS:
        return PhotoKind.COVER
    kind, _ = folder_kind(path)
    return kind if kind in (PhotoKind.PROFILE_PICTURE, PhotoKind.COVER) else "album"


def media_context(media: dict[str, Any], kind: str, **extra: Any) -> PhotoContext:
    audience, basis = audience_for(kind)
    values = {
        **media_fields(media),
        "caption": first_text(media.get("description"), meta=True),
        **{k: v for k, v in extra.items() if v not in (None, ())},
    }
    return PhotoContext(
        platform=PLATFORM, kind=kind, audience=audience, audience_basis=basis, **values
    )


class FacebookReader:
    """One pass over a Facebook export's JSON files."""

    def __init__(self, tree: ExportTree, reading: ExportReading) -> None:
        self.tree, self.reading = tree, reading
        self.index: PathIndex = media_index(tree)

    def put(self, uri: Any, ctx: PhotoContext, *, weak: bool = False) -> None:
        path = self.index.resolve(uri) if isinstance(uri, str) else None
        if path and not (weak and path in self.reading.contexts):
            self.reading.contexts[path] = ctx

    def album(self, data: dict[str, Any]) -> None:
        name = as_text(data.get("name"), meta=True)
        photos = [as_dict(p) for p in as_list(data.get("photos"))]
        for media in photos:
            uri = media.get("uri")
            where = self.index.resolve(uri) if isinstance(uri, str) else None
            kind = album_kind(name, where or "")
            self.put(uri, media_context(media, kind, album=name))
        cover = as_dict(data.get("cover_photo"))
        if cover.get("uri") and not photos:
            self.put(cover.get("uri"), media_context(cover, "album", album=name), weak=True)

    def post(self, post: dict[str, Any]) -> None:
        text = first_text(*(as_dict(d).get("post") for d in as_list(post.get("data"))), meta=True)
        posted = iso_from_epoch(post.get("timestamp"))
        people = tuple(
            n
            for t in as_list(post.get("tags"))
            if (n := as_text(as_dict(t).get("name"), meta=True))
        )
        items = [
            as_dict(d)
            for attachment in as_list(post.get("attachments"))
            for d in as_list(as_dict(attachment).get("data"))
        ]
        place = next((as_dict(i["place"]) for i in items if "place" in i), {})
        lat, lon = coordinates(*_coordinate(place))
        for media in (as_dict(i.get("media")) for i in items if "media" in i):
            kind, _ = folder_kind(self.index.resolve(str(media.get("uri") or "")) or "")
            ctx = media_context(
                media,
                kind if kind in (PhotoKind.PROFILE_PICTURE, PhotoKind.COVER) else "post",
                caption=first_text(media.get("description"), text, meta=True),
                place=as_text(place.get("name"), meta=True),
                people=people,
            )
            self.put(media.get("uri"), _with_place(ctx, lat, lon, posted))

    def any_media(self, data: Any) -> None:
        for item in walk_dicts(data):
            uri = item.get("uri")
            if isinstance(uri, str) and not uri.lower().endswith((".json", ".html")):
                where = self.index.resolve(uri) or ""
                kind, album = folder_kind(where)
                ctx = media_context(item, kind or "other", album=album)
                self.put(uri, ctx, weak=True)

    def read_file(self, path: str, data: Any) -> None:
        if is_message_thread(data):
            basis = audience_for(PhotoKind.MESSAGE_ATTACHMENT)[1]
            for media_path, ctx in message_contexts(data, self.index, PLATFORM, basis):
                self.reading.contexts[media_path] = ctx
            return
        for item in walk_dicts(data):
            if isinstance(item.get("photos"), list) and ("name" in item or "cover_photo" in item):
                self.album(item)
            elif isinstance(item.get("attachments"), list):
                self.post(item)


def _coordinate(place: dict[str, Any]) -> tuple[Any, Any]:
    coordinate = as_dict(place.get("coordinate"))
    return coordinate.get("latitude"), coordinate.get("longitude")


def _with_place(
    ctx: PhotoContext, lat: float | None, lon: float | None, posted: str | None
) -> PhotoContext:
    extra = PhotoContext(latitude=lat, longitude=lon, uploaded_at=posted)
    return ctx.merged_over(extra)


FACEBOOK_ACCOUNT = {"full_name": "name", "username": "username", "emails": "email"}


class FacebookAdapter:
    """Recognises Facebook's internal folder names (English in every language)."""

    platform = PLATFORM
    keeps_exif = False

    def recognise(self, tree: ExportTree) -> bool:
        for path in tree.paths:
            parts = segments(path)
            if any(marker in parts for marker in MARKERS):
                return True
            if "/posts/album/" in f"/{path}" or path.endswith("profile_information.json"):
                return True
        return False

    def read(self, tree: ExportTree) -> ExportReading:
        reading = ExportReading(platform=PLATFORM)
        reader = FacebookReader(tree, reading)
        parsed = list(iter_json(tree, reading))
        for path, data in parsed:
            cutoff.per_file(reading, path, reader.read_file, path, data)
            if path.endswith("profile_information.json"):
                reading.account.update(account_from(data, FACEBOOK_ACCOUNT))
        for path, data in parsed:
            cutoff.per_file(reading, path, reader.any_media, data)
        for path in html_references(tree, reader.index, reading):
            if path not in reading.contexts:
                kind, album = folder_kind(path)
                audience, basis = audience_for(kind)
                reading.contexts[path] = PhotoContext(
                    platform=PLATFORM,
                    kind=kind or "other",
                    album=album,
                    audience=audience,
                    audience_basis=basis,
                )
        complete(reading, tree, PLATFORM, PLATFORM)
        fill_from_folders(reading, audience_for)
        return reading
