"""Structured conditions: data, never code.

A condition is one of::

    {all: [cond, ...]}    {any: [cond, ...]}    {not: cond}
    {equals: {field: ID, value: V}}             {in: {field: ID, values: [V, ...]}}
    {answered: ID}
    {compare: {field: ID, op: "<", value: V}}   # dates (ISO text) and numbers; also "<=", ">", ">=", "!="
    {includes: {field: ID, value: V}}           # a multiple-choice answer contains V

Each condition is evaluated against a lookup function ``answer(field_id) -> value | None``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

Lookup = Callable[[str], Any]
Scalar = str | int | float | bool


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldValue(_Strict):
    field: str = Field(description="Id of the field whose answer is tested.")
    value: Scalar = Field(description="The value the answer is compared with.")


class FieldValues(_Strict):
    field: str = Field(description="Id of the field whose answer is tested.")
    values: tuple[Scalar, ...] = Field(description="The answer must be one of these.", min_length=1)


class FieldComparison(_Strict):
    field: str = Field(description="Id of a date or number field.")
    op: Literal["<", "<=", ">", ">=", "!="] = Field(description="Comparison operator.")
    value: Scalar = Field(description="A number, or a date as YYYY-MM-DD.")


class All(_Strict):
    all: tuple[Condition, ...] = Field(description="True when every condition is true.", min_length=1)

    def holds(self, answer: Lookup) -> bool:
        return all(c.holds(answer) for c in self.all)

    def fields(self) -> set[str]:
        return set().union(*(c.fields() for c in self.all))


class Any_(_Strict):
    any: tuple[Condition, ...] = Field(description="True when at least one condition is true.", min_length=1)

    def holds(self, answer: Lookup) -> bool:
        return any(c.holds(answer) for c in self.any)

    def fields(self) -> set[str]:
        return set().union(*(c.fields() for c in self.any))


class Not(_Strict):
    model_config = ConfigDict(populate_by_name=True)
    not_: Condition = Field(alias="not", description="True when this condition is false.")

    def holds(self, answer: Lookup) -> bool:
        return not self.not_.holds(answer)

    def fields(self) -> set[str]:
        return self.not_.fields()


class Equals(_Strict):
    equals: FieldValue = Field(description="True when the field's answer equals the value.")

    def holds(self, answer: Lookup) -> bool:
        return answer(self.equals.field) == self.equals.value

    def fields(self) -> set[str]:
        return {self.equals.field}


class In(_Strict):
    model_config = ConfigDict(populate_by_name=True)
    in_: FieldValues = Field(alias="in", description="True when the field's answer is one of the values.")

    def holds(self, answer: Lookup) -> bool:
        return answer(self.in_.field) in self.in_.values

    def fields(self) -> set[str]:
        return {self.in_.field}


class Includes(_Strict):
    includes: FieldValue = Field(description="True when a multiple-choice answer contains the value.")

    def holds(self, answer: Lookup) -> bool:
        chosen = answer(self.includes.field)
        return isinstance(chosen, (list, tuple)) and self.includes.value in chosen

    def fields(self) -> set[str]:
        return {self.includes.field}


class Answered(_Strict):
    answered: str = Field(description="True when the field with this id has an answer.")

    def holds(self, answer: Lookup) -> bool:
        return is_answered(answer(self.answered))

    def fields(self) -> set[str]:
        return {self.answered}


_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "!=": lambda a, b: a != b,
}


class Compare(_Strict):
    compare: FieldComparison = Field(description="Compare a date or number answer with a value.")

    def holds(self, answer: Lookup) -> bool:
        left = answer(self.compare.field)
        if not is_answered(left):
            return False
        right = self.compare.value
        try:
            return _OPERATORS[self.compare.op](left, right)
        except TypeError:
            return False

    def fields(self) -> set[str]:
        return {self.compare.field}


def is_answered(value: Any) -> bool:
    """An answer counts when it is not empty (compound answers: when any part is filled)."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, dict):
        return any(is_answered(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return len(value) > 0
    return True


_KEY_TO_TAG = {"all": "all", "any": "any", "not": "not", "equals": "equals", "in": "in",
               "includes": "includes", "answered": "answered", "compare": "compare"}


def _condition_tag(data: Any) -> str | None:
    if isinstance(data, dict):
        keys = [k for k in data if k in _KEY_TO_TAG]
        return _KEY_TO_TAG[keys[0]] if len(keys) == 1 else None
    if isinstance(data, BaseModel):
        return {All: "all", Any_: "any", Not: "not", Equals: "equals", In: "in", Includes: "includes",
                Answered: "answered", Compare: "compare"}.get(type(data))
    return None


Condition = Annotated[
    Union[
        Annotated[All, Tag("all")],
        Annotated[Any_, Tag("any")],
        Annotated[Not, Tag("not")],
        Annotated[Equals, Tag("equals")],
        Annotated[In, Tag("in")],
        Annotated[Includes, Tag("includes")],
        Annotated[Answered, Tag("answered")],
        Annotated[Compare, Tag("compare")],
    ],
    Discriminator(
        _condition_tag,
        custom_error_type="condition",
        custom_error_message="a condition needs exactly one of: all, any, not, equals, in, includes, answered, compare",
    ),
]

for _model in (All, Any_, Not):
    _model.model_rebuild()
