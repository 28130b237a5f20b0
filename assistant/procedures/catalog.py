"""The procedures a person can choose from, and searching them in any language."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from assistant.i18n import LANGUAGES, ptext
from assistant.procedures.loader import DefinitionError, load_all
from assistant.procedures.model import Procedure


def _fold(text: str) -> str:
    # For matching only (never for stored answers): width, case and hiragana/katakana folded.
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in folded)


@dataclass
class Catalog:
    procedures: list[Procedure]
    errors: list[DefinitionError]

    @classmethod
    def load(cls, folders: tuple[Path, ...] | list[Path]) -> Catalog:
        result = load_all(list(folders))
        return cls(sorted(result.procedures, key=lambda p: p.title), result.errors)

    def get(self, procedure_id: str) -> Procedure:
        for procedure in self.procedures:
            if procedure.id == procedure_id:
                return procedure
        raise KeyError(procedure_id)

    def search(self, query: str) -> list[Procedure]:
        """Procedures whose title, summary or keywords (in any shipped language) contain every word."""
        words = [_fold(w) for w in query.split()]
        return [p for p in self.procedures if all(w in _haystack(p) for w in words)]

    @property
    def broken_files(self) -> list[Path]:
        return sorted({e.file for e in self.errors})


def _haystack(procedure: Procedure) -> str:
    texts = [procedure.id, *procedure.keywords]
    for language in LANGUAGES:
        texts += [ptext(procedure.title, language), ptext(procedure.summary, language)]
    return _fold(" ".join(texts))
