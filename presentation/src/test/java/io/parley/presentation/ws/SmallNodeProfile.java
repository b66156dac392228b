package io.parley.presentation.ws;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A node that takes two connections and only browsers from one origin. */
public class SmallNodeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.limits.max-connections", "2",
                "parley.allowed-origins", "https://app.example,https://admin.example");
    }
}
