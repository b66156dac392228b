package io.parley.presentation.ws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalSocketEndToEndTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void tenantTokenConnectMessageAndTheConversationIsListedWithBothTurns() {
        TenantAccess tenant = Parley.newTenant();
        String token = Parley.token(tenant, "alice");

        try (SocketClient socket = SocketClient.connect(Parley.socketUri(base, "alice"),
                Map.of("Authorization", "Bearer " + token))) {
            JsonNode welcome = socket.next();
            assertThat(welcome.path("type").asText()).isEqualTo("welcome");
            assertThat(welcome.path("peerId").asText()).isEqualTo("alice");
            assertThat(welcome.path("tenantId").asText()).isEqualTo(tenant.id());
            assertThat(welcome.path("protocol").asInt()).isEqualTo(1);
            assertThat(welcome.path("sessionId").asText()).isNotBlank();

            socket.send("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"hello there\"}");
            JsonNode response = socket.next();
            assertThat(response.path("type").asText()).isEqualTo("response");
            assertThat(response.path("replyTo").asText()).isEqualTo("m1");
            assertThat(response.path("text").asText()).isEqualTo("Hello! How can I help you today?");
            String conversationId = response.path("conversationId").asText();

            socket.send("{\"type\":\"message\",\"id\":\"m2\",\"text\":\"something else\"}");
            JsonNode second = socket.next();
            assertThat(second.path("conversationId").asText()).isEqualTo(conversationId);

            given().header("X-Api-Key", tenant.apiKey())
                    .get("/api/v1/conversations")
                    .then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].id", equalTo(conversationId))
                    .body("items[0].peerId", equalTo("alice"))
                    .body("items[0].channel", equalTo("web"))
                    .body("items[0].status", equalTo("active"))
                    .body("items[0].turns", hasSize(4))
                    .body("items[0].turns[0].role", equalTo("user"))
                    .body("items[0].turns[0].text", equalTo("hello there"))
                    .body("items[0].turns[1].role", equalTo("assistant"))
                    .body("items[0].turns[1].text", equalTo("Hello! How can I help you today?"));
        }
    }

    @Test
    void aMessageCanContinueAnEarlierConversationAfterReconnecting() {
        TenantAccess tenant = Parley.newTenant();
        String conversationId;
        try (SocketClient first = Parley.connect(base, tenant, "bob")) {
            first.send("{\"type\":\"message\",\"id\":\"a\",\"text\":\"hi\"}");
            conversationId = first.next().path("conversationId").asText();
        }
        try (SocketClient again = Parley.connect(base, tenant, "bob")) {
            again.send("{\"type\":\"message\",\"id\":\"b\",\"text\":\"still me\",\"conversationId\":\""
                    + conversationId + "\"}");
            JsonNode response = again.next();
            assertThat(response.path("type").asText()).isEqualTo("response");
            assertThat(response.path("conversationId").asText()).isEqualTo(conversationId);
        }
        given().header("X-Api-Key", tenant.apiKey())
                .get("/api/v1/conversations/" + conversationId)
                .then().statusCode(200)
                .body("turns", hasSize(4))
                .body("turns[2].text", equalTo("still me"));
    }

    @Test
    void anotherPeersConversationCannotBeContinued() {
        TenantAccess tenant = Parley.newTenant();
        String conversationId;
        try (SocketClient carol = Parley.connect(base, tenant, "carol")) {
            carol.send("{\"type\":\"message\",\"text\":\"hi\"}");
            conversationId = carol.next().path("conversationId").asText();
        }
        try (SocketClient dave = Parley.connect(base, tenant, "dave")) {
            dave.send("{\"type\":\"message\",\"id\":\"x\",\"text\":\"hijack\",\"conversationId\":\""
                    + conversationId + "\"}");
            JsonNode error = dave.next();
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo("conversation_not_found");
            assertThat(error.path("replyTo").asText()).isEqualTo("x");
        }
    }

    @Test
    void endingAConversationMakesTheNextMessageStartANewOne() {
        TenantAccess tenant = Parley.newTenant();
        try (SocketClient socket = Parley.connect(base, tenant, "erin")) {
            socket.send("{\"type\":\"message\",\"text\":\"hi\"}");
            String first = socket.next().path("conversationId").asText();
            socket.send("{\"type\":\"end\",\"id\":\"e1\"}");
            JsonNode ended = socket.next();
            assertThat(ended.path("type").asText()).isEqualTo("ended");
            assertThat(ended.path("conversationId").asText()).isEqualTo(first);
            socket.send("{\"type\":\"message\",\"text\":\"hi again\"}");
            assertThat(socket.next().path("conversationId").asText()).isNotEqualTo(first);

            given().header("X-Api-Key", tenant.apiKey())
                    .get("/api/v1/conversations/" + first)
                    .then().statusCode(200).body("status", equalTo("ended"));
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        TenantAccess tenant = Parley.newTenant();
        try (SocketClient socket = Parley.connect(base, tenant, "pinger")) {
            socket.send("{\"type\":\"ping\",\"id\":\"p1\"}");
            JsonNode pong = socket.next();
            assertThat(pong.path("type").asText()).isEqualTo("pong");
            assertThat(pong.path("replyTo").asText()).isEqualTo("p1");
        }
    }

    @Test
    void connectAndDisconnectAreAuditedWithDurationAndCounts() throws Exception {
        TenantAccess tenant = Parley.newTenant();
        try (SocketClient socket = Parley.connect(base, tenant, "audited")) {
            socket.send("{\"type\":\"message\",\"text\":\"hi\"}");
            socket.next();
        }
        JsonNode disconnected = null;
        for (int i = 0; i < 50 && disconnected == null; i++) {
            var events = given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/session-events")
                    .then().statusCode(200).extract().jsonPath().getList("items", Map.class);
            disconnected = events.stream().filter(e -> "disconnected".equals(e.get("type")))
                    .findFirst().map(e -> new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(e))
                    .map(JsonNode.class::cast).orElse(null);
            if (disconnected == null) {
                Thread.sleep(100);
            }
        }
        assertThat(disconnected).as("disconnected event").isNotNull();
        assertThat(disconnected.path("peerId").asText()).isEqualTo("audited");
        assertThat(disconnected.path("messageCount").asLong()).isEqualTo(1);
        assertThat(disconnected.path("durationMs").isNumber()).isTrue();
        assertThat(disconnected.path("reason").asText()).contains("1000");
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/session-events")
                .then().body("items.type", org.hamcrest.Matchers.hasItem("connected"));
    }
}
