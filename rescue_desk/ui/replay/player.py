"""The replay player's state: a playhead over a ``Replay`` that plays at ×1 to ×600, pauses, steps from
entry to entry and scrubs. No widgets here; the panel and the map follow ``frameChanged``."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from rescue_desk.domain.replay import Frame, Replay

SPEEDS = (1, 10, 60, 120, 300, 600)
TICK_MS = 40


class ReplayPlayer(QObject):
    """Owns the playhead (seconds since the first entry). GUI thread only."""

    frameChanged = Signal(object)  # Frame
    playingChanged = Signal(bool)
    loaded = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.replay: Replay | None = None
        self.position_s = 0.0
        self.speed = 60
        self.frame: Frame | None = None
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last_tick = 0.0

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def duration_s(self) -> float:
        return self.replay.duration_s if self.replay else 0.0

    def load(self, replay: Replay | None) -> None:
        self.pause()
        self.replay = replay
        self.position_s = 0.0
        self.frame = None
        self.loaded.emit()
        if replay is not None:
            self.seek(0.0)

    def set_speed(self, speed: int) -> None:
        if speed not in SPEEDS:
            raise ValueError(f"speed must be one of {SPEEDS}")
        self.speed = speed

    def play(self) -> None:
        if self.replay is None:
            return
        if self.position_s >= self.duration_s:
            self.seek(0.0)
        self._last_tick = time.monotonic()
        self._timer.start()
        self.playingChanged.emit(True)

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.playingChanged.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def seek(self, seconds: float) -> Frame | None:
        """Move the playhead (clamped to the replay) and announce the new frame."""
        if self.replay is None:
            return None
        self.position_s = min(max(0.0, float(seconds)), self.duration_s)
        self.frame = self.replay.frame_at(self.position_s)
        self.frameChanged.emit(self.frame)
        return self.frame

    def seek_entry(self, index: int) -> None:
        if self.replay is None or not self.replay.entries:
            return
        index = min(max(0, index), len(self.replay.entries) - 1)
        self.seek((self.replay.entries[index].at - self.replay.start).total_seconds())

    def step(self, direction: int = 1) -> None:
        """Jump to the next (+1) or previous (-1) entry's time."""
        if self.replay is None:
            return
        times = [(e.at - self.replay.start).total_seconds() for e in self.replay.entries]
        if direction > 0:
            later = [t for t in times if t > self.position_s + 0.5]
            self.seek(later[0] if later else self.duration_s)
        else:
            earlier = [t for t in times if t < self.position_s - 0.5]
            self.seek(earlier[-1] if earlier else 0.0)

    def _tick(self) -> None:
        now = time.monotonic()
        dt, self._last_tick = now - self._last_tick, now
        self.seek(self.position_s + dt * self.speed)
        if self.position_s >= self.duration_s:
            self.pause()
