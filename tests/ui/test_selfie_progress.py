"""Selfies are listed the moment they are given, pending, and each turns into its verdict.

Judging a selfie is held at a gate the test opens, so what is seen in between does not depend
on how fast the machine is.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from exposure_audit import actions
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.faces.enrollment import Remark, SelfieReport
from exposure_audit.imaging import thumbnail_jpeg
from exposure_audit.vocabulary import SelfieCheck
from tests.support.ui import FACES, open_audit, say_these_are_all_me
from ui import errors
from ui.labels import CHECKING
from ui.models.selfies import SelfieEntry, SelfiesModel
from ui.pages.you import selfies
from ui.pages.you.page import NOT_CHECKED, YouPage
from ui.pages.you.selfies import CROP_SIDE
from ui.widgets.camera import GuidedShots
from ui.widgets.selfie_list import SelfieList

JUDGED_MS = 120_000  # generous: the machine may be busy


class Gate:
    """Judging a selfie (finding and encoding its face) waits here until the test lets it on."""

    HOLD_LIMIT_S = 120.0  # a test that forgets to let a selfie on fails instead of hanging

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[str, threading.Event] = {}
        self._everything = False

    def wait(self, name: str) -> None:
        with self._lock:
            event = self._open.setdefault(name, threading.Event())
            if self._everything:
                event.set()
        if not event.wait(self.HOLD_LIMIT_S):
            raise AssertionError(f"{name} was held and never let on")  # shown as a bug

    def hold(self) -> None:
        """Hold every selfie judged from now on again."""
        with self._lock:
            self._everything = False
            self._open = {}

    def release(self, *names: str) -> None:
        """Let the named selfies be judged; without names, every selfie from now on."""
        with self._lock:
            if not names:
                self._everything = True
                names = tuple(self._open)
            for name in names:
                self._open.setdefault(name, threading.Event()).set()


@pytest.fixture
def gate(window, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Every selfie not judged before waits at the gate; the gate opens before the window closes."""
    held = Gate()
    judge = actions.assess_selfie

    def assess(data: bytes, name: str) -> SelfieReport:
        held.wait(name)
        return judge(data, name)

    monkeypatch.setattr(actions, "assess_selfie", assess)
    yield held
    held.release()


def files(*names: str) -> list[str]:
    return [str(FACES / name) for name in names]


def rows(page: YouPage) -> list[SelfieEntry]:
    return page.model.entries()


def pending_names(page: YouPage) -> list[str]:
    return [entry.name for entry in rows(page) if entry.pending]


def texts(page: YouPage, role: Qt.ItemDataRole) -> list[str]:
    model = page.model
    return [model.index(row).data(role) for row in range(model.rowCount())]


def detail(image: QImage | None) -> float:
    """How sharp an image is: the mean difference between neighbouring pixels' grey levels."""
    assert image is not None
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    pixels = np.frombuffer(grey.constBits(), np.uint8).reshape(height, stride)[:, :width]
    return float(np.abs(np.diff(pixels.astype(np.int16), axis=1)).mean())


def enroll_for_real(qtbot, page: YouPage, *names: str) -> None:
    with qtbot.waitSignal(page.enrolled, timeout=JUDGED_MS):
        page.add_selfie_files(files(*names))


def test_selfies_are_listed_at_once_and_each_gets_its_verdict(qtbot, tmp_path, window, gate):
    open_audit(qtbot, window, tmp_path / "me.audit")
    page = window.you
    page.add_selfie_files(files("obama-240p.jpg", "obama.jpg", "obama2.jpg"))

    qtbot.waitUntil(lambda: len(pending_names(page)) == 3, timeout=JUDGED_MS)
    assert pending_names(page) == ["obama-240p.jpg", "obama.jpg", "obama2.jpg"]
    assert all(CHECKING in text for text in texts(page, Qt.ItemDataRole.AccessibleTextRole))
    assert all(text.endswith(CHECKING) for text in texts(page, Qt.ItemDataRole.DisplayRole))
    assert all(entry.crop is not None for entry in rows(page))  # the photo, while it is checked
    # ...blurred: whose face it shows is not known until it is judged
    sharp = QImage.fromData(thumbnail_jpeg((FACES / "obama.jpg").read_bytes(), side=CROP_SIDE))
    assert detail(rows(page)[1].crop) < 0.5 * detail(sharp)
    assert page.list.spinner.isActive()
    turned = page.list.spinner_delegate.phase
    qtbot.waitUntil(lambda: page.list.spinner_delegate.phase != turned, timeout=JUDGED_MS)
    assert not page.list.grab().toImage().isNull()  # the arc is painted over the photo

    # an unusable selfie gets its verdict as soon as its face is judged, before the others
    gate.release("obama-240p.jpg")
    qtbot.waitUntil(lambda: pending_names(page) == ["obama.jpg", "obama2.jpg"], timeout=JUDGED_MS)
    assert "too small" in rows(page)[0].verdict
    assert rows(page)[0].crop is not None

    with qtbot.waitSignal(page.enrolled, timeout=JUDGED_MS):
        gate.release()
    verdicts = {entry.name: entry for entry in rows(page)}
    assert list(verdicts) == ["obama.jpg", "obama2.jpg", "obama-240p.jpg"]
    assert verdicts["obama.jpg"].usable
    assert verdicts["obama2.jpg"].usable
    assert "too small" in verdicts["obama-240p.jpg"].verdict
    assert pending_names(page) == []
    assert not any(CHECKING in text for text in texts(page, Qt.ItemDataRole.AccessibleTextRole))
    assert not page.list.spinner.isActive()
    assert "2 selfies in use" in page.status.text()


