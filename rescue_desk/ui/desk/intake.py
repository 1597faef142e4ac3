"""Call intake: the form of the call being taken, a view of ``CallSession`` (the model of the call).
Edits go to the session; the estimate, the position, the nearby incidents and the save come back
from it. The map is placed on only in the map's "place the call" mode; moving a pin the officer
already accepted asks first."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from rescue_desk.services.drafts import DraftStore, default_draft_path
from rescue_desk.services.errors import ConcurrentChange, RuleError

from ..map.interaction import MapMode
from ..text import fill
from .call_session import CallSession
from .errors import error_text
from . import intake_fill
from .intake_layout import build_intake_widgets, lay_out_intake
from .intake_texts import IntakeTexts
from .save_checks import save_warning
from .widgets import mark_invalid, select_code


class IntakeForm(QWidget):
    """Emits ``callSaved(call_id, incident_id)`` and ``estimateShown()``. GUI thread."""

    callSaved = Signal(int, int)
    estimateShown = Signal()

    def __init__(self, ctx, map_ctrl, parent: QWidget | None = None, draft_store: DraftStore | None = None):
        super().__init__(parent)
        self.setObjectName("callIntake")
        self.ctx, self.map = ctx, map_ctrl
        self.texts = IntakeTexts(ctx, self)
        self.session = CallSession(ctx, draft_store or DraftStore(default_draft_path("intake"), owner=ctx.db.url), self)
        self.confirm_move = self._ask_move  # replaced in tests: (question) -> bool
        self._filling = False
        self._pending_draft = None
        self.confirm_pending = False  # the last Save only warned (save_checks); pressing it again saves
        self.save_warned: dict = {}  # what that warning was about

        now_btn, clear_pos, clear_btn = build_intake_widgets(self)
        lay_out_intake(self, now_btn, clear_pos, clear_btn)
        self._connect()
        self._station_changed()
        intake_fill.take_widget_defaults(self)
        self._show_position()
        self.offer_draft()

    def _connect(self) -> None:
        s = self.session
        self.text.textChanged.connect(lambda: self._edited(text=self.text.toPlainText()))
        self.datum.currentIndexChanged.connect(lambda _i: self._edited(datum=self.datum.currentData() or ""))
        self.received.dateTimeChanged.connect(lambda _v: self._edited(received_at=self.received.value()))
        self.caller_name.textChanged.connect(lambda t: self._edited(caller_name=t))
        self.caller_phone.textChanged.connect(lambda t: self._edited(caller_phone=t))
        for box, name in ((self.channel, "channel"), (self.language, "language"), (self.category, "category"),
                          (self.severity, "severity"), (self.link, "link_incident")):
            box.currentIndexChanged.connect(partial(self._combo_edited, box, name))
        self.source.currentIndexChanged.connect(lambda _i: self._filling or s.set_source(self.source.currentData()))
        self.party.valueChanged.connect(lambda v: self._edited(party_size=v))
        s.estimateChanged.connect(self._show_estimate)
        s.positionChanged.connect(self._show_position)
        s.linkCandidates.connect(self._set_link_candidates)
        s.saving.connect(self._saving)
        s.saved.connect(self._saved)
        s.saveFailed.connect(self._save_failed)
        self.map.pinMoved.connect(self._pin_dragged)
        self.map.interaction.register(MapMode.PLACE_CALL, self._map_clicked,
                                      on_leave=lambda: self.place_btn.setChecked(False))
        if self.ctx.station is not None:
            self.ctx.station.changed.connect(self._station_changed)

    # --- compatibility views of the session -------------------------------------------
    position = property(lambda self: self.session.draft.position)
    position_fixed = property(lambda self: self.session.draft.position_fixed)
    result = property(lambda self: self.session.result)
    locator = property(lambda self: self.session.locator)
    drafts = property(lambda self: self.session.drafts)
    last_estimate_ms = property(lambda self: self.session.last_estimate_ms)
    _locate_timer = property(lambda self: self.session._locate_timer)
    _link_versions = property(lambda self: self.session.link_versions)

    # --- edits ------------------------------------------------------------------------
    def _edited(self, **changes) -> None:
        if self._filling:
            return
        self.session.update(**changes)
        if self.received.following_now:
            self._fill(lambda: self.received.set_value(self.session.draft.received_at))

    def _combo_edited(self, box, name: str, _index: int) -> None:
        self._edited(**{name: box.currentData()})

    def _fill(self, fn) -> None:
        self._filling = True
        try:
            fn()
        finally:
            self._filling = False

    def _received_now(self) -> None:
        self.received.set_now()
        self.session.update(received_at=self.received.value())

    def _station_changed(self) -> None:
        self.landmark_names.setStringList(self.ctx.station.landmark_names(self.session.received_at())
                                          if self.ctx.station else [])

    # --- estimate and position ----------------------------------------------------------
    def _show_estimate(self, result) -> None:
        placed = self.session.result
        self.accept_btn.setEnabled(placed is not None)
        if placed is None:
            self.map.clear_estimate()
            self.estimate_label.setText("" if result is None else self.texts.cannot_place(result))
        else:
            best = (placed.lon, placed.lat)
            self.map.show_estimate(best, placed.corridor(), placed.radius_m if placed.chainage_km is None else None)
            if not self.map.view.visible_scene_rect().contains(self.map.scene_pos_of(*best)):
                self.map.center_on(*best)
            self.estimate_label.setText(self.texts.estimate_text(placed))
            self.estimate_label.setToolTip(placed.explanation(self.ctx.lang))
        for label, text in ((self.question_label, self.texts.question(placed)),
                            (self.readings_label, self.texts.readings(placed))):
            label.setText(text)
            label.setVisible(bool(text))
        self.suggestions.show_suggestions(None if result is None else result.suggestions)
        self.estimateShown.emit()

    def _show_position(self) -> None:
        d = self.session.draft
        if d.position is None:
            self.map.clear_pin()
        else:
            self.map.set_pin(*d.position)
        self._fill(lambda: select_code(self.source, d.source))
        self.position_label.setText(self.texts.position(d.position, d.position_fixed))

    def accept_estimate(self) -> None:
        self.session.accept_estimate()

    def _moving_accepted_pin(self, lon: float, lat: float) -> bool:
        """True when the move may go ahead: nothing accepted yet, or the officer says yes."""
        d = self.session.draft
        if not d.position_fixed or d.position is None:
            return True
        return self.confirm_move(self.texts.move_question(d.position, (lon, lat)))

    def _ask_move(self, question: str) -> bool:
        return QMessageBox.question(self, self.tr("Move the call's position?"), question) == \
            QMessageBox.StandardButton.Yes

    def _pin_dragged(self, lon: float, lat: float) -> None:
        if not self.isVisible() or not self._moving_accepted_pin(lon, lat):
            self._show_position()  # the pin goes back
            return
        self.session.place(lon, lat)

    def _map_clicked(self, lon: float, lat: float) -> None:
        if self._moving_accepted_pin(lon, lat):
            self.session.place(lon, lat)

    def _place_toggled(self, on: bool) -> None:
        if on:
            self.map.interaction.set_mode(MapMode.PLACE_CALL)
        else:
            self.map.interaction.leave(MapMode.PLACE_CALL)

    def pick_landmark(self, name: str) -> bool:
        """Put the position on the landmark called ``name`` (station layer of the call's day)."""
        name = name.strip()
        if not name:
            return False
        lm = self.session.kora().landmark(name)
        mark_invalid(self.landmark, lm is None)
        if lm is None:
            self.message.show_error(fill(self.tr("Unknown landmark “%1”: choose one from the list."), name))
            return False
        if not self._moving_accepted_pin(lm.lon, lm.lat):
            return False
        self.message.clear_message()
        self.session.place(lm.lon, lm.lat, landmark=name)
        return True

    def clear_position(self) -> None:
        self.session.clear_position()

    # --- linking ----------------------------------------------------------------------
    def _set_link_candidates(self, rows) -> None:
        current = self.link.currentData()
        self._fill(lambda: intake_fill.fill_links(self, rows, current))
        if rows:
            self.link_label.show_warning(self.tr("An open incident is nearby: is this the same emergency? "
                                                 "Choose it under “Link to” to add this call to it."))
        else:
            self.link_label.clear_message()
        self.session.draft.link_incident = self.link.currentData()

    # --- save -------------------------------------------------------------------------
    def save(self) -> None:
        """Check the form, then let the session save (after the estimate, if one is coming)."""
        self.confirm_pending = False
        for w in (self.received, self.party, self.category, self.channel, self.severity, self.landmark, self.text):
            mark_invalid(w, False)
        if not self.text.toPlainText().strip() and self.position is None:
            mark_invalid(self.text, True)
            return self.message.show_error(self.tr("Type the caller's words or place the incident before saving."))
        retired = self.session.retired_landmark()
        if retired:
            mark_invalid(self.landmark, True)
            return self.message.show_error(fill(self.tr("“%1” is no longer a landmark of the station (retired in the "
                                                        "sand table); place the call again."), retired))
        warning = save_warning(self)  # told once; the next Save keeps the form as it is
        self.confirm_pending = warning is not None
        if warning:
            return self.message.show_error(warning)
        self.session.save()

    def _saving(self) -> None:
        self.save_btn.setEnabled(False)
        self.message.show_info(self.tr("Waiting for the estimate…") if self.session.locating else self.tr("Saving…"))

    def _saved(self, call_id: int, incident_id: int) -> None:
        self.save_btn.setEnabled(True)
        self.clear_form(keep_message=True)
        self.message.show_info(fill(self.tr("Saved: incident #%1."), incident_id))
        self.callSaved.emit(call_id, incident_id)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_btn.setEnabled(True)
        link = self.session.draft.link_incident
        if isinstance(exc, ConcurrentChange) and link is not None:
            self.message.show_error(fill(self.tr("Not saved: incident #%1 has just been changed."), link))
            self.texts.explain_link_change(link, self.message)
            self.session.check_nearby()
            return
        if isinstance(exc, RuleError):
            fields = {"received_at": self.received, "party_size": self.party, "category": self.category,
                      "channel": self.channel, "severity": self.severity}
            mark_invalid(fields.get(exc.field or ""), True)
        self.message.show_error(error_text(exc))

    # --- draft ------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.session.draft.is_dirty()

    def fields(self) -> dict:
        return self.session.draft.to_dict()

    def save_draft(self) -> None:
        self.session.save_draft()

    def offer_draft(self) -> None:
        self._pending_draft = self.session.pending_draft()
        if self._pending_draft is not None:
            words = " ".join(self._pending_draft.text.split())[:40]
            self.draft_label.setText(fill(self.tr("A call was being taken and not saved: “%1”. Restore it?"), words))
            self.draft_banner.show()

    def restore_draft(self) -> None:
        d = self._pending_draft or self.session.pending_draft()
        self.draft_banner.hide()
        self._pending_draft = None
        if d is not None:
            self._fill(lambda: intake_fill.show_draft(self, d))
            self.session.restore(d)

    def discard_draft(self) -> None:
        self.session.drafts.clear()
        self._pending_draft = None
        self.draft_banner.hide()

    def clear_form(self, keep_message: bool = False) -> None:
        self._fill(lambda: intake_fill.clear_widgets(self))
        self.place_btn.setChecked(False)
        self.session.reset()
        intake_fill.take_widget_defaults(self)
        self.scroll.verticalScrollBar().setValue(0)  # the next call starts at its time and channel
        if not keep_message:
            self.message.clear_message()

    def start_new_call(self) -> None:
        """Ctrl+N: focus the words; a fresh form gets the current time."""
        if not self.is_dirty():
            self.received.set_now()
        self.text.setFocus()

    def shutdown(self) -> None:
        self.session.shutdown()
