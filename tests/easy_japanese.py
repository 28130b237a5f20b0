"""A やさしい日本語 (ja-easy) catalog for tests, made from today's Japanese catalogs: every run of kanji
gets a reading (``漢字《よよ》`` — not the right reading, a reading), so every text a person meets has
furigana markup and any place that shows it raw is found. The real catalog is written by
translators (locales/ja_easy); these tests need one whatever its state.

`easy_japanese(monkeypatch, tmp_path)` writes the catalogs, offers ja-easy and returns its code.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from assistant import i18n, ruby

CODE = "ja-easy"
_RUN = re.compile(ruby._RUN)
ROOT = Path(__file__).resolve().parent.parent


def with_readings(text: str) -> str:
    """Every run of kanji in `text` with a reading of as many kana."""
    return _RUN.sub(lambda m: f"{m.group()}《{'よ' * len(m.group())}》", text)


def _write(source: Path, target: Path, translate) -> None:
    with source.open("rb") as po:
        catalog = read_po(po)
    for message in catalog:
        if message.id:
            message.string = translate(message)
            message.flags.discard("fuzzy")
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as mo:
        write_mo(mo, catalog)


def _assistant(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    easy = tuple(with_readings(s) for s in strings)
    return easy if isinstance(message.string, tuple) else easy[0]


def _procedures(message):
    return with_readings(message.id if isinstance(message.id, str) else message.id[0])


def write_catalogs(folder: Path) -> Path:
    """The two catalogs of ja-easy, compiled, under `folder`/ja_easy/LC_MESSAGES."""
    target = folder / "ja_easy" / "LC_MESSAGES"
    _write(ROOT / "locales" / "ja" / "LC_MESSAGES" / "assistant.po", target / "assistant.mo", _assistant)
    _write(ROOT / "locales" / "procedures.pot", target / "procedures.mo", _procedures)
    return target


def easy_japanese(monkeypatch, folder: Path) -> str:
    target = write_catalogs(folder)
    real = i18n.catalog_dir
    monkeypatch.setattr(i18n, "catalog_dir", lambda language: target if language == CODE else real(language))
    monkeypatch.setitem(i18n.LANGUAGES, CODE, "やさしい日本語")
    i18n.reload_catalogs()
    return CODE
