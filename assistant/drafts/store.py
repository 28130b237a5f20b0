"""Unfinished procedures, saved encrypted after every change and offered again on the next start.

A draft is plain data: the procedure's id and version, the raw answers exactly as typed, the
current step, timestamps, and who is filling in (mode, helper's name and organisation …) as
given by the UI. It is written as JSON, encrypted (AES-256-GCM) and kept as its last three
generations (see `files`), in a folder the caller gives (``AppPaths.data / "drafts"``).

Nothing about a draft is readable without the key: the file name is a random id, and the
procedure id, timestamps and answers are inside the encrypted part. Logs name draft ids,
generations and error kinds only.

`DraftStore.save` takes about a millisecond for a 50 KB draft (bench/bench_autosave.py) and may be
called after every change, from one background thread at a time. Pass it a snapshot
(`Draft.from_session` copies the answers) so the UI can go on changing the session meanwhile.
"""

from __future__ import annotations

import copy
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from assistant.drafts.files import Records
from assistant.drafts.rollback import Witness, witness_folder
from assistant.drafts.keys import KeySource, KeyUnavailableError
from assistant.i18n import _

log = logging.getLogger(__name__)

FORMAT = 1
PROFILE_RECORD = "profile"


def new_draft_id() -> str:
    """A random id that says nothing about the draft (also its file name)."""
    return "d" + secrets.token_hex(8)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Draft:
    """One saved, unfinished session."""

    procedure_id: str
    procedure_version: str
    answers: dict[str, Any]
    step_id: str | None = None
    #: who is filling in, as plain data from the UI, e.g. {"mode": "volunteer", "helper_name": …}
    filled_by: dict[str, Any] = field(default_factory=dict)
    #: anything else the UI keeps with the draft (prefilled field ids, who entered what …)
    extra: dict[str, Any] = field(default_factory=dict)
    draft_id: str = field(default_factory=new_draft_id)
    created: str = ""              # ISO 8601 UTC, set by the first save
    updated: str = ""              # ISO 8601 UTC, set by every save

    @classmethod
    def from_session(cls, session: Any, *, draft_id: str | None = None, created: str = "",
                     filled_by: Mapping[str, Any] | None = None, extra: Mapping[str, Any] | None = None) -> Draft:
        """A snapshot of an `interview.session.Session` (answers deep-copied; call on its thread)."""
        step = session.current_step
        return cls(procedure_id=session.procedure.id, procedure_version=session.procedure.version,
                   answers=copy.deepcopy(session.answers), step_id="review" if step is None else step.id,
                   filled_by=copy.deepcopy(dict(filled_by or {})), extra=copy.deepcopy(dict(extra or {})),
                   draft_id=draft_id or new_draft_id(), created=created)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "kind": "draft", "draft_id": self.draft_id,
                "procedure": {"id": self.procedure_id, "version": self.procedure_version},
                "step_id": self.step_id, "answers": self.answers, "filled_by": self.filled_by,
                "extra": self.extra, "created": self.created, "updated": self.updated}

    @classmethod
    def from_json(cls, data: Any) -> Draft:
        """Raises ValueError/TypeError/KeyError for anything that is not a draft of this format."""
        if not isinstance(data, dict) or data.get("kind") != "draft" or data.get("format") != FORMAT:
            raise ValueError("not a draft")
        procedure = data["procedure"]
        draft = cls(procedure_id=procedure["id"], procedure_version=procedure["version"],
                    answers=data["answers"], step_id=data.get("step_id"), filled_by=data.get("filled_by") or {},
                    extra=data.get("extra") or {}, draft_id=data["draft_id"], created=data.get("created", ""),
                    updated=data.get("updated", ""))
        if not (isinstance(draft.procedure_id, str) and isinstance(draft.procedure_version, str)
                and isinstance(draft.answers, dict) and isinstance(draft.filled_by, dict)
                and isinstance(draft.extra, dict) and isinstance(draft.draft_id, str)):
            raise TypeError("draft fields of the wrong type")
        return draft


