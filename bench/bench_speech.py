"""Time from a speech request to its WAV file written, per engine, for short and long texts.

This is the core half of "time to first audio sample" (issue 5): the window adds playback start.
Each engine is measured cold (the first request starts the engine on its owner thread) and warm;
"first_of_page" is the time from "Read aloud" on the first step of the residence-record request
(building what to say + synthesizing the first utterance) to the first file.

Run: .venv/bin/python bench/bench_speech.py [--repeat N] [--engine espeak|openjtalk|fake ...]
Prints one JSON line per measurement; an engine that is not installed gets a line saying so.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import i18n  # noqa: E402
from assistant.interview.session import Session  # noqa: E402
from assistant.paths import BUNDLED_PROCEDURES  # noqa: E402
from assistant.procedures.catalog import Catalog  # noqa: E402
from assistant.speech import Utterance, read_page, wav_duration  # noqa: E402
from assistant.speech.espeak import EspeakSpeaker  # noqa: E402
from assistant.speech.fake import FakeSpeaker  # noqa: E402
from assistant.speech.openjtalk import OpenJTalkSpeaker  # noqa: E402

TEXTS = {
    "en": {"short": "Applicant's name (required)",
           "long": "Write the name exactly as it is on the identity document. Write the reading of the name "
                   "in katakana. What happens next: the form is saved as a PDF to print, sign and bring to "
                   "the residence record counter at the office of the city, ward, town or village where you live."},
    "ja": {"short": "請求者の氏名（必須）",
           "long": "本人確認書類と同じ名前を書いてください。フリガナはカタカナで書きます。次に、書類をPDFとして保存します。"
                   "印刷して署名し、お住まいの市区町村の窓口（住民票の担当）に持って行ってください。"},
}
ENGINES = {"espeak": (EspeakSpeaker, "en"), "openjtalk": (OpenJTalkSpeaker, "ja"), "fake": (FakeSpeaker, "ja")}


def timed(speaker, utterance: Utterance) -> tuple[float, float]:
    """(seconds from request to file written, seconds of audio)."""
    started = time.perf_counter()
    path = speaker.submit(utterance).result(60)
    elapsed = time.perf_counter() - started
    seconds = wav_duration(path)
    path.unlink()
    return elapsed, seconds


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2)}


def bench_engine(name: str, folder: Path, repeat: int) -> list[dict]:
    factory, language = ENGINES[name]
    speaker = factory(folder / name)
    availability = speaker.availability()
    if not availability.ok:
        return [{"bench": "speech", "engine": name, "available": False, "reason": availability.reason,
                 "install": availability.detail}]
    lines = []
    cold, audio = timed(speaker, Utterance(TEXTS[language]["short"], language))
    lines.append({"bench": "speech", "engine": name, "language": language, "text": "short", "case": "cold",
                  "request_to_wav_ms": round(cold * 1000, 2), "audio_s": round(audio, 3)})
    for size in ("short", "long"):
        text = TEXTS[language][size]
        results = [timed(speaker, Utterance(text, language)) for _ in range(repeat)]
        elapsed = [r[0] for r in results]
        audio = statistics.median(r[1] for r in results)
        lines.append({"bench": "speech", "engine": name, "language": language, "text": size, "case": "warm",
                      "characters": len(text), "repeat": repeat, **summary(elapsed), "audio_s": round(audio, 3),
                      "realtime_factor": round(audio / statistics.median(elapsed), 1)})
    return lines


def bench_first_of_page(folder: Path, repeat: int) -> list[dict]:
    """"Read aloud" on the first step: build the script, synthesize its first utterance."""
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    lines = []
    for language, factory in (("ja", OpenJTalkSpeaker), ("en", EspeakSpeaker)):
        speaker = factory(folder / f"page-{language}")
        if not speaker.availability().ok:
            continue
        i18n.set_language(language)
        speaker.submit(Utterance(TEXTS[language]["short"], language)).result(60)   # engine started
        samples, counts = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            utterances = read_page(Session(procedure))
            first = next(u for u in utterances if u.language == language)
            speaker.submit(first).result(60).unlink()
            samples.append(time.perf_counter() - started)
            counts.append(len(utterances))
        lines.append({"bench": "speech", "engine": speaker.name, "language": language, "case": "first_of_page",
                      "utterances_on_page": counts[0], "repeat": repeat, **summary(samples)})
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--engine", action="append", choices=sorted(ENGINES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-speech-") as folder:
        for name in args.engine or ["espeak", "openjtalk", "fake"]:
            for line in bench_engine(name, Path(folder), args.repeat):
                print(json.dumps(line, ensure_ascii=False), flush=True)
        for line in bench_first_of_page(Path(folder), args.repeat):
            print(json.dumps(line, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
