"""In the field, on screen: the share dialog (formats copied, QR code of the Amap link, GPX saved),
the map's right-click coordinate menu, the handover screen (every open incident, handing over), the
help window (guide, shortcuts read from the window, About with the data sources), and the fonts."""

from pathlib import Path

import pytest
import segno
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QRawFont
from PySide6.QtWidgets import QLabel, QPushButton

from rescue_desk.domain.assets import asset, asset_text
from rescue_desk.domain.gpx import read_gpx
from rescue_desk.domain.kora import load_kora
from rescue_desk.domain.sharing import share_position
from rescue_desk.services.handover import last_handover
from rescue_desk.services.incidents import list_incidents
from rescue_desk.ui import create_main_window, i18n
from rescue_desk.ui.handover import HandoverDialog
from rescue_desk.ui.help import show_help
from rescue_desk.ui.share.dialog import ShareDialog, open_share_dialog
from rescue_desk.ui.share.qr import qr_modules
from rescue_desk.ui.share.readout import coordinate_menu

SOURCES_WITH_CHINESE = ("rescue_desk/domain/sharing/position.py", "rescue_desk/services/sharing.py",
                        "rescue_desk/ui/sheets/incident_pdf.py", "rescue_desk/ui/sheets/handover_pdf.py",
                        "rescue_desk/ui/sheets/map_extract.py")


@pytest.fixture(scope="module", autouse=True)
def delete_closed_windows():
    yield
    app = QCoreApplication.instance()
    if app is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


@pytest.fixture
def window(qtbot, field_shift):
    url, ids = field_shift
    w = create_main_window(url, lang="zh", features=("desk", "field", "help"))
    qtbot.addWidget(w)
    w.show()
    assert w.ctx.worker.wait_idle()
    yield w, ids
    i18n.install_translators("en")  # the window installed Chinese on the whole test application


def _select(qtbot, w, incident_id):
    w.desk.board.select_incident(incident_id)
    qtbot.waitUntil(lambda: w.field.incident_id == incident_id, timeout=10000)
    assert w.ctx.worker.wait_idle()


def test_send_to_team_opens_the_share_dialog_with_its_qr_code(qtbot, window, tmp_path):
    w, ids = window
    button = w.findChild(QPushButton, "sendToTeam")
    _select(qtbot, w, ids["estimated"])
    assert button.isEnabled() and w.field.share_action.isEnabled()
    opened = []
    open_share_dialog(w.ctx, ids["estimated"], w, on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    dialog: ShareDialog = opened[0]
    assert dialog.objectName() == "shareDialog" and str(ids["estimated"]) in dialog.windowTitle()
    pos = dialog.position
    assert dialog.qr_payload() == pos.amap_link()
    pixmap = dialog.qr_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() == len(qr_modules(pos.amap_link())) * 6
    # the pixels are the QR symbol segno makes of the link: same dark modules
    image = pixmap.toImage()
    rows = qr_modules(pos.amap_link())
    assert all((image.pixelColor(c * 6 + 3, r * 6 + 3).lightness() < 128) == dark
               for r, row in enumerate(rows) for c, dark in enumerate(row))
    assert rows == [[bool(v) for v in row] for row in segno.make(pos.amap_link(), error="m").matrix_iter(border=2)]
    qtbot.mouseClick(dialog.qr_choice.button(1), Qt.MouseButton.LeftButton)
    assert dialog.qr_payload() == pos.geo_uri() and dialog.qr_text.text().startswith("geo:")
    gcj_row = next(i for i, (label, _v) in enumerate(pos.lines("zh")) if label.startswith("GCJ-02"))
    qtbot.mouseClick(dialog.findChild(QPushButton, f"shareCopy{gcj_row}"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == pos.gcj02_text()
    qtbot.mouseClick(dialog.copy_all, Qt.MouseButton.LeftButton)
    assert f"警情 {ids['estimated']}" in QGuiApplication.clipboard().text()
    target = tmp_path / "p.gpx"
    assert dialog.save_file("gpx", str(target))
    assert len(read_gpx(target).points) >= 2
    assert not dialog.save_file("kml", str(tmp_path / "missing" / "p.kml"))
    assert "无法写入" in dialog.status.text()
    dialog.close()


def test_share_of_an_incident_without_position_says_so(qtbot, window, monkeypatch):
    w, ids = window
    said = []
    monkeypatch.setattr("rescue_desk.ui.share.dialog.QMessageBox.information",
                        lambda parent, title, text: said.append(text))
    open_share_dialog(w.ctx, ids["unplaced"], w)
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert "还没有位置" in said[0]


def test_right_click_menu_copies_each_format(qtbot):
    kora = load_kora()
    pos = share_position(*kora.point_at(30.0), kora)
    menu = coordinate_menu(pos, "en")
    actions = [a for a in menu.actions() if a.data()]
    assert len(actions) == len(pos.lines("en"))
    dms = next(a for a in actions if "DMS" in a.text())
    dms.trigger()
    assert QGuiApplication.clipboard().text() == pos.dms()
    menu.deleteLater()


def test_handover_screen_lists_every_open_incident_and_hands_over(qtbot, window, tmp_path):
    w, ids = window
    dialog = HandoverDialog(w.ctx, w)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    open_ids = {r.id for r in list_incidents(w.ctx.db, open_only=True)}
    table = dialog.tables["open"]
    assert {int(table.item(r, 0).text()) for r in range(table.rowCount())} == open_ids
    assert dialog.tables["overdue"].rowCount() == 1 and dialog.tables["teams"].rowCount() == 2
    anchor = dialog.findChild(QLabel, "handoverLogAnchor")
    assert dialog.report.anchor_text and dialog.report.anchor_text in anchor.text() and "事件日志锚点" in anchor.text()
    dialog.notes.setPlainText("2号车轮胎要换")
    assert dialog.save_pdf(str(tmp_path / "h.pdf")) and (tmp_path / "h.pdf").stat().st_size > 1000
    with qtbot.waitSignal(dialog.handedOver, timeout=10000):
        qtbot.mouseClick(dialog.hand_over_btn, Qt.MouseButton.LeftButton)
    assert last_handover(w.ctx.db).notes == "2号车轮胎要换"


def test_help_guide_shortcuts_and_about(qtbot, window):
    w, _ids = window
    dialog = show_help("zh", w, "shortcuts")
    table = dialog.shortcuts
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Ctrl+N"] == "新接警" and rows["Ctrl+Shift+S"] == "发送位置给救援队…" and rows["F1"] == "使用指南"
    guide = dialog.guide.toPlainText()
    for topic in ("接警", "派警", "统计", "回放", "沙盘"):
        assert topic in guide
    about = dialog.about.toPlainText()
    assert "Breez4e1/Karo" in about and "Lonely Planet" in about and "2bulu" in about
    english = show_help("en", None, "guide")
    assert "Taking a call" in english.guide.toPlainText()
    english.close()
    dialog.close()


def test_shipped_fonts_cover_the_field_texts(qapp):
    font = next(e for e in asset("fonts").iterdir() if e.name.endswith(".otf"))
    raw = QRawFont(font.read_bytes(), 12)
    root = Path(__file__).resolve().parents[2]
    text = asset_text("help", "guide_zh.md") + "".join((root / p).read_text(encoding="utf-8")
                                                      for p in SOURCES_WITH_CHINESE)
    chars = {c for c in text if "\u4e00" <= c <= "\u9fff"}
    missing = [c for c in sorted(chars) if not raw.supportsCharacter(ord(c))]
    assert not missing, f"shipped CJK font lacks {''.join(missing)}"
