"""Exports from the Statistics page pass the same permission check as the command line: with
accounts on, a trainer (or duty officer) exports nothing, the station chief exports CSV and PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rescue_desk.services import accounts
from rescue_desk.storage import open_database
from rescue_desk.ui import create_main_window

from reports_helpers import station_url  # noqa: F401  (fixture)


@pytest.fixture
def staffed(station_url):  # noqa: F811
    db = open_database(station_url)
    accounts.add_user(db, "setup", "admin", "administrator", "admin-pass-1")
    accounts.add_user(db, "admin", "chief", "station_chief", "chief-pass-1")
    accounts.add_user(db, "admin", "dawa", "trainer", "trainer-pass-1")
    accounts.add_user(db, "admin", "pasang", "duty_officer", "pasang-pass-1")
    db.dispose()
    return station_url


def _page(qtbot, url, actor):
    w = create_main_window(url, lang="en", actor=actor, features=("reports",))
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    qtbot.addWidget(w)
    w.show()
    page = w.reports_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=10000)
    assert w.ctx.worker.wait_idle(10000)
    return w, page


@pytest.mark.parametrize("actor", ["dawa", "pasang"])
def test_only_chief_roles_export(qtbot, staffed, tmp_path, actor):
    w, page = _page(qtbot, staffed, actor)
    csv_out, pdf_out = tmp_path / "r.csv", tmp_path / "r.pdf"
    page.export_csv(str(csv_out))
    assert w.ctx.worker.wait_idle(10000)
    assert not csv_out.exists() and "only the station chief" in page.status.text()
    page.status.clear()
    page.export_pdf(str(pdf_out))
    assert w.ctx.worker.wait_idle(10000)
    assert not pdf_out.exists() and "only the station chief" in page.status.text()


def test_station_chief_exports_both(qtbot, staffed, tmp_path):
    w, page = _page(qtbot, staffed, "chief")
    csv_out, pdf_out = tmp_path / "r.csv", tmp_path / "r.pdf"
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export_csv(str(csv_out))
    assert csv_out.read_text(encoding="utf-8-sig").count("\n") == 4  # header and 2025's three incidents
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export_pdf(str(pdf_out))
    assert pdf_out.read_bytes().startswith(b"%PDF")
