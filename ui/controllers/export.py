"""Making the files: "Create the files" on the review page → the files in the background → the done
page, then the person's own copy in their language. The work is the core's (assistant.export)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from assistant import i18n
from assistant.i18n import _
from assistant.paths import AppPaths
from assistant.visit import Visit, export_files
from ui.a11y import announce
from ui.controllers.flow import Flow

log = logging.getLogger(__name__)


class Export(QObject):
    def __init__(self, visit: Visit, flow: Flow, keeper, paths: AppPaths, tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visit, self.flow, self.keeper, self.paths, self.tasks = visit, flow, keeper, paths, tasks
        self.review, self.done = flow.screens.review, flow.screens.done
        self.review.export_requested.connect(self.start)

    def start(self) -> None:
        snapshot = self.visit.snapshot()     # workers get plain data
        self.review.export.setEnabled(False)
        self.review.status.setText(_("Creating the files…"))
        announce(self.review.status, self.review.status.text())
        assistance, paths = self.visit.assistance, self.paths
        self.tasks.run(lambda: export_files(snapshot, paths, assistance), self._on_done, self._on_failed)

    def details_offer(self) -> list[str]:
        """The labels of the details "Save my details" would keep or change (none: no offer)."""
        if self.keeper.profiles is None:
            return []
        from ui.widgets.profile_dialog import meaning_label

        return [meaning_label(meaning) for meaning in self.visit.details_offer()]

    def _on_done(self, result) -> None:
        self.review.export.setEnabled(True)
        helped = self.visit.export_done(result)
        self.done.shared_pc = self.visit.shared_pc
        self.done.show_result(self.visit.snapshot(), result, details_offer=self.details_offer(), helped_by=helped)
        # then the person's own copy, in their language (one more PDF): the page offers it when made
        from assistant.export.package import add_copy

        snapshot, language, assistance = self.visit.snapshot(), i18n.current_language(), self.visit.assistance
        self.tasks.run(lambda: add_copy(snapshot, result, language, assistance), self._on_copy_made,
                       lambda error: log.warning("copy not made: %s", type(error).__name__))
        self.flow.show_done()

    def _on_copy_made(self, result) -> None:
        if self.done.show_copy(result):
            announce(self.done, _("Your own copy, in your language, is ready too."))

    def _on_failed(self, error: Exception) -> None:
        self.review.export.setEnabled(True)
        log.warning("export failed: %s", type(error).__name__)   # the type only: no personal data
        from assistant.export.package import failure_message

        message = failure_message(error, self.paths.exports)   # which answer to change, or the disk's problem
        self.review.status.setText(message)
        announce(self.review.status, message, assertive=True)
