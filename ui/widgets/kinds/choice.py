"""kind: choice — radio buttons or check boxes, one per option (assistant.kinds.choice names them)."""

from ui.widgets.inputs import ChoiceInput as WIDGET  # noqa: F401
