"""Statistics feature: the "统计 / Statistics" tab (dashboard, PDF/CSV export, logbook import).

The page (Qt Charts, the statistics code) is built right after the window's first paint, or earlier
when the tab or ``window.reports_page`` is needed: it also puts the heat strip on the map."""

from __future__ import annotations


def install(window) -> None:
    """Add the Statistics tab and a Tools ▸ Import logbook… entry to ``window`` (a MainWindow)."""
    from PySide6.QtCore import QCoreApplication

    def build():
        from .dashboard import ReportsPage

        return ReportsPage(window.ctx, map_controller=window.map)

    window.add_lazy_tab_page(build, QCoreApplication.translate("Reports", "Statistics"), "statisticsPage",
                             "reports_page", after_first_paint=True)
    action = window.menu("tools").addAction(QCoreApplication.translate("Reports", "Import logbook…"))
    action.setObjectName("importLogbookAction")

    def import_logbook() -> None:
        page = window.reports_page
        window.tabs.setCurrentWidget(page)
        page.import_logbook()

    action.triggered.connect(import_logbook)
