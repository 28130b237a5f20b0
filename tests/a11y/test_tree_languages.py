"""What a screen reader finds in each offered language (issue 15): on the home page and the "who
applies" page, read through AT-SPI, every control has a name (tree.check_page's rules) and the
names are in that language — no interface text is left in the source English (or, in English, in
Japanese) where the catalog has a translation. Parametrized over the offered languages: a translated
language joins when it is flipped on."""

from __future__ import annotations

import re

import pytest

from assistant import i18n
from tests.a11y.tree import check_page, walk

pytestmark = pytest.mark.a11y

_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def _spoken(text: str) -> str:
    from assistant import ruby

    return re.sub(r"\s*[←→]\s*", " ", _MNEMONIC.sub("", ruby.plain(text))).strip().rstrip(":：").strip()


def _foreign_names(language: str) -> dict[str, str]:
    """Names that would betray an untranslated text: for each message the catalog translates, the
    text as spoken in the other language (English source, or in English the Japanese)."""
    from babel.messages.pofile import read_po

    po = i18n.LOCALES_DIR / "ja" / "LC_MESSAGES" / "assistant.po"
    with po.open("rb") as file:
        catalog = read_po(file)
    found = {}
    for message in catalog:
        if not message.id or isinstance(message.id, tuple) or "{" in message.id:
            continue
        here = i18n.translate(message.id, language)
        other = message.string if language == "en" else message.id
        if other and _spoken(other) != _spoken(here) and len(_spoken(other)) > 3:
            found[_spoken(other)] = message.id
    return found


def _names(tree: dict) -> list[tuple[str, str]]:
    return [(node["role"], node["name"].strip()) for node, _ancestors in walk(tree) if node["name"].strip()]


@pytest.mark.parametrize("app_language", list(i18n.LANGUAGES))
def test_every_control_is_named_in_the_persons_language(app, app_language):
    foreign = _foreign_names(app_language)
    app.reader.wait_for("drafts_note", timeout=20)
    pages = {"home": app.reader.dump()}
    app.reader.press("start")
    app.reader.wait_for("applicant_self", states=("focused", "checked"), timeout=20)
    pages["who"] = app.reader.dump()
    for page, tree in pages.items():
        problems = check_page(tree)
        assert not problems, f"{app_language} {page}: " + "\n".join(problems)
        leaks = [(role, name) for role, name in _names(tree) if _spoken(name) in foreign]
        assert not leaks, f"{app_language} {page}: names not in {app_language}: {leaks[:8]}"
        assert not any(mark in name for _role, name in _names(tree) for mark in "《》｜"), page
