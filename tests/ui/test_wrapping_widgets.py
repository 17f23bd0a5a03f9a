"""The wrapping row, check box and table headings, and the growing tile, show all their text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tests.ui.test_every_size import clipped_headings, cut_bar_labels
from ui.models.requests import ControllerRow, ControllersModel
from ui.widgets.charts import BarChart, StatTile
from ui.widgets.flow import FlowLayout
from ui.widgets.wrapping_check import WrappingCheckBox
from ui.widgets.wrapping_header import WrappingHeader

LONG = (
    "Das Unternehmen nutzt mein Gesicht unrechtmäßig (z. B. Gesichtserkennung ohne Rechtsgrundlage)"
)


def test_a_click_on_the_words_ticks_the_box(qtbot) -> None:
    check = WrappingCheckBox(LONG)
    qtbot.addWidget(check)
    check.resize(200, check.heightForWidth(200))
    check.show()
    words = check.label.geometry().center()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=words)
    assert check.isChecked()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(check.width() - 5, 5))
    assert not check.isChecked()


def test_the_words_wrap_instead_of_widening_the_box(qtbot) -> None:
    check = WrappingCheckBox(LONG)
    qtbot.addWidget(check)
    assert check.minimumSizeHint().width() < 200
    assert check.heightForWidth(200) > check.heightForWidth(2000)


def test_a_narrow_row_of_buttons_wraps_onto_more_lines(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    row = FlowLayout()
    buttons = [QPushButton(f"Button number {n}") for n in range(4)]
    for button in buttons:
        row.addWidget(button)
    outer = QVBoxLayout(host)
    outer.addLayout(row)
    outer.addStretch()
    widest = max(button.sizeHint().width() for button in buttons)
    assert row.minimumSize().width() == widest
    host.resize(widest + 20, 400)
    host.show()
    qtbot.waitExposed(host)
    lefts = {button.geometry().left() for button in buttons}
    tops = {button.geometry().top() for button in buttons}
    assert len(tops) == 4  # one a line
    assert len(lefts) == 1
    host.resize(4000, 400)
    qtbot.wait(10)
    assert len({button.geometry().top() for button in buttons}) == 1


def test_a_stat_tile_grows_to_show_its_whole_caption(qtbot) -> None:
    host = QWidget()
    grid = QGridLayout(host)
    caption = "verraden de plek waar ze zijn gemaakt (GPS), ook als ze gedeeld zijn"
    tiles = [StatTile(caption) for _ in range(3)]
    for column, tile in enumerate(tiles):
        grid.addWidget(tile, 0, column)
    qtbot.addWidget(host)
    host.resize(560, 100)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(20)
    tile = tiles[0]
    needed = 6 + tile._number_height() + tile._caption_height(tile.width())
    assert tile._caption_height(tile.width()) > tile.fontMetrics().height() * 2  # it wraps
    assert tile.height() >= needed


def companies_table(header_class: type | None, width: int) -> QTableView:
    model = ControllersModel()
    model.set_rows([ControllerRow("meta", "Meta", "Meta Platforms Ireland Limited", 12)])
    view = QTableView()
    view.setModel(model)
    if header_class is not None:
        view.setHorizontalHeader(header_class(view))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    view.resize(width, 200)
    return view


def test_a_narrow_tables_headings_wrap_and_show_every_word(qtbot) -> None:
    plain = companies_table(None, 230)
    qtbot.addWidget(plain)
    plain.show()
    qtbot.waitExposed(plain)
    assert clipped_headings(plain.horizontalHeader())  # the check sees a cut heading
    view = companies_table(WrappingHeader, 230)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    header = view.horizontalHeader()
    assert clipped_headings(header) == []
    assert header.height() >= 2 * header.fontMetrics().lineSpacing()  # wrapped onto two lines
    # The count column asks for its one word only, and the heading grows no taller when wide.
    assert header.sectionSize(2) < header.fontMetrics().horizontalAdvance("Photos") + 30
    view.resize(900, 200)
    qtbot.wait(50)
    assert clipped_headings(header) == []
    assert header.height() < 2 * header.fontMetrics().lineSpacing()


def test_a_bar_charts_long_labels_wrap_and_the_chart_grows_to_show_them(qtbot) -> None:
    chart = BarChart("Exposure level")
    qtbot.addWidget(chart)
    items = [
        ("High: public, or shared with the place it was taken", 2),
        ("Medium: some people could see these, or it is not known who", 2),
        ("Low: private, sent in a message or hidden away", 2),
        ("On this computer, not shared", 1),
    ]
    chart.set_items(items)
    chart.resize(380, chart.heightForWidth(380))
    chart.show()
    qtbot.waitExposed(chart)
    assert cut_bar_labels(chart) == []
    assert chart.row_height(380) > BarChart.ROW  # two lines for the long ones
    assert chart.heightForWidth(380) > chart.heightForWidth(1400)
    chart.resize(1400, chart.heightForWidth(1400))
    assert cut_bar_labels(chart) == []
    assert chart.row_height(1400) == BarChart.ROW  # room for one line each when wide
    # The rows are where a click lands: the second bar is the second row, however tall.
    row = chart.row_height(380)
    chart.resize(380, chart.heightForWidth(380))
    assert chart.bar_at(BarChart.TOP + row * 1.5) == items[1][0]
