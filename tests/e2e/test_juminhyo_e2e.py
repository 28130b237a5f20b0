"""A resident requests a copy of their residence record: from the list to the exported PDF.

Everything goes through the real window with keys and typed text; the PDF is read back with
poppler exactly as a screen reader or a counter clerk's search would read it.
"""

from __future__ import annotations

import json
import logging
import shutil
import socket
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QRadioButton

from tests.ui.typing import commit_text, type_text

pytestmark = pytest.mark.e2e


def field(window, name):
    widget = window.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def choose(qtbot, window, name):
    button = window.findChild(QRadioButton, name)
    assert button is not None, name
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def press_next(qtbot, window, expected_step):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    current = window.bridge.session.current_step
    assert (current.id if current else "review") == expected_step, window.step.summary.text()


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test (the application never uses the network)."""
    attempts = []

    def refuse(sock, address, *args):
        attempts.append(address)
        raise AssertionError(f"network connection attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield attempts


def test_resident_fills_in_and_exports_the_request(qtbot, window, app_paths, no_network, caplog):
    caplog.set_level(logging.DEBUG)
    type_text(window.home.search, "住民票")
    qtbot.keyClick(window.home.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.who
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)    # the resident alone (preselected)

    choose(qtbot, window, "option_relationship_self")
    press_next(qtbot, window, "applicant")

    commit_text(field(window, "input_applicant_name_family"), "山田")
    commit_text(field(window, "input_applicant_name_given"), "太郎")
    commit_text(field(window, "input_applicant_name_family_kana"), "やまだ")      # hiragana is fine
    commit_text(field(window, "input_applicant_name_given_kana"), "ﾀﾛｳ")         # so is half-width
    commit_text(field(window, "input_applicant_birth_date"), "昭和45年3月1日")
    type_text(field(window, "input_applicant_address_postal_code"), "100-0013")
    commit_text(field(window, "input_applicant_address_prefecture"), "東京都")
    commit_text(field(window, "input_applicant_address_city"), "千代田区")
    commit_text(field(window, "input_applicant_address_town"), "霞が関")
    type_text(field(window, "input_applicant_address_block"), "2-1-2")
    type_text(field(window, "input_applicant_phone"), "03-1234-5678")       # a dummy that cannot exist
    press_next(qtbot, window, "applicant")
    assert QApplication.focusWidget() is field(window, "input_applicant_phone")
    phone = field(window, "input_applicant_phone")
    phone.clear()
    type_text(phone, "090-1234-5678")
    press_next(qtbot, window, "household_head_step")

    choose(qtbot, window, "option_household_head_is_subject_true")
    press_next(qtbot, window, "certificate")
    choose(qtbot, window, "option_certificate_type_copy")
    choose(qtbot, window, "option_scope_whole_household")
    type_text(field(window, "input_copies"), "2")
    press_next(qtbot, window, "entries")
    press_next(qtbot, window, "purpose_step")
    choose(qtbot, window, "option_purpose_employer")
    press_next(qtbot, window, "review")

    # Change one answer from the review and come straight back to it
    change = window.findChild(QPushButton, "change_copies")
    qtbot.keyClick(change, Qt.Key.Key_Space)
    copies = field(window, "input_copies")
    copies.clear()
    type_text(copies, "1")
    press_next(qtbot, window, "review")
    assert window.findChild(QLineEdit, "review_copies").text() == "1通"

    qtbot.keyClick(window.review.export, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.done, timeout=10000)
    result = window.done.result
    assert result.folder.parent == app_paths.exports

    text = subprocess.run([shutil.which("pdftotext"), "-raw", str(result.pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = text.split()   # pdftotext renders the U+3000 between the names as a gap
    assert "山田" in words and "太郎（ヤマダ" in words and "タロウ）" in words
    assert "090-1234-5678" in text
    fonts = subprocess.run([shutil.which("pdffonts"), str(result.pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert any("BIZUDGothic" in line and " yes " in line for line in fonts.splitlines())
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["answers"]["applicant_name"] == {"family": "山田", "given": "太郎", "family_kana": "ヤマダ",
                                                   "given_kana": "タロウ"}
    assert record["answers"]["copies"] == 1
    window.tasks.wait()
    assert no_network == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for personal in ("山田", "太郎", "ヤマダ", "090-1234-5678", "09012345678", "霞が関", "昭和45"):
        assert personal not in logged
