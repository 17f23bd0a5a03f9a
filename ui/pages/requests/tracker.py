"""The requests you sent: their deadlines, what happened to them, and the deadlines as a calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from exposure_audit import actions
from exposure_audit.i18n import _
from exposure_audit.rights.tracker import RequestStatus
from exposure_audit.vocabulary import FollowUp, NextStep, RequestChange, RequestStage
from ui.models.requests import ItemRole, RequestsModel
from ui.pages.requests import background
from ui.pages.requests.controls import button, table
from ui.session import Session
from ui.widgets.flow import FlowLayout
from ui.workers import Freshness, run_task, with_audit


class TrackerBox(QGroupBox):
    """Tracked requests, with what happened to the selected one and its follow-up letters."""

    loaded = Signal()
    recorded = Signal(int)  # request id
    follow_up_wanted = Signal(object)  # FollowUp
    reply_wanted = Signal()  # "They answered…": ask what came back
    file_saved = Signal(object)  # Path
    failed = Signal(object)  # Exception

    def __init__(
        self,
        session: Session,
        model: RequestsModel,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Tracked requests"), parent)
        self.session = session
        self.model = model
        self.today = today
        self._latest = Freshness()  # only the newest load of the list is shown
        self.view = table(model, _("Tracked requests"))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._enable_buttons())
        buttons = self._buttons_row()
        column = QVBoxLayout(self)
        column.addWidget(self.view, 1)
        column.addLayout(buttons)
        self._enable_buttons()

    def _buttons_row(self) -> FlowLayout:
        self.extend_button = button(
            _("Extension"),
            _("They extended the deadline"),
            lambda: self.change_request(RequestChange.EXTENDED),
        )
        self.answered_button = button(
            _("Answered"),
            _("They answered"),
            lambda: self.change_request(RequestChange.ANSWERED),
            icon_name="yes",
        )
        self.closed_button = button(
            _("Closed"), _("Close this request"), lambda: self.change_request(RequestChange.CLOSED)
        )
        self.reminder_button = button(
            _("Write reminder"),
            _("Write a reminder"),
            lambda: self.follow_up_wanted.emit(FollowUp.REMINDER),
        )
        self.complaint_button = button(
            _("Write complaint"),
            _("Write a complaint to the data protection authority"),
            lambda: self.follow_up_wanted.emit(FollowUp.COMPLAINT),
        )
        self.reply_button = button(
            _("They answered…"),
            _("They answered, but not with what you asked for: write the next letter"),
            self.reply_wanted.emit,
        )
        # The buttons wrap onto a second line where a narrow window or long words need it.
        row = FlowLayout()
        for widget in (
            self.extend_button,
            self.answered_button,
            self.reply_button,
            self.closed_button,
            self.reminder_button,
            self.complaint_button,
        ):
            row.addWidget(widget)
        return row

    def load(self) -> None:
        """Reload the tracked requests; only the newest load is shown (older ones are stale)."""
        today = self.today()
        self._latest.renew()

        def shown(result: tuple[list[Any], dict[str, str]]) -> None:
            current = self.current_request()
            rows, names = result
            self.model.set_rows(rows, names, today)
            ids = [s.request.id for s in rows]
            if current is not None and current.request.id in ids:
                self.view.selectRow(ids.index(current.request.id))
            self._enable_buttons()
            self.loaded.emit()

        self.session.db(
            lambda audit: background.requests(audit, today),
            self._latest.guard(shown),
            self.failed.emit,
        )

    def current_request(self) -> RequestStatus | None:
        index = self.view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select_request(self, request_id: int) -> None:
        for number, status in enumerate(self.model.rows()):
            if status.request.id == request_id:
                self.view.selectRow(number)
        self._enable_buttons()

    def record(self, letter: background.Letter, sent_on: date, channel: str) -> None:
        """Track ``letter`` as sent on ``sent_on`` by ``channel``, then list the requests again."""

        def recorded(request_id: int) -> None:
            self.recorded.emit(request_id)
            self.load()

        self.session.db(
            lambda audit: background.record(audit, letter, sent_on, channel),
            recorded,
            self.failed.emit,
        )

    def change_request(self, change: RequestChange) -> None:
        """Record what happened to the selected request (an extension is to the legal maximum)."""
        status = self.current_request()
        if status is None:
            return
        request_id, today = status.request.id, self.today()
        self.session.db(
            lambda audit: actions.change_request(audit, request_id, change, today),
            lambda _none: self.load(),
            self.failed.emit,
        )

    def export_ics_to(self, path: Path) -> None:
        """Every tracked deadline as a calendar file (on a worker)."""
        audit = self.session.path
        if audit is not None:
            run_task(
                self.session.job_pool,
                lambda: with_audit(audit, lambda a: background.save_ics(a, Path(path))),
                self.file_saved.emit,
                self.failed.emit,
                owner=self,
            )

    def _enable_buttons(self) -> None:
        status = self.current_request()
        req = status.request if status else None
        sent = req is not None and req.status == RequestStage.SENT
        self.extend_button.setEnabled(sent and req is not None and req.extended_to is None)
        self.answered_button.setEnabled(sent)
        # Any reply to a request that went out and is not closed can be answered.
        self.reply_button.setEnabled(
            req is not None and req.sent_on is not None and req.status != RequestStage.CLOSED
        )
        self.closed_button.setEnabled(req is not None and req.status != RequestStage.CLOSED)
        self.reminder_button.setEnabled(status is not None and status.step == NextStep.REMINDER)
        self.complaint_button.setEnabled(status is not None and status.step == NextStep.COMPLAINT)
