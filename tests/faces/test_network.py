"""The face network on numpy's BLAS encodes as dlib does; dlib encodes whenever it cannot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from exposure_audit.faces import model_files, network
from exposure_audit.imaging import read_image
from tests.support.photos import FACES


@pytest.fixture
def fresh_network() -> Iterator[None]:
    network.shared_network.cache_clear()
    yield
    network.shared_network.cache_clear()


@pytest.mark.slow
def test_encodings_equal_dlibs_on_every_test_face() -> None:
    assert network.shared_network() is not None
    detector = model_files.get("hog_detector")
    landmarks = model_files.get("landmarks5")
    encoder = model_files.get("encoder")
    compared = 0
    for path in sorted(FACES.glob("*.*g")):
        rgb = read_image(path.read_bytes()).rgb
        for rect in detector(rgb, 1):
            shape = landmarks(rgb, rect)
            ours = network.encode_face(rgb, shape)
            dlibs = np.asarray(encoder.compute_face_descriptor(rgb, shape))
            assert np.abs(ours - dlibs).max() <= network.TOLERANCE, path.name
            compared += 1
    assert compared >= 15


def test_dlib_encodes_when_asked(monkeypatch: pytest.MonkeyPatch, fresh_network: None) -> None:
    monkeypatch.setenv(network.ENCODER_VARIABLE, "dlib")
    assert network.shared_network() is None
    rgb = read_image((FACES / "obama.jpg").read_bytes()).rgb
    rect = model_files.get("hog_detector")(rgb, 0)[0]
    shape = model_files.get("landmarks5")(rgb, rect)
    expected = np.asarray(model_files.get("encoder").compute_face_descriptor(rgb, shape))
    assert np.array_equal(network.encode_face(rgb, shape), expected)


@pytest.mark.parametrize("damage", ["truncated", "another model"])
def test_dlib_encodes_when_the_model_file_is_not_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_network: None, damage: str
) -> None:
    real = model_files.model_path("encoder")
    broken = tmp_path / real.name
    if damage == "truncated":
        broken.write_bytes(real.read_bytes()[:3_000_000])
    else:
        broken.write_bytes(model_files.model_path("landmarks5").read_bytes())
    monkeypatch.setattr(model_files, "model_path", lambda _name: broken)
    assert network.shared_network() is None


def test_a_network_that_disagrees_with_dlib_is_not_used(
    monkeypatch: pytest.MonkeyPatch, fresh_network: None
) -> None:
    real_encode = network.FaceNetwork.encode
    monkeypatch.setattr(
        network.FaceNetwork, "encode", lambda self, chip: real_encode(self, chip) + 1e-3
    )
    assert network.shared_network() is None


def test_the_stored_check_is_dlibs_own_encoding_of_the_chip() -> None:
    # A newer dlib or model file: scripts/save_model_data.py is run again.
    model = model_files.model_path("encoder")
    stored = network._stored_check(model)
    assert stored is not None
    live = np.asarray(model_files.get("encoder").compute_face_descriptor(network.check_chip()))
    assert np.array_equal(stored, live)


def test_dlib_is_asked_for_a_model_file_the_tool_does_not_ship(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_network: None
) -> None:
    other = tmp_path / "dlib_face_recognition_resnet_model_v1.dat"
    other.write_bytes(model_files.model_path("encoder").read_bytes() + b"\0")
    monkeypatch.setattr(model_files, "model_path", lambda _name: other)
    assert network._stored_check(other) is None
    asked = []
    real_get = model_files.get
    monkeypatch.setattr(model_files, "get", lambda name: asked.append(name) or real_get(name))
    assert network.shared_network() is not None
    assert asked == ["encoder"]
