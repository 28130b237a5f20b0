"""Qt's own words — Yes/No/OK/Cancel of message boxes, Cut/Copy/Paste of a text box's context menu,
the folder chooser's and the print dialog's labels — in the person's language.

Qt ships its own catalogs (qtbase_*.qm) for some languages (ja, ko, zh_CN, zh_TW, es, pt_BR…);
`qt_catalog` finds the one of a language from its Babel locale. For a language Qt lacks (vi, fil,
ne, id, th, my) and for やさしい日本語 (Qt's Japanese has kanji without readings), `CatalogTranslator`
answers from our `assistant` catalog: the words below are marked with N_() so translators get them
with the rest of the interface. Controls cannot draw ruby, so a やさしい日本語 translation is given
in kana only, as ui/furigana.py shows every control.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator

from assistant import i18n, ruby
from assistant import languages as table
from assistant.i18n import N_

#: Qt's source text → the Qt classes (translation contexts) that use it. Our msgid is Qt's source.
QT_WORDS: dict[str, tuple[str, ...]] = {
    # i18n: a button of Qt's message boxes and dialogs ("&" marks the Alt+letter; keep one "&" or none)
    N_("OK"): ("QPlatformTheme", "QMessageBox", "QPrintDialog"),
    N_("Cancel"): ("QPlatformTheme",),
    # i18n: a button of Qt's message boxes ("&" marks the Alt+letter; keep one "&" or none)
    N_("&Yes"): ("QPlatformTheme",),
    # i18n: a button of Qt's message boxes ("&" marks the Alt+letter; keep one "&" or none)
    N_("&No"): ("QPlatformTheme",),
    N_("Close"): ("QPlatformTheme",),
    N_("Open"): ("QPlatformTheme", "QFileDialog"),
    N_("Save"): ("QPlatformTheme",),
    N_("Help"): ("QPlatformTheme", "QMessageBox"),
    # i18n: a message box's button that shows more text below the message
    N_("Show Details..."): ("QMessageBox",),
    # i18n: a message box's button that hides the extra text again
    N_("Hide Details..."): ("QMessageBox",),
    # i18n: the context menu of a text box (right click); "&" marks the Alt+letter, keep one or none
    N_("&Undo"): ("QLineEdit", "QWidgetTextControl"),
    # i18n: the context menu of a text box (right click); "&" marks the Alt+letter, keep one or none
    N_("&Redo"): ("QLineEdit", "QWidgetTextControl"),
    # i18n: the context menu of a text box (right click); "&" marks the Alt+letter, keep one or none
    N_("Cu&t"): ("QLineEdit", "QWidgetTextControl"),
    # i18n: the context menu of a text box (right click); "&" marks the Alt+letter, keep one or none
    N_("&Copy"): ("QLineEdit", "QWidgetTextControl"),
    # i18n: the context menu of a text box (right click); "&" marks the Alt+letter, keep one or none
    N_("&Paste"): ("QLineEdit", "QWidgetTextControl"),
    # i18n: the context menu of a text box: deletes the selected text
    N_("Delete"): ("QLineEdit", "QWidgetTextControl"),
    # i18n: the context menu of a text box: selects all its text
    N_("Select All"): ("QLineEdit", "QWidgetTextControl"),
    # i18n: the context menu of a link in a text ("&" marks the Alt+letter; keep one or none)
    N_("Copy &Link Location"): ("QWidgetTextControl",),
    # i18n: the folder chooser (Save a copy to…): the label of the folder list at the top
    N_("Look in:"): ("QFileDialog",),
    # i18n: the folder chooser: the label of the box where the chosen folder's name is typed
    N_("Directory:"): ("QFileDialog",),
    # i18n: the folder chooser's button that chooses the folder ("&" marks the Alt+letter)
    N_("&Choose"): ("QFileDialog",),
    # i18n: the folder chooser's button: the folder shown before
    N_("Back"): ("QFileDialog",),
    # i18n: the folder chooser's button: the folder shown after (after going back)
    N_("Forward"): ("QFileDialog",),
    # i18n: the folder chooser's button: the folder that holds this one
    N_("Parent Directory"): ("QFileDialog",),
    # i18n: the folder chooser's button that makes a new folder
    N_("Create New Folder"): ("QFileDialog",),
    # i18n: the name a new folder is given in the folder chooser
    N_("New Folder"): ("QFileDialog",),
    # i18n: the folder chooser's button: show files as a list of names
    N_("List View"): ("QFileDialog",),
    # i18n: the folder chooser's button: show files with size, type and date
    N_("Detail View"): ("QFileDialog",),
    # i18n: a column of the folder chooser: the file's size
    N_("Size"): ("QFileSystemModel",),
    # i18n: a column of the folder chooser: the kind of file (folder, PDF…)
    N_("Type"): ("QFileSystemModel",),
    # i18n: a column of the folder chooser: when the file was last changed
    N_("Date Modified"): ("QFileSystemModel",),
    # i18n: the print dialog's button that prints ("&" marks the Alt+letter; keep one or none)
    N_("&Print"): ("QPrintDialog",),
    # i18n: the print dialog's title
    N_("Print"): ("QPrintDialog",),
    # i18n: the print dialog: the group where the printer is chosen
    N_("Printer"): ("QPrintWidget",),
    # i18n: the print dialog: the printer's name ("&" marks the Alt+letter; keep one or none)
    N_("&Name:"): ("QPrintWidget",),
    # i18n: the print dialog: the printer's settings button ("&" marks the Alt+letter)
    N_("P&roperties"): ("QPrintWidget",),
    # i18n: the print dialog: where the printer is (a room, an office)
    N_("Location:"): ("QPrintWidget",),
    # i18n: the print dialog: the printer's model
    N_("Type:"): ("QPrintWidget",),
    # i18n: the print dialog: the file printed to when printing to a file ("&" marks the Alt+letter)
    N_("Output &file:"): ("QPrintWidget",),
    # i18n: the print dialog's button that shows more settings ("&" marks the Alt+letter)
    N_("&Options >>"): ("QPrintDialog",),
    # i18n: the print dialog's button that hides the extra settings ("&" marks the Alt+letter)
    N_("&Options <<"): ("QPrintDialog",),
    # i18n: the print dialog: how many copies are printed
    N_("Copies:"): ("QPrintSettingsOutput",),
    # i18n: the print dialog: which pages are printed (all of them, or some)
    N_("Print range"): ("QPrintSettingsOutput",),
    # i18n: the print dialog: print every page
    N_("Print all"): ("QPrintSettingsOutput",),
    # i18n: the print dialog: print only some pages; a page number box follows ("Pages from [1] to [3]")
    N_("Pages from"): ("QPrintSettingsOutput",),
    # i18n: the print dialog, between two page number boxes: "Pages from [1] to [3]"
    N_("to"): ("QPrintSettingsOutput",),
    # i18n: the print dialog: print in colour or in black and white
    N_("Color Mode"): ("QPrintSettingsOutput",),
    # i18n: the print dialog: print in colour
    N_("Color"): ("QPrintSettingsOutput",),
    # i18n: the print dialog: print in black and white (shades of grey)
    N_("Grayscale"): ("QPrintSettingsOutput",),
    # i18n: the print dialog: print on both sides of the paper
    N_("Duplex Printing"): ("QPrintSettingsOutput",),
    # i18n: the print dialog: print on one side only (no duplex printing)
    N_("None"): ("QPrintSettingsOutput",),
}

#: Qt's words whose source means something else in our catalog ("Name" is a person's name there)
QT_WORDS_RENAMED: dict[tuple[str, str], str] = {
    # i18n: a column of the folder chooser: the name of a file or folder (Qt's "Name")
    ("QFileSystemModel", "Name"): N_("Name (of a file or folder)"),
}

_WORDS = {(context, source): source for source, contexts in QT_WORDS.items() for context in contexts}
_WORDS.update(QT_WORDS_RENAMED)

#: our language code → Qt's own catalog suffix where Babel's locale does not name it (zh_Hans_CN → zh_CN)
_QT_SUFFIX = {"zh_Hans": "zh_CN", "zh_Hant": "zh_TW"}


def qt_catalog(language: str) -> str | None:
    """The name of Qt's own catalog for `language` (``qtbase_ja``), or None when Qt has none — or
    when ours must answer instead (やさしい日本語: Qt's Japanese has kanji without readings)."""
    row = table.all_languages().get(language)
    if row is None or row.catalog == "ja_easy":
        return None
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    parts = row.babel.split("_")
    candidates = [row.babel, _QT_SUFFIX.get("_".join(parts[:2]), ""),
                  "_".join(p for p in parts if not (len(p) == 4 and p.istitle())), parts[0]]
    from pathlib import Path

    for suffix in candidates:
        if suffix and (Path(folder) / f"qtbase_{suffix}.qm").exists():
            return f"qtbase_{suffix}"
    return None


class CatalogTranslator(QTranslator):
    """Qt's words from our `assistant` catalog in `language`; silent (Qt's English) for a word the
    catalog has not translated yet."""

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.language = language

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None is a null QString: Qt then asks the next translator or keeps its English source
        # ("" would be taken as the translation and show an empty menu item)
        msgid = _WORDS.get((context, source))
        if msgid is None:
            return None
        translated = i18n.translate(msgid, self.language)
        if translated == msgid:
            return None
        # Qt's controls cannot draw ruby: やさしい日本語 in kana (as ui/furigana.py shows controls)
        return "".join(segment.reading or segment.base for segment in ruby.parse(translated))


def qt_translator(language: str, parent=None) -> QTranslator | None:
    """The translator of Qt's words in `language`: Qt's own catalog, else ours; None for English."""
    if language == "en":
        return None
    name = qt_catalog(language)
    if name is not None:
        translator = QTranslator(parent)
        if translator.load(name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            return translator
    return CatalogTranslator(language, parent)
