"""The wheel is a working installation: built from the sources, installed into a fresh venv
outside the checkout, its `tetsuzuki` command lists the procedures, speaks Japanese from the
bundled catalogs and exports a PDF with the bundled font — from another folder, nothing read from
the checkout.

The venv gets the wheel's own dependencies from its metadata except the Qt ones (PySide6 is 650 MB
and the headless commands never load it; ui/launcher.py imports Qt only for the window). Deselect
with `-m "not packaging"`; 50–80 s on a busy 2-core machine, most of it installing the
dependencies from pip's cache.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.packaging, pytest.mark.tools]

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = ("assistant", "ui", "procedures", "locales", "resources", "pyproject.toml", "setup.py",
           "MANIFEST.in", "README.md")
PIP_SECONDS = 900


def _run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=PIP_SECONDS)


def _checked(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{result.args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory):
    """(venv, a folder outside the checkout, environment): the wheel installed into a fresh venv."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: scripts/setup.sh test installs poppler-utils")
    base = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", LANGUAGE="C")
    # A copy of the sources without anything the set-up generated (compiled catalogs, caches),
    # so the build must compile and bundle the data itself.
    source = base / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.mo", "_data"))
        else:
            shutil.copy2(ROOT / name, source / name)
    _checked(_run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", base / "dist", source,
                  cwd=base, env=env))
    (wheel,) = (base / "dist").glob("tetsuzuki_assistant-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = email.message_from_bytes(archive.read(next(n for n in names if n.endswith("/METADATA"))))
    requirements = [r for r in metadata.get_all("Requires-Dist") if "extra ==" not in r]
    assert any(r.startswith("PySide6-Essentials") for r in requirements)   # the window's needs are declared
    assert {"assistant/_data/procedures/juminhyo_copy.yaml", "assistant/_data/fonts/BIZUDGothic-Regular.ttf",
            "assistant/_data/fonts/OFL.txt", "assistant/_data/locales/ja/LC_MESSAGES/assistant.mo",
            "assistant/_data/locales/en/LC_MESSAGES/procedures.mo", "ui/launcher.py"} <= names
    venv = base / "venv"
    _checked(_run(sys.executable, "-m", "venv", venv, cwd=base, env=env))
    python = venv / "bin" / "python"
    _checked(_run(python, "-m", "pip", "install", "-q", *(r for r in requirements if not r.startswith("PySide6")),
                  cwd=base, env=env))
    _checked(_run(python, "-m", "pip", "install", "-q", "--no-deps", wheel, cwd=base, env=env))
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(ROOT / "examples" / "juminhyo_answers.json", elsewhere / "answers.json")
    shutil.rmtree(source)   # nothing can be read from a source tree any more
    return venv, elsewhere, env


def test_the_installed_package_reads_its_data_from_the_venv(installed):
    venv, elsewhere, env = installed
    out = _checked(_run(venv / "bin" / "python", "-c",
                        "from assistant import resources as r; print(r.procedures(), r.locales(), r.fonts(), sep='\\n')",
                        cwd=elsewhere, env=env))
    folders = [Path(line) for line in out.splitlines()]
    assert len(folders) == 3 and all(f.is_relative_to(venv) and f.is_dir() for f in folders), out


def test_tetsuzuki_lists_the_procedures_in_english_from_the_bundled_catalog(installed):
    venv, elsewhere, env = installed
    home = elsewhere / "home"
    japanese = _checked(_run(venv / "bin" / "tetsuzuki", "--home", home, "procedures", "list", cwd=elsewhere, env=env))
    listed = [line.split("\t")[0] for line in japanese.splitlines()]
    assert "juminhyo_copy" in listed and "kaigo_nintei" in listed and "住民票の写し等交付請求書" in japanese
    unknown = _run(venv / "bin" / "tetsuzuki", "--home", home, "export", "--procedure", "nope",
                   "--answers", "answers.json", "--out", "out", cwd=elsewhere, env=env)
    assert unknown.returncode == 2
    assert "ID が nope の手続きはありません" in unknown.stderr   # the interface catalog (ja) is bundled


def test_tetsuzuki_exports_a_pdf_with_the_answers_and_the_bundled_font(installed):
    venv, elsewhere, env = installed
    result = _run(venv / "bin" / "tetsuzuki", "--home", elsewhere / "home", "--language", "en", "export",
                  "--procedure", "juminhyo_copy", "--answers", "answers.json", "--out", "out",
                  cwd=elsewhere, env=env)
    files = [elsewhere / line for line in _checked(result).splitlines()]   # relative to --out
    form = next(f for f in files if f.name == "juminhyo_copy.pdf")
    copy = next(f for f in files if f.name.endswith(".copy-en.pdf"))
    assert form.is_file() and (elsewhere / "out") in form.parents
    text = _checked(_run("pdftotext", "-layout", form, "-", cwd=elsewhere, env=env))
    assert "住民票の写し等交付請求書" in text and "山田" in text and "霞が関2-1-2" in text
    fonts = _checked(_run("pdffonts", form, cwd=elsewhere, env=env))
    assert "BIZUDGothic" in fonts
    # the person's copy in English: the procedure texts' English catalog is bundled too
    assert "Request for a copy of the residence record" in _checked(
        _run("pdftotext", copy, "-", cwd=elsewhere, env=env))


def test_without_qt_the_window_says_how_to_install_it_instead_of_a_traceback(installed):
    venv, elsewhere, env = installed
    result = _run(venv / "bin" / "tetsuzuki", "--home", elsewhere / "home", cwd=elsewhere, env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "画面を使うには Qt（PySide6）が必要です" in result.stderr and "pip install" in result.stderr
