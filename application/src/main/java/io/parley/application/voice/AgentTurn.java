package io.parley.application.voice;

import io.parley.core.agent.ReplyStream;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.TurnMetrics;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.VoiceTurnTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One turn of the agent in a voice session (the greeting, or an answer): what the model wrote, what
 * synthesis made of it, and when each step happened. Guarded by its {@link VoiceConversation}.
 */
final class AgentTurn {

    final String id;
    final SentenceSplitter sentences = new SentenceSplitter();
    final SpokenAudio spoken;
    /** Sentences waiting to go to synthesis. */
    final ArrayDeque<String> toSpeak = new ArrayDeque<>();
    final StringBuilder text = new StringBuilder();
    ReplyStream reply = ReplyStream.FINISHED;
    boolean modelDone;
    boolean answered;
    boolean audioStarted;
    int flushesPending;
    /** The agent hangs up once this turn is spoken. */
    boolean endsCall;
    long tokens;
    /** How much of its audio the user heard (once interrupted). */
    Duration heard = Duration.ZERO;
    /** When the user interrupted it, if they did. */
    Instant interruptedAt;
    private final Optional<Instant> userSpeechEnded;
    private final Optional<Instant> transcribed;
    private Instant modelAsked;
    private Instant modelFirstToken;
    private Instant modelCompleted;
    private Instant synthesisAsked;
    private Instant firstAudio;

    AgentTurn(String id, AudioFormat format, Optional<Instant> userSpeechEnded, Optional<Instant> transcribed) {
        this.id = id;
        this.spoken = new SpokenAudio(format);
        this.userSpeechEnded = userSpeechEnded;
        this.transcribed = transcribed;
    }

    void modelAsked(Instant at) {
        modelAsked = at;
    }

    void modelWrote(Instant at) {
        if (modelFirstToken == null) {
            modelFirstToken = at;
        }
    }

    void modelCompleted(Instant at, long spent) {
        modelWrote(at);
        modelCompleted = at;
        modelDone = true;
        tokens = spent;
    }

    /** Whether a piece of this turn went to synthesis already. */
    boolean synthesisStarted() {
        return synthesisAsked != null;
    }

    void synthesisAsked(Instant at) {
        if (synthesisAsked == null) {
            synthesisAsked = at;
        }
    }

    /** The first audio arrived and was sent on; true the first time. */
    boolean firstAudio(Instant at) {
        if (firstAudio != null) {
            return false;
        }
        firstAudio = at;
        audioStarted = true;
        return true;
    }

    /** The text the user heard of an interrupted turn. */
    String heardText() {
        return spoken.heardWithin(heard);
    }

    TurnMetrics metrics() {
        return new TurnMetrics(between(userSpeechEnded.orElse(null), transcribed.orElse(null)),
                between(modelAsked, modelFirstToken), between(synthesisAsked, firstAudio),
                between(userSpeechEnded.orElse(null), firstAudio));
    }

    VoiceTurnTimeline timeline(ConversationId conversation, Instant ended, boolean interrupted) {
        return new VoiceTurnTimeline(conversation, id, userSpeechEnded, transcribed, Optional.ofNullable(modelAsked),
                Optional.ofNullable(modelFirstToken), Optional.ofNullable(modelCompleted),
                Optional.ofNullable(synthesisAsked), Optional.ofNullable(firstAudio), Optional.ofNullable(firstAudio),
                ended, interrupted);
    }

    private static OptionalLong between(Instant from, Instant to) {
        return from == null || to == null ? OptionalLong.empty()
                : OptionalLong.of(Math.max(0, Duration.between(from, to).toMillis()));
    }
}
