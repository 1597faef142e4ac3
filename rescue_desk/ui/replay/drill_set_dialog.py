""""New drill set…": a name and a checkable, searchable list of scenarios and closed incidents (the
service's lists, personal data already masked). Creating runs on the database worker; bad input is
shown inline and what was typed stays."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QVBoxLayout)

from rescue_desk.domain import codes
from rescue_desk.domain.clock import to_beijing
from rescue_desk.services.errors import ValidationError
from rescue_desk.services.replay import replayable_incidents
from rescue_desk.services.training import DrillItem, create_drill_set, list_drill_sets, list_scenarios

ITEM_ROLE = Qt.ItemDataRole.UserRole


def taken_names(sets, builtin_label: str) -> set[str]:
    """The set names already in use, case-folded (the built-in set also under its shown label)."""
    names = {s.name.strip().casefold() for s in sets}
    if any(s.builtin for s in sets):
        names.add(builtin_label.strip().casefold())
    return names


class DrillSetDialog(QDialog):
    """``created(set_id)`` once the set is stored; the dialog then closes."""

    created = Signal(int)

    def __init__(self, ctx, builtin_label: str, parent=None):
        super().__init__(parent)
        self.setObjectName("newDrillSetDialog")
        self.setWindowTitle(self.tr("New drill set"))
        self.ctx = ctx
        self.builtin_label = builtin_label
        self.taken: set[str] = set()
        self.name = QLineEdit(objectName="drillSetName")
        self.name.setMaxLength(120)
        self.name.setPlaceholderText(self.tr("e.g. Pass and north face, autumn"))
        self.name_error = self._error_label("drillSetNameError")
        self.search = QLineEdit(objectName="drillSetSearch")
        self.search.setPlaceholderText(self.tr("Search by number, date, category or words"))
        self.search.setClearButtonEnabled(True)
        self.items = QListWidget(objectName="drillSetItems")
        self.items.setMinimumSize(520, 300)
        self.items.setUniformItemSizes(True)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.picked = QLabel(objectName="drillSetPicked")
        self.items_error = self._error_label("drillSetItemsError")
        self.status = QLabel(objectName="drillSetStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_btn = self.buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_btn.setObjectName("drillSetCreate")
        self.create_btn.setDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.name_error)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Scenarios and closed incidents (tick several):")))
        lay.addWidget(self.search)
        lay.addWidget(self.items, 1)
        lay.addWidget(self.picked)
        lay.addWidget(self.items_error)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)

        self.search.textChanged.connect(self._filter)
        self.items.itemChanged.connect(lambda _i: self._count())
        self.name.textEdited.connect(lambda _t: self.name_error.hide())
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self._count()
        self.status.setText(self.tr("Loading…"))
        self.create_btn.setEnabled(False)
        self._load()

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setWordWrap(True)
        label.setStyleSheet("color: #b3261e;")
        label.hide()
        return label

    # --- the lists ---------------------------------------------------------------------------
    def _load(self) -> None:
        db = self.ctx.db

        def fetch():
            return list_scenarios(db), replayable_incidents(db, limit=1000), list_drill_sets(db)

        self.ctx.worker.submit(fetch, on_done=self._fill, on_error=self._failed)

    def _fill(self, result) -> None:
        scenarios, incidents, sets = result
        self.taken = taken_names(sets, self.builtin_label)
        lang = self.ctx.lang
        self.items.blockSignals(True)
        for s in scenarios:
            self._add(self.tr("Scenario: %1").replace("%1", s.title), DrillItem(scenario_id=s.id))
        for r in incidents:
            words = " ".join(r.text.split())
            words = words[:40] + "…" if len(words) > 41 else words
            self._add(f"#{r.id}  {to_beijing(r.received_at):%Y-%m-%d}  "
                      f"{codes.label(codes.CATEGORIES, r.category, lang)}  {words}", DrillItem(incident_id=r.id))
        self.items.blockSignals(False)
        self.status.setText("" if self.items.count() else self.tr("No scenarios or closed incidents yet."))
        self.create_btn.setEnabled(True)
        self._filter(self.search.text())
        self._count()

    def _add(self, text: str, item: DrillItem) -> None:
        row = QListWidgetItem(text, self.items)
        row.setToolTip(text)
        row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(Qt.CheckState.Unchecked)
        row.setData(ITEM_ROLE, item)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.items.count()):
            row = self.items.item(i)
            row.setHidden(not all(w in row.text().casefold() for w in words))

    def chosen(self) -> list[DrillItem]:
        """The ticked items, in list order (hidden by the search or not)."""
        return [self.items.item(i).data(ITEM_ROLE) for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked]

    def _count(self) -> None:
        n = len(self.chosen())
        self.picked.setText(self.tr("%1 picked").replace("%1", str(n)))
        if n:
            self.items_error.hide()

    # --- create ------------------------------------------------------------------------------
    def create(self) -> None:
        """Check the input here, then store the set on the worker (which checks the name again)."""
        name, chosen = self.name.text().strip(), self.chosen()
        self.status.clear()
        ok = True
        if not name:
            ok = self._show(self.name_error, self.tr("Give the drill set a name."))
        elif name.casefold() in self.taken:
            ok = self._show(self.name_error, self.tr("A drill set with this name already exists."))
        if not chosen:
            ok = self._show(self.items_error, self.tr("Tick at least one scenario or incident."))
        if not ok:
            (self.name if self.name_error.isVisible() else self.items).setFocus()
            return
        db, actor, builtin = self.ctx.db, self.ctx.actor, self.builtin_label
        duplicate = self.tr("A drill set with this name already exists.")

        def store():
            if name.casefold() in taken_names(list_drill_sets(db), builtin):
                raise ValidationError(duplicate, "name")
            return create_drill_set(db, actor, name, chosen)

        self.create_btn.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.ctx.worker.submit(store, on_done=self._stored, on_error=self._refused)

    def _show(self, label: QLabel, text: str) -> bool:
        label.setText(text)
        label.show()
        return False

    def _stored(self, set_id: int) -> None:
        self.status.clear()
        self.created.emit(set_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.create_btn.setEnabled(True)
        self.status.clear()
        field = getattr(exc, "field", None)
        if field == "name":
            self.name_error.setText(str(exc))
            self.name_error.show()
            self.name.setFocus()
        elif field == "items":
            self.items_error.setText(str(exc))
            self.items_error.show()
        else:
            self.status.setText(str(exc))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))
