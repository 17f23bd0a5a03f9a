"""Requests page: the opt-out kit's reference photo for face-search companies.

The photo is cut from one of your selfies (the best one unless you choose another): your face
only, nobody else's, without EXIF. It is written owner-only beside the saved letter, and an
e-mail draft really attaches it; a letter never says a photo is enclosed without one.
"""

from __future__ import annotations

import email
import email.policy
import io
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from exposure_audit.audit.store import Audit
from exposure_audit.faces.detection import find_faces
from exposure_audit.faces.enrollment import Selfie
from exposure_audit.imaging import read_image
from exposure_audit.rights.evidence import save_identity
from exposure_audit.rights.letters import photo_path
from exposure_audit.scan.pipeline import Finished, ScanSettings, add_sources, scan
from tests.support.exportkit import build_export
from tests.support.photos import face_bytes
from tests.support.ui import FACEBOOK_USER_IN_BERLIN, open_audit
from ui.pages.you import selfies

pytestmark = pytest.mark.slow

ENCLOSED = "I enclose one photograph of my face"
NOT_ENCLOSED = "I do not enclose a photograph"
GPS_IFD = 0x8825


def _with_exif(data: bytes) -> bytes:
    """The selfie as a phone stores it: a camera model and where it was taken."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    exif = Image.Exif()
    exif[0x0110] = "Phone 12"  # Model
    exif[GPS_IFD] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 18.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture(scope="module")
def enrolled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Selfies given on the You page (two of you alone, one with Biden beside you), a public
    Facebook profile picture confirmed as you, your details saved."""
    root = tmp_path_factory.mktemp("kit")
    path = root / "kit.audit"
    Audit.open(path).close()
    given = [
        Selfie("obama.jpg", face_bytes("obama.jpg")),
        Selfie("obama2-phone.jpg", _with_exif(face_bytes("obama2.jpg"))),
        Selfie("with-biden.jpg", face_bytes("obama_and_biden.jpg")),
    ]
    assert Image.open(io.BytesIO(given[1].data)).getexif().get(0x0110) == "Phone 12"
    entries = selfies.enroll(path, given)
    assert sum(entry.usable for entry in entries) == 3
    built = build_export("facebook_2024", root)
    with Audit.open(path) as audit:
        add_sources(audit, [str(p) for p in built.paths])
        events = list(scan(audit, ScanSettings(detector="hog", workers=1)))
        assert isinstance(events[-1], Finished)
        for row in audit.findings():
            audit.set_decision(row.face_id, "me")
        save_identity(audit, FACEBOOK_USER_IN_BERLIN)
    return path


@pytest.fixture
def audit_path(enrolled: Path, tmp_path: Path) -> Path:
    target = tmp_path / "mine.audit"
    shutil.copyfile(enrolled, target)
    shutil.copytree(enrolled.with_name(enrolled.name + ".cache"), tmp_path / "mine.audit.cache")
    return target


def _open(qtbot, window, path: Path):
    page = window.requests
    with qtbot.waitSignals([page.identity_loaded, page.controllers_loaded], timeout=15_000):
        open_audit(qtbot, window, path)
    window.show_page("requests")
    return page


def _my_encoding(path: Path, name: str) -> np.ndarray:
    with Audit.open(path) as audit:
        return next(ref.encoding for ref in audit.references() if ref.label == name)


def _include_photo(qtbot, page) -> bytes:
    kit = page.letter_box.reference_photo
    with qtbot.waitSignal(page.letter_ready, timeout=20_000):
        page.letter_box.rights["erasure"].setChecked(True)
        kit.include.setChecked(True)
        qtbot.waitUntil(lambda: kit.photo() is not None, timeout=20_000)
    qtbot.waitUntil(
        lambda: page.letter_box.letter.request.reference_photo_jpeg is not None, timeout=10_000
    )
    photo = kit.photo()
    assert photo is not None
    return photo


