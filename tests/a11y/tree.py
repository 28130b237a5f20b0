"""What a screen reader gets from a page: rules every page must follow, and a normalised text form
of the tree compared with committed golden files (tests/a11y/golden/, rewritten with UPDATE_GOLDEN=1)."""

from __future__ import annotations

import difflib
import functools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from assistant.interview.parts import REQUIRED_PARTS
from assistant.kinds import kind_of
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog

GOLDEN = Path(__file__).resolve().parent / "golden"

#: unnamed containers that only arrange things: left out of the golden form (their children stay)
LAYOUT_ROLES = {"filler", "panel", "layered pane", "scroll pane", "viewport"}
#: left out with everything inside: whether they show depends on font metrics, not on the app
UNSTABLE_ROLES = {"scroll bar"}
#: states that describe the object rather than the moment (focused, showing… are left out)
STABLE_STATES = ("checkable", "checked", "editable", "expandable", "focusable", "is-default", "multi-line",
                 "read-only", "required", "selectable", "selected")
LABEL_RELATIONS = ("labelled-by", "label-for", "described-by", "description-for")
INPUT_ROLES = {"text", "password text", "radio button", "check box", "combo box", "spin button"}

_MNEMONIC = re.compile(r"\(&?[A-Za-z0-9]\)|&(?=\S)")
_MARKER = re.compile(r"（(必須|任意)）$")


def walk(node: dict, ancestors: tuple[dict, ...] = ()) -> Iterator[tuple[dict, tuple[dict, ...]]]:
    yield node, ancestors
    for child in node.get("children", []):
        yield from walk(child, ancestors + (node,))


def short_id(node: dict) -> str:
    """The widget's objectName as Qt puts it at the end of the AT-SPI accessible id."""
    return node.get("id", "").rsplit(".", 1)[-1]


def visible_label(text: str) -> str:
    """A label as its words: without the keyboard mnemonic "(S)" and the （必須）/（任意） marker."""
    return _MARKER.sub("", _MNEMONIC.sub("", text)).strip().rstrip(":：").strip()


def relation_targets(node: dict, kind: str) -> list[dict]:
    return [t for r in node.get("relations", []) if r["type"] == kind for t in r["targets"]]


# --- the golden form -----------------------------------------------------------------------------

def normalise(tree: dict, substitutions: tuple[tuple[str, str], ...] = ()) -> str:
    """One line per object a screen reader meets, indented by depth: role, name, description,
    text, label relations and stable states; no coordinates, ids or passing states."""
    lines: list[str] = []

    def clean(text: str) -> str:
        for pattern, replacement in substitutions:
            text = re.sub(pattern, replacement, text)
        return json.dumps(text, ensure_ascii=False)

    def visit(node: dict, depth: int) -> None:
        if node["role"] in UNSTABLE_ROLES:
            return
        layout = node["role"] in LAYOUT_ROLES and not node["name"] and not node["description"]
        if not layout:
            line = f"{'  ' * depth}{node['role']} {clean(node['name'])}"
            if node["description"]:
                line += f" desc={clean(node['description'])}"
            if "text" in node and node["text"] != node["name"]:
                line += f" text={clean(node['text'])}"
            for kind in LABEL_RELATIONS:
                targets = relation_targets(node, kind)
                if targets:
                    line += f" {kind}=[{', '.join(clean(t['name']) for t in targets)}]"
            states = [s for s in STABLE_STATES if s in node["states"]]
            if "enabled" not in node["states"]:
                states.append("disabled")
            if states:
                line += " {" + ", ".join(states) + "}"
            lines.append(line)
        for child in node.get("children", []):
            visit(child, depth if layout else depth + 1)

    visit(tree, 0)
    return "\n".join(lines) + "\n"


