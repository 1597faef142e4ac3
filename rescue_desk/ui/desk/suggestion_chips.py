"""The rest of the call form read from the caller's words (party size, category, severity, language),
shown under the estimate as buttons the officer clicks to apply: nothing is written into the form
without that click. A suggestion the form already holds is shown ticked and disabled. Apply all
(Ctrl+Shift+A) takes every open one; Undo puts back what the last apply changed.

The chips show the suggestions of the result they were given and nothing else: the intake gives
them each estimate of the call being taken, and None when the call changes, so a previous call's
suggestions never stay on screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from rescue_desk.domain import codes
from rescue_desk.domain.locator.suggestions import SEVERITY_HINTS

from ..flow_layout import FlowLayout
from ..text import fill, translate
from .widgets import select_code

FIELDS = ("party_size", "category", "severity", "language")
CHIP_NAMES = {"party_size": "suggestPartySize", "category": "suggestCategory", "severity": "suggestSeverity",
              "language": "suggestLanguage"}
CHIP_STYLE = ("QPushButton { border: 1px solid #6b8fb5; border-radius: 10px; padding: 2px 8px; background: #eef4fb; }"
              "QPushButton:hover { background: #d9e7f7; }"
              "QPushButton:disabled { border-color: #b9c9b9; background: #f1f6f1; color: #4d6b4d; }")


@dataclass(frozen=True)
class Chip:
    field: str
    value: object
    text: str  # in the officer's language
    words: str  # the caller's words it was read from


def chips_for(suggestions, lang: str, language_name) -> list[Chip]:
    """The chips for ``suggestions`` (locator ``Suggestions`` or None) in ``lang``; ``language_name``
    names a form language code in the officer's language."""
    if suggestions is None:
        return []
    out = []
    party = suggestions.party_size
    if party is not None:
        text = translate("SuggestionChips", "1 person") if party.value == 1 else \
            fill(translate("SuggestionChips", "%1 people"), party.value)
        out.append(Chip("party_size", party.value, text, party.words))
    cat = suggestions.category
    if cat is not None and cat.value in codes.CATEGORIES:
        out.append(Chip("category", cat.value, codes.label(codes.CATEGORIES, cat.value, lang), cat.words))
    sev = suggestions.severity
    if sev is not None and sev.value in codes.SEVERITIES:
        hints = [SEVERITY_HINTS[h.value][0 if lang == "zh" else 1] for h in suggestions.severity_hints
                 if h.value in SEVERITY_HINTS]
        words = "; ".join(h.words for h in suggestions.severity_hints) or sev.words
        level = codes.label(codes.SEVERITIES, sev.value, lang)
        joined = ("、" if lang == "zh" else ", ").join(hints)
        text = fill(translate("SuggestionChips", "%1: %2"), level, joined) if hints else level
        out.append(Chip("severity", sev.value, text, words))
    language = suggestions.language
    if language is not None and language.value in ("zh", "en", "bo"):  # "mixed" has no single form value
        out.append(Chip("language", language.value, language_name(language.value), language.words))
    return out


class SuggestionChips(QWidget):
    """``show_suggestions(suggestions|None)``; the form's widgets are ``widgets[field]`` (a QSpinBox
    for the party size, code combos for the rest). GUI thread."""

    def __init__(self, widgets: dict, lang: str, language_name, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("formSuggestions")
        self.widgets, self.lang, self.language_name = widgets, lang, language_name
        self.chips: list[Chip] = []
        self._undo: dict[str, object] = {}
        self.title = QLabel(translate("SuggestionChips", "Suggested:"))
        self.buttons = {f: QPushButton(objectName=CHIP_NAMES[f]) for f in FIELDS}
        self.undo_btn = QPushButton(translate("SuggestionChips", "Undo"), objectName="undoSuggestions")
        self.undo_btn.setToolTip(translate("SuggestionChips", "Put back the values the last apply replaced"))
        self.apply_all_btn = QPushButton(translate("SuggestionChips", "Apply all"), objectName="applyAllSuggestions")
        self.apply_all_btn.setToolTip(translate("SuggestionChips", "Put every suggestion into the form (Ctrl+Shift+A)"))
        self.apply_all_btn.clicked.connect(self.apply_all)
        self.undo_btn.clicked.connect(self.undo)
        flow = FlowLayout(self)
        flow.addWidget(self.title)
        for f in FIELDS:
            b = self.buttons[f]
            b.setStyleSheet(CHIP_STYLE)
            b.clicked.connect(lambda _c=False, f=f: self.apply(f))
            flow.addWidget(b)
        flow.addWidget(self.apply_all_btn)
        flow.addWidget(self.undo_btn)
        self.title.setFixedHeight(self.apply_all_btn.sizeHint().height())  # one line of chips, one height
        for w in widgets.values():  # an edit by hand may settle a suggestion (or reopen it)
            (w.valueChanged if isinstance(w, QSpinBox) else w.currentIndexChanged).connect(self.refresh)
        self.show_suggestions(None)

    # --- what is shown ----------------------------------------------------------------
    def show_suggestions(self, suggestions) -> None:
        """The suggestions of the call being taken now (None: a new call, or words with none)."""
        chips = chips_for(suggestions, self.lang, self.language_name)
        if [(c.field, c.value) for c in chips] != [(c.field, c.value) for c in self.chips]:
            self._undo = {}
        self.chips = chips
        if suggestions is None:
            self._undo = {}
        self.refresh()

    def chip(self, field: str) -> Chip | None:
        return next((c for c in self.chips if c.field == field), None)

    def is_applied(self, chip: Chip) -> bool:
        current = self.form_value(chip.field)
        if chip.field == "severity":  # the words set a floor: a graver severity set by hand stands
            return current is not None and current >= chip.value
        return current == chip.value

    def open_chips(self) -> list[Chip]:
        return [c for c in self.chips if not self.is_applied(c)]

    def refresh(self, *_args) -> None:
        for f, b in self.buttons.items():
            c = self.chip(f)
            b.setVisible(c is not None)
            if c is None:
                continue
            applied = self.is_applied(c)
            b.setText(("✓ " if applied else "") + c.text)
            b.setEnabled(not applied)
            b.setToolTip(fill(translate("SuggestionChips", "From the caller's words: “%1”"), c.words))
        self.apply_all_btn.setEnabled(bool(self.open_chips()))
        self.undo_btn.setVisible(bool(self._undo))
        self.setVisible(bool(self.chips))

    # --- applying -----------------------------------------------------------------------
    def form_value(self, field: str):
        w = self.widgets[field]
        return w.value() if isinstance(w, QSpinBox) else w.currentData()

    def _set(self, field: str, value) -> None:
        w = self.widgets[field]
        if isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QComboBox):
            select_code(w, value)

    def _apply(self, chips: list[Chip]) -> None:
        if not chips:
            return
        self._undo = {c.field: self.form_value(c.field) for c in chips}
        for c in chips:  # through the widgets: the form's usual edit path records it in the call
            self._set(c.field, c.value)
        self.refresh()

    def apply(self, field: str) -> None:
        c = self.chip(field)
        if c is not None and not self.is_applied(c):
            self._apply([c])

    def apply_all(self) -> None:
        self._apply(self.open_chips())

    def undo(self) -> None:
        previous, self._undo = self._undo, {}
        for field, value in previous.items():
            self._set(field, value)
        self.refresh()
