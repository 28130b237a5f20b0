"""kind: date — one line of text (assistant.kinds.date reads it)."""

from ui.widgets.inputs import LineInput as WIDGET  # noqa: F401
