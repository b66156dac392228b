package io.parley.infrastructure.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.parley.core.port.out.TurnTracing;
import io.parley.core.voice.VoiceTurnTimeline;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Traces a spoken turn once it is over, from its recorded times: a "voice.turn" span with children
 * "stt", "llm" and "tts", each carrying its latency as an attribute. Off (no-op) unless tracing is on.
 */
@Singleton
public class OpenTelemetryTurnTracing implements TurnTracing {

    private final Tracer tracer;

    public OpenTelemetryTurnTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void voiceTurn(VoiceTurnTimeline turn) {
        Instant start = Stream.of(turn.userSpeechEnded(), turn.transcribed(), turn.modelAsked(), turn.synthesisAsked())
                .flatMap(Optional::stream).min(Instant::compareTo).orElse(turn.ended());
        Span span = tracer.spanBuilder("voice.turn").setStartTimestamp(start)
                .setAttribute("parley.conversation.id", turn.conversation().toString())
                .setAttribute("parley.turn.id", turn.turnId())
                .setAttribute("parley.turn.interrupted", turn.interrupted())
                .startSpan();
        Context parent = Context.current().with(span);
        child(parent, "stt", turn.userSpeechEnded(), turn.transcribed(), "parley.stt.latency_ms");
        child(parent, "llm", turn.modelAsked(), turn.modelFirstToken(), "parley.llm.first_token_ms",
                turn.modelDone());
        child(parent, "tts", turn.synthesisAsked(), turn.synthesisFirstAudio(), "parley.tts.first_byte_ms");
        between(turn.userSpeechEnded(), turn.firstAudioSent())
                .ifPresent(ms -> span.setAttribute("parley.user_to_bot_ms", ms));
        span.end(turn.ended());
    }

    private void child(Context parent, String name, Optional<Instant> from, Optional<Instant> to, String attribute) {
        child(parent, name, from, to, attribute, to);
    }

    /** A child span from {@code from} to {@code end}, its latency ({@code from} to {@code to}) as an attribute. */
    private void child(Context parent, String name, Optional<Instant> from, Optional<Instant> to, String attribute,
            Optional<Instant> end) {
        if (from.isEmpty()) {
            return;
        }
        Span child = tracer.spanBuilder(name).setParent(parent).setStartTimestamp(from.get()).startSpan();
        between(from, to).ifPresent(ms -> child.setAttribute(attribute, ms));
        child.end(end.or(() -> to).orElse(from.get()));
    }

    private static OptionalLong between(Optional<Instant> from, Optional<Instant> to) {
        return from.isPresent() && to.isPresent()
                ? OptionalLong.of(Math.max(0, to.get().toEpochMilli() - from.get().toEpochMilli()))
                : OptionalLong.empty();
    }
}
