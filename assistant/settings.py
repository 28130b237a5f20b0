"""The person's display and speech preferences, remembered between starts (no personal data here)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

ZOOM_STEPS = (100, 125, 150, 175, 200, 250, 300)
THEMES = ("auto", "default", "high_contrast")
RATE_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)


@dataclass(frozen=True)
class Settings:
    language: str = "ja"
    zoom: int = 100            # percent of the base text size
    theme: str = "auto"        # auto follows the system's dark / high-contrast preference
    speech_rate: float = 1.0   # relative speed of reading aloud (RATE_STEPS)
    #: read each question when it gets the focus; None = decide at start (off when a screen reader runs)
    self_voicing: bool | None = None
    #: language → speech engine name chosen in settings ("openjtalk", "espeak", "qt"); else the best
    voices: dict[str, str] = field(default_factory=dict)
    #: the window's last size (width, height) in logical pixels; None = fit the screen
    window_size: tuple[int, int] | None = None

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
    rate = data.get("speech_rate") if data.get("speech_rate") in RATE_STEPS else defaults.speech_rate
    voicing = data.get("self_voicing") if data.get("self_voicing") in (True, False) else None
    voices = data.get("voices") if isinstance(data.get("voices"), dict) else {}
    voices = {k: v for k, v in voices.items() if isinstance(k, str) and isinstance(v, str)}
    size = data.get("window_size")
    if not (isinstance(size, list) and len(size) == 2 and all(isinstance(v, int) and 200 <= v <= 20000 for v in size)):
        size = None
    return Settings(language, zoom, theme, rate, voicing, voices, tuple(size) if size else None)


def save(folder: Path, settings: Settings) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    import tempfile   # only when saving: not on the way to the first window

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, suffix=".tmp", encoding="utf-8") as tmp:
        json.dump(asdict(settings), tmp)
        tmp.flush()
        os.fsync(tmp.fileno())
    os.replace(tmp.name, folder / "settings.json")
