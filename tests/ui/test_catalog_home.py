"""A procedure listed from its head whose full file turns out broken: said on the home page."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from assistant.paths import BUNDLED_PROCEDURES, AppPaths
from assistant.procedures.index import INDEX_NAME
from tests.conftest import BROKEN, memory_keys
from tests.ui.typing import type_text


@pytest.fixture
def broken_window(qtbot, qapp, tmp_path):
    from ui.app import build_window, setup_application
    from ui.tasks import Tasks

    folder = tmp_path / "procedures"
    folder.mkdir()
    shutil.copy(BUNDLED_PROCEDURES / "juminhyo_copy.yaml", folder)
    shutil.copy(BROKEN / "unknown_key.yaml", folder)   # its head is fine; a field has an unknown key
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "exports", (folder,))
    setup_application(qapp)
    window = build_window(paths, Tasks(), key_chooser=memory_keys)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, paths
    window.tasks.wait()


def test_choosing_a_broken_procedure_names_its_file_and_keeps_the_others(qtbot, broken_window):
    window, paths = broken_window
    assert (paths.data / INDEX_NAME).exists()   # the list came from the cached index
    assert window.home.list.count() == 2 and not window.home.broken.isVisibleTo(window)
    type_text(window.home.search, "不明なキー")
    assert window.home.list.count() == 1
    qtbot.keyClick(window.home.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.home
    assert window.home.broken.isVisibleTo(window)
    assert "unknown_key.yaml" in window.home.broken.text()
    assert window.home.list.count() == 0
    window.home.search.clear()
    assert window.home.list.count() == 1   # the residence-record request is still there
    qtbot.keyClick(window.home.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.who
