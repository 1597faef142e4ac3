"""In the field: "Send position to team", "Print incident sheet" and "Shift handover" in the Incident
menu and as buttons on the rescue-trip panel, and the map's right-click coordinate menu.
``install(window)`` is called by the main window like every feature."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..handover import open_handover
from ..share.dialog import open_share_dialog
from ..share.readout import install_coordinate_menu
from ..sheets.actions import print_incident_sheet


def _t(text: str) -> str:
    return QCoreApplication.translate("FieldActions", text)


class FieldActions:
    """Holds the actions; the current incident is the one the rescue-trip panel shows."""

    def __init__(self, window):
        self.window = window
        self.ctx = window.ctx
        menu = window.menu("incident")
        menu.addSeparator()
        self.share_action = self._action(menu, _t("Send position to team…"), self.share, "Ctrl+Shift+S",
                                         "actionShareIncident")
        self.print_action = self._action(menu, _t("Print incident sheet…"), self.print_sheet, "Ctrl+P",
                                         "actionPrintSheet")
        self.handover_action = self._action(menu, _t("Shift handover…"), self.handover, "Ctrl+Shift+H",
                                            "actionHandover")
        install_coordinate_menu(window.map.view, lambda: window.ctx.kora, self.ctx.lang, window)
        readout = getattr(window, "cursor_label", None)
        if readout is not None:
            readout.setToolTip(_t("Right-click the map to copy a point's coordinates in every format "
                                  "(WGS84, DMS, UTM, GCJ-02, BD-09, km)."))
        self._buttons_on_trip_panel()
        self.update()

    def _action(self, menu, text, slot, shortcut, name) -> QAction:
        a = QAction(text, self.window)
        a.setObjectName(name)
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    @property
    def incident_id(self) -> int | None:
        trip = getattr(getattr(self.window, "desk", None), "trip", None)
        return getattr(trip, "incident_id", None)

    def _buttons_on_trip_panel(self) -> None:
        trip = getattr(getattr(self.window, "desk", None), "trip", None)
        header = trip.findChild(QLabel, "tripHeader") if trip is not None else None
        layout = header.parentWidget().layout() if header is not None and header.parentWidget() else None
        self.share_button = self.print_button = None
        if layout is None:
            return
        row = QWidget(objectName="fieldButtons")
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        self.share_button = QPushButton(_t("Send to team"), objectName="sendToTeam")
        self.share_button.setToolTip(_t("Coordinates for Amap/WeChat/Baidu, QR code, GPX/KML (Ctrl+Shift+S)"))
        self.share_button.clicked.connect(self.share)
        self.print_button = QPushButton(_t("Print sheet"), objectName="printSheet")
        self.print_button.clicked.connect(self.print_sheet)
        h.addWidget(self.share_button)
        h.addWidget(self.print_button)
        h.addStretch(1)
        layout.insertWidget(layout.indexOf(header) + 1, row)
        if hasattr(trip, "changed"):
            trip.changed.connect(lambda _i: self.update())
        board = getattr(self.window.desk, "board", None)
        if board is not None and hasattr(board, "incidentSelected"):
            board.incidentSelected.connect(lambda _i: self.update())

    def update(self) -> None:
        on = self.incident_id is not None
        for w in (self.share_action, self.print_action, self.share_button, self.print_button):
            if w is not None:
                w.setEnabled(on)

    def share(self) -> None:
        if self.incident_id is not None:
            open_share_dialog(self.ctx, self.incident_id, self.window,
                              print_sheet=lambda i, parent: print_incident_sheet(self.ctx, i, self.window))

    def print_sheet(self) -> None:
        if self.incident_id is not None:
            print_incident_sheet(self.ctx, self.incident_id, self.window)

    def handover(self) -> None:
        open_handover(self.ctx, self.window)


def install(window) -> None:
    window.field = FieldActions(window)
