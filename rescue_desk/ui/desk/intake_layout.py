"""The intake form's widgets and how they are laid out: caller details, the words, the estimate, the position, the link,
and Save kept in sight at the bottom; the banner that offers a call left unsaved."""

from __future__ import annotations

from PySide6.QtCore import QSize, QStringListModel, Qt
from PySide6.QtWidgets import (QComboBox, QCompleter, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from rescue_desk.domain import codes

from ..text import translate
from .suggestion_chips import SuggestionChips
from .widgets import MessageLabel, TimeEdit, code_combo, select_code

LANGUAGES = ("zh", "en", "bo", "hi", "other")



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


class WordsEdit(QPlainTextEdit):
    """The caller's words: four lines to start with (the form fits a small screen), taller when there is room."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * 4 + 14)


def _pair(first: QWidget, label: str, second: QWidget) -> QHBoxLayout:
    """Two short fields on one form row (the second with its own label)."""
    for box in (first, second):  # as narrow as the dock needs; the open list still shows whole names
        if isinstance(box, QComboBox):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(5)
    row = QHBoxLayout()
    row.addWidget(first, 1)
    row.addWidget(QLabel(label))
    row.addWidget(second, 1)
    return row


def lay_out_intake(form, now_btn, clear_pos, clear_btn) -> None:
    """Put the intake's widgets (attributes of ``form``) in their places."""
    fields = QFormLayout()
    row = QHBoxLayout()
    row.addWidget(form.received, 1)
    row.addWidget(now_btn)
    for label, field in ((translate("IntakeForm", "Received"), row),
                         (translate("IntakeForm", "Channel"), _pair(form.channel, translate("IntakeForm", "Language"), form.language)),
                         (translate("IntakeForm", "Caller"), form.caller_name), (translate("IntakeForm", "Phone"), form.caller_phone),
                         (translate("IntakeForm", "Party size"), _pair(form.party, translate("IntakeForm", "Severity"), form.severity)),
                         (translate("IntakeForm", "Category"), form.category)):
        fields.addRow(label, field)
    inner = QWidget()
    lay = QVBoxLayout(inner)
    lay.addWidget(form.draft_banner)
    lay.addLayout(fields)
    lay.addWidget(QLabel(translate("IntakeForm", "Caller's words")))
    lay.addWidget(form.text, 2)
    # what to ask and the suggestions first: on a 1366×768 screen they stay in sight while typing
    for w in (form.question_label, form.suggestions, form.estimate_label, form.readings_label, form.accept_btn,
              form.datum):
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
    form.scroll = scroll
    outer = QVBoxLayout(form)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll, 1)
    outer.addWidget(form.message)  # the message and Save stay in sight however long the form
    outer.addLayout(btns)
    # wide enough for the form's own minimum beside the scroll bar: nothing is cut off on the right
    form.setMinimumWidth(max(300, inner.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
                             + 2 * scroll.frameWidth()))


def build_intake_widgets(f):
    """Create the intake's widgets as attributes of the form ``f``; returns the buttons only the layout
    needs (now, clear position, clear form)."""
    f.received = TimeEdit(object_name="receivedAt", follow_now=True)
    now_btn = QPushButton(translate("IntakeForm", "Now"), objectName="receivedNow")
    now_btn.clicked.connect(f._received_now)
    f.channel = code_combo(codes.CHANNELS, f.ctx.lang, "channel")
    f.caller_name = QLineEdit(objectName="callerName")
    f.caller_phone = QLineEdit(objectName="callerPhone")
    f.language = QComboBox(objectName="callLanguage")
    for code in LANGUAGES:
        f.language.addItem(f.texts.language_name(code), code)
    f.party = QSpinBox(objectName="partySize", minimum=-99, maximum=999, value=1)
    f.category = code_combo(codes.CATEGORIES, f.ctx.lang, "category")
    f.severity = code_combo(codes.SEVERITIES, f.ctx.lang, "severity")
    select_code(f.severity, 2)
    f.text = WordsEdit(objectName="callText", minimumHeight=70)
    f.text.setPlaceholderText(translate("IntakeForm", "The caller's words, as said (any language)"))
    f.estimate_label = QLabel(objectName="estimateText", wordWrap=True)
    f.estimate_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    f.question_label = QLabel(objectName="estimateQuestion", wordWrap=True, visible=False)
    f.question_label.setStyleSheet("font-weight: bold; color: #8a5a00;")
    f.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    f.readings_label = QLabel(objectName="estimateReadings", wordWrap=True, visible=False)
    f.suggestions = SuggestionChips({"party_size": f.party, "category": f.category, "severity": f.severity,
                                     "language": f.language}, f.ctx.lang, f.texts.language_name)
    f.accept_btn = QPushButton(translate("IntakeForm", "Accept estimate"), objectName="acceptEstimate", enabled=False)
    f.accept_btn.clicked.connect(f.accept_estimate)
    f.datum = QComboBox(objectName="datumCombo")
    f.datum.addItem(translate("IntakeForm", "Datum: from the words"), "")
    for code in codes.DATUMS:
        f.datum.addItem(codes.label(codes.DATUMS, code, f.ctx.lang), code)
    f.landmark = QLineEdit(objectName="landmarkEdit", placeholderText=translate("IntakeForm", "Pick a landmark…"))
    f.landmark_names = QStringListModel(f)
    completer = QCompleter(f.landmark_names, f)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    f.landmark.setCompleter(completer)
    completer.activated.connect(f.pick_landmark)
    f.landmark.returnPressed.connect(lambda: f.pick_landmark(f.landmark.text()))
    f.place_btn = QPushButton(translate("IntakeForm", "Place on map"), objectName="placeOnMap", checkable=True)
    f.place_btn.setToolTip(translate("IntakeForm", "Then click the map where the caller is (Esc to stop)"))
    f.place_btn.toggled.connect(f._place_toggled)
    f.position_label = QLabel(objectName="positionText", wordWrap=True)
    f.source = code_combo(codes.POSITION_SOURCES, f.ctx.lang, "positionSource")
    f.source.removeItem(f.source.findData("import"))
    clear_pos = QPushButton(translate("IntakeForm", "Clear position"), objectName="clearPosition")
    clear_pos.clicked.connect(f.session.clear_position)
    f.link = QComboBox(objectName="linkCombo")
    f.link.addItem(translate("IntakeForm", "New incident"), None)
    f.link_label = MessageLabel("linkNotice")
    f.draft_banner = DraftBanner(f.restore_draft, f.discard_draft)
    f.draft_label = f.draft_banner.label
    f.message = MessageLabel("intakeMessage")
    f.save_btn = QPushButton(translate("IntakeForm", "Save call"), objectName="saveCall", default=True)
    f.save_btn.clicked.connect(f.save)
    clear_btn = QPushButton(translate("IntakeForm", "Clear form"), objectName="clearCall")
    clear_btn.clicked.connect(f.clear_form)
    return now_btn, clear_pos, clear_btn
