"""The whole application in a process of its own, watched for the privacy promises (issue 6).

Run by tests/e2e/test_privacy.py, never by pytest directly:

    python tests/e2e/privacy_driver.py --home DIR --result FILE [--log FILE] [--probe-network]

An audit hook, installed before anything else is imported, records (and refuses) every network
use by Python code: connect/bind/sendto with an AF_INET/AF_INET6 address and every name lookup.
AF_UNIX (D-Bus for the keyring and AT-SPI, PulseAudio) is allowed. The driver then builds the real
window, fills in the 住民票 request with invented personal data — through the real widgets, with
one wrong date, one wrong phone number, one wrong number of copies and one export into a folder
that cannot be written — exports it, reads the review page aloud with the real engines (a player
that finishes at once: no sound device in CI), waits for the encrypted draft and closes the window.

The result file (JSON) holds the network events, what the speech folder looked like while
reading and after closing, and the stored answers (the application's own normalised forms of the
personal data, for the log scan). `--log` sends every logger at DEBUG to that file.
"""

from __future__ import annotations

import socket
import sys
import threading

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}
LOOKUPS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex", "socket.gethostbyaddr",
           "socket.getnameinfo"}
ADDRESSED = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
EVENTS: list[dict] = []


def _audit(event: str, args: tuple) -> None:
    # Called for every audited action in every thread: return quickly for anything else.
    if not event.startswith("socket."):
        return
    if event in LOOKUPS or (event in ADDRESSED and getattr(args[0], "family", None) in NETWORK_FAMILIES):
        EVENTS.append({"event": event, "args": [repr(a) for a in args], "thread": threading.current_thread().name})
        raise PermissionError(f"network use refused by the privacy test: {event}")


sys.addaudithook(_audit)

import argparse  # noqa: E402  (after the hook: imports must not run before it is watching)
import json  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
WAIT_TIMEOUT = 60.0      # generous: CI machines run several of these side by side
EXPORT_TIMEOUT = 90.0
READ_TIMEOUT = 180.0
#: invented, but well-formed, personal data; the test scans the logs for every form of it
PERSON = {
    "family": "試験", "given": "太郎", "family_kana": "しけん", "given_kana": "ﾀﾛｳ",
    "bad_birth_date": "平成99年13月45日", "birth_date": "昭和50年7月21日",
    "postal_code": "060-0001", "prefecture": "北海道", "city": "札幌市中央区", "town": "北一条西",
    "block": "9-8-7", "building": "試験ハイツ101",
    "bad_phone": "03-1234-5678", "phone": "080-2468-1357",
    "household_head": "試験 梅子", "purpose_other": "個人番号 {my_number} の確認",
    "submit_to": "株式会社シケン商事",
}


def my_number() -> str:
    """An invented My Number whose check digit is valid (the app's own check)."""
    from assistant.formats.numbers import my_number_check_digit

    first = "27182818284"
    return first + str(my_number_check_digit(first))


# --- setting up --------------------------------------------------------------------------------


def log_everything(path: Path) -> None:
    """Every logger at DEBUG into `path`, also those a library creates or quiets later."""
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(threadName)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    set_level = logging.Logger.setLevel
    logging.Logger.setLevel = lambda self, _level: set_level(self, logging.DEBUG)
    for logger in logging.Logger.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            logger.setLevel(logging.DEBUG)
    logging.captureWarnings(True)


def app_paths(home: Path):
    """Private folders under `home`; exports go through a link that first points at a folder
    nobody (not even root) can create folders in, so the first export fails."""
    from assistant.paths import BUNDLED_PROCEDURES, AppPaths

    exports = home / "exports"
    exports.symlink_to("/proc/self/fdinfo", target_is_directory=True)
    return AppPaths(home / "data", home / "config", exports, (BUNDLED_PROCEDURES,))


