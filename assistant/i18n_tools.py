"""Keep the gettext catalogs in step with the code and the procedure files (Babel).

- ``assistant`` domain: strings marked with ``_()``, ``ngettext()``, ``N_()`` in assistant/ and ui/;
- ``procedures`` domain: the texts of every bundled procedure file, plus the labels of the parts
  of compound answers (氏, 名, 都道府県…).

`python -m assistant.i18n_tools update` rewrites the templates (.pot) and merges them into every
language's .po, keeping existing translations; `compile` writes the .mo files; `check` lists
untranslated messages and placeholder mistakes, and in the catalogs of やさしい日本語 (locales/ja_easy)
every kanji without furigana (the tests use it).
"""

from __future__ import annotations

import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from assistant import languages as table
from assistant import ruby
from assistant.i18n import LOCALES_DIR, SOURCE_LANGUAGE, babel_locale, catalog_dir, compile_po
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.loader import read_yaml
from assistant.procedures.texts import translated_texts

ROOT = LOCALES_DIR.parent
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
#: the catalogs of やさしい日本語, whose translations carry furigana (assistant/ruby.py)
EASY_JAPANESE = "ja_easy"


def _assistant_template() -> Catalog:
    catalog = Catalog(project="tetsuzuki-assistant", domain="assistant")
    for folder in ("assistant", "ui"):
        for filename, lineno, message, comments, _context in extract_from_dir(
                ROOT / folder, keywords=KEYWORDS, comment_tags=("i18n:",)):
            catalog.add(message, locations=[(f"{folder}/{filename}", lineno)], auto_comments=comments)
    return catalog


def _procedures_template() -> Catalog:
    from assistant.kinds import all_kinds

    catalog = Catalog(project="tetsuzuki-assistant", domain="procedures")
    for file in sorted(BUNDLED_PROCEDURES.glob("*.yaml")):
        data, lines = read_yaml(file.read_text(encoding="utf-8"))
        for text, _path in translated_texts(data):
            catalog.add(text.strip(), locations=[(f"procedures/{file.name}", 0)])
    for kind in all_kinds():   # part labels and fixed options of every field kind
        for text in kind.official_texts():
            catalog.add(text, locations=[(f"assistant/kinds/{kind.name}.py", 0)])
    from assistant.drafts.profile import profile_texts   # the questions of "My saved details"

    for text in profile_texts():
        catalog.add(text, locations=[("assistant/drafts/profile.py", 0)])
    return catalog


def templates() -> dict[str, Catalog]:
    return {"assistant": _assistant_template(), "procedures": _procedures_template()}


def _po_path(language: str, domain: str) -> Path:
    return catalog_dir(language) / f"{domain}.po"


_STABLE = {"sort_output": True, "include_lineno": False}
_STABLE_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _translated() -> list[str]:
    """The languages whose catalogs are kept: those the table marks `offered` (their catalogs are
    made by `update` and must be complete for `check`)."""
    return [code for code, row in table.all_languages().items() if row.offered]


def update() -> None:
    """Write the .pot templates and merge them into every translated .po file."""
    for domain, template in templates().items():
        # Sorted entries, no line numbers and a fixed creation date: a catalog changes only where a
        # message changed, so branches that add strings merge without conflicts.
        template.creation_date = _STABLE_DATE
        with (LOCALES_DIR / f"{domain}.pot").open("wb") as out:
            write_po(out, template, width=100, omit_header=False, **_STABLE)
        for language in _translated():
            if language == SOURCE_LANGUAGE[domain]:
                continue
            path = _po_path(language, domain)
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                with path.open("rb") as po:
                    catalog = read_po(po, locale=babel_locale(language))
            else:
                catalog = Catalog(locale=language, domain=domain)
            catalog.update(template, no_fuzzy_matching=True)
            with path.open("wb") as out:
                write_po(out, catalog, width=100, ignore_obsolete=True, **_STABLE)


def compile_all() -> None:
    """Write a .mo beside every .po (done by set-up; .mo files are not kept in git)."""
    for po_path in LOCALES_DIR.glob("*/LC_MESSAGES/*.po"):
        po_path.with_suffix(".mo").write_bytes(compile_po(po_path).getvalue())


def check() -> list[str]:
    """Problems with the catalogs: untranslated or fuzzy messages, lost or added placeholders."""
    problems: list[str] = []
    for domain, template in templates().items():
        for language in _translated():
            if language == SOURCE_LANGUAGE[domain]:
                continue
            path = _po_path(language, domain)
            if not path.exists():
                problems.append(f"{path}: missing")
                continue
            with path.open("rb") as po:
                catalog = read_po(po, locale=babel_locale(language))
            for message in template:
                if not message.id:
                    continue
                problems.extend(_check_message(path, catalog.get(message.id), message.id))
                if domain == "procedures":
                    problems.extend(_repeats_official(path, catalog.get(message.id), message.id))
    return problems + furigana_problems()


def _repeats_official(path: Path, translated, msgid) -> list[str]:
    """A procedure text's translation that ends with the whole official Japanese in brackets: the
    window, the copy and the checklist show that Japanese beside every translation (`bilingual`),
    so the person would read it twice — and a screen reader would say it twice."""
    if translated is None or not isinstance(msgid, str) or not isinstance(translated.string, str):
        return []
    text = translated.string.rstrip()
    if text != msgid and any(text.endswith(f"{o}{msgid}{c}") for o, c in (("（", "）"), ("(", ")"))):
        return [f"{path}: the translation repeats the official Japanese that is shown beside it: {msgid!r} "
                f"(leave out the brackets at its end)"]
    return []


def furigana_problems() -> list[str]:
    """The furigana lint of every catalog of やさしい日本語, when there are any: every kanji has a reading."""
    return [line for path in sorted((LOCALES_DIR / EASY_JAPANESE).glob("LC_MESSAGES/*.po"))
            for line in ruby.catalog_problems(path)]


def _check_message(path: Path, translated, msgid) -> list[str]:
    source = msgid if isinstance(msgid, str) else msgid[0]
    strings = () if translated is None else (
        translated.string if isinstance(translated.string, tuple) else (translated.string,))
    if not strings or not all(strings) or translated.fuzzy:
        return [f"{path}: not translated: {source!r}"]
    wanted = set(PLACEHOLDER.findall(source if isinstance(msgid, str) else " ".join(msgid)))
    return [f"{path}: placeholders differ in {source!r}: {s!r}" for s in strings
            if s and set(PLACEHOLDER.findall(s)) != wanted]


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        update()
    elif sys.argv[1:] == ["compile"]:
        compile_all()
    elif sys.argv[1:] == ["check"]:
        found = check()
        print("\n".join(found) or "catalogs complete")
        sys.exit(1 if found else 0)
    else:
        print("usage: python -m assistant.i18n_tools update|compile|check")
        sys.exit(2)
