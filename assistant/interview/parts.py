"""The parts of compound answers and their official labels: moved to assistant.kinds.parts (no
heavy imports: the window uses these before any procedure is loaded); names kept for callers."""

from assistant.kinds.parts import (ADDRESS_PARTS, ADDRESS_REQUIRED, NAME_PARTS,  # noqa: F401
                                   PART_LABELS, REQUIRED_PARTS, YES_NO_LABELS, part_label)
