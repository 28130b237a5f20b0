"""Fill an address from its postal code, without ever overwriting what the person wrote."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant import formats
from assistant.procedures import model as m


@dataclass(frozen=True)
class AddressFill:
    """The parts to fill in, and the towns to choose from when a code covers several."""

    parts: dict[str, str]
    towns: tuple[str, ...] = ()


def fill_from_postal_code(raw: dict[str, Any] | None) -> AddressFill | None:
    """What the postal code of `raw` says about the empty parts of the address; None if nothing.

    Prefecture and city are filled when every area of the code agrees on them; the town only when
    the code covers one town (otherwise the towns are offered to choose from).
    """
    raw = raw if isinstance(raw, dict) else {}
    code = raw.get("postal_code")
    areas = formats.lookup(code) if isinstance(code, str) else ()
    if not areas:
        return None
    found: dict[str, str] = {}
    for part in ("prefecture", "city"):
        values = {getattr(a, part) for a in areas}
        if len(values) == 1:
            found[part] = values.pop()
    towns = tuple(dict.fromkeys(a.town for a in areas if a.town))
    if len(towns) == 1:
        found["town"] = towns[0]
    empty = {part: value for part, value in found.items() if _blank(raw.get(part))}
    choices = towns if len(towns) > 1 and _blank(raw.get("town")) else ()
    if not empty and not choices:
        return None
    return AddressFill(empty, choices)


def _blank(value: Any) -> bool:
    # only a missing or blank text is filled: a wrong value (true, a list) stays, to be reported
    return value is None or (isinstance(value, str) and not value.strip())


def with_addresses_filled(procedure: m.Procedure, answers: dict[str, Any]) -> dict[str, Any]:
    """`answers` with every address (also inside repeatable groups) filled from its postal code
    as the window fills it while the person types: the same rule for the window and the CLI.

    Only empty parts are filled; a code covering several towns leaves the town to the person.
    The given answers are not changed; a new mapping is returned.
    """
    out = dict(answers)
    for field in (f for step in procedure.steps for f in step.fields):
        if field.kind == "address" and field.id in out:
            out[field.id] = _filled(out.get(field.id))
        elif field.kind == "group" and isinstance(out.get(field.id), list):
            subs = [sub.id for sub in field.fields if sub.kind == "address"]
            if subs:
                out[field.id] = [{**item, **{s: _filled(item.get(s)) for s in subs if s in item}}
                                 if isinstance(item, dict) else item for item in out[field.id]]
    return out


def _filled(raw: Any) -> Any:
    fill = fill_from_postal_code(raw) if isinstance(raw, dict) else None
    return {**raw, **fill.parts} if fill is not None and fill.parts else raw
