"""Drafts, the PIN, the once-only profile and "End session", as the window shows them: unfinished
procedures on the home page (resume, delete, announced once), the PIN dialog (checked in the
background), "Save my details" and "My saved details", and erasing a resident's session on a
shared computer. The rules live in assistant.drafts; `ui.drafts.DraftKeeper` does the disk work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from assistant.i18n import _, ngettext
from ui.a11y import announce

if TYPE_CHECKING:
    from ui.main_window import MainWindow


#: the buttons of a destructive confirmation; No is its default (Enter, and the focus, keep things as they are)
NO_OR_YES = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No


def profile_person(assistance) -> str | None:
    """Whose details the saved profile stands for in this session: the resident's. When a
    representative (代理人) or someone of the household applies, the resident is the subject of
    the form, not the applicant."""
    return "subject" if assistance.represented else None


class WindowDrafts(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._drafts_told = False       # unfinished procedures are announced once, when first found
        self._passphrase_action = ""
        keeper, home = window.keeper, window.home
        keeper.listed.connect(self._on_keeper_listed)
        keeper.needs_passphrase.connect(self._on_keeper_needs_passphrase)
        keeper.ready.connect(lambda: home.show_drafts_note("", False))
        keeper.ready.connect(lambda: home.details.setVisible(True))
        home.draft_resumed.connect(self._on_home_draft_resumed)
        home.draft_deleted.connect(self._on_home_draft_deleted)
        home.passphrase_requested.connect(self._on_home_passphrase_requested)
        home.details_requested.connect(self._on_home_details_requested)
        window.done.save_details_requested.connect(self._on_done_save_details_requested)
        window.header.end_requested.connect(self._on_header_end_requested)

    def _on_keeper_listed(self, infos: list) -> None:
        """Crash recovery and coming back: the unfinished procedures are at the top of the list, and
        said once at start, so whoever cannot see the screen knows they can continue."""
        window = self.window
        window.home.show_drafts(infos)
        if infos and not self._drafts_told and window.stack.currentWidget() is window.home:
            self._drafts_told = True
            announce(window.home, ngettext("You have {count} unfinished procedure saved on this computer.",
                                           "You have {count} unfinished procedures saved on this computer.",
                                           len(infos)).format(count=len(infos)))

    def _on_home_draft_resumed(self, draft_id: str) -> None:
        window = self.window
        versions = {p.id: p.version for p in window.catalog.procedures}
        window.keeper.load(draft_id, versions, self._on_draft_loaded)

    def _on_draft_loaded(self, result) -> None:
        from assistant.interview.session import Session

        window = self.window
        message = "\n".join(result.messages)
        if result.draft is None or not window.catalog.check(result.draft.procedure_id):
            window.home.show_drafts_note(message or _("This draft could not be opened."), False)
            announce(window.home, window.home.drafts_note.text(), assertive=True)
            return
        session = Session(window.catalog.get(result.draft.procedure_id), result.draft.answers)
        if result.procedure_status != "changed":
            session.resume_at(result.draft.step_id or "")
        # an updated form starts again at its first step, answers kept, so that every step is checked
        window.start_session(session, result.draft)
        window.show_status(message)
        if message:
            announce(window.draft_status, message, assertive=True)

    def _on_home_draft_deleted(self, draft_id: str) -> None:
        window = self.window
        answer = QMessageBox.question(window, _("Delete the draft?"),
                                      _("Delete this unfinished procedure and all its answers from this computer? "
                                        "This cannot be undone."), NO_OR_YES, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            window.keeper.delete(draft_id)
            announce(window.home, _("The draft was deleted."))

    def _on_keeper_needs_passphrase(self, action: str, message: str) -> None:
        window = self.window
        self._passphrase_action = action
        window.home.show_drafts_note(message, action in ("choose_passphrase", "enter_passphrase"))

    def _on_home_passphrase_requested(self) -> None:
        from ui.widgets.passphrase import PassphraseDialog

        window = self.window
        dialog = PassphraseDialog(self._passphrase_action == "choose_passphrase", window.home.drafts_note.text(),
                                  window)
        dialog.setObjectName("passphrase_dialog")
        dialog.submitted.connect(lambda passphrase: window.keeper.use_passphrase(
            self._passphrase_action, passphrase, dialog.show_problem, dialog.accept))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()   # not exec(): the key is derived in the background while the window goes on

    def _on_header_end_requested(self) -> None:
        """Shared computer: erase everything of this person, then start again for the next one."""
        window = self.window
        answer = QMessageBox.question(window, _("End the session?"), _(
            "Erase everything entered on this computer in this session: drafts, saved details and the "
            "created files? Print or take the files first. This cannot be undone."), NO_OR_YES,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        from assistant.drafts.wipe import wipe_session

        window.reader.close()
        window.keeper.follow(None)
        window.keeper.store = window.keeper.profiles = window.keeper.profile = None
        window.home.details.setVisible(False)
        QApplication.clipboard().clear()      # a copied name or number must not reach the next person
        drafts, exports = window.paths.data / "drafts", window.paths.exports
        # serial: after any draft save still on its way, never beside it
        window.tasks.run(lambda: wipe_session({"drafts": drafts, "exports": exports}, key_folders=[drafts]),
                         self._on_session_erased, lambda error: self._on_session_erased(None), serial=True)

    def _on_session_erased(self, report) -> None:
        window = self.window
        if window.bridge is not None:
            window.bridge.deleteLater()
            window.bridge = None
        window.restore_settings(window.centre_settings)
        window.home.show_drafts([])
        window.stack.setCurrentWidget(window.home)
        window.home.search.clear()
        window.home.search.setFocus()
        window.update_title()
        message = (_("Everything of this session was erased. The computer is ready for the next person.")
                   if report is not None and not report.failed else
                   _("Some files could not be erased. Ask the person in charge of this computer to check."))
        window.show_status(message)
        announce(window.draft_status, message, assertive=True)
        window.keeper.start()

    # --- the once-only profile ------------------------------------------------------------------

    def details_offer(self) -> list[str]:
        """The labels of the details "Save my details" would keep or change (none: no offer)."""
        window = self.window
        if window.keeper.profiles is None:
            return []
        from assistant.drafts.profile import Profile, changes_from_answers
        from ui.widgets.profile_dialog import meaning_label

        session = window.bridge.session
        changes = changes_from_answers(session.procedure, session.answers, window.keeper.profile or Profile(),
                                       person=profile_person(window.assistance))
        return [meaning_label(meaning) for meaning in changes]

    def _on_done_save_details_requested(self) -> None:
        from assistant.drafts.profile import Profile, update_from_answers

        window = self.window
        session = window.bridge.session
        window.keeper.save_profile(update_from_answers(session.procedure, session.answers,
                                                       window.keeper.profile or Profile(),
                                                       person=profile_person(window.assistance)))
        message = _("Your details were saved. The next form that asks for them will offer them.")
        window.done.details_saved(message)
        announce(window.done.details_note, message)

    def _on_home_details_requested(self) -> None:
        from assistant.drafts.profile import Profile
        from ui.widgets.profile_dialog import ProfileDialog

        window = self.window
        dialog = ProfileDialog(window.keeper.profile or Profile(), window)
        dialog.setObjectName("profile_dialog")
        dialog.profile_changed.connect(window.keeper.save_profile)
        dialog.delete_all_requested.connect(window.keeper.delete_profile)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
