package io.parley.presentation.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What one fake {@code /v1/speak} socket saw: besides the common record, its texts and audio sent. */
public final class SpeakRecording extends DeepgramRecording {

    private final AtomicLong audioBytesSent = new AtomicLong();

    SpeakRecording(Map<String, List<String>> query, String authorization) {
        super(query, authorization);
    }

    /** The {@code text} of every {@code Speak} message, in order. */
    public List<String> speakTexts() {
        return speakMessages().stream().map(message -> message.json().path("text").asText()).toList();
    }

    /** Every {@code Speak} message with its arrival time. */
    public List<ReceivedMessage> speakMessages() {
        return received().stream().filter(message -> "Speak".equals(message.type())).toList();
    }

    public long audioBytesSent() {
        return audioBytesSent.get();
    }

    void sentAudio(int bytes) {
        audioBytesSent.addAndGet(bytes);
    }
}
