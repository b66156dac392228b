package io.parley.presentation.ws;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Small rooms, short windows and timeouts, so that limits and expiry can be seen in seconds. */
public class SessionLifecycleProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.limits.max-room-peers", "2",
                "parley.session.resume-window", "3s",
                "parley.session.resume.max-frames", "5",
                "parley.session.idle-timeout", "2s",
                "parley.session.ping-interval", "500ms",
                "parley.session.stuck-timeout", "2s",
                "parley.session.handover-timeout", "1s",
                "parley.cluster.node-ttl", "3s");
    }
}
