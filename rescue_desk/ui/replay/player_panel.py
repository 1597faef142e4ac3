"""The replay panel: choose a past incident (or scenario), then play / pause / step / scrub at ×1 to
×600; the event list, the clock (Beijing time) and the map follow the playhead."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListView, QPushButton, QSizePolicy,
                               QSlider, QVBoxLayout, QWidget)

from rescue_desk.domain import codes
from rescue_desk.domain.clock import to_beijing
from rescue_desk.services.replay import replay_incident, replay_story, replayable_incidents
from rescue_desk.services.training import (import_scenario_file, list_scenarios, scenario_story,
                                           write_scenario_file)

from .player import SPEEDS, ReplayPlayer
from .texts import beijing_text, elapsed_text, entry_text

KIND_COLOURS = {"call": "#0d47a1", "estimate": "#6a1b9a", "correction": "#6a1b9a", "position": "#2e7d32",
                "closed": "#424242"}


class TimelineModel(QAbstractListModel):
    """The replay's entries as rows "HH:MM  text"; ``current`` is the entry at the playhead."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.entries = []
        self.texts: list[str] = []
        self.current = -1

    def set_entries(self, entries) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.texts = [f"{to_beijing(e.at):%H:%M}  {entry_text(e, self.lang)}" for e in self.entries]
        self.current = -1
        self.endResetModel()

    def set_current(self, index: int) -> None:
        if index == self.current:
            return
        old, self.current = self.current, index
        for row in (old, index):
            if 0 <= row < len(self.entries):
                i = self.index(row)
                self.dataChanged.emit(i, i)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return beijing_text(self.entries[row].at) + "\n" + self.texts[row].split("  ", 1)[-1]
        if role == Qt.ItemDataRole.ForegroundRole:
            if row > self.current:
                return QColor("#9e9e9e")
            return QColor(KIND_COLOURS.get(self.entries[row].kind, "#212121"))
        if role == Qt.ItemDataRole.FontRole and row == self.current:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.BackgroundRole and row == self.current:
            return QColor("#e0f2f1")
        return None


