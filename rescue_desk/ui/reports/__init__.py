"""Statistics feature: the "统计 / Statistics" tab (dashboard, PDF/CSV export, logbook import)."""

from __future__ import annotations


def install(window) -> None:
    """Add the Statistics tab and a Tools ▸ Import logbook… entry to ``window`` (a MainWindow)."""
    from PySide6.QtCore import QCoreApplication

    from .dashboard import ReportsPage

    page = ReportsPage(window.ctx, map_controller=window.map)
    window.add_tab_page(page, QCoreApplication.translate("Reports", "Statistics"), "statisticsPage")
    action = window.menu("tools").addAction(QCoreApplication.translate("Reports", "Import logbook…"))
    action.setObjectName("importLogbookAction")
    action.triggered.connect(lambda: (window.tabs.setCurrentWidget(page), page.import_logbook()))
    window.reports_page = page
