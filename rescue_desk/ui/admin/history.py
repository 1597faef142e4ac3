"""The audit history of one incident: every logged change, who made it and when (oldest first).
Personal values are masked for roles without ``view_personal``; roles without ``view_audit`` see a notice."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from rescue_desk.domain.clock import format_beijing
from rescue_desk.services import access, audit


def _load(db, actor: str, incident_id: int):
    """Worker thread: (entries, None) or (None, reason)."""
    who = access.principal(db, actor)
    if not who.can(access.VIEW_AUDIT):
        return None, "forbidden"
    return audit.history(db, "incident", incident_id, who), None


def _values(values) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True) if values else ""


class HistoryView(QWidget):
    """Shows ``show_incident(id)``'s history; a spin box lets the officer pick another incident."""

    COLUMNS = ("Time", "Who", "Operation", "Record", "Change")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("auditHistory")
        self.ctx = ctx
        self.incident_id: int | None = None
        self.number = QSpinBox()
        self.number.setObjectName("historyIncident")
        self.number.setRange(1, 2_000_000_000)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(lambda: self.show_incident(self.number.value()))
        self.notice = QLabel()
        self.notice.setObjectName("historyNotice")
        self.tree = QTreeWidget()
        self.tree.setObjectName("historyTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("Operation"), self.tr("Record"),
                                   self.tr("Change")])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Incident")))
        top.addWidget(self.number, 1)
        top.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tree, 1)
        ctx.bridge.incidentChanged.connect(self._changed)

    def show_incident(self, incident_id: int) -> None:
        """Load the history of ``incident_id`` on the database worker."""
        self.incident_id = int(incident_id)
        self.number.setValue(self.incident_id)
        self.ctx.worker.submit(_load, self.ctx.db, self.ctx.actor, self.incident_id,
                               on_done=self._loaded, on_error=lambda exc: self.notice.setText(str(exc)))

    def _changed(self, incident_id: int) -> None:
        if incident_id == self.incident_id and self.isVisible():
            self.show_incident(incident_id)

    def _loaded(self, result) -> None:
        entries, reason = result
        self.tree.clear()
        if reason == "forbidden":
            self.notice.setText(self.tr("Your role may not view the change history."))
            return
        if not entries:
            self.notice.setText(self.tr("No history for this incident."))
            return
        self.notice.setText(self.tr("%n change(s)", "", len(entries)))
        for e in entries:
            if e.action == "create":
                change = _values(e.after)
            elif e.action == "update":
                change = f"{_values(e.before)} → {_values(e.after)}"
            else:
                change = self.tr("deleted: %1").replace("%1", _values(e.before))
            item = QTreeWidgetItem([format_beijing(e.at), e.actor, e.operation, f"{e.entity} {e.entity_id}", change])
            item.setData(0, Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(4, change)
            self.tree.addTopLevelItem(item)
        for col in range(4):
            self.tree.resizeColumnToContents(col)
