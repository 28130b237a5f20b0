"""kind: multi_choice — radio buttons or check boxes, one per option (assistant.kinds.multi_choice names them)."""

from ui.widgets.inputs import ChoiceInput as WIDGET  # noqa: F401
