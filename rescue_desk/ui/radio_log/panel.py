"""Radio log panel: the teams of an incident with their check-ins, a check-in form whose position is
typed words (read by the locator), typed coordinates or a click on the map, each team's trail on the
map, and an alert line for every team overdue for a check-in (checked every 30 s)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateTimeEdit, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from rescue_desk.domain.clock import BEIJING, format_beijing
from rescue_desk.services import radio_log as svc
from rescue_desk.ui.map.interaction import MapMode

TRAIL_PREFIX = "radio-trail-"
OVERDUE_CHECK_MS = 30_000


def _now_qt() -> QDateTime:
    local = datetime.now(BEIJING).replace(tzinfo=None, second=0, microsecond=0)
    return QDateTime(local.date(), local.time())


class RadioLogPanel(QWidget):
    def __init__(self, ctx, map_controller, parent=None):
        super().__init__(parent)
        self.setObjectName("radioLogPanel")
        self.ctx, self.map = ctx, map_controller
        self.teams: list = []
        self.overdue: list = []
        self.clicked: tuple[float, float] | None = None
        self.trails: list[str] = []
        self._build()
        self.map.interaction.register(MapMode.PLACE_CHECKIN, self._map_clicked)
        self._timer = QTimer(self)
        self._timer.setInterval(OVERDUE_CHECK_MS)
        self._timer.timeout.connect(self.check_overdue)
        self._timer.start()
        ctx.bridge.incidentsChanged.connect(self.check_overdue)
        self.check_overdue()

    def _build(self) -> None:
        self.alert = QLabel(objectName="radioOverdue")
        self.alert.setWordWrap(True)
        self.alert.setStyleSheet("color: white; background: #c62828; padding: 4px; font-weight: bold;")
        self.alert.hide()
        self.incident = QSpinBox(objectName="radioIncident")
        self.incident.setRange(1, 10**9)
        load = QPushButton(self.tr("Show"), objectName="radioLoad")
        load.clicked.connect(self.load)
        self.team = QComboBox(objectName="radioTeam")
        self.at = QDateTimeEdit(_now_qt(), objectName="radioAt")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.note = QLineEdit(objectName="radioNote")
        self.note.setPlaceholderText(self.tr("What the team reported"))
        self.where = QLineEdit(objectName="radioWhere")
        self.where.setPlaceholderText(self.tr("Where: words (e.g. just past Chuku bridge) or coordinates"))
        self.where.textEdited.connect(lambda _t: self._set_clicked(None))
        pick = QPushButton(self.tr("Click on map"), objectName="radioPick")
        pick.clicked.connect(lambda: self.map.interaction.set_mode(MapMode.PLACE_CHECKIN))
        self.picked = QLabel(objectName="radioPicked")
        add = QPushButton(self.tr("Add check-in"), objectName="radioAdd")
        add.clicked.connect(self.add_checkin)
        self.message = QLabel(objectName="radioMessage")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 4, objectName="radioTable")
        self.table.setHorizontalHeaderLabels([self.tr("Team"), self.tr("Time"), self.tr("Position"), self.tr("Note")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Incident #")))
        top.addWidget(self.incident, 1)
        top.addWidget(load)
        form = QFormLayout()
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Time"), self.at)
        form.addRow(self.tr("Note"), self.note)
        where = QHBoxLayout()
        where.addWidget(self.where, 1)
        where.addWidget(pick)
        form.addRow(self.tr("Position"), where)
        form.addRow("", self.picked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.alert)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(add)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    # --- overdue alert -------------------------------------------------------------------
    def check_overdue(self) -> None:
        self.ctx.worker.submit(svc.overdue_teams, self.ctx.db, on_done=self._show_overdue,
                               on_error=lambda exc: None)

    def _show_overdue(self, teams) -> None:
        self.overdue = list(teams)
        lines = [self.tr("OVERDUE: team of incident #%1 (trip %2) was due to check in at %3")
                 .replace("%1", str(t.incident_id)).replace("%2", str(t.trip_id))
                 .replace("%3", format_beijing(t.due_at)) for t in self.overdue]
        self.alert.setText("\n".join(lines))
        self.alert.setVisible(bool(lines))

    # --- the incident's teams --------------------------------------------------------------
    def load(self) -> None:
        self.ctx.worker.submit(svc.radio_log, self.ctx.db, self.incident.value(), on_done=self._loaded,
                               on_error=lambda exc: self._error(exc))

    def _team_name(self, t) -> str:
        names = "、".join(t.members) if self.ctx.lang == "zh" else ", ".join(t.members)
        label = self.tr("Trip %1").replace("%1", str(t.trip_id))
        return f"{label}: {names}" + (f" ({t.vehicle})" if t.vehicle else "")

    def _loaded(self, teams) -> None:
        current = self.team.currentData()
        self.teams = list(teams)
        self.team.clear()
        for t in self.teams:
            self.team.addItem(self._team_name(t), t.trip_id)
        if current is not None and self.team.findData(current) >= 0:
            self.team.setCurrentIndex(self.team.findData(current))
        rows = [(t, e) for t in self.teams for e in t.entries]
        self.table.setRowCount(len(rows))
        for r, (t, e) in enumerate(rows):
            where = f"{e.chainage_km:.1f} km" if e.chainage_km is not None else (
                f"{e.lat:.5f}, {e.lon:.5f}" if e.lon is not None else "—")
            for c, text in enumerate([str(t.trip_id), format_beijing(e.at), where, e.note]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self._draw_trails()
        if not self.teams:
            self.message.setText(self.tr("This incident has no team dispatched."))

    def _draw_trails(self) -> None:
        for name in self.trails:
            self.map.clear_track(name)
        self.trails = []
        for t in self.teams:
            if len(t.trail) >= 2:
                name = f"{TRAIL_PREFIX}{t.trip_id}"
                self.map.show_track(name, [(p.lon, p.lat) for p in t.trail])
                self.trails.append(name)

    # --- a check-in --------------------------------------------------------------------------
    def _map_clicked(self, lon: float, lat: float) -> None:
        self._set_clicked((lon, lat))
        self.where.clear()
        self.map.set_pin(lon, lat)
        self.map.interaction.leave(MapMode.PLACE_CHECKIN)

    def _set_clicked(self, point) -> None:
        self.clicked = point
        self.picked.setText("" if point is None else self.tr("Map point %1, %2")
                            .replace("%1", f"{point[1]:.5f}").replace("%2", f"{point[0]:.5f}"))

    def add_checkin(self) -> None:
        trip = self.team.currentData()
        if trip is None:
            self.message.setText(self.tr("Show an incident with a team first."))
            return
        at = self.at.dateTime().toPython().replace(tzinfo=BEIJING)
        words, point = self.where.text().strip(), self.clicked
        note = self.note.text().strip()
        db, actor = self.ctx.db, self.ctx.actor

        def work():
            position = svc.resolve_position(words=words or None, lon=point[0] if point else None,
                                            lat=point[1] if point else None, clicked=point is not None,
                                            at=at, kora=self.ctx.kora)
            return svc.log_checkin(db, actor, trip, at, note, position)

        self.ctx.notices.run_op(work, on_done=self._added, on_error=self._error)

    def _added(self, _checkin_id) -> None:
        self.note.clear()
        self.where.clear()
        self._set_clicked(None)
        self.message.setText(self.tr("Check-in saved."))
        self.load()

    def _error(self, exc: BaseException) -> None:
        code = getattr(exc, "code", "")
        if code == "not_found":
            self._loaded([])
        text = {"time_in_future": self.tr("That time is in the future; correct it."),
                "time_before": self.tr("That time is before the team left; correct it."),
                "position_unusable": self.tr("The position cannot be used: %1").replace("%1", str(exc)),
                "not_found": self.tr("No such incident or trip.")}.get(code, str(exc))
        self.message.setText(text)

    def clear_drawing(self) -> None:
        for name in self.trails:
            self.map.clear_track(name)
        self.trails = []

