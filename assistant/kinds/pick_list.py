"""kind: pick_list — one (or, with `multiple`, several) of a long list of options, e.g. the 16
特定疾病; stored as the option's value, or a list of values in the list's order."""

from __future__ import annotations

from typing import Any

from assistant.i18n import _
from assistant.kinds.base import FieldResult, OptionsKind, choice_problem
from assistant.kinds.choice import read_one
from assistant.kinds.multi_choice import list_shape, read_list


class PickListKind(OptionsKind):
    name = "pick_list"

    def expected(self) -> tuple[str, str]:
        return _("one option value in quotes, or a list of them when several may be picked"), '"cancer"'

    def missing(self, field: Any):
        return choice_problem(field.multiple)

    def shape(self, field: Any, raw: Any):
        return list_shape(self.name, raw) if field.multiple else super().shape(field, raw)

    def parse(self, field: Any, raw: Any) -> FieldResult:
        if field.multiple:
            return read_list(field, raw, self.text)
        return read_one(field, raw, self.text)

    def fitted(self, field: Any, raw: Any) -> Any:
        return self.parse(field, raw).value


KIND = PickListKind()
