package io.parley.presentation.telephony;

import static io.restassured.RestAssured.given;

import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A new tenant with a scripted agent and a Vapi secret, posting server events as Vapi would and reading its calls. */
record VapiTenant(TenantAccess access, String secret) {

    static final String EVENTS = "/telephony/vapi/events";

    static VapiTenant create(Map<String, Object> agent) {
        TenantAccess access = Parley.newTenant();
        VapiTenant tenant = new VapiTenant(access, "vapi-" + UUID.randomUUID());
        given().contentType("application/json").header("X-Api-Key", access.apiKey()).body(agent)
                .put("/api/v1/agents/default").then().statusCode(200);
        given().contentType("application/json").header("X-Api-Key", access.apiKey())
                .body(Map.of("secret", tenant.secret)).put("/api/v1/telephony/vapi").then().statusCode(200);
        return tenant;
    }

    /** Posts the event with this tenant's secret. */
    Response post(Object event) {
        return given().contentType("application/json").header(VapiEventsResource.SECRET, secret).body(event)
                .post(EVENTS);
    }

    List<Map<String, Object>> calls() {
        return given().header("X-Api-Key", access.apiKey()).get("/api/v1/calls").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    JsonPath conversation(String id) {
        return given().header("X-Api-Key", access.apiKey()).get("/api/v1/conversations/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}
