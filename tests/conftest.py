"""Test defaults: no screen, interface language reset, every path under tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "C"

from assistant import i18n  # noqa: E402
from assistant.paths import BUNDLED_PROCEDURES, AppPaths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "examples" / "procedures"
BROKEN = Path(__file__).resolve().parent / "data" / "broken"


@pytest.fixture(autouse=True)
def _language():
    """Every test starts in the default language (Japanese) and leaves it so."""
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def english():
    """Messages in English (the source language), for tests that read their wording; the
    autouse `_language` fixture puts the default back afterwards."""
    i18n.set_language("en")


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "exports", (BUNDLED_PROCEDURES,))


def memory_keys(_folder):
    """Drafts encrypted with a key kept in memory (the keyring itself is tested in tests/core)."""
    from assistant.drafts.keys import MemoryKeySource
    from assistant.drafts.unlock import KeyChoice

    return KeyChoice("ready", "test", MemoryKeySource())


#: an answer for every question of examples/procedures/field_kinds.yaml (invented data)
FIELD_KINDS_ANSWERS = {
    "free_text": "メモ", "reading": "ヤマダ", "reading_hiragana": "やまだ",
    "person": {"family": "山田", "given": "太郎", "family_kana": "ヤマダ", "given_kana": "タロウ"},
    "birth": "1970-03-01", "postal": "1000013", "phone": "03-5253-2111", "email": "a@example.jp",
    "my_number": "123456789018", "sex": "male", "linked": ["care"], "card": True, "copies": "1",
    "home": {"prefecture": "東京都", "city": "千代田区", "town": "霞が関", "block": "1"},
    "card_unknown": "unknown", "card_note": "カードを確認中", "disease": "als", "diseases": ["cancer"],
    "account": {"bank": "みずほ銀行", "branch": "渋谷支店", "account_type": "ordinary", "account_number": "0000123",
                "holder_kana": "ヤマダ　タロウ"},
    "insured": "0246813579", "health_card": {"symbol": "東京12", "number": "2468"}, "residence_card": "AB24681357CD",
}


def start_procedure(window, procedure_id: str = "juminhyo_copy") -> None:
    """Choose a procedure and answer "who is filling in" with the resident alone (preselected)."""
    window.home.procedure_chosen.emit(procedure_id)
    assert window.stack.currentWidget() is window.who
    window.who.go_on.click()
    assert window.bridge is not None


def export_answers(qtbot, window, answers: dict) -> None:
    """Give the started procedure these answers, press "Create the files" and wait for the done page."""
    for field_id, raw in answers.items():
        window.bridge.session.set_answer(field_id, raw)
    window.bridge.session.go_to("review")
    window.review.export.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.done, timeout=15000)


@pytest.fixture
def window(qtbot, qapp, app_paths):
    """The real main window, on the offscreen platform, with real background tasks."""
    from ui.app import build_window, setup_application
    from ui.tasks import Tasks

    setup_application(qapp)
    window = build_window(app_paths, Tasks(), key_chooser=memory_keys)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.tasks.wait()
