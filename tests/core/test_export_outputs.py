"""Where the files go: atomic, never through a planted link, and a full or read-only disk is a
translated message with nothing left under a final name (issue 12: "Output paths")."""

from __future__ import annotations

import datetime as dt
import os
import subprocess

import pytest

from assistant import i18n
from assistant.export import package
from assistant.export.outputs import PARTIAL_PREFIX, ExportError
from assistant.export.package import add_copy, export_package
from tests.conftest import ROOT
from tests.core.test_answers_file import assert_refused
from tests.core.test_cli import tetsuzuki
from tests.core.test_export import CREATED, session  # noqa: F401 - fixture

FOLDER = f"juminhyo_copy-{CREATED:%Y%m%d-%H%M%S}"
EXAMPLE = ROOT / "examples" / "juminhyo_answers.json"


@pytest.fixture(autouse=True)
def japanese():
    i18n.set_language("ja")
    yield
    i18n.set_language("ja")


def everything_under(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def cli_export(out, home):
    return tetsuzuki("export", "--procedure", "juminhyo_copy", "--answers", str(EXAMPLE), "--out", str(out),
                     home=home)


@pytest.fixture
def tmpfs(tmp_path):
    """A small file system of its own: `mount(size, read_only)` gives its folder; unmounted after."""
    if os.geteuid() != 0:
        reason = "a tmpfs of a given size or read-only needs root (mount); run the tests as root"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    point = tmp_path / "mnt"
    point.mkdir()
    mounted = []

    def mount(size: str, read_only: bool = False):
        options = f"size={size}" + (",ro" if read_only else "")
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], check=True)
        mounted.append(point)
        return point

    yield mount
    for path in mounted:
        subprocess.run(["umount", str(path)], check=True)


def test_the_files_appear_at_once_under_their_final_name_and_nothing_else_is_left(session, tmp_path):
    result = export_package(session, tmp_path, CREATED)
    assert result.folder == tmp_path / FOLDER
    assert everything_under(tmp_path) == [FOLDER] + [f"{FOLDER}/juminhyo_copy.{kind}" for kind in
                                                     ("copy-ja.pdf", "json", "pdf", "qr.png")]
    assert all(p.exists() for p in (result.pdf, result.json, result.qr, result.copy))
    assert oct(result.folder.stat().st_mode & 0o777) == "0o700"


def test_a_second_export_in_the_same_second_gets_its_own_folder(session, tmp_path):
    first = export_package(session, tmp_path, CREATED, with_copy=False)
    second = export_package(session, tmp_path, CREATED, with_copy=False)
    assert (first.folder.name, second.folder.name) == (FOLDER, f"{FOLDER}-2")


