"""kind: group — a container; its block is ui.widgets.field_block.GroupBlock, not an input."""

WIDGET = None
