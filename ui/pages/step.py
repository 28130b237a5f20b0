"""One question group per screen: progress, title, purpose, questions, error summary, Back / Next."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QApplication, QGroupBox, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from assistant.i18n import _, bilingual, current_language, ngettext
from assistant.kinds import kind_of
from assistant.interview.record import FieldPath
from assistant.interview.notices import step_intro
from ui.a11y import announce
from ui.widgets.field_block import FieldBlock, GroupBlock
from ui.widgets.flow import PageScroll, reveal
from ui.widgets.nav import NavRow
from ui.widgets.ruby import Label

if TYPE_CHECKING:
    from assistant.interview.session import FieldError
    from assistant.interview.validation import FieldResult
    from assistant.procedures import model as m
    from ui.bridge import SessionBridge


def _postal(raw: Any) -> str:
    return str(raw.get("postal_code") or "") if isinstance(raw, dict) else ""


def feedback(field: m.FieldDef, result: FieldResult, raw: Any) -> tuple[list[str], list[tuple[str, str]]]:
    """Notices to act on (with the corrections they suggest), and how a valid answer will be
    written on the form when that differs from what was typed."""
    lines = [notice.message for _part, notice in result.notices]
    # kinds whose answer is rewritten for the form (era dates, kana, hyphens…) show the result
    if (result.ok and result.value is not None and kind_of(field).interpreted
            and result.display != (raw.strip() if isinstance(raw, str) else raw)):
        lines.append(_("On the form: {value}").format(value=result.display))
    return lines, [(part, notice.suggestion) for part, notice in result.notices if notice.suggestion]


def _discard(widget: QWidget) -> None:
    """Take a page out of the window now (so lookups by name cannot find it), delete it later."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


@dataclass
class _Page:
    key: tuple
    content: QWidget
    blocks: dict


