package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.parley.presentation.support.SocketClient.HandshakeRefused;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SmallNodeProfile.class)
class SmallNodeTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void oneConnectionOverCapacityIsClosedWith1013AndAudited() throws Exception {
        TenantAccess tenant = Parley.newTenant();
        try (SocketClient first = Parley.connect(base, tenant, "p1");
                SocketClient second = Parley.connect(base, tenant, "p2")) {
            SocketClient third = SocketClient.connect(Parley.socketUri(base, "p3"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "p3")));
            assertThat(third.awaitClose()).isEqualTo(1013);
            first.send("{\"type\":\"ping\"}");
            assertThat(first.next().path("type").asText()).isEqualTo("pong");
        }
        Parley.awaitSessionEvent(tenant, "capacity_refused", e -> "capacity_refused".equals(e.get("type")));
        awaitFreeSlots(tenant);
    }

    @Test
    void placesFreedByClosedSessionsAreReused() throws Exception {
        TenantAccess tenant = Parley.newTenant();
        for (int i = 0; i < 5; i++) {
            try (SocketClient a = Parley.connect(base, tenant, "a"); SocketClient b = Parley.connect(base, tenant, "b")) {
                a.send("{\"type\":\"ping\"}");
                assertThat(a.next().path("type").asText()).isEqualTo("pong");
            }
            awaitFreeSlots(tenant);
        }
    }

    @Test
    void browsersFromOtherOriginsAreRefusedWith403() {
        TenantAccess tenant = Parley.newTenant();
        try {
            SocketClient.connect(Parley.socketUri(base, "alice"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "alice"), "Origin", "https://evil.example"));
            throw new AssertionError("upgrade accepted");
        } catch (HandshakeRefused e) {
            assertThat(e.status()).isEqualTo(403);
        }
        try (SocketClient allowed = SocketClient.connect(Parley.socketUri(base, "alice"),
                Map.of("Authorization", "Bearer " + Parley.token(tenant, "alice"), "Origin", "https://app.example"))) {
            assertThat(allowed.next().path("type").asText()).isEqualTo("welcome");
        }
    }

    /** Disconnects are processed asynchronously: wait until a fresh connection is admitted again. */
    private void awaitFreeSlots(TenantAccess tenant) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            try (SocketClient probeA = SocketClient.connect(Parley.socketUri(base, "probe-a"),
                    Map.of("X-Api-Key", tenant.apiKey()));
                    SocketClient probeB = SocketClient.connect(Parley.socketUri(base, "probe-b"),
                            Map.of("X-Api-Key", tenant.apiKey()))) {
                if ("welcome".equals(probeA.next().path("type").asText())
                        && "welcome".equals(probeB.next().path("type").asText())) {
                    return;
                }
            } catch (AssertionError notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("closed sessions never freed their places");
    }
}
