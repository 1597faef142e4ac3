"""Walked-route page: officers' loops of the kora and the pooled officer pace factor; GPX import."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)


class WalksPage(QWidget):
    """``importRequested(path, officer)`` asks the editor to import a GPX walk."""

    importRequested = Signal(str, str)

    def __init__(self, actor: str, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 4, objectName="walkTable")
        self.table.setHorizontalHeaderLabels([self.tr("Officer"), self.tr("Walks"), self.tr("Full loops"),
                                              self.tr("km round the kora")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.pace = QLabel(objectName="paceLabel", wordWrap=True)
        self.officer = QLineEdit(actor, objectName="walkOfficer", placeholderText=self.tr("Officer who walked"))
        self.import_btn = QPushButton(self.tr("Import GPX walk…"), objectName="importWalk")
        self.import_btn.clicked.connect(self._choose_file)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Officer")))
        row.addWidget(self.officer, 1)
        row.addWidget(self.import_btn)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.pace)
        lay.addLayout(row)

    def set_data(self, loops: list, pace) -> None:
        self.table.setRowCount(len(loops))
        for i, r in enumerate(loops):
            for c, v in enumerate((r.officer, str(r.walks), str(r.full_loops), f"{r.km:.1f}")):
                self.table.setItem(i, c, QTableWidgetItem(v))
        if pace.enough:
            self.pace.setText(self.tr("Officer pace from {0} walks ({1:.0f} km): {2:.2f} × the model's officer time")
                              .format(pace.walks, pace.km, pace.factor))
        else:
            self.pace.setText(self.tr("Officer pace: the model's default until at least 3 timed walks over 60 km "
                                      "are logged ({0} so far, {1:.0f} km).").format(pace.walks, pace.km))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a GPX walk"), "", self.tr("GPX tracks (*.gpx)"))
        if path:
            self.importRequested.emit(path, self.officer.text().strip())
