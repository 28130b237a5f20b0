"""What this person must bring, each with why, and what they may leave out, each with why.

The one source of the checklist: the done page, the person's copy, the form's list, the JSON and
read-aloud all start from `checklist()` (through `Session.checklist()`). An attachment is brought
when its `needed_when` holds (or it has none) and its `omit_when` does not; it is *omitted* when
it would be needed but its `omit_when` holds (e.g. the office can check the fact itself through
情報連携) — the person is told so, with the definition's `omit_reason`. An attachment whose `needed_when` does not hold is simply
not part of this case and is not mentioned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.i18n import N_, bilingual, current_language, ptext, translate
from assistant.procedures import model as m

# i18n: one document to bring ({document}) and what counts as it ({hint}), on the checklist.
DOCUMENT_HINT = N_("{document}: {hint}")
# i18n: under a document to bring: why the office needs it ({reason}, a sentence of the procedure).
WHY = N_("Why: {reason}")
# i18n: a document this person need not bring ({document}) and why ({reason}, a sentence of the procedure).
NOT_NEEDED = N_("{document} is not needed: {reason}")


@dataclass(frozen=True)
class Checklist:
    """The attachments of one case: to bring, and left out thanks to the answers."""

    bring: tuple[m.Attachment, ...]
    omitted: tuple[m.Attachment, ...]


def checklist(procedure: m.Procedure, value: Any) -> Checklist:
    """The checklist of `procedure` for the answers read by `value` (Session.value)."""
    bring, omitted = [], []
    for attachment in procedure.attachments:
        if attachment.needed_when is not None and not attachment.needed_when.holds(value):
            continue
        if attachment.omit_when is not None and attachment.omit_when.holds(value):
            omitted.append(attachment)
        else:
            bring.append(attachment)
    return Checklist(tuple(bring), tuple(omitted))


def procedure_text(language: str, beside: bool = True):
    """How a procedure text is shown: translated with the official Japanese beside it (screen,
    paper) or translated only (`beside=False`: read aloud in one voice)."""
    return (lambda text: bilingual(text, language)) if beside else (lambda text: ptext(text, language))


def bring_texts(items: Checklist, language: str | None = None, *, beside: bool = True) -> list[str]:
    """Each document to bring in `language`, official Japanese beside it: name, what counts as it,
    then on its own line why it is needed."""
    language = language or current_language()
    shown = procedure_text(language, beside)
    texts = []
    for attachment in items.bring:
        text = shown(attachment.label)
        if attachment.hint:
            text = translate(DOCUMENT_HINT, language).format(document=text, hint=shown(attachment.hint))
        if attachment.reason:
            text += "\n" + translate(WHY, language).format(reason=shown(attachment.reason))
        texts.append(text)
    return texts


def omitted_texts(items: Checklist, language: str | None = None, *, beside: bool = True) -> list[str]:
    """Each document left out for this person, in `language`, with why it is not needed."""
    language = language or current_language()
    shown = procedure_text(language, beside)
    return [translate(NOT_NEEDED, language).format(document=shown(a.label), reason=shown(a.omit_reason))
            for a in items.omitted]


def omitted_record(items: Checklist) -> list[dict[str, str]]:
    """The documents left out, for the JSON: id, official label and why (official Japanese)."""
    return [{"id": a.id, "label": a.label, "omit_reason": a.omit_reason} for a in items.omitted]
