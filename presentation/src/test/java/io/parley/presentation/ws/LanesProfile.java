package io.parley.presentation.ws;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A node that answers at most four messages at once and lets a socket queue three, and 4 KiB of frames. */
public class LanesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.agent.max-concurrent-answers", "4",
                "parley.limits.max-queued-messages", "3",
                "parley.limits.max-queued-bytes", "4096",
                "parley.llm.timeout", "10s");
    }
}
