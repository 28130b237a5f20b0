from __future__ import annotations

from assistant.settings import Settings, load, save


def test_settings_are_remembered(tmp_path):
    chosen = Settings(language="en", zoom=200, theme="high_contrast", speech_rate=1.5, self_voicing=True,
                      voices={"ja": "openjtalk"})
    save(tmp_path, chosen)
    assert load(tmp_path) == chosen


def test_missing_or_damaged_settings_fall_back_to_defaults(tmp_path):
    assert load(tmp_path) == Settings()
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert load(tmp_path) == Settings()
    (tmp_path / "settings.json").write_text('{"zoom": 9000, "theme": "neon", "language": "en", "speech_rate": 9, '
                                            '"self_voicing": "yes", "voices": {"ja": 3}}', encoding="utf-8")
    assert load(tmp_path) == Settings(language="en")


def test_zoom_moves_in_steps_between_100_and_300_percent():
    assert Settings().zoomed(1).zoom == 125
    assert Settings(zoom=300).zoomed(1).zoom == 300
    assert Settings(zoom=100).zoomed(-1).zoom == 100
    assert Settings(zoom=200).zoomed(2).zoom == 300
