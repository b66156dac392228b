package io.parley.presentation.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a fake Deepgram socket saw and said, for tests to inspect while it runs or after: the upgrade
 * request's query parameters and {@code Authorization} header, every text frame received, every text
 * frame sent, and whether it has closed.
 */
public class DeepgramRecording {

    private final Map<String, List<String>> query;
    private final String authorization;
    private final String requestId = UUID.randomUUID().toString();
    private final Instant openedAt = Instant.now();
    private final List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    DeepgramRecording(Map<String, List<String>> query, String authorization) {
        this.query = Map.copyOf(query);
        this.authorization = authorization;
    }

    /** Every query parameter, each with its values in order ({@code keyterm} may repeat). */
    public Map<String, List<String>> query() {
        return query;
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String authorization() {
        return authorization;
    }

    /** The id sent in the {@code dg-request-id} header and in the JSON messages. */
    public String requestId() {
        return requestId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    /** Text frames received, in order. */
    public List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    /** The {@code type} of each text frame received, in order. */
    public List<String> receivedTypes() {
        return received.stream().map(ReceivedMessage::type).toList();
    }

    /** Text frames sent, in order. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    public boolean closed() {
        return closed;
    }

    void receivedText(ReceivedMessage message) {
        received.add(message);
    }

    void sentText(String json) {
        sent.add(json);
    }

    void markClosed() {
        closed = true;
    }
}
