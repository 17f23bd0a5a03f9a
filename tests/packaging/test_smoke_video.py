"""The smoke test's video path: the bundled clip is H.264, is made reproducibly from the
bundled face, and the face is found in it; a clip of someone else is not taken for it."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import numpy as np

from exposure_audit.faces.detection import find_faces
from exposure_audit.faces.frames import VideoSampler, open_video
from exposure_audit.imaging import read_image
from exposure_audit.smoke import video_problem
from tests.support.clips import Shown, clip_bytes

ROOT = Path(__file__).resolve().parents[2]


def _encoding(data: bytes) -> np.ndarray:
    (face,) = find_faces(read_image(data), np.empty((0, 128)), keep_encodings=True)
    assert face.encoding is not None
    return face.encoding


def _smoke_face() -> np.ndarray:
    return _encoding(resources.files("resources").joinpath("smoke-face.jpg").read_bytes())


def test_the_bundled_clip_is_small_h264_and_shows_the_bundled_face() -> None:
    clip = (ROOT / "resources" / "smoke-clip.mp4").read_bytes()
    assert len(clip) < 50_000
    container = open_video(clip)
    try:
        sampler = VideoSampler(container)
        assert sampler.facts.codec == "h264"
        assert len(list(sampler.samples())) >= 1
    finally:
        container.close()
    assert video_problem(_smoke_face()) is None


def test_the_clip_script_makes_the_committed_clip() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_smoke_clip", ROOT / "scripts/make_smoke_clip.py"
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.clip_bytes() == (ROOT / "resources" / "smoke-clip.mp4").read_bytes()


def test_a_clip_of_someone_else_fails_the_check() -> None:
    other = clip_bytes([Shown("biden.jpg", 0.0, 2.0, 0.9)], seconds=2)
    problem = video_problem(_smoke_face(), other)
    assert problem is not None
    assert "found 0" in problem


def test_a_broken_clip_fails_the_check() -> None:
    problem = video_problem(_smoke_face(), b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    assert problem is not None
    assert "could not be decoded" in problem


def test_build_spec_bundles_the_video_decoder_and_the_clip() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'collect_dynamic_libs("av")' in spec
    assert '_wheel_libs("av")' in spec
    assert 'collect_submodules("av")' in spec
    # The clip is a resource file: collect_data_files("resources") takes it along.
    assert 'collect_data_files("resources")' in spec
    assert resources.files("resources").joinpath("smoke-clip.mp4").is_file()
