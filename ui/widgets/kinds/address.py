"""kind: address — one labelled line per part (assistant.kinds.address names the parts)."""

from ui.widgets.inputs import PartsInput as WIDGET  # noqa: F401
