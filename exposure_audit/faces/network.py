"""dlib's face-encoding network run on numpy's BLAS: the same weights, the same encodings.

The dlib-bin wheel is built without BLAS, so its ResNet spends about 60 ms on a face; the same
network as matrix products on numpy's BLAS takes a fraction of that. The weights are read from
the installed model file (face_recognition_models) and checked against dlib at start, on a
fixed chip whose encoding by dlib is stored with the tool (resources/models) for the model
file it ships with, and asked of dlib for any other: if they disagree by more than
``TOLERANCE``, or the file is not laid out as expected, dlib encodes.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

from exposure_audit.faces import model_files

log = logging.getLogger(__name__)

# dlib aligns every face to a 150 px chip with a quarter of a face of margin before encoding.
CHIP_SIDE = 150
CHIP_PADDING = 0.25
TOLERANCE = 1e-4
# dlib's own encoding of a fixed chip, kept in resources/models by scripts/save_model_data.py.
CHECK_FILE = "encoder_check.json"
# Set to "dlib" to encode with dlib itself (to compare, or if in doubt).
ENCODER_VARIABLE = "EXPOSURE_AUDIT_ENCODER"

_LAYER_NAMES = re.compile(rb"\x01[\x04-\x15](con_4|affine_|max_pool_2|avg_pool_2|fc_2)")
# Between two layers' parameters the file holds only small bookkeeping records.
_GAP_LIMIT = 4096


@dataclass(frozen=True)
class _Conv:
    weights: np.ndarray  # (side * side * channels_in, filters), rows by (dy, dx, channel)
    bias: np.ndarray
    side: int
    stride: int
    padding: int

    def __call__(self, x: np.ndarray) -> np.ndarray:
        side, stride, padding = self.side, self.stride, self.padding
        if padding:  # np.pad costs more than the copy itself on arrays this small
            height, width, channels = x.shape
            padded = np.zeros((height + 2 * padding, width + 2 * padding, channels), x.dtype)
            padded[padding : padding + height, padding : padding + width] = x
            x = padded
        rows = (x.shape[0] - side) // stride + 1
        cols = (x.shape[1] - side) // stride + 1
        # Each window's pixels side by side, ordered (dy, dx, channel) as the weights' rows:
        # a strided view of x made contiguous in one copy.
        step_y, step_x, step_c = x.strides
        windows = as_strided(
            x,
            (rows, cols, side, side, x.shape[2]),
            (step_y * stride, step_x * stride, step_y, step_x, step_c),
            writeable=False,
        )
        out = np.ascontiguousarray(windows).reshape(rows * cols, -1) @ self.weights
        out += self.bias
        return out.reshape(rows, cols, -1)


@dataclass(frozen=True)
class _Affine:
    gamma: np.ndarray
    beta: np.ndarray

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return x * self.gamma + self.beta


@dataclass(frozen=True)
class _Pool:
    average: bool
    side: int  # 0: the average over the whole image
    stride: int

    def __call__(self, x: np.ndarray) -> np.ndarray:
        if self.side == 0:
            return x.mean(axis=(0, 1))
        windows = sliding_window_view(x, (self.side, self.side), axis=(0, 1))
        windows = windows[:: self.stride, :: self.stride]
        return windows.mean(axis=(3, 4)) if self.average else windows.max(axis=(3, 4))


@dataclass(frozen=True)
class _Block:
    """A residual block: two 3x3 convolutions, the input added back (pooled when it shrinks)."""

    first: tuple[_Conv, _Affine]
    second: tuple[_Conv, _Affine]
    shortcut: _Pool | None

    def __call__(self, x: np.ndarray) -> np.ndarray:
        conv, affine = self.first
        y = np.maximum(affine(conv(x)), 0)
        conv, affine = self.second
        y = affine(conv(y))
        skip = x if self.shortcut is None else self.shortcut(x)
        return np.maximum(_add(y, skip), 0)


def _add(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """dlib's sum of tensors of different sizes: each zero-padded to the larger of both."""
    if a.shape == b.shape:
        return a + b
    out = np.zeros(tuple(max(i, j) for i, j in zip(a.shape, b.shape, strict=True)), dtype=a.dtype)
    out[: a.shape[0], : a.shape[1], : a.shape[2]] += a
    out[: b.shape[0], : b.shape[1], : b.shape[2]] += b
    return out


