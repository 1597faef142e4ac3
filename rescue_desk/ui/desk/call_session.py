"""The call being taken, live: the ``CallDraft`` the form edits, the locator's estimate for its words
(on the station layer in use at the call's time, asked again whenever the sand table changes), the
position and where it came from, open incidents nearby to link to, the crash draft and the save.
No widgets: the intake form is a view of this object. GUI thread; database work on the worker."""

from __future__ import annotations

import json
import time
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from rescue_desk.domain.call_draft import CallDraft
from rescue_desk.domain.clock import utc_now
from rescue_desk.services.drafts import DraftStore
from rescue_desk.services.incidents import CallInput, Position, get_incident, log_call, nearby_open_incidents

from .locator_runner import LocatorRunner

DEBOUNCE_MS = 150
DRAFT_DEBOUNCE_MS = 250


def estimate_source(result) -> str:
    """Where the locator's answer came from: words, or a coordinate read from a phone / map app."""
    fix = next((c for c in result.used if c.kind == "coordinates"), None)
    if fix is None:
        return "words"
    return "map_app" if fix.coordinate.datum in ("gcj02", "bd09") else "phone"


def estimate_json(result) -> dict:
    rec = json.loads(json.dumps(result.to_record(), default=float))
    rec["method"] = "coordinates" if any(c.kind == "coordinates" for c in result.used) else "words"
    rec.pop("id", None)
    return rec


def nearby_summaries(db, lon: float, lat: float, at) -> list:
    """Open incidents near (lon, lat) around ``at`` (database thread)."""
    return [get_incident(db, i) for i in nearby_open_incidents(db, lon, lat, at)[:5]]


