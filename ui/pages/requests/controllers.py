"""The companies holding your photos: where you live, the list, and their self-service pages."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exposure_audit.i18n import N_, _, ngettext
from exposure_audit.i18n.formats import format_number
from exposure_audit.vocabulary import Region
from ui.models.requests import ControllerRow, ControllersModel, ItemRole
from ui.pages.requests import background
from ui.pages.requests.controls import combo, open_link, table
from ui.session import Session
from ui.widgets.wrapping_header import WrappingHeader

NO_COMPANY_YET = N_(
    "No company to write to yet. Mark photos as 'That's me' on the Findings page first "
    "(press Y on each photo of you), or tick 'Also strong matches' above to use the photos "
    "that are almost certainly you."
)


class ControllerBox(QGroupBox):
    """Who has your photos, for where you live; the chosen one is who the letter goes to."""

    region_changed = Signal(object)  # Region
    current_changed = Signal()
    loaded = Signal(bool)  # whether any company is listed
    failed = Signal(object)  # Exception

    def __init__(
        self, session: Session, model: ControllersModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Who has your photos"), parent)
        self.session = session
        self.model = model
        self.region = combo(_("Where you live"), Region)
        self.region.currentIndexChanged.connect(self._on_region_changed)
        self.include_strong = QCheckBox(_("Also strong matches I have not decided on"))
        self.include_strong.setAccessibleName(_("Include undecided strong matches"))
        self.include_strong.toggled.connect(self.load)
        self.view = self._company_view()
        self.note = QLabel(_(NO_COMPANY_YET))
        self.note.setWordWrap(True)
        self.links = self._links_label()
        self._lay_out()

    def _company_view(self) -> QTableView:
        view = table(self.model, _("Companies holding your photos"))
        header = WrappingHeader(view)  # "Answers requests as" wraps, never cut short
        view.setHorizontalHeader(header)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        return view

    def _links_label(self) -> QLabel:
        links = QLabel("")
        links.setWordWrap(True)
        links.setTextFormat(Qt.TextFormat.RichText)
        links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        links.setOpenExternalLinks(False)  # opened by open_link, and only when clicked
        links.linkActivated.connect(open_link)
        links.setAccessibleName(_("Self-service pages of the chosen company (open your browser)"))
        return links

    def _lay_out(self) -> None:
        where = QHBoxLayout()
        where.addWidget(QLabel(_("You live in")))
        where.addWidget(self.region, 1)
        column = QVBoxLayout(self)
        column.addLayout(where)
        column.addWidget(self.include_strong)
        column.addWidget(self.view, 1)
        column.addWidget(self.note)
        column.addWidget(self.links)

    def current(self) -> ControllerRow | None:
        index = self.view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def region_chosen(self) -> Region:
        return self.region.currentData()

    def select(self, slug: str) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.slug == slug:
                self.view.selectRow(number)

    def load(self) -> None:
        """List the companies again, for where you live and with strong matches if ticked."""
        region, strong = self.region.currentData(), self.include_strong.isChecked()
        self.session.db(
            lambda audit: background.controller_rows(audit, region, strong),
            self._show_rows,
            self.failed.emit,
        )

    def _show_rows(self, rows: list[ControllerRow]) -> None:
        chosen = self.current()
        self.model.set_rows(rows)
        self.note.setVisible(not rows)
        slugs = [r.slug for r in rows]
        if rows:
            number = slugs.index(chosen.slug) if chosen and chosen.slug in slugs else 0
            self.view.selectionModel().setCurrentIndex(
                self.model.index(number, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._on_current_changed()
        self.loaded.emit(bool(rows))

    def _on_region_changed(self) -> None:
        self.region_changed.emit(Region(self.region.currentData()))
        self.load()

    def _on_current_changed(self, *_args: object) -> None:
        self.links.setText(self._links_text(self.current()))
        self.current_changed.emit()

    @staticmethod
    def _links_text(row: ControllerRow | None) -> str:
        if row is not None and row.face_search:
            return ngettext(
                "This photo of you was public, which is what companies like %(company)s "
                "collect. The letter names their web addresses, asks who searched for your "
                "face, and asks them to erase everything and never collect you again.",
                "These %(n)s photos of you were public, which is what companies like "
                "%(company)s collect. The letter names their web addresses, asks who searched "
                "for your face, and asks them to erase everything and never collect you again.",
                row.photos,
            ) % {"n": format_number(row.photos), "company": html.escape(row.name)}
        if row is None or not row.links:
            return ""
        links = " · ".join(
            f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'
            for text, url in row.links.items()
        )
        return _("Do it yourself at %(company)s: %(links)s") % {
            "company": html.escape(row.name.split(" (")[0]),
            "links": links,
        }
