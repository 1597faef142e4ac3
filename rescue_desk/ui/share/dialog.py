"""Send a position to the team: every coordinate form with a Copy button each (and Copy all), a QR
code to scan from the screen (Amap marker link in GCJ-02, or a geo: URI for any map app), GPX and KML
files with the pin, 90 % corridor and approach, and the printed incident sheet.

``open_share_dialog(ctx, incident_id, parent)`` is what the desk calls: the position is read on the
database worker and the dialog opens when it arrives (a one-sentence message when it cannot)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QGridLayout, QHBoxLayout,
                               QLabel, QMessageBox, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from rescue_desk.domain.sharing import SharedPosition, ShareError, to_gpx, to_kml
from rescue_desk.services.errors import NotFound
from rescue_desk.services.sharing import IncidentShare, share_incident
from rescue_desk.ui.sizing import resize_to_fit

from .qr import qr_image

QR_PIXELS = 6


def breakable(text: str) -> str:
    """Links shown with break opportunities after ? & , so a label can wrap them (copying uses the
    real text)."""
    if "://" not in text:
        return text
    for ch in "?&,":
        text = text.replace(ch, ch + "\u200b")
    return text


class ShareDialog(QDialog):
    """Shows one position (of an incident, with files; or any map point, text and QR only).
    ``copied(text)`` after each copy to the clipboard."""

    copied = Signal(str)

    def __init__(self, position: SharedPosition, lang: str, share: IncidentShare | None = None, parent=None,
                 print_sheet=None):
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.position, self.lang, self.share = position, lang, share
        self.print_sheet = print_sheet
        title = self.tr("Send to team — incident %1").replace("%1", str(share.incident_id)) if share \
            else self.tr("Send this point to the team")
        self.setWindowTitle(title)
        layout = QHBoxLayout(self)
        layout.addLayout(self._formats(), 3)
        layout.addLayout(self._qr_side(), 2)
        resize_to_fit(self, 980, 600)

    # --- the formats -------------------------------------------------------------------------
    def _formats(self) -> QVBoxLayout:
        box = QVBoxLayout()
        heading = QLabel(self.tr("Incident %1").replace("%1", str(self.share.incident_id)) if self.share else "")
        heading.setObjectName("shareHeading")
        if self.share and self.share.estimated:
            heading.setText(heading.text() + " — " + self.tr("the desk's estimate, not confirmed"))
        box.addWidget(heading)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.copy_buttons: dict[str, QPushButton] = {}
        for row, (label, value) in enumerate(self.position.lines(self.lang)):
            name = QLabel(f"<b>{label}</b>")
            text = QLabel(breakable(value))
            text.setObjectName(f"shareValue{row}")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            button = QPushButton(self.tr("Copy"))
            button.setObjectName(f"shareCopy{row}")
            button.setToolTip(self.tr("Copy %1").replace("%1", label))
            button.clicked.connect(lambda _c=False, v=value: self.copy(v))
            grid.addWidget(name, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2)
            self.copy_buttons[label] = button
        box.addLayout(grid)
        if self.share and self.share.plan is not None:
            from rescue_desk.services.sharing import approach_words

            approach = QLabel(approach_words(self.share.plan, self.lang))
            approach.setWordWrap(True)
            approach.setObjectName("shareApproach")
            box.addWidget(approach)
        self.status = QLabel("")
        self.status.setObjectName("shareStatus")
        box.addWidget(self.status)
        box.addStretch(1)
        buttons = QDialogButtonBox()
        self.copy_all = buttons.addButton(self.tr("Copy all"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_all.setObjectName("shareCopyAll")
        self.copy_all.clicked.connect(lambda: self.copy(self.text_block()))
        if self.share is not None:
            for fmt, label in (("gpx", self.tr("Save GPX…")), ("kml", self.tr("Save KML…"))):
                b = buttons.addButton(label, QDialogButtonBox.ButtonRole.ActionRole)
                b.setObjectName(f"shareSave_{fmt}")
                b.clicked.connect(lambda _c=False, f=fmt: self.save_file(f))
            if self.print_sheet is not None:
                b = buttons.addButton(self.tr("Print sheet…"), QDialogButtonBox.ButtonRole.ActionRole)
                b.setObjectName("sharePrintSheet")
                b.clicked.connect(lambda: self.print_sheet(self.share.incident_id, self))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        box.addWidget(buttons)
        return box

    def text_block(self) -> str:
        if self.share is not None:
            return self.share.text(self.lang)
        return self.position.text_block(self.lang, self.tr("Position"))

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        first = text.splitlines()[0] if text else ""
        self.status.setText(self.tr("Copied: %1").replace("%1", first[:60] + ("…" if len(first) > 60 else "")))
        self.copied.emit(text)

    # --- the QR code -------------------------------------------------------------------------
    def _qr_side(self) -> QVBoxLayout:
        box = QVBoxLayout()
        choose = QHBoxLayout()
        self.qr_choice = QButtonGroup(self)
        for i, (key, label) in enumerate((("amap", self.tr("Amap / WeChat (GCJ-02)")),
                                          ("geo", self.tr("Any map app (geo:, WGS84)")))):
            r = QRadioButton(label)
            r.setObjectName(f"shareQr_{key}")
            r.setChecked(i == 0)
            self.qr_choice.addButton(r, i)
            choose.addWidget(r)
        self.qr_choice.idToggled.connect(lambda _i, on: on and self._show_qr())
        box.addLayout(choose)
        self.qr_label = QLabel()
        self.qr_label.setObjectName("shareQr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setStyleSheet("background: white; padding: 8px;")
        box.addWidget(self.qr_label, 1)
        self.qr_text = QLabel()
        self.qr_text.setObjectName("shareQrText")
        self.qr_text.setWordWrap(True)
        self.qr_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.qr_text)
        hint = QLabel(self.tr("Scan with the phone's camera or WeChat; the link opens the pin in Amap."))
        hint.setWordWrap(True)
        box.addWidget(hint)
        self._show_qr()
        return box

    def qr_payload(self) -> str:
        return self.position.amap_link() if self.qr_choice.checkedId() == 0 else self.position.geo_uri()

    def _show_qr(self) -> None:
        payload = self.qr_payload()
        pixmap = QPixmap.fromImage(qr_image(payload, QR_PIXELS))
        self.qr_label.setMinimumSize(pixmap.width() + 24, pixmap.height() + 24)  # never clip the quiet zone
        self.qr_label.setPixmap(pixmap)
        self.qr_text.setText(breakable(payload))

    # --- files -------------------------------------------------------------------------------
    def save_file(self, fmt: str, path: str | None = None) -> bool:
        """Write the GPX or KML file (asks where unless ``path``); True when written."""
        if path is None:
            suggested = str(Path.home() / f"incident-{self.share.incident_id}.{fmt}")
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Save %1").replace("%1", fmt.upper()), suggested,
                                                   f"{fmt.upper()} (*.{fmt})")
            if not path:
                return False
        text = to_gpx(self.share.geometry) if fmt == "gpx" else to_kml(self.share.geometry)
        target = Path(path)
        part = target.with_name(target.name + ".part")
        try:
            part.write_text(text, encoding="utf-8")
            part.replace(target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
            self.status.setText(self.tr("Cannot write %1: %2").replace("%1", str(target))
                                .replace("%2", exc.strerror or str(exc)))
            return False
        self.status.setText(self.tr("Saved %1").replace("%1", str(target)))
        return True


def open_share_dialog(ctx, incident_id: int, parent: QWidget | None = None, print_sheet=None,
                      on_open=None) -> None:
    """Read the incident's position on the database worker, then show the dialog (non-modal).
    ``on_open(dialog)`` is called once it is shown (tests, the desk keeping a reference)."""
    def done(share: IncidentShare) -> None:
        dialog = ShareDialog(share.position, ctx.lang, share, parent, print_sheet=print_sheet)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        if on_open is not None:
            on_open(dialog)

    def failed(exc: BaseException) -> None:
        title = QCoreApplication.translate("ShareDialog", "Send to team")
        text = str(exc) if isinstance(exc, (ShareError, NotFound)) else QCoreApplication.translate(
            "ShareDialog", "The position could not be read: %1").replace("%1", str(exc))
        QMessageBox.information(parent, title, text)

    ctx.worker.submit(share_incident, ctx.db, incident_id, ctx.lang, on_done=done, on_error=failed)
