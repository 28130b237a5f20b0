"""Where the application keeps its files: one object, passed in, never module constants."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from assistant import resources

APP_NAME = "tetsuzuki"
HOME_ENV = "TETSUZUKI_HOME"
BUNDLED_PROCEDURES = resources.procedures()


@dataclass(frozen=True)
class AppPaths:
    """The application's folders. Build with `AppPaths.resolve`."""

    data: Path
    config: Path
    exports: Path
    procedure_dirs: tuple[Path, ...]

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> AppPaths:
        """Use `home` (CLI flag), else $TETSUZUKI_HOME, else the platform's folders."""
        root = home or os.environ.get(HOME_ENV)
        if root:
            base = Path(root)
            return cls(base / "data", base / "config", base / "exports", (BUNDLED_PROCEDURES,))
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        exports = Path(platformdirs.user_documents_dir()) / "Tetsuzuki"
        return cls(Path(dirs.user_data_dir), Path(dirs.user_config_dir), exports, (BUNDLED_PROCEDURES,))

    def ensure(self) -> None:
        """Create the folders, private to the user."""
        for folder in (self.data, self.config, self.exports):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if os.name == "posix" and folder.stat().st_uid == os.getuid():
                with contextlib.suppress(OSError):   # e.g. a link the person pointed elsewhere
                    os.chmod(folder, 0o700)   # also when made earlier as a parent of drafts/ (0755)
