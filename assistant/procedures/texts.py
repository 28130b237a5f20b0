"""Characters a procedure text may not hold, and quoting file content safely in messages.

Bidirectional controls can make a label read differently from what it says ("Trojan source");
control characters and lone surrogates cannot be shown, spoken or printed. Messages that quote a
key or an id from the file shorten it and spell such characters out, so a message never carries
them either.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.i18n import _

#: keys of a definition whose text (a string, or each string of a list) is shown to people, and so
#: extracted into the `procedures` catalogs and checked for translations by the lint
TRANSLATED_KEYS = frozenset({
    "title", "summary", "label", "hint", "help", "purpose", "note", "name", "deadline", "item_label",
    "reason", "omit_reason", "basis", "matter", "sign_heading", "date_label", "signature_label", "notes",
    "text", "go_to", "seal_box"})


def translated_texts(data, path: str = ""):
    """(text, path) of every translated text in a definition's data, in file order."""
    if isinstance(data, dict):
        for key, value in data.items():
            where = f"{path}.{key}".lstrip(".")
            if key in TRANSLATED_KEYS and isinstance(value, str):
                yield value, where
            elif key in TRANSLATED_KEYS and isinstance(value, list) and all(isinstance(v, str) for v in value):
                for index, item in enumerate(value):
                    yield item, f"{where}[{index}]"
            else:
                yield from translated_texts(value, where)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from translated_texts(item, f"{path}[{index}]")

#: invisible characters that reorder or hide text ("Trojan source"); other format characters such
#: as the zero-width joiner of emoji sequences are left alone
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SEPARATORS = frozenset("\u2028\u2029")   # line and paragraph separators: breaks no form can print
#: the same characters plus C0/C1 controls (tab and line feed allowed) and lone surrogates, found
#: with one regular-expression search per text
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + "".join(sorted(_BIDI | _SEPARATORS)) + "]")


def bad_character(char: str) -> str | None:
    """Why `char` may not appear in a procedure text, or None when it may."""
    category = unicodedata.category(char)
    if char in _BIDI:
        return "bidi"
    if (category == "Cc" and char not in "\t\n") or char in _SEPARATORS:
        return "control"
    if category == "Cs":
        return "surrogate"
    return None


def shorten(value: object, limit: int = 40) -> str:
    """Text from the file as a message may quote it: short, invisible characters made visible."""
    text = str(value)
    text = text if len(text) <= limit else text[:limit - 1] + "…"
    return _SUSPECT.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def describe_character(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE` — how a message names an invisible character."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()


def text_problem(text: str) -> tuple[int, str] | None:
    """The index of the first character `text` may not hold, and the message saying so."""
    found = _SUSPECT.search(text)
    if not found:
        return None
    index, char = found.start(), found.group()
    kind = bad_character(char) or "control"
    if kind == "bidi":
        message = _("character {position} of this text is {character}, an invisible character that "
                    "changes the order in which the text is shown; delete it (retype the text if you "
                    "cannot see it)")
    elif kind == "surrogate":
        message = _("character {position} of this text is {character}, half of a character pair that "
                    "cannot be printed; write the character itself, e.g. 𠮷 instead of \\ud842")
    else:
        message = _("character {position} of this text is {character}, a control character that cannot "
                    "be shown or printed; delete it (retype the text if you cannot see it)")
    return index, message.format(position=index + 1, character=describe_character(char))
