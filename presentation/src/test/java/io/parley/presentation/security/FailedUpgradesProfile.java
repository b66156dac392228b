package io.parley.presentation.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A node that refuses (429) a client address after three failed upgrades in a minute. */
public class FailedUpgradesProfile implements QuarkusTestProfile {

    static final int LIMIT = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.limits.failed-upgrades-per-minute", Integer.toString(LIMIT));
    }
}
