"""Thumbnails: decoded to QImage on a worker, turned into QPixmap on the GUI thread, kept in an LRU.

The JPEG is cached in the audit itself (never in a shared system cache), so a photo is read from
its export only once.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap

from exposure_audit.audit.store import Audit, FindingRow
from exposure_audit.errors import BadData
from exposure_audit.i18n import _
from exposure_audit.rights.evidence import blurred_thumbnail
from ui.screen_privacy import SCREEN
from ui.workers import Freshness, background_priority, run_task, with_audit

THUMB_SIDE = 256


def load_thumbnail(audit_path: Path, item_id: int, source: str, location: str) -> QImage:
    """The photo's thumbnail as a QImage (worker thread), creating and caching it if needed.

    Raises:
        BadData: the photo cannot be read any more.
    """

    background_priority()
    if SCREEN.blur_others:  # workshop mode: made fresh, other faces blurred, never stored
        jpeg = with_audit(audit_path, lambda audit: blurred_thumbnail(audit, item_id, THUMB_SIDE))
        if jpeg is None:
            raise BadData(_("the photo cannot be read any more"))
        return _image(jpeg)

    def cached(audit: Audit) -> bytes | None:
        return audit.thumbnail(item_id)

    jpeg = with_audit(audit_path, cached)
    if jpeg is None:
        jpeg = with_audit(audit_path, lambda audit: private_thumbnail(audit, item_id))
    return _image(jpeg)


def private_thumbnail(audit: Audit, item_id: int) -> bytes:
    """Make and keep the photo's thumbnail with every face but the person's blurred: what the
    audit stores shows no one else.

    Raises:
        BadData: the photo cannot be read any more.
    """
    jpeg = blurred_thumbnail(audit, item_id, THUMB_SIDE)
    if jpeg is None:
        raise BadData(_("the photo cannot be read any more"))
    audit.set_thumbnail(item_id, jpeg)
    return jpeg


def _image(jpeg: bytes) -> QImage:
    image = QImage.fromData(jpeg)
    if image.isNull():
        raise BadData(_("thumbnail could not be decoded"))
    return image


class ThumbnailCache(QObject):
    """Pixmaps by item id; ``ready(item_id)`` fires when a requested one has arrived."""

    ready = Signal(int)

    def __init__(self, pool: QThreadPool, capacity: int = 1500, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = pool
        self.capacity = capacity
        self.audit_path: Path | None = None
        self._pixmaps: OrderedDict[int, QPixmap | None] = OrderedDict()
        self._pending: set[int] = set()
        self._fresh = Freshness()  # a thumbnail asked for before a reset belongs to another audit
        self._priority = itertools.count()

    def reset(self, audit_path: Path | None) -> None:
        """Forget every pixmap (a different audit, or the audit was wiped)."""
        self.audit_path = audit_path
        self._pixmaps.clear()
        self._pending.clear()
        self._fresh.renew()

    def pixmap(self, row: FindingRow) -> QPixmap | None:
        """The cached pixmap, or None while it loads (or if the photo is unreadable)."""
        if row.item_id in self._pixmaps:
            self._pixmaps.move_to_end(row.item_id)
            return self._pixmaps[row.item_id]
        self._request(row)
        return None

    def _request(self, row: FindingRow) -> None:
        if self.audit_path is None or row.item_id in self._pending:
            return
        self._pending.add(row.item_id)
        path, item_id = self.audit_path, row.item_id
        run_task(
            self.pool,
            lambda: load_thumbnail(path, item_id, row.source, row.location),
            self._fresh.guard(lambda image: self._on_loaded(item_id, image)),
            self._fresh.guard(lambda _exc: self._on_loaded(item_id, None)),
            priority=min(next(self._priority), 2**30),  # newest requests (what is on screen) first
            owner=self,
        )

    def _on_loaded(self, item_id: int, image: QImage | None) -> None:
        self._pending.discard(item_id)
        self._pixmaps[item_id] = None if image is None else QPixmap.fromImage(image)
        while len(self._pixmaps) > self.capacity:
            self._pixmaps.popitem(last=False)
        self.ready.emit(item_id)
