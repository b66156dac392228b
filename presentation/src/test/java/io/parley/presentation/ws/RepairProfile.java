package io.parley.presentation.ws;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Upkeep every second and a repair every round, so that repairs can be seen within seconds. */
public class RepairProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.cluster.node-ttl", "3s", "parley.cluster.repair-interval", "1s");
    }
}
