"""kind: email — one line of text (assistant.kinds.email reads it)."""

from ui.widgets.inputs import LineInput as WIDGET  # noqa: F401
