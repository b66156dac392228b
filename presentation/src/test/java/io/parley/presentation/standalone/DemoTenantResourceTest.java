package io.parley.presentation.standalone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The demo tenant of a standalone node: its key goes to the page opened at the printed address on the same machine, and to nobody else. */
@QuarkusTest
@TestProfile(StandaloneProfile.class)
class DemoTenantResourceTest {

    private static final String SECRET_HEADER = "X-Parley-Demo-Secret";

    @Inject
    DemoTenant demoTenant;

    @Test
    void aLocalBrowserGetsTheSameWorkingKeyEveryTime() {
        String key = given().header(SECRET_HEADER, demoTenant.pageSecret()).get("/standalone/demo-tenant").then()
                .statusCode(200).extract().path("apiKey");
        assertThat(key).startsWith("pk_");
        given().header("X-Api-Key", key).get("/api/v1/conversations").then().statusCode(200);
        given().header(SECRET_HEADER, demoTenant.pageSecret()).get("/standalone/demo-tenant").then().statusCode(200)
                .body("apiKey", equalTo(key));
    }

    @Test
    void withoutThePrintedPageSecretThereIsNoKey() {
        given().get("/standalone/demo-tenant").then().statusCode(403).body("error", equalTo("forbidden"));
        given().header(SECRET_HEADER, "guessed").get("/standalone/demo-tenant").then().statusCode(403);
    }

    @Test
    void aPageReachingTheNodeUnderAnotherHostNameIsRefused() {
        given().header(SECRET_HEADER, demoTenant.pageSecret()).header("Host", "rebound.example.com").get("/standalone/demo-tenant").then().statusCode(403)
                .body("error", equalTo("forbidden"));
    }

    @Test
    void aRequestRelayedByAProxyOnTheSameMachineIsRefused() {
        given().header(SECRET_HEADER, demoTenant.pageSecret()).header("X-Forwarded-For", "203.0.113.9").get("/standalone/demo-tenant").then().statusCode(403);
        given().header(SECRET_HEADER, demoTenant.pageSecret()).header("Forwarded", "for=203.0.113.9").get("/standalone/demo-tenant").then().statusCode(403);
    }
}
