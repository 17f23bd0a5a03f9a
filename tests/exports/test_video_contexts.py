"""Videos get their context from the export as photos do: platform, kind, dates, caption, audience."""

from __future__ import annotations

from exposure_audit.exports import read_export
from exposure_audit.exports.context import KINDS
from tests.support.exportkit import MP4, as_json, iso, sidecar, tree_from_files

IG = "your_instagram_activity/"
MOV = b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + b"\x00" * 32


def read(files: dict[str, bytes], name: str = "export"):
    reading = read_export(tree_from_files(files, name))
    assert reading.problems == []
    for context in reading.contexts.values():
        assert context.kind is None or context.kind in KINDS
    return reading


def test_instagram_stories_and_reels_videos() -> None:
    story, reel = "media/stories/202501/s1.mp4", "media/reels/202501/r1.mp4"
    reading = read(
        {
            story: MP4,
            reel: MP4,
            IG + "media/stories.json": as_json(
                {"ig_stories": [{"uri": story, "creation_timestamp": 1736400000, "title": "hi"}]}
            ),
            IG + "media/reels.json": as_json(
                {
                    "ig_reels_media": [
                        {"media": [{"uri": reel, "creation_timestamp": 1736500000, "title": "r"}]}
                    ]
                }
            ),
        },
        "instagram-jdoe-2025-01-10-XyZ",
    )
    assert reading.platform == "Instagram"
    assert reading.contexts[story].kind == "story"
    assert reading.contexts[story].uploaded_at == iso(1736400000)
    assert reading.contexts[story].caption == "hi"
    assert reading.contexts[reel].kind == "reel"


def test_whatsapp_video_attachment() -> None:
    video = "VID-20240313-WA0002.mp4"
    chat = f"3/13/24, 9:05 PM - Bob: {video} (file attached)\n3/13/24, 9:06 PM - Bob: nice\n"
    reading = read(
        {"WhatsApp Chat with Bob.txt": chat.encode(), video: MP4}, "WhatsApp Chat with Bob"
    )
    context = reading.contexts[video]
    assert context.platform == "WhatsApp"
    assert context.kind == "message_attachment"
    assert context.uploaded_at == "2024-03-13T21:05:00"
    assert context.audience == "private"


def test_telegram_video_file_and_video_message() -> None:
    clip, note = "chats/chat_001/video_files/clip.mp4", "chats/chat_001/round_video_messages/r.mp4"
    messages = [
        {"id": 1, "date_unixtime": "1709647331", "file": clip, "media_type": "video_file",
         "text": "look"},
        {"id": 2, "date_unixtime": "1709647400", "file": note, "media_type": "video_message",
         "text": ""},
    ]  # fmt: skip
    result = {
        "personal_information": {"user_id": 42},
        "chats": {"list": [{"name": "Alice", "type": "personal_chat", "messages": messages}]},
    }
    reading = read({"result.json": as_json(result), clip: MP4, note: MP4})
    assert reading.contexts[clip].kind == "message_attachment"
    assert reading.contexts[clip].caption == "look"
    assert reading.contexts[clip].uploaded_at == iso(1709647331)
    assert reading.contexts[note].kind == "video_message"
    assert reading.contexts[note].audience == "private"


def test_icloud_live_photo_takes_its_stills_context() -> None:
    photos = "iCloud Photos Part 1 of 1/Photos/"
    details = (
        "imgName,fileChecksum,favorite,hidden,deleted,viewCount,importDate\n"
        'IMG_1001.JPG,abc,yes,no,no,3,"Tuesday March 5,2024 2:02 PM GMT"\n'
    )
    from tests.support.exportkit import image

    reading = read(
        {
            photos + "IMG_1001.JPG": image("i1"),
            photos + "IMG_1001.MOV": MOV,
            photos + "Photo Details.csv": details.encode(),
        },
        "iCloud Photos",
    )
    video = reading.contexts[photos + "IMG_1001.MOV"]
    assert video.kind == "live_photo"
    assert video.platform == "iCloud Photos"
    assert video.uploaded_at == "2024-03-05T14:02:00+00:00"
    assert video.orphan is False


def test_takeout_video_with_its_sidecar() -> None:
    library = "Takeout/Google Photos/Photos from 2024/"
    reading = read(
        {
            library + "VID_20240305.mp4": MP4,
            library + "VID_20240305.mp4.supplemental-metadata.json": sidecar(
                "VID_20240305.mp4", 1709647331, description="At the beach"
            ),
        },
        "takeout-20240301T101010Z-001",
    )
    context = reading.contexts[library + "VID_20240305.mp4"]
    assert context.platform == "Google Photos"
    assert context.taken_at == iso(1709647331)
    assert context.caption == "At the beach"


def test_a_video_no_metadata_mentions_is_an_orphan_of_its_platform() -> None:
    chat = "3/13/24, 9:05 PM - Bob: hello\n"
    reading = read(
        {"WhatsApp Chat with Bob.txt": chat.encode(), "VID-20240101-WA0009.mp4": MP4},
        "WhatsApp Chat with Bob",
    )
    context = reading.contexts["VID-20240101-WA0009.mp4"]
    assert context.orphan is True
    assert context.platform == "WhatsApp"