def test_the_camera_shots_are_listed_at_once_too(qtbot, tmp_path, window, gate):
    open_audit(qtbot, window, tmp_path / "me.audit")
    page = window.you
    shots = GuidedShots()
    for name in ("obama.jpg", "obama2.jpg", "obama3.jpg"):
        shots.take(QImage(str(FACES / name)))
    page.add_selfie_images(shots.shots)

    qtbot.waitUntil(lambda: len(pending_names(page)) == 3, timeout=JUDGED_MS)
    assert pending_names(page) == ["camera-straight.png", "camera-left.png", "camera-right.png"]
    with qtbot.waitSignal(page.enrolled, timeout=JUDGED_MS):
        gate.release()
    assert [entry.usable for entry in rows(page)] == [True, True, True]
    assert not page.list.spinner.isActive()


def test_selfies_given_while_the_audit_loads_stay_listed(
    qtbot, tmp_path, window, gate, monkeypatch
):
    # Opening an audit loads its selfies on a worker; selfies added before that load is back
    # must not be wiped by it.
    load = selfies.load_selfies
    loading = threading.Event()
    loads: list[int] = []

    def held_load(path):
        loads.append(1)
        if len(loads) == 1:  # the load of opening the audit
            assert loading.wait(Gate.HOLD_LIMIT_S), "the load was never let on"
        return load(path)

    monkeypatch.setattr(selfies, "load_selfies", held_load)
    open_audit(qtbot, window, tmp_path / "me.audit")
    page = window.you
    page.add_selfie_files(files("obama.jpg", "obama2.jpg"))
    qtbot.waitUntil(lambda: len(pending_names(page)) == 2, timeout=JUDGED_MS)

    shown: list[int] = []
    update_status = page._update_status  # called once the load is shown
    monkeypatch.setattr(page, "_update_status", lambda: shown.append(1) or update_status())
    loading.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=JUDGED_MS)
    assert pending_names(page) == ["obama.jpg", "obama2.jpg"]

    with qtbot.waitSignal(page.enrolled, timeout=JUDGED_MS):
        gate.release()
    assert [(entry.name, entry.usable) for entry in rows(page)] == [
        ("obama.jpg", True),
        ("obama2.jpg", True),
    ]


def test_a_failed_enrollment_leaves_nothing_pending(qtbot, tmp_path, window, gate, monkeypatch):
    open_audit(qtbot, window, tmp_path / "me.audit")
    page = window.you
    gate.release()
    enroll_for_real(qtbot, page, "obama2.jpg")
    gate.hold()

    def disk_full(_data: bytes, name: str) -> SelfieReport:
        gate.wait(name)
        raise EnvironmentProblem("the disk is full")

    monkeypatch.setattr(actions, "assess_selfie", disk_full)
    page.add_selfie_files(files("obama2.jpg", "obama.jpg"))  # one given again, one new
    qtbot.waitUntil(lambda: pending_names(page) == ["obama2.jpg", "obama.jpg"], timeout=JUDGED_MS)
    gate.release()

    qtbot.waitUntil(lambda: page.status.text() == NOT_CHECKED, timeout=JUDGED_MS)
    assert [(entry.name, entry.usable, entry.pending) for entry in rows(page)] == [
        ("obama2.jpg", True, False)  # the new one is gone, the old one shown as before
    ]
    assert not page.list.spinner.isActive()
    assert page.add_button.isEnabled()
    assert any("the disk is full" in box.text() for box in errors._open_boxes)
    for box in list(errors._open_boxes):
        box.close()


