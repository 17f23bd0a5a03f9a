"""Export readers take time in proportion to their input, never its square.

A WhatsApp chat with one 300,000-character line took 13 minutes to read, and a saved page of
repeated ``<title`` 94 s: patterns that rescan a run of text from every position. Each test
reads the real crafted file through the reader, and checks the time grows linearly.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from exposure_audit.exports import read_export
from exposure_audit.exports.webpage import page_title
from exposure_audit.exports.whatsapp import attachment_names
from exposure_audit.vocabulary import PhotoKind
from tests.support.exportkit import tree_from_files
from tests.support.photos import face_bytes


def _seconds(work: Callable[[], object], runs: int = 3) -> float:
    """The best of ``runs`` timings: other work on the machine only ever adds time."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _grows_linearly(make: Callable[[int], str], read: Callable[[str], object]) -> None:
    small, large = make(150_000), make(600_000)
    read(small)  # warm up
    before, after = _seconds(lambda: read(small)), _seconds(lambda: read(large))
    assert after < 2.0  # quadratic, 600,000 characters took minutes
    assert after < 4 * 3 * max(before, 0.01)  # 4x the input: about 4x the time, not 16x


def test_a_chat_line_of_300000_characters_is_read_at_once() -> None:
    _grows_linearly(lambda n: "a" * n, attachment_names)
    _grows_linearly(lambda n: "x." * (n // 2), attachment_names)


def test_a_page_of_repeated_title_tags_is_read_at_once() -> None:
    _grows_linearly(lambda n: "<title " * (n // 7), page_title)
    _grows_linearly(lambda n: "<title>" + "x" * n, page_title)


def test_the_chat_is_still_read_around_a_hostile_line() -> None:
    chat = (
        "[03.09.26, 14:01:00] Kim: " + "a" * 300_000 + "\n"
        "[03.09.26, 14:02:00] Kim: \u200e<attached: 00000012-PHOTO-2026-09-03.jpg>\n"
    )
    tree = tree_from_files(
        {
            "WhatsApp Chat - Kim/_chat.txt": chat.encode(),
            "WhatsApp Chat - Kim/00000012-PHOTO-2026-09-03.jpg": face_bytes("obama3.jpg"),
        }
    )
    started = time.perf_counter()
    reading = read_export(tree, fill_exif=False)
    assert time.perf_counter() - started < 5
    context = reading.contexts["WhatsApp Chat - Kim/00000012-PHOTO-2026-09-03.jpg"]
    assert context.kind == PhotoKind.MESSAGE_ATTACHMENT
    assert context.uploaded_at is not None
    assert context.uploaded_at.startswith("2026-09-03T14:02")


def test_attachment_names_are_the_ones_the_old_pattern_found() -> None:
    assert attachment_names("\u200e<attached: IMG-20260903-WA0001.jpg>") == [
        "IMG-20260903-WA0001.jpg"
    ]
    assert "IMG-1.jpg" in attachment_names("IMG-1.jpg (file attached)")
    assert attachment_names("no attachment here") == []


def test_many_saved_pages_and_folders_are_matched_in_one_pass() -> None:
    def tree_of(n: int) -> dict[str, bytes]:
        files = {f"page{i}.html": b"<title>p</title>" for i in range(n)}
        files |= {f"page{i}_files/a.png": b"" for i in range(n)}
        files |= {f"other{i}/b.txt": b"" for i in range(n)}
        return files

    from exposure_audit.exports.webpage import page_files

    small, large = tree_from_files(tree_of(2_000)), tree_from_files(tree_of(8_000))
    before, after = _seconds(lambda: page_files(small)), _seconds(lambda: page_files(large))
    assert len(page_files(large)) == 8_000
    assert after < 4 * 3 * max(before, 0.01)  # pages x folders took 52 s for 8,000 pages


def test_many_chats_beside_many_photos_are_read_in_one_pass() -> None:
    def tree_of(n: int) -> dict[str, bytes]:
        files = {}
        for i in range(n):
            files[f"WhatsApp Chat {i}/_chat.txt"] = (
                f"[03.09.26, 14:02:00] Kim: <attached: {i:08d}-PHOTO-2026-09-03.jpg>\n".encode()
            )
            files[f"WhatsApp Chat {i}/{i:08d}-PHOTO-2026-09-03.jpg"] = b"\xff\xd8\xff\xe0"
        return files

    small, large = tree_from_files(tree_of(500)), tree_from_files(tree_of(2_000))
    before = _seconds(lambda: read_export(small, fill_exif=False))
    after = _seconds(lambda: read_export(large, fill_exif=False))
    assert after < 4 * 3 * max(before, 0.01)
