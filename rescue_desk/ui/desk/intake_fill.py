"""Filling the intake form's widgets: the defaults of a fresh call, a restored draft, the incidents
to link to. Functions of the form ``f`` (an ``IntakeForm``); callers wrap them in ``f._fill`` so the
widgets' change signals do not count as the officer's edits."""

from __future__ import annotations

from ..text import translate
from .widgets import select_code


def take_widget_defaults(f) -> None:
    """A fresh call starts with what the empty form shows (first channel, category…)."""
    d = f.session.draft
    d.channel, d.language, d.category = f.channel.currentData(), f.language.currentData(), \
        f.category.currentData()
    d.severity, d.party_size, d.source = f.severity.currentData(), f.party.value(), f.source.currentData()


def show_draft(f, d) -> None:
    f.received.set_value(d.received_at)
    for box, value in ((f.channel, d.channel), (f.language, d.language), (f.category, d.category),
                       (f.severity, d.severity), (f.datum, d.datum), (f.source, d.source)):
        select_code(box, value)
    f.caller_name.setText(d.caller_name)
    f.caller_phone.setText(d.caller_phone)
    f.party.setValue(d.party_size)
    f.landmark.setText(d.landmark)
    f.text.setPlainText(d.text)


def clear_widgets(f) -> None:
    for w in (f.text, f.caller_name, f.caller_phone, f.landmark):
        w.clear()
    f.party.setValue(1)
    for box in (f.channel, f.language, f.category, f.datum):
        box.setCurrentIndex(0)
    select_code(f.severity, 2)
    f.received.set_now()


def fill_links(f, rows, current) -> None:
    f.link.clear()
    f.link.addItem(translate("IntakeForm", "New incident"), None)
    for r in rows:
        f.link.addItem(f.texts.link_item(r), r.id)
    f.link.setCurrentIndex(max(f.link.findData(current), 0))
