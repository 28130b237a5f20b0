"""The `tetsuzuki` command (ui/launcher.py): headless commands go to the core, no command starts
the window with the person's options."""

from __future__ import annotations

from pathlib import Path

import ui.app
from ui.launcher import main


def test_a_command_runs_headless_and_no_command_starts_the_window(tmp_path: Path, monkeypatch, capsys):
    started = []
    monkeypatch.setattr(ui.app, "run", lambda paths, **options: started.append((paths, options)) or 0)
    assert main(["--home", str(tmp_path), "procedures", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert any(line.startswith("juminhyo_copy\t") for line in listed) and started == []
    assert main(["--home", str(tmp_path), "--language", "en", "--shared-pc"]) == 0
    (paths, options), = started
    assert paths.data == tmp_path / "data" and options == {"language": "en", "shared_pc": True}