def test_a_selfie_given_again_keeps_its_one_row(qtbot, tmp_path, window, gate):
    open_audit(qtbot, window, tmp_path / "me.audit")
    page = window.you
    gate.release()
    enroll_for_real(qtbot, page, "obama.jpg")
    inserted: list[int] = []
    page.model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))

    enroll_for_real(qtbot, page, "obama.jpg")
    assert [entry.name for entry in rows(page)] == ["obama.jpg"]
    assert inserted == []  # not even for a moment

    copy = tmp_path / "again" / "obama.jpg"  # the same photo from somewhere else
    copy.parent.mkdir()
    copy.write_bytes((FACES / "obama.jpg").read_bytes())
    gate.hold()
    page.add_selfie_files([str(copy), *files("obama2.jpg")])
    qtbot.waitUntil(lambda: len(pending_names(page)) == 2, timeout=JUDGED_MS)
    assert [entry.name for entry in rows(page)] == ["obama.jpg", "obama2.jpg"]
    assert inserted == [1]  # only the new selfie got a row
    with qtbot.waitSignal(page.enrolled, timeout=JUDGED_MS):
        gate.release()
    assert sorted(entry.name for entry in rows(page)) == ["obama.jpg", "obama2.jpg"]
    assert pending_names(page) == []


def test_these_are_all_me_checks_the_set_aside_selfies_in_their_rows(qtbot, tmp_path, window, gate):
    open_audit(qtbot, window, tmp_path / "me.audit")
    page = window.you
    gate.release()
    enroll_for_real(qtbot, page, "obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg")
    assert [entry.name for entry in rows(page) if entry.set_aside] == ["biden.jpg"]

    gate.hold()
    say_these_are_all_me(page)
    qtbot.waitUntil(lambda: pending_names(page) == ["biden.jpg"], timeout=JUDGED_MS)
    assert len(rows(page)) == 4
    assert page.list.spinner.isActive()
    with qtbot.waitSignal(page.enrolled, timeout=JUDGED_MS):
        gate.release()
    assert all(entry.usable for entry in rows(page))
    assert len(rows(page)) == 4
    assert not page.list.spinner.isActive()


def test_pending_selfies_show_only_their_file_names_in_workshop_mode(qtbot, window, gate):
    window.workshop.set_active(True)
    try:
        open_audit(qtbot, window, window.workshop.workshop.audit_path)
        page = window.you
        page.add_selfie_files(files("obama.jpg", "obama2.jpg"))
        qtbot.waitUntil(lambda: len(pending_names(page)) == 2, timeout=JUDGED_MS)
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            shown = texts(page, role)
            assert all(str(FACES) not in text and "/" not in text.split(":")[0] for text in shown)
        with qtbot.waitSignal(page.enrolled, timeout=JUDGED_MS):
            gate.release()
    finally:
        gate.release()
        window.workshop.set_active(False)


def test_the_selfies_model_stays_valid_while_a_batch_is_judged(qtbot, qtmodeltester):
    model = SelfiesModel()
    qtmodeltester.check(model)
    view = SelfieList(model)
    qtbot.addWidget(view)
    stored = SelfieEntry("me.jpg", "a" * 64, True, reference_id=1)
    model.set_entries([stored])

    new = SelfieEntry("new.jpg", "b" * 64, False, pending=True)
    assert model.show_pending(new) is None
    assert model.show_pending(SelfieEntry("me.jpg", "a" * 64, False, pending=True)) == stored
    assert model.rowCount() == 2
    assert model.pending_rows() == [0, 1]
    assert view.spinner.isActive()

    judged = SelfieEntry("new.jpg", "b" * 64, False, problems=[Remark(SelfieCheck.BLURRY)])
    model.replace_entry(judged)
    assert model.pending_rows() == [0]
    model.restore({"a" * 64: stored, "b" * 64: None})
    assert model.entries() == [stored]
    assert not view.spinner.isActive()

    model.show_pending(new)
    other = SelfieEntry("other.jpg", "c" * 64, False, pending=True)
    model.show_pending(other)  # another batch's
    model.settle([stored, judged], {"b" * 64: None})
    assert model.entries() == [stored, judged, other]
    assert view.spinner.isActive()
    qtmodeltester.check(model)
