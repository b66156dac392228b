package io.parley.presentation.standalone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A node on external services (every ordinary node) has no demo tenant to give. */
@QuarkusTest
class NotStandaloneTest {

    @Test
    void thereIsNoDemoTenant() {
        given().get("/standalone/demo-tenant").then().statusCode(404).body("error", equalTo("not_standalone"));
    }

    @Test
    void theDemoPageAndTheClientAreServed() {
        given().get("/").then().statusCode(200).header("Content-Type", org.hamcrest.Matchers.startsWith("text/html"));
        given().get("/js/parley-client.js").then().statusCode(200);
    }
}
