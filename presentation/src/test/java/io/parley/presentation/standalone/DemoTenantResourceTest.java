package io.parley.presentation.standalone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The demo tenant of a standalone node: its key goes to a browser on the same machine, and to nobody else. */
@QuarkusTest
@TestProfile(StandaloneProfile.class)
class DemoTenantResourceTest {

    @Test
    void aLocalBrowserGetsTheSameWorkingKeyEveryTime() {
        String key = given().get("/standalone/demo-tenant").then().statusCode(200).extract().path("apiKey");
        assertThat(key).startsWith("pk_");
        given().header("X-Api-Key", key).get("/api/v1/conversations").then().statusCode(200);
        given().get("/standalone/demo-tenant").then().statusCode(200).body("apiKey", equalTo(key));
    }

    @Test
    void aPageReachingTheNodeUnderAnotherHostNameIsRefused() {
        given().header("Host", "rebound.example.com").get("/standalone/demo-tenant").then().statusCode(403)
                .body("error", equalTo("forbidden"));
    }

    @Test
    void aRequestRelayedByAProxyOnTheSameMachineIsRefused() {
        given().header("X-Forwarded-For", "203.0.113.9").get("/standalone/demo-tenant").then().statusCode(403);
        given().header("Forwarded", "for=203.0.113.9").get("/standalone/demo-tenant").then().statusCode(403);
    }
}
