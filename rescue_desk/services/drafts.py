"""Intake drafts: what the officer has typed so far, kept on disk so a crash loses nothing.

Each save writes the whole draft to a temporary file in the same folder, fsyncs it, renames it over
the draft with ``os.replace`` (atomic on POSIX and Windows) and fsyncs the folder. A process killed
at any instant therefore leaves either the previous draft or the new one, never a torn file.
The draft is tagged with the database it belongs to, so two stations never see each other's."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

DRAFT_VERSION = 1


def default_draft_path(kind: str = "intake") -> Path:
    """``<data folder>/drafts/<kind>.json`` (data folder: $RESCUE_DESK_HOME or the platform's)."""
    from rescue_desk.storage.engine import data_dir

    return data_dir() / "drafts" / f"{kind}.json"


class DraftStore:
    """One draft file. ``save`` is atomic and durable; ``load`` never raises for a bad file."""

    def __init__(self, path: str | Path, owner: str = ""):
        self.path = Path(path)
        self.owner = owner

    def save(self, fields: dict[str, Any]) -> None:
        """Write ``fields`` (JSON-serialisable) as the current draft, atomically and durably."""
        payload = {"version": DRAFT_VERSION, "owner": self.owner,
                   "saved_at": datetime.now(timezone.utc).isoformat(), "fields": fields}
        data = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        self._fsync_folder()

    def _fsync_folder(self) -> None:
        if os.name != "posix":
            return
        fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def load(self) -> dict[str, Any] | None:
        """The saved fields, or None when there is no usable draft for this owner."""
        try:
            payload = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("fields"), dict):
            return None
        if self.owner and payload.get("owner") not in ("", self.owner):
            return None
        return payload["fields"]

    def saved_at(self) -> datetime | None:
        try:
            payload = json.loads(self.path.read_text(encoding="utf-8"))
            return datetime.fromisoformat(payload["saved_at"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def clear(self) -> None:
        """Remove the draft (after the call is saved or the officer discards it)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp") if self.path.parent.exists() else ():
            try:
                stale.unlink()
            except OSError:
                pass

    def exists(self) -> bool:
        return self.load() is not None
