package io.parley.presentation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AgentApiTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void configuredScriptedRulesAnswerOnTheSocketFirstMatchWins() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body("""
                        {"name":"Sales","kind":"scripted","greeting":"Hi!","systemPrompt":"",
                         "rules":[{"keywords":["price","cost"],"reply":"Plans start at 10 EUR."},
                                  {"keywords":["price"],"reply":"never used"}],
                         "fallback":"Let me find someone."}""")
                .put("/api/v1/agents/default")
                .then().statusCode(200)
                .body("id", notNullValue())
                .body("name", equalTo("Sales"))
                .body("rules[0].keywords[1]", equalTo("cost"))
                .body("fallback", equalTo("Let me find someone."));
        try (SocketClient socket = Parley.connect(base, tenant, "buyer")) {
            socket.send("{\"type\":\"message\",\"text\":\"What does it COST?\"}");
            assertThat(socket.next().path("text").asText()).isEqualTo("Plans start at 10 EUR.");
            socket.send("{\"type\":\"message\",\"text\":\"tell me a joke\"}");
            assertThat(socket.next().path("text").asText()).isEqualTo("Let me find someone.");
        }
    }

    @Test
    void llmAgentWithoutAConfiguredModelAnswersAgentUnavailable() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body("{\"name\":\"Ada\",\"kind\":\"llm\",\"fallback\":\"-\"}")
                .put("/api/v1/agents/default")
                .then().statusCode(200).body("kind", equalTo("llm"));
        try (SocketClient socket = Parley.connect(base, tenant, "asker")) {
            socket.send("{\"type\":\"message\",\"id\":\"q\",\"text\":\"hello?\"}");
            JsonNode error = socket.next();
            assertThat(error.path("code").asText()).isEqualTo("agent_unavailable");
        }
    }

    @Test
    void aRuleMayHangUpAndNoOtherActionIsAccepted() {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body("""
                        {"name":"Desk","kind":"scripted","fallback":"Sorry?",
                         "rules":[{"keywords":["bye"],"reply":"Goodbye!","action":"hangup"},
                                  {"keywords":["hours"],"reply":"Nine to five."}]}""")
                .put("/api/v1/agents/default")
                .then().statusCode(200)
                .body("rules[0].action", equalTo("hangup"))
                .body("rules[1].action", nullValue());
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body("""
                        {"name":"Desk","kind":"scripted","fallback":"Sorry?",
                         "rules":[{"keywords":["bye"],"reply":"Goodbye!","action":"dance"}]}""")
                .put("/api/v1/agents/default")
                .then().statusCode(400).body("message", containsString("hangup"));
    }

    @Test
    void missingApiKeyIs401() {
        given().contentType("application/json").body("{\"name\":\"x\",\"kind\":\"scripted\",\"fallback\":\"f\"}")
                .put("/api/v1/agents/default")
                .then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"kind\":\"scripted\",\"fallback\":\"f\"}",
            "{\"name\":\"x\",\"fallback\":\"f\"}",
            "{\"name\":\"x\",\"kind\":\"robot\",\"fallback\":\"f\"}",
            "{\"name\":\"x\",\"kind\":\"scripted\"}",
            "{\"name\":\"x\",\"kind\":\"scripted\",\"fallback\":\"f\",\"rules\":[{\"keywords\":[],\"reply\":\"r\"}]}",
            "{\"name\":\"x\",\"kind\":\"scripted\",\"fallback\":\"f\",\"rules\":[{\"keywords\":[\"k\"]}]}",
            "{\"name\":\"x\",\"kind\":\"scripted\",\"fallback\":\"f\",\"rules\":[null]}",
            "{\"name\":\"x\",\"kind\":\"scripted\",\"fallback\":\"f\",\"rules\":\"lots\"}",
            "{\"name\":\"x\",\"kind\":\"scripted\",\"fallback\":\"f\",\"rules\":[{\"keywords\":[null],\"reply\":\"r\"}]}",
            "",
            "{"})
    void invalidConfigurationsAre400WithAReason(String body) {
        Parley.TenantAccess tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey()).body(body)
                .put("/api/v1/agents/default")
                .then().statusCode(400).body("error", notNullValue()).body("message", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "greeting", "systemPrompt", "model", "fallback", "rules.keywords", "rules.reply"})
    void nulInAnyTextFieldIs400NamingTheFieldAndTheAgentIsUnchanged(String field) {
        Parley.TenantAccess tenant = Parley.newTenant();
        Map<String, Object> rule = new HashMap<>(Map.of("keywords", List.of("price"), "reply", "Ten euros."));
        Map<String, Object> body = new HashMap<>(Map.of("name", "Sales", "kind", "scripted", "greeting", "Hi",
                "systemPrompt", "Be brief.", "model", "m", "fallback", "Let me find someone."));
        switch (field) {
            case "rules.keywords" -> rule.put("keywords", List.of("pri\0ce"));
            case "rules.reply" -> rule.put("reply", "Ten\0euros.");
            default -> body.put(field, body.get(field) + "\0");
        }
        body.put("rules", List.of(rule));
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey()).body(body)
                .put("/api/v1/agents/default")
                .then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("message", startsWith(field + " must not contain NUL"));
        try (SocketClient socket = Parley.connect(base, tenant, "buyer")) {
            socket.send("{\"type\":\"message\",\"text\":\"hello\"}");
            assertThat(socket.next().path("text").asText()).isEqualTo("Hello! How can I help you today?");
        }
    }
}
