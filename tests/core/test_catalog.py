"""The procedure list: heads read fast, cached in the data folder, never trusted over the files."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from assistant.paths import BUNDLED_PROCEDURES, AppPaths
from assistant.procedures.catalog import BrokenProcedure, Catalog
from assistant.procedures.index import INDEX_NAME
from tests.conftest import BROKEN

SOURCE = (BUNDLED_PROCEDURES / "juminhyo_copy.yaml").read_text(encoding="utf-8")


def write(folder: Path, n: int, title: str | None = None) -> Path:
    text = SOURCE.replace("id: juminhyo_copy", f"id: copy_{n}", 1)
    text = text.replace("title: 住民票の写し等交付請求書", f"title: {title or f'写しの請求 {n}'}", 1)
    file = folder / f"copy_{n}.yaml"
    file.write_text(text, encoding="utf-8")
    return file


@pytest.fixture
def app(tmp_path) -> AppPaths:
    folder = tmp_path / "procedures"
    folder.mkdir()
    for n in range(3):
        write(folder, n)
    shutil.copy(BUNDLED_PROCEDURES / "juminhyo_copy.yaml", folder)
    return AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "exports", (folder,))


def listed(catalog: Catalog) -> list[tuple[str, str]]:
    return [(e.id, e.title) for e in catalog.procedures]


def test_the_list_is_the_same_with_and_without_the_cache_and_as_a_full_load(app):
    cold = Catalog.for_app(app)
    assert (app.data / INDEX_NAME).exists()
    warm = Catalog.for_app(app)
    uncached = Catalog.load(app.procedure_dirs, check_all=False)
    full = Catalog.load(app.procedure_dirs)
    assert cold.procedures == warm.procedures == uncached.procedures == full.procedures
    assert len(cold.procedures) == 4 and cold.errors == warm.errors == full.errors == []
    for query in ("住民票", "Residence", "じゅうみんひょう", "請求 2", "nothing like this"):
        assert cold.search(query) == warm.search(query) == full.search(query)


def test_search_finds_by_japanese_title_reading_and_english_translation(app):
    Catalog.for_app(app)
    catalog = Catalog.for_app(app)
    assert [e.id for e in catalog.search("住民票の写し等")] == ["juminhyo_copy"]
    assert [e.id for e in catalog.search("ジュウミンヒョウ")] == [e.id for e in catalog.procedures]   # keyword
    assert "juminhyo_copy" in [e.id for e in catalog.search("residence record")]
    assert [e.id for e in catalog.search("写しの請求 1")] == ["copy_1"]
    assert catalog.search("pension fund transfer") == []


def test_a_changed_file_is_read_again_even_with_the_same_size_and_time(app):
    Catalog.for_app(app)
    file = app.procedure_dirs[0] / "copy_1.yaml"
    before = os.stat(file)
    write(app.procedure_dirs[0], 1, title="写しの請求 X")   # same length as "写しの請求 1"
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(file).st_size == before.st_size
    catalog = Catalog.for_app(app)
    assert ("copy_1", "写しの請求 X") in listed(catalog)
    assert catalog.get("copy_1").title == "写しの請求 X"


def test_a_removed_file_disappears_and_a_new_one_appears(app):
    Catalog.for_app(app)
    (app.procedure_dirs[0] / "copy_0.yaml").unlink()
    write(app.procedure_dirs[0], 7)
    catalog = Catalog.for_app(app)
    assert sorted(e.id for e in catalog.procedures) == ["copy_1", "copy_2", "copy_7", "juminhyo_copy"]
    with pytest.raises(KeyError):
        catalog.get("copy_0")


@pytest.mark.parametrize("content", [
    b"", b"\xff\xfe not json", b"[" * 100_000, b'{"format": 1, "written_ns": "soon", "entries": {}}',
    b'{"format": 1, "written_ns": 0, "entries": []}', b"null",
])
def test_a_damaged_cache_is_ignored_and_rebuilt(app, content):
    expected = listed(Catalog.load(app.procedure_dirs))
    index = app.data / INDEX_NAME
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_bytes(content)
    assert listed(Catalog.for_app(app)) == expected
    assert json.loads(index.read_text(encoding="utf-8"))["format"] == 1
    assert listed(Catalog.for_app(app)) == expected


def test_a_hostile_cache_entry_is_not_shown_the_file_is_read_instead(app):
    Catalog.for_app(app)
    index = app.data / INDEX_NAME
    data = json.loads(index.read_text(encoding="utf-8"))
    entry = data["entries"][str(app.procedure_dirs[0] / "copy_2.yaml")]
    entry["title"] = "\u202eevil"                       # a bidi override no text may hold
    entry["keywords"] = ["x" * 100_000]
    data["entries"][str(app.procedure_dirs[0] / "copy_1.yaml")]["id"] = "../../etc"
    index.write_text(json.dumps(data), encoding="utf-8")
    catalog = Catalog.for_app(app)
    assert listed(catalog) == listed(Catalog.load(app.procedure_dirs))
    assert "\u202e" not in index.read_text(encoding="utf-8")


def test_the_cache_is_private(app):
    Catalog.for_app(app)
    index = app.data / INDEX_NAME
    assert stat.S_IMODE(index.stat().st_mode) == 0o600
    assert stat.S_IMODE(index.parent.stat().st_mode) == 0o700


def test_an_unwritable_data_folder_only_costs_time(app, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    paths = AppPaths(blocker / "data", app.config, app.exports, app.procedure_dirs)
    assert len(Catalog.for_app(paths).procedures) == 4


def test_a_file_broken_in_its_head_is_reported_with_its_line_and_the_others_listed(app, english):
    shutil.copy(BROKEN / "bad_yaml.yaml", app.procedure_dirs[0])
    (app.procedure_dirs[0] / "bidi.yaml").write_text(
        SOURCE.replace("title: 住民票", "title: \u202e住民票", 1).replace("juminhyo_copy", "bidi", 1), encoding="utf-8")
    for catalog in (Catalog.for_app(app), Catalog.for_app(app)):
        assert len(catalog.procedures) == 4
        assert [f.name for f in catalog.broken_files] == ["bad_yaml.yaml", "bidi.yaml"]
        assert all(e.line for e in catalog.errors)
        assert any("not valid YAML" in str(e) for e in catalog.errors)


def test_a_file_broken_below_its_head_is_listed_and_reported_when_opened(app, english):
    shutil.copy(BROKEN / "unknown_key.yaml", app.procedure_dirs[0])
    catalog = Catalog.for_app(app)
    broken_id = next(e.id for e in catalog.procedures if e.file.name == "unknown_key.yaml")
    assert catalog.errors == []
    assert not catalog.check(broken_id)
    with pytest.raises(BrokenProcedure) as raised:
        Catalog.for_app(app).get(broken_id)
    [error] = raised.value.errors
    assert (error.file.name, error.line, error.path) == ("unknown_key.yaml", 19, "steps[0].fields[0].colour")
    assert [f.name for f in catalog.broken_files] == ["unknown_key.yaml"]
    assert broken_id not in [e.id for e in catalog.procedures]
    assert catalog.check("copy_0")   # the others still open


def test_an_id_in_two_files_is_reported_for_both_with_its_line(app, english):
    write(app.procedure_dirs[0], 0).rename(app.procedure_dirs[0] / "again.yaml")
    write(app.procedure_dirs[0], 0)
    catalog = Catalog.for_app(app)
    assert "copy_0" not in [e.id for e in catalog.procedures]
    assert sorted((e.file.name, e.line) for e in catalog.errors) == [("again.yaml", 5), ("copy_0.yaml", 5)]
    assert listed(catalog) == listed(Catalog.load(app.procedure_dirs))


def test_a_file_whose_head_is_unusual_is_listed_through_the_full_loader(app):
    odd = SOURCE.replace('version: "2026.1"', "version: &v '2026.1'", 1).replace("juminhyo_copy", "anchored", 1)
    (app.procedure_dirs[0] / "anchored.yaml").write_text(odd, encoding="utf-8")
    moved = SOURCE.replace("id: juminhyo_copy\n", "", 1) + "id: at_the_end\n"
    (app.procedure_dirs[0] / "at_the_end.yaml").write_text(moved, encoding="utf-8")
    catalog = Catalog.for_app(app)
    assert {"anchored", "at_the_end"} <= {e.id for e in catalog.procedures}
    assert catalog.errors == []
    assert listed(catalog) == listed(Catalog.load(app.procedure_dirs))


HEAD_CASES = {
    "tagged title": SOURCE.replace("title: 住民票の写し", "title: !!python/str 住民票の写し", 1),
    "title twice": SOURCE.replace("summary:", "title: もう一つ\nsummary:", 1),
    "alias bomb in the head": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi")) + SOURCE,
    "unknown top-level key": SOURCE.replace("schema_version: 1", "schema_version: 1\ncolour: red", 1),
    "number as version": SOURCE.replace('version: "2026.1"', "version: 2026.1", 1),
    "schema_version 2": SOURCE.replace("schema_version: 1", "schema_version: 2", 1),
    "no id": SOURCE.replace("id: juminhyo_copy\n", "", 1),
    "flow mapping": "{" + ", ".join(f"{k}: x" for k in ("id", "title")) + "}",
    "not utf-8": SOURCE.encode("utf-8").replace("住民票の写し等".encode(), b"\xff\xfe", 1),
    "a list": "- 1\n- 2\n",
}


@pytest.mark.parametrize("name", sorted(HEAD_CASES))
def test_a_hostile_head_is_reported_as_the_full_loader_reports_it(app, english, name):
    content = HEAD_CASES[name]
    target = app.procedure_dirs[0] / "juminhyo_copy.yaml"   # replaces the bundled copy
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    full = Catalog.load(app.procedure_dirs)
    assert full.errors, "the case is broken for the full loader too"
    for catalog in (Catalog.for_app(app), Catalog.for_app(app)):
        assert catalog.errors == full.errors
        assert sorted(e.id for e in catalog.procedures) == ["copy_0", "copy_1", "copy_2"]


def test_a_fifo_and_a_link_to_an_endless_device_do_not_block_the_list(app, english):
    os.mkfifo(app.procedure_dirs[0] / "pipe.yaml")
    os.symlink("/dev/zero", app.procedure_dirs[0] / "zero.yaml")
    catalog = Catalog.for_app(app)
    assert [f.name for f in catalog.broken_files] == ["pipe.yaml", "zero.yaml"]
    assert len(catalog.procedures) == 4


def test_a_catalog_of_definitions_in_memory_opens_them_without_files():
    from assistant.procedures.loader import load_file

    procedure, _errors = load_file(BUNDLED_PROCEDURES / "juminhyo_copy.yaml")
    catalog = Catalog([procedure], [])
    assert catalog.get("juminhyo_copy") is procedure
    assert catalog.search("residence record") == [procedure]


def test_without_the_cache_nothing_is_written(app):
    catalog = Catalog.for_app(app, cache=False)
    assert len(catalog.procedures) == 4
    assert not app.data.exists()
