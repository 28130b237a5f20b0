"""One input widget per field kind, looked up by kind name: the module `ui/widgets/kinds/<name>.py`
names it as ``WIDGET`` (a FieldInput subclass), or, when it depends on the question's settings,
as a function ``widget_class(field)``. The widgets only report what was typed or chosen; the
kind's core module (assistant.kinds.<name>) reads it."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.widgets.inputs import FieldInput


def widget_class(field) -> type[FieldInput]:
    """The FieldInput class for `field` (KeyError for a kind without a widget module)."""
    name = field.kind
    if not name.isidentifier() or name.startswith("_"):
        raise KeyError(name)
    try:
        module = importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as error:
        raise KeyError(name) from error
    chooser = getattr(module, "widget_class", None)
    return chooser(field) if chooser is not None else module.WIDGET