class StepPage(QWidget):
    left_first_step = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge: SessionBridge | None = None
        #: field id → the answer offered from the person's saved details (marked while unchanged)
        self.prefilled: dict[str, Any] = {}
        self.carried: dict[str, Any] = {}      # answers given on "who will apply" (field id → raw)
        self.blocks: dict[str, FieldBlock | GroupBlock] = {}
        self._showing_errors = False
        layout = QVBoxLayout(self)
        # One scrolling area holds everything but Back/Next: at large text sizes the title, purpose
        # and error summary scroll with the questions instead of squeezing them into a strip, and
        # the way on stays in view.
        self.scroll = PageScroll(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the questions take the focus, not the frame
        # A new step's page is laid out over several passes at large text (it re-wraps when the
        # scroll bar appears): while the person is still at the first question, each new layout
        # brings it into view again.
        self._reveals_left = 0
        self.scroll.verticalScrollBar().rangeChanged.connect(self._on_scroll_range_changed)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        self.progress = Label(body)
        self.progress.setObjectName("progress")
        self.title = Label(body)
        self.title.setObjectName("step_title")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.purpose = Label(body)
        self.purpose.setWordWrap(True)
        self.summary = Label(body)
        self.summary.setObjectName("error_summary")
        self.summary.setProperty("role", "error-summary")
        self.summary.setWordWrap(True)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary.setVisible(False)
        self.pages = QWidget(body)      # holds each step's page; only the current one is visible
        pages_layout = QVBoxLayout(self.pages)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.progress, self.title, self.purpose, self.summary, self.pages):
            body_layout.addWidget(widget)
        body_layout.addStretch(1)
        self.scroll.setWidget(body)
        self._pages: dict[str, _Page] = {}
        self._shown_step = ""
        self.back = QPushButton(self)
        self.back.setObjectName("back")
        self.next = QPushButton(self)
        self.next.setObjectName("next")
        self.next.setDefault(True)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(NavRow(self.back, self.next, self))
        self.back.clicked.connect(self._on_back_clicked)
        self.next.clicked.connect(self._on_next_clicked)

    # --- building -----------------------------------------------------------------------------

    def attach(self, bridge: SessionBridge) -> None:
        self.bridge = bridge
        self._showing_errors = False
        for page in self._pages.values():
            _discard(page.content)
        self._pages = {}

    def render(self, *, focus_first: bool = False) -> None:
        """Show the current step; the focused question keeps the focus, or with `focus_first` the
        step's first question takes it.

        A step's page is built once and shown again (Back, Next, Change) while its questions and
        the language stay the same; otherwise it is rebuilt. Values always come from the session.
        """
        session = self.bridge.session
        step = session.current_step
        if step is None:
            return
        focused = QApplication.focusWidget()
        focus_name = focused.objectName() if focused is not None and self.isAncestorOf(focused) else ""
        n, total = session.position
        self.progress.setText(_("Step {current} of {total}").format(current=n, total=total))
        self.title.setText(bilingual(step.title))
        self.purpose.setText(step_intro(session, step))
        self.back.setText(_("← &Back"))
        self.next.setText(_("&Next →") if n < total - 1 else _("&Next: review →"))
        self._visible_ids = self._visible_field_ids()
        key = (current_language(), tuple(self._visible_ids))
        page = self._pages.get(step.id)
        if page is not None and page.key == key:
            self.blocks = page.blocks
        else:
            if page is not None:
                _discard(page.content)
            page = self._build(step, key)
            self._pages[step.id] = page
        self._refresh()
        # The step's page is a named group, so entering it is spoken: Orca 43 says a new named panel
        # ancestor of the focus ("ステップ 2/7 窓口に来る方（請求者） panel") but drops the window-title
        # change (emitted from an object that is not the frame in its tree) and Qt's announcement.
        # NVDA (UIA) and VoiceOver speak a named group when focus enters it too, and the announcement.
        page.content.setAccessibleName(_("Step {current}/{total} {title}").format(
            current=n, total=total, title=bilingual(step.title)))
        page.content.setVisible(True)
        if focus_first:
            # before the old step is hidden: otherwise Qt passes its focus along the chain
            # (language box, Back…) and a screen reader announces each on the way
            self.focus_first_question()
        for other in self._pages.values():
            if other is not page:
                other.content.setVisible(False)
        if self._shown_step != step.id:
            self.scroll.verticalScrollBar().setValue(0)
            self._shown_step = step.id
            self._reveals_left = 5
            QTimer.singleShot(0, self.reveal_first_question)    # once the new page is laid out
        self.show_errors(session.step_errors(step) if self._showing_errors else [], move_focus=False)
        if focus_name:
            target = page.content.findChild(QWidget, focus_name)
            if target is not None:
                target.setFocus()

    def focus_first_question(self) -> None:
        if self.blocks:
            first = next(iter(self.blocks.values()))
            target = first.add_button if isinstance(first, GroupBlock) else first.input.focus_target()
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_scroll_range_changed(self, *_range) -> None:
        if self._reveals_left > 0 and self.blocks:
            self._reveals_left -= 1
            first = next(iter(self.blocks.values()))
            focus = QApplication.focusWidget()
            if focus is None or focus is self or first.isAncestorOf(focus):    # still at the first question
                QTimer.singleShot(0, self, lambda: self.isVisible() and self.reveal_first_question(1))

    def reveal_first_question(self, tries: int = 3) -> None:
        """Scroll just enough that the first question's box is in view, keeping as much of the
        title and purpose above it as fits (at 300 % on a small screen they may not all fit)."""
        if not self.blocks:
            return
        first = next(iter(self.blocks.values()))
        box = first.add_button if isinstance(first, GroupBlock) else first.input.focus_target()
        if box.parentWidget() is not None and box.parentWidget().property("role") == "option":
            box = box.parentWidget()       # a choice: its whole row, with its words
        if not reveal(self.scroll, first, box) and tries > 1:
            # the page was still being laid out (a large text size re-wraps it): once more, later
            QTimer.singleShot(0, self, lambda: self.reveal_first_question(tries - 1))

    def _build(self, step: m.Step, key: tuple) -> _Page:
        content = QGroupBox(self.pages)        # a group (AT-SPI panel), named in render()
        # no frame (theme.py, role "step-page"): not a per-widget style sheet, which made the
        # application crash under Orca (OptionRow re-polishes itself on every focus change)
        content.setProperty("role", "step-page")
        content_layout = QVBoxLayout(content)
        self.blocks = {}
        for field in self.bridge.session.visible_fields(step):
            block = self._block(field)
            self.blocks[field.id] = block
            content_layout.addWidget(block)
        content_layout.addStretch(1)
        self.pages.layout().addWidget(content)
        return _Page(key, content, self.blocks)

    def _answered_blocks(self):
        """Every simple question on the page with where its answer lives: (block, item or None, raw)."""
        session = self.bridge.session
        for field_id, block in self.blocks.items():
            if isinstance(block, GroupBlock):
                items = session.items(field_id)
                for (index, sub_id), sub_block in block.blocks.items():
                    yield sub_block, items[index], items[index].get(sub_id)
            else:
                yield block, None, session.answers.get(field_id)

    def _refresh(self) -> None:
        """Show the session's answers, and how each will be written, in the page's boxes."""
        session = self.bridge.session
        for block, item, raw in self._answered_blocks():
            block.input.set_raw(raw)
            block.show_feedback(*self._feedback(block, item, raw))

    def _feedback(self, block: FieldBlock, item: dict | None, raw: Any):
        lines, suggestions = feedback(block.field, self.bridge.session.result(block.field, item), raw)
        if item is None and raw is not None and self.prefilled.get(block.field.id) == raw:
            lines = [_("Filled in from your saved details. Change it here if it is not right."), *lines]
        elif item is None and raw is not None and self.carried.get(block.field.id) == raw:
            lines = [_("Filled in from your answer to “Who will apply (and sign)?”. Change it here if it is not "
                       "right."), *lines]
        return lines, suggestions

    def _block(self, field: m.FieldDef) -> FieldBlock | GroupBlock:
        session = self.bridge.session
        if kind_of(field).container:
            block = GroupBlock(field, session.items(field.id),
                               lambda item, g=field: session.visible_item_fields(g, item),
                               lambda i, sub, raw, g=field.id: self._on_item_edited(g, i, sub, raw),
                               lambda g=field.id: self._on_item_added(g),
                               lambda i, g=field.id: self._on_item_removed(g, i))
            for (index, _sub), sub_block in block.blocks.items():
                for child in sub_block.findChildren(QWidget):
                    if child.objectName().startswith(("input_", "option_")):
                        child.setObjectName(f"{field.id}{index}_{child.objectName()}")
            return block
        return FieldBlock(field, session.answers.get(field.id),
                          lambda raw, f=field.id: self._on_field_edited(f, raw))

    def _visible_field_ids(self) -> list[str]:
        session = self.bridge.session
        step = session.current_step
        ids = [f.id for f in session.visible_fields(step)]
        for field in session.visible_fields(step):
            if kind_of(field).container:
                ids += [str(FieldPath(field.id, i, sub.id)) for i, item in enumerate(session.items(field.id))
                        for sub in session.visible_item_fields(field, item)]
        return ids

    # --- answering ----------------------------------------------------------------------------

    def _on_field_edited(self, field_id: str, raw: Any) -> None:
        session = self.bridge.session
        before = session.answers.get(field_id)
        session.set_answer(field_id, raw)
        block = self.blocks[field_id]
        if kind_of(block.field).fills_from_postal_code and _postal(before) != _postal(raw):
            self._fill_address(block, raw)
        block.show_feedback(*self._feedback(block, None, session.answers.get(field_id)))
        self._update_errors()
        self._rerender_if_questions_changed()

    def _on_item_edited(self, group_id: str, index: int, sub_id: str, raw: Any) -> None:
        session = self.bridge.session
        session.set_item_answer(group_id, index, sub_id, raw)
        block = self.blocks[group_id].blocks[(index, sub_id)]
        item = session.items(group_id)[index]
        block.show_feedback(*feedback(block.field, session.result(block.field, item), raw))
        self._update_errors()
        self._rerender_if_questions_changed()

    def _fill_address(self, block: FieldBlock, raw: dict) -> None:
        from assistant.interview.address import fill_from_postal_code  # postal data: not needed to start

        fill = fill_from_postal_code(raw)
        block.input.offer_towns(fill.towns if fill else ())
        if fill is None or not fill.parts:
            return
        filled = {**raw, **fill.parts}
        self.bridge.session.set_answer(block.field.id, filled)
        block.input.set_raw(filled)
        message = _("Filled in from the postal code: {address}").format(address="".join(fill.parts.values()))
        announce(block, message)
        # Orca 43 ignores the announcement but speaks a change of the focused box's description
        # (the postal-code box the person is typing in); NVDA and VoiceOver get the announcement.
        block.note(message)

    def _update_errors(self) -> None:
        # After a failed Next the messages follow the answers: a corrected answer drops its message
        # and the summary counts again (hidden when nothing is left to fix).
        if self._showing_errors:
            session = self.bridge.session
            self.show_errors(session.step_errors(session.current_step), move_focus=False)

    def _rerender_if_questions_changed(self) -> None:
        if self._visible_field_ids() != self._visible_ids:
            self.render()

    def _on_item_added(self, group_id: str) -> None:
        index = self.bridge.session.add_item(group_id)
        self.render()
        block = self.blocks[group_id]
        if index >= 0 and block.blocks:
            first = next(b for (i, _s), b in block.blocks.items() if i == index)
            first.input.focus_target().setFocus()

    def _on_item_removed(self, group_id: str, index: int) -> None:
        self.bridge.session.remove_item(group_id, index)
        self.render()
        self.blocks[group_id].add_button.setFocus()

    # --- moving -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a text box or on an option means "Next"; buttons handle Enter themselves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.bridge is not None:
            self._on_next_clicked()
            return
        super().keyPressEvent(event)

    def _on_next_clicked(self) -> None:
        # Reset first: a successful Next renders the next step, which must not open with errors.
        self._showing_errors = False
        errors = self.bridge.session.next()
        if errors:
            self._showing_errors = True
            self.show_errors(errors, move_focus=True)

    def _on_back_clicked(self) -> None:
        self._showing_errors = False
        if not self.bridge.session.back():
            self.left_first_step.emit()

    def show_errors(self, errors: list[FieldError], *, move_focus: bool) -> None:
        """Errors next to each field, a summary on top; focus goes to the first field to fix."""
        by_field: dict[str, list[FieldError]] = {}
        for error in errors:
            by_field.setdefault(error.field_id, []).append(error)
        for field_id, block in self.blocks.items():
            if isinstance(block, GroupBlock):
                block.show_errors(by_field.get(field_id, []))
                for (index, sub_id), sub_block in block.blocks.items():
                    sub_block.show_errors(by_field.get(str(FieldPath(field_id, index, sub_id)), []))
            else:
                block.show_errors(by_field.get(field_id, []))
        self.summary.setVisible(bool(errors))
        if not errors:
            return
        heading = ngettext("Please check {count} answer:", "Please check {count} answers:",
                           len(errors)).format(count=len(errors))
        lines = [heading] + [f"・{e.label}: {e.message}" for e in errors]
        self.summary.setText("\n".join(lines))
        self.summary.setAccessibleName("\n".join(lines))
        if move_focus:
            announce(self.summary, "\n".join(lines), assertive=True)
            target = self._focus_target(errors[0])
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                # once the messages are laid out: they move the question down
                reveal(self.scroll, target, target)
                QTimer.singleShot(0, lambda: target.isVisible() and reveal(self.scroll, target, target))

    def _focus_target(self, error: FieldError) -> QWidget | None:
        path = FieldPath.parse(error.field_id)
        if path.sub is not None:
            block = self.blocks[path.field].blocks.get((path.index, path.sub))
            return block.input.focus_target(error.part) if block else None
        block = self.blocks.get(path.field)   # a whole item's problem ("members[0]"): its group
        if isinstance(block, GroupBlock):
            return block.add_button
        return block.input.focus_target(error.part) if block else None