class PlayerPanel(QWidget):
    """Source picker, transport controls, clock and event list. Loads replays on the database worker."""

    replayLoaded = Signal(object)  # Replay | None

    def __init__(self, ctx, follower, parent=None):
        super().__init__(parent)
        self.setObjectName("replayPlayerPanel")
        self.ctx = ctx
        self.follower = follower
        self.player = ReplayPlayer(self)
        self.source = QComboBox(objectName="replaySource")
        self.source.setMinimumContentsLength(28)
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.load_btn = QPushButton(self.tr("Load"), objectName="replayLoad")
        self.export_btn = QPushButton(self.tr("Export as scenario…"), objectName="scenarioExport")
        self.import_btn = QPushButton(self.tr("Import scenario…"), objectName="scenarioImport")
        self.play_btn = QPushButton(self.tr("Play"), objectName="replayPlay")
        self.back_btn = QPushButton(self.tr("◀ Step"), objectName="replayStepBack")
        self.step_btn = QPushButton(self.tr("Step ▶"), objectName="replayStep")
        self.speed = QComboBox(objectName="replaySpeed")
        for s in SPEEDS:
            self.speed.addItem(f"×{s}", s)
        self.speed.setCurrentIndex(SPEEDS.index(self.player.speed))
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="replayScrubber")
        self.slider.setEnabled(False)
        self.clock = QLabel(objectName="replayClock")
        self.clock.setTextFormat(Qt.TextFormat.PlainText)
        big = self.clock.font()
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.clock.setFont(big)
        self.clock.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # no relayout per tick
        self.status = QLabel(objectName="replayStatus")
        self.status.setWordWrap(True)
        self.model = TimelineModel(ctx.lang, self)
        self.list = QListView(objectName="replayEvents")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)

        top = QHBoxLayout()
        top.addWidget(self.source, 1)
        top.addWidget(self.load_btn)
        transport = QHBoxLayout()
        for w in (self.back_btn, self.play_btn, self.step_btn):
            transport.addWidget(w)
        transport.addStretch(1)
        transport.addWidget(QLabel(self.tr("Speed")))
        transport.addWidget(self.speed)
        files = QHBoxLayout()
        files.addWidget(self.export_btn)
        files.addWidget(self.import_btn)
        files.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(files)
        lay.addWidget(self.status)
        lay.addWidget(self.clock)
        lay.addWidget(self.slider)
        lay.addLayout(transport)
        lay.addWidget(self.list, 1)

        self.load_btn.clicked.connect(self.load_selected)
        self.export_btn.clicked.connect(lambda: self.export_selected())
        self.import_btn.clicked.connect(lambda: self.import_file())
        self.play_btn.clicked.connect(self.player.toggle)
        self.step_btn.clicked.connect(lambda: self.player.step(1))
        self.back_btn.clicked.connect(lambda: self.player.step(-1))
        self.speed.currentIndexChanged.connect(lambda _i: self.player.set_speed(self.speed.currentData()))
        self.slider.valueChanged.connect(self._scrubbed)
        self.list.clicked.connect(lambda idx: self.player.seek_entry(idx.row()))
        self.player.frameChanged.connect(self.show_frame)
        self.player.playingChanged.connect(
            lambda on: self.play_btn.setText(self.tr("Pause") if on else self.tr("Play")))
        self._set_transport_enabled(False)
        self.clock.setText(self.tr("Choose an incident and press Load."))

    # --- sources -------------------------------------------------------------------------
    def refresh_sources(self, select: str | None = None) -> None:
        """Reload the list of closed incidents and scenarios (database worker)."""
        db = self.ctx.db

        def fetch():
            return replayable_incidents(db, limit=1000), list_scenarios(db)

        self.ctx.worker.submit(fetch, on_done=lambda r: self._fill_sources(r, select), on_error=self._failed)

    def _fill_sources(self, result, select: str | None = None) -> None:
        incidents, scenarios = result
        keep = select or self.source.currentData()
        self.source.clear()
        lang = self.ctx.lang
        for s in scenarios:
            self.source.addItem(self.tr("Scenario: %1").replace("%1", s.title), f"scenario:{s.id}")
        for r in incidents:
            words = " ".join(r.text.split())
            words = words[:26] + "…" if len(words) > 27 else words
            label = f"#{r.id}  {to_beijing(r.received_at):%Y-%m-%d}  {codes.label(codes.CATEGORIES, r.category, lang)}  {words}"
            self.source.addItem(label, f"incident:{r.id}")
        if keep is not None:
            i = self.source.findData(keep)
            if i >= 0:
                self.source.setCurrentIndex(i)

    def select_source(self, kind: str, ident: int) -> bool:
        i = self.source.findData(f"{kind}:{ident}")
        if i >= 0:
            self.source.setCurrentIndex(i)
        return i >= 0

    # --- scenario files -----------------------------------------------------------------
    def export_selected(self, path: str | None = None) -> None:
        """Write the chosen closed incident as a scenario file (no personal data) on the worker."""
        data = self.source.currentData() or ""
        if not data.startswith("incident:"):
            self.status.setText(self.tr("Choose a closed incident (not a scenario) to export."))
            return
        incident_id = int(data.split(":")[1])
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export as scenario"),
                                                        f"scenario-{incident_id}.json",
                                                        self.tr("Scenario files (*.json)"))
        if not path:
            return
        db, kora = self.ctx.db, self.ctx.kora

        def done(doc) -> None:
            self.status.setText(self.tr("Scenario %1 written to %2 (no names, phone or document numbers).")
                                .replace("%1", doc["key"]).replace("%2", path))

        self.ctx.worker.submit(write_scenario_file, db, incident_id, path, kora, on_done=done, on_error=self._failed)

    def import_file(self, path: str | None = None) -> None:
        """Check and import a scenario file on the worker; nothing is stored when it is refused."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import scenario"), "",
                                                        self.tr("Scenario files (*.json)"))
        if not path:
            return

        def done(scenario_id) -> None:
            self.status.setText(self.tr("Scenario imported (#%1).").replace("%1", str(scenario_id)))
            self.refresh_sources(select=f"scenario:{scenario_id}")

        self.ctx.worker.submit(import_scenario_file, self.ctx.db, self.ctx.actor, path, self.ctx.kora,
                               on_done=done, on_error=self._failed)

    # --- loading -------------------------------------------------------------------------
    def load_selected(self) -> None:
        data = self.source.currentData()
        if not data:
            return
        kind, ident = data.split(":")
        self.load(kind, int(ident))

    def load(self, kind: str, ident: int) -> None:
        """Build the replay of an incident or scenario on the database worker, then show it."""
        db, kora = self.ctx.db, self.ctx.kora

        def build():
            if kind == "scenario":
                return replay_story(scenario_story(db, ident, kora), kora)
            return replay_incident(db, ident, kora=kora)

        self.status.setText(self.tr("Loading…"))
        self.ctx.worker.submit(build, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, replay) -> None:
        self.model.set_entries(replay.entries)
        self.follower.show_replay(replay)
        self.slider.blockSignals(True)
        self.slider.setRange(0, int(replay.duration_s))
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        sources = {m.source for m in replay.motions}
        note = []
        if "track" in sources:
            note.append(self.tr("team positions from the GPS track"))
        if "route" in sources:
            note.append(self.tr("team positions interpolated along the route between the logged times"))
        if not replay.motions:
            note.append(self.tr("no rescue trip"))
        text = "; ".join(note)
        if replay.warnings:
            text += "\n" + "\n".join(replay.warnings)
        self.status.setText(text)
        self._set_transport_enabled(True)
        self.player.load(replay)
        self.replayLoaded.emit(replay)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))

    def _set_transport_enabled(self, on: bool) -> None:
        for w in (self.play_btn, self.step_btn, self.back_btn, self.slider):
            w.setEnabled(on)

    # --- following the playhead ----------------------------------------------------------
    def _scrubbed(self, value: int) -> None:
        if abs(value - self.player.position_s) >= 1.0:
            self.player.seek(value)

    def show_frame(self, frame) -> None:
        """Clock, scrubber, event list and map at the playhead (GUI thread; must stay cheap)."""
        zone = self.tr("Beijing time")
        self.clock.setText(f"{beijing_text(frame.at)} {zone}   {elapsed_text(frame.elapsed_s)}")
        one_pixel = self.slider.maximum() / max(1, self.slider.width())
        if abs(self.slider.value() - frame.elapsed_s) >= one_pixel:  # a repaint only when the handle moves
            self.slider.blockSignals(True)
            self.slider.setValue(int(frame.elapsed_s))
            self.slider.blockSignals(False)
        if frame.entry_index != self.model.current:
            self.model.set_current(frame.entry_index)
            if frame.entry_index >= 0:
                self.list.scrollTo(self.model.index(frame.entry_index))
        self.follower.show_frame(frame)
