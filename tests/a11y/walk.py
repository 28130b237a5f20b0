"""Going through the residence-record request the way a screen-reader user does, through AT-SPI only:
keys typed through the AT-SPI registry, buttons pressed and options toggled with their actions."""

from __future__ import annotations

from collections.abc import Callable

from tests.a11y.reader import Reader

WHO = "請求するのはどなたか、入力するのはどなたか"    # the window's name on the "who applies, who types" page


class Walk:
    """Moves through the procedure; `on_page(page_name, frame_prefix)` is called on each page once it
    is ready (for a step: filled in, just before Next), e.g. to check its tree."""

    def __init__(self, reader: Reader, on_page: Callable[[str, str], None] | None = None) -> None:
        self.reader = reader
        self.on_page = on_page or (lambda page, frame_prefix: None)
        self.step, self.current = 0, ""

    def home(self) -> None:
        self.reader.wait_frame("^手続きを選ぶ")
        self.on_page("home", "手続きを選ぶ")

    def start(self, search: str = "住民票") -> None:
        """Search the list by typing, then press “Start the chosen procedure”."""
        self.begin(search, "住民票の写し等交付請求書")
        self.arrive(1, "relationship_step", first="option_relationship_self")

    def begin(self, search: str, title: str, applicant: str = "") -> None:
        """Search the list for `title` by typing `search`, start it, choose who applies (`applicant`,
        e.g. "applicant_household"; the resident when empty) and go on to the first step."""
        self.reader.type("search", search)
        self.reader.wait_for(role="list item", name=title, states=("selected",))
        self.reader.press("start")
        self.who()
        if applicant:
            self.reader.check(applicant)
        self.reader.press("assisted_continue")

    def who(self) -> None:
        """Who applies and who types: the resident alone is chosen already, the focus on who applies."""
        self.reader.wait_frame(f"^{WHO}")
        self.reader.wait_for("applicant_self", states=("focused", "checked"))
        self.on_page("who", WHO)

    def arrive(self, n: int, step_id: str, first: str | None = None) -> dict:
        """Wait for step `n` (the window's name says 「ステップ n/」) and the focus on its first answer
        (`first`, or any answer when None); the focused object."""
        self.reader.wait_frame(f"^ステップ {n}/")
        if first is not None:
            focus = self.reader.wait_for(first, states=("focused",))
        else:
            focus = self.reader.wait_for(id_re=r"^(input|option|filter|add)_|^[a-z_]+\d+_(input|option)_",
                                         states=("focused",))
        self.step = n
        self.current = step_id
        return focus

    def page_done(self) -> None:
        """The step is filled in: look at it (tree rules, golden file) before leaving."""
        self.on_page(f"step-{self.step}-{self.current}", f"ステップ {self.step}/")

    def next(self, n: int, step_id: str, first: str | None = None) -> dict:
        self.page_done()
        self.reader.press("next")
        return self.arrive(n, step_id, first)

    def to_review(self, n: int) -> None:
        self.page_done()
        self.reader.press("next")
        self.reader.wait_frame(f"^ステップ {n}/{n} ")
        self.reader.wait_for("export", states=("focused",))
        self.on_page("review", f"ステップ {n}/{n} ")

    def export(self) -> None:
        self.reader.press("export")
        self.reader.wait_frame("^申請書ができました", timeout=30)
        self.reader.wait_for("print_pdf", states=("focused",))
        self.reader.wait_for("open_copy", timeout=30)   # the person's own copy follows the form
        self.on_page("done", "申請書ができました")

    # --- answers --------------------------------------------------------------------------------------

    def choose(self, field: str, value: str) -> None:
        self.reader.check(f"option_{field}_{value}")

    def fill(self, widget: str, text: str) -> None:
        self.reader.type(f"input_{widget}", text)

    def address(self, field: str, postal_code: str, block: str, filled: dict[str, str]) -> None:
        """Type the postal code, check the parts it fills in, then type the block number."""
        self.fill(f"{field}_postal_code", postal_code)
        for part, text in filled.items():
            self.reader.wait_for(f"input_{field}_{part}", text=text)
        self.fill(f"{field}_block", block)
