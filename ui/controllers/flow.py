"""Moving through a visit on screen: the chosen procedure → who fills in → the steps and the
review, kept as a draft while they change; the window's title says where the person is. The rules
are the visit's (assistant.visit); this shows its pages and moves the focus."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from assistant.i18n import _, bilingual
from assistant.visit import Visit
from ui.a11y import announce
from ui.bridge import SessionBridge
from ui.controllers.screens import Screens


class Flow(QObject):
    title_changed = Signal(str)
    page_shown = Signal()            # who fills in, the done page: self-voicing reads the new page
    step_changed = Signal()          # a new step (or the review) is shown
    validation_failed = Signal(list)

    def __init__(self, visit: Visit, screens: Screens, keeper, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visit, self.screens, self.keeper = visit, screens, keeper
        self.bridge: SessionBridge | None = None
        self.title = ""
        screens.who_made.connect(self._on_who_made)
        screens.home.procedure_chosen.connect(self.ask_who)
        screens.step.left_first_step.connect(self.go_home)
        screens.done.finished.connect(self.go_home)

    def _on_who_made(self, who) -> None:
        who.confirmed.connect(self._on_who_confirmed)
        who.cancelled.connect(self.go_home)

    # --- pages --------------------------------------------------------------------------------

    def ask_who(self, procedure_id: str) -> None:
        """First: who fills in (the resident, family, a representative, a volunteer)."""
        proposed = self.visit.choose(procedure_id)
        who = self.screens.who_panel()
        who.set_assistance(proposed)
        who.focus_choice()        # before the home page is hidden: straight there (see show_current)
        self.screens.show(who)
        who.focus_choice()
        self.update_title()
        announce(who, self.title)
        self.page_shown.emit()

    def _on_who_confirmed(self, assistance) -> None:
        start = self.visit.begin(assistance)
        self.start_session(start.session, filled_by=start.filled_by, extra=start.extra)

    def start_session(self, session, draft=None, *, filled_by: dict | None = None, extra: dict | None = None) -> None:
        """Show a session (new or resumed) and keep it saved as a draft while it changes."""
        if self.bridge is not None:
            self.keeper.save_now()
            self.bridge.deleteLater()
        filled_by, extra = self.visit.follow(session, draft, filled_by=filled_by, extra=extra)
        self.keeper.follow(session, draft, filled_by=filled_by, extra=extra)
        step, review = self.screens.step, self.screens.review
        step.prefilled, step.carried = self.visit.prefilled, self.visit.carried
        self.bridge = SessionBridge(session, self)
        self.bridge.answer_changed.connect(self.keeper.changed)
        self.bridge.step_changed.connect(self.keeper.save_now)
        step.attach(self.bridge)
        review.attach(self.bridge)
        self.bridge.step_changed.connect(self._on_bridge_step_changed)
        self.bridge.validation_failed.connect(self.validation_failed)
        self._on_bridge_step_changed()

    def _on_bridge_step_changed(self) -> None:
        self.show_current(focus_start=True)
        announce(self.screens.current(), self.title)
        self.step_changed.emit()

    def show_current(self, *, focus_start: bool = False) -> None:
        """Show the session's page; with `focus_start`, its first answer takes the focus — set before
        the page is shown, so the focus goes straight there instead of along the chain (language
        box, Back…), which a screen reader would announce one by one."""
        step, review = self.screens.step, self.screens.review
        if self.bridge.session.at_review:
            review.render()
            if focus_start:
                review.export.setFocus(Qt.FocusReason.OtherFocusReason)
            self.screens.show(review)
        else:
            step.render(focus_first=focus_start)
            self.screens.show(step)
            if focus_start:
                step.focus_first_question()   # if the page was hidden, setting it again counts
        self.update_title()

    def show_done(self) -> None:
        """The files are made: the done page, its main action focused (print, sign, bring)."""
        done = self.screens.done
        self.screens.show(done)
        self.update_title()
        done.print_pdf.setFocus()
        announce(done, _("Your form is ready."))
        self.page_shown.emit()

    def go_home(self) -> None:
        self.screens.show(self.screens.home)
        self.screens.home.list.setFocus()
        self.update_title()

    def close_session(self) -> None:
        """The session was ended ("End session"): none is shown any more."""
        if self.bridge is not None:
            self.bridge.deleteLater()
            self.bridge = None

    def welcome_next(self) -> None:
        """After "End session": the home page, no drafts, its search focused for the next person."""
        home = self.screens.home
        home.show_drafts([])
        self.screens.show(home)
        home.search.clear()
        home.search.setFocus()
        self.update_title()

    # --- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        if self.bridge is not None and self.screens.current() in (self.screens.step, self.screens.review):
            self.show_current()
        else:
            self.update_title()

    def update_title(self) -> None:
        self.title = self._title()
        self.title_changed.emit(self.title)

    def _title(self) -> str:
        app, screens = _("Tetsuzuki Assistant"), self.screens
        page = screens.current()
        if page is screens.who:
            return _("{page} — {app}").format(page=_("Who will apply, and who is typing?"), app=app)
        if self.bridge is None or page in (screens.home, screens.done):
            where = _("Choose a procedure") if page is screens.home else _("Your form is ready")
            return _("{page} — {app}").format(page=where, app=app)
        session = self.bridge.session
        n, total = session.position
        step_title = bilingual(session.current_step.title) if session.current_step else _("Check your answers")
        return _("Step {current}/{total} {title} — {app}").format(current=n, total=total, title=step_title, app=app)
