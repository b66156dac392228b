package io.parley.presentation.voice;

import io.parley.core.voice.SpeechListener;
import io.parley.presentation.support.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A speech listener that records every call, with its thread, for tests to wait on and inspect. */
final class SpeechEvents implements SpeechListener {

    static final Duration WAIT = Duration.ofSeconds(20);

    enum Kind { READY, SPEECH_STARTED, TRANSCRIPT, END_OF_TURN, FAILURE }

    /** One call: {@code text} is the transcript or failure reason; {@code millis} the end of turn's time. */
    record Event(Kind kind, String text, boolean isFinal, long millis, String thread, long nanoTime) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void onReady() {
        add(Kind.READY, null, false, -1);
    }

    @Override
    public void onSpeechStarted() {
        add(Kind.SPEECH_STARTED, null, false, -1);
    }

    @Override
    public void onTranscript(String text, boolean isFinal) {
        add(Kind.TRANSCRIPT, text, isFinal, -1);
    }

    @Override
    public void onEndOfTurn(String transcript, long speechEndedAtMs) {
        add(Kind.END_OF_TURN, transcript, true, speechEndedAtMs);
    }

    @Override
    public void onFailure(String reason) {
        add(Kind.FAILURE, reason, false, -1);
    }

    List<Event> all() {
        return List.copyOf(events);
    }

    List<Event> of(Kind kind) {
        return events.stream().filter(event -> event.kind() == kind).toList();
    }

    /** Waits until {@code count} calls of this kind came; returns them all. */
    List<Event> await(Kind kind, int count) {
        return Await.until(WAIT, count + " x " + kind + " (all so far: " + events + ")", () -> of(kind),
                found -> found.size() >= count);
    }

    void awaitReady() {
        await(Kind.READY, 1);
    }

    private void add(Kind kind, String text, boolean isFinal, long millis) {
        events.add(new Event(kind, text, isFinal, millis, Thread.currentThread().getName(), System.nanoTime()));
    }
}