class CallSession(QObject):
    """Signals (GUI thread): ``estimateChanged(result|None)``, ``positionChanged()``,
    ``linkCandidates(list)``, ``saved(call_id, incident_id)``, ``saveFailed(exc)``, ``saving()``."""

    estimateChanged = Signal(object)
    positionChanged = Signal()
    linkCandidates = Signal(list)
    saving = Signal()
    saved = Signal(int, int)
    saveFailed = Signal(object)

    def __init__(self, ctx, drafts: DraftStore, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.drafts = drafts
        self.draft = CallDraft(received_at=utc_now())
        self.result = None  # the locator's latest placed answer, or None
        self.received_follows_now = True  # until the officer starts the call or edits the time
        self.link_versions: dict[int, int] = {}
        self.last_estimate_ms: float | None = None
        self.stopped = False
        self._typed_at = 0.0
        self._save_waiting = False
        self.locator = LocatorRunner(ctx.kora, self)
        self.locator.located.connect(self._on_located)
        self._locate_timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._locate_timer.timeout.connect(self.locate_now)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DEBOUNCE_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._link_timer = QTimer(self, singleShot=True, interval=400)
        self._link_timer.timeout.connect(self.check_nearby)
        if ctx.station is not None:
            ctx.station.changed.connect(self._station_changed)

    # --- editing ---------------------------------------------------------------------
    def received_at(self):
        return utc_now() if self.received_follows_now else self.draft.received_at

    def update(self, **changes) -> None:
        """The form changed ``changes`` (CallDraft fields): re-locate when the words, datum or time
        changed; the draft is written soon after."""
        if self.received_follows_now and "received_at" not in changes:
            changes["received_at"] = utc_now()  # the call was received when the officer started taking it
        self.received_follows_now = False
        relocate = any(k in changes for k in ("text", "datum", "received_at"))
        self.draft = replace(self.draft, **changes)
        if relocate:
            self._typed_at = time.perf_counter()
            self._locate_timer.start()
        self._draft_timer.start()

    def kora(self):
        """The kora with the station layer in use on the day of the call."""
        return self.ctx.station.kora_at(self.received_at()) if self.ctx.station else self.ctx.kora

    # --- locator ---------------------------------------------------------------------
    @property
    def locating(self) -> bool:
        return self._locate_timer.isActive() or self.locator.busy

    def locate_now(self) -> None:
        self._locate_timer.stop()
        if not self.draft.text.strip():
            self.locator.cancel()
            self._set_result(None)
            return
        self.locator.request(self.draft.text, self.received_at(), self.draft.datum or None, kora=self.kora())

    def _station_changed(self) -> None:
        if self.draft.text.strip() and not self.stopped:
            self.locate_now()

    def _on_located(self, result) -> None:
        self.last_estimate_ms = (time.perf_counter() - self._typed_at) * 1000.0
        self._set_result(result)
        if self._save_waiting and not self.locating:
            self._save_waiting = False
            self.save()

    def _set_result(self, result) -> None:
        self.result = result if result is not None and result.placed else None
        if not self.draft.position_fixed:
            if self.result is None:
                self._set_position(None)
            else:
                self._set_position((self.result.lon, self.result.lat), estimate_source(self.result), fixed=False)
        self.estimateChanged.emit(result)

    # --- position --------------------------------------------------------------------
    def _set_position(self, lonlat, source: str | None = None, fixed: bool | None = None,
                      landmark: str = "") -> None:
        pos = None if lonlat is None else (float(lonlat[0]), float(lonlat[1]))
        self.draft = replace(self.draft, position=pos, source=source or self.draft.source, landmark=landmark,
                             position_fixed=self.draft.position_fixed if fixed is None else fixed)
        self.positionChanged.emit()
        self._link_timer.start()
        self._draft_timer.start()

    def place(self, lon: float, lat: float, source: str = "officer", landmark: str = "") -> None:
        """The officer put the incident here (click, drag, landmark): fixed until cleared."""
        self.received_follows_now = False
        self._set_position((lon, lat), source, fixed=True, landmark=landmark)

    def accept_estimate(self) -> None:
        if self.result is not None:
            self._set_position((self.result.lon, self.result.lat), estimate_source(self.result), fixed=True)

    def clear_position(self) -> None:
        self._set_position(None, fixed=False)
        if self.result is not None:
            self._set_position((self.result.lon, self.result.lat), estimate_source(self.result), fixed=False)

    def set_source(self, source: str) -> None:
        self.draft = replace(self.draft, source=source)

    # --- linking ---------------------------------------------------------------------
    def check_nearby(self) -> None:
        if self.stopped:
            return
        if self.draft.position is None:
            self.link_versions = {}
            self.linkCandidates.emit([])
            return
        self.ctx.worker.submit(nearby_summaries, self.ctx.db, *self.draft.position, self.received_at(),
                               on_done=self._candidates, on_error=lambda _e: None)

    def _candidates(self, rows) -> None:
        self.link_versions = {r.id: r.version for r in rows}
        self.linkCandidates.emit(rows)

    # --- save ------------------------------------------------------------------------
    def retired_landmark(self) -> str:
        """The landmark the position was picked from, when the station no longer uses it on the call's day."""
        name = self.draft.landmark
        if not name or not self.draft.position_fixed:
            return ""
        return "" if self.kora().landmark(name) is not None else name

    def call_input(self) -> CallInput:
        d = self.draft
        datum = d.datum
        if not datum and self.result is not None:
            fix = next((c for c in self.result.used if c.kind == "coordinates"), None)
            datum = fix.coordinate.datum if fix else ""
        pos = None if d.position is None else Position(*d.position, source=d.source)
        return CallInput(received_at=self.received_at(), text=d.text.strip(), channel=d.channel,
                         caller_name=d.caller_name.strip(), caller_phone=d.caller_phone.strip(),
                         language=d.language, party_size=d.party_size, category=d.category, severity=d.severity,
                         datum=datum or "wgs84", position=pos,
                         estimate=estimate_json(self.result) if self.result is not None else None)

    def save(self) -> None:
        """Log the call on the worker; waits for the locator first when it is still reading the words."""
        if self.stopped:
            return
        if self._locate_timer.isActive():
            self.locate_now()
        if self.locator.busy:
            self._save_waiting = True
            self.saving.emit()
            return
        data = self.call_input()
        link = self.draft.link_incident
        self.saving.emit()
        self.ctx.notices.run_op(log_call, self.ctx.db, self.ctx.actor, data, link, self.link_versions.get(link),
                                on_done=self._saved, on_error=self.saveFailed.emit)

    def _saved(self, ids) -> None:
        call_id, incident_id = ids
        self.reset()
        self.saved.emit(call_id, incident_id)

    def reset(self) -> None:
        """A fresh call: the form empties, the draft file goes."""
        self._save_waiting = False
        self.locator.cancel()
        for t in (self._locate_timer, self._draft_timer, self._link_timer):
            t.stop()
        self.draft = CallDraft(received_at=utc_now())
        self.received_follows_now = True
        self.result = None
        self.link_versions = {}
        self.drafts.clear()
        self.estimateChanged.emit(None)
        self.positionChanged.emit()
        self.linkCandidates.emit([])

    # --- crash draft -----------------------------------------------------------------
    def save_draft(self) -> None:
        """Write the draft now (debounced from every edit); an empty call removes it."""
        if self.draft.is_dirty():
            self.drafts.save(self.draft.to_dict())
        else:
            self.drafts.clear()

    def pending_draft(self) -> CallDraft | None:
        saved = self.drafts.load()
        if not saved:
            return None
        draft = CallDraft.from_dict(saved, utc_now())
        return draft if (draft.text or draft.caller_name or draft.caller_phone) else None

    def restore(self, draft: CallDraft) -> None:
        self.draft = draft
        self.received_follows_now = False
        self.locator.cancel()
        self.result = None  # the estimate and suggestions on screen belong to the call being replaced
        self.estimateChanged.emit(None)
        self.positionChanged.emit()
        self.locate_now()
        self._link_timer.start()

    def shutdown(self) -> None:
        """The window is closing: write a pending draft, stop timers and the locator thread."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()
        self.stopped = True
        for t in (self._locate_timer, self._link_timer):
            t.stop()
        self.locator.shutdown()
