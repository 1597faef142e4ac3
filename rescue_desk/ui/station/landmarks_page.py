"""Landmarks page of the station editor: the list, the form, aliases and the history of the selection.

Thin: it shows ``EditorRow``s and turns the officer's input into pure edits that the editor runs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from rescue_desk.domain import codes
from rescue_desk.domain import station_layer as sl
from rescue_desk.domain.clock import format_beijing
from rescue_desk.services.station import LandmarkInput
from rescue_desk.services.station_edits import AddAlias, AddLandmark, SetAliasRetired, SetRetired, UpdateLandmark


def combo(table: dict, lang: str, name: str) -> QComboBox:
    box = QComboBox(objectName=name)
    for code in table:
        box.addItem(codes.label(table, code, lang), code)
    return box


def set_combo(box: QComboBox, code) -> None:
    i = box.findData(code)
    box.setCurrentIndex(max(i, 0))


class LandmarkModel(QAbstractTableModel):
    """Rows: ``EditorRow``s. Columns: km, name, kind of entry, confidence, season."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.rows: list = []
        self.headers = [self.tr("km"), self.tr("Name"), self.tr("Entry"), self.tr("Confidence"), self.tr("Season")]
        self.origins = {"shipped": self.tr("shipped"), "corrected": self.tr("corrected"), "station": self.tr("station")}

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, key: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.key == key), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{r.chainage_km:.2f}"
            if col == 1:
                return (r.name_zh or r.name_en) if self.lang == "zh" else (r.name_en or r.name_zh)
            if col == 2:
                return self.origins[r.origin] + (self.tr(" (retired)") if r.retired else "")
            if col == 3:
                return codes.label(sl.CONFIDENCES, r.confidence, self.lang)
            if col == 4:
                if r.valid_from or r.valid_to:
                    return f"{r.valid_from or '…'} – {r.valid_to or '…'}"
                return ""
        if role == Qt.ItemDataRole.ForegroundRole and r.retired:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.UserRole:
            return r.key
        if role == Qt.ItemDataRole.UserRole + 1:  # filter text: every name
            return " ".join([r.name_en, r.name_zh, *r.shipped_aliases, *(t for _i, _l, t in r.station_aliases)])
        return None


