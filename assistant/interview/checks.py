"""The checks every answer passes before it is read: moved to assistant.kinds.checks (the kinds
use them, and the kinds sit below the interview); names kept here for the callers."""

from assistant.kinds.checks import *  # noqa: F401,F403
from assistant.kinds.checks import (ADDRESS_PART_MAX, NAME_PART_MAX, SHORT_MAX, TEXT_MAX,  # noqa: F401
                                    character_problem, glyph_problem, length_problem, parts_problems, safe_key,
                                    shape_problems, string_problem, type_problem, unknown_part_problem)
