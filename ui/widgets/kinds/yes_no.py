"""kind: yes_no — radio buttons or check boxes, one per option (assistant.kinds.yes_no names them)."""

from ui.widgets.inputs import ChoiceInput as WIDGET  # noqa: F401
