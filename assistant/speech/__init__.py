"""Speech: what is read aloud (`script`), the engines that read it (`Speaker`), and whether a
screen reader already speaks (`screen_reader`). No Qt here: the window plays the WAV files the
engines write, and adds its own QtTextToSpeech engine as a `VoiceProvider`.

Typical use from the window, off the UI thread (engines start on first use):

    speakers = core_speakers(private_temp_folder)          # + the Qt provider, best first
    chosen = choose_engines(speakers, preferred=settings)   # {"ja": <openjtalk>, "en": <espeak>}
    for utterance in read_page(session):
        future = chosen[utterance.language].submit(utterance)   # → WAV path; cancel() to stop
"""

from assistant.speech.choice import (DEFAULT_LANGUAGES, LanguageVoice, choose_engines, core_speakers,
                                     describe_voices, language_name)
from assistant.speech.screen_reader import Detection, ScreenReaderState, detect, self_voicing_default
from assistant.speech.script import (answer_text, read_assistance, read_errors, read_export, read_field, read_home,
                                     read_message, read_page, read_procedure, read_review, read_step)
from assistant.speech.speaker import (Availability, EngineUnavailable, LanguageNotSupported, Quality, Speaker,
                                      SpeechError, SynthesisError, Utterance, Voice, VoiceProvider, wav_duration)
from assistant.speech.voicing import voiced

__all__ = [
    "DEFAULT_LANGUAGES", "Availability", "Detection", "EngineUnavailable", "LanguageNotSupported",
    "LanguageVoice", "Quality", "ScreenReaderState", "Speaker", "SpeechError", "SynthesisError", "Utterance",
    "Voice", "VoiceProvider", "answer_text", "choose_engines", "core_speakers", "describe_voices", "detect",
    "language_name", "read_assistance", "read_errors", "read_export", "read_field", "read_home", "read_message",
    "read_page", "read_procedure", "read_review", "read_step", "self_voicing_default", "voiced", "wav_duration",
]
