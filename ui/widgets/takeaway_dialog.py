"""The one-page takeaway: choose paper and photos, write the PDF, then open or print it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.audit.store import Audit
from exposure_audit.i18n import N_, _
from exposure_audit.report.takeaway import PAPERS, build_takeaway, write_takeaway
from ui.desktop import open_file
from ui.errors import report_error
from ui.saving import ask_save_path
from ui.screen_privacy import shown_path
from ui.session import Session

INTRO = N_(
    "<h3>One-page takeaway</h3><p>Your score, your three biggest risks and what to do next, "
    "on one printable page. It names no file and shows no photo unless you ask for some.</p>"
)


class TakeawayDialog(QDialog):
    """Writes into ``folder`` when given (workshop mode), else asks where to save."""

    written = Signal(object)  # Path
    requests_wanted = Signal()

    def __init__(self, session: Session, folder: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("One-page takeaway"))
        self.session, self.folder = session, folder
        self.path: Path | None = None
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(paper, paper)
        self.paper.setAccessibleName(_("Paper size"))
        self.photos = QCheckBox(_("Add a few of the photos (other people's faces blurred)"))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.open_button = QPushButton(_("Open to print"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._on_open_clicked)
        requests = QLabel(_('<a href="requests">Write the letters on the Requests page</a>'))
        requests.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        requests.linkActivated.connect(self._on_requests_link_activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(_("Write PDF"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("&Paper:"), self.paper)
        form.addRow("", self.photos)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_(INTRO)))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.open_button)
        layout.addWidget(requests)
        layout.addWidget(buttons)

    def _target(self) -> Path | None:
        if self.folder is not None:
            return self.folder / "exposure-takeaway.pdf"
        return ask_save_path(
            self, _("Save the takeaway"), _("exposure-takeaway.pdf"), _("PDF (*.pdf)")
        )

    def _on_save_clicked(self) -> None:
        target = self._target()
        if target is None:
            return
        self.write(target)

    def write(self, target: Path) -> None:
        """Build and write the PDF on the database thread."""
        paper, photos = self.paper.currentData(), self.photos.isChecked()
        self.save_button.setEnabled(False)
        self.status.setText(_("Writing…"))

        def work(audit: Audit) -> Path:
            return write_takeaway(build_takeaway(audit, with_photos=photos), target, paper)

        self.session.db(work, self._on_written, self._on_failed)

    def _on_written(self, path: Path) -> None:
        self.path = path
        self.save_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.status.setText(_("Written: %(shown_path)s") % {"shown_path": shown_path(str(path))})
        self.written.emit(path)

    def _on_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        self.status.setText("")
        report_error(self, exc)

    def _on_open_clicked(self) -> None:
        if self.path is not None:
            open_file(self.path, self)

    def _on_requests_link_activated(self, _link: str) -> None:
        self.requests_wanted.emit()
        self.accept()
