package io.parley.presentation.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What one fake {@code /v1/listen} socket saw: besides the common record, the audio it received. */
public final class ListenRecording extends DeepgramRecording {

    private final AtomicLong audioBytes = new AtomicLong();
    private final AtomicInteger audioFrames = new AtomicInteger();

    ListenRecording(Map<String, List<String>> query, String authorization) {
        super(query, authorization);
    }

    public long audioBytes() {
        return audioBytes.get();
    }

    public int audioFrames() {
        return audioFrames.get();
    }

    void receivedAudio(int bytes) {
        audioBytes.addAndGet(bytes);
        audioFrames.incrementAndGet();
    }
}
