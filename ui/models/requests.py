"""Table models for the Requests page: who holds your photos, and the requests you sent."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.i18n.formats import format_number
from exposure_audit.rights.deadlines import complaint_from
from exposure_audit.vocabulary import (
    Channel,
    Jurisdiction,
    NextStep,
    RequestStage,
    Right,
    reply_summary,
)

if TYPE_CHECKING:
    from exposure_audit.rights.tracker import RequestStatus

Index = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole + 1

OVERDUE_BACKGROUND = QColor(196, 87, 46, 70)  # translucent: readable on light and dark bases


@dataclass(frozen=True)
class ControllerRow:
    """One controller behind the chosen findings, for the region shown."""

    slug: str
    name: str
    entity: str
    photos: int
    email: str | None = None
    webform: str | None = None
    links: dict[str, str] = field(default_factory=dict)  # label → URL, only those known
    face_search: bool = False  # collects public photos; "photos" counts the public ones


class _RowsTable(QAbstractTableModel):
    """A read-only table over a list of rows, one column per header."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return _(self.HEADERS[section])
        return None


class ControllersModel(_RowsTable):
    """Company, the entity that answers for the chosen region, and how many photos it holds."""

    HEADERS = (N_("Company"), N_("Answers requests as"), N_("Photos"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ControllerRow] = []

    def set_rows(self, rows: list[ControllerRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ItemRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = _("{name} (face search)").format(name=row.name) if row.face_search else row.name
            return (name, row.entity, format_number(row.photos))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.face_search:
                return _("%(company)s collects public photos to make faces searchable") % {
                    "company": row.name
                }
            return _("%(company)s: requests go to %(entity)s") % {
                "company": row.name,
                "entity": row.entity,
            }
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def status_text(status: RequestStatus, today: date) -> str:
    """What the request's state means today, in words (never by colour alone)."""
    req = status.request
    if req.status == RequestStage.CLOSED:
        return _("Closed on %(date)s") % {"date": req.closed_on}
    if status.step == NextStep.SEND:
        return _("Not sent yet")
    if req.complaint_on is not None:
        return _("Complaint sent on %(date)s") % {"date": req.complaint_on}
    if req.status == RequestStage.ANSWERED:
        return _("Answered on %(date)s") % {"date": req.answered_on}
    if status.step == NextStep.COMPLAINT:
        return _("Overdue since %(date)s; reminder unanswered: write a complaint") % {
            "date": req.due
        }
    if status.step == NextStep.REMINDER:
        return _("Overdue since %(date)s: write a reminder") % {"date": req.due}
    if status.overdue and req.reminder_on is not None:
        state = req.state()
        start = complaint_from(state) if state else None
        return _("Overdue; reminder sent %(sent)s, complaint possible from %(date)s") % {
            "sent": req.reminder_on,
            "date": start,
        }
    days = (req.due - today).days if req.due else 0
    return ngettext(
        "Waiting for an answer (%(n)s day left)", "Waiting for an answer (%(n)s days left)", days
    ) % {"n": format_number(days)}


def deletion_text(status: RequestStatus) -> str:
    """After an erasure request: what a newer export of the same platform still holds."""
    req = status.request
    if "erasure" not in req.types or not req.evidence or req.sent_on is None:
        return "—"
    check = status.deletion
    if check is None:
        return _("Add a newer export to check")
    total = len(check.gone) + len(check.remaining)  # only items of the re-exported platform
    unchecked = (
        "; " + _("%(n)s not checked") % {"n": format_number(len(check.unchecked))}
        if check.unchecked
        else ""
    )
    if not check.remaining:
        gone = _("All %(n)s gone (checked %(date)s)")
        return gone % {"n": format_number(total), "date": check.checked_on} + unchecked
    there = _("%(left)s of %(n)s still there (checked %(date)s)")
    values = {"left": format_number(len(check.remaining)), "n": format_number(total)}
    return there % {**values, "date": check.checked_on} + unchecked


def reply_text(status: RequestStatus) -> str:
    """The last reply that was not compliance, and the answer to it with its deadline."""
    replies = status.request.replies
    if not replies:
        return "—"
    reply = replies[-1]
    what = reply_summary(reply.kind)
    if reply.received_on is not None:
        text = _("%(what)s on %(date)s") % {"what": what, "date": reply.received_on}
    else:
        text = what
    if reply.follow_up_on is not None:
        text += "; " + _("answer sent on %(date)s, due %(due)s") % {
            "date": reply.follow_up_on,
            "due": reply.due_on or "—",
        }
    return text


def deletion_tooltip(status: RequestStatus) -> str:
    check = status.deletion
    if check is None or not check.remaining:
        return ""
    places = "\n".join(f"• {row.location}" for row in check.remaining)
    return _("Still in the newer export:") + f"\n{places}"


class RequestsModel(_RowsTable):
    """The tracked requests; overdue rows carry a tint and say so in the status column."""

    HEADERS = (
        N_("Company"),
        N_("Request"),
        N_("Sent"),
        N_("Due"),
        N_("Status"),
        N_("Their reply"),
        N_("Deleted?"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RequestStatus] = []
        self._names: dict[str, str] = {}
        self.today = date.today()

    def set_rows(
        self, rows: list[RequestStatus], names: dict[str, str], today: date | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._names = dict(names)
        self.today = today or date.today()
        self.endResetModel()

    def _cells(self, status: RequestStatus) -> tuple[str, ...]:
        req = status.request
        due = str(req.due or "—")
        if req.extended_to is not None:
            due = _("%(date)s (extended)") % {"date": due}
        sent = _("%(date)s by %(channel)s") % {
            "date": req.sent_on,
            "channel": _word(Channel, req.channel),
        }
        return (
            self._names.get(req.controller, req.controller),
            _("%(rights)s (%(law)s)")
            % {
                "rights": " + ".join(_word(Right, t) for t in req.types),
                "law": _word(Jurisdiction, req.jurisdiction),
            },
            sent if req.sent_on else "—",
            due,
            status_text(status, self.today),
            reply_text(status),
            deletion_text(status),
        )

    def company_name(self, slug: str) -> str:
        return self._names.get(slug, slug)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        status = self._rows[index.row()]
        if role == ItemRole:
            return status
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cells(status)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == len(self.HEADERS) - 1 and deletion_tooltip(status):
                return deletion_tooltip(status)
            return _("Reference %(reference)s") % {"reference": status.request.reference}
        if role == Qt.ItemDataRole.BackgroundRole and status.overdue:
            return OVERDUE_BACKGROUND
        return None


def _word(kind: type[Channel | Jurisdiction | Right], code: str | None) -> str:
    """The words for a stored code; one this version does not know is shown as it is."""
    try:
        return kind(code).label
    except ValueError:
        return str(code or "—")