def compare_with_golden(name: str, text: str) -> None:
    """Compare with tests/a11y/golden/<name>.txt, or rewrite it when UPDATE_GOLDEN is set."""
    path = GOLDEN / f"{name}.txt"
    header = (f"# AT-SPI tree of the page “{name}”, as a screen reader gets it (tests/a11y/tree.py normalise()).\n"
              "# Regenerate: UPDATE_GOLDEN=1 ./run-tests tests/a11y — then review the diff.\n")
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + text, encoding="utf-8")
        return
    if not path.exists():
        raise AssertionError(f"No golden file {path}: run UPDATE_GOLDEN=1 ./run-tests tests/a11y and review it")
    expected = path.read_text(encoding="utf-8")
    if expected != header + text:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), (header + text).splitlines(True),
                                            f"golden/{name}.txt", "what AT-SPI shows now"))
        raise AssertionError(f"The AT-SPI tree of “{name}” changed (if on purpose: UPDATE_GOLDEN=1):\n{diff}")


# --- rules ---------------------------------------------------------------------------------------

@functools.cache
def fields_of(procedure_id: str = "juminhyo_copy") -> dict:
    """Every field of a bundled procedure (group sub-fields too), by id."""
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get(procedure_id)
    fields = {}
    for step in procedure.steps:
        for field in step.fields:
            fields[field.id] = field
            for sub in getattr(field, "fields", None) or []:
                fields[sub.id] = sub
    return fields


FIELDS = fields_of()
_ITEM = re.compile(r"^[a-z_]+?\d+_((?:input|option|filter)_.+)$")


def field_of(widget: str, fields: dict | None = None):
    """The procedure field behind an input's objectName and the part of it (input_<field>[_<part>],
    option_<field>_<value>, filter_<field>, <group><n>_input_<field>), or (None, "")."""
    fields = FIELDS if fields is None else fields
    match = _ITEM.match(widget)
    widget = match.group(1) if match else widget
    if widget.startswith(("input_", "filter_")):
        rest = widget.split("_", 1)[1]
        candidates = [f for f in fields if rest == f or rest.startswith(f + "_")]
    elif widget.startswith("option_"):
        rest = widget[len("option_"):]
        candidates = [f for f in fields if rest.startswith(f + "_")]       # then the option's value
    else:
        return None, ""
    if not candidates:
        return None, ""
    field = max(candidates, key=len)
    part = rest[len(field) + 1:] if widget.startswith("input_") else ""
    return fields[field], part


def check_page(tree: dict, *, frame_prefix: str | None = None, procedure: str = "juminhyo_copy") -> list[str]:
    """Everything a screen reader needs that is missing, as one sentence per problem (the answers'
    descriptions are checked against the fields of `procedure`)."""
    problems: list[str] = []

    def problem(node: dict, text: str) -> None:
        problems.append(f"{node['role']} “{node['name']}” ({short_id(node)}): {text}")

    if frame_prefix is not None and not tree["name"].startswith(frame_prefix):
        problem(tree, f"the window's name does not start with “{frame_prefix}”")
    for node, ancestors in walk(tree):
        if node["role"] in UNSTABLE_ROLES or any(a["role"] in UNSTABLE_ROLES for a in ancestors):
            continue
        labels = [t for t in relation_targets(node, "labelled-by") if t["name"]]
        if "focusable" in node["states"] and not node["name"].strip() and not labels:
            problem(node, "can take the focus but has no name and no labelled-by relation")
        elif node["role"] == "push button" and not node["name"].strip() and not labels:
            problem(node, "a button without a name (screen readers can press it, but not say what it does)")
        if node["role"] == "combo box" and not labels:
            problem(node, "a list whose name is only its current value (Qt on Linux): no labelled-by label "
                          "says what it is for")
        if node["role"] in ("text", "password text"):
            if not labels and not _names_label_above(node, ancestors):
                problem(node, "no visible label is linked to it (labelled-by), nor does its name contain "
                              "the label shown above it")
            for label in labels:
                if visible_label(label["name"]) not in visible_label(node["name"]):
                    problem(node, f"its name does not contain its visible label “{label['name']}”")
        if short_id(node).startswith("show_"):      # the Show button of a My Number: says whose
            field, _part = field_of("input_" + short_id(node)[len("show_"):], fields_of(procedure))
            if field is None or field.label not in node["description"]:
                problem(node, "a Show button whose description does not name its question")
            continue
        if node["role"] in ("radio button", "check box"):
            _check_option(node, ancestors, problem)
        if node["role"] in INPUT_ROLES and ".StepPage." in node.get("id", ""):
            _check_description(node, problem, fields_of(procedure))
    return problems


