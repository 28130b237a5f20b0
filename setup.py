"""Build step that puts the bundled data into the wheel (everything else is in pyproject.toml).

The data stays where authors and translators edit it (procedures/, locales/, resources/fonts/); a
wheel gets a copy under `assistant/_data/`, where `assistant.resources` finds it with
importlib.resources. The catalogs are compiled here (.po → .mo): .mo files are not kept in git, so
the build must not depend on a set-up having compiled them. An editable install gets no copy: it
reads the checkout's folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = "assistant/_data"


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):
            self._bundle(Path(self.build_lib) / DATA)

    def _bundle(self, target: Path) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        shutil.rmtree(target, ignore_errors=True)
        for source in sorted((ROOT / "procedures").rglob("*.yaml")):
            self._copy(source, target / "procedures" / source.relative_to(ROOT / "procedures"))
        for source in sorted((ROOT / "resources" / "fonts").rglob("*")):   # fonts and their licences
            if source.is_file():
                self._copy(source, target / "fonts" / source.relative_to(ROOT / "resources" / "fonts"))
        for source in sorted((ROOT / "locales").rglob("*")):
            relative = source.relative_to(ROOT / "locales")
            if source.suffix == ".po":
                mo_path = target / "locales" / relative.with_suffix(".mo")
                mo_path.parent.mkdir(parents=True, exist_ok=True)
                with source.open("rb") as po_file, mo_path.open("wb") as mo_file:
                    write_mo(mo_file, read_po(po_file), use_fuzzy=False)
            elif source.is_file() and source.suffix not in (".pot", ".mo"):   # e.g. a table of languages
                self._copy(source, target / "locales" / relative)

    @staticmethod
    def _copy(source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


setup(cmdclass={"build_py": BuildWithData})
