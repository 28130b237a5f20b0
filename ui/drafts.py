"""Drafts in the window: autosave while the person answers, list, resume and delete.

All key and disk work runs through the task helper (writes in order, one at a time); this object
only decides when, and reports back with signals. The rules live in assistant.drafts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.i18n import _

if TYPE_CHECKING:
    from assistant.drafts.store import Draft, DraftInfo, LoadResult
    from assistant.drafts.unlock import KeyChoice
    from assistant.interview.session import Session

log = logging.getLogger(__name__)
AUTOSAVE_DELAY_MS = 800   # after the last keystroke: often enough to lose nothing, rarely enough to be cheap


def default_key_chooser(folder: Path, shared_pc: bool = False) -> KeyChoice:
    from assistant.drafts.unlock import choose_key_source

    return choose_key_source(folder, shared_pc=shared_pc)


class DraftKeeper(QObject):
    ready = Signal()                  # drafts can be saved and opened
    needs_passphrase = Signal(str, str)   # (action: choose_passphrase|enter_passphrase|unavailable, message)
    listed = Signal(list)             # list[DraftInfo], newest first
    saved = Signal(str)               # the draft's updated time (ISO)
    failed = Signal(str)              # a message for the person
    profile_loaded = Signal(object)   # the person's saved details (Profile), or None when there are none

    def __init__(self, folder: Path, tasks, key_chooser: Callable[[Path], KeyChoice] = default_key_chooser,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder, self.tasks, self.key_chooser = folder, tasks, key_chooser
        self.store = None
        self.profiles = None              # ProfileStore, same folder and key as the drafts
        self.profile = None               # the saved details, once loaded
        self.session: Session | None = None
        self.filled_by: dict = {}
        self.extra: dict = {}
        self.draft_id: str | None = None
        self._created = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    # --- the key ------------------------------------------------------------------------------

    def start(self) -> None:
        """Find the key (keyring probes can block: in the background)."""
        self.tasks.run(lambda: self.key_chooser(self.folder), self._on_key_chosen, self._on_error)

    def _on_key_chosen(self, choice: KeyChoice) -> None:
        if choice.action == "ready":
            self._open_store(choice.source)
        else:
            self.needs_passphrase.emit(choice.action, choice.message)

    def use_passphrase(self, action: str, passphrase: str, on_wrong: Callable[[str], None],
                       on_opened: Callable[[], None] = lambda: None) -> None:
        """Create (choose_passphrase) or open (enter_passphrase) the PIN/passphrase key; scrypt takes
        a fraction of a second, so it runs in the background too."""
        from assistant.drafts import unlock

        work = unlock.create_passphrase_key if action == "choose_passphrase" else unlock.open_passphrase_key

        def failed(error: Exception) -> None:
            if isinstance(error, unlock.KeyInfoDamagedError):      # damage, never "wrong PIN"
                on_wrong(error.message)
                return
            on_wrong(str(error) if isinstance(error, (unlock.WrongPassphraseError,
                                                      unlock.PassphraseTooShortError)) else self._message())

        def opened(source: Any) -> None:
            self._open_store(source)
            on_opened()

        self.tasks.run(lambda: work(self._ensure_folder(), passphrase), opened, failed, serial=True)

    def _ensure_folder(self) -> Path:
        from assistant.drafts.files import ensure_private_folder

        return ensure_private_folder(self.folder)

    def _open_store(self, source: Any) -> None:
        from assistant.drafts.store import DraftStore

        from assistant.drafts.profile import ProfileStore

        self.store = DraftStore(self.folder, source)
        self.profiles = ProfileStore(self.folder, source)
        self.ready.emit()
        self.refresh()
        profiles = self.profiles
        self.tasks.run(profiles.load, self._on_profile_loaded, self._on_error, serial=True)
        if self.session is not None:
            self.save_now()     # answers typed while the key was being found

    # --- the once-only profile ----------------------------------------------------------------

    def _on_profile_loaded(self, loaded) -> None:
        self.profile = loaded.profile
        self.profile_loaded.emit(self.profile)
        if loaded.message:          # e.g. older details than the newest saved (rollback)
            self.failed.emit(loaded.message)

    def save_profile(self, profile) -> None:
        """Keep the person's details (encrypted, like the drafts), in the background."""
        if self.profiles is None:
            return
        self.profile = profile
        profiles = self.profiles
        self.tasks.run(lambda: profiles.save(profile), self._on_profile_saved, self._on_error, serial=True)

    def _on_profile_saved(self, profile) -> None:
        self.profile = profile
        self.profile_loaded.emit(profile)

    def delete_profile(self) -> None:
        self.profile = None
        if self.profiles is not None:
            profiles = self.profiles
            self.tasks.run(profiles.delete, lambda _count: self.profile_loaded.emit(None), self._on_error,
                           serial=True)

    # --- listing, opening, deleting -----------------------------------------------------------

    def refresh(self) -> None:
        if self.store is not None:
            self.tasks.run(self.store.list, self.listed.emit, self._on_error, serial=True)

    def load(self, draft_id: str, versions: dict[str, str], on_loaded: Callable[[LoadResult], None]) -> None:
        self.tasks.run(lambda: self.store.load(draft_id, procedure_versions=versions), on_loaded,
                       self._on_error, serial=True)

    def delete(self, draft_id: str) -> None:
        if draft_id == self.draft_id:
            self.follow(None)
        self.tasks.run(lambda: self.store.delete(draft_id), lambda _count: self.refresh(), self._on_error,
                       serial=True)

    # --- autosave -----------------------------------------------------------------------------

    def follow(self, session: Session | None, draft: Draft | None = None, *,
               filled_by: dict | None = None, extra: dict | None = None) -> None:
        """Save `session` as it changes (a resumed `draft` keeps its id); None stops following.
        `filled_by` (who fills in) and `extra` (e.g. the prefilled field ids) are saved with it."""
        self._timer.stop()
        self.session = session
        self.draft_id = draft.draft_id if draft else None
        self._created = draft.created if draft else ""
        self.filled_by = filled_by if filled_by is not None else dict(draft.filled_by) if draft else {}
        self.extra = extra if extra is not None else dict(draft.extra) if draft else {}

    def changed(self) -> None:
        """An answer changed: save soon (after the typing pauses)."""
        if self.session is not None and self.store is not None:
            self._timer.start()

    def save_now(self) -> None:
        """Save at once (a step change, leaving the procedure, closing the window)."""
        self._timer.stop()
        if self.session is None or self.store is None:
            return
        from assistant.drafts.store import Draft

        snapshot = Draft.from_session(self.session, draft_id=self.draft_id, created=self._created,
                                      filled_by=self.filled_by, extra=self.extra)
        self.draft_id = snapshot.draft_id      # the first save gives the draft its id
        store = self.store
        self.tasks.run(lambda: store.save(snapshot), self._on_saved, self._on_error, serial=True)

    def _on_saved(self, draft: Draft) -> None:
        self._created = draft.created
        self.saved.emit(draft.updated)

    def _message(self) -> str:
        return _("Your answers could not be saved as a draft. Nothing you entered is lost while the "
                 "window is open; check that the disk is not full.")

    def _on_error(self, error: Exception) -> None:
        log.warning("draft operation failed: %s", type(error).__name__)
        self.failed.emit(self._message())
