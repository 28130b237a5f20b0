"""kind: phone — one line of text (assistant.kinds.phone reads it)."""

from ui.widgets.inputs import LineInput as WIDGET  # noqa: F401
