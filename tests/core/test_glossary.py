"""Every translated language keeps the official terms the same everywhere: a glossary per language
(locales/<catalog>/glossary.yaml) says how each official term is translated and where that
translation comes from, and every message holding the term — in the interface and in every
procedure — uses it.

A glossary is a list of entries:

    - ja: 住民票                          # the official Japanese term
      use: residence certificate          # the translation used everywhere
      also: [residence certificates]      # other accepted forms (plural, case, particles…)
      source: "…"                          # where the translation comes from (a guide, a ministry page…)

A message "holds" a term when its Japanese text does: the msgid of a procedure text, the Japanese
translation of an interface text. For English, the interface's own language, the English source
text is what must use the term. Matching ignores case, keyboard mnemonics (`&`) and text in
backticks (`hint: 本人確認書類と…` in a message for authors is an example of a definition, not prose).
"""

from __future__ import annotations

import re

import pytest
import yaml
from babel.messages.pofile import read_po

from assistant import languages as table
from assistant.i18n import SOURCE_LANGUAGE, catalog_dir

#: the terms the issue names: every glossary must have them
REQUIRED = ("住民票", "世帯主", "代理人", "委任状", "在留カード", "マイナンバー", "児童手当", "要介護認定", "罹災証明書")

#: languages written in their own words: Japanese is the source, やさしい日本語 keeps the terms
#: (with furigana) and is checked by its own lint
TRANSLATED = [code for code, row in table.all_languages().items()
              if row.offered and code not in ("ja", "ja-easy")]
#: code in a message for authors: an example of a definition, not prose
_CODE = re.compile(r"`[^`]*`")


def _catalog(language: str, domain: str):
    path = catalog_dir(language) / f"{domain}.po"
    with path.open("rb") as po:
        return read_po(po)


def _glossary(language: str) -> list[dict]:
    path = catalog_dir(language).parent / "glossary.yaml"
    assert path.exists(), f"{language}: no glossary at {path}"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(entries, list) and entries, f"{path}: a list of entries"
    for entry in entries:
        assert {"ja", "use", "source"} <= set(entry), f"{path}: {entry} needs ja, use and source"
        assert str(entry["source"]).strip(), f"{path}: {entry['ja']}: say where the translation comes from"
    return entries


def _messages(language: str):
    """(Japanese text, translation, where) of every message of both domains."""
    japanese = _catalog("ja", "assistant")
    for domain, source in SOURCE_LANGUAGE.items():
        if source == language:   # English is the interface's source: its text is the msgid
            for message in japanese:
                if message.id:
                    ja = message.string if isinstance(message.string, str) else " ".join(message.string)
                    english = message.id if isinstance(message.id, str) else " ".join(message.id)
                    yield ja, english, f"{domain}: {english[:60]!r}"
            continue
        catalog = _catalog(language, domain)
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if source == "ja":
                ja = message.id if isinstance(message.id, str) else " ".join(message.id)
            else:
                ja_message = japanese.get(message.id)
                if ja_message is None:
                    continue
                ja = ja_message.string if isinstance(ja_message.string, str) else " ".join(ja_message.string)
            for string in strings:
                yield ja, string or "", f"{domain}: {message.id if isinstance(message.id, str) else message.id[0]!r}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_glossary_names_every_required_term(language):
    terms = {entry["ja"] for entry in _glossary(language)}
    assert not set(REQUIRED) - terms, f"{language}: glossary lacks {sorted(set(REQUIRED) - terms)}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_uses_the_glossary(language):
    entries = _glossary(language)
    wrong = []
    for ja, translation, where in _messages(language):
        ja, text = _CODE.sub("", ja), _CODE.sub("", translation).replace("&", "").casefold()
        for entry in entries:
            if entry["ja"] not in ja:
                continue
            forms = [entry["use"], *entry.get("also", [])]
            if not any(form.casefold() in text for form in forms):
                wrong.append(f"{where}: {entry['ja']} should be {forms[0]!r}: {translation!r}")
    assert not wrong, f"{language}: {len(wrong)} messages do not use the glossary:\n" + "\n".join(wrong[:40])