def _names_label_above(node: dict, ancestors: tuple[dict, ...]) -> bool:
    """A box left unlinked on purpose (Orca says a linked label *instead of* the name, so parts of a
    name or address, and the done page's folder box, carry the whole question in their name):
    its name must contain the visible label just before it."""
    siblings = ancestors[-1].get("children", []) if ancestors else []
    before = [c for c in siblings[:next((i for i, c in enumerate(siblings) if c is node), 0)] if c["role"] == "label"]
    return bool(before) and visible_label(before[-1]["name"]) in node["name"]


def _check_option(node: dict, ancestors: tuple[dict, ...], problem) -> None:
    question = next((a for a in reversed(ancestors) if a["role"] == "panel" and a["name"]), None)
    if question is None:
        return          # a toggle on its own (e.g. High contrast), not an option of a question
    row = ancestors[-1]
    texts = [c["name"] for c in row.get("children", []) if c["role"] == "label"]
    if not node["name"]:
        problem(node, "an option without a name")
    elif texts and node["name"] != texts[0]:
        problem(node, f"its name is not the option's visible text “{texts[0]}”")
    if visible_label(question["name"]) not in node["description"]:
        problem(node, f"its description does not contain the question “{visible_label(question['name'])}”")


def _check_description(node: dict, problem, fields: dict) -> None:
    field, part = field_of(short_id(node), fields)
    if field is None:
        problem(node, "an input whose field cannot be found from its objectName")
        return
    description = node["description"]
    required = field.required and (not part or part in (kind_of(field).required_parts(field) or REQUIRED_PARTS))
    if required and "必須" not in description:
        problem(node, "a required field whose description does not say 必須")
    if not required and "必須" in description:
        problem(node, "an optional answer whose description says 必須")
    if not required and "任意" not in description:
        problem(node, "an optional answer whose description does not say 任意")
    if field.example and f"例：{field.example}" not in description:
        problem(node, f"its description does not contain the example “例：{field.example}”")


READ_ROLES = {"label", "text", "password text", "radio button", "check box", "push button", "combo box",
              "list", "spin button"}


def _in_view(node: dict, ancestors: tuple[dict, ...]) -> bool:
    """Inside the visible part of its scroll area (what is scrolled away has no place on screen)."""
    viewport = next((a for a in reversed(ancestors) if short_id(a) == "qt_scrollarea_viewport"), None)
    if viewport is None or not viewport.get("extents"):
        return True
    x, y, width, height = node["extents"]
    vx, vy, vwidth, vheight = viewport["extents"]
    return vx <= x and vy <= y and x + width <= vx + vwidth and y + height <= vy + vheight


def reading_order_problems(tree: dict) -> list[str]:
    """Objects a screen reader reaches, in tree order, only after something shown below them
    (the tree must be dumped with extents). WCAG 1.3.2 / 2.4.3: the order must follow the screen."""
    problems, earlier = [], []
    for node, ancestors in walk(tree):
        if node["role"] not in READ_ROLES or any(a["role"] in UNSTABLE_ROLES for a in ancestors):
            continue
        x, y, width, height = node.get("extents") or (0, 0, 0, 0)
        if width <= 0 or height <= 0 or not _in_view(node, ancestors):
            continue
        below = next((e for e in earlier if y + height <= e["extents"][1]), None)
        if below is not None:
            problems.append(f"{node['role']} “{node['name']}” is read after {below['role']} “{below['name']}”,"
                            " which is below it")
        earlier.append(node)
    return problems
