"""The Qt binding itself: guards against known-bad PySide6 releases."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QWidget


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_qt_calls_returning_nothing_keep_none_alive(qapp):
    # PySide6 6.12.0 decremented None's reference count on every null return; after enough calls
    # (focusWidget() with no focus, findChild() that finds nothing) the application aborts.
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(2000):
        QApplication.focusWidget()
        widget.findChild(QWidget, "no such child")
    assert sys.getrefcount(None) - before > -100
