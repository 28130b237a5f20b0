"""Accessibility requirements of shared/reference/accessibility.md §1.2 that are checked in-process
(the others: test_display, test_accessibility, test_walkthrough, tests/e2e and tests/a11y)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assistant.settings import Settings
from tests.ui.test_display import _pages
from tests.conftest import start_procedure
from ui import a11y, appearance


def test_r12_step_changes_and_problems_are_announced_without_moving_focus_away(qtbot, window):
    start_procedure(window)
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)          # step 1: answered by "who will apply"
    assert a11y.history[-1] == window.windowTitle()
    assert a11y.history[-1].startswith("ステップ 2/")
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)          # nothing typed yet
    assert "請求者の氏名" in a11y.history[-1]
    assert window.bridge.session.current_step.id == "applicant"


def test_r14_every_page_has_its_own_window_title(qtbot, window):
    titles = []
    for _page in _pages(window):
        QApplication.processEvents()
        titles.append(window.windowTitle())
    assert len(set(titles)) == len(titles)
    assert all(title.endswith("てつづきアシスタント") for title in titles)


def test_r16_the_systems_dark_or_high_contrast_preference_is_followed_until_the_person_chooses(qapp):
    auto, chosen = Settings(theme="auto"), Settings(theme="default")
    no_preference = Qt.ContrastPreference.NoPreference
    assert appearance.resolved_theme(auto, Qt.ColorScheme.Dark, no_preference) == "high_contrast"
    assert appearance.resolved_theme(auto, Qt.ColorScheme.Light, Qt.ContrastPreference.HighContrast) == "high_contrast"
    assert appearance.resolved_theme(auto, Qt.ColorScheme.Light, no_preference) == "default"
    assert appearance.resolved_theme(chosen, Qt.ColorScheme.Dark, Qt.ContrastPreference.HighContrast) == "default"
    assert appearance.resolved_theme(auto) in ("default", "high_contrast")    # reads the real system


def test_r17_help_is_in_the_same_place_on_every_page(qtbot, window):
    places = set()
    for _page in _pages(window):
        QApplication.processEvents()
        assert window.help.isVisible()
        places.add(window.help.mapTo(window, window.help.rect().topLeft()).toTuple())
    assert len(places) == 1


def test_qt_own_words_follow_the_interface_language(window):
    """An elderly Japanese reader must not meet "Yes"/"No" in a confirmation."""
    from PySide6.QtWidgets import QMessageBox

    from assistant import i18n

    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                      window)
    assert "はい" in box.button(QMessageBox.StandardButton.Yes).text()
    i18n.set_language("en")
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                      window)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Yes"