def test_a_failure_while_writing_leaves_nothing_behind(session, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("fpdf2 failed")

    monkeypatch.setattr(package, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        export_package(session, tmp_path, CREATED)
    assert everything_under(tmp_path) == []   # the QR code written before is gone with its folder


@pytest.mark.parametrize("dangling", [True, False])
def test_a_link_planted_for_the_next_exports_name_is_refused_and_never_written_through(
        session, tmp_path, dangling):
    out, target = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    if not dangling:
        target.mkdir()
    (out / FOLDER).symlink_to(target, target_is_directory=True)
    with pytest.raises(ExportError) as caught:
        export_package(session, out, CREATED)
    assert caught.value.code == "export.link" and FOLDER in caught.value.message
    assert "リンク" in caught.value.message
    assert everything_under(out) == [FOLDER] and everything_under(target) == []
    assert target.exists() is not dangling


def test_the_cli_refuses_a_planted_link_with_a_message(tmp_path):
    out, target = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    now = dt.datetime.now().astimezone()
    for second in range(0, 600):   # every name the export can take in the next ten minutes (a slow start)
        name = f"juminhyo_copy-{now + dt.timedelta(seconds=second):%Y%m%d-%H%M%S}"
        (out / name).symlink_to(target / name)
    result = cli_export(out, tmp_path)
    assert_refused(result, "export.link")
    assert not target.exists() and not any(p.name.startswith(PARTIAL_PREFIX) for p in out.iterdir())


@pytest.mark.parametrize("what", ["file", "dangling link", "file in the path"])
def test_out_that_is_not_a_folder_is_a_message(session, tmp_path, what):
    out = tmp_path / "out"
    if what == "file":
        out.write_text("not a folder")
    elif what == "dangling link":
        out.symlink_to(tmp_path / "nowhere")
    else:
        (tmp_path / "file").write_text("")
        out = tmp_path / "file" / "out"
    with pytest.raises(ExportError) as caught:
        export_package(session, out, CREATED)
    assert caught.value.code == "export.not_a_folder"
    assert not (tmp_path / "nowhere").exists()
    result = cli_export(out, tmp_path)
    assert_refused(result, "export.not_a_folder")
    assert "フォルダーではなく" in result.stderr


def test_a_read_only_file_system_is_a_message(session, tmpfs, tmp_path):
    out = tmpfs("1m", read_only=True)
    with pytest.raises(ExportError) as caught:
        export_package(session, out, CREATED)
    assert caught.value.code == "export.read_only" and "書き込めません" in caught.value.message
    assert_refused(cli_export(out / "exports", tmp_path), "export.read_only")
    assert everything_under(out) == []


@pytest.mark.parametrize("size", ["8k", "40k", "64k", "80k"])
def test_a_full_disk_leaves_no_file_under_a_final_name(session, tmpfs, size):
    # before: truncated or empty files under their final names. The package is about 95 kB: each
    # size runs out at another file (the QR code, the form, the copy).
    out = tmpfs(size)
    with pytest.raises(ExportError) as caught:
        export_package(session, out, CREATED)
    assert caught.value.code == "export.disk_full" and "いっぱい" in caught.value.message
    assert everything_under(out) in ([], [FOLDER, f"{FOLDER}/juminhyo_copy.json", f"{FOLDER}/juminhyo_copy.pdf",
                                          f"{FOLDER}/juminhyo_copy.qr.png"])
    for path in out.rglob("*"):   # whatever carries a final name is complete
        assert not path.name.startswith(PARTIAL_PREFIX) and (path.is_dir() or path.stat().st_size > 0)


def test_the_cli_on_a_full_disk_exits_1_with_a_message(tmpfs, tmp_path):
    out = tmpfs("40k")
    assert_refused(cli_export(out, tmp_path), "export.disk_full")
    assert everything_under(out) == []


def test_the_persons_copy_on_a_full_disk_leaves_no_partial_copy(session, tmpfs, monkeypatch):
    out = tmpfs("120k")
    result = export_package(session, out, CREATED, with_copy=False)
    fd = os.open(out / "filler", os.O_WRONLY | os.O_CREAT)
    try:   # fill what is left
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    with pytest.raises(ExportError) as caught:
        add_copy(session, result, "ja")
    assert caught.value.code == "export.disk_full"
    assert sorted(p.name for p in result.folder.iterdir()) == ["juminhyo_copy.json", "juminhyo_copy.pdf",
                                                               "juminhyo_copy.qr.png"]


def test_answers_at_every_limit_fit_on_the_form_and_are_printed_whole(tmp_path):
    # before: 1,500 characters raised "row too high" in fpdf2 (after 15-47 s for 1 MB)
    from assistant.interview import checks
    from assistant.interview.session import Session
    from assistant.paths import BUNDLED_PROCEDURES
    from assistant.procedures.catalog import Catalog
    from tests.core.test_export import pdftotext
    from tests.core.test_session import ANSWERS

    name = {part: ("髙" if part in ("family", "given") else "ヴ") * checks.NAME_PART_MAX
            for part in ("family", "given", "family_kana", "given_kana")}
    address = {**ANSWERS["applicant_address"], **{part: "﨑" * checks.ADDRESS_PART_MAX
                                                  for part in ("prefecture", "city", "town", "block", "building")}}
    members = [{"member_name": "𠮷" * 60}] * 10
    session = Session(Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy"), {
        **ANSWERS, "applicant_name": name, "applicant_address": address, "submit_to": "株" * 80,
        "scope": "some_members", "members": members})
    assert session.missing() == []
    result = export_package(session, tmp_path, CREATED)
    text = pdftotext(result.pdf).replace(" ", "")
    for part in (*name.values(), address["building"], "株" * 80, "𠮷" * 60):
        assert part in text
    assert text.count("𠮷" * 60) == 10
