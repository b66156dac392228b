package io.parley.presentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.parley.presentation.support.Parley;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ConversationApiTest {

    @TestHTTPResource("/")
    URI base;

    private List<String> startConversations(Parley.TenantAccess tenant, String peer, int count) {
        List<String> ids = new ArrayList<>();
        try (SocketClient socket = Parley.connect(base, tenant, peer)) {
            for (int i = 0; i < count; i++) {
                socket.send("{\"type\":\"message\",\"text\":\"hello " + i + "\"}");
                ids.add(socket.next().path("conversationId").asText());
                socket.send("{\"type\":\"end\"}");
                socket.next();
            }
        }
        return ids;
    }

    @Test
    void listsNewestFirstPaginatedAndFilteredByPeer() {
        Parley.TenantAccess tenant = Parley.newTenant();
        List<String> alice = startConversations(tenant, "alice", 3);
        startConversations(tenant, "bob", 2);
        List<String> newestFirst = new ArrayList<>(alice);
        Collections.reverse(newestFirst);

        given().header("X-Api-Key", tenant.apiKey()).queryParam("peerId", "alice").queryParam("size", 2)
                .get("/api/v1/conversations")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.id", contains(newestFirst.get(0), newestFirst.get(1)));
        given().header("X-Api-Key", tenant.apiKey()).queryParam("peerId", "alice").queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/conversations")
                .then().statusCode(200).body("items.id", contains(newestFirst.get(2)));
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations")
                .then().statusCode(200).body("total", equalTo(5)).body("items", hasSize(5));
    }

    @Test
    void anotherTenantsConversationIs404AndNeverListed() {
        Parley.TenantAccess owner = Parley.newTenant();
        Parley.TenantAccess other = Parley.newTenant();
        String id = startConversations(owner, "alice", 1).get(0);
        given().header("X-Api-Key", other.apiKey()).get("/api/v1/conversations/" + id)
                .then().statusCode(404).body("error", equalTo("not_found"));
        given().header("X-Api-Key", other.apiKey()).get("/api/v1/conversations")
                .then().statusCode(200).body("total", equalTo(0));
        given().header("X-Api-Key", owner.apiKey()).get("/api/v1/conversations/" + id)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void unknownConversationIs404() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void missingOrWrongApiKeyIs401() {
        given().get("/api/v1/conversations").then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("X-Api-Key", "pk_nope").get("/api/v1/conversations").then().statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({"page,-1", "page,abc", "size,0", "size,101", "size,x", "peerId,bad peer"})
    void invalidQueryParametersAre400(String name, String value) {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().header("X-Api-Key", tenant.apiKey()).queryParam(name, value).get("/api/v1/conversations")
                .then().statusCode(400).body("error", notNullValue()).body("message", notNullValue());
    }

    @Test
    void aPageBeyondTheLargestOffsetIs400WithAReasonAndTheLastReachablePageIsEmpty() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().header("X-Api-Key", tenant.apiKey()).queryParam("page", 21_474_837).queryParam("size", 100)
                .get("/api/v1/conversations")
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("message", containsString("(page + 1) * size must be at most 2147483647"));
        given().header("X-Api-Key", tenant.apiKey()).queryParam("page", Integer.MAX_VALUE).queryParam("size", 1)
                .get("/api/v1/conversations")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().header("X-Api-Key", tenant.apiKey()).queryParam("page", 21_474_835).queryParam("size", 100)
                .get("/api/v1/conversations")
                .then().statusCode(200).body("items", empty()).body("page", equalTo(21_474_835));
    }

    @ParameterizedTest
    @CsvSource({"-1", "501", "2147483647", "2147483648", "99999999999999999999", "1e3"})
    void sessionEventsLimitOutOfRangeIs400WithAReason(String limit) {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().header("X-Api-Key", tenant.apiKey()).queryParam("limit", limit).get("/api/v1/session-events")
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("message", containsString("limit"));
    }

    @Test
    void malformedIdIs400() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/not-a-uuid")
                .then().statusCode(400).body("error", equalTo("invalid_id"));
    }

    @Test
    void sessionEventsLimitIsValidated() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().header("X-Api-Key", tenant.apiKey()).queryParam("limit", 0).get("/api/v1/session-events")
                .then().statusCode(400);
        given().header("X-Api-Key", tenant.apiKey()).queryParam("limit", 10).get("/api/v1/session-events")
                .then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() {
        given().get("/api/v1/nothing-here").then().statusCode(404);
        given().header("Authorization", "Bearer " + Parley.ADMIN_TOKEN).delete("/api/v1/tenants")
                .then().statusCode(405).body("error", equalTo("method_not_allowed"));
    }
}