class LandmarksPage(QWidget):
    """Signals: ``editRequested(edit)`` for the editor to run; ``selected(key or "")``;
    ``addOnMapToggled(bool)``."""

    editRequested = Signal(object)
    selected = Signal(str)
    addOnMapToggled = Signal(bool)

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.new_position: tuple[float, float] | None = None
        self.model = LandmarkModel(lang, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole + 1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(objectName="landmarkFilter", placeholderText=self.tr("Find a landmark or alias"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(objectName="landmarkTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.add_on_map = QPushButton(self.tr("Add on map"), objectName="addOnMap", checkable=True)
        self.add_on_map.setToolTip(self.tr("Click, then click the map where the new landmark is"))
        self.add_on_map.toggled.connect(self.addOnMapToggled)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.add_on_map)
        tl.addLayout(row)
        tl.addWidget(self.table)

        self.tabs = QTabWidget(objectName="landmarkTabs")
        self.tabs.addTab(self._build_form(), self.tr("Details"))
        self.tabs.addTab(self._build_aliases(), self.tr("Aliases"))
        self.history = QListWidget(objectName="landmarkHistory")
        self.tabs.addTab(self.history, self.tr("History"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setSizes([260, 300])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.show_row(None)

    # --- building --------------------------------------------------------------------------
    def _date_edit(self, name: str) -> QDateEdit:
        d = QDateEdit(objectName=name, calendarPopup=True, displayFormat="yyyy-MM-dd")
        d.setDate(QDate.currentDate())
        return d

    def _build_form(self) -> QWidget:
        w = QWidget()
        outer = QVBoxLayout(w)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.mode_label = QLabel(objectName="formMode")
        self.name_en = QLineEdit(objectName="nameEn")
        self.name_zh = QLineEdit(objectName="nameZh")
        self.source = combo(sl.SOURCES, self.lang, "source")
        self.confidence = combo(sl.CONFIDENCES, self.lang, "confidence")
        self.note = QPlainTextEdit(objectName="note")
        self.note.setMaximumHeight(60)
        self.seasonal = QCheckBox(self.tr("Only in season"), objectName="seasonal")
        self.valid_from, self.valid_to = self._date_edit("validFrom"), self._date_edit("validTo")
        self.seasonal.toggled.connect(self.valid_from.setEnabled)
        self.seasonal.toggled.connect(self.valid_to.setEnabled)
        season = QHBoxLayout()
        season.addWidget(self.seasonal)
        season.addWidget(self.valid_from)
        season.addWidget(QLabel("–"))
        season.addWidget(self.valid_to)
        self.position = QLabel(objectName="positionLabel", wordWrap=True)
        self.save_btn = QPushButton(self.tr("Save"), objectName="saveLandmark")
        self.save_btn.clicked.connect(self.save)
        self.retire_btn = QPushButton(self.tr("Retire"), objectName="retireLandmark")
        self.retire_btn.clicked.connect(lambda: self._retire(True))
        self.restore_btn = QPushButton(self.tr("Restore"), objectName="restoreLandmark")
        self.restore_btn.clicked.connect(lambda: self._retire(False))
        buttons = QHBoxLayout()
        for b in (self.save_btn, self.retire_btn, self.restore_btn):
            buttons.addWidget(b)
        form.addRow(self.mode_label)
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Chinese name"), self.name_zh)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Confidence"), self.confidence)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Validity"), season)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(buttons)
        return w

    def _build_aliases(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.alias_list = QListWidget(objectName="aliasList")
        self.alias_text = QLineEdit(objectName="aliasText", placeholderText=self.tr("Another name callers use"))
        self.alias_lang = QComboBox(objectName="aliasLang")
        for code, text in (("other", self.tr("any language")), ("zh", self.tr("Chinese")), ("en", self.tr("English"))):
            self.alias_lang.addItem(text, code)
        self.add_alias_btn = QPushButton(self.tr("Add alias"), objectName="addAlias")
        self.add_alias_btn.clicked.connect(self._add_alias)
        self.alias_text.returnPressed.connect(self._add_alias)
        self.remove_alias_btn = QPushButton(self.tr("Remove alias"), objectName="removeAlias")
        self.remove_alias_btn.clicked.connect(self._remove_alias)
        row = QHBoxLayout()
        row.addWidget(self.alias_text, 1)
        row.addWidget(self.alias_lang)
        row.addWidget(self.add_alias_btn)
        lay.addWidget(self.alias_list)
        lay.addLayout(row)
        lay.addWidget(self.remove_alias_btn)
        return w

    # --- showing ---------------------------------------------------------------------------
    def set_rows(self, rows: list) -> None:
        key = self.current_key()
        self.model.set_rows(rows)
        if key:
            self.select(key)

    def current_row(self):
        idx = self.table.selectionModel().currentIndex()
        if not idx.isValid():
            return None
        src = self.proxy.mapToSource(idx)
        return self.model.rows[src.row()] if 0 <= src.row() < len(self.model.rows) else None

    def current_key(self) -> str:
        r = self.current_row()
        return r.key if r else ""

    def select(self, key: str) -> None:
        i = self.model.row_of(key)
        if i < 0:
            return
        idx = self.proxy.mapFromSource(self.model.index(i, 0))
        self.table.selectionModel().setCurrentIndex(
            idx, self.table.selectionModel().SelectionFlag.ClearAndSelect | self.table.selectionModel().SelectionFlag.Rows)
        self.table.scrollTo(idx)
        self.show_row(self.model.rows[i])

    def _current_changed(self, current, _previous) -> None:
        r = self.current_row()
        if r is not None:
            self.new_position = None
        self.show_row(r)
        self.selected.emit(r.key if r else "")

    def start_new(self, lon: float, lat: float, km: float) -> None:
        """The form for a new landmark at (lon, lat) (after a click on the map)."""
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()
        self.new_position = (lon, lat)
        self.show_row(None)
        self.position.setText(self.tr("{0:.5f} N, {1:.5f} E (km {2:.2f})").format(lat, lon, km))
        self.name_en.setFocus()

    def show_row(self, r) -> None:
        new = r is None and self.new_position is not None
        self.mode_label.setText(self.tr("New landmark") if new else (self.tr("No landmark selected") if r is None else ""))
        for w in (self.name_en, self.name_zh, self.source, self.confidence, self.note, self.seasonal, self.save_btn):
            w.setEnabled(r is not None or new)
        self.name_en.setText(r.name_en if r else "")
        self.name_zh.setText(r.name_zh if r else "")
        set_combo(self.source, (r.source or "other") if r else "memory")
        set_combo(self.confidence, r.confidence if r else "medium")
        self.note.setPlainText(r.note if r else "")
        seasonal = bool(r and (r.valid_from or r.valid_to))
        self.seasonal.setChecked(seasonal)
        self.valid_from.setEnabled(seasonal)
        self.valid_to.setEnabled(seasonal)
        if r and r.valid_from:
            self.valid_from.setDate(QDate(r.valid_from.year, r.valid_from.month, r.valid_from.day))
        if r and r.valid_to:
            self.valid_to.setDate(QDate(r.valid_to.year, r.valid_to.month, r.valid_to.day))
        if r is not None:
            self.position.setText(self.tr("{0:.5f} N, {1:.5f} E (km {2:.2f}) — drag the handle on the map to move")
                                  .format(r.lat, r.lon, r.chainage_km))
        elif not new:
            self.position.setText("")
        self.retire_btn.setEnabled(bool(r and not r.retired))
        self.restore_btn.setEnabled(bool(r and r.retired))
        self.alias_list.clear()
        for alias_id, lang, text in (r.station_aliases if r else ()):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, alias_id)
            self.alias_list.addItem(item)
        for text in (r.shipped_aliases if r else ()):
            item = QListWidgetItem(self.tr("{0} (shipped)").format(text))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.alias_list.addItem(item)
        self.add_alias_btn.setEnabled(bool(r and not r.retired))
        self.remove_alias_btn.setEnabled(bool(r))
        if r is None:
            self.history.clear()

    def show_history(self, entries: list) -> None:
        self.history.clear()
        actions = {"shipped": self.tr("shipped value"), "add": self.tr("added"), "move": self.tr("moved"),
                   "rename": self.tr("renamed"), "edit": self.tr("edited"), "alias": self.tr("alias added"),
                   "unalias": self.tr("alias removed"), "retire": self.tr("retired"), "restore": self.tr("restored")}
        for e in reversed(entries):
            d = e.data
            where = f"km {d['chainage_km']:.2f}" if "chainage_km" in d else ""
            name = d.get("name_zh") if self.lang == "zh" else d.get("name_en")
            alias = f" «{d['alias'][1]}»" if d.get("alias") else ""
            self.history.addItem(f"v{e.version_no}  {format_beijing(e.at)}  {e.by}: "
                                 f"{actions.get(e.action, e.action)}{alias}  {name or ''} {where}".rstrip())

    # --- requests --------------------------------------------------------------------------
    def _dates(self) -> tuple[date | None, date | None]:
        if not self.seasonal.isChecked():
            return None, None
        return self.valid_from.date().toPython(), self.valid_to.date().toPython()

    def save(self) -> None:
        vf, vt = self._dates()
        r = self.current_row()
        if r is None and self.new_position is not None:
            lon, lat = self.new_position
            data = LandmarkInput(lon, lat, name_en=self.name_en.text().strip(), name_zh=self.name_zh.text().strip(),
                                 source=self.source.currentData(), confidence=self.confidence.currentData(),
                                 note=self.note.toPlainText().strip(), valid_from=vf, valid_to=vt)
            self.editRequested.emit(AddLandmark(data, text=self.tr("add landmark")))
            return
        if r is None:
            return
        new = {"name_en": self.name_en.text().strip(), "name_zh": self.name_zh.text().strip(),
               "source": self.source.currentData(), "confidence": self.confidence.currentData(),
               "note": self.note.toPlainText().strip(), "valid_from": vf, "valid_to": vt}
        old = {"name_en": r.name_en, "name_zh": r.name_zh, "source": r.source or "other", "confidence": r.confidence,
               "note": r.note, "valid_from": r.valid_from, "valid_to": r.valid_to}
        changes = {k: v for k, v in new.items() if v != old[k]}
        if changes:
            self.editRequested.emit(UpdateLandmark(r.key, changes, text=self.tr("edit landmark")))

    def _retire(self, retired: bool) -> None:
        r = self.current_row()
        if r is not None:
            self.editRequested.emit(SetRetired(r.key, retired, self.tr("retire landmark") if retired
                                               else self.tr("restore landmark")))

    def _add_alias(self) -> None:
        r = self.current_row()
        text = self.alias_text.text().strip()
        if r is not None and text:
            self.editRequested.emit(AddAlias(r.key, text, self.alias_lang.currentData(), text=self.tr("add alias")))

    def _remove_alias(self) -> None:
        item = self.alias_list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.editRequested.emit(SetAliasRetired(int(item.data(Qt.ItemDataRole.UserRole)), True,
                                                    self.tr("remove alias")))
