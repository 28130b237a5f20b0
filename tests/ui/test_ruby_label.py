"""The furigana label (ui/widgets/ruby.py): readings above their bases, wrapping, sizes, themes, and
what a screen reader gets (in process here; over AT-SPI in tests/a11y/test_ruby.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from assistant import ruby
from assistant.settings import Settings
from tests.core.test_ruby import SAMPLES, segments
from ui import appearance
from ui.theme import THEMES
from ui.widgets.ruby import RubyLabel

LONG = "".join(SAMPLES)   # five sentences: many lines at 300 % in a narrow window


@pytest.fixture
def themed(qapp):
    yield lambda **settings: appearance.apply(qapp, Settings(**settings))
    appearance.apply(qapp, Settings())


@pytest.fixture(autouse=True)
def _holders():
    yield
    _HOLDERS.clear()


_HOLDERS: list[QWidget] = []   # qtbot keeps weak references only


def _label(qtbot, text: str, width: int, height: int = 2000) -> RubyLabel:
    holder = QWidget()
    _HOLDERS.append(holder)
    layout = QVBoxLayout(holder)
    label = RubyLabel(text)
    layout.addWidget(label)
    layout.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(width, height)
    holder.show()
    qtbot.waitExposed(holder)
    layout.activate()
    return label


def _check_geometry(label: RubyLabel) -> None:
    boxes = label.boxes()
    assert boxes
    for box in boxes:
        if box.reading is not None:
            assert box.reading.bottom() <= box.base.top(), box.piece      # above its base
            assert abs(box.reading.center().x() - box.base.center().x()) < 1, box.piece   # centred on it
        assert box.base.right() <= label.contentsRect().right() + 1 or len(box.piece.base) > 1
    rects = [b.base for b in boxes] + [b.reading for b in boxes if b.reading is not None]
    for i, one in enumerate(rects):
        for other in rects[i + 1:]:
            overlap = one.intersected(other)
            assert overlap.width() < 0.5 or overlap.height() < 0.5, (one, other)
    assert max(b.base.bottom() for b in boxes) <= label.height() + 1     # the last line is not cut off


@pytest.mark.parametrize("zoom", [100, 300])
def test_readings_sit_above_their_bases_without_overlap_and_lines_wrap_within_the_width(qtbot, themed, zoom):
    themed(zoom=zoom)
    label = _label(qtbot, LONG, 320)
    _check_geometry(label)
    lines = {round(b.base.top()) for b in label.boxes()}
    assert len(lines) >= (4 if zoom == 100 else 12)
    # every ruby kept whole, with its reading, on one line
    for box in label.boxes():
        if box.piece.reading:
            assert box.piece.base in LONG and f"{box.piece.base}《{box.piece.reading}》" in LONG


def test_a_narrower_window_gives_more_lines_and_the_layout_gives_them_room(qtbot, themed):
    themed(zoom=300)
    # with room enough (a label's minimum is one line, as a wrapped QLabel's: a window never grows for it)
    wide, narrow = _label(qtbot, LONG, 1200, 4000), _label(qtbot, LONG, 300, 4000)
    assert narrow.height() > wide.height()
    assert narrow.height() >= narrow.heightForWidth(narrow.width())
    _check_geometry(narrow)


def test_a_larger_text_size_chosen_while_shown_grows_the_label_and_cuts_nothing_off(qtbot, themed, qapp):
    themed(zoom=100)
    label = _label(qtbot, LONG, 400)
    before = label.height()
    themed(zoom=300)                       # what Ctrl+Plus does (ui/appearance.apply)
    qtbot.waitUntil(lambda: label.height() > 2.5 * before)
    _check_geometry(label)


def test_the_style_sheets_roles_apply_as_to_any_label(qtbot, themed):
    themed(zoom=100)
    plain, heading = _label(qtbot, "住所《じゅうしょ》", 600), _label(qtbot, "住所《じゅうしょ》", 600)
    heading.setProperty("role", "heading")
    heading.style().unpolish(heading)
    heading.style().polish(heading)
    assert heading.font().pointSizeF() == pytest.approx(1.5 * plain.font().pointSizeF())
    assert heading.boxes()[0].reading.height() > plain.boxes()[0].reading.height()


def test_readings_follow_the_text_size_at_half_the_size_of_their_base(qtbot, themed):
    sizes = {}
    for zoom in (100, 300):
        themed(zoom=zoom)
        label = _label(qtbot, "住所《じゅうしょ》", 1000)
        box = label.boxes()[0]
        sizes[zoom] = (box.base.height(), box.reading.height())
        assert label.rubyFont().pointSizeF() == pytest.approx(label.font().pointSizeF() / 2)
    assert sizes[300][0] == pytest.approx(3 * sizes[100][0], rel=0.15)
    assert sizes[300][1] == pytest.approx(3 * sizes[100][1], rel=0.2)


@pytest.mark.parametrize("theme", ["default", "high_contrast"])
def test_bases_and_readings_are_drawn_in_the_themes_text_colour(qtbot, themed, theme):
    themed(zoom=200, theme=theme)
    label = _label(qtbot, "｜住民票《じゅうみんひょう》", 800)
    image = label.grab().toImage()
    text, background = QColor(THEMES[theme]["text"]), QColor(THEMES[theme]["background"])
    box = label.boxes()[0]
    ratio = label.devicePixelRatioF()
    for rect in (box.reading, box.base):
        colours = {image.pixelColor(int(x * ratio), int(y * ratio)).name()
                   for x in range(int(rect.left()), int(rect.right()))
                   for y in range(int(rect.top()), int(rect.bottom()))}
        assert text.name() in colours and background.name() in colours, rect   # ink where each is


def test_a_screen_reader_gets_the_plain_text_once_without_the_readings(qtbot):
    label = _label(qtbot, "この 紙《かみ》に 名前《なまえ》を 書《か》いて ください。", 600)
    interface = QAccessible.queryAccessibleInterface(label)
    assert interface.text(QAccessible.Text.Name) == "この 紙に 名前を 書いて ください。"
    assert "かみ" not in interface.text(QAccessible.Text.Description)
    assert interface.childCount() == 0
    assert label.text() == "この 紙に 名前を 書いて ください。"
    label.setText("｜住所《じゅうしょ》")      # as a page retranslating its labels would
    assert interface.text(QAccessible.Text.Name) == "住所" == label.text()
    assert [(b.piece.base, b.piece.reading) for b in label.boxes()] == [("住所", "じゅうしょ")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segments, st.integers(min_value=60, max_value=700))
def test_any_text_at_any_width_keeps_readings_above_their_bases_without_overlap(qtbot, items, width):
    label = _label(qtbot, "", 200) if not _HOLDERS else _HOLDERS[0].findChild(RubyLabel)
    label.setMarkup(ruby.markup(items))
    boxes = label.boxes(width)
    rects = [b.base for b in boxes if b.piece.base.strip()] + [b.reading for b in boxes if b.reading is not None]
    for box in boxes:
        if box.reading is not None:
            assert box.reading.bottom() <= box.base.top()
            assert abs(box.reading.center().x() - box.base.center().x()) < 1
    for i, one in enumerate(rects):
        for other in rects[i + 1:]:
            overlap = one.intersected(other)
            assert overlap.width() < 0.5 or overlap.height() < 0.5, (one, other)
    lines: dict[float, list] = {}
    for box in boxes:
        lines.setdefault(box.base.top(), []).append(box)
    for line in lines.values():       # within the width, unless one unbreakable run is wider
        if max(b.base.right() for b in line) > width + 1:
            assert not any(b.piece.breakable for b in line[1:])
    if label.hasRuby():
        assert label.heightForWidth(width) >= max((b.base.bottom() for b in boxes), default=0)
    else:   # no reading: drawn and sized by QLabel itself, as every other label of the application
        assert label.text() == ruby.markup(items)
