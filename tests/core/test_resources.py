"""assistant/resources.py finds the bundled data in each kind of installation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant import resources

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def fresh():
    """Each case looks again (the lookup is cached per process)."""
    resources.folder.cache_clear()
    yield
    resources.folder.cache_clear()


def test_a_checkout_reads_the_folders_authors_and_translators_edit(fresh):
    assert resources.procedures() == ROOT / "procedures"
    assert resources.locales() == ROOT / "locales"
    assert (resources.fonts() / "BIZUDGothic-Regular.ttf").is_file()


def test_a_frozen_bundle_reads_its_own_folder(fresh, monkeypatch, tmp_path: Path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.fonts() == tmp_path / "assistant" / "_data" / "fonts"
    assert resources.procedures() == tmp_path / "assistant" / "_data" / "procedures"


def test_an_installed_package_prefers_its_bundled_copy(fresh, monkeypatch, tmp_path: Path):
    package = tmp_path / "site-packages" / "assistant"
    (package / "_data" / "locales").mkdir(parents=True)
    monkeypatch.setattr(resources, "_package_root", lambda: package)
    assert resources.locales() == package / "_data" / "locales"


def test_missing_data_is_an_error_naming_what_is_missing(fresh, monkeypatch, tmp_path: Path):
    package = tmp_path / "site-packages" / "assistant"
    package.mkdir(parents=True)
    monkeypatch.setattr(resources, "_package_root", lambda: package)
    with pytest.raises(resources.ResourceError, match="the bundled procedures are missing"):
        resources.procedures()
