"""Scan: live progress, matches as they are found, problems listed, pause/resume and cancel."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.audit.store import Audit
from exposure_audit.errors import EnvironmentProblem
from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.i18n.formats import format_decimal, format_number
from exposure_audit.report.counts import Counts, counts_of
from exposure_audit.scan.pipeline import Finished, Progress, ScanSettings
from exposure_audit.vocabulary import RunStatus
from ui import prefs
from ui.errors import explain, report_error
from ui.icons import icon
from ui.models.findings import FindingsModel
from ui.plain_text import plain_label
from ui.screen_privacy import SCREEN, shown_path
from ui.session import Session
from ui.widgets.gallery import FindingDelegate
from ui.workers import ScanJob, ScanSnapshot

POLL_MS = 100


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return _("working it out…")
    if seconds < 60:
        return _("about %(n)s s") % {"n": format_number(max(1, round(seconds)))}
    if seconds < 3600:
        return _("about %(n)s min") % {"n": format_number(round(seconds / 60))}
    return _("about %(n)s h") % {"n": format_decimal(seconds / 3600, 1)}


def speed_text(progress: Progress, paused: bool) -> str:
    """Photos per second once photos come back from analysis; no figure before that."""
    if paused:
        return _("paused")
    if progress.analysed == 0:
        if progress.done and progress.done >= progress.total:
            return _("nothing new to look at")
        return _("working it out…")
    return _("{rate} files per second").format(rate=f"{progress.rate:.1f}")


def outcome_text(finished: Finished) -> str:
    """What a scan did, in the same units the page counts in."""
    files = ngettext("{n} file checked", "{n} files checked", finished.seen).format(
        n=format_number(finished.seen)
    )
    fresh = ngettext(
        "{n} photo looked at anew", "{n} photos looked at anew", finished.analysed
    ).format(n=format_number(finished.analysed))
    problems = (
        ngettext("{n} problem", "{n} problems", finished.problems).format(n=finished.problems)
        if finished.problems
        else _("no problem")
    )
    return _("{files} in {seconds} s ({fresh}), {problems}.").format(
        files=files, seconds=f"{finished.seconds:.1f}", fresh=fresh, problems=problems
    )


def problem_text(source: str, location: str, message: str) -> str:
    """A problem line naming the file the way the person added it, not by its absolute path."""
    parent = str(Path(source).parent)
    shown = location[len(parent) :].lstrip("/\\") if location.startswith(parent) else location
    return f"{shown_path(shown)}: {message}"


def scannable_ids(audit: Audit, include_urls: bool) -> tuple[list[int], dict[str, int]]:
    """Folders and archives (profile URLs only when the person agreed to go online), and the
    audit's counts so far, which the scan's own counts add to."""
    if not audit.references():
        raise EnvironmentProblem(_("Add at least one selfie with a clear face before scanning."))
    ids = [s.id for s in audit.sources() if include_urls or s.kind != "url"]
    return ids, audit.stats()


# How a scan ended, with what to do next (the status's own words alone for the others).
FINISHED_WORDS = {
    RunStatus.CANCELLED: N_("%(status)s — press Resume scan to go on where it stopped"),
    RunStatus.FAILED: N_("%(status)s — press Resume scan to try again"),
}


def finished_words(status: str) -> str:
    """How a scan ended, in words of the language in force."""
    try:
        word = RunStatus(status)
    except ValueError:
        return status
    if word in FINISHED_WORDS:
        return _(FINISHED_WORDS[word]) % {"status": word.label}
    return word.label


class ScanPage(QWidget):
    """Drives one ScanJob at a time; polls it ~10 times a second."""

    key: ClassVar[str] = "scan"
    icon_name: ClassVar[str] = "scan"
    needs_audit: ClassVar[bool] = True

    @staticmethod
    def title() -> str:
        return _("Scan")

    scan_started = Signal()
    scan_finished = Signal(object)  # Finished, or None when it failed
    review_requested = Signal()
    paused_changed = Signal(bool)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job: ScanJob | None = None
        self.result: Finished | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.live = FindingsModel(session.thumbnails, self)
        self.before: dict[str, int] = {}  # the audit's counts when this scan started
        self._build()

    def _build(self) -> None:
        title = QLabel(
            _(
                "<h2>Scan</h2><p>Looks through every photo in the places you added. You "
                "can keep using the app; closing it keeps what is done.</p>"
            )
        )
        title.setWordWrap(True)
        self.start_button = QPushButton(icon("play"), _("Start scan"))
        self.pause_button = QPushButton(icon("pause"), _("Pause"))
        self.cancel_button = QPushButton(icon("stop"), _("Cancel"))
        self.start_button.clicked.connect(self._on_start_clicked)
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.cancel_button.clicked.connect(self.cancel)
        self.online = QCheckBox(_("Also fetch the profile URLs you added (this goes online)"))
        self.online.setAccessibleName(_("Fetch profile URLs during the scan"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Scan progress"))
        self.labels = {
            key: plain_label(QLabel("—"))
            for key in ("done", "rate", "eta", "faces", "matches", "photos", "current")
        }
        self.labels["current"].setWordWrap(True)
        self.outcome = QLabel("")
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(_("How the last scan ended"))
        self.next_step = QPushButton(_("Next: review what was found →"))
        self.next_step.setAccessibleName(_("Go to the findings"))
        self.next_step.hide()
        self.next_step.clicked.connect(self.review_requested)
        form = QFormLayout()
        for key, caption in (
            ("done", _("Files checked")),
            ("rate", _("Speed")),
            ("eta", _("Time left")),
            ("faces", _("Faces in the photos and videos, anyone's (all scans)")),
            ("matches", _("Faces like yours (all scans)")),
            ("photos", _("Photos and videos of you (all scans)")),
            ("current", _("Now looking at")),
        ):
            form.addRow(caption + ":", self.labels[key])
            self.labels[key].setAccessibleName(caption)
        self.matches = QListView()
        self.matches.setModel(self.live)
        self.matches.setItemDelegate(FindingDelegate(self.matches))
        self.matches.setViewMode(QListView.ViewMode.IconMode)
        self.matches.setFlow(QListView.Flow.LeftToRight)
        self.matches.setWrapping(False)
        self.matches.setUniformItemSizes(True)
        self.matches.setFixedHeight(FindingDelegate.cell_height(self.matches.fontMetrics()) + 24)
        self.matches.setAccessibleName(_("Matches found so far"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(_("Problems met during the scan"))
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.online)
        layout.addWidget(self.progress)
        outcome = QHBoxLayout()
        outcome.addWidget(self.outcome, 1)
        outcome.addWidget(self.next_step)
        layout.addLayout(outcome)
        layout.addLayout(form)
        self.found_caption = QLabel(_("Found in this scan, newest last:"))
        self.found_caption.setWordWrap(True)
        layout.addWidget(self.found_caption)
        layout.addWidget(self.matches)
        layout.addWidget(QLabel(_("Problems (the scan goes on without these files):")))
        layout.addWidget(self.problems, 1)
        self._set_running(False)

    @property
    def running(self) -> bool:
        return self.job is not None

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.cancel_button.setEnabled(running)
        self.pause_button.setText(_("Pause"))
        self.pause_button.setIcon(icon("pause"))

    # -- starting -----------------------------------------------------------------------------

    def _on_start_clicked(self) -> None:
        self.start_scan()

    def start_scan(self, settings: ScanSettings | None = None) -> None:
        """Start scanning every folder and archive of the audit."""
        if self.job is not None or self.session.path is None:
            return
        settings = settings or ScanSettings(detector=prefs.detector(), workers=prefs.workers())
        self.start_button.setEnabled(False)
        online = self.online.isChecked() and not SCREEN.offline
        settings = replace(settings, online=online)
        self.session.db(
            lambda audit: scannable_ids(audit, online),
            lambda found: self._launch(settings, *found),
            self._on_start_failed,
        )

    def _on_start_failed(self, exc: Exception) -> None:
        self.start_button.setEnabled(True)
        report_error(self, exc)

    def _launch(
        self, settings: ScanSettings, source_ids: list[int], before: dict[str, int] | None = None
    ) -> None:
        if not source_ids:
            self.start_button.setEnabled(True)
            explain(self, _("Add a folder or an archive under 'Where to look' first."))
            return
        assert self.session.path is not None
        self.live.set_rows([])
        self.found_caption.setText(_("Found in this scan, newest last:"))
        self.result = None
        self.before = dict(before or {})
        self.problems.clear()
        self.outcome.setText("")
        self.next_step.hide()
        self.progress.setRange(0, 0)
        self.labels["current"].setText(_("Listing the photos…"))
        self.job = ScanJob(self.session.path, settings, source_ids)
        self.session.scan_pool.start(self.job)
        self._set_running(True)
        self.timer.start()
        self.scan_started.emit()

    # -- controls -----------------------------------------------------------------------------

    def _on_pause_clicked(self) -> None:
        if self.job is None:
            return
        if self.job.paused:
            self.job.resume()
            self.pause_button.setText(_("Pause"))
            self.pause_button.setIcon(icon("pause"))
        else:
            self.job.pause()
            self.pause_button.setText(_("Resume"))
            self.pause_button.setIcon(icon("play"))
            self.labels["current"].setText(_("Paused. Press Resume to go on."))
            self.labels["rate"].setText(_("paused"))
            self.labels["eta"].setText(_("paused"))
        self.paused_changed.emit(self.job.paused)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.labels["current"].setText(_("Stopping after the photos in hand…"))

    def cancel_and_wait(self) -> None:
        """On quit or before wiping: stop the scan, keeping what is done."""
        if self.job is not None:
            self.job.cancel()
            self.session.scan_pool.waitForDone()
            self._on_timer_timeout()

    # -- polling ------------------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        job = self.job
        if job is None:
            return
        finished = job.done.is_set()
        self._show(job.take())
        if finished:
            self._finish(job)

    def _show(self, snap: ScanSnapshot) -> None:
        if snap.progress is not None:
            self._show_progress(snap.progress, snap.paused)
        self.live.append_rows(snap.findings)
        for problem in snap.problems:
            self.problems.addItem(problem_text(problem.source, problem.location, problem.message))
        if snap.finished is not None:
            self.result = snap.finished
            self._show_finished(snap.finished)
        if snap.error is not None:
            report_error(self, snap.error)

    def _show_progress(self, progress: Progress, paused: bool) -> None:
        if self.result is not None:
            return  # the outcome's own figures stand once the scan has ended
        if progress.total == 0 and progress.done == 0:
            self.labels["done"].setText(_("listing the files…"))
        else:
            total = max(progress.total, progress.done)
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(progress.done)
            self.labels["done"].setText(
                _("{done} of {total}").format(
                    done=format_number(progress.done), total=format_number(total)
                )
            )
        self.labels["rate"].setText(speed_text(progress, paused))
        self.labels["eta"].setText(_("paused") if paused else _eta(progress.eta_seconds))
        self.labels["faces"].setText(format_number(self.before.get("faces", 0) + progress.faces))
        self.labels["matches"].setText(
            format_number(self.before.get("findings", 0) + progress.matches)
        )
        self.labels["photos"].setText(_("counted when the scan ends"))
        if not paused:
            self.labels["current"].setText(shown_path(progress.current or "") or "…")

    def _show_finished(self, finished: Finished) -> None:
        """The outcome in its own line; the bar stays where a stopped scan stopped."""
        self.outcome.setText(
            f"<b>{html.escape(finished_words(finished.status))}.</b> "
            + html.escape(outcome_text(finished))
        )
        self.labels["done"].setText(
            _("{done} of {total}").format(
                done=format_number(finished.seen),
                total=format_number(max(self.progress.maximum(), finished.seen)),
            )
        )
        self.labels["current"].setText("—")
        self.labels["eta"].setText("—")
        if self.progress.maximum() == 0:  # still 'busy': nothing was counted
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        if finished.status == "finished":
            self.progress.setValue(self.progress.maximum())
        self.session.db(
            lambda audit: (audit.stats(), counts_of(audit.findings())), self._show_totals
        )

    def _show_totals(self, found: tuple[dict[str, int], Counts]) -> None:
        """Exact counts from the audit once a scan ends: every run so far, not only this one."""
        stats, counts = found
        self.labels["faces"].setText(format_number(stats["faces"]))
        self.labels["matches"].setText(format_number(counts.faces))
        self.labels["photos"].setText(format_number(counts.photos))
        if self.live.rowCount() == 0:
            self.found_caption.setText(
                _("Nothing new in this scan. Findings shows every photo of you found so far.")
                if counts.faces
                else _("Found in this scan, newest last: nothing yet.")
            )

    def _finish(self, job: ScanJob) -> None:
        self.timer.stop()
        self.job = None
        self._set_running(False)
        stopped = self.result is not None and self.result.status != "finished"
        self.start_button.setText(_("Resume scan") if stopped else _("Start scan"))
        self.next_step.setVisible(
            self.result is not None and (not stopped or self.live.rowCount() > 0)
        )
        self.session.sources_changed.emit()
        self.session.findings_changed.emit()
        self.scan_finished.emit(self.result)
