"""Right-click on a map: the point's coordinates in every format, each copied with one click, and
"Send this point to the team…" (the share dialog without incident files)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGraphicsView, QMenu

from rescue_desk.domain.kora import Kora
from rescue_desk.domain.sharing import SharedPosition, share_position

from ..map import projection


def _t(text: str) -> str:
    return QCoreApplication.translate("CoordinateMenu", text)


def coordinate_menu(position: SharedPosition, lang: str, parent=None, on_share=None) -> QMenu:
    """A menu with one "Copy …" entry per format (the value shown) and, with ``on_share``, an entry
    opening the share dialog for the point."""
    menu = QMenu(parent)
    menu.setObjectName("coordinateMenu")
    menu.setToolTipsVisible(True)
    for label, value in position.lines(lang):
        shown = value if len(value) <= 48 else value[:47] + "…"
        action = menu.addAction(_t("Copy %1: %2").replace("%1", label).replace("%2", shown))
        action.setToolTip(value)
        action.setData(value)
        action.triggered.connect(lambda _c=False, v=value: QGuiApplication.clipboard().setText(v))
    menu.addSeparator()
    everything = menu.addAction(_t("Copy all formats"))
    everything.triggered.connect(lambda: QGuiApplication.clipboard().setText(position.text_block(lang)))
    if on_share is not None:
        share = menu.addAction(_t("Send this point to the team…"))
        share.triggered.connect(lambda: on_share(position))
    return menu


def install_coordinate_menu(view: QGraphicsView, kora_of, lang: str, parent=None) -> None:
    """Right-clicking ``view`` (a map in UTM scene metres) pops the coordinate menu for that point.
    ``kora_of()`` gives the current kora (the station's landmarks change)."""
    from .dialog import ShareDialog

    def share(position: SharedPosition) -> None:
        dialog = ShareDialog(position, lang, None, parent or view.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def popup(pos: QPoint) -> None:
        scene = view.mapToScene(pos)
        lon, lat = projection.scene_to_lonlat(scene.x(), scene.y())
        kora: Kora = kora_of()
        menu = coordinate_menu(share_position(lon, lat, kora), lang, view, on_share=share)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(view.viewport().mapToGlobal(pos))

    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(popup)
