"""One visit at the screen, without Qt: choose a procedure → who fills in → prefill from the saved
details → the session → export → save the details → end the session.

The window used to hold this state and these rules in its slots; the UI's controllers
(`ui/controllers/`) now ask a `Visit` and show what it says. Its events (`assistant.events.Event`)
tell listeners what happened; the disk and key work (drafts, profile store, export) still runs in
the UI's background tasks, with the plain data the visit hands out.

Rules kept here:
- **Whose saved details prefill the form** (`profile_person`): the resident's. When someone else
  applies (a household member, a representative), the resident is the form's *subject*.
- **Who applies is not asked twice**: the procedure's own relationship question is answered from
  "who fills in" (`assistance.procedure_answers`).
- **A resumed draft** goes back to the step it was left at, unless its procedure changed since:
  then it starts again at the first step, answers kept, so every step is checked again.
- **The helper is remembered** (memory only) for the next procedure of the same visit.
- **Self-voicing** starts off when a screen reader runs, else as the person last chose it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.events import Event
from assistant.i18n import _, bilingual
from assistant.interview.assisted import Assistance, procedure_answers

if TYPE_CHECKING:
    from assistant.drafts.profile import Profile
    from assistant.drafts.store import Draft, LoadResult
    from assistant.export.package import ExportResult
    from assistant.interview.session import Session
    from assistant.paths import AppPaths
    from assistant.procedures.catalog import Catalog
    from assistant.speech.screen_reader import Detection


def profile_person(assistance: Assistance) -> str | None:
    """Whose details the saved profile stands for in this session: the resident's. When a
    representative (代理人) or someone of the household applies, the resident is the subject of
    the form, not the applicant."""
    return "subject" if assistance.represented else None


def export_files(session: Session, paths: AppPaths, assistance: Assistance) -> ExportResult:
    """The submission files of a finished session, in the exports folder (run in a worker, with a
    `Visit.snapshot`); the person's own copy is added afterwards (`export.package.add_copy`)."""
    # fpdf2 takes a quarter of a second to import: load it with the first export, in the worker.
    from assistant.export.package import export_package

    paths.ensure()     # here: a folder that cannot be made is reported like any failed export
    return export_package(session, paths.exports, assistance=assistance, with_copy=False)


@dataclass(frozen=True)
class Start:
    """A new session and what its draft records with it: who fills in (`filled_by`) and `extra`
    (the answers offered from the saved details, "prefilled", and from who applies, "carried")."""

    session: Session
    filled_by: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


