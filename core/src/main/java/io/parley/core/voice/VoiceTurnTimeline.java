package io.parley.core.voice;

import io.parley.core.conversation.ConversationId;
import java.time.Instant;
import java.util.Optional;

/**
 * When each step of one spoken agent turn happened, for tracing: the user's speech ending and its
 * transcript (absent for a greeting), the model's request and first token, synthesis's first text and
 * first audio, the first audio sent to the user, and the end.
 */
public record VoiceTurnTimeline(ConversationId conversation, String turnId, Optional<Instant> userSpeechEnded,
        Optional<Instant> transcribed, Optional<Instant> modelAsked, Optional<Instant> modelFirstToken,
        Optional<Instant> modelDone, Optional<Instant> synthesisAsked, Optional<Instant> synthesisFirstAudio,
        Optional<Instant> firstAudioSent, Instant ended, boolean interrupted) {
}
