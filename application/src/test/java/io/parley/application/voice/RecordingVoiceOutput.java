package io.parley.application.voice;

import io.parley.core.conversation.ConversationId;
import io.parley.core.port.out.VoiceOutput;
import java.util.ArrayList;
import java.util.List;

/** A voice output that keeps every call, in order. */
final class RecordingVoiceOutput implements VoiceOutput {

    sealed interface Event permits Started, Unavailable, Transcript, AnswerDelta, Answered, AgentUnavailable,
            AudioStart, Audio, AudioEnd, AudioClear, Stopped {
    }

    record Started(ConversationId conversation) implements Event {
    }

    record Unavailable(String reason) implements Event {
    }

    record Transcript(String text, boolean isFinal) implements Event {
    }

    record AnswerDelta(String delta) implements Event {
    }

    record Answered(ConversationId conversation, String text, boolean interrupted) implements Event {
    }

    record AgentUnavailable(ConversationId conversation) implements Event {
    }

    record AudioStart(String turnId) implements Event {
    }

    /** A frame of audio: only its length matters to the tests. */
    record Audio(int length) implements Event {
    }

    record AudioEnd(String turnId) implements Event {
    }

    record AudioClear(String turnId) implements Event {
    }

    record Stopped(String reason) implements Event {
    }

    private final List<Event> events = new ArrayList<>();

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized <T extends Event> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The events other than audio frames, in order. */
    synchronized List<Event> signals() {
        return events.stream().filter(e -> !(e instanceof Audio)).toList();
    }

    /** Bytes of audio sent so far. */
    synchronized long audioBytes() {
        return events.stream().filter(Audio.class::isInstance).mapToLong(e -> ((Audio) e).length()).sum();
    }

    synchronized int size() {
        return events.size();
    }

    @Override
    public synchronized void started(ConversationId conversation) {
        events.add(new Started(conversation));
    }

    @Override
    public synchronized void unavailable(String reason) {
        events.add(new Unavailable(reason));
    }

    @Override
    public synchronized void transcript(String text, boolean isFinal) {
        events.add(new Transcript(text, isFinal));
    }

    @Override
    public synchronized void answerDelta(String delta) {
        events.add(new AnswerDelta(delta));
    }

    @Override
    public synchronized void answered(ConversationId conversation, String text, boolean interrupted) {
        events.add(new Answered(conversation, text, interrupted));
    }

    @Override
    public synchronized void agentUnavailable(ConversationId conversation) {
        events.add(new AgentUnavailable(conversation));
    }

    @Override
    public synchronized void audioStart(String turnId) {
        events.add(new AudioStart(turnId));
    }

    @Override
    public synchronized void audio(byte[] audio) {
        events.add(new Audio(audio.length));
    }

    @Override
    public synchronized void audioEnd(String turnId) {
        events.add(new AudioEnd(turnId));
    }

    @Override
    public synchronized void audioClear(String turnId) {
        events.add(new AudioClear(turnId));
    }

    @Override
    public synchronized void stopped(String reason) {
        events.add(new Stopped(reason));
    }
}
