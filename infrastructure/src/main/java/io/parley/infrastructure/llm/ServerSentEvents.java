package io.parley.infrastructure.llm;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Reads a text/event-stream: joins each event's {@code data:} lines and hands the payload to a
 * handler until the stream ends or the handler returns false. Comments and other fields are skipped.
 */
final class ServerSentEvents {

    private ServerSentEvents() {
    }

    static void read(BufferedReader reader, Predicate<String> onData) throws IOException {
        StringBuilder data = new StringBuilder();
        boolean hasData = false;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (hasData && !onData.test(data.toString())) {
                    return;
                }
                data.setLength(0);
                hasData = false;
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
        }
        if (hasData) {
            onData.test(data.toString());
        }
    }
}