def key_chooser(folder: Path):
    """The real choice (keyring over D-Bus when there is one); where no keyring is usable, a real
    passphrase key instead of asking the person (the dialog is tested elsewhere)."""
    from assistant.drafts import unlock
    from assistant.drafts.files import ensure_private_folder

    choice = unlock.choose_key_source(folder)
    if choice.action == unlock.READY:
        return choice
    return unlock.KeyChoice(unlock.READY, "test", unlock.create_passphrase_key(ensure_private_folder(folder), "4821"))


class Driver:
    def __init__(self, home: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from tests.ui.test_read_aloud import FinishingPlayer
        from ui.app import build_window, setup_application
        from ui.tasks import Tasks

        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        self.paths = app_paths(home)
        setup_application(self.app)
        self.window = build_window(self.paths, Tasks(), load_now=False, key_chooser=key_chooser,
                                   make_player=FinishingPlayer)
        self.report: dict = {"speech_folder": None, "speech_folder_modes": []}
        self.window.reader.started.connect(self._on_reader_started)

    # --- waiting and pressing ----------------------------------------------------------------

    def wait_until(self, condition, what: str, timeout: float = WAIT_TIMEOUT) -> None:
        """Run the event loop until `condition()` holds (no fixed sleeps)."""
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout} s for {what}")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    def find(self, kind, name: str):
        widget = self.window.findChild(kind, name)
        if widget is None:
            raise LookupError(name)
        return widget

    def fill(self, name: str, text: str) -> None:
        from PySide6.QtWidgets import QLineEdit

        from tests.ui.typing import commit_text, type_text

        widget = self.find(QLineEdit, name)
        widget.clear()
        (type_text if text.isascii() else commit_text)(widget, text)

    def choose(self, name: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractButton

        button = self.find(QAbstractButton, name)
        button.setFocus()
        QTest.keyClick(button, Qt.Key.Key_Space)

    def next(self, expected: str) -> None:
        """Press Enter (= Next) and check where the interview went."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        current = self.window.bridge.session.current_step
        where = current.id if current else "review"
        if where != expected:
            raise AssertionError(f"at {where}, expected {expected}: {self.window.step.summary.text()}")

    # --- the procedure -----------------------------------------------------------------------

    def start(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from tests.ui.typing import type_text

        self.window.show()
        self.wait_until(lambda: self.window.catalog is not None and self.window.keeper.store is not None,
                        "the procedures and the drafts key")
        type_text(self.window.home.search, "住民票")
        QTest.keyClick(self.window.home.search, Qt.Key.Key_Return)
        who = getattr(self.window, "who", None)         # "who is filling in", when the window asks
        if who is not None and self.window.stack.currentWidget() is who:
            self.choose("role_self")
            who.go_on.click()
        self.choose("option_relationship_self")
        self.next("applicant")

    def applicant(self) -> None:
        for part in ("family", "given", "family_kana", "given_kana"):
            self.fill(f"input_applicant_name_{part}", PERSON[part])
        self.fill("input_applicant_birth_date", PERSON["bad_birth_date"])
        self.fill("input_applicant_address_postal_code", PERSON["postal_code"])
        for part in ("prefecture", "city", "town", "block", "building"):
            self.fill(f"input_applicant_address_{part}", PERSON[part])
        self.fill("input_applicant_phone", PERSON["bad_phone"])
        self.next("applicant")                              # both wrong: the step stays
        self.fill("input_applicant_birth_date", PERSON["birth_date"])
        self.next("applicant")                              # the phone number is still wrong
        self.fill("input_applicant_phone", PERSON["phone"])
        self.next("household_head_step")

    def the_rest(self) -> None:
        self.choose("option_household_head_is_subject_false")
        self.fill("input_household_head_name", PERSON["household_head"])
        self.next("certificate")
        self.choose("option_certificate_type_copy")
        self.choose("option_scope_whole_household")
        self.fill("input_copies", "99")
        self.next("certificate")                            # more than 10 copies
        self.fill("input_copies", "2")
        self.next("entries")
        self.choose("option_optional_entries_household_head_relationship")
        self.next("purpose_step")
        self.choose("option_purpose_other")
        self.fill("input_purpose_other", PERSON["purpose_other"].format(my_number=my_number()))
        self.fill("input_submit_to", PERSON["submit_to"])
        self.next("review")

    def export(self) -> None:
        """Export into the folder that cannot be written (a warning), then into a real one."""
        review = self.window.review
        review.export.click()
        self.wait_until(lambda: review.export.isEnabled(), "the failed export", EXPORT_TIMEOUT)
        if self.window.stack.currentWidget() is not review:
            raise AssertionError("the export into an unwritable folder did not fail")
        self.report["export_failure_shown"] = review.status.text()
        self.paths.exports.unlink()                        # the person fixes the folder
        review.export.click()
        self.wait_until(lambda: self.window.stack.currentWidget() is self.window.done or review.export.isEnabled(),
                        "the export", EXPORT_TIMEOUT)
        if self.window.stack.currentWidget() is not self.window.done:
            raise AssertionError(f"the export failed: {review.status.text()}")
        self.report["pdf"] = str(self.window.done.result.pdf)

    def read_review_aloud(self) -> None:
        """Back to the review page (it has every answer) and read it with the real engines."""
        from assistant import speech

        self.window.bridge.session.go_to("review")
        self.window.header.read.click()
        self.wait_until(lambda: not self.window.reader.speaking, "reading to end", READ_TIMEOUT)
        self.report["read_failure"] = "" if self.report["speech_folder"] else self.window.draft_status.text()
        self.report["utterances"] = len(speech.read_review(self.window.bridge.session))

    def _on_reader_started(self, _utterance) -> None:
        folder = self.window.reader.folder
        self.report["speech_folder"] = str(folder)
        self.report["speech_folder_modes"].append(oct(folder.stat().st_mode & 0o777))

    def save_and_close(self) -> None:
        drafts = self.paths.data / "drafts"
        self.window.keeper.save_now()
        self.window.tasks.wait()
        self.wait_until(lambda: list(drafts.glob("*.tzd")), "the encrypted draft")
        self.report["answers"] = self.window.bridge.session.values()
        self.window.close()
        self.app.processEvents()
        folder = self.report["speech_folder"]
        self.report["speech_folder_left"] = bool(folder) and os.path.exists(folder)


# --- running -----------------------------------------------------------------------------------


def _connect(family: int, address) -> None:
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.connect(address)


def probe_network(home: Path) -> None:
    """Deliberate network use the hook must report (a TCP connection to a closed local port, a name
    lookup), and local IPC it must let through (an AF_UNIX connection, as D-Bus makes)."""
    for attempt in (lambda: _connect(socket.AF_INET, ("127.0.0.1", 9)), lambda: socket.getaddrinfo("localhost", 9),
                    lambda: _connect(socket.AF_UNIX, str(home / "no-such-bus"))):
        try:
            attempt()
        except OSError:    # refused by the hook (PermissionError), or nobody listening
            pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--log", type=Path)
    parser.add_argument("--probe-network", action="store_true")
    args = parser.parse_args(argv)
    if args.log:
        log_everything(args.log)
    sys.path.insert(0, str(ROOT))
    if args.probe_network:
        probe_network(args.home)
    driver = Driver(args.home)
    if args.probe_network:     # from a worker thread too, while the window runs
        driver.window.tasks.run(lambda: _connect(socket.AF_INET, ("127.0.0.1", 9)), lambda _r: None, lambda _e: None)
    for stage in (driver.start, driver.applicant, driver.the_rest, driver.export, driver.read_review_aloud,
                  driver.save_and_close):
        stage()
    typed = {key: value.format(my_number=my_number()) for key, value in PERSON.items()}
    report = {**driver.report, "typed": typed, "network": EVENTS,
              "network_modules": sorted(m for m in ("urllib.request", "http.client", "requests") if m in sys.modules)}
    args.result.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