class FaceNetwork:
    """The 128-d face encoder: stem, residual blocks, global average, linear projection."""

    def __init__(
        self,
        mean: np.ndarray,
        stem: tuple[_Conv, _Affine, _Pool],
        blocks: list[_Block],
        head: tuple[_Pool, np.ndarray],
    ) -> None:
        self.mean = mean
        self.stem = stem
        self.blocks = blocks
        self.head = head

    def encode(self, chip: np.ndarray) -> np.ndarray:
        """The encoding of a face chip (150 x 150 RGB, as dlib's ``get_face_chip`` cuts it)."""
        x = (chip.astype(np.float32) - self.mean) / np.float32(256)
        conv, affine, pool = self.stem
        x = pool(np.maximum(affine(conv(x)), 0))
        for block in self.blocks:
            x = block(x)
        pool, projection = self.head
        return (pool(x) @ projection).astype(np.float64)


def load_network(path: Path) -> FaceNetwork:
    """Read dlib's serialised face-encoding network.

    Raises:
        ValueError: the file is not laid out as this network.
    """
    data = path.read_bytes()
    reader = _Reader(data)
    start = data.find(b"\x01\x15input_rgb_image_sized")
    if start < 0:
        raise ValueError("no input layer")
    reader.at = start
    reader.text()
    mean = np.array([reader.real() for _ in range(3)], dtype=np.float32)
    layers = []
    while True:
        found = _LAYER_NAMES.search(data, reader.at, reader.at + _GAP_LIMIT)
        if found is None:
            break
        reader.at = found.start()
        layers.append(reader.layer(reader.text()))
        if isinstance(layers[-1], np.ndarray):
            break
    return _assemble(mean, layers)


def _assemble(mean: np.ndarray, layers: list[Any]) -> FaceNetwork:
    kinds = [type(layer).__name__ for layer in layers]
    if kinds[:3] != ["_Conv", "_Affine", "_Pool"] or kinds[-2:] != ["_Pool", "ndarray"]:
        raise ValueError(f"unexpected layers {kinds[:3]} … {kinds[-2:]}")
    body = layers[3:-2]
    blocks = []
    while body:
        conv1, affine1, conv2, affine2 = body[:4]
        shortcut = body[4] if len(body) > 4 and isinstance(body[4], _Pool) else None
        if not (isinstance(conv1, _Conv) and isinstance(conv2, _Conv)):
            raise ValueError("a residual block without its two convolutions")
        if not (isinstance(affine1, _Affine) and isinstance(affine2, _Affine)):
            raise ValueError("a residual block without its two scalings")
        blocks.append(_Block((conv1, affine1), (conv2, affine2), shortcut))
        body = body[5 if shortcut else 4 :]
    return FaceNetwork(mean, (layers[0], layers[1], layers[2]), blocks, (layers[-2], layers[-1]))


