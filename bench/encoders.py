"""Encoding one face: dlib's ResNet as the dlib-bin wheel runs it (one by one, and through its
batch API), and the same weights on numpy's BLAS; with the largest difference between them.

    uv run python bench/encoders.py

Times are CPU seconds of this process (one thread), so other work on the machine distorts
them less than wall-clock times would.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads: as in the scan's workers

import numpy as np

from exposure_audit.faces import model_files, network
from exposure_audit.imaging import read_image

FACES = Path(__file__).resolve().parent.parent / "tests" / "data" / "faces"


def main() -> None:
    dlib = model_files._dlib()
    detector, landmarks = model_files.get("hog_detector"), model_files.get("landmarks5")
    encoder, blas = model_files.get("encoder"), network.shared_network()
    assert blas is not None, "the network did not load; dlib encodes"
    images, shapes = [], []
    for path in sorted(FACES.glob("*.*g")):
        rgb = read_image(path.read_bytes()).rgb
        for rect in detector(rgb, 1):
            images.append(rgb)
            shapes.append(landmarks(rgb, rect))
    chips = [
        dlib.get_face_chip(i, s, network.CHIP_SIDE, network.CHIP_PADDING)
        for i, s in zip(images, shapes, strict=True)
    ]
    count = len(chips)
    for run in range(1, 4):
        started = time.process_time()
        one = [
            np.asarray(encoder.compute_face_descriptor(i, s))
            for i, s in zip(images, shapes, strict=True)
        ]
        single = time.process_time() - started
        started = time.process_time()
        encoder.compute_face_descriptor(chips)
        batch = time.process_time() - started
        started = time.process_time()
        ours = [blas.encode(c) for c in chips]
        numpy_time = time.process_time() - started
        worst = max(float(np.abs(a - b).max()) for a, b in zip(one, ours, strict=True))
        print(
            f"run {run}: {count} faces; ms per face: dlib one by one {single / count * 1000:.0f}, "
            f"dlib batch {batch / count * 1000:.0f}, numpy BLAS {numpy_time / count * 1000:.0f}; "
            f"largest difference {worst:.1e}"
        )


if __name__ == "__main__":
    main()
