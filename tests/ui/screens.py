"""Every page and dialog a person meets while applying for a residence record, with what must stay
in view on each: its main action and its first question. Used by tests/ui/test_display.py and by
scripts/screenshot.py; `wait(condition)` waits for the event loop (qtbot.waitUntil in tests)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from ui.widgets.field_block import GroupBlock

ROOT = Path(__file__).resolve().parent.parent.parent
ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
#: (width, height, zoom): the small screens of issue 11
SCREENS = [(1024, 600, 200), (1280, 800, 300), (1366, 768, 250)]


@dataclass
class Page:
    name: str
    main: QWidget            # the main action: Next, Start, Create the form…
    first: QWidget           # the first question (or the first thing to read)
    top: QWidget             # the window or dialog it is shown in


def visible_rect(widget: QWidget) -> QRect:
    """The part of `widget` a person can see, in its window's coordinates: clipped by every parent
    (a scroll area's viewport hides what is scrolled away) and by the window."""
    top = widget.window()
    rect = QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        rect = rect.intersected(QRect(parent.mapTo(top, parent.rect().topLeft()), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(top.rect())


def fully_visible(widget: QWidget) -> bool:
    return widget.isVisible() and visible_rect(widget).size() == widget.size()


def starts_in_view(widget: QWidget, lines: int = 3) -> bool:
    """A long text: its beginning (a few lines, or all of it) is in view."""
    seen = visible_rect(widget)
    top = widget.mapTo(widget.window(), widget.rect().topLeft()).y()
    return widget.isVisible() and seen.top() == top and seen.height() >= min(
        widget.height(), lines * widget.fontMetrics().lineSpacing())


def first_question(window) -> QWidget:
    block = next(iter(window.step.blocks.values()))
    return block.add_button if isinstance(block, GroupBlock) else block.input.focus_target()


def walk(window, wait: Callable[[Callable[[], bool]], None]) -> Iterator[Page]:
    yield Page("home", window.home.start, window.home.search, window)
    window.home.procedure_chosen.emit("juminhyo_copy")
    who = window.who
    applicant = next(iter(who.applicant_buttons.values()))     # who will apply: the first question
    yield Page("who", who.go_on, applicant, window)
    if "volunteer" in who.role_buttons:      # with the helper's name, organisation and the statement
        who.role_buttons["volunteer"].click()
        yield Page("who-helper", who.go_on, applicant, window)
        next(iter(who.role_buttons.values())).click()     # back to the resident alone
    who.go_on.click()
    session = window.bridge.session
    answers = dict(ANSWERS, scope="some_members", members=[{"member_name": "山田　花子"}])
    for number, step in enumerate(session.visible_steps(), 1):
        for field_id, raw in answers.items():
            session.set_answer(field_id, raw)
        if number > 1:
            session.go_to(step.id)
        try:
            wait(lambda: fully_visible(first_question(window)))
        except Exception as exc:     # name the step (a timeout alone says nothing)
            box = first_question(window)
            raise AssertionError(f"step-{number} ({step.id}): its first question {box.objectName()} never came "
                                 f"wholly into view (visible {box.isVisible()}, seen {visible_rect(box)} of "
                                 f"{box.size()}, focus {QApplication.focusWidget()})") from exc
        yield Page(f"step-{number}", window.step.next, first_question(window), window)
        kept = {field.id: session.answers.get(field.id) for field in session.visible_fields(step)}
        for field_id in kept:                              # each step once more, unanswered
            session.set_answer(field_id, None)
        window.step.next.click()
        if window.step.summary.isVisible():
            wait(lambda: fully_visible(QApplication.focusWidget()))
            yield Page(f"step-{number}-failed", window.step.next, QApplication.focusWidget(), window)
        for field_id, raw in kept.items():
            session.set_answer(field_id, raw)
    for field_id, raw in answers.items():
        session.set_answer(field_id, raw)
    session.go_to("review")
    rows = window.review.answer_rows.findChildren(QLineEdit)
    wait(lambda: fully_visible(rows[0]))
    yield Page("review", window.review.export, rows[0], window)
    window.review.export.click()
    wait(lambda: window.stack.currentWidget() is window.done)
    yield Page("done", window.done.print_pdf, window.done.title, window)
    yield from _dialogs(window, wait)


def _dialogs(window, wait) -> Iterator[Page]:
    window.header.help_requested.emit()
    wait(lambda: _dialog("help_dialog") is not None)
    dialog = _dialog("help_dialog")
    yield Page("dialog-help", dialog.close_button, dialog.text, dialog)
    dialog.reject()
    window.header.settings_requested.emit()
    wait(lambda: _dialog("settings_dialog") is not None)
    dialog = _dialog("settings_dialog")
    buttons = [b for b in dialog.findChildren(QWidget) if b.metaObject().className() == "QPushButton"]
    yield Page("dialog-voice-settings", buttons[-1], dialog.focusWidget() or buttons[0], dialog)
    dialog.reject()
    window.home.details_requested.emit()          # My saved details (none saved yet)
    wait(lambda: _dialog("profile_dialog") is not None)
    dialog = _dialog("profile_dialog")
    yield Page("dialog-my-details", dialog.close_button, dialog.focusWidget() or dialog.close_button, dialog)
    dialog.reject()
    from ui.widgets.passphrase import PassphraseDialog

    dialog = PassphraseDialog(True, window.home.drafts_note.text() or "—", window)
    dialog.setObjectName("passphrase_dialog")
    dialog.open()
    wait(dialog.isVisible)
    yield Page("dialog-pin", dialog.ok, dialog.findChild(QLineEdit), dialog)
    dialog.reject()
    dialog.deleteLater()


def _dialog(name: str) -> QDialog | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QDialog) and w.objectName() == name and w.isVisible()), None)