@dataclass(frozen=True)
class DraftInfo:
    """A line of the home page's "unfinished procedures" list (no answers)."""

    draft_id: str
    procedure_id: str | None       # None when the draft cannot be opened
    procedure_version: str | None
    updated: str | None
    readable: bool


OK, RECOVERED, NOT_FOUND, UNREADABLE, LOCKED = "ok", "recovered", "not_found", "unreadable", "locked"
ROLLED_BACK = "rolled_back"


@dataclass(frozen=True)
class LoadResult:
    """What loading a draft gave, and what the person should be told about it."""

    draft_id: str
    #: OK, RECOVERED (an older generation: newer ones damaged), ROLLED_BACK (newer ones missing:
    #: deleted, or an older copy of the folder put back), NOT_FOUND, UNREADABLE, LOCKED
    status: str
    draft: Draft | None = None
    generation: int | None = None
    damaged_generations: int = 0    # newer generations that could not be opened
    #: "same", "changed" (another version), "missing" (no such procedure now), "unknown" (not checked)
    procedure_status: str = "unknown"

    @property
    def fell_back(self) -> bool:
        return self.status in (RECOVERED, ROLLED_BACK)

    @property
    def messages(self) -> list[str]:
        """Plain sentences for the person, in the current language (empty when all is well)."""
        said = {
            RECOVERED: _("The most recent changes to this draft could not be read, so the copy saved just "
                         "before them was opened. Please check your last answers."),
            UNREADABLE: _("This draft could not be opened: it is damaged or was saved with another key. "
                          "It has been kept, and you can delete it."),
            ROLLED_BACK: _("These are not your latest answers: newer saves of this draft are missing from the "
                           "drafts folder (a file was deleted, or an older copy of the folder was put back). "
                           "The older answers have been opened; please check them. If you have a newer copy "
                           "of the drafts folder, close the application and put it back first."),
            NOT_FOUND: _("This draft no longer exists."),
            LOCKED: _("Your drafts cannot be opened now because the key that protects them cannot be reached."),
        }
        messages = [said[self.status]] if self.status in said else []
        if self.procedure_status == "changed":
            messages.append(_("This form has been updated since you saved your draft. Your answers have been "
                              "kept; please check every step again before you finish."))
        elif self.procedure_status == "missing":
            messages.append(_("The form this draft was made for is no longer available. The draft has been "
                              "kept, and you can delete it."))
        return messages


