"""Every model passes Qt's model tester; filters, grouping and lazy fetching behave."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QImage

from exposure_audit.faces.enrollment import Remark
from exposure_audit.vocabulary import SelfieCheck
from tests.support.ui import synthetic_rows
from ui.models.findings import FindingsFilter, FindingsModel, FindingsProxy
from ui.models.roles import RowRole
from ui.models.selfies import SelfieEntry, SelfiesModel
from ui.models.sources import SourcesModel


def test_findings_model_is_lazy_and_valid(qtmodeltester):
    model = FindingsModel()
    model.set_rows(synthetic_rows(1000))
    assert model.rowCount() == FindingsModel.CHUNK
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * FindingsModel.CHUNK
    qtmodeltester.check(model)


def test_findings_proxy_filters_and_groups(qtmodeltester):
    model = FindingsModel()
    model.set_rows(synthetic_rows(200))
    proxy = FindingsProxy()
    proxy.setSourceModel(model)
    proxy.set_rules(FindingsFilter(platform="Facebook", max_distance=0.8))
    rows = [proxy.index(n, 0).data(RowRole) for n in range(proxy.rowCount())]
    assert rows
    assert all(r.context["platform"] == "Facebook" for r in rows)
    proxy.set_rules(FindingsFilter(has_location=True, max_distance=0.45))
    rows = [proxy.index(n, 0).data(RowRole) for n in range(proxy.rowCount())]
    assert all(r.context["latitude"] is not None and r.distance <= 0.45 for r in rows)
    proxy.set_rules(FindingsFilter(max_distance=0.8))
    proxy.set_group("year")
    years = [
        proxy.index(n, 0).data(RowRole).context["taken_at"][:4] for n in range(proxy.rowCount())
    ]
    assert years == sorted(years)
    qtmodeltester.check(proxy)


def test_decision_updates_row(qtmodeltester):
    model = FindingsModel()
    model.set_rows(synthetic_rows(10))
    model.set_decision(3, "not_me")
    assert model.row_at(2).decision == "not_me"
    model.append_rows(synthetic_rows(12)[10:])
    assert model.rowCount() == 12
    qtmodeltester.check(model)


def test_sources_model(qtmodeltester):
    model = SourcesModel()
    model.set_rows(
        [
            {"id": 1, "path": "/a", "kind": "folder", "platform": "Files", "photos": 12},
            {
                "id": 2,
                "path": "https://example.org/me",
                "kind": "url",
                "platform": None,
                "photos": None,
            },
        ]
    )
    assert model.index(0, 3).data() == "12"
    assert model.index(1, 1).data() == "Web profile"
    qtmodeltester.check(model)


def test_selfies_model(qtmodeltester):
    model = SelfiesModel()
    crop = QImage(20, 20, QImage.Format.Format_RGB32)
    crop.fill(0)
    model.set_entries(
        [
            SelfieEntry("me.jpg", "a" * 64, True, crop=crop, reference_id=1),
            SelfieEntry("blurry.jpg", "b" * 64, False, problems=[Remark(SelfieCheck.BLURRY)]),
        ]
    )
    assert "blurry" in model.index(1, 0).data()
    assert model.index(0, 0).data(1) is not None  # decoration
    qtmodeltester.check(model)
