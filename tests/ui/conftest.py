"""Qt tests: Python's cyclic garbage collector runs only between tests.

A window's wrappers hold cycles (slots that close over ``self``). Left to the automatic collector,
a window from an earlier test can be destroyed at any allocation, in the middle of another test's
event loop, while one of its own timers or callbacks is on the stack: a segmentation fault. Here
each test runs with the automatic collector off; at teardown, after pytest-qt has closed the test's
widgets, pending ``deleteLater`` calls run and then the cycles are collected."""

from __future__ import annotations

import gc

import pytest


@pytest.fixture(autouse=True)
def _garbage_collected_between_tests(qapp):
    gc.collect()
    gc.disable()
    try:
        yield
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    finally:
        gc.enable()
