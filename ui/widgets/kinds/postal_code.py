"""kind: postal_code — one line of text (assistant.kinds.postal_code reads it)."""

from ui.widgets.inputs import LineInput as WIDGET  # noqa: F401
