package io.parley.infrastructure.llm;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Decodes a text/event-stream as its bytes arrive, in chunks cut anywhere (even inside a character):
 * joins each event's {@code data:} lines and hands the payload on until the handler returns false.
 * Comments and other fields are skipped. Not thread-safe: one stream's chunks come one at a time.
 */
final class ServerSentEvents {

    private final Predicate<String> onData;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean stopped;

    ServerSentEvents(Predicate<String> onData) {
        this.onData = onData;
    }

    /** Takes the next bytes of the stream. */
    void feed(Buffer chunk) {
        for (int i = 0; i < chunk.length() && !stopped; i++) {
            byte b = chunk.getByte(i);
            if (b == '\n') {
                line(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }

    /** The stream ended: an event not followed by a blank line still counts. */
    void end() {
        if (line.size() > 0) {
            line(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        if (hasData && !stopped) {
            dispatch();
        }
    }

    boolean stopped() {
        return stopped;
    }

    private void line(String text) {
        String value = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        if (value.isEmpty()) {
            if (hasData) {
                dispatch();
            }
        } else if (value.startsWith("data:")) {
            String payload = value.substring(5);
            if (payload.startsWith(" ")) {
                payload = payload.substring(1);
            }
            if (hasData) {
                data.append('\n');
            }
            data.append(payload);
            hasData = true;
        }
    }

    private void dispatch() {
        String payload = data.toString();
        data.setLength(0);
        hasData = false;
        if (!onData.test(payload)) {
            stopped = true;
        }
    }
}
