"""The editor's undo: a thin QUndoCommand around a pure station edit (services/station_edits.py).

The first ``redo`` is skipped: the edit was applied (and validated) before the command was pushed.
Later undo/redo run the stored inverse/forward edit on the database worker, in order, and swap them."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand


class EditCommand(QUndoCommand):
    """``run(edit, on_done)`` applies an edit on the database worker and calls ``on_done(inverse)``."""

    def __init__(self, text: str, forward, inverse, run: Callable):
        super().__init__(text)
        self.forward, self.inverse = forward, inverse
        self._run = run
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        edit = self.forward
        self._run(edit, lambda inv: setattr(self, "inverse", inv))

    def undo(self) -> None:
        edit = self.inverse
        self._run(edit, lambda fwd: setattr(self, "forward", fwd))
