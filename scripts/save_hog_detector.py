"""Write dlib's frontal face detector to resources/models/frontal_face_hog.svm.

dlib builds the detector from text compiled into it, which takes about half a second each
time a process starts; the same detector read back from its binary form takes a millisecond.
Run again after upgrading dlib; tests/faces/test_model_files.py says when it is needed.

    uv run python scripts/save_hog_detector.py
"""

from __future__ import annotations

from pathlib import Path

import dlib

TARGET = Path(__file__).resolve().parent.parent / "resources" / "models" / "frontal_face_hog.svm"


def main() -> None:
    TARGET.parent.mkdir(exist_ok=True)
    dlib.get_frontal_face_detector().save(str(TARGET))
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
