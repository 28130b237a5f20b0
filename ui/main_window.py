"""The main window: arranges the pages, the language switch and Help; no business rules here."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from assistant import i18n
from assistant import settings as settings_store
from assistant.i18n import _, bilingual
from assistant.paths import AppPaths
from assistant.settings import Settings
from ui import appearance
from ui.a11y import announce
from ui.bridge import SessionBridge, language_bridge
from ui.drafts import DraftKeeper, default_key_chooser
from ui.pages.export import ExportPage
from ui.pages.home import HomePage
from ui.pages.review import ReviewPage
from ui.pages.step import StepPage
from ui.voice import WindowVoice
from ui.wheel import WheelGuard
from ui.widgets.header import HeaderBar
from ui.window_drafts import WindowDrafts, profile_person

if TYPE_CHECKING:
    from assistant.procedures.catalog import Catalog
    from assistant.interview.session import Session


def _export(session: Session, paths: AppPaths, assistance):
    # fpdf2 takes a quarter of a second to import: load it with the first export, in the worker.
    from assistant.export.package import export_package

    paths.ensure()     # here: a folder that cannot be made is reported like any failed export
    return export_package(session, paths.exports, assistance=assistance, with_copy=False)


log = logging.getLogger(__name__)
DEFAULT_SIZE = (1280, 800)     # clipped to the screen: a large window for large text


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog | None, paths: AppPaths, tasks, settings: Settings | None = None,
                 key_chooser=None, make_speakers=None, make_player=None, *, shared_pc: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog, self.paths, self.tasks = catalog, paths, tasks
        self.settings = settings or Settings(language=i18n.current_language())
        self.bridge: SessionBridge | None = None
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.header = HeaderBar(central)
        self.header.show_settings(i18n.current_language(), appearance.resolved_theme(self.settings) == "high_contrast")
        layout.addWidget(self.header)
        self.language = self.header.language
        self.help = self.header.help
        self.stack = QStackedWidget(central)
        self.home = HomePage(catalog)
        self.step = StepPage()
        self.review = ReviewPage()
        self.done = ExportPage()
        from assistant.interview.assisted import Assistance

        self.who = None                         # "who is filling in", made when first needed
        self.assistance = Assistance()          # who fills in the current procedure
        self._helper = Assistance()             # the last helper's name and organisation (memory only)
        self._chosen = ""                       # the procedure waiting for "who fills in"
        for page in (self.home, self.step, self.review, self.done):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self.draft_status = QLabel(central)
        self.draft_status.setObjectName("draft_status")
        self.draft_status.setWordWrap(True)
        self.draft_status.setVisible(False)     # an empty label would still be in the accessibility tree
        layout.addWidget(self.draft_status)
        self.setCentralWidget(central)
        self.shared_pc = shared_pc
        self.centre_settings = self.settings     # put back by "End session" on a shared computer
        self.header.end.setVisible(shared_pc)
        chooser = key_chooser or (lambda folder: default_key_chooser(folder, shared_pc))
        self.keeper = DraftKeeper(paths.data / "drafts", tasks, chooser, self)
        self.keeper.saved.connect(self._on_keeper_saved)
        self.keeper.failed.connect(self._on_keeper_failed)
        self.drafts = WindowDrafts(self)
        self.voice = WindowVoice(self, make_speakers, make_player)
        self.reader = self.voice.reader
        self.reader.failed.connect(self._on_keeper_failed)
        self.reader.missing_voice.connect(self._on_keeper_failed)
        self.home.procedure_chosen.connect(self._on_home_procedure_chosen)
        self.step.left_first_step.connect(self._on_step_left_first_step)
        self.review.export_requested.connect(self._on_review_export_requested)
        self.done.finished.connect(self._on_done_finished)
        self.header.language_chosen.connect(self._on_header_language_chosen)
        self.header.zoom_requested.connect(self._on_header_zoom_requested)
        self.header.contrast_toggled.connect(self._on_header_contrast_toggled)
        self.header.help_requested.connect(self._on_help_clicked)
        for keys, steps in ((QKeySequence.StandardKey.ZoomIn, 1), (QKeySequence("Ctrl+="), 1),
                            (QKeySequence.StandardKey.ZoomOut, -1), (QKeySequence("Ctrl+0"), 0)):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda s=steps: self._on_header_zoom_requested(s))
        self.wheel = WheelGuard(self, self._on_header_zoom_requested)
        QApplication.instance().installEventFilter(self.wheel)
        language_bridge().changed.connect(self._on_language_changed)
        self.header.show_zoom(self.settings.zoom)
        self.retranslate_ui()
        self.fit_to_screen()
        self._placed = False

    def fit_to_screen(self) -> None:
        """The remembered size (or 1280×800), never more than the screen's free area: a window taller
        than the screen hides its buttons below the bottom edge."""
        available = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        width, height = self.settings.window_size or DEFAULT_SIZE
        self.resize(min(width, available.width()), min(height, available.height()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._placed:      # the first time only: then the frame (title bar) is known
            self._placed = True
            available = self.screen().availableGeometry()
            frame = self.frameGeometry()
            extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
            if frame.width() > available.width() or frame.height() > available.height():
                self.resize(min(self.width(), available.width() - extra_w),
                            min(self.height(), available.height() - extra_h))
            if not available.contains(self.frameGeometry()):
                self.move(available.topLeft())

    def set_catalog(self, catalog: Catalog) -> None:
        """Show the procedures once they are loaded (the window appears before that), then the drafts."""
        self.catalog = catalog
        self.home.set_catalog(catalog)
        self.keeper.start()
        self.voice.detect()

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.header.retranslate_ui()
        self.home.retranslate_ui()
        if self.who is not None:
            self.who.retranslate_ui()
        self.done.retranslate_ui()
        if self.bridge is not None and self.stack.currentWidget() in (self.step, self.review):
            self._show_current()
        else:
            self.update_title()

    def update_title(self) -> None:
        app = _("Tetsuzuki Assistant")
        page = self.stack.currentWidget()
        if page is self.who:
            self.setWindowTitle(_("{page} — {app}").format(page=_("Who will apply, and who is typing?"), app=app))
            return
        if self.bridge is None or page in (self.home, self.done):
            where = _("Choose a procedure") if page is self.home else _("Your form is ready")
            self.setWindowTitle(_("{page} — {app}").format(page=where, app=app))
            return
        session = self.bridge.session
        n, total = session.position
        step_title = bilingual(session.current_step.title) if session.current_step else _("Check your answers")
        self.setWindowTitle(_("Step {current}/{total} {title} — {app}").format(
            current=n, total=total, title=step_title, app=app))

    # --- moving between pages -----------------------------------------------------------------

    def _on_home_procedure_chosen(self, procedure_id: str) -> None:
        """First: who fills in (the resident, family, a representative, a volunteer)."""
        from assistant.interview.assisted import Assistance

        self._chosen = procedure_id
        if self.who is None:
            from ui.widgets.assisted import AssistedPanel

            self.who = AssistedPanel()
            self.stack.insertWidget(1, self.who)
            self.who.confirmed.connect(self._on_who_confirmed)
            self.who.cancelled.connect(self._on_step_left_first_step)
            self.who.read_requested.connect(self.voice.read_text)
        self.who.set_assistance(Assistance(self._helper.role, self._helper.helper_name,
                                           self._helper.helper_organisation))
        self.who.focus_choice()        # before the home page is hidden: straight there (see _show_current)
        self.stack.setCurrentWidget(self.who)
        self.who.focus_choice()
        self.update_title()
        announce(self.who, self.windowTitle())
        self.voice.page_shown()

    def _on_who_confirmed(self, assistance) -> None:
        from assistant.drafts.profile import prefill
        from assistant.interview.assisted import procedure_answers
        from assistant.interview.session import Session

        self.assistance = assistance
        if assistance.helped:
            self._helper = assistance
        procedure = self.catalog.get(self._chosen)
        profile = self.keeper.profile
        offered = prefill(procedure, profile, person=profile_person(assistance)) if profile is not None else {}
        carried = procedure_answers(procedure, assistance)     # "who applies" is not asked again
        self.start_session(Session(procedure, {**offered, **carried}), filled_by=assistance.to_json(),
                           extra={"prefilled": offered, "carried": carried})

    def start_session(self, session, draft=None, *, filled_by: dict | None = None, extra: dict | None = None) -> None:
        """Show a session (new or resumed) and keep it saved as a draft while it changes."""
        from assistant.interview.assisted import Assistance

        if self.bridge is not None:
            self.keeper.save_now()
            self.bridge.deleteLater()
        self.keeper.follow(session, draft, filled_by=filled_by, extra=extra)
        self.assistance = Assistance.from_json(self.keeper.filled_by)
        prefilled = self.keeper.extra.get("prefilled")
        self.step.prefilled = prefilled if isinstance(prefilled, dict) else {}
        carried = self.keeper.extra.get("carried")
        self.step.carried = carried if isinstance(carried, dict) else {}
        self.bridge = SessionBridge(session, self)
        self.bridge.answer_changed.connect(self.keeper.changed)
        self.bridge.step_changed.connect(self.keeper.save_now)
        self.step.attach(self.bridge)
        self.review.attach(self.bridge)
        self.bridge.step_changed.connect(self._on_bridge_step_changed)
        self.bridge.validation_failed.connect(self.voice.validation_failed)
        self._on_bridge_step_changed()

    def _on_bridge_step_changed(self) -> None:
        self._show_current(focus_start=True)
        announce(self.stack.currentWidget(), self.windowTitle())
        self.voice.step_changed()

    def _show_current(self, *, focus_start: bool = False) -> None:
        """Show the session's page; with `focus_start`, its first answer takes the focus — set before
        the page is shown, so the focus goes straight there instead of along the chain (language
        box, Back…), which a screen reader would announce one by one."""
        session = self.bridge.session
        if session.at_review:
            self.review.render()
            if focus_start:
                self.review.export.setFocus(Qt.FocusReason.OtherFocusReason)
            self.stack.setCurrentWidget(self.review)
        else:
            self.step.render(focus_first=focus_start)
            self.stack.setCurrentWidget(self.step)
            if focus_start:
                self.step.focus_first_question()   # if the page was hidden, setting it again counts
        self.update_title()

    # --- status line ----------------------------------------------------------------------------

    def show_status(self, message: str) -> None:
        self.draft_status.setText(message)
        self.draft_status.setVisible(bool(message))

    def _on_keeper_saved(self, updated: str) -> None:
        from ui.pages.home import local_time

        self.show_status(_("Draft saved (encrypted) at {time}.").format(time=local_time(updated)))

    def _on_keeper_failed(self, message: str) -> None:
        self.show_status(message)
        announce(self.draft_status, message, assertive=True)

    def closeEvent(self, event) -> None:
        self.reader.close()
        self.keeper.save_now()      # the last keystrokes, before the window goes
        if not self.shared_pc and not self.isMaximized() and not self.isFullScreen():
            self.settings = replace(self.settings, window_size=(self.width(), self.height()))
            settings, folder = self.settings, self.paths.config
            self.tasks.run(lambda: settings_store.save(folder, settings), lambda _result: None,
                           lambda error: log.warning("settings not saved: %s", type(error).__name__), serial=True)
        self.tasks.wait()
        super().closeEvent(event)

    def _on_step_left_first_step(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.home.list.setFocus()
        self.update_title()

    def _on_review_export_requested(self) -> None:
        session = self.bridge.session
        snapshot = type(session)(session.procedure, session.answers)   # workers get plain data
        self.review.export.setEnabled(False)
        self.review.status.setText(_("Creating the files…"))
        announce(self.review.status, self.review.status.text())
        assistance, paths = self.assistance, self.paths
        self.tasks.run(lambda: _export(snapshot, paths, assistance), self._on_export_done, self._on_export_failed)

    def _on_export_done(self, result) -> None:
        self.review.export.setEnabled(True)
        session = self.bridge.session
        helped = ""
        if self.assistance.helped:
            who = " ".join(t for t in (self.assistance.helper_organisation, self.assistance.helper_name) if t)
            helped = _("Filled in with help from {helper}; this is noted on the form.").format(helper=who)
        self.done.shared_pc = self.shared_pc
        self.done.show_result(type(session)(session.procedure, session.answers), result,
                              details_offer=self.drafts.details_offer(), helped_by=helped)
        # then the person's own copy, in their language (one more PDF): the page offers it when made
        from assistant.export.package import add_copy

        snapshot = type(session)(session.procedure, session.answers)
        language, assistance = i18n.current_language(), self.assistance
        self.tasks.run(lambda: add_copy(snapshot, result, language, assistance), self._on_copy_made,
                       lambda error: log.warning("copy not made: %s", type(error).__name__))
        self.stack.setCurrentWidget(self.done)
        self.update_title()
        self.done.print_pdf.setFocus()     # the main action: print, sign, bring
        announce(self.done, _("Your form is ready."))
        self.voice.page_shown()

    def _on_copy_made(self, result) -> None:
        if self.done.show_copy(result):
            announce(self.done, _("Your own copy, in your language, is ready too."))

    def _on_export_failed(self, error: Exception) -> None:
        self.review.export.setEnabled(True)
        log.warning("export failed: %s", type(error).__name__)   # the type only: no personal data
        from assistant.export.package import failure_message

        message = failure_message(error, self.paths.exports)   # which answer to change, or the disk's problem
        self.review.status.setText(message)
        announce(self.review.status, message, assertive=True)

    def show_load_failure(self, error: Exception) -> None:
        log.warning("loading procedures failed: %s", type(error).__name__)
        message = _("The procedures could not be loaded. Restart the application; if it "
                    "happens again, ask the person who installed it.")
        self.home.broken.setText(message)
        self.home.broken.setVisible(True)
        announce(self.home.broken, message, assertive=True)

    def _on_done_finished(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.home.list.setFocus()
        self.update_title()

    # --- language and help --------------------------------------------------------------------

    def _on_header_language_chosen(self, language: str) -> None:
        i18n.set_language(language)
        self.change_settings(replace(self.settings, language=language))

    def _on_header_zoom_requested(self, steps: int) -> None:
        changed = replace(self.settings, zoom=100) if steps == 0 else self.settings.zoomed(steps)
        if changed != self.settings:
            self.change_settings(changed)
        announce(self.header, _("Text size {percent} %").format(percent=self.settings.zoom))

    def _on_header_contrast_toggled(self, on: bool) -> None:
        self.change_settings(replace(self.settings, theme="high_contrast" if on else "default"))

    def change_settings(self, changed: Settings) -> None:
        """Apply at once, remember in the background (a small file, but disk never blocks the window).

        On a shared computer they are not remembered: a resident's text size, contrast, language or
        self-voicing say something about them; "End session" puts back the centre's settings."""
        self.settings = changed
        appearance.apply(QApplication.instance(), changed)
        self.header.show_zoom(changed.zoom)
        if self.shared_pc:
            return
        self.tasks.run(lambda: settings_store.save(self.paths.config, changed), lambda _result: None,
                       lambda error: log.warning("settings not saved: %s", type(error).__name__), serial=True)

    def restore_settings(self, settings: Settings) -> None:
        """The settings the window started with (language, size, contrast, voice)."""
        if settings.language in i18n.LANGUAGES:
            i18n.set_language(settings.language)
        self.change_settings(settings)
        self.header.show_settings(i18n.current_language(), appearance.resolved_theme(settings) == "high_contrast")
        self.reader.configure(settings.speech_rate, settings.voices)
        self.voice.self_voicing = bool(settings.self_voicing) and not (
            self.voice.screen_reader is not None and self.voice.screen_reader.running)

    def _on_language_changed(self, _language: str) -> None:
        self.retranslate_ui()

    def _on_help_clicked(self) -> None:
        from ui.widgets.text_dialog import TextDialog

        dialog = TextDialog(_("Help"), self._help_text(), self)
        dialog.setObjectName("help_dialog")
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _help_text(self) -> str:
        if self.bridge is None:
            return _("Choose a procedure from the list and press “Start the chosen procedure”. You answer one group of questions "
                     "per screen. Back and Next move between screens; nothing you typed is lost.")
        procedure = self.bridge.session.procedure
        lines = [bilingual(procedure.title), bilingual(procedure.summary), "",
                 _("Where: {office}").format(office=bilingual(procedure.office.name))]
        if procedure.deadline:
            lines.append(_("By when: {deadline}").format(deadline=bilingual(procedure.deadline)))
        step = self.bridge.session.current_step
        for field in (self.bridge.session.visible_fields(step) if step else []):
            if field.help:
                lines += ["", f"{bilingual(field.label)}: {bilingual(field.help)}"]
        return "\n".join(lines)
