"""kind: kana — one line of text (assistant.kinds.kana reads it)."""

from ui.widgets.inputs import LineInput as WIDGET  # noqa: F401
