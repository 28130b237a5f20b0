"""Hand a language's untranslated messages to a translator in small JSON files, and take the
translations back into its catalog — so a translator works on 50 messages at a time with the
reference translation and the translator's note beside each, never on .po syntax.

    python scripts/po_chunks.py status
    python scripts/po_chunks.py export vi procedures /tmp/vi --size 50
    python scripts/po_chunks.py import vi procedures /tmp/vi/done-*.json

`export` writes ``<domain>-NNN.json`` files: a list of messages still to translate, each with
``key`` (8 hex digits of the message's SHA-1, stable while the message is unchanged), ``source``
(the message: English for ``assistant``, official Japanese for ``procedures``; a plural message
gives ``[singular, plural]``), ``ref`` (the other source language's translation: Japanese for
``assistant``, English for ``procedures``), ``note`` (the programmer's note), ``where`` and
``placeholders``. A translator answers with a JSON object ``{key: translation}`` (a list of
``nplurals`` forms for a plural message). `import` checks every translation's placeholders and
furigana (やさしい日本語) and refuses those that are wrong, naming them; the rest are written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from assistant import languages as table  # noqa: E402
from assistant import ruby  # noqa: E402
from assistant.i18n import SOURCE_LANGUAGE, babel_locale, catalog_dir  # noqa: E402
from assistant.i18n_tools import _STABLE, EASY_JAPANESE, PLACEHOLDER, templates  # noqa: E402


def key(msgid: str | tuple[str, ...]) -> str:
    text = msgid if isinstance(msgid, str) else "\x00".join(msgid)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _read(path: Path, language: str) -> Catalog | None:
    if not path.exists():
        return None
    with path.open("rb") as po:
        return read_po(po, locale=babel_locale(language))


def _catalog(language: str, domain: str) -> tuple[Path, Catalog]:
    """The language's catalog for `domain`, brought up to date with the template."""
    path = catalog_dir(language) / f"{domain}.po"
    catalog = _read(path, language) or Catalog(locale=babel_locale(language), domain=domain)
    catalog.update(templates()[domain], no_fuzzy_matching=True)
    return path, catalog


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, ignore_obsolete=True, **_STABLE)


def _done(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(strings) and all(strings) and not message.fuzzy


def _reference(language: str, domain: str) -> Catalog | None:
    other = "ja" if SOURCE_LANGUAGE[domain] == "en" else "en"
    return _read(catalog_dir(other) / f"{domain}.po", other)


def export(language: str, domain: str, folder: Path, size: int) -> None:
    _, catalog = _catalog(language, domain)
    reference = _reference(language, domain)
    todo = []
    for message in catalog:
        if not message.id or _done(message):
            continue
        ref = reference.get(message.id) if reference else None
        source = message.id if isinstance(message.id, str) else list(message.id)
        todo.append({
            "key": key(message.id), "source": source,
            "ref": (ref.string if isinstance(ref.string, str) else list(ref.string)) if ref else "",
            "note": " ".join(message.auto_comments), "where": sorted({loc for loc, _ in message.locations}),
            "placeholders": sorted(set(PLACEHOLDER.findall(json.dumps(source, ensure_ascii=False)))),
            **({"plural_forms": catalog.num_plurals} if not isinstance(message.id, str) else {}),
        })
    folder.mkdir(parents=True, exist_ok=True)
    for number, start in enumerate(range(0, len(todo), size), 1):
        (folder / f"{domain}-{number:03d}.json").write_text(
            json.dumps(todo[start:start + size], ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(todo)} messages to translate in {(len(todo) + size - 1) // size} files under {folder}")


def _problems(language: str, msgid, translation) -> list[str]:
    forms = [translation] if isinstance(translation, str) else translation
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
        return ["empty or not text"]
    if isinstance(msgid, str) != isinstance(translation, str):
        return ["a plural message needs a list of forms" if not isinstance(msgid, str) else "give one string"]
    wanted = set(PLACEHOLDER.findall(msgid if isinstance(msgid, str) else " ".join(msgid)))
    found = [f"placeholders {sorted(set(PLACEHOLDER.findall(f)))} instead of {sorted(wanted)}"
             for f in forms if set(PLACEHOLDER.findall(f)) != wanted]
    if table.language(language).catalog == EASY_JAPANESE:
        found += [f"furigana: {p.message}" for f in forms for p in ruby.problems(f)]
    return found


def import_(language: str, domain: str, files: list[Path]) -> int:
    path, catalog = _catalog(language, domain)
    by_key = {key(m.id): m for m in catalog if m.id}
    written, refused = 0, []
    for file in files:
        for k, translation in json.loads(file.read_text(encoding="utf-8")).items():
            message = by_key.get(k)
            if message is None:
                refused.append(f"{file.name}: {k}: no such message (the source changed?)")
                continue
            problems = _problems(language, message.id, translation)
            if problems:
                refused.append(f"{file.name}: {k}: {'; '.join(problems)}")
                continue
            message.string = translation if isinstance(translation, str) else tuple(translation)
            message.flags.discard("fuzzy")
            written += 1
    _write(path, catalog)
    print(f"{written} translations written to {path}")
    print("\n".join(refused))
    return 1 if refused else 0


def status() -> None:
    for code, row in table.all_languages().items():
        counts = []
        for domain in templates():
            if code == SOURCE_LANGUAGE[domain]:
                counts.append(f"{domain} source")
                continue
            catalog = _read(catalog_dir(code) / f"{domain}.po", code)
            template = templates()[domain]
            done = sum(1 for m in template if m.id and catalog and catalog.get(m.id) and _done(catalog.get(m.id)))
            counts.append(f"{domain} {done}/{sum(1 for m in template if m.id)}")
        print(f"{code:8} {'offered' if row.offered else '       '}  " + ", ".join(counts))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status")
    ex = commands.add_parser("export")
    im = commands.add_parser("import")
    for sub in (ex, im):
        sub.add_argument("language")
        sub.add_argument("domain", choices=sorted(SOURCE_LANGUAGE))
    ex.add_argument("folder", type=Path)
    ex.add_argument("--size", type=int, default=50)
    im.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "status":
        status()
        return 0
    if args.command == "export":
        export(args.language, args.domain, args.folder, args.size)
        return 0
    return import_(args.language, args.domain, args.files)


if __name__ == "__main__":
    sys.exit(main())
