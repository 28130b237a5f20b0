"""Turn pydantic's validation errors into translated messages: what is wrong, how to fix it.

Pydantic's own texts are English and speak of "tuples" and "dictionaries"; authors of procedure
files read these instead. A type of error not listed here keeps pydantic's text after a
translated lead-in, so nothing is ever hidden.
"""

from __future__ import annotations

from typing import Any

from assistant.i18n import _, ngettext
from assistant.procedures.texts import shorten

_SCALAR_UNION_TAGS = frozenset({"str", "int", "float", "bool"})


def found_kind(value: Any) -> str:
    """What a value is, in the words of the messages."""
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("a text")
    if isinstance(value, (list, tuple)):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping (key: value)")
    if value is None:
        return _("nothing (an empty value)")
    return _("a date")


def _expected(kind: str) -> str:
    return {
        "string_type": _("a text"),
        "int_type": _("a whole number, e.g. 3"),
        "int_parsing": _("a whole number, e.g. 3"),
        "int_from_float": _("a whole number, e.g. 3"),
        "bool_type": _("true or false"),
        "bool_parsing": _("true or false"),
        "tuple_type": _("a list (lines starting with `- `)"),
        "list_type": _("a list (lines starting with `- `)"),
        "model_type": _("a mapping of keys to values (lines `key: value`)"),
        "dict_type": _("a mapping of keys to values (lines `key: value`)"),
        "float_type": _("a number"),
        "float_parsing": _("a number"),
    }.get(kind, "")


def message_for(item: dict[str, Any], key: str | int | None) -> str:
    """The translated message for one pydantic error; `key` is the last part of its path."""
    kind, ctx, value = item["type"], item.get("ctx") or {}, item.get("input")
    key = shorten(key)
    if kind == "missing":
        return _("the required key `{key}` is missing; add it, e.g. `{key}: …` (see "
                 "`tetsuzuki procedures schema`)").format(key=key)
    if kind == "extra_forbidden":
        return _("unknown key `{key}` (check its spelling; see `tetsuzuki procedures schema`)").format(key=key)
    if _expected(kind):
        return _("expected {expected}, found {found}").format(expected=_expected(kind), found=found_kind(value))
    if kind == "string_too_short":
        return _("this text is empty; write the official Japanese text, e.g. `label: 氏名`")
    if kind == "string_too_long":
        return _("this text is longer than {limit} characters; shorten it").format(limit=ctx.get("max_length"))
    if kind == "string_pattern_mismatch":
        return _("this is not a valid id: use lower-case letters, digits and underscores, starting "
                 "with a letter, e.g. `applicant_name`")
    if kind == "too_short":
        count = int(ctx.get("min_length") or 1)
        return ngettext("this list needs at least {count} item; add it",
                        "this list needs at least {count} items; add them", count).format(count=count)
    if kind == "literal_error":
        return _("this value is not allowed here; write one of: {choices}").format(choices=ctx.get("expected"))
    if kind == "union_tag_invalid":
        return _("unknown kind `{tag}`; write one of: {choices}").format(
            tag=shorten(ctx.get("tag")), choices=ctx.get("expected_tags", "").replace("'", ""))
    if kind == "union_tag_not_found":
        return _("the key `{key}` is missing; add it, e.g. `kind: text`").format(
            key=str(ctx.get("discriminator", "kind")).strip("'"))
    if kind == "condition":
        return _("a condition needs exactly one of: all, any, not, equals, in, includes, answered, "
                 "compare; e.g. `when: {answered: applicant_name}`")
    if kind in ("greater_than_equal", "greater_than"):
        return _("this number must be at least {limit}").format(limit=ctx.get("ge", ctx.get("gt")))
    if kind == "procedure":          # our own checks, already translated
        return str(item["msg"])
    return _("this value is not accepted here ({detail})").format(detail=shorten(item["msg"], 200))


def scalar_union_message(value: Any) -> str:
    """When a condition's value fits none of text, number, true/false."""
    return _("expected one value (a text, a number, or true/false), found {found}").format(found=found_kind(value))


def is_scalar_union_error(item: dict[str, Any]) -> bool:
    return bool(item["loc"]) and item["loc"][-1] in _SCALAR_UNION_TAGS
