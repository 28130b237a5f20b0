"""Printing the made PDFs through Qt's own print dialog: each page rendered by QtPdf (QPdfDocument,
PySide6-Addons) and drawn onto the QPrinter (QtPrintSupport, PySide6-Essentials), so printing works
where no PDF viewer is installed. Every failure comes back as a sentence for the person, never
silence: no printer set up, no QtPdf, a file that cannot be read, a printer that will not start."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDialog, QWidget

from assistant.i18n import _

#: render resolution: enough for small print, well under a printer's memory limits
DPI = 200


def printers_available() -> bool:
    from PySide6.QtPrintSupport import QPrinterInfo

    return bool(QPrinterInfo.availablePrinterNames())


def _no_qtpdf() -> str:
    return _("Printing from here needs the Qt PDF module (PySide6-Addons), which is not installed. Open the "
             "folder and print the PDF with another program, or save a copy and print it elsewhere.")


def print_files(paths: Sequence[Path], parent: QWidget | None = None) -> str:
    """Ask for a printer with Qt's print dialog and print `paths` in one job. Returns "" when printed
    or cancelled, else what went wrong and what to do, translated."""
    try:
        from PySide6.QtPdf import QPdfDocument  # noqa: F401  (checked before the dialog opens)
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    except ImportError:
        return _no_qtpdf()
    if not printers_available():
        return _("No printer is set up on this computer. Save a copy (for example to a USB stick) and print it "
                 "on another computer, or ask the staff to set up a printer.")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    return print_to(paths, printer)


def print_to(paths: Sequence[Path], printer) -> str:
    """Draw every page of `paths` on `printer`, each scaled to fit the printable area. "" when done."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return _no_qtpdf()
    documents = []
    for path in paths:
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
            return _("The file {file} could not be read for printing. Make the form again, or open the folder "
                     "and print it with another program.").format(file=Path(path).name)
        documents.append(document)
    painter = QPainter()
    if not painter.begin(printer):
        return _("The printer could not be started. Check that it is switched on and connected, then try again.")
    first = True
    for document in documents:
        for page in range(document.pageCount()):
            if not first:
                printer.newPage()
            first = False
            _draw_page(painter, document, page)
    painter.end()
    return ""


def _draw_page(painter: QPainter, document, page: int) -> None:
    """One PDF page, centred at the top of the printable area, as large as fits, aspect kept."""
    area = painter.viewport()
    points = document.pagePointSize(page)
    scale = min(area.width() / points.width(), area.height() / points.height())
    size = QSize(round(points.width() * scale), round(points.height() * scale))
    # rendered at DPI (or the printer's own, if lower), then scaled onto the page by the painter
    wanted = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
    image = document.render(page, wanted if wanted.width() < size.width() else size)
    target = QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(), size.height())
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)
