"""Login on start: once the station has accounts, the app asks who is at the desk before the main
window opens. Without accounts it opens as before (actor "duty"). Runs on the GUI thread; the few
short queries and one password check (Argon2, well under a second) happen before any window exists."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from rescue_desk.services import accounts
from rescue_desk.storage import Database, open_database

DEFAULT_ACTOR = "duty"


class LoginDialog(QDialog):
    """Name and password; ``accept`` only after ``accounts.authenticate`` succeeds (``.account``)."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Rescue Desk — log in"))
        self.db = db
        self.account: accounts.Account | None = None
        self.name = QLineEdit()
        self.name.setObjectName("loginName")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Account"), self.name)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def try_login(self) -> None:
        try:
            self.account = accounts.authenticate(self.db, self.name.text().strip(), self.password.text())
        except accounts.AuthenticationFailed:
            self.error.setText(self.tr("Wrong account name or password, or the account is disabled."))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


def login_if_needed(db_url, parent=None) -> str | None:
    """The actor for this session: "duty" when the station has no accounts, the account name after a
    successful login, None when the officer cancels. ``db_url``: a URL, or the app's open ``Database``
    (used, not closed). Needs a running QApplication (translators installed by the caller)."""
    owned = isinstance(db_url, str)
    db = open_database(db_url) if owned else db_url
    try:
        if not accounts.has_accounts(db):
            return DEFAULT_ACTOR
        dialog = LoginDialog(db, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account is None:
            return None
        return dialog.account.name
    finally:
        if owned:
            db.dispose()
