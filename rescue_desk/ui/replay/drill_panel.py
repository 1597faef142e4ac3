"""The placement drill: the trainee reads only what the duty officer knew (the caller's words, the call
time, the weather note), clicks the map to place the pin, chooses a search stretch and an approach;
then the reveal: where the person really was, what the team did, and the score."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from rescue_desk.domain import codes
from rescue_desk.domain.replay import Replay
from rescue_desk.services.training import (DrillItem, approach_choices, drill_brief, ensure_builtin_scenarios,
                                           list_drill_sets, submit_attempt)

from .drill_set_dialog import DrillSetDialog

from .texts import beijing_text, km_text


class DrillPanel(QWidget):
    """GUI thread; database work goes to the worker. ``attemptSaved(trainee)`` after each scored attempt."""

    attemptSaved = Signal(str)
    itemStarted = Signal()
    revealed = Signal(float, float)  # where the person really was

    def __init__(self, ctx, follower, parent=None):
        super().__init__(parent)
        self.setObjectName("drillPanel")
        self.ctx = ctx
        self.follower = follower
        self.sets = []
        self.items: list[DrillItem] = []
        self.index = 0
        self.brief = None
        self.pin: tuple[float, float] | None = None
        self.result = None
        self.trainee = QLineEdit(objectName="traineeName")
        self.trainee.setPlaceholderText(self.tr("Trainee's name"))
        self.set_picker = QComboBox(objectName="drillSetPicker")
        self.start_btn = QPushButton(self.tr("Start"), objectName="drillStart")
        self.next_btn = QPushButton(self.tr("Next drill"), objectName="drillNext")
        self.new_set_btn = QPushButton(self.tr("New drill set…"), objectName="newDrillSet")
        self.set_dialog: DrillSetDialog | None = None
        self.progress_label = QLabel(objectName="drillCounter")
        self.call_time = QLabel(objectName="drillCallTime")
        self.call_words = QLabel(objectName="drillCallWords")
        self.call_words.setWordWrap(True)
        self.call_words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        f = self.call_words.font()
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.call_words.setFont(f)
        self.call_meta = QLabel(objectName="drillCallMeta")
        self.weather = QLabel(objectName="drillWeather")
        self.weather.setWordWrap(True)
        self.pin_label = QLabel(self.tr("Click the map where you think the caller is."), objectName="drillPinLabel")
        self.pin_label.setWordWrap(True)
        self.half_width = QDoubleSpinBox(objectName="areaHalfWidth")
        self.half_width.setRange(0.1, 10.0)
        self.half_width.setSingleStep(0.1)
        self.half_width.setValue(1.0)
        self.half_width.setSuffix(" km")
        self.approach = QComboBox(objectName="approachPicker")
        for ident, en, zh in approach_choices(ctx.kora):
            self.approach.addItem(zh if ctx.lang == "zh" else en, ident)
        self.submit_btn = QPushButton(self.tr("Submit and reveal"), objectName="submitDrill")
        self.reveal = QLabel(objectName="drillReveal")
        self.reveal.setWordWrap(True)
        self.reveal.setTextFormat(Qt.TextFormat.PlainText)

        head = QHBoxLayout()
        head.addWidget(self.set_picker, 1)
        head.addWidget(self.start_btn)
        head.addWidget(self.next_btn)
        sets_row = QHBoxLayout()
        sets_row.addStretch(1)
        sets_row.addWidget(self.new_set_btn)
        call_box = QGroupBox(self.tr("The call (all the duty officer knew)"))
        cl = QVBoxLayout(call_box)
        for w in (self.call_time, self.call_meta, self.call_words, self.weather):
            cl.addWidget(w)
        answer = QGroupBox(self.tr("Your answer"))
        form = QFormLayout(answer)
        form.addRow(self.pin_label)
        form.addRow(self.tr("Search ± along the trail"), self.half_width)
        form.addRow(self.tr("Approach"), self.approach)
        form.addRow(self.submit_btn)
        lay = QVBoxLayout(self)
        lay.addWidget(self.trainee)
        lay.addLayout(head)
        lay.addLayout(sets_row)
        lay.addWidget(self.progress_label)
        lay.addWidget(call_box)
        lay.addWidget(answer)
        result = QGroupBox(self.tr("Result"))
        QVBoxLayout(result).addWidget(self.reveal)
        lay.addWidget(result)
        lay.addStretch(1)

        self.start_btn.clicked.connect(self.start)
        self.next_btn.clicked.connect(self.next_item)
        self.new_set_btn.clicked.connect(self.new_set)
        self.submit_btn.clicked.connect(self.submit)
        self.half_width.valueChanged.connect(lambda _v: self._draw_answer())
        self._update_buttons()

    # --- drill sets ----------------------------------------------------------------------
    def refresh_sets(self, select: int | None = None) -> None:
        """Create the built-in scenarios on a demo station (once), then list the drill sets (worker);
        ``select`` picks that set's id in the chooser once listed."""
        db, actor, kora = self.ctx.db, self.ctx.actor, self.ctx.kora

        def fetch():
            ensure_builtin_scenarios(db, actor, kora=kora)
            return list_drill_sets(db)

        self.ctx.worker.submit(fetch, on_done=lambda sets: self._fill_sets(sets, select), on_error=self._failed)

    def _fill_sets(self, sets, select: int | None = None) -> None:
        keep = select if select is not None else self.set_picker.currentData()
        self.sets = list(sets)
        self.set_picker.clear()
        for s in self.sets:
            name = self.tr("Built-in scenarios (demo data)") if s.builtin else s.name
            self.set_picker.addItem(f"{name} ({len(s.items)})", s.id)
        if keep is not None and self.set_picker.findData(keep) >= 0:
            self.set_picker.setCurrentIndex(self.set_picker.findData(keep))
        self._update_buttons()

    def new_set(self) -> DrillSetDialog:
        """Open the "New drill set" dialog (window-modal); a created set is listed and chosen at once."""
        dialog = DrillSetDialog(self.ctx, self.tr("Built-in scenarios (demo data)"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda set_id: self.refresh_sets(select=set_id))
        self.set_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "set_dialog", None))
        dialog.open()
        return dialog

    def start(self) -> None:
        chosen = next((s for s in self.sets if s.id == self.set_picker.currentData()), None)
        if chosen is None:
            return
        self.items = list(chosen.items)
        self.index = 0
        self._load_item()

    def next_item(self) -> None:
        if self.items:
            self.index = (self.index + 1) % len(self.items)
            self._load_item()

    def _load_item(self) -> None:
        item = self.items[self.index]
        self.brief, self.pin, self.result = None, None, None
        self.reveal.clear()
        self.follower.clear()
        self.follower.show_area(None, [])
        self.pin_label.setText(self.tr("Click the map where you think the caller is."))
        self.progress_label.setText(self.tr("Drill %1 of %2").replace("%1", str(self.index + 1))
                                    .replace("%2", str(len(self.items))))
        self.ctx.worker.submit(drill_brief, self.ctx.db, item, self.ctx.kora, on_done=self._show_brief,
                               on_error=self._failed)
        self._update_buttons()
        self.itemStarted.emit()

    def _show_brief(self, brief) -> None:
        self.brief = brief
        lang = self.ctx.lang
        self.call_time.setText(self.tr("Call received %1 (Beijing time)").replace("%1", beijing_text(brief.call_at, False)))
        self.call_meta.setText(self.tr("%1 · %2 · party of %3").replace("%1", codes.label(codes.CHANNELS, brief.channel, lang))
                               .replace("%2", self._language(brief.language)).replace("%3", str(brief.party_size)))
        self.call_words.setText(f"“{brief.text}”")
        self.weather.setText(self.tr("Weather: %1").replace("%1", brief.weather_note or self.tr("no note logged")))
        self._update_buttons()

    def _language(self, code: str) -> str:
        return {"zh": self.tr("Chinese"), "en": self.tr("English"), "bo": self.tr("Tibetan")}.get(code, code)

    # --- the answer ----------------------------------------------------------------------
    def place_pin(self, lon: float, lat: float) -> None:
        """The trainee's click on the map (ignored once the answer is revealed)."""
        if self.brief is None or self.result is not None:
            return
        self.pin = (lon, lat)
        km, off = self.ctx.kora.chainage_of(lon, lat)
        self.pin_label.setText(self.tr("Pin at %1 (%2 m from the trail)").replace("%1", km_text(km))
                               .replace("%2", f"{off:.0f}"))
        self._draw_answer()
        self._update_buttons()

    def area_km(self) -> list[tuple[float, float]]:
        km = self.ctx.kora.chainage_of(*self.pin)[0]
        w = self.half_width.value()
        kora = self.ctx.kora
        return [(kora.wrap(km - w), kora.wrap(km + w))]

    def _draw_answer(self) -> None:
        if self.pin is not None and self.result is None:
            self.follower.show_area(self.pin, self.area_km())

    def submit(self) -> None:
        if self.brief is None or self.pin is None:
            return
        trainee = self.trainee.text().strip()
        if not trainee:
            self.reveal.setText(self.tr("Enter the trainee's name first."))
            self.trainee.setFocus()
            return
        db, actor, kora = self.ctx.db, self.ctx.actor, self.ctx.kora
        item, pin, area, approach = self.brief.item, self.pin, self.area_km(), self.approach.currentData()
        set_id = self.set_picker.currentData()

        def run():
            result = submit_attempt(db, actor, trainee, item, pin, area, approach, set_id, kora)
            paths = [m.path_lonlat() for m in Replay(result.story, kora).motions]
            return result, paths

        self.submit_btn.setEnabled(False)
        self.ctx.worker.submit(run, on_done=self._revealed, on_error=self._failed)

    def _revealed(self, payload) -> None:
        result, paths = payload
        self.result = result
        s = result.score
        labels = {ident: (zh if self.ctx.lang == "zh" else en) for ident, en, zh in approach_choices(self.ctx.kora)}
        lines = [
            self.tr("Score: %1 / 100").replace("%1", f"{s.score:.0f}"),
            self.tr("The caller was at %1; your pin was %2 km away along the trail.")
                .replace("%1", km_text(s.truth_km)).replace("%2", f"{s.distance_error_km:.2f}"),
            self.tr("The person was inside your search stretch.") if s.truth_inside_area
            else self.tr("The person was outside your search stretch."),
            self.tr("Your approach reaches them in %1 min; the best (%2) in %3 min: %4 min lost.")
                .replace("%1", f"{s.eta_chosen_min:.0f}").replace("%2", labels.get(s.best_approach_id, s.best_approach_id))
                .replace("%3", f"{s.eta_best_min:.0f}").replace("%4", f"{s.eta_error_min:.0f}"),
        ]
        if result.first_estimate_km is not None:
            lines.append(self.tr("The desk's first estimate was %1.").replace("%1", km_text(result.first_estimate_km)))
        if result.team_approach:
            a = result.team_approach
            way = self.tr("clockwise") if a.get("direction") == "cw" else self.tr("counter-clockwise")
            lines.append(self.tr("The team drove to the road end at %1 and walked %2.")
                         .replace("%1", km_text(a.get("road_end_km"))).replace("%2", way))
        if result.team_minutes_to_scene is not None:
            lines.append(self.tr("They reached the scene %1 min after the call.")
                         .replace("%1", f"{result.team_minutes_to_scene:.0f}"))
        self.reveal.setText("\n".join(lines))
        self.follower.show_truth(result.truth_lonlat, paths)
        self._update_buttons()
        self.revealed.emit(*result.truth_lonlat)
        self.attemptSaved.emit(self.trainee.text().strip())

    def _failed(self, exc: BaseException) -> None:
        self.reveal.setText(str(exc))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.start_btn.setEnabled(bool(self.sets))
        self.next_btn.setEnabled(bool(self.items))
        self.submit_btn.setEnabled(self.brief is not None and self.pin is not None and self.result is None)