class DraftStore:
    """Encrypted drafts in one private folder (0700; files 0600)."""

    def __init__(self, folder: Path, keys: KeySource, *, witness: Path | None = None) -> None:
        self.folder = Path(folder)
        self.keys = keys
        self._records = Records(self.folder, keys.key)
        #: the newest generation of each draft, kept outside the folder (see `rollback`)
        self._seen = Witness(witness or witness_folder(self.folder), keys.key)
        self._created: dict[str, str] = {}     # draft id → creation time seen by save or load
        self.last_generation: int | None = None

    def save(self, draft: Draft) -> Draft:
        """Write `draft` as its newest generation; returns it with `created`/`updated` set.

        A draft without `created` keeps the creation time of the earlier saves of the same id.
        Raises OSError (disk) or KeyUnavailableError; the previous generations stay intact.
        """
        stamp = now()
        created = draft.created or self._created.setdefault(draft.draft_id, stamp)
        saved = replace(draft, created=created, updated=stamp)
        # Above any generation saved before, even one missing now: a later save is never mistaken
        # for an older one, and the person continuing from older answers ends the rollback notice.
        saved_generation = self._records.write(saved.draft_id, saved.to_json(), after=self._seen.seen(saved.draft_id))
        self._seen.record(saved.draft_id, saved_generation)
        self.last_generation = saved_generation      # for logs and tests
        log.debug("draft %s saved (generation %d)", saved.draft_id, saved_generation)
        return saved

    def load(self, draft_id: str, *, procedure_versions: Mapping[str, str] | None = None) -> LoadResult:
        """The newest generation that opens; never raises.

        `procedure_versions` (procedure id → current version, e.g. from the catalog) lets the
        result say whether the procedure changed or is gone.
        """
        try:
            outcome = self._records.read(draft_id, Draft.from_json)
        except KeyUnavailableError:
            return LoadResult(draft_id, LOCKED)
        except (OSError, ValueError) as error:
            log.warning("draft %s not loaded: %s", draft_id, type(error).__name__)
            return LoadResult(draft_id, UNREADABLE)
        if outcome.value is None:
            return LoadResult(draft_id, UNREADABLE if outcome.found else NOT_FOUND,
                              damaged_generations=outcome.damaged)
        draft: Draft = outcome.value
        if draft.draft_id != draft_id:
            return LoadResult(draft_id, UNREADABLE, damaged_generations=outcome.damaged)
        if draft.created:
            self._created.setdefault(draft_id, draft.created)
        status = RECOVERED if outcome.damaged else OK
        # Damaged newer files are still there (RECOVERED); missing ones are a rollback.
        if self._seen.seen(draft_id) > max(self._records.generations(draft_id)[:1] or [outcome.generation]):
            log.warning("draft %s: newer generations than %d are missing (rollback)", draft_id, outcome.generation)
            status = ROLLED_BACK
        return LoadResult(draft_id, status, draft, outcome.generation,
                          outcome.damaged, _procedure_status(draft, procedure_versions))

    def draft_ids(self) -> list[str]:
        """Ids of the drafts on disk (no decryption)."""
        return [name for name in self._records.names() if name != PROFILE_RECORD]

    def list(self) -> list[DraftInfo]:
        """Every draft, most recently changed first; answers are decrypted but not kept or logged."""
        infos = []
        for draft_id in self.draft_ids():
            result = self.load(draft_id)
            draft = result.draft
            infos.append(DraftInfo(draft_id, draft.procedure_id, draft.procedure_version, draft.updated, True)
                         if draft else DraftInfo(draft_id, None, None, None, False))
        return sorted(infos, key=lambda i: (i.updated or "", i.draft_id), reverse=True)

    def delete(self, draft_id: str) -> int:
        """Unlink every generation of the draft; returns the number of files removed.

        Overwriting before unlinking is not done: on SSDs and journaling or copy-on-write file
        systems it does not reach the old blocks. The files are encrypted, and wiping the key
        (`unlock.forget_key_info`) makes any copy left on the disk unreadable.
        """
        removed = self._records.remove(draft_id)
        self._seen.forget(draft_id)
        return removed


def _procedure_status(draft: Draft, versions: Mapping[str, str] | None) -> str:
    if versions is None:
        return "unknown"
    if draft.procedure_id not in versions:
        return "missing"
    return "same" if versions[draft.procedure_id] == draft.procedure_version else "changed"


@dataclass(frozen=True)
class ProcedureChange:
    """How a draft fits the procedure as it is now (for the UI's "migrate or explain")."""

    version_changed: bool
    unknown_fields: tuple[str, ...]   # answered field ids the procedure no longer has (answers kept)
    step_missing: bool                # the saved step is gone: start at the first step


def compare_with_procedure(draft: Draft, procedure: Any) -> ProcedureChange:
    """Compare a draft with the current `procedures.model.Procedure` of the same id."""
    field_ids = {f.id for step in procedure.steps for f in step.fields}
    step_ids = {s.id for s in procedure.steps} | {"review"}
    return ProcedureChange(draft.procedure_version != procedure.version,
                           tuple(sorted(set(draft.answers) - field_ids)),
                           draft.step_id is not None and draft.step_id not in step_ids)