class _Reader:
    """dlib's serialisation: integers as a length byte (sign in the top bit) and little-endian
    bytes; strings as length and bytes; tensors as four dimensions and raw float32."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def integer(self) -> int:
        control = self.data[self.at]
        size = control & 0x0F
        value = int.from_bytes(self.data[self.at + 1 : self.at + 1 + size], "little")
        self.at += 1 + size
        return -value if control & 0x80 else value

    def text(self) -> str:
        size = self.integer()
        value = self.data[self.at : self.at + size].decode("ascii")
        self.at += size
        return value

    def real(self) -> float:
        mantissa = self.integer()
        return float(mantissa * 2.0 ** self.integer())

    def tensor(self) -> np.ndarray:
        if self.integer() != 2:
            raise ValueError("unknown tensor format")
        count = int(np.prod([self.integer() for _ in range(4)]))
        values = np.frombuffer(self.data, "<f4", count, self.at)
        self.at += 4 * count
        return values

    def layer(self, name: str) -> Any:
        if name == "con_4":
            params = self.tensor()
            filters, rows, cols, stride, stride_x, padding, padding_x = (
                self.integer() for _ in range(7)
            )
            if rows != cols or stride != stride_x or padding != padding_x:
                raise ValueError("a convolution that is not square")
            channels = (params.size - filters) // (filters * rows * cols)
            kernel = params[: filters * channels * rows * cols]
            # dlib keeps (filter, channel, dy, dx); the windows come as (dy, dx, channel).
            weights = kernel.reshape(filters, channels, rows, cols).transpose(2, 3, 1, 0)
            bias = params[filters * channels * rows * cols :].copy()
            return _Conv(
                np.ascontiguousarray(weights.reshape(-1, filters)), bias, rows, stride, padding
            )
        if name == "affine_":
            params = self.tensor()
            half = params.size // 2
            return _Affine(params[:half].copy(), params[half:].copy())
        if name in ("max_pool_2", "avg_pool_2"):
            rows, cols, stride, stride_x, padding, padding_x = (self.integer() for _ in range(6))
            if rows != cols or stride != stride_x or padding or padding_x:
                raise ValueError("a pooling this network does not use")
            return _Pool(name == "avg_pool_2", rows, stride)
        outputs, inputs = self.integer(), self.integer()
        return self.tensor().reshape(inputs, outputs).copy()


@cache
def shared_network() -> FaceNetwork | None:
    """The network for this process, or None when dlib must encode (see the module's doc)."""
    if os.environ.get(ENCODER_VARIABLE) == "dlib":
        return None
    try:
        network = load_network(model_files.model_path("encoder"))
        difference = _difference_from_dlib(network)
    except (ValueError, IndexError, OSError) as exc:
        log.warning("face encodings come from dlib: the network file could not be read (%s)", exc)
        return None
    if difference > TOLERANCE:
        log.warning("face encodings come from dlib: the network differs by %.1e", difference)
        return None
    return network


def check_chip() -> np.ndarray:
    """A fixed chip of noise: every layer and every weight takes part, whatever the picture."""
    return np.random.default_rng(150).integers(0, 256, (CHIP_SIDE, CHIP_SIDE, 3), dtype=np.uint8)


def _difference_from_dlib(network: FaceNetwork) -> float:
    """The largest difference from dlib's own encoding of ``check_chip``: as stored with the
    tool for the model file it ships with (``CHECK_FILE``), or asked of dlib for any other."""
    chip = check_chip()
    expected = _stored_check(model_files.model_path("encoder"))
    if expected is None:
        expected = np.asarray(model_files.get("encoder").compute_face_descriptor(chip))
    return float(np.abs(network.encode(chip) - expected).max())


def _stored_check(model: Path) -> np.ndarray | None:
    """dlib's encoding of ``check_chip`` with the model file the tool ships with; None when
    ``model`` is not that file (its size differs) or the record cannot be read. A file of the
    same size but other weights is still caught: its network then disagrees with the record."""
    try:
        text = (resources.files("resources") / "models" / CHECK_FILE).read_text("utf-8")
        record = json.loads(text)
        if record["model_bytes"] != model.stat().st_size:
            return None
        encoding = np.asarray(record["encoding"], dtype=np.float64)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return encoding if encoding.shape == (128,) else None


def encode_face(rgb: np.ndarray, shape: Any, jitters: int = 1) -> np.ndarray:
    """The encoding of the face at ``shape`` (dlib's landmarks) in ``rgb``."""
    network = shared_network()
    if network is None or jitters != 1:
        encoder = model_files.get("encoder")
        return np.asarray(encoder.compute_face_descriptor(rgb, shape, jitters))
    chip = model_files._dlib().get_face_chip(rgb, shape, CHIP_SIDE, CHIP_PADDING)
    return network.encode(chip)