class Visit:
    """One person's visit: the state the window held and the rules its slots applied.

    Events: `who_asked(Assistance)` — who fills in is asked, with these answers proposed;
    `started(Session)` — a session (new or resumed) is shown; `exported(ExportResult)`;
    `details_saved(Profile)`; `ended()` — the session was ended ("End session" on a shared computer).
    """

    def __init__(self, catalog: Catalog | None = None, *, shared_pc: bool = False) -> None:
        self.catalog = catalog
        self.shared_pc = shared_pc
        self.profile: Profile | None = None     # the saved details, once loaded
        self.chosen = ""                         # the procedure waiting for "who fills in"
        self.assistance = Assistance()           # who fills in the current procedure
        self.helper = Assistance()               # the last helper's name and organisation (memory only)
        self.session: Session | None = None
        self.prefilled: dict[str, Any] = {}      # field id → answer offered from the saved details
        self.carried: dict[str, Any] = {}        # field id → answer carried from "who applies"
        self.result: ExportResult | None = None
        self.screen_reader: Detection | None = None   # what detection found, once it ran
        self.self_voicing = False                # read each question when it gets the focus
        self.who_asked, self.started, self.exported = Event(), Event(), Event()
        self.details_saved, self.ended = Event(), Event()

    # --- choose a procedure, who fills in, prefill ----------------------------------------------

    def choose(self, procedure_id: str) -> Assistance:
        """The person chose a procedure: who fills in is asked next, proposing the last helper."""
        self.chosen = procedure_id
        proposed = Assistance(self.helper.role, self.helper.helper_name, self.helper.helper_organisation)
        self.who_asked.emit(proposed)
        return proposed

    def begin(self, assistance: Assistance) -> Start:
        """Who fills in was confirmed: a new session of the chosen procedure, prefilled from the
        saved details (the resident's) and with "who applies" already answered."""
        from assistant.drafts.profile import prefill
        from assistant.interview.session import Session

        if assistance.helped:
            self.helper = assistance
        procedure = self.catalog.get(self.chosen)
        offered = (prefill(procedure, self.profile, person=profile_person(assistance))
                   if self.profile is not None else {})
        carried = procedure_answers(procedure, assistance)     # "who applies" is not asked again
        return Start(Session(procedure, {**offered, **carried}), assistance.to_json(),
                     {"prefilled": offered, "carried": carried})

    def follow(self, session: Session, draft: Draft | None = None, *, filled_by: Mapping | None = None,
               extra: Mapping | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
        """Make `session` the current one. A resumed `draft` brings who filled it in and its extra
        data, unless given. Returns (filled_by, extra) as the draft keeps them."""
        filled = dict(filled_by) if filled_by is not None else dict(draft.filled_by) if draft else {}
        kept = dict(extra) if extra is not None else dict(draft.extra) if draft else {}
        self.session, self.result = session, None
        self.assistance = Assistance.from_json(filled)
        prefilled, carried = kept.get("prefilled"), kept.get("carried")
        self.prefilled = prefilled if isinstance(prefilled, dict) else {}
        self.carried = carried if isinstance(carried, dict) else {}
        self.started.emit(session)
        return filled, kept

    # --- drafts -----------------------------------------------------------------------------------

    def procedure_versions(self) -> dict[str, str]:
        """procedure id → version, to tell whether a draft's procedure changed since."""
        return {p.id: p.version for p in self.catalog.procedures} if self.catalog is not None else {}

    def resume(self, result: LoadResult) -> Session | None:
        """The session of a loaded draft, at the step it was left at (at the first step when its
        procedure changed since); None when it cannot be opened."""
        from assistant.interview.session import Session

        draft = result.draft
        if draft is None or self.catalog is None or not self.catalog.check(draft.procedure_id):
            return None
        session = Session(self.catalog.get(draft.procedure_id), draft.answers)
        if result.procedure_status != "changed":
            session.resume_at(draft.step_id or "")
        return session

    # --- export and the saved details -------------------------------------------------------------

    def snapshot(self) -> Session:
        """A copy of the session's procedure and answers, for a worker (plain data)."""
        return type(self.session)(self.session.procedure, self.session.answers)

    def export_done(self, result: ExportResult) -> str:
        """The files were made; returns the line saying who helped ("" when nobody did)."""
        self.result = result
        self.exported.emit(result)
        return self.helped_by()

    def helped_by(self) -> str:
        """"Filled in with help from …" for the done page, or ""."""
        if not self.assistance.helped:
            return ""
        who = " ".join(t for t in (self.assistance.helper_organisation, self.assistance.helper_name) if t)
        return _("Filled in with help from {helper}; this is noted on the form.").format(helper=who)

    def details_offer(self) -> list[str]:
        """The meanings (name, address…) "Save my details" would keep or change; [] when none."""
        from assistant.drafts.profile import Profile, changes_from_answers

        return list(changes_from_answers(self.session.procedure, self.session.answers, self.profile or Profile(),
                                         person=profile_person(self.assistance)))

    def details_to_save(self) -> Profile:
        """The saved details updated from this session's answers about the resident."""
        from assistant.drafts.profile import Profile, update_from_answers

        profile = update_from_answers(self.session.procedure, self.session.answers, self.profile or Profile(),
                                      person=profile_person(self.assistance))
        self.profile = profile
        self.details_saved.emit(profile)
        return profile

    # --- help, self-voicing, end ------------------------------------------------------------------

    def help_text(self) -> str:
        """What Help says: how to start, or the current procedure, its office and deadline, and
        the help of the current step's questions."""
        if self.session is None:
            return _("Choose a procedure from the list and press “Start the chosen procedure”. You answer one group of "
                     "questions per screen. Back and Next move between screens; nothing you typed is lost.")
        procedure = self.session.procedure
        lines = [bilingual(procedure.title), bilingual(procedure.summary), "",
                 _("Where: {office}").format(office=bilingual(procedure.office.name)),
                 *(bilingual(notice.text) for notice in self.session.notices())]
        if procedure.deadline:
            lines.append(_("By when: {deadline}").format(deadline=bilingual(procedure.deadline)))
        step = self.session.current_step
        for item in (self.session.visible_fields(step) if step else []):
            if item.help:
                lines += ["", f"{bilingual(item.label)}: {bilingual(item.help)}"]
        return "\n".join(lines)

    def screen_reader_detected(self, detection: Detection, saved: bool | None) -> bool:
        """Detection ran: self-voicing starts as `self_voicing_default` says (off beside a screen reader)."""
        from assistant.speech.screen_reader import self_voicing_default

        self.screen_reader = detection
        self.self_voicing = self_voicing_default(detection, saved)
        return self.self_voicing

    def reset_self_voicing(self, saved: bool | None) -> bool:
        """Settings put back (e.g. the centre's, after "End session"): the same rule, with what
        detection found so far."""
        running = self.screen_reader is not None and self.screen_reader.running
        self.self_voicing = bool(saved) and not running
        return self.self_voicing

    def end(self) -> None:
        """"End session": forget this person's session, details and answers (the helper stays:
        the volunteer at the desk helps the next person too)."""
        self.session, self.result = None, None
        self.profile, self.assistance, self.prefilled, self.carried = None, Assistance(), {}, {}
        self.ended.emit()
