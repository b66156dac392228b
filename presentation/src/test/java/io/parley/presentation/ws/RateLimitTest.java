package io.parley.presentation.ws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The test profile allows 30 messages a minute per tenant+peer. */
@QuarkusTest
class RateLimitTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void messagesOverTheLimitAreRefusedAcrossReconnectsAndNotStored() {
        TenantAccess tenant = Parley.newTenant();
        try (SocketClient socket = Parley.connect(base, tenant, "chatty")) {
            for (int i = 0; i < 20; i++) {
                socket.send("{\"type\":\"message\",\"text\":\"hi " + i + "\"}");
                assertThat(socket.next().path("type").asText()).isEqualTo("response");
            }
        }
        try (SocketClient socket = Parley.connect(base, tenant, "chatty")) {
            for (int i = 20; i < 30; i++) {
                socket.send("{\"type\":\"message\",\"text\":\"hi " + i + "\"}");
                assertThat(socket.next().path("type").asText()).isEqualTo("response");
            }
            socket.send("{\"type\":\"message\",\"id\":\"over\",\"text\":\"one too many\"}");
            JsonNode limited = socket.next();
            assertThat(limited.path("type").asText()).isEqualTo("error");
            assertThat(limited.path("code").asText()).isEqualTo("rate_limited");
            assertThat(limited.path("replyTo").asText()).isEqualTo("over");
            assertThat(limited.path("retryAfterMs").asLong()).isBetween(1L, 60_000L);
            socket.send("{\"type\":\"ping\",\"id\":\"p\"}");
            assertThat(socket.next().path("type").asText()).isEqualTo("pong");
        }
        try (SocketClient otherPeer = Parley.connect(base, tenant, "quiet")) {
            otherPeer.send("{\"type\":\"message\",\"text\":\"hello\"}");
            assertThat(otherPeer.next().path("type").asText()).isEqualTo("response");
        }
        given().header("X-Api-Key", tenant.apiKey()).queryParam("peerId", "chatty").get("/api/v1/conversations")
                .then().statusCode(200)
                .body("items.turns.flatten().text", org.hamcrest.Matchers.not(hasItem("one too many")));
        Parley.awaitSessionEvent(tenant, "rate_limited", e -> "rate_limited".equals(e.get("type")));
    }
}
