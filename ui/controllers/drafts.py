"""Drafts, the PIN, the once-only profile and "End session" on screen: unfinished procedures on the
home page (resume, delete, announced once), the PIN dialog (checked in the background), "Save my
details" and "My saved details", and erasing a resident's session on a shared computer. The rules
live in assistant.drafts and assistant.visit; `ui.drafts.DraftKeeper` does the disk work."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from assistant.i18n import _, ngettext
from assistant.paths import AppPaths
from assistant.visit import Visit
from ui.a11y import announce
from ui.controllers.flow import Flow
from ui.controllers.preferences import Preferences
from ui.controllers.voice import Voice

#: the buttons of a destructive confirmation; No is its default (Enter, and the focus, keep things as they are)
NO_OR_YES = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No


class Drafts(QObject):
    def __init__(self, visit: Visit, flow: Flow, keeper, preferences: Preferences, voice: Voice, header,
                 paths: AppPaths, tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visit, self.flow, self.keeper, self.preferences, self.voice = visit, flow, keeper, preferences, voice
        self.screens, self.paths, self.tasks = flow.screens, paths, tasks
        self.home, self.done = self.screens.home, self.screens.done
        self._drafts_told = False       # unfinished procedures are announced once, when first found
        self._passphrase_action = ""
        home = self.home
        keeper.saved.connect(self._on_keeper_saved)
        keeper.failed.connect(self.screens.tell)
        keeper.listed.connect(self._on_keeper_listed)
        keeper.needs_passphrase.connect(self._on_keeper_needs_passphrase)
        keeper.ready.connect(lambda: home.show_drafts_note("", False))
        keeper.ready.connect(lambda: home.details.setVisible(True))
        keeper.profile_loaded.connect(self._on_profile_loaded)
        home.draft_resumed.connect(self._on_home_draft_resumed)
        home.draft_deleted.connect(self._on_home_draft_deleted)
        home.passphrase_requested.connect(self._on_home_passphrase_requested)
        home.details_requested.connect(self._on_home_details_requested)
        self.done.save_details_requested.connect(self._on_done_save_details_requested)
        header.end_requested.connect(self._on_header_end_requested)

    def _on_keeper_saved(self, updated: str) -> None:
        from ui.pages.home import local_time

        self.screens.show_status(_("Draft saved (encrypted) at {time}.").format(time=local_time(updated)))

    def _on_keeper_listed(self, infos: list) -> None:
        """Crash recovery and coming back: the unfinished procedures are at the top of the list, and
        said once at start, so whoever cannot see the screen knows they can continue."""
        self.home.show_drafts(infos)
        if infos and not self._drafts_told and self.screens.current() is self.home:
            self._drafts_told = True
            announce(self.home, ngettext("You have {count} unfinished procedure saved on this computer.",
                                         "You have {count} unfinished procedures saved on this computer.",
                                         len(infos)).format(count=len(infos)))

    def _on_home_draft_resumed(self, draft_id: str) -> None:
        self.keeper.load(draft_id, self.visit.procedure_versions(), self._on_draft_loaded)

    def _on_draft_loaded(self, result) -> None:
        message = "\n".join(result.messages)
        session = self.visit.resume(result)
        if session is None:
            self.home.show_drafts_note(message or _("This draft could not be opened."), False)
            announce(self.home, self.home.drafts_note.text(), assertive=True)
            return
        self.flow.start_session(session, result.draft)
        self.screens.show_status(message)
        if message:
            announce(self.screens.status, message, assertive=True)

    def _on_home_draft_deleted(self, draft_id: str) -> None:
        answer = QMessageBox.question(self.screens.dialog_parent(), _("Delete the draft?"),
                                      _("Delete this unfinished procedure and all its answers from this computer? "
                                        "This cannot be undone."), NO_OR_YES, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.keeper.delete(draft_id)
            announce(self.home, _("The draft was deleted."))

    def _on_keeper_needs_passphrase(self, action: str, message: str) -> None:
        self._passphrase_action = action
        self.home.show_drafts_note(message, action in ("choose_passphrase", "enter_passphrase"))

    def _on_home_passphrase_requested(self) -> None:
        from ui.widgets.passphrase import PassphraseDialog

        keeper, action = self.keeper, self._passphrase_action
        dialog = PassphraseDialog(action == "choose_passphrase", self.home.drafts_note.text(),
                                  self.screens.dialog_parent())
        dialog.setObjectName("passphrase_dialog")
        dialog.submitted.connect(lambda passphrase: keeper.use_passphrase(
            self._passphrase_action, passphrase, dialog.show_problem, dialog.accept))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()   # not exec(): the key is derived in the background while the window goes on

    # --- "End session" ----------------------------------------------------------------------------

    def _on_header_end_requested(self) -> None:
        """Shared computer: erase everything of this person, then start again for the next one."""
        answer = QMessageBox.question(self.screens.dialog_parent(), _("End the session?"), _(
            "Erase everything entered on this computer in this session: drafts, saved details and the "
            "created files? Print or take the files first. This cannot be undone."), NO_OR_YES,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        from assistant.drafts.wipe import wipe_session

        keeper = self.keeper
        self.voice.reader.close()
        keeper.follow(None)
        keeper.store = keeper.profiles = keeper.profile = None
        self.home.details.setVisible(False)
        QApplication.clipboard().clear()      # a copied name or number must not reach the next person
        drafts, exports = self.paths.data / "drafts", self.paths.exports
        # serial: after any draft save still on its way, never beside it
        self.tasks.run(lambda: wipe_session({"drafts": drafts, "exports": exports}, key_folders=[drafts]),
                       self._on_session_erased, lambda error: self._on_session_erased(None), serial=True)

    def _on_session_erased(self, report) -> None:
        self.visit.end()
        self.flow.close_session()
        self.preferences.restore(self.preferences.centre)
        self.flow.welcome_next()
        message = (_("Everything of this session was erased. The computer is ready for the next person.")
                   if report is not None and not report.failed else
                   _("Some files could not be erased. Ask the person in charge of this computer to check."))
        self.screens.tell(message)
        self.keeper.start()

    # --- the once-only profile ------------------------------------------------------------------

    def _on_profile_loaded(self, profile) -> None:
        self.visit.profile = profile

    def _save_profile(self, profile) -> None:
        self.visit.profile = profile
        self.keeper.save_profile(profile)

    def _delete_profile(self) -> None:
        self.visit.profile = None
        self.keeper.delete_profile()

    def _on_done_save_details_requested(self) -> None:
        self._save_profile(self.visit.details_to_save())
        message = _("Your details were saved. The next form that asks for them will offer them.")
        self.done.details_saved(message)
        announce(self.done.details_note, message)

    def _on_home_details_requested(self) -> None:
        from assistant.drafts.profile import Profile
        from ui.widgets.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.visit.profile or Profile(), self.screens.dialog_parent())
        dialog.setObjectName("profile_dialog")
        dialog.profile_changed.connect(self._save_profile)
        dialog.delete_all_requested.connect(self._delete_profile)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
