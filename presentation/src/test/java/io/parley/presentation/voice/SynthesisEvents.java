package io.parley.presentation.voice;

import io.parley.core.voice.SynthesisListener;
import io.parley.presentation.support.Await;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A synthesis listener that records every call in order, audio included, for tests to wait on and inspect. */
final class SynthesisEvents implements SynthesisListener {

    static final Duration WAIT = Duration.ofSeconds(20);

    enum Kind { READY, AUDIO, FLUSHED, CLEARED, FAILURE }

    /** One call: {@code audio} for AUDIO, {@code reason} for FAILURE. */
    record Event(Kind kind, byte[] audio, String reason, String thread) {
        @Override
        public String toString() {
            return kind + (audio == null ? "" : "(" + audio.length + " bytes)") + (reason == null ? "" : "(" + reason + ")");
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void onReady() {
        add(Kind.READY, null, null);
    }

    @Override
    public void onAudio(byte[] audio) {
        add(Kind.AUDIO, audio, null);
    }

    @Override
    public void onFlushed() {
        add(Kind.FLUSHED, null, null);
    }

    @Override
    public void onCleared() {
        add(Kind.CLEARED, null, null);
    }

    @Override
    public void onFailure(String reason) {
        add(Kind.FAILURE, null, reason);
    }

    List<Event> all() {
        return List.copyOf(events);
    }

    List<Event> of(Kind kind) {
        return events.stream().filter(event -> event.kind() == kind).toList();
    }

    List<Event> await(Kind kind, int count) {
        return Await.until(WAIT, count + " x " + kind + " (all so far: " + events.size() + " calls, last "
                + (events.isEmpty() ? "none" : events.get(events.size() - 1)) + ")", () -> of(kind),
                found -> found.size() >= count);
    }

    /** The audio of the calls from index {@code from} (inclusive) to {@code to} (exclusive), joined. */
    static byte[] audio(List<Event> events, int from, int to) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        events.subList(from, to).stream().filter(event -> event.kind() == Kind.AUDIO)
                .forEach(event -> joined.writeBytes(event.audio()));
        return joined.toByteArray();
    }

    private void add(Kind kind, byte[] audio, String reason) {
        events.add(new Event(kind, audio, reason, Thread.currentThread().getName()));
    }
}
