"""The call being taken, as plain values: what the officer has typed and chosen so far, where the
incident is placed and how sure the officer is of it. One serialisation (``to_dict``/``from_dict``)
serves the crash draft; the saved call is built from the same object."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any, Optional


@dataclass
class CallDraft:
    received_at: datetime
    text: str = ""
    channel: str = "phone"
    caller_name: str = ""
    caller_phone: str = ""
    language: str = "zh"
    party_size: int = 1
    category: str = "other"
    severity: int = 2
    datum: str = ""  # "" = as the words say (the locator reads a datum from them, else WGS84)
    landmark: str = ""  # the landmark the officer picked, if the position came from one
    position: Optional[tuple[float, float]] = None  # (lon, lat)
    position_fixed: bool = False  # the officer accepted, dragged, clicked or picked it
    source: str = "words"
    link_incident: Optional[int] = None
    extra: dict[str, Any] = field(default_factory=dict)

    def is_dirty(self) -> bool:
        """Worth keeping: the officer has written or placed something."""
        return bool(self.text.strip() or self.caller_name.strip() or self.caller_phone.strip()
                    or self.position_fixed)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["received_at"] = self.received_at.isoformat()
        d["position"] = list(self.position) if self.position else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], default_time: datetime) -> "CallDraft":
        """A draft from ``to_dict`` output; unreadable or unknown fields fall back to the defaults."""
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in known and k not in ("received_at", "position")}
        try:
            kw["received_at"] = datetime.fromisoformat(d["received_at"])
            if kw["received_at"].tzinfo is None:
                raise ValueError
        except (KeyError, TypeError, ValueError):
            kw["received_at"] = default_time
        pos = d.get("position")
        try:
            kw["position"] = (float(pos[0]), float(pos[1])) if pos else None
        except (TypeError, ValueError, IndexError):
            kw["position"] = None
        try:
            kw["party_size"] = int(kw.get("party_size") or 1)
            kw["severity"] = int(kw.get("severity") or 2)
        except (TypeError, ValueError):
            kw["party_size"], kw["severity"] = 1, 2
        for name in ("text", "channel", "caller_name", "caller_phone", "language", "category", "datum",
                     "landmark", "source"):
            if name in kw and not isinstance(kw[name], str):
                kw.pop(name)
        kw["position_fixed"] = bool(kw.get("position_fixed")) and kw["position"] is not None
        if not isinstance(kw.get("link_incident"), (int, type(None))):
            kw.pop("link_incident")
        kw.pop("extra", None)
        return cls(**kw)
