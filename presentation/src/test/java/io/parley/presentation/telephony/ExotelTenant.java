package io.parley.presentation.telephony;

import static io.restassured.RestAssured.given;

import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.exotel.ExotelCallSimulator;
import java.util.Map;

/** A new tenant with a scripted agent and an Exotel account (fresh SID, API key and token), and calls on it. */
record ExotelTenant(TenantAccess access, String accountSid, String exotelKey, String exotelToken) {

    static ExotelTenant create(Map<String, Object> agent) {
        TenantAccess access = Parley.newTenant();
        ExotelTenant tenant = new ExotelTenant(access, "parley" + ExotelCallSimulator.newSid().substring(0, 12),
                "key" + ExotelCallSimulator.newSid(), "tok" + ExotelCallSimulator.newSid());
        given().contentType("application/json").header("X-Api-Key", access.apiKey()).body(agent)
                .put("/api/v1/agents/default").then().statusCode(200);
        given().contentType("application/json").header("X-Api-Key", access.apiKey())
                .body(Map.of("accountSid", tenant.accountSid, "apiKey", tenant.exotelKey,
                        "apiToken", tenant.exotelToken))
                .put("/api/v1/telephony/exotel").then().statusCode(200);
        return tenant;
    }

    /** A new call on this tenant's account from a caller to its Exotel number, with the account's credentials. */
    ExotelCallSimulator call(int localPort) {
        return ExotelCallSimulator.call(localPort, accountSid, "09876543210", "08047112233")
                .credentials(exotelKey, exotelToken);
    }

    String apiKey() {
        return access.apiKey();
    }
}
