"""kind: text — one line of text (assistant.kinds.text reads it)."""

from ui.widgets.inputs import LineInput as WIDGET  # noqa: F401
