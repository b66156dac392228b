package io.parley.core.voice;

import java.util.Optional;

/** What a client asks of a voice session: its audio format and, optionally, its language. */
public record VoiceSettings(AudioFormat format, Optional<String> language) {
}
