"""The person's display preferences, remembered between starts (no personal data here)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

ZOOM_STEPS = (100, 125, 150, 175, 200, 250, 300)
THEMES = ("auto", "default", "high_contrast")


@dataclass(frozen=True)
class Settings:
    language: str = "ja"
    zoom: int = 100            # percent of the base text size
    theme: str = "auto"        # auto follows the system's dark / high-contrast preference

    def zoomed(self, steps: int) -> Settings:
        """One or more zoom steps bigger (positive) or smaller (negative), within 100–300 %."""
        index = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        index = max(0, min(len(ZOOM_STEPS) - 1, index + steps))
        return replace(self, zoom=ZOOM_STEPS[index])


def load(folder: Path) -> Settings:
    """The saved settings; defaults for anything missing or unreadable (never an error)."""
    try:
        data = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    defaults = Settings()
    language = data.get("language") if isinstance(data.get("language"), str) else defaults.language
    zoom = data.get("zoom") if data.get("zoom") in ZOOM_STEPS else defaults.zoom
    theme = data.get("theme") if data.get("theme") in THEMES else defaults.theme
    return Settings(language, zoom, theme)


def save(folder: Path, settings: Settings) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    import tempfile   # only when saving: not on the way to the first window

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, suffix=".tmp", encoding="utf-8") as tmp:
        json.dump(asdict(settings), tmp)
        tmp.flush()
        os.fsync(tmp.fileno())
    os.replace(tmp.name, folder / "settings.json")
