"""Privacy (issue 6): no network, no personal data in the logs, private temporary files that go away.

Each check runs the whole application in a process of its own (tests/e2e/privacy_driver.py), so
nothing the test process does counts: the driver fills in the 住民票 request with invented personal
data through the real window, exports it, reads the review page aloud with the real engines,
saves the encrypted draft and closes the window. HOME, TMPDIR and XDG_RUNTIME_DIR are private
folders of the test, and there is no D-Bus session bus, so no real keyring is touched.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e
DRIVER = Path(__file__).with_name("privacy_driver.py")
RUN_TIMEOUT = 240
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
#: the form's own texts: characters found there are not evidence of personal data
FORM_TEXTS = (ROOT / "procedures" / "juminhyo_copy.yaml", ROOT / "assistant" / "export" / "pdf.py")


@dataclasses.dataclass(frozen=True)
class Run:
    result: dict
    stdout: str
    stderr: str
    log: str
    home: Path      # $HOME of the process
    tmp: Path       # $TMPDIR
    app: Path       # the application's folders (--home)


def private_folder(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True)
    return path


class Launch:
    """One driver process, started at once (the runs take several seconds each and go side by side);
    `run` waits for it and reads what it left."""

    def __init__(self, base: Path, *flags: str, log: bool = False, prefix: tuple[str, ...] = ()) -> None:
        self.home, self.tmp, runtime, self.app = (private_folder(base / n) for n in ("home", "tmp", "run", "app"))
        self.base, self.log = base, base / "app.log" if log else None
        env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "TMP", "TEMP")}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(self.home), TMPDIR=str(self.tmp),
                   XDG_RUNTIME_DIR=str(runtime), PYTHONDONTWRITEBYTECODE="1")
        command = [*prefix, sys.executable, str(DRIVER), "--home", str(self.app), "--result",
                   str(base / "result.json"), *flags, *(["--log", str(self.log)] if log else [])]
        with open(base / "stdout.txt", "wb") as out, open(base / "stderr.txt", "wb") as err:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err)

    @functools.cached_property
    def run(self) -> Run:
        code = self.process.wait(timeout=RUN_TIMEOUT)
        stdout, stderr = ((self.base / name).read_text(encoding="utf-8", errors="replace")
                          for name in ("stdout.txt", "stderr.txt"))
        assert code == 0, stderr[-4000:]
        result = json.loads((self.base / "result.json").read_text(encoding="utf-8"))
        log = self.log.read_text(encoding="utf-8") if self.log else ""
        return Run(result, stdout, stderr, log, self.home, self.tmp, self.app)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def strace_command(base: Path) -> tuple[tuple[str, ...], str]:
    """(strace prefix, "") where strace can trace a process and shows a TCP connect, else ((), why not)."""
    strace = shutil.which("strace")
    if strace is None:
        return (), "strace is not installed (apt install strace)"
    trace = base / "strace.txt"
    prefix = (strace, "-f", "-qq", "-e", "trace=connect,bind,sendto,sendmsg", "-e", "signal=none", "-o", str(trace))
    connect = "import socket; socket.socket().connect_ex(('127.0.0.1', 9))"
    probe = subprocess.run([*prefix, sys.executable, "-c", connect], capture_output=True, timeout=RUN_TIMEOUT)
    if probe.returncode != 0:
        return (), f"strace cannot trace here: {probe.stderr.decode(errors='replace').strip()}"
    assert re.search(r"connect\(.*AF_INET\b.*127\.0\.0\.1", trace.read_text()), "strace would not show it"
    return prefix, ""


@pytest.fixture(scope="module")
def launches(tmp_path_factory):
    base = tmp_path_factory.mktemp("privacy")
    started = {"plain": Launch(base / "plain"),       # the application as people run it
               "logged": Launch(base / "logged", log=True),   # every logger at DEBUG, as a helper would set it
               "probe": Launch(base / "probe", "--probe-network")}
    prefix, why_not = strace_command(base)
    if prefix:
        started["traced"] = Launch(base / "traced", prefix=prefix)
    yield started, base / "strace.txt", why_not
    for launch in started.values():
        launch.stop()


@pytest.fixture(scope="module")
def plain_run(launches) -> Run:
    return launches[0]["plain"].run


@pytest.fixture(scope="module")
def logged_run(launches) -> Run:
    return launches[0]["logged"].run


# --- no network --------------------------------------------------------------------------------


def test_no_code_path_opens_a_network_connection(plain_run):
    assert plain_run.result["pdf"] and plain_run.result["speech_folder_modes"], "the run did not get through"
    assert plain_run.result["network"] == []


def test_the_network_watch_reports_a_deliberate_connection(launches):
    events = launches[0]["probe"].run.result["network"]
    connects = [e for e in events if e["event"] == "socket.connect"]
    assert [e["args"][1] for e in connects] == ["('127.0.0.1', 9)"] * 2
    assert {e["thread"] == "MainThread" for e in connects} == {True, False}    # the workers are watched too
    assert [e["args"][0] for e in events if e["event"] == "socket.getaddrinfo"] == ["'localhost'"]
    assert not [e for e in events if "no-such-bus" in str(e)]                  # local IPC (AF_UNIX) is allowed
    assert len(events) == 3


def test_no_native_code_opens_a_network_connection(launches):
    """Qt, libpulse and espeak-ng open sockets in C, where the audit hook cannot see them: strace
    sees every connect/bind/sendto/sendmsg of the process and its threads and children."""
    started, trace, why_not = launches
    if "traced" not in started:
        pytest.skip(why_not)
    assert started["traced"].run.result["network"] == []
    lines = trace.read_text(encoding="utf-8", errors="replace").splitlines()
    assert lines, "nothing traced"
    assert [line for line in lines if re.search(r"AF_INET6?\b", line)] == []


# --- no personal data in the logs ------------------------------------------------------------------


def _kana(text: str, offset: int) -> str:
    """Hiragana → katakana (offset 0x60) or back (-0x60), other characters unchanged."""
    low, high = ("ぁ", "ゖ") if offset > 0 else ("ァ", "ヶ")
    return "".join(chr(ord(c) + offset) if low <= c <= high else c for c in text)


def forms(value: str) -> set[str]:
    """The ways a logged value could show: as typed, normalised (NFKC, no spaces), in the other kana,
    as digits only, and grouped as on a My Number card."""
    found = {value, unicodedata.normalize("NFKC", value)}
    found |= {re.sub(r"[\s\u3000]", "", v) for v in found}
    found |= {_kana(v, 0x60) for v in found} | {_kana(v, -0x60) for v in found}
    found |= {v.translate(FULL_WIDTH_DIGITS) for v in found}
    for digits in re.findall(r"\d[\d\s\-]{4,}\d", unicodedata.normalize("NFKC", value)):
        plain = re.sub(r"\D", "", digits)
        found |= {plain, " ".join(re.findall(r".{1,4}", plain)), "-".join(re.findall(r".{1,4}", plain))}
    return {f for f in found if len(f) >= 2 and not (f.isdigit() and len(f) < 6)}


def personal_values(run: Run) -> set[str]:
    """Everything the person typed (also what was rejected) and how the application stored it."""
    answers = run.result["answers"]
    stored = [*answers["applicant_name"].values(), answers["applicant_birth_date"], answers["applicant_phone"],
              *(v for k, v in answers["applicant_address"].items() if k != "prefecture"),
              answers["household_head_name"], answers["purpose_other"], answers["submit_to"]]
    typed = [v for k, v in run.result["typed"].items() if k != "prefecture"]   # 北海道 is also a form word
    name = answers["applicant_name"]
    whole = [name["family"] + name["given"], name["family_kana"] + name["given_kana"]]
    year, month, day = answers["applicant_birth_date"].split("-")
    dates = [f"{year}{month}{day}", f"{year}/{month}/{day}", f"{year}年{int(month)}月{int(day)}日"]
    return set().union(*(forms(v) for v in [*typed, *stored, *whole, *dates] if v))


def leaks(run: Run, values: set[str]) -> dict[str, list[str]]:
    outputs = {"log file": run.log, "stderr": run.stderr, "stdout": run.stdout}
    return {where: sorted(v for v in values if v in text) for where, text in outputs.items()
            if any(v in text for v in values)}


def test_logs_hold_no_personal_data(logged_run):
    assert "DEBUG" in logged_run.log and "export failed" in logged_run.log   # logging on; warning paths ran
    assert logged_run.result["export_failure_shown"]
    values = personal_values(logged_run)
    assert {"試験太郎", "シケンタロウ", "しけん", "08024681357", "1975-07-21", "1975年7月21日", "271828182840",
            "2718 2818 2840", "平成99年13月45日", "0312345678", "0600001"} <= values   # the forms looked for
    assert leaks(logged_run, values) == {}


def test_the_scan_finds_personal_data_in_any_form(logged_run):
    planted = {"しけんたろう", "08024681357", "2718-2818-2840", "試験ハイツ１０１", "19750721"}
    fake = dataclasses.replace(logged_run, log=" ".join(f"value={v}" for v in planted), stderr="", stdout="")
    assert planted <= set(leaks(fake, personal_values(logged_run))["log file"])


def glyph_names(run: Run) -> set[str]:
    """Font glyph names (uniXXXX) of the characters that only the personal data brings into the PDF."""
    form = "".join(path.read_text(encoding="utf-8") for path in FORM_TEXTS)
    chars = {c for v in run.result["typed"].values() for c in unicodedata.normalize("NFKC", v)}
    return {f"uni{ord(c):04X}" for c in chars if not c.isascii() and c not in form}


def test_logs_hold_no_glyph_names_of_personal_data(logged_run):
    names = glyph_names(logged_run)
    assert len(names) >= 3        # characters only the typed data brings (e.g. 験 of 試験: uni9A13)
    assert leaks(logged_run, names) == {}


# --- temporary files ---------------------------------------------------------------------------


def test_speech_files_live_in_a_private_folder_that_is_removed(plain_run):
    result = plain_run.result
    assert Path(result["speech_folder"] or "").parent == plain_run.tmp    # where TMPDIR says
    assert result["speech_folder_modes"], f"nothing was read aloud: {result['read_failure']}"
    assert set(result["speech_folder_modes"]) == {"0o700"}                 # at every utterance
    assert not result["speech_folder_left"]


def test_nothing_is_left_in_the_temporary_folder_or_home(plain_run, logged_run):
    """Qt keeps its runtime files in XDG_RUNTIME_DIR and fontconfig its cache under HOME, so nothing
    of anyone's is expected in TMPDIR. (Without XDG_RUNTIME_DIR, libpulse — which espeak-ng starts
    although only files are written — makes an empty 0700 pulse-XXXX folder there: not ours.)
    HOME stays empty too: no keyring file, no settings outside the application's folders."""
    for run in (plain_run, logged_run):
        assert list(run.tmp.iterdir()) == []
        in_home = [p for p in run.home.rglob("*") if p.is_file()]
        assert [p for p in in_home if ".cache/fontconfig" not in p.as_posix()] == []


def test_the_folders_holding_personal_data_are_private(plain_run):
    app = plain_run.app
    folders = [app / "data", app / "data" / "drafts", app / "config", app / "exports", Path(plain_run.result["pdf"]).parent]
    assert {str(p): oct(p.stat().st_mode & 0o777) for p in folders} == {str(p): "0o700" for p in folders}
    assert list((app / "data" / "drafts").glob("*.tzd"))
