"""Call intake: the caller's details and words; the locator's estimate on the map as the officer
types; the officer's final position; linking to an open incident nearby; save; the crash-proof draft."""

from __future__ import annotations

import json
import time
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCompleter, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from rescue_desk.domain import codes
from rescue_desk.services.drafts import DraftStore, default_draft_path
from rescue_desk.services.errors import ConcurrentChange, ValidationError
from rescue_desk.services.incidents import CallInput, Position, get_incident, log_call, nearby_open_incidents

from .locator_runner import LocatorRunner
from .widgets import MessageLabel, TimeEdit, code_combo, mark_invalid, select_code

DEBOUNCE_MS = 150
DRAFT_DEBOUNCE_MS = 250
LANGUAGES = ("zh", "en", "bo", "hi", "other")


def _estimate_source(result) -> str:
    """Where the locator's answer came from: words, or a coordinate read from a phone / map app."""
    fix = next((c for c in result.used if c.kind == "coordinates"), None)
    if fix is None:
        return "words"
    return "map_app" if fix.coordinate.datum in ("gcj02", "bd09") else "phone"


def _estimate_json(result) -> dict:
    rec = json.loads(json.dumps(result.to_record(), default=float))
    rec["method"] = "coordinates" if any(c.kind == "coordinates" for c in result.used) else "words"
    rec.pop("id", None)
    return rec


def _nearby_rows(db, lon: float, lat: float, at: datetime) -> list:
    """Open incidents near (lon, lat) around ``at``, as board rows (database thread)."""
    return [get_incident(db, i) for i in nearby_open_incidents(db, lon, lat, at)[:5]]


