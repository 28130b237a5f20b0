"""kind: residence_card — one line of text (assistant.kinds.residence_card reads it)."""

from ui.widgets.inputs import LineInput as WIDGET  # noqa: F401