def test_the_photo_is_offered_only_for_face_search_companies(qtbot, window, audit_path):
    page = _open(qtbot, window, audit_path)
    kit = page.letter_box.reference_photo
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("meta")
    assert kit.include.isHidden()
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("pimeyes")
    assert not kit.include.isHidden()
    assert kit.choice.isHidden()  # until it is ticked
    assert NOT_ENCLOSED in page.letter_box.preview.toPlainText()
    _include_photo(qtbot, page)
    assert ENCLOSED in page.letter_box.preview.toPlainText()
    # the largest face among the selfies of you alone; the one with Biden is never offered
    names = [kit.choice.itemText(n) for n in range(kit.choice.count())]
    assert names == ["obama2-phone.jpg", "obama.jpg"]
    assert kit.choice.currentText() == "obama2-phone.jpg"
    assert not kit.preview.pixmap().isNull()
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("meta")
    assert kit.include.isHidden()
    assert kit.photo() is None
    assert page.letter_box.letter.request.reference_photo_jpeg is None
    assert ENCLOSED not in page.letter_box.preview.toPlainText()


def test_the_photo_is_your_face_only_without_exif(qtbot, window, audit_path):
    page = _open(qtbot, window, audit_path)
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("clearview-ai")
    photo = _include_photo(qtbot, page)
    image = Image.open(io.BytesIO(photo))
    assert image.format == "JPEG"
    assert not image.getexif()  # neither the phone's model nor where it was taken
    assert "exif" not in image.info
    whole = Image.open(io.BytesIO(face_bytes("obama2.jpg")))
    assert whole.width / whole.height < 0.6 < 0.8 < image.width / image.height  # cut round the face
    assert 200 <= max(image.size) <= 360  # enough for a search, and no more
    me = _my_encoding(audit_path, "obama2-phone.jpg")
    faces = find_faces(read_image(photo), me[None, :])
    assert len(faces) == 1  # yours, and nobody else's
    assert faces[0].distance is not None
    assert faces[0].distance < 0.4
    top, right, bottom, left = faces[0].box
    assert (right - left) * (bottom - top) > 0.25 * image.width * image.height  # the face fills it


def test_a_selfie_with_someone_else_gives_only_your_face(audit_path: Path) -> None:
    """Even a stored crop with another face in it: the kit's photo leaves that face out."""
    from exposure_audit.rights.opt_out import opt_out_photo

    me = _my_encoding(audit_path, "with-biden.jpg")
    photo = opt_out_photo(face_bytes("obama_and_biden.jpg"), me)
    faces = find_faces(read_image(photo), me[None, :])
    assert len(faces) == 1
    assert faces[0].distance is not None
    assert faces[0].distance < 0.4
    alone = _my_encoding(audit_path, "obama.jpg")
    assert np.linalg.norm(alone - me) < 0.5  # the face kept is the one of you alone


def test_saved_letters_carry_the_photo_owner_only(qtbot, window, audit_path, tmp_path):
    page = _open(qtbot, window, audit_path)
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        page.controller_box.select("pimeyes")
    photo = _include_photo(qtbot, page)
    box = page.letter_box
    pdf, eml = tmp_path / "out" / "pimeyes.pdf", tmp_path / "out" / "pimeyes.eml"
    pdf.parent.mkdir()
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        box.save_pdf_to(pdf)
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        box.save_eml_to(eml)
    text = tmp_path / "out" / "pimeyes.txt"
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        box.save_text_to(text)
    assert ENCLOSED in text.read_text(encoding="utf-8")
    for letter in (pdf, eml, text):
        beside = photo_path(letter)
        assert beside.name == f"{letter.stem}-photo-for-the-search-only.jpg"
        assert beside.read_bytes() == photo
        assert beside.stat().st_mode & 0o777 == 0o600
        assert letter.stat().st_mode & 0o777 == 0o600
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    images = [p for p in message.iter_attachments() if p.get_content_type() == "image/jpeg"]
    assert [p.get_content() for p in images] == [photo]
    assert images[0].get_filename() == "photo-for-the-search-only.jpg"
    body = message.get_body(("plain",))
    assert body is not None
    assert ENCLOSED in body.get_content()
    assert "I will not send a copy of an identity document" in body.get_content()
    # untick it: the letter says no photo is enclosed, and the draft attaches none
    with qtbot.waitSignal(page.letter_ready, timeout=10_000):
        box.reference_photo.include.setChecked(False)
    bare = tmp_path / "bare.eml"
    with qtbot.waitSignal(page.file_saved, timeout=20_000):
        box.save_eml_to(bare)
    message = email.message_from_bytes(bare.read_bytes(), policy=email.policy.default)
    assert not [p for p in message.iter_attachments() if p.get_content_type() == "image/jpeg"]
    body = message.get_body(("plain",))
    assert body is not None
    assert NOT_ENCLOSED in body.get_content()
    assert not photo_path(bare).exists()
