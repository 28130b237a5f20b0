"""kind: my_number — one line typed like a password, with a Show button."""

from ui.widgets.inputs import LineInput


class MyNumberInput(LineInput):
    masked = True


WIDGET = MyNumberInput