class IntakeForm(QWidget):
    """The intake form. Emits ``callSaved(call_id, incident_id)``. All database work on ``ctx.worker``."""

    callSaved = Signal(int, int)
    estimateShown = Signal()

    def __init__(self, ctx, map_ctrl, parent: QWidget | None = None, draft_store: DraftStore | None = None):
        super().__init__(parent)
        self.setObjectName("callIntake")
        self.ctx, self.map = ctx, map_ctrl
        lang = ctx.lang
        self.result = None
        self.position: tuple[float, float] | None = None
        self.position_fixed = False  # True once the officer accepted, dragged, clicked or picked
        self.last_estimate_ms: float | None = None
        self._typed_at = 0.0
        self._restoring = False
        self._stopped = False
        self.drafts = draft_store or DraftStore(default_draft_path("intake"), owner=ctx.db.url)
        self.locator = LocatorRunner(ctx.kora, self)
        self.locator.located.connect(self._on_located)

        self.received = TimeEdit(object_name="receivedAt", follow_now=True)
        now_btn = QPushButton(self.tr("Now"))
        now_btn.clicked.connect(self.received.set_now)
        self.channel = code_combo(codes.CHANNELS, lang, "channel")
        self.caller_name = QLineEdit(objectName="callerName")
        self.caller_phone = QLineEdit(objectName="callerPhone")
        self.language = QComboBox(objectName="callLanguage")
        names = {"zh": self.tr("Chinese"), "en": self.tr("English"), "bo": self.tr("Tibetan"),
                 "hi": self.tr("Hindi"), "other": self.tr("Other language")}
        for code in LANGUAGES:
            self.language.addItem(names[code], code)
        self.party = QSpinBox(objectName="partySize")
        self.party.setRange(-99, 999)
        self.party.setValue(1)
        self.category = code_combo(codes.CATEGORIES, lang, "category")
        self.severity = code_combo(codes.SEVERITIES, lang, "severity")
        select_code(self.severity, 2)
        self.text = QPlainTextEdit(objectName="callText")
        self.text.setPlaceholderText(self.tr("The caller's words, as said (any language)"))
        self.text.setMinimumHeight(70)
        self.estimate_label = QLabel(objectName="estimateText")
        self.estimate_label.setWordWrap(True)
        self.estimate_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_btn = QPushButton(self.tr("Accept estimate"), objectName="acceptEstimate")
        self.accept_btn.setEnabled(False)
        self.accept_btn.clicked.connect(self.accept_estimate)
        self.datum = QComboBox(objectName="datumCombo")
        self.datum.addItem(self.tr("Datum: from the words"), "")
        for code in codes.DATUMS:
            self.datum.addItem(codes.label(codes.DATUMS, code, lang), code)
        self.landmark = QLineEdit(objectName="landmarkEdit")
        self.landmark.setPlaceholderText(self.tr("Pick a landmark…"))
        names = sorted({n for n, _lang, _id in ctx.kora.gazetteer.names()})
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.landmark.setCompleter(completer)
        completer.activated.connect(lambda name: self.pick_landmark(name))
        self.landmark.returnPressed.connect(lambda: self.pick_landmark(self.landmark.text()))
        self.position_label = QLabel(objectName="positionText")
        self.position_label.setWordWrap(True)
        self.source = code_combo(codes.POSITION_SOURCES, lang, "positionSource")
        self.source.removeItem(self.source.findData("import"))
        clear_pos = QPushButton(self.tr("Clear position"))
        clear_pos.clicked.connect(self.clear_position)
        self.link = QComboBox(objectName="linkCombo")
        self.link.addItem(self.tr("New incident"), None)
        self.link_label = MessageLabel("linkNotice")
        self.draft_banner = QWidget(objectName="draftBanner")
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        restore = QPushButton(self.tr("Restore"), objectName="restoreDraft")
        discard = QPushButton(self.tr("Discard"), objectName="discardDraft")
        restore.clicked.connect(self.restore_draft)
        discard.clicked.connect(self.discard_draft)
        hb = QHBoxLayout(self.draft_banner)
        hb.setContentsMargins(0, 0, 0, 0)
        hb.addWidget(self.draft_label, 1)
        hb.addWidget(restore)
        hb.addWidget(discard)
        self.draft_banner.hide()
        self.message = MessageLabel("intakeMessage")
        self.save_btn = QPushButton(self.tr("Save call"), objectName="saveCall")
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        clear_btn = QPushButton(self.tr("Clear form"), objectName="clearCall")
        clear_btn.clicked.connect(self.clear_form)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.received, 1)
        row.addWidget(now_btn)
        form.addRow(self.tr("Received"), row)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Caller"), self.caller_name)
        form.addRow(self.tr("Phone"), self.caller_phone)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Party size"), self.party)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Severity"), self.severity)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.addWidget(self.draft_banner)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Caller's words")))
        lay.addWidget(self.text, 2)
        lay.addWidget(self.datum)
        lay.addWidget(self.estimate_label)
        lay.addWidget(self.accept_btn)
        pos_row = QHBoxLayout()
        pos_row.addWidget(self.landmark, 1)
        pos_row.addWidget(clear_pos)
        lay.addLayout(pos_row)
        lay.addWidget(self.position_label)
        src_row = QFormLayout()
        src_row.addRow(self.tr("Position from"), self.source)
        src_row.addRow(self.tr("Link to"), self.link)
        lay.addLayout(src_row)
        lay.addWidget(self.link_label)
        lay.addStretch(1)
        btns = QHBoxLayout()
        btns.setContentsMargins(6, 0, 6, 4)
        btns.addWidget(clear_btn)
        btns.addStretch(1)
        btns.addWidget(self.save_btn)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.message)  # the message and Save stay in sight however long the form
        outer.addLayout(btns)
        self.setMinimumWidth(320)

        self._locate_timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._locate_timer.timeout.connect(self._run_locator)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DEBOUNCE_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._link_timer = QTimer(self, singleShot=True, interval=400)
        self._link_timer.timeout.connect(self._check_nearby)
        self._link_versions: dict[int, int] = {}  # incident id -> the version the "Link to" list shows
        self.text.textChanged.connect(self._text_changed)
        self.datum.currentIndexChanged.connect(lambda _i: self._text_changed())
        self.received.dateTimeChanged.connect(lambda _v: self._edited())
        for w in (self.caller_name, self.caller_phone):
            w.textChanged.connect(lambda _t: self._edited())
        for w in (self.channel, self.language, self.category, self.severity, self.source, self.link):
            w.currentIndexChanged.connect(lambda _i: self._edited())
        self.party.valueChanged.connect(lambda _v: self._edited())
        map_ctrl.pinMoved.connect(self._pin_dragged)
        map_ctrl.mapClicked.connect(self._map_clicked)
        self._update_position_label()
        self.offer_draft()

    # --- locator ----------------------------------------------------------------------
    def _text_changed(self) -> None:
        self._typed_at = time.perf_counter()
        self._locate_timer.start()
        self._edited()

    def _run_locator(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self.locator.cancel()
            self._show_result(None)
            return
        self.locator.request(text, self.received.value(), self.datum.currentData() or None)

    def _on_located(self, result) -> None:
        self.last_estimate_ms = (time.perf_counter() - self._typed_at) * 1000.0
        self._show_result(result)

    def _show_result(self, result) -> None:
        self.result = result if result is not None and result.placed else None
        if self.result is None:
            self.map.clear_estimate()
            self.accept_btn.setEnabled(False)
            if not self.position_fixed:
                self._set_position(None)
            self.estimate_label.setText("" if result is None else
                                        self.tr("Cannot place yet: %1").replace("%1", result.explanation()))
            self.estimateShown.emit()
            return
        r = self.result
        best = (r.lon, r.lat)
        radius = r.radius_m if r.chainage_km is None else None
        self.map.show_estimate(best, r.corridor(), radius)
        if not self.map.view.visible_scene_rect().contains(self.map.scene_pos_of(*best)):
            self.map.center_on(*best)
        details = r.explanation().split("\n")
        self.estimate_label.setText("\n".join([self.summary(r)] + details[1:]))
        self.estimate_label.setToolTip(r.explanation())
        self.accept_btn.setEnabled(True)
        if not self.position_fixed:
            self._set_position(best, _estimate_source(r))
        self.estimateShown.emit()

    def summary(self, r) -> str:
        """One line in the officer's language: where the estimate is and how sure it is."""
        kora, zh = self.ctx.kora, self.ctx.lang == "zh"
        if r.chainage_km is None:
            return self.tr("Estimate: a point %1 m off the trail (± %2 m)").replace("%1", f"{r.offset_m or 0:.0f}") \
                .replace("%2", f"{r.radius_m or 0:.0f}")
        seg = kora.segment_at(r.chainage_km)
        text = self.tr("Estimate: km %1 (%2); 90 % within %3 km").replace("%1", f"{r.chainage_km:.2f}") \
            .replace("%2", seg.label_zh if zh else seg.label_en).replace("%3", f"{r.interval_length_km():.1f}")
        if r.conflicts:
            text += self.tr(" — the clues disagree, check with the caller")
        return text

    # --- position ---------------------------------------------------------------------
    def _set_position(self, lonlat, source: str | None = None) -> None:
        self.position = None if lonlat is None else (float(lonlat[0]), float(lonlat[1]))
        if self.position is None:
            self.map.clear_pin()
        else:
            self.map.set_pin(*self.position)
        if source:
            select_code(self.source, source)
        self._update_position_label()
        self._link_timer.start()
        self._edited()

    def _update_position_label(self) -> None:
        if self.position is None:
            self.position_label.setText(self.tr("No position yet: type the caller's words, pick a landmark "
                                                "or click the map."))
            return
        km, off = self.ctx.kora.chainage_of(*self.position)
        lm = self.ctx.kora.nearest_landmark(km)
        name = lm.short_zh if self.ctx.lang == "zh" else lm.short_en
        text = self.tr("Position %1, %2 — km %3 near %4").replace("%1", f"{self.position[1]:.5f}") \
            .replace("%2", f"{self.position[0]:.5f}").replace("%3", f"{km:.2f}").replace("%4", name)
        if off > 100:
            text += " " + self.tr("(%1 m off the trail)").replace("%1", f"{off:.0f}")
        if self.position_fixed:
            text += " ✓"
        self.position_label.setText(text)

    def accept_estimate(self) -> None:
        if self.result is None:
            return
        self.position_fixed = True
        self._set_position((self.result.lon, self.result.lat), _estimate_source(self.result))

    def _pin_dragged(self, lon: float, lat: float) -> None:
        if not self.isVisible():
            return
        self.position_fixed = True
        self._set_position((lon, lat), "officer")

    def _map_clicked(self, lon: float, lat: float) -> None:
        if not self.isVisible() or not self.is_dirty():
            return
        self.position_fixed = True
        self._set_position((lon, lat), "officer")

    def pick_landmark(self, name: str) -> bool:
        """Put the position on the landmark called ``name``; an inline error when there is none."""
        name = name.strip()
        if not name:
            return False
        lm = self.ctx.kora.landmark(name)
        if lm is None:
            mark_invalid(self.landmark, True)
            self.message.show_error(self.tr("Unknown landmark “%1”: choose one from the list.").replace("%1", name))
            return False
        mark_invalid(self.landmark, False)
        self.message.clear_message()
        self.position_fixed = True
        self._set_position((lm.lon, lm.lat), "officer")
        return True

    def clear_position(self) -> None:
        self.position_fixed = False
        self._set_position(None)
        if self.result is not None:
            self._set_position((self.result.lon, self.result.lat), _estimate_source(self.result))

    # --- linking ----------------------------------------------------------------------
    def _check_nearby(self) -> None:
        if self._stopped:
            return
        if self.position is None:
            self._set_link_candidates([])
            return
        lon, lat = self.position
        self.ctx.worker.submit(_nearby_rows, self.ctx.db, lon, lat, self.received.value(),
                               on_done=self._set_link_candidates, on_error=lambda _e: None)

    def _set_link_candidates(self, rows) -> None:
        self._link_versions = {r.id: r.version for r in rows}
        current = self.link.currentData()
        self.link.blockSignals(True)
        self.link.clear()
        self.link.addItem(self.tr("New incident"), None)
        for r in rows:
            cat = codes.label(codes.CATEGORIES, r.category, self.ctx.lang)
            km = "" if r.chainage_km is None else f" km {r.chainage_km:.1f}"
            self.link.addItem(self.tr("Incident #%1 (%2%3)").replace("%1", str(r.id)).replace("%2", cat)
                              .replace("%3", km), r.id)
        i = self.link.findData(current)
        self.link.setCurrentIndex(max(i, 0))
        self.link.blockSignals(False)
        if rows:
            self.link_label.show_warning(self.tr("An open incident is nearby: is this the same emergency? "
                                                 "Choose it under “Link to” to add this call to it."))
        else:
            self.link_label.clear_message()

    # --- save -------------------------------------------------------------------------
    def call_input(self) -> CallInput:
        datum = self.datum.currentData() or ""
        if not datum and self.result is not None:
            fix = next((c for c in self.result.used if c.kind == "coordinates"), None)
            datum = fix.coordinate.datum if fix else ""
        pos = None if self.position is None else Position(*self.position, source=self.source.currentData())
        return CallInput(received_at=self.received.value(), text=self.text.toPlainText().strip(),
                         channel=self.channel.currentData(), caller_name=self.caller_name.text().strip(),
                         caller_phone=self.caller_phone.text().strip(), language=self.language.currentData(),
                         party_size=self.party.value(), category=self.category.currentData(),
                         severity=self.severity.currentData(), datum=datum or "wgs84",
                         estimate=_estimate_json(self.result) if self.result is not None else None, position=pos)

    def save(self) -> None:
        """Validate and submit ``log_call`` on the database worker; the form is kept on any error."""
        if self._stopped:
            return
        for w in (self.received, self.party, self.category, self.channel, self.severity, self.landmark):
            mark_invalid(w, False)
        if not self.text.toPlainText().strip() and self.position is None:
            self.message.show_error(self.tr("Type the caller's words or place the incident before saving."))
            mark_invalid(self.text, True)
            return
        mark_invalid(self.text, False)
        data = self.call_input()
        self.save_btn.setEnabled(False)
        self.message.show_info(self.tr("Saving…"))
        link = self.link.currentData()
        self.ctx.worker.submit(log_call, self.ctx.db, self.ctx.actor, data, link, self._link_versions.get(link),
                               on_done=self._saved, on_error=self._save_failed)

    def _saved(self, ids) -> None:
        call_id, incident_id = ids
        self.save_btn.setEnabled(True)
        self.drafts.clear()
        self.clear_form(keep_message=True)
        self.message.show_info(self.tr("Saved: incident #%1.").replace("%1", str(incident_id)))
        self.ctx.bridge.incident_changed(incident_id)
        self.callSaved.emit(call_id, incident_id)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_btn.setEnabled(True)
        fields = {"received_at": self.received, "party_size": self.party, "category": self.category,
                  "channel": self.channel, "severity": self.severity}
        link = self.link.currentData()
        if isinstance(exc, ConcurrentChange) and link is not None:
            self.message.show_error(self.tr("Not saved: incident #%1 has just been changed.")
                                    .replace("%1", str(link)))
            self.ctx.worker.submit(get_incident, self.ctx.db, link, on_done=self._show_link_change,
                                   on_error=lambda _e: None)
            self._check_nearby()
        elif isinstance(exc, ValidationError):
            mark_invalid(fields.get(exc.field or ""), True)
            self.message.show_error(self._translate_error(exc))
        else:
            self.message.show_error(self.tr("Not saved: %1").replace("%1", str(exc)))

    def _show_link_change(self, row) -> None:
        """Name what changed on the incident this call was to be linked to (the form keeps the call)."""
        status = codes.label(codes.STATUSES, row.status, self.ctx.lang)
        if row.chainage_km is None:
            where = self.tr("not placed")
        else:
            lm = self.ctx.kora.nearest_landmark(row.chainage_km)
            where = f"km {row.chainage_km:.1f} · {lm.short_zh if self.ctx.lang == 'zh' else lm.short_en}"
        self.message.show_error(self.tr("Not saved: incident #%1 has just been changed — it is now “%2” (%3). "
                                        "Check it, then save the call again; what you typed is kept.")
                                .replace("%1", str(row.id)).replace("%2", status).replace("%3", where))

    def _translate_error(self, exc: ValidationError) -> str:
        if exc.field == "received_at" and "future" in str(exc):
            return self.tr("The received time is in the future; correct it.")
        if exc.field == "party_size":
            return self.tr("Party size must be at least 1.")
        return self.tr("Not saved: %1").replace("%1", str(exc))

    # --- draft ------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return bool(self.text.toPlainText().strip() or self.caller_name.text().strip()
                    or self.caller_phone.text().strip() or self.position_fixed)

    def _edited(self) -> None:
        if not self._restoring:
            self.received.freeze()  # the call was received when the officer started taking it
            self._draft_timer.start()

    def fields(self) -> dict:
        return {"received_at": self.received.value().isoformat(), "channel": self.channel.currentData(),
                "caller_name": self.caller_name.text(), "caller_phone": self.caller_phone.text(),
                "language": self.language.currentData(), "party_size": self.party.value(),
                "category": self.category.currentData(), "severity": self.severity.currentData(),
                "text": self.text.toPlainText(), "datum": self.datum.currentData(),
                "landmark": self.landmark.text(), "position": list(self.position) if self.position else None,
                "position_fixed": self.position_fixed, "source": self.source.currentData()}

    def save_draft(self) -> None:
        """Write the draft now (debounced from every edit); an empty form removes it."""
        if self.is_dirty():
            self.drafts.save(self.fields())
        else:
            self.drafts.clear()

    def offer_draft(self) -> None:
        saved = self.drafts.load()
        if not saved or not (saved.get("text") or saved.get("caller_name") or saved.get("caller_phone")):
            return
        self._pending_draft = saved
        words = " ".join((saved.get("text") or "").split())[:40]
        self.draft_label.setText(self.tr("A call was being taken and not saved: “%1”. Restore it?")
                                 .replace("%1", words))
        self.draft_banner.show()

    def restore_draft(self) -> None:
        f = getattr(self, "_pending_draft", None) or self.drafts.load() or {}
        self._restoring = True
        try:
            try:
                self.received.set_value(datetime.fromisoformat(f["received_at"]))
            except (KeyError, TypeError, ValueError):
                pass
            for box, key in ((self.channel, "channel"), (self.language, "language"), (self.category, "category"),
                             (self.severity, "severity"), (self.datum, "datum"), (self.source, "source")):
                select_code(box, f.get(key))
            self.caller_name.setText(f.get("caller_name", ""))
            self.caller_phone.setText(f.get("caller_phone", ""))
            self.party.setValue(int(f.get("party_size") or 1))
            self.landmark.setText(f.get("landmark", ""))
            self.text.setPlainText(f.get("text", ""))
            if f.get("position_fixed") and f.get("position"):
                self.position_fixed = True
                self._set_position(tuple(f["position"]), f.get("source"))
        finally:
            self._restoring = False
        self.draft_banner.hide()
        self._pending_draft = None
        self._run_locator()

    def discard_draft(self) -> None:
        self.drafts.clear()
        self._pending_draft = None
        self.draft_banner.hide()

    def clear_form(self, keep_message: bool = False) -> None:
        self._restoring = True
        try:
            self.text.clear()
            self.caller_name.clear()
            self.caller_phone.clear()
            self.landmark.clear()
            self.party.setValue(1)
            self.channel.setCurrentIndex(0)
            self.language.setCurrentIndex(0)
            self.category.setCurrentIndex(0)
            select_code(self.severity, 2)
            self.datum.setCurrentIndex(0)
            self.received.set_now()
            self.position_fixed = False
            self.locator.cancel()
            self._locate_timer.stop()
            self._show_result(None)
            self._set_link_candidates([])
        finally:
            self._restoring = False
        self.drafts.clear()
        if not keep_message:
            self.message.clear_message()

    def start_new_call(self) -> None:
        """Ctrl+N: focus the words; a fresh form gets the current time."""
        if not self.is_dirty():
            self.received.set_now()
        self.text.setFocus()

    def shutdown(self) -> None:
        """The window is closing: write a pending draft, stop timers and the locator thread."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()
        self._stopped = True
        for t in (self._locate_timer, self._link_timer):
            t.stop()
        self.locator.shutdown()
