"""Field kinds as a registry: one module per kind in this package, looked up by kind name.

Each module `assistant/kinds/<name>.py` defines ``KIND``, an instance of a
:class:`~assistant.kinds.base.Kind` subclass holding everything about answers of that kind: its
parts, how a raw answer is checked and read, and how a stored value is displayed for the person,
printed on the form, read aloud and stored in JSON. Adding a kind is adding a module here (and its
model class in procedures/model.py, its widget in ui/widgets/kinds/, tests and a gallery entry).

Modules are imported on first use, so starting the window does not load the parsers.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from assistant.kinds.base import FieldResult, Kind

__all__ = ["FieldResult", "Kind", "all_kinds", "display_text", "json_value", "kind_of", "printed_text", "read",
           "spoken_text"]

_LOADED: dict[str, Kind] = {}
#: modules of this package that are not kinds
_HELPERS = frozenset({"base", "checks", "parts"})


def kind_of(field_or_name: Any) -> Kind:
    """The kind of a field (or of a kind name); KeyError for a kind no module defines."""
    name = field_or_name if isinstance(field_or_name, str) else field_or_name.kind
    kind = _LOADED.get(name)
    if kind is None:
        if not name.isidentifier() or name.startswith("_") or name in _HELPERS:
            raise KeyError(name)
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            raise KeyError(name) from error
        kind = _LOADED[name] = module.KIND
    return kind


def all_kinds() -> list[Kind]:
    """Every registered kind, one per module of this package, by name."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name not in _HELPERS)
    return [kind_of(name) for name in names]


def read(field: Any, raw: Any) -> FieldResult:
    """Read one raw answer by its field's kind (see interview.validation.read_field for the checks
    every answer passes first)."""
    return kind_of(field).parse(field, raw)


def display_text(field: Any, value: Any, language: str | None = None) -> str:
    """A stored value for the person, in `language` (default: the interface language); options
    translated with the official Japanese beside them, a My Number masked; "" when None."""
    return "" if value is None else kind_of(field).display_text(field, value, language)


def printed_text(field: Any, value: Any) -> str:
    """A stored value as printed on the official Japanese form (a My Number in full); "" when None."""
    return "" if value is None else kind_of(field).printed_text(field, value)


def spoken_text(field: Any, value: Any) -> str:
    """A stored value as read aloud (a My Number only by its last four digits); "" when None."""
    return "" if value is None else kind_of(field).spoken_text(field, value)


def json_value(field: Any, value: Any) -> Any:
    """A stored value as written in the exported JSON."""
    return None if value is None else kind_of(field).json_value(field, value)
