"""kind: person_name — one labelled line per part (assistant.kinds.person_name names the parts)."""

from ui.widgets.inputs import PartsInput as WIDGET  # noqa: F401
