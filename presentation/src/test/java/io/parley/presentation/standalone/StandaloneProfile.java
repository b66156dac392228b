package io.parley.presentation.standalone;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** A node that believes it is standalone (as the launcher marks it), with a data directory of its own. */
public class StandaloneProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.standalone", "true", "parley.data-dir", "target/standalone-test-" + UUID.randomUUID());
    }
}
