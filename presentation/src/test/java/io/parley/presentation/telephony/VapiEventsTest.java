package io.parley.presentation.telephony;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.parley.presentation.support.Await;
import io.parley.presentation.support.Database;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.vapi.VapiCallEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vapi's server events end to end: a whole call played in order and replayed, the assistant Vapi is told to run,
 * and everything a sender can get wrong — no or a wrong secret, another tenant's call, bad JSON, a huge body.
 */
@QuarkusTest
class VapiEventsTest {

    static final String GREETING = "Hello! You are through to Ada.";
    static final String PROMPT = "You are Ada, the front desk of a dental office.";
    static final String SUMMARY = "The caller asked for the opening hours.";
    static final long T0 = 1_767_261_600_000L;

    VapiTenant tenant;
    VapiCallEvents call = VapiCallEvents.newCall();

    @BeforeEach
    void tenantWithAVapiSecret() {
        tenant = VapiTenant.create(agent("Ada"));
    }

    @Test
    void aWholeCallIsStoredWithItsFinalTranscriptsAndOutcomeAndAReplayChangesNothing() {
        List<Map<String, Object>> events = List.of(call.assistantRequest(), call.statusUpdate("in-progress"),
                call.transcript("partial", "user", "What are", T0),
                call.transcript("final", "user", "What are your hours?", T0 + 100),
                call.transcript("partial", "assistant", "We open", T0 + 200),
                call.transcript("final", "assistant", "We open at nine.", T0 + 300),
                call.endOfCallReport("customer-ended-call", SUMMARY, 42.4));

        JsonPath assistant = tenant.post(events.get(0)).then().statusCode(200).extract().jsonPath();
        assertThat(assistant.getString("assistant.name")).isEqualTo("Ada");
        assertThat(assistant.getString("assistant.firstMessage")).isEqualTo(GREETING);
        assertThat(assistant.getString("assistant.model.provider")).isEqualTo("openai");
        assertThat(assistant.getString("assistant.model.model")).isEqualTo("gpt-4o-mini");
        assertThat(assistant.getList("assistant.model.messages")).containsExactly(
                Map.of("role", "system", "content", PROMPT));
        for (Map<String, Object> event : events.subList(1, events.size())) {
            tenant.post(event).then().statusCode(200).body("$", anEmptyMap());
        }

        List<Map<String, Object>> calls = tenant.calls();
        assertThat(calls).hasSize(1);
        Map<String, Object> stored = calls.get(0);
        assertThat(stored).containsEntry("provider", "vapi").containsEntry("providerCallId", call.callId())
                .containsEntry("from", call.customer()).containsEntry("to", call.number())
                .containsEntry("direction", "inbound").containsEntry("status", "completed")
                .containsEntry("durationSeconds", 42).containsEntry("endedReason", "customer-ended-call")
                .containsEntry("summary", SUMMARY);
        assertThat(historyOf(stored)).containsExactly("ringing", "in-progress", "completed");
        JsonPath conversation = tenant.conversation((String) stored.get("conversationId"));
        assertThat(conversation.getString("channel")).isEqualTo("phone");
        assertThat(conversation.getString("status")).isEqualTo("ended");
        assertThat(conversation.getString("peerId")).isEqualTo("phone-" + call.customer().substring(1));
        assertThat(conversation.getList("turns.role")).containsExactly("user", "assistant");
        assertThat(conversation.getList("turns.text")).containsExactly("What are your hours?", "We open at nine.");

        for (Map<String, Object> event : events) {
            tenant.post(event).then().statusCode(200);
        }
        assertThat(tenant.calls()).as("a replay changes nothing").containsExactly(stored);
        assertThat(tenant.conversation((String) stored.get("conversationId")).getList("turns"))
                .isEqualTo(conversation.getList("turns"));
    }

    @Test
    void withoutOrWithAWrongSecretAnEventIsUnauthorizedAuditedAndStoresNothing() throws SQLException {
        String wrong = "vapi-wrong-secret-" + call.callId();
        try (Connection db = Database.open()) {
            long before = vapiRefusals(db);
            given().contentType("application/json").body(call.assistantRequest()).post(VapiTenant.EVENTS)
                    .then().statusCode(401).body("error", equalTo("unauthorized"))
                    .body("message", equalTo("x-vapi-secret is missing"));
            given().contentType("application/json").header(VapiEventsResource.SECRET, wrong)
                    .body(call.statusUpdate("in-progress")).post(VapiTenant.EVENTS)
                    .then().statusCode(401).body("message", equalTo("x-vapi-secret matches no Vapi account"));
            Await.until("both refusals audited", () -> vapiRefusals(db), count -> count >= before + 2);
            assertThat(auditedReasonsContaining(db, wrong)).as("the secret is never audited").isZero();
        }
        assertThat(tenant.calls()).isEmpty();
    }

