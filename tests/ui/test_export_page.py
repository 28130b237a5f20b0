"""The last page: what to do next (print, where, what to bring, fee), printing through Qt's own
dialog, a copy of the whole package for a USB stick, and every failure said in words."""

from __future__ import annotations

import json
import subprocess

import pytest
from PySide6.QtWidgets import QApplication

from assistant import fonts
from assistant.i18n import _
from tests.conftest import ROOT, export_answers, start_procedure
from tests.core.test_power_of_attorney import RESIDENT

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))


def export(qtbot, window, answers):
    start_procedure(window)
    export_answers(qtbot, window, answers)


def test_the_done_page_says_what_to_do_next(qtbot, window, app_paths):
    export(qtbot, window, ANSWERS)
    assert QApplication.focusWidget() is window.done.print_pdf            # the main action
    steps = window.done.next_steps.text()
    assert "本人確認書類" in steps and "300" in steps                       # what to bring, the fee
    assert "東京都千代田区" in steps                                         # the resident's municipality
    assert "郵送で請求できる" in steps                                        # other ways, from the procedure
    assert window.done.where.text().startswith(str(app_paths.exports))
    assert window.windowTitle().startswith(_("Your form is ready") + " — ")


def test_in_english_every_line_is_a_sentence_or_a_labelled_list(qtbot, window, english):
    export(qtbot, window, ANSWERS)
    steps = window.done.next_steps.text()
    assert "Print the form (PDF), write the date and sign it." in steps
    assert "Where to go: The residence record counter" in steps and "Fee: 300 yen." in steps
    assert "What to bring:\n□ " in steps and "bring to The" not in steps


def test_the_office_is_the_residents_municipality_not_the_representatives(qtbot, window):
    export(qtbot, window, {**ANSWERS, "relationship": "proxy", **RESIDENT})
    steps = window.done.next_steps.text()
    assert "東京都渋谷区" in steps and "東京都千代田区" not in steps           # the applicant lives in 千代田区
    assert "委任状" in steps and window.done.open_letter.isVisible()
    assert steps.count("本人の住所に郵送されます") == 1               # what the representative should know, once


def test_a_character_no_font_can_draw_stops_the_export_and_says_which_answer_to_change(
        qtbot, window, monkeypatch, app_paths):
    # before: the form was written without 𠮷 (a different name) and the done page asked to write it by hand
    monkeypatch.setattr(fonts, "FALLBACK_FONTS", ())
    name = dict(ANSWERS["applicant_name"], family="𠮷田")
    start_procedure(window)
    for field_id, raw in dict(ANSWERS, applicant_name=name).items():
        window.bridge.session.set_answer(field_id, raw)
    window.bridge.session.go_to("review")
    window.review.export.click()
    qtbot.waitUntil(lambda: "U+20BB7" in window.review.status.text(), timeout=15000)
    status = window.review.status.text()
    assert "氏" in status and "吉田" in status and _("Change") in status   # the button to press
    assert window.stack.currentWidget() is window.review and window.review.export.isEnabled()
    assert not app_paths.exports.exists() or list(app_paths.exports.iterdir()) == []


def test_the_persons_own_copy_follows_in_their_language(qtbot, window, english):
    export(qtbot, window, ANSWERS)
    qtbot.waitUntil(lambda: window.done.open_copy.isVisible(), timeout=15000)
    assert window.done.result.copy.name == "juminhyo_copy.copy-en.pdf" and window.done.result.copy.exists()
    window.tasks.wait()


def test_save_a_copy_copies_the_whole_package_to_the_chosen_folder(qtbot, window, tmp_path, english):
    export(qtbot, window, ANSWERS)
    window.tasks.wait()
    stick = tmp_path / "usb"
    stick.mkdir()
    window.done.choose_folder = lambda: str(stick)
    window.done.save_copy.click()
    copied = stick / window.done.result.folder.name
    assert sorted(p.name for p in copied.iterdir()) == sorted(p.name for p in window.done.result.folder.iterdir())
    assert str(copied) in window.done.status.text() and window.done.status.isVisible()
    window.done.save_copy.click()                                           # again: a second copy, the first kept
    assert (stick / f"{copied.name} (2)").is_dir()

    window.done.choose_folder = lambda: str(tmp_path / "usb" / copied.name / "juminhyo_copy.pdf")   # not a folder
    window.done.save_copy.click()
    assert "could not be copied" in window.done.status.text()

    window.done.show_status("")
    window.done.choose_folder = lambda: ""                                   # cancelled: nothing said
    window.done.save_copy.click()
    assert not window.done.status.isVisible()


def test_opening_a_pdf_without_a_viewer_says_so(qtbot, window, english):
    export(qtbot, window, ANSWERS)
    window.done.open_pdf.click()     # the offscreen platform, like a computer without a PDF viewer, opens nothing
    assert "No program to show juminhyo_copy.pdf" in window.done.status.text()


def test_print_without_a_printer_says_so_and_how_to_go_on(qtbot, window, english):
    from ui.printing import printers_available

    if printers_available():
        pytest.skip("this computer has a printer: the print dialog would open")
    export(qtbot, window, ANSWERS)
    window.done.print_pdf.click()
    assert "No printer is set up" in window.done.status.text() and window.done.status.isVisible()


def test_every_page_is_rendered_onto_the_printer(qtbot, window, tmp_path, english):
    from PySide6.QtPrintSupport import QPrinter

    from ui.printing import print_to

    export(qtbot, window, {**ANSWERS, "relationship": "proxy", **RESIDENT})
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)     # a printer that writes a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    result = window.done.result
    assert print_to([result.pdf, result.power_of_attorney], printer) == ""

    def pages(path):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))

    assert pages(tmp_path / "printed.pdf") == pages(result.pdf) + pages(result.power_of_attorney)
    assert "could not be read" in print_to([tmp_path / "missing.pdf"], printer)


def test_a_seal_registration_by_an_agent_names_the_letter_as_the_municipality_does(qtbot, window, english):
    # 印鑑登録 by an agent: the letter is a 代理人選任届, and every button and step says so, never 委任状
    from tests.core.test_procedure_inkan_toroku import BY_AGENT
    from tests.core.bundled_procedure import example_answers

    answers = {k: v for k, v in {**example_answers("inkan_toroku"), **BY_AGENT}.items() if v is not None}
    start_procedure(window, "inkan_toroku")
    export_answers(qtbot, window, answers)
    steps = window.done.next_steps.text()
    assert window.done.open_letter.isVisible()
    for text in (steps, window.done.print_pdf.text(), window.done.open_letter.text()):
        assert "代理人選任届" in text and "委任状" not in text and "power of attorney" not in text
