"""A reader that still runs long on one file is cut off there, and the rest is read.

Every reader is linear now (``test_linear_readers``); the clock is for the case nobody found
yet. The files here are real and large enough that reading them takes longer than the limit
these tests set: the same code path as a pathological file under the real limit.
"""

from __future__ import annotations

import time

import pytest

from exposure_audit.exports import cutoff, read_export
from exposure_audit.vocabulary import PhotoKind
from tests.support.exportkit import tree_from_files
from tests.support.photos import face_bytes

SHORT = 0.05


def _long_chat(lines: int) -> bytes:
    return b"".join(
        b"[03.09.26, 14:01:%02d] Kim: a message that says nothing in particular\n" % (i % 60)
        for i in range(lines)
    )


def _chats() -> dict[str, bytes]:
    return {
        "Chat - Slow/_chat.txt": _long_chat(200_000),
        "Chat - Slow/00000011-PHOTO-2026-09-03.jpg": face_bytes("obama2.jpg"),
        "Chat - Kim/_chat.txt": (
            b"[03.09.26, 14:02:00] Kim: \xe2\x80\x8e<attached: 00000012-PHOTO-2026-09-03.jpg>\n"
        ),
        "Chat - Kim/00000012-PHOTO-2026-09-03.jpg": face_bytes("obama3.jpg"),
    }


def test_a_file_over_its_limit_is_cut_off_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cutoff, "SECONDS_PER_FILE", SHORT)
    started = time.perf_counter()
    reading = read_export(tree_from_files(_chats()), fill_exif=False)
    elapsed = time.perf_counter() - started
    cut = [p for p in reading.problems if p.startswith("Chat - Slow/_chat.txt:")]
    assert cut, reading.problems
    assert "cut off" in cut[0]
    # The other chat was read, and the slow chat's photo is still there to be scanned.
    assert reading.contexts["Chat - Kim/00000012-PHOTO-2026-09-03.jpg"].kind == (
        PhotoKind.MESSAGE_ATTACHMENT
    )
    assert reading.contexts["Chat - Slow/00000011-PHOTO-2026-09-03.jpg"].orphan
    assert elapsed < 10


def test_without_a_short_limit_the_same_file_is_read_whole() -> None:
    reading = read_export(tree_from_files(_chats()), fill_exif=False)
    assert not [p for p in reading.problems if "cut off" in p]


def test_an_export_over_its_limit_keeps_its_photos(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cutoff, "SECONDS_PER_EXPORT", SHORT)
    reading = read_export(tree_from_files(_chats()), fill_exif=False)
    assert any("without their context" in p for p in reading.problems), reading.problems
    assert {p for p in reading.contexts if p.endswith(".jpg")} == {
        "Chat - Slow/00000011-PHOTO-2026-09-03.jpg",
        "Chat - Kim/00000012-PHOTO-2026-09-03.jpg",
    }


def test_clocks_are_per_thread() -> None:
    import threading

    errors: list[BaseException] = []

    def elsewhere() -> None:
        try:
            cutoff.check()  # the clock below runs out in the main thread only
        except BaseException as err:  # noqa: BLE001 - recorded for the assertion
            errors.append(err)

    with cutoff.timed("here", 0.0):
        time.sleep(0.01)
        worker = threading.Thread(target=elsewhere)
        worker.start()
        worker.join()
        with pytest.raises(cutoff.ReadingCutOff):
            cutoff.check()
    assert not errors
    cutoff.check()  # the clock has stopped
