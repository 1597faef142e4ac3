"""How the intake form is laid out: caller details, the words, the estimate, the position, the link,
and Save kept in sight at the bottom; the banner that offers a call left unsaved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget
from ..text import translate



class DraftBanner(QWidget):
    """"A call was being taken and not saved…" with Restore and Discard; hidden until offered."""

    def __init__(self, restore, discard, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.label = QLabel(wordWrap=True)
        restore_btn = QPushButton(translate("IntakeForm", "Restore"), objectName="restoreDraft")
        discard_btn = QPushButton(translate("IntakeForm", "Discard"), objectName="discardDraft")
        restore_btn.clicked.connect(restore)
        discard_btn.clicked.connect(discard)
        hb = QHBoxLayout(self)
        hb.setContentsMargins(0, 0, 0, 0)
        for w, stretch in ((self.label, 1), (restore_btn, 0), (discard_btn, 0)):
            hb.addWidget(w, stretch)
        self.hide()


def lay_out_intake(form, now_btn, clear_pos, clear_btn) -> None:
    """Put the intake's widgets (attributes of ``form``) in their places."""
    fields = QFormLayout()
    row = QHBoxLayout()
    row.addWidget(form.received, 1)
    row.addWidget(now_btn)
    for label, field in ((translate("IntakeForm", "Received"), row), (translate("IntakeForm", "Channel"), form.channel),
                         (translate("IntakeForm", "Caller"), form.caller_name), (translate("IntakeForm", "Phone"), form.caller_phone),
                         (translate("IntakeForm", "Language"), form.language), (translate("IntakeForm", "Party size"), form.party),
                         (translate("IntakeForm", "Category"), form.category), (translate("IntakeForm", "Severity"), form.severity)):
        fields.addRow(label, field)
    inner = QWidget()
    lay = QVBoxLayout(inner)
    lay.addWidget(form.draft_banner)
    lay.addLayout(fields)
    lay.addWidget(QLabel(translate("IntakeForm", "Caller's words")))
    lay.addWidget(form.text, 2)
    for w in (form.datum, form.estimate_label, form.accept_btn):
        lay.addWidget(w)
    pos_row = QHBoxLayout()
    for w, stretch in ((form.landmark, 1), (form.place_btn, 0), (clear_pos, 0)):
        pos_row.addWidget(w, stretch)
    lay.addLayout(pos_row)
    lay.addWidget(form.position_label)
    src_row = QFormLayout()
    src_row.addRow(translate("IntakeForm", "Position from"), form.source)
    src_row.addRow(translate("IntakeForm", "Link to"), form.link)
    lay.addLayout(src_row)
    lay.addWidget(form.link_label)
    lay.addStretch(1)
    btns = QHBoxLayout()
    btns.setContentsMargins(6, 0, 6, 4)
    btns.addWidget(clear_btn)
    btns.addStretch(1)
    btns.addWidget(form.save_btn)
    scroll = QScrollArea(widgetResizable=True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(inner)
    outer = QVBoxLayout(form)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll, 1)
    outer.addWidget(form.message)  # the message and Save stay in sight however long the form
    outer.addLayout(btns)
    form.setMinimumWidth(300)
