"""kind: number — one line of text (assistant.kinds.number reads it)."""

from ui.widgets.inputs import LineInput as WIDGET  # noqa: F401
