"""Which engine speaks which language, and how the settings screen says so.

Engines are chosen per language by availability and quality; the person's choice in settings
wins when that engine can speak the language. A language no engine can speak is left out of the
choice, and `describe_voices` says so plainly, with the reasons the engines give.

Asking an engine which languages it speaks may start it (pyttsx3): call these off the UI thread.

Extension point for the window's QtTextToSpeech engine: give it `name` ("qt"), `display_name`,
`availability()`, `languages()`, `quality(language)` and `voices()` (the `VoiceProvider`
protocol) and put it first in the list passed here. Its `quality("ja")` must be `Quality.NONE`
when the platform's Japanese voice is espeak-ng behind speech-dispatcher (Linux), and
`Quality.NATURAL` for Windows' and macOS' Japanese voices, so that Open JTalk is chosen only
where the platform has no real Japanese voice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError

from assistant.i18n import LANGUAGES, _, babel_locale
from assistant.speech.speaker import Quality, Speaker, SpeechError, Voice, VoiceProvider, base_language

#: the languages the interface offers and so must be readable aloud (locales/languages.yaml)
DEFAULT_LANGUAGES = tuple(LANGUAGES)


def core_speakers(folder: Path) -> list[Speaker]:
    """The core's file-writing engines, best first; the window adds its QtTextToSpeech provider.

    Nothing is started here: each engine starts on its own thread at first use.
    """
    from assistant.speech.espeak import EspeakSpeaker
    from assistant.speech.openjtalk import OpenJTalkSpeaker

    return [OpenJTalkSpeaker(folder), EspeakSpeaker(folder)]


def quality_of(speaker: VoiceProvider, language: str) -> Quality:
    """How well `speaker` speaks `language`; an engine that is missing or fails to start can't."""
    try:
        if not speaker.availability().ok:
            return Quality.NONE
        return Quality(speaker.quality(language))
    except SpeechError:
        return Quality.NONE


def choose_engines(speakers: Iterable[VoiceProvider], languages: Iterable[str] = DEFAULT_LANGUAGES,
                   preferred: Mapping[str, str] | None = None) -> dict[str, VoiceProvider]:
    """For each language, the engine that speaks it: the preferred one (by `name`, from settings)
    if it can, else the best quality (ties go to the earlier speaker). Languages nobody can speak
    are left out, e.g. Japanese on Linux without Open JTalk."""
    speakers = list(speakers)
    chosen: dict[str, VoiceProvider] = {}
    for language in languages:
        ranked = [(quality_of(s, language), -index, s) for index, s in enumerate(speakers)]
        ranked = [r for r in ranked if r[0] > Quality.NONE]
        if not ranked:
            continue
        wanted = (preferred or {}).get(language)
        choice = next((s for _q, _i, s in ranked if s.name == wanted), None)
        chosen[language] = choice or max(ranked, key=lambda r: r[:2])[2]
    return chosen


def language_name(code: str, in_language: str | None = None) -> str:
    """A language's name in the interface language (Babel's CLDR names): "ja" → "Japanese"."""
    try:
        names = Locale.parse(babel_locale(in_language)).languages
    except (UnknownLocaleError, ValueError):
        return code
    return names.get(babel_locale(code)) or names.get(code) or names.get(base_language(code)) or code


@dataclass(frozen=True)
class LanguageVoice:
    """One line of the settings screen: who speaks `language`, or plainly that nobody can."""

    language: str
    engine: str | None     # the engine's `name`, None when no voice can speak the language
    voice: Voice | None
    message: str           # translated, ready to show (and to read aloud)
    reasons: tuple[str, ...] = ()   # translated reasons when nobody can
    details: tuple[str, ...] = ()   # for a helper: what to install (not translated)


def voice_for(speaker: VoiceProvider, language: str) -> Voice | None:
    """The voice `speaker` uses for `language` (an engine may offer its own `voice_for`)."""
    own = getattr(speaker, "voice_for", None)
    try:
        if callable(own):
            return own(language)
        voices = speaker.voices()
    except SpeechError:
        return None
    return next((v for v in voices if any(base_language(lang) == base_language(language)
                                          for lang in v.languages)), None)


def describe_voices(speakers: Iterable[VoiceProvider], chosen: Mapping[str, VoiceProvider],
                    languages: Iterable[str] = DEFAULT_LANGUAGES) -> list[LanguageVoice]:
    """What the settings screen shows for each language, in the interface language."""
    speakers = list(speakers)
    lines = []
    for language in languages:
        name = language_name(language)
        speaker = chosen.get(language)
        if speaker is not None:
            voice = voice_for(speaker, language)
            message = _("{language}: {engine}, voice “{voice}”").format(
                language=name, engine=speaker.display_name, voice=voice.name if voice else speaker.display_name)
            lines.append(LanguageVoice(language, speaker.name, voice, message))
            continue
        reasons, details = [], []
        for other in speakers:
            reason, detail = _decline(other, language)
            if reason and reason not in reasons:
                reasons.append(reason)
            if detail and detail not in details:
                details.append(detail)
        message = _("No voice on this computer can read {language} aloud.").format(language=name)
        lines.append(LanguageVoice(language, None, None, message, tuple(reasons), tuple(details)))
    return lines


def _decline(speaker: VoiceProvider, language: str) -> tuple[str, str]:
    """(translated reason, install hint) an engine gives for not speaking `language`."""
    own = getattr(speaker, "decline_reason", None)
    if callable(own):
        return own(language)
    return "", ""
