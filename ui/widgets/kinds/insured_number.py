"""kind: insured_number — one line for the number, or 記号 and 番号 when the form asks both."""

from ui.widgets.inputs import LineInput, PartsInput


def widget_class(field):
    return PartsInput if field.symbol else LineInput
