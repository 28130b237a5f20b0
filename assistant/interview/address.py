"""Fill an address from its postal code, without ever overwriting what the person wrote."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant import formats


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
    areas = formats.lookup(str(raw.get("postal_code") or ""))
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
    empty = {part: value for part, value in found.items() if not str(raw.get(part) or "").strip()}
    choices = towns if len(towns) > 1 and not str(raw.get("town") or "").strip() else ()
    if not empty and not choices:
        return None
    return AddressFill(empty, choices)
