package io.parley.presentation.telephony;

import static io.restassured.RestAssured.given;

import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.twilio.TwilioCallSimulator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A new tenant with a scripted agent and a Twilio account owning one fresh number, and calls to that number. */
record TwilioTenant(TenantAccess access, String accountSid, String authToken, String number) {

    static final String PUBLIC = "https://voice.example.test";

    static TwilioTenant create(Map<String, Object> agent) {
        TenantAccess access = Parley.newTenant();
        byte[] token = new byte[16];
        ThreadLocalRandom.current().nextBytes(token);
        TwilioTenant tenant = new TwilioTenant(access, TwilioCallSimulator.newSid("AC"),
                HexFormat.of().formatHex(token), "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        given().contentType("application/json").header("X-Api-Key", access.apiKey()).body(agent)
                .put("/api/v1/agents/default").then().statusCode(200);
        given().contentType("application/json").header("X-Api-Key", access.apiKey())
                .body(Map.of("accountSid", tenant.accountSid, "authToken", tenant.authToken,
                        "numbers", List.of(tenant.number)))
                .put("/api/v1/telephony/twilio").then().statusCode(200);
        return tenant;
    }

    /** A new call from a caller to this tenant's number, signed with its auth token. */
    TwilioCallSimulator dial(int localPort) {
        return TwilioCallSimulator.dial(PUBLIC, localPort, authToken, accountSid, "+15557654321", number);
    }

    String apiKey() {
        return access.apiKey();
    }
}