    @Test
    void anotherTenantsSecretCannotTouchACall() {
        tenant.post(call.assistantRequest()).then().statusCode(200);
        tenant.post(call.statusUpdate("in-progress")).then().statusCode(200);
        VapiTenant other = VapiTenant.create(agent("Bob"));

        for (Map<String, Object> event : List.of(call.transcript("final", "user", "Cancel everything", T0),
                call.statusUpdate("ended"), call.endOfCallReport("hijacked", "Not yours.", 1))) {
            other.post(event).then().statusCode(403).body("error", equalTo("forbidden"))
                    .body("message", equalTo("the call belongs to another account"));
        }

        Map<String, Object> stored = tenant.calls().get(0);
        assertThat(stored).containsEntry("status", "in-progress").containsEntry("endedReason", null)
                .containsEntry("summary", null);
        JsonPath conversation = tenant.conversation((String) stored.get("conversationId"));
        assertThat(conversation.getList("turns")).isEmpty();
        assertThat(conversation.getString("status")).isEqualTo("active");
        assertThat(other.calls()).isEmpty();
        Parley.awaitSessionEvent(other.access(), "the foreign call audited", event ->
                "call_refused".equals(event.get("type")) && "vapi".equals(event.get("peerId"))
                        && String.valueOf(event.get("reason")).contains("another account"));
    }

    @Test
    void malformedEventsAreBadRequestsAndStoreNothing() {
        postRaw("{not json").then().statusCode(400).body("error", equalTo("invalid_json"));
        postRaw("[1, 2]").then().statusCode(400).body("message", containsString("JSON object"));
        tenant.post(Map.of("message", Map.of("call", Map.of("id", call.callId())))).then().statusCode(400)
                .body("error", equalTo("invalid_request")).body("message", equalTo("message.type is required"));
        tenant.post(Map.of("message", Map.of("type", "status-update", "status", "ended"))).then().statusCode(400)
                .body("message", containsString("message.call.id"));
        tenant.post(call.message("status-update", "ringing", Map.of("status", "sideways"))).then().statusCode(400)
                .body("message", containsString("message.status must be one of"));
        tenant.post(call.message("transcript", "in-progress", Map.of("transcriptType", "final",
                "transcript", "Hi"))).then().statusCode(400).body("message", containsString("message.role"));
        tenant.post(call.message("end-of-call-report", "ended", Map.of("durationSeconds", "long"))).then()
                .statusCode(400).body("message", containsString("message.durationSeconds"));
        assertThat(tenant.calls()).isEmpty();
    }

    @Test
    void unknownKindsAndPartialTranscriptsAreIgnored() {
        tenant.post(call.message("speech-update", "in-progress", Map.of("status", "started", "role", "user")))
                .then().statusCode(200).body("$", anEmptyMap());
        tenant.post(call.transcript("partial", "user", "Hel", T0)).then().statusCode(200).body("$", anEmptyMap());
        assertThat(tenant.calls()).isEmpty();
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedAsTooLarge() {
        String huge = "a".repeat(VapiEventsResource.MAX_BODY_BYTES);
        tenant.post(call.transcript("final", "user", huge, T0)).then().statusCode(413)
                .body("error", equalTo("payload_too_large"));
        assertThat(tenant.calls()).isEmpty();
    }

    private io.restassured.response.Response postRaw(String body) {
        return given().contentType("application/json").header(VapiEventsResource.SECRET, tenant.secret()).body(body)
                .post(VapiTenant.EVENTS);
    }

    @SuppressWarnings("unchecked")
    private static List<String> historyOf(Map<String, Object> call) {
        return ((List<Map<String, Object>>) call.get("history")).stream().map(step -> (String) step.get("status"))
                .toList();
    }

    private static Map<String, Object> agent(String name) {
        return Map.of("name", name, "kind", "scripted", "greeting", GREETING, "systemPrompt", PROMPT,
                "fallback", "Sorry?", "rules", List.of());
    }

    /** How many Vapi refusals of no tenant the audit trail holds, counting repeats. */
    private static long vapiRefusals(Connection db) {
        return count(db, "select coalesce(sum(occurrences), 0) from session_events where type = 'call_refused' "
                + "and peer_id = 'vapi' and tenant_id is null", null);
    }

    private static long auditedReasonsContaining(Connection db, String text) {
        return count(db, "select count(*) from session_events where position(? in reason) > 0", text);
    }

    private static long count(Connection db, String sql, String parameter) {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
