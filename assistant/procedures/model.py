"""The procedure definition format: strict, documented, immutable pydantic models.

Texts (titles, labels, hints…) are written in the official Japanese of the form; they are the
gettext source strings of the ``procedures`` domain and are translated for display only.
`tetsuzuki procedures schema` prints the JSON Schema built from these models.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from assistant.i18n import _
from assistant.procedures.checks import MEANING_KINDS, check
from assistant.procedures.conditions import Condition

SCHEMA_VERSION = 1

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64),
    Field(description="Lower-case letters, digits and underscores, starting with a letter."),
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    value: Identifier = Field(description="Stored value of this option (stable; used in conditions).")
    label: Text = Field(description="Official Japanese label of the option.")
    hint: str = Field("", description="Plain-language explanation shown under the option.")


Meaning = Literal["name", "birth_date", "sex", "address", "phone", "email", "my_number", "nationality",
                  "residence_card", "insured_number"]
#: the field kinds each meaning can be written with: MEANING_KINDS (checks.py, imported above)


class FieldBase(Strict):
    id: Identifier = Field(description="Unique id of the field within the procedure.")
    label: Text = Field(description="Official Japanese label, as printed on the form.")
    hint: str = Field("", description="One plain sentence saying what to write, shown under the label.")
    example: str = Field("", description="An example answer, shown as 例: …")
    help: str = Field("", description="Longer help shown on request.")
    required: bool = Field(True, description="Whether the field must be answered when it is shown.")
    when: Condition | None = Field(None, description="Show the field only when this condition holds.")
    person: Identifier | None = Field(
        None, description="Id of the person (see `persons`) this answer is about; used for the IMI data "
                          "and to offer details the person gave before.")
    meaning: Meaning | None = Field(None, description=(
        "What this answer says about `person`; inside a repeatable group (without `person`), about the "
        "item, each item being one person in the IMI data (e.g. each 転出する方)."))

    @model_validator(mode="after")
    def _check_meaning(self) -> FieldBase:
        # a meaning without a person is an item's, inside a repeatable group (checks.py refuses it elsewhere)
        if self.person is not None and self.meaning is None:
            raise PydanticCustomError("procedure", "{text}", {"text": _(
                "`person` and `meaning` go together: give both or neither, e.g. `person: applicant` "
                "and `meaning: name`")})
        if self.meaning and self.kind not in MEANING_KINDS[self.meaning]:
            raise PydanticCustomError("procedure", "{text}", {"text": _(
                "meaning '{meaning}' needs a field of kind {kinds}").format(
                meaning=self.meaning, kinds=" / ".join(MEANING_KINDS[self.meaning]))})
        return self


class TextField(FieldBase):
    kind: Literal["text"] = Field(description="Free text on one line.")
    max_length: int | None = Field(None, ge=1, description=(
        "Longest accepted answer in characters; without it, 500 (interview/checks.py TEXT_MAX)."))


class KanaField(FieldBase):
    kind: Literal["kana"] = Field(description="A reading in kana; input is converted to the script asked for.")
    script: Literal["katakana", "hiragana"] = Field(
        "katakana", description="katakana when the form says フリガナ, hiragana when it says ふりがな.")


class PersonNameField(FieldBase):
    kind: Literal["person_name"] = Field(description=(
        "Family and given name (never normalised) with readings; each part at most 100 characters."))
    readings: bool = Field(True, description="Whether the readings (フリガナ) are asked for too.")


class DateField(FieldBase):
    kind: Literal["date"] = Field(description="A date; accepted in 和暦 or 西暦, stored as YYYY-MM-DD.")
    not_after_today: bool = Field(False, description="Reject dates in the future (e.g. birth dates).")


class PostalCodeField(FieldBase):
    kind: Literal["postal_code"] = Field(description="A 7-digit postal code, stored without hyphen.")


class AddressField(FieldBase):
    kind: Literal["address"] = Field(
        description="An address in parts: postal code, prefecture, city, town, block, building/room; "
                    "each part at most 100 characters.")


class PhoneField(FieldBase):
    kind: Literal["phone"] = Field(description="A Japanese phone number.")


class EmailField(FieldBase):
    kind: Literal["email"] = Field(description="An e-mail address (full-width characters accepted).")


class MyNumberField(FieldBase):
    kind: Literal["my_number"] = Field(description="A 12-digit 個人番号 with check digit; shown masked.")


class ChoiceField(FieldBase):
    kind: Literal["choice"] = Field(description="Exactly one of the options.")
    options: tuple[Option, ...] = Field(min_length=2, description="The options, in the form's order.")


class MultiChoiceField(FieldBase):
    kind: Literal["multi_choice"] = Field(description="Any number of the options.")
    options: tuple[Option, ...] = Field(min_length=1, description="The options, in the form's order.")


class YesNoField(FieldBase):
    kind: Literal["yes_no"] = Field(description="はい or いいえ, stored as true or false.")
    allow_unknown: bool = Field(False, description=(
        "Offer a third answer, わからない (don't know), stored as the string \"unknown\"."))


class NumberField(FieldBase):
    kind: Literal["number"] = Field(description="A whole number (e.g. copies, yen).")
    minimum: int | None = Field(None, description="Smallest accepted number.")
    maximum: int | None = Field(None, description="Largest accepted number.")
    unit: str = Field("", description="Unit printed after the number, e.g. 通 or 円.")


class PickListField(FieldBase):
    kind: Literal["pick_list"] = Field(description=(
        "One (or, with `multiple`, several) of a long list of options, shown as a list that can be "
        "searched, e.g. the 16 特定疾病."))
    options: tuple[Option, ...] = Field(min_length=2, description="The options, in the form's order.")
    multiple: bool = Field(False, description="Whether several options may be picked.")


class BankAccountField(FieldBase):
    kind: Literal["bank_account"] = Field(description=(
        "A Japanese bank account: bank, branch, type (普通/当座), number and the holder's name in "
        "katakana, stored as an object with those parts."))


class InsuredNumberField(FieldBase):
    kind: Literal["insured_number"] = Field(description=(
        "An insurance number printed on an insurance card, digits only (e.g. 介護保険の被保険者番号, 10 "
        "digits), with an optional 記号."))
    min_digits: int = Field(1, ge=1, le=20, description="Fewest digits of the number.")
    max_digits: int = Field(10, ge=1, le=20, description="Most digits of the number.")
    symbol: bool = Field(False, description="Whether the card's 記号 is asked too (e.g. 国民健康保険).")


class ResidenceCardField(FieldBase):
    kind: Literal["residence_card"] = Field(description=(
        "A residence card (在留カード) or special permanent resident certificate number: two letters, "
        "eight digits, two letters, e.g. AB12345678CD; stored in upper case."))


SimpleField = Annotated[
    Union[TextField, KanaField, PersonNameField, DateField, PostalCodeField, AddressField, PhoneField,
          EmailField, MyNumberField, ChoiceField, MultiChoiceField, YesNoField, NumberField,
          PickListField, BankAccountField, InsuredNumberField, ResidenceCardField],
    Field(discriminator="kind"),
]


class GroupField(FieldBase):
    kind: Literal["group"] = Field(description="A repeatable group of fields, e.g. household members.")
    fields: tuple[SimpleField, ...] = Field(min_length=1, description="The fields of one item.")
    min_items: int = Field(0, ge=0, description="Fewest items accepted.")
    max_items: int = Field(10, ge=1, description="Most items accepted.")
    item_label: Text = Field(description="Official Japanese name of one item, e.g. 児童.")


FieldDef = Annotated[Union[SimpleField, GroupField], Field(discriminator="kind")]


class Step(Strict):
    id: Identifier = Field(description="Unique id of the step.")
    title: Text = Field(description="Official Japanese title of the question group.")
    purpose: Text = Field(description="One sentence saying why this step is asked.")
    when: Condition | None = Field(None, description="Show the step only when this condition holds.")
    fields: tuple[FieldDef, ...] = Field(min_length=1, description="The questions of this step, in order.")


class ApplicantRule(Strict):
    role: Literal["self", "household", "proxy", "third_party", "representative"] = Field(
        description="Who: the person concerned, a household member, an agent, a third party, a legal representative.")
    label: Text = Field(description="Official Japanese name of this kind of applicant.")
    note: str = Field("", description="Conditions or limits for this kind of applicant.")
    needs: tuple[Identifier, ...] = Field((), description="Ids of attachments this kind of applicant must bring.")


class Attachment(Strict):
    id: Identifier = Field(description="Unique id of the attachment.")
    label: Text = Field(description="Official Japanese name of the document (添付書類).")
    hint: str = Field("", description="What counts as this document, in plain words.")
    needed_when: Condition | None = Field(None, description="Needed only when this holds (default: always).")
    omit_when: Condition | None = Field(None, description="Not needed when this holds, e.g. verifiable by 情報連携.")
    reason: str = Field("", description="Why the office needs it, in one plain sentence.")
    omit_reason: str = Field("", description=(
        "Why it may be left out when `omit_when` holds, e.g. 市区町村が情報連携で確認できるため、不要です。"))


class Deadline(Strict):
    id: Identifier = Field(description="Unique id of the deadline.")
    label: Text = Field(description="The rule in plain official words, e.g. 出生日の翌日から15日以内.")
    from_field: Identifier | None = Field(None, description=(
        "Id of a date field the deadline counts from (e.g. the birth date); none for a rule without a "
        "date to compute."))
    days: int = Field(0, ge=0, le=3660, description="Days added to the date of `from_field`.")
    months: int = Field(0, ge=0, le=120, description="Months added to the date of `from_field`.")
    years: int = Field(0, ge=0, le=10, description="Years added to the date of `from_field`.")
    when: Condition | None = Field(None, description="The deadline applies only when this holds.")
    note: str = Field("", description="What happens when it is missed, in one plain sentence.")
    basis: Text = Field(description="Where the rule comes from, e.g. 児童手当法第8条第2項.")


class FormWording(Strict):
    """What the form prints that is not a question."""
    sign_heading: Text = Field("請求日・署名", description="Heading of the date and signature block.")
    date_label: Text = Field("請求日", description="Label of the date line, left blank for the hand.")
    signature_label: Text = Field("請求者の署名", description="Label of the signature line.")
    notes: tuple[Text, ...] = Field((), description="Notes printed at the end of the form.")
    seal_box: str = Field("", description=(
        "Label of a framed box for a seal impression (印影) printed after the signature, e.g. 登録する印鑑; "
        "no box when empty."))


#: what the 委任状 prints about each person, and so what `principal_details` may name
PrincipalMeaning = Literal["address", "name", "birth_date", "phone"]


class ProxyWording(Strict):
    """What a power of attorney (委任状) for this procedure says."""
    title: Text = Field("委任状", description=(
        "Title of the letter, as the municipality calls it, e.g. 代理人選任届 for 印鑑登録."))
    matter: Text = Field(description="The delegated matter, e.g. 住民票の写し等の交付請求及び受領に関すること.")
    details: tuple[Identifier, ...] = Field((), description=(
        "Ids of fields whose answers say what exactly is delegated, printed under the matter."))
    note: str = Field("", description=(
        "What a representative should know, printed in the package, e.g. 個人番号入りの写しは本人の住所に"
        "郵送されます。"))
    principal: Identifier | None = Field(None, description=(
        "Id of the person (see `persons`) who delegates and signs the 委任状. Give `applicant` when "
        "the applicant is the one who delegates (e.g. 児童手当's 請求者, 葬祭費's 喪主): the "
        "representative's lines are then left for handwriting. Default: the first other person of the "
        "form with answers (e.g. 対象者), else the applicant."))
    principal_details: dict[PrincipalMeaning, Identifier] = Field(default_factory=dict, description=(
        "Questions whose answers the 委任状 prints for the 委任者 when none of the principal's own questions "
        "says it, as meaning: field id, e.g. `{address: current_address}` (転出届: the person moving out "
        "lives at the current address, which the form asks once)."))
    seal_box: str = Field("", description=(
        "Label of a framed box for a seal impression on the letter, e.g. 登録する印鑑 (a 代理人選任届 is "
        "sealed with the seal to be registered); no box when empty."))


class Notice(Strict):
    """Something the person must know before filling in, said plainly: another office handles
    their case (`leave: true`), or a quicker way exists (the online 引越しワンストップサービス)."""
    id: Identifier = Field(description="Unique id of the notice.")
    text: Text = Field(description="What the person must know, in one or two plain sentences.")
    when: Condition | None = Field(None, description=(
        "Say it only when this condition holds (default: always). Unanswered questions count as not "
        "answered, so a notice that tests `not equals` is said at the start and left out later."))
    step: Identifier | None = Field(None, description=(
        "Id of the step whose page says it, under the step's purpose (default: the first step shown). "
        "The done page, the person's copy and the JSON say it too."))
    leave: bool = Field(False, description=(
        "When it holds, this form is not the right one: the person goes to `go_to` instead. The files "
        "are still made (an office may still ask for this form), and each says so at the top."))
    go_to: str = Field("", description=(
        "With `leave: true`: where to go instead, e.g. 火災を調べた消防署（消防本部）."))


class Office(Strict):
    name: Text = Field(description="Where to submit, e.g. 市区町村の窓口 (住民票担当).")
    note: str = Field("", description="Opening hours, mail, other ways to submit.")


class Fee(Strict):
    amount_yen: int | None = Field(None, ge=0, description="Fee per copy in yen when fixed, else null.")
    note: str = Field("", description="How the fee varies.")


#: the id of the person who applies (comes to the counter, signs): `persons: [{id: applicant, …}]`
APPLICANT = "applicant"


class Person(Strict):
    id: Identifier = Field(description="Id used by the fields' `person`.")
    label: Text = Field(description="Official Japanese role on the form, e.g. 請求者, 対象者.")


class Procedure(Strict):
    schema_version: Literal[1] = Field(description="Version of this definition format; must be 1.")
    id: Identifier = Field(description="Unique id of the procedure.")
    version: Text = Field(description="Version of this definition, e.g. 2026.1.")
    title: Text = Field(description="Official Japanese name of the form.")
    summary: Text = Field(description="One plain sentence saying what the procedure is for.")
    keywords: tuple[str, ...] = Field((), description="Search words in any language.")
    who_may_apply: tuple[ApplicantRule, ...] = Field(min_length=1, description="Who may file it.")
    attachments: tuple[Attachment, ...] = Field((), description="Documents to bring or enclose.")
    persons: tuple[Person, ...] = Field((), description="The people the form is about, by role.")
    office: Office = Field(description="Where the form is submitted.")
    fee: Fee = Field(default_factory=Fee, description="What it costs.")
    deadline: str = Field("", description="By when it must be filed, in plain words.")
    deadlines: tuple[Deadline, ...] = Field((), description="Deadlines computed from the answers.")
    form: FormWording = Field(default_factory=FormWording, description="What the form prints besides answers.")
    proxy: ProxyWording | None = Field(None, description="The power of attorney, when a representative may apply.")
    notices: tuple[Notice, ...] = Field((), description=(
        "What the person must know before filling in: another office, another way (e.g. online)."))
    steps: tuple[Step, ...] = Field(min_length=1, description="Question groups, one per screen.")

    @model_validator(mode="after")
    def _check_across_fields(self, info: ValidationInfo) -> Procedure:
        # The loader passes the file's line map so messages can say "already used at line 12".
        line_of = (info.context or {}).get("line_of") or (lambda _path: None)
        problems = check(self, line_of)
        if problems:
            raise PydanticCustomError("procedure", "{first}", {"first": problems[0].message,
                                                              "problems": tuple(problems)})
        return self

    def all_fields(self) -> list[FieldDef]:
        """Every field of every step, group items' fields included, in form order."""
        result: list[FieldDef] = []
        for step in self.steps:
            for field in step.fields:
                result.append(field)
                if isinstance(field, GroupField):
                    result.extend(field.fields)
        return result

    def field(self, field_id: str) -> FieldDef:
        for field in self.all_fields():
            if field.id == field_id:
                return field
        raise KeyError(field_id)
