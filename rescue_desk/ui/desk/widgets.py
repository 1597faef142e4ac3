"""Small widgets the desk forms share: Beijing-time editors, code-list combos, inline messages."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QDateTime, QTimeZone
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel, QWidget

from rescue_desk.domain import codes
from rescue_desk.domain.clock import utc_now

BEIJING_TZ = QTimeZone(b"Asia/Shanghai")
ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "color: #8a5a00;"


def qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000), BEIJING_TZ)


def pydatetime(value: QDateTime) -> datetime:
    """An aware UTC datetime for the instant shown in the editor."""
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, tz=timezone.utc)


class TimeEdit(QDateTimeEdit):
    """A date-and-time editor in Beijing time that reads and writes aware datetimes.

    With ``follow_now`` the editor means "now" until the officer edits it: ``value()`` then returns
    the moment it is read, so a panel left open does not log a stale time."""

    def __init__(self, parent: QWidget | None = None, object_name: str = "", follow_now: bool = False):
        super().__init__(parent)
        self.setTimeZone(BEIJING_TZ)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setCalendarPopup(True)
        if object_name:
            self.setObjectName(object_name)
        self.follow_now = follow_now
        self._setting = False
        self._auto = True
        self.dateTimeChanged.connect(self._edited)
        self.set_now()

    def _edited(self, _value) -> None:
        if not self._setting:
            self._auto = False

    def set_now(self) -> None:
        self._set(utc_now(), auto=True)

    def set_value(self, value: datetime) -> None:
        self._set(value, auto=False)

    def _set(self, value: datetime, auto: bool) -> None:
        self._auto = auto  # before the change signal, so listeners read the new meaning
        self._setting = True
        try:
            self.setDateTime(qdatetime(value))
        finally:
            self._setting = False

    @property
    def following_now(self) -> bool:
        return self.follow_now and self._auto

    def freeze(self) -> None:
        """Stop following the clock: keep the current moment."""
        if self.following_now:
            self.set_value(utc_now())

    def value(self) -> datetime:
        if self.follow_now and self._auto:
            return utc_now()
        return pydatetime(self.dateTime())


def code_combo(table: dict, lang: str, object_name: str = "", include_blank: str | None = None) -> QComboBox:
    """A combo over a code list (labels in ``lang``, codes as item data)."""
    box = QComboBox()
    if object_name:
        box.setObjectName(object_name)
    if include_blank is not None:
        box.addItem(include_blank, "")
    for code in table:
        box.addItem(codes.label(table, code, lang), code)
    return box


def select_code(box: QComboBox, code) -> None:
    i = box.findData(code)
    if i >= 0:
        box.setCurrentIndex(i)


class MessageLabel(QLabel):
    """An inline message under a form: errors in red, warnings in amber, hidden when empty."""

    def __init__(self, object_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        if object_name:
            self.setObjectName(object_name)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)
        self.setVisible(bool(text))

    def show_warning(self, text: str) -> None:
        self.setStyleSheet(WARN_STYLE)
        self.setText(text)
        self.setVisible(bool(text))

    def show_info(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def mark_invalid(widget: QWidget | None, bad: bool) -> None:
    """Outline a field in red while its value is refused."""
    if widget is None:
        return
    widget.setProperty("invalid", bad)
    widget.setStyleSheet("border: 1px solid #b00020;" if bad else "")


def format_duration(seconds: float) -> str:
    """"2 h 05 min" / "45 min"; from two days on "3 d 4 h" (translated units)."""
    minutes = int(round(max(seconds, 0) / 60.0))
    h, m = divmod(minutes, 60)
    if h >= 48:
        d, h = divmod(h, 24)
        return QCoreApplication.translate("Desk", "%1 d %2 h").replace("%1", str(d)).replace("%2", str(h))
    if h:
        return QCoreApplication.translate("Desk", "%1 h %2 min").replace("%1", str(h)).replace("%2", f"{m:02d}")
    return QCoreApplication.translate("Desk", "%1 min").replace("%1", str(m))
