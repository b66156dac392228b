package io.parley.presentation.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Drives a running Parley over its public HTTP API, as a tenant would. */
public final class Parley {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private Parley() {
    }

    /** A new tenant (unique name) with its API key and id. */
    public static TenantAccess newTenant() {
        Response response = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .body(Map.of("name", "Tenant " + UUID.randomUUID()))
                .post("/api/v1/tenants");
        response.then().statusCode(201);
        return new TenantAccess(response.path("id"), response.path("apiKey"));
    }

    /** Caps the tenant's live connections across all nodes. */
    public static void capConnections(TenantAccess tenant, int max) {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .body("{\"maxConnections\":" + max + "}")
                .patch("/api/v1/tenants/" + tenant.id())
                .then().statusCode(200);
    }

    /** A signed token for a peer of the tenant. */
    public static String token(TenantAccess tenant, String peerId) {
        return given().contentType(ContentType.JSON)
                .header("X-Api-Key", tenant.apiKey())
                .body(Map.of("peerId", peerId))
                .post("/api/v1/tokens")
                .then().statusCode(200)
                .extract().path("token");
    }

    /** The signalling socket URI for a peer, on the test server behind {@code httpBase}. */
    public static URI socketUri(URI httpBase, String peerId) {
        return URI.create(httpBase.toString().replaceFirst("^http", "ws").replaceAll("/$", "")
                + "/ws/v1/signal/" + peerId);
    }

    /** Connects the peer with a fresh token and consumes the welcome frame. */
    public static SocketClient connect(URI httpBase, TenantAccess tenant, String peerId) {
        SocketClient client = SocketClient.connect(socketUri(httpBase, peerId),
                Map.of("Authorization", "Bearer " + token(tenant, peerId)));
        String type = client.next().path("type").asText();
        if (!"welcome".equals(type)) {
            throw new AssertionError("expected welcome, got " + type);
        }
        return client;
    }

    /** The tenant's session events (newest first), as the API shows them. */
    public static List<Map<String, Object>> sessionEvents(TenantAccess tenant) {
        return given().header("X-Api-Key", tenant.apiKey()).queryParam("limit", 500).get("/api/v1/session-events")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Waits until the tenant's audit trail shows an event that passes {@code wanted} (it is written later). */
    public static Map<String, Object> awaitSessionEvent(TenantAccess tenant, String what,
            Predicate<Map<String, Object>> wanted) {
        return Await.until(what, () -> sessionEvents(tenant), events -> events.stream().anyMatch(wanted))
                .stream().filter(wanted).findFirst().orElseThrow();
    }

    /** A tenant's id and API key. */
    public record TenantAccess(String id, String apiKey) {
    }
}
