"""Personal data hidden at load time for viewers whose role lacks ``view_personal`` (trainers).

``Database.read()`` marks its session ``mask_personal`` when its viewer may not see personal data;
every Call, Person, CheckIn and Incident loaded in such a session gets names, phone and document
numbers replaced by ``***`` and numbers inside free text masked. Values are set as if loaded from the
database (not as changes), and only read sessions are masked, so a masked value is never written back.
Column-only queries (``select(Call.caller_phone)``) are not ORM loads and are not masked: services
that return personal columns that way must mask with ``services.access.mask_person``."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm.attributes import set_committed_value

from rescue_desk.domain.replay.privacy import scrub_text

from .models import Call, CheckIn, Incident, Person

MASK = "***"
PERSONAL = {Call: ("caller_name", "caller_phone"), Person: ("name", "phone", "document_no")}
FREE_TEXT = {Call: ("text",), Incident: ("notes",), CheckIn: ("note", "position_text")}


def _mask(target, context) -> None:
    if not context.session.info.get("mask_personal"):
        return
    cls = type(target)
    state = target.__dict__
    names = []
    for key in PERSONAL.get(cls, ()):
        value = state.get(key)
        if value:
            names.append(value)
            set_committed_value(target, key, MASK)
    for key in FREE_TEXT.get(cls, ()):
        value = state.get(key)
        if value:
            set_committed_value(target, key, scrub_text(value, names))


def install() -> None:
    """Attach the load-time masking to the personal-data classes (idempotent)."""
    for cls in (Call, Person, CheckIn, Incident):
        if not event.contains(cls, "load", _mask):
            event.listen(cls, "load", _mask)
