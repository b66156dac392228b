package io.parley.presentation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.presentation.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class TokenApiTest {

    @Test
    void issuesAnRs256JwtWithTheDocumentedClaims() throws Exception {
        Parley.TenantAccess tenant = Parley.newTenant();
        var response = given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body("{\"peerId\":\"alice\",\"ttlSeconds\":120}")
                .post("/api/v1/tokens")
                .then().statusCode(200).body("token", notNullValue()).extract();
        String[] parts = response.<String>path("token").split("\\.");
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("iss").asText()).isEqualTo("parley");
        assertThat(claims.path("aud").isArray() ? claims.path("aud").get(0).asText() : claims.path("aud").asText())
                .isEqualTo("parley");
        assertThat(claims.path("sub").asText()).isEqualTo("alice");
        assertThat(claims.path("tenant").asText()).isEqualTo(tenant.id());
        assertThat(claims.path("jti").asText()).isNotBlank();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(120);
        Instant expiresAt = Instant.parse(response.path("expiresAt"));
        assertThat(expiresAt.getEpochSecond()).isEqualTo(claims.path("exp").asLong());
    }

    @Test
    void ttlDefaultsToOneHour() throws Exception {
        Parley.TenantAccess tenant = Parley.newTenant();
        String token = given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body("{\"peerId\":\"alice\"}")
                .post("/api/v1/tokens").then().statusCode(200).extract().path("token");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void missingApiKeyIs401() {
        given().contentType("application/json").body("{\"peerId\":\"alice\"}")
                .post("/api/v1/tokens")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void unknownApiKeyIs401() {
        given().contentType("application/json").header("X-Api-Key", "pk_unknown").body("{\"peerId\":\"alice\"}")
                .post("/api/v1/tokens")
                .then().statusCode(401);
    }

    @Test
    void aPeerTokenInsteadOfTheApiKeyIs403() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("Authorization", "Bearer " + Parley.token(tenant, "alice"))
                .body("{\"peerId\":\"alice\"}")
                .post("/api/v1/tokens")
                .then().statusCode(403).body("error", equalTo("forbidden"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"peerId\":\"\"}", "{\"peerId\":\"has space\"}", "{\"peerId\":\"a/b\"}",
            "{\"peerId\":\"ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp\"}", "{\"peerId\":\"alice\",\"ttlSeconds\":0}",
            "{\"peerId\":\"alice\",\"ttlSeconds\":-5}", "{\"peerId\":\"alice\",\"ttlSeconds\":86401}",
            "{\"peerId\":\"alice\",\"ttlSeconds\":\"soon\"}", "{\"peerId\":7}", "not json", ""})
    void invalidRequestsAre400WithAReason(String body) {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey()).body(body)
                .post("/api/v1/tokens")
                .then().statusCode(400).body("error", notNullValue()).body("message", notNullValue());
    }
}
