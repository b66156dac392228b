package io.parley.presentation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * A text frame a fake received, with when it arrived ({@code nanoTime} to compare arrivals with
 * other events in the same JVM) and its parsed JSON ({@code type} "unparseable" when it is not JSON).
 */
public record ReceivedMessage(Instant at, long nanoTime, String raw, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReceivedMessage of(String raw) {
        JsonNode json;
        try {
            json = JSON.readTree(raw);
        } catch (Exception e) {
            json = JSON.createObjectNode().put("type", "unparseable");
        }
        return new ReceivedMessage(Instant.now(), System.nanoTime(), raw, json);
    }

    public String type() {
        return json.path("type").asText();
    }
}
