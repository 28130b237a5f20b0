"""The one place strings are translated.

Two gettext domains (see DESIGN.md):
- ``assistant``: interface strings, English source, translated with ``_()`` / ``ngettext()``;
- ``procedures``: procedure texts, official Japanese source, translated with ``ptext()``.

Catalogs are the ``.po`` files under ``locales/``. Set-up compiles them to ``.mo``
(`python -m assistant.i18n_tools compile`), which loads fast with the standard library; a ``.po``
newer than its ``.mo`` (while translating) is compiled in memory with Babel instead. The language
can change at any moment; ``language_changed`` tells the interface to retranslate.

Which languages exist, their catalog folders and names come from ``locales/languages.yaml``
(`assistant.languages`); `LANGUAGES` holds those the interface offers.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from assistant import languages as table
from assistant import resources
from assistant.events import Event

LOCALES_DIR = resources.locales()
SOURCE_LANGUAGE = {"assistant": "en", "procedures": "ja"}
DEFAULT_LANGUAGE = "ja"


def catalog_dir(language: str) -> Path:
    """The folder of `language`'s catalogs (``locales/<catalog>/LC_MESSAGES``); an unknown code is
    taken as its own folder name."""
    row = table.all_languages().get(language)
    return LOCALES_DIR / (row.catalog if row else language) / "LC_MESSAGES"


def _has_catalogs(language: str) -> bool:
    return all(language == source or any((catalog_dir(language) / f"{domain}{suffix}").exists()
                                         for suffix in (".po", ".mo"))
               for domain, source in SOURCE_LANGUAGE.items())


def offered_languages() -> dict[str, str]:
    """code → native name of the languages the interface offers: marked `offered` in the table and
    with catalogs for both domains (`i18n_tools check` proves them complete)."""
    return {code: row.native for code, row in table.all_languages().items() if row.offered and _has_catalogs(code)}


#: Languages the interface offers, each named in its own language.
LANGUAGES = offered_languages()


def babel_locale(language: str | None = None) -> str:
    """The Babel locale that formats lists, dates and numbers for `language` (default: current)."""
    language = language or current_language()
    row = table.all_languages().get(language)
    return row.babel if row else language

language_changed = Event()
_state = {"language": DEFAULT_LANGUAGE}


@cache
def _catalog(domain: str, language: str) -> gettext.NullTranslations:
    po_path = catalog_dir(language) / f"{domain}.po"
    mo_path = po_path.with_suffix(".mo")
    if language == SOURCE_LANGUAGE[domain] or not (po_path.exists() or mo_path.exists()):
        return gettext.NullTranslations()
    # An installed package ships the .mo only; a checkout has both.
    if mo_path.exists() and (not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime):
        with mo_path.open("rb") as mo_file:
            return gettext.GNUTranslations(mo_file)
    return gettext.GNUTranslations(compile_po(po_path))


def compile_po(po_path: Path) -> io.BytesIO:
    """Compile a .po file into .mo bytes (fuzzy translations left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as po_file:
        catalog = read_po(po_file)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return buffer


def current_language() -> str:
    return _state["language"]


def set_language(language: str) -> None:
    """Switch every translated string to `language` and notify listeners."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    if language == _state["language"]:
        return
    _state["language"] = language
    language_changed.emit(language)


def _(message: str) -> str:
    """Translate an interface string (English source) into the current language."""
    return _catalog("assistant", current_language()).gettext(message)


def translate(message: str, language: str) -> str:
    """Translate an interface string into `language`, whatever the interface language is (a
    statement shown to a resident in their language while the volunteer works in another)."""
    return _catalog("assistant", language if language in LANGUAGES else current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate an interface string with a plural form chosen by `n`."""
    return _catalog("assistant", current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where it is shown."""
    return message


def ptext(official: str, language: str | None = None) -> str:
    """Translate a procedure text (official Japanese source) into `language` (default: current)."""
    if not official:
        return official
    return _catalog("procedures", language or current_language()).gettext(official)


def reload_catalogs() -> None:
    """Forget compiled catalogs, e.g. after a .po file was edited."""
    _catalog.cache_clear()


def bilingual(official: str, language: str | None = None) -> str:
    """A procedure text in the person's language (default: current) with the official Japanese
    beside it. In Japanese (or with no translation) it is just the official text.
    """
    translated = ptext(official, language)
    if not official or translated == official:
        return official
    return f"{translated}（{official}）"
