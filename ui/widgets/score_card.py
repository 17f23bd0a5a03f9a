"""The exposure score, big enough for a room, with its parts in plain words."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from exposure_audit.i18n import N_, _
from exposure_audit.score import Score, score_of_findings
from ui.icons import icon
from ui.session import Session

NUMBER_SCALE = 5.0
COLOURS = ((60, "#c4572e"), (30, "#d39a1c"), (0, "#2e9d5b"))
VERDICTS = (
    (60, N_("High: much of your face is out there, easy to find and match.")),
    (30, N_("Medium: some photos of you are easy to find.")),
    (1, N_("Low: little of your face is exposed.")),
    (0, N_("Nothing exposed found yet.")),
)


def colour_for(score: int) -> str:
    return next(colour for floor, colour in COLOURS if score >= floor)


def verdict_for(score: int) -> str:
    return _(next(text for floor, text in VERDICTS if score >= floor))


def parts_html(score: Score) -> str:
    rows = "".join(
        f"<tr><td><b>{html.escape(p.label)}</b></td>"
        f"<td align='right'>&nbsp;{p.points}&nbsp;/&nbsp;{p.weight}&nbsp;</td>"
        f"<td>{html.escape(p.explanation)}</td></tr>"
        for p in score.parts
    )
    return f"<table cellspacing='3'>{rows}</table>"


class ScoreCard(QFrame):
    """Reloads itself when the findings change; ``takeaway_requested`` for the one-page PDF."""

    takeaway_requested = Signal()
    loaded = Signal(object)  # Score

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.score: Score | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("–")
        self.number.setAccessibleName(_("Exposure score"))
        self._size_number()
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.out_of = QLabel(_("out of 100"))
        self.out_of.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        self.parts = QLabel("")
        self.parts.setTextFormat(Qt.TextFormat.RichText)
        self.parts.setWordWrap(True)
        self.parts.setAccessibleName(_("What the score is made of"))
        self.takeaway_button = QPushButton(icon("letter"), _("One-page takeaway…"))
        self.takeaway_button.setAccessibleName(_("Write the one-page takeaway PDF"))
        self.takeaway_button.clicked.connect(self.takeaway_requested)
        self._lay_out()
        session.opened.connect(lambda _path: self.reload())
        session.findings_changed.connect(self.reload)
        session.decision_saved.connect(lambda *_: self.reload())

    def _lay_out(self) -> None:
        big = QVBoxLayout()
        big.addWidget(QLabel(_("<b>Exposure score</b>")), 0, Qt.AlignmentFlag.AlignCenter)
        big.addWidget(self.number)
        big.addWidget(self.out_of)
        words = QVBoxLayout()
        words.addWidget(self.verdict)
        words.addWidget(self.parts)
        words.addWidget(QLabel(_("<small>Photos only on your own computer add nothing.</small>")))
        words.addWidget(self.takeaway_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout(self)
        row.addLayout(big)
        row.addSpacing(16)
        row.addLayout(words, 1)

    def _size_number(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * NUMBER_SCALE)
        font.setBold(True)
        self.number.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # larger text in workshop mode: larger number
            self._size_number()
        super().changeEvent(event)

    def reload(self) -> None:
        self.session.db(lambda audit: score_of_findings(audit.findings()), self.show_score)

    def show_score(self, score: Score) -> None:
        self.score = score
        colour = colour_for(score.score)
        self.number.setText(str(score.score))
        self.number.setStyleSheet(f"color: {colour}")
        self.verdict.setText(
            f"<b style='color:{colour}'>{html.escape(verdict_for(score.score))}</b>"
        )
        self.parts.setText(parts_html(score))
        self.setAccessibleDescription(
            _("%(score)s out of 100. %(verdict_for)s")
            % {"score": score.score, "verdict_for": verdict_for(score.score)}
        )
        self.loaded.emit(score)
