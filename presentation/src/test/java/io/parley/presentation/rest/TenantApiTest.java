package io.parley.presentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.parley.presentation.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class TenantApiTest {

    @Test
    void adminCreatesATenantAndSeesItsKeyOnce() {
        given().contentType("application/json").header("Authorization", "Bearer " + Parley.ADMIN_TOKEN)
                .body("{\"name\":\"  Acme  \"}")
                .post("/api/v1/tenants")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("name", equalTo("Acme"))
                .body("apiKey", startsWith("pk_"))
                .body("createdAt", notNullValue());
    }

    @Test
    void theNewTenantHasADefaultScriptedAgent() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body("{\"name\":\"Bot\",\"kind\":\"scripted\",\"fallback\":\"ok\"}")
                .put("/api/v1/agents/default")
                .then().statusCode(200).body("kind", equalTo("scripted"));
    }

    @Test
    void missingAdminTokenIs401() {
        given().contentType("application/json").body("{\"name\":\"Acme\"}")
                .post("/api/v1/tenants")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void wrongAdminTokenIs401() {
        given().contentType("application/json").header("Authorization", "Bearer nope").body("{\"name\":\"Acme\"}")
                .post("/api/v1/tenants")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void aTenantApiKeyIsForbiddenOnTheAdminApi() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("Authorization", "Bearer " + tenant.apiKey())
                .body("{\"name\":\"Acme\"}")
                .post("/api/v1/tenants")
                .then().statusCode(403).body("error", equalTo("forbidden"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":42}", "{\"name\":[\"a\"]}",
            "{\"name\":", "null", "[]"})
    void invalidBodiesAre400WithAReason(String body) {
        given().contentType("application/json").header("Authorization", "Bearer " + Parley.ADMIN_TOKEN)
                .body(body)
                .post("/api/v1/tenants")
                .then().statusCode(400)
                .body("error", notNullValue())
                .body("message", notNullValue());
    }

    @Test
    void nulInTheNameIs400NamingTheField() {
        given().contentType("application/json").header("Authorization", "Bearer " + Parley.ADMIN_TOKEN)
                .body("{\"name\":\"Acme\\u0000Corp\"}")
                .post("/api/v1/tenants")
                .then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("message", startsWith("name must not contain NUL"));
    }

    @Test
    void tooLongNameIs400() {
        given().contentType("application/json").header("Authorization", "Bearer " + Parley.ADMIN_TOKEN)
                .body("{\"name\":\"" + "x".repeat(201) + "\"}")
                .post("/api/v1/tenants")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void wrongContentTypeIs415AsJson() {
        given().contentType("text/plain").header("Authorization", "Bearer " + Parley.ADMIN_TOKEN)
                .body("name=Acme")
                .post("/api/v1/tenants")
                .then().statusCode(415).body("error", equalTo("unsupported_media_type"));
    }
}
