"""Fuzzing procedure files: 10,000 mutated gallery files per run (derandomized, so every run tries
the same ones), each loaded the way the application loads a folder.

Whatever the text, the loader returns either a procedure or located errors — never raises, never
reaches its last-resort "error in the application" message, and its messages stay short and free
of invisible characters from the file.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.loader import load_bytes
from tests.conftest import GALLERY

SOURCES = sorted([*GALLERY.glob("*.yaml"), BUNDLED_PROCEDURES / "juminhyo_copy.yaml"])
TEXTS = [file.read_text(encoding="utf-8") for file in SOURCES]
DATA = [yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) for text in TEXTS]
FUZZ = settings(derandomize=True, database=None, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: pieces of YAML that break or abuse the format
TOKENS = ["&a ", "*a", "&b [*a, *a, *a, *a]", "!!python/object/apply:os.system ['true']", "!!python/tuple",
          "!!set", "!!binary aGk=", "!!str", "!!int", "{", "}", "[", "]", ": ", "- ", "? ", "\n  ", "\n",
          "\t", "'", '"', "<<: *a", "---\n", "...\n", "%YAML 1.1\n", "\u202e", "\u2066", "\x00", "\x07",
          '"\\x1b"', '"\\ud800"', "9" * 5000, "1e999", "-0", "0x1F", "~", "null", "yes", "2026-02-30",
          "\ufeff", "\\", "#", "|\n", ">-\n", "\u3000", "𠮷", "all: []", "not: ", "when: {answered: ",
          "when: {not: {answered: ", "min_items: 9", "max_items: 1", "kind: group", "fields: []",
          "id: a", "id: juminhyo_copy", "schema_version: 2"]


OUTCOMES: Counter[str] = Counter()


def check_invariants(file: Path, data: bytes) -> None:
    procedure, errors = load_bytes(data, file)   # what load_file does after reading, minus the disk
    OUTCOMES["loaded" if procedure else "refused"] += 1
    assert (procedure is None) == bool(errors)
    assert len(errors) <= 51
    # YAML also breaks lines at \r, U+0085, U+2028 and U+2029; splitlines counts those (and a few more)
    line_count = len(data.decode("utf-8", "replace").splitlines()) + 1
    for error in errors:
        assert "error in the application" not in error.message, error
        assert error.line is None or 1 <= error.line <= line_count, error
        shown = str(error)
        assert len(shown) < len(str(file)) + 1_000, shown
        assert not INVISIBLE.search(shown), shown


@st.composite
def text_mutations(draw) -> bytes:
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        span = draw(st.integers(0, 80))
        operation = draw(st.sampled_from(["insert", "delete", "duplicate", "replace", "indent"]))
        if operation == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif operation == "delete":
            text = text[:at] + text[at + span:]
        elif operation == "duplicate":
            text = text[:at + span] + text[at:at + span] * draw(st.integers(1, 50)) + text[at + span:]
        elif operation == "replace":
            text = text[:at] + draw(st.text(max_size=3)) + text[at + 1:]
        else:
            start = text.rfind("\n", 0, at) + 1
            text = text[:start] + " " * draw(st.integers(0, 9)) + text[start:].lstrip(" ")
    return text.encode("utf-8", "surrogatepass")


def _paths(data, path=()):
    """Every path in the data, iteratively (the gallery is small, but stay in the spirit)."""
    found, todo = [], [(data, path)]
    while todo:
        value, at = todo.pop()
        found.append(at)
        if isinstance(value, dict):
            todo += [(v, (*at, k)) for k, v in value.items()]
        elif isinstance(value, list):
            todo += [(v, (*at, i)) for i, v in enumerate(value)]
    return sorted(found, key=repr)


def _strings(data) -> list[str]:
    return sorted({p[-1] for p in _paths(data) if p and isinstance(p[-1], str)} |
                  {"a", "b", "applicant_name", "name", "copies"})


KEYS = st.sampled_from(["id", "kind", "label", "when", "fields", "options", "value", "values", "field",
                        "all", "any", "not", "equals", "in", "includes", "answered", "compare", "op",
                        "min_items", "max_items", "minimum", "maximum", "person", "meaning", "needs",
                        "steps", "schema_version", "item_label"]) | st.text(max_size=8)
SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=10 ** 40, max_value=10 ** 400)
           | st.floats() | st.text(max_size=20) | st.sampled_from(["", "text", "group", "\u202e名", "a\x00"]))


@st.composite
def structure_mutations(draw) -> bytes:
    index = draw(st.integers(0, len(DATA) - 1))
    data = copy.deepcopy(DATA[index])   # a fresh copy to change
    values, paths = VALUES[index], PATHS[index]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        if not path:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part] if isinstance(parent, (dict, list)) and part in (
                parent if isinstance(parent, dict) else range(len(parent))) else None
        if not isinstance(parent, (dict, list)) or path[-1] not in (
                parent if isinstance(parent, dict) else range(len(parent))):
            continue   # an earlier mutation replaced this branch
        action = draw(st.sampled_from(["replace", "delete", "copy"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "copy" and isinstance(parent, list):
            parent.append(parent[path[-1]])        # a duplicate step, field or option
        else:
            parent[path[-1]] = draw(values)
    # JSON is YAML (flow style) and written by C code; block style is what the text mutations change
    return json.dumps(data, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")


PATHS = [_paths(data) for data in DATA]
VALUES = [st.recursive(SCALARS | st.sampled_from(_strings(data)),
                       lambda inner, data=data: st.lists(inner, max_size=4)
                       | st.dictionaries(KEYS | st.sampled_from(_strings(data)), inner, max_size=4), max_leaves=8)
          for data in DATA]


@settings(FUZZ, max_examples=6_000)
@given(text_mutations())
def _mutated_texts(data):
    check_invariants(Path("mutated.yaml"), data)


@settings(FUZZ, max_examples=4_000)
@given(structure_mutations())
def _mutated_structures(data):
    check_invariants(Path("changed.yaml"), data)


def test_mutated_texts_never_raise(english):   # English: the last-resort message is recognised
    OUTCOMES.clear()
    _mutated_texts()
    print(dict(OUTCOMES))   # 6,000 tried: about a quarter still load (comments, spacing), the rest refused
    assert OUTCOMES["loaded"] > 100 and OUTCOMES["refused"] > 3_000


def test_mutated_structures_never_raise(english):
    OUTCOMES.clear()
    _mutated_structures()
    print(dict(OUTCOMES))
    assert OUTCOMES["loaded"] > 100 and OUTCOMES["refused"] > 2_000


ODD_VALUES = [None, 5, -1, 10 ** 40, 1.5, True, "", "x", "\u202e", [], [5], ["x"], {}, {"a": 1}, {"all": []},
              [{"id": "a"}]]


def test_every_value_of_the_gallery_replaced_by_every_kind_of_value(english):
    """Exhaustive type confusion: each value of each small gallery file, in turn, becomes each of
    16 odd values (about 6,000 files), so no shape the schema does not expect slips through."""
    OUTCOMES.clear()
    for source, data in zip(SOURCES, DATA):
        if source.parent != GALLERY:
            continue
        for path in PATHS[DATA.index(data)]:
            if not path:
                continue
            for odd in ODD_VALUES:
                changed = copy.deepcopy(data)
                parent = changed
                for part in path[:-1]:
                    parent = parent[part]
                parent[path[-1]] = odd
                check_invariants(Path(source.name), json.dumps(changed, ensure_ascii=False, default=str).encode())
    print(dict(OUTCOMES))
    assert OUTCOMES["refused"] > 4_000 and OUTCOMES["loaded"] > 100
