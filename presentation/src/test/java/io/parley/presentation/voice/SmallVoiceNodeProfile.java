package io.parley.presentation.voice;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A node that runs one voice session at a time, with tracing on (spans kept in memory). */
public class SmallVoiceNodeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.voice.max-sessions", "1",
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
