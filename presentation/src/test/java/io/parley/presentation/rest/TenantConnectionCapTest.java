package io.parley.presentation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.parley.presentation.support.Parley;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class TenantConnectionCapTest {

    @TestHTTPResource("/")
    URI base;

    private void cap(Parley.TenantAccess tenant, String value) {
        given().contentType("application/json").header("Authorization", "Bearer " + Parley.ADMIN_TOKEN)
                .body("{\"maxConnections\":" + value + "}")
                .patch("/api/v1/tenants/" + tenant.id())
                .then().statusCode(200).body("id", equalTo(tenant.id()));
    }

    @Test
    void aCappedTenantGetsNoMoreLiveConnectionsThanItsCap() throws Exception {
        Parley.TenantAccess tenant = Parley.newTenant();
        cap(tenant, "2");
        try (SocketClient a = Parley.connect(base, tenant, "a"); SocketClient b = Parley.connect(base, tenant, "b")) {
            SocketClient c = SocketClient.connect(Parley.socketUri(base, "c"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "c")));
            assertThat(c.awaitClose()).isEqualTo(1013);
            Parley.TenantAccess other = Parley.newTenant();
            try (SocketClient unaffected = Parley.connect(base, other, "c")) {
                unaffected.send("{\"type\":\"ping\"}");
                assertThat(unaffected.next().path("type").asText()).isEqualTo("pong");
            }
        }
        for (int i = 0; i < 50; i++) {
            try (SocketClient again = SocketClient.connect(Parley.socketUri(base, "c"),
                    Map.of("Authorization", "Bearer " + Parley.token(tenant, "c")))) {
                if ("welcome".equals(again.next().path("type").asText())) {
                    break;
                }
            } catch (AssertionError closedStill) {
                Thread.sleep(100);
            }
        }
        cap(tenant, "null");
        Parley.awaitSessionEvent(tenant, "capacity refusal", e -> "tenant at capacity".equals(e.get("reason")));
    }

    @Test
    void clearingTheCapAnswersNull() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("Authorization", "Bearer " + Parley.ADMIN_TOKEN)
                .body("{\"maxConnections\":null}")
                .patch("/api/v1/tenants/" + tenant.id())
                .then().statusCode(200).body("maxConnections", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"maxConnections\":0}", "{\"maxConnections\":-1}", "{\"maxConnections\":1.5}",
            "{\"maxConnections\":\"3\"}", "{\"maxConnections\":99999999999}", "[]", "nope"})
    void invalidCapsAre400(String body) {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("Authorization", "Bearer " + Parley.ADMIN_TOKEN).body(body)
                .patch("/api/v1/tenants/" + tenant.id())
                .then().statusCode(400).body("error", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void unknownTenantIs404AndAuthIsRequired() {
        given().contentType("application/json").header("Authorization", "Bearer " + Parley.ADMIN_TOKEN)
                .body("{\"maxConnections\":3}")
                .patch("/api/v1/tenants/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().contentType("application/json").body("{\"maxConnections\":3}")
                .patch("/api/v1/tenants/" + java.util.UUID.randomUUID())
                .then().statusCode(401);
    }
}
