"""Write what resources/models holds: dlib's frontal face detector, and the encoding dlib's
face network gives a fixed chip.

dlib builds the detector from text compiled into it, about half a second each time a process
starts; the same detector read back from its binary form takes a millisecond. The encoding
network on numpy's BLAS (exposure_audit/faces/network.py) is checked at start against dlib's
own answer for a fixed chip: stored here, dlib's network (a 22 MB file, and 60 ms to run)
need not be loaded to ask it. Run again after upgrading dlib or its models; the tests in
tests/faces/test_model_files.py and test_network.py say when it is needed.

    uv run python scripts/save_model_data.py
"""

from __future__ import annotations

import json
from pathlib import Path

import dlib
import numpy as np

from exposure_audit.faces import model_files, network

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "models"


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    detector = FOLDER / model_files.HOG_DETECTOR_FILE
    dlib.get_frontal_face_detector().save(str(detector))
    print(f"wrote {detector} ({detector.stat().st_size:,} bytes)")
    encoder = dlib.face_recognition_model_v1(str(model_files.model_path("encoder")))
    expected = np.asarray(encoder.compute_face_descriptor(network.check_chip()))
    check = FOLDER / network.CHECK_FILE
    record = {
        "model": model_files.MODEL_FILES["encoder"],
        "model_bytes": model_files.model_path("encoder").stat().st_size,
        "encoding": [float(v) for v in expected],
    }
    check.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {check}")


if __name__ == "__main__":
    main()
