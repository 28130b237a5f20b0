"""Read-aloud in every offered language (issue 15): the table's voice (Open JTalk's Mei for Japanese,
eSpeak NG's cmn, ko, vi, id, es, pt-br, ne, th, my…) produces real audio for a sentence of the
interface; a language with no voice in the table (Filipino) gets the plain "no voice" sentence.
Parametrized over the offered languages: each translated language joins when it is flipped on."""

from __future__ import annotations

import wave

import pytest

from assistant import i18n, languages
from assistant.speech import Utterance, describe_voices
from assistant.speech.choice import choose_engines
from assistant.speech.espeak import pick_voice
from assistant.speech.voicing import voiced
from tests.core.test_speech_engines import espeak, openjtalk, soxi, sox_info  # noqa: F401 - fixtures

OFFERED = list(i18n.LANGUAGES)
SENTENCE = "Your form is ready. Print it, sign it and bring it to the office."
NO_VOICE = [code for code, row in languages.all_languages().items() if not row.voices]


def _audible(path) -> bool:
    with wave.open(str(path), "rb") as audio:
        frames = audio.readframes(audio.getnframes())
    return any(frames[i:i + 2] != b"\0\0" for i in range(0, len(frames), 2))


@pytest.mark.parametrize("language", OFFERED)
def test_each_offered_language_is_read_aloud_by_the_voice_its_table_row_names(language, espeak, openjtalk, soxi):
    row = languages.language(language)
    text = i18n.translate(SENTENCE, language) if language != "en" else SENTENCE
    utterances = voiced(text, language)
    assert utterances, text
    if not row.voices:
        pytest.skip(f"{language} has no voice: test_a_language_without_a_voice_is_said_to_have_none")
    chosen = choose_engines([openjtalk, espeak], {u.language for u in utterances})
    for utterance in utterances:
        speaker = chosen[utterance.language]
        own = languages.language(utterance.language) if utterance.language in languages.all_languages() else row
        assert speaker.name in own.voices, f"{utterance.language}: read by {speaker.name}, not {own.voices}"
        if speaker.name == "espeak":
            assert pick_voice(espeak.voices(), utterance.language).id == own.voice("espeak")
        path = speaker.synthesize(utterance)
        seconds, _rate, _channels = sox_info(soxi, path)
        assert seconds > 0.3 and _audible(path), f"{language}: {utterance.text!r} gave {seconds:.2f} s"


def test_every_espeak_voice_of_the_table_is_installed_and_speaks(espeak, soxi):
    """Before its catalogs exist: each row's eSpeak NG voice is there and gives audio for its own name."""
    for code, row in languages.all_languages().items():
        voice = row.voice("espeak")
        if voice is None:
            continue
        assert pick_voice(espeak.voices(), code).id == voice, code
        path = espeak.synthesize(Utterance(row.native, code))
        assert sox_info(soxi, path)[0] > 0.2 and _audible(path), code


@pytest.mark.parametrize("language", NO_VOICE)
def test_a_language_without_a_voice_is_said_to_have_none_plainly(language, espeak, openjtalk, english):
    chosen = choose_engines([openjtalk, espeak], [language])
    assert language not in chosen
    [line] = describe_voices([openjtalk, espeak], chosen, [language])
    assert line.engine is None
    assert line.message == f"No voice on this computer can read {languages.language(language).english} aloud."
