"""Where the bundled data is: procedure definitions, translation catalogs, fonts.

The one place that knows the layouts; every other module asks here. Looked for, in order:

1. a frozen build (PyInstaller): the bundle's folder, ``sys._MEIPASS/assistant/_data/<kind>``
   (packaging/README.md says how the build puts it there);
2. an installed package (wheel): the ``assistant._data`` resources, found with
   ``importlib.resources``; the build copies the data there (``setup.py``, ``build_py``);
3. a source checkout: the top-level folders ``procedures/``, ``locales/``, ``resources/fonts/``
   next to the ``assistant`` package, recognised by the ``pyproject.toml`` beside them, so an
   installed package never picks up an unrelated folder.

The data is read from files on disk (fpdf2 and Qt take font paths), so a zipped install is not
supported: it raises `ResourceError`.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path

#: kind → (folder inside ``assistant/_data``, folder in a source checkout)
KINDS = {
    "procedures": ("procedures", Path("procedures")),
    "locales": ("locales", Path("locales")),
    "fonts": ("fonts", Path("resources") / "fonts"),
}
PACKAGED = "_data"


class ResourceError(RuntimeError):
    """The bundled data cannot be found: the installation is incomplete."""


def _frozen_root() -> Path | None:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "assistant" / PACKAGED if getattr(sys, "frozen", False) and bundle else None


def _package_root() -> Path | None:
    root = resources.files("assistant")
    # A regular package on disk is a Path; anything else (a zip) is not supported, see above.
    return root if isinstance(root, Path) else None


@cache
def folder(kind: str) -> Path:
    """The folder holding the bundled data of `kind` ("procedures", "locales" or "fonts")."""
    packaged, checkout = KINDS[kind]
    frozen = _frozen_root()
    if frozen is not None:
        return frozen / packaged
    package = _package_root()
    if package is None:
        raise ResourceError(f"assistant is not installed as files on disk ({resources.files('assistant')})")
    if (package / PACKAGED / packaged).is_dir():
        return package / PACKAGED / packaged
    source = package.parent
    if (source / "pyproject.toml").is_file() and (source / checkout).is_dir():
        return source / checkout
    raise ResourceError(f"the bundled {kind} are missing: neither {package / PACKAGED / packaged} "
                        f"nor a source checkout's {checkout}/ exists")


def procedures() -> Path:
    """The bundled procedure definitions (``*.yaml``)."""
    return folder("procedures")


def locales() -> Path:
    """The translation catalogs: ``<language>/LC_MESSAGES/<domain>.mo`` (and ``.po`` in a checkout)."""
    return folder("locales")


def fonts() -> Path:
    """The bundled fonts (OFL, with their licence ``OFL.txt``)."""
    return folder("fonts")

