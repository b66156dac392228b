package io.parley.presentation.ws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.FakeOpenAiServer;
import io.parley.presentation.support.FakeOpenAiServer.Mode;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FakeOpenAiServer.class, restrictToAnnotatedClass = true)
class LanguageModelAgentTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    RedisDataSource redis;

    TenantAccess tenant;

    @BeforeEach
    void llmAgent() {
        FakeOpenAiServer.reset();
        tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body(Map.of("name", "Ada", "kind", "llm", "systemPrompt", "You are Ada.", "model", "test-model",
                        "fallback", "unused"))
                .put("/api/v1/agents/default")
                .then().statusCode(200).body("kind", equalTo("llm"));
    }

    @Test
    void streamedAnswerArrivesAsDeltasThenTheWholeResponseWithTokensRecorded() {
        String conversationId;
        try (SocketClient socket = Parley.connect(base, tenant, "alice")) {
            socket.send("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"Say hello\"}");
            StringBuilder streamed = new StringBuilder();
            JsonNode frame = socket.next();
            while ("response.delta".equals(frame.path("type").asText())) {
                assertThat(frame.path("replyTo").asText()).isEqualTo("m1");
                streamed.append(frame.path("delta").asText());
                frame = socket.next();
            }
            assertThat(streamed.toString()).isEqualTo("Hello world");
            assertThat(frame.path("type").asText()).isEqualTo("response");
            assertThat(frame.path("text").asText()).isEqualTo("Hello world");
            assertThat(frame.has("truncated")).isFalse();
            conversationId = frame.path("conversationId").asText();
        }
        FakeOpenAiServer.Recorded request = FakeOpenAiServer.requests().get(0);
        assertThat(request.authorization()).isEqualTo("Bearer sk-test-key");
        assertThat(request.body().path("model").asText()).isEqualTo("test-model");
        assertThat(request.body().path("stream").asBoolean()).isTrue();
        assertThat(request.body().path("max_tokens").isInt()).isTrue();
        assertThat(request.body().path("max_tokens").asInt()).isEqualTo(FakeOpenAiServer.MAX_TOKENS);
        assertThat(request.body().path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(request.body().path("messages").get(0).path("content").asText()).isEqualTo("You are Ada.");
        assertThat(request.body().path("messages").get(1).path("content").asText()).isEqualTo("Say hello");

        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/" + conversationId)
                .then().statusCode(200)
                .body("turns", hasSize(2))
                .body("turns[1].text", equalTo("Hello world"))
                .body("turns[1].tokens", equalTo(42));
    }

    @Test
    void anAnswerLongerThanTwentyThousandCharactersIsSentAndStoredWhole() {
        FakeOpenAiServer.answerWithChars(25_000);
        Answer answer = ask("frank");
        String whole = FakeOpenAiServer.longText(0, 25_000);
        assertThat(answer.streamed()).isEqualTo(whole);
        assertThat(answer.response().path("text").asText()).isEqualTo(whole);
        assertThat(answer.response().has("truncated")).isFalse();
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/" + answer.conversationId())
                .then().statusCode(200)
                .body("turns", hasSize(2))
                .body("turns[1].text", equalTo(whole))
                .body("turns[1].tokens", equalTo(42));
    }

    @Test
    void anAnswerPastMaxAnswerCharsIsCutThereMarkedStoredAndItsStreamClosed() {
        FakeOpenAiServer.answer(Mode.ENDLESS);
        Answer answer = ask("grace");
        String cut = FakeOpenAiServer.longText(0, 100_000) + " […]";
        assertThat(answer.response().path("truncated").asBoolean()).isTrue();
        assertThat(answer.response().path("text").asText()).isEqualTo(cut);
        assertThat(answer.streamed()).isEqualTo(cut);
        assertThat(FakeOpenAiServer.awaitHangUp(Duration.ofSeconds(1))).isGreaterThanOrEqualTo(100_000);
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/" + answer.conversationId())
                .then().statusCode(200)
                .body("turns", hasSize(2))
                .body("turns[1].role", equalTo("assistant"))
                .body("turns[1].text", equalTo(cut));
    }

    @Test
    void nulInTheModelsAnswerIsReplacedBeforeItIsSentOrStored() {
        FakeOpenAiServer.answer(Mode.NUL);
        Answer answer = ask("heidi");
        assertThat(answer.streamed()).isEqualTo("Hel\uFFFDlo");
        assertThat(answer.response().path("text").asText()).isEqualTo("Hel\uFFFDlo");
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/" + answer.conversationId())
                .then().statusCode(200)
                .body("turns[1].text", equalTo("Hel\uFFFDlo"))
                .body("turns[1].tokens", equalTo(42));
    }

    @Test
    void contextCarriesEarlierTurnsAndIsRebuiltFromPostgresWhenTheCacheIsEmpty() {
        try (SocketClient socket = Parley.connect(base, tenant, "bob")) {
            socket.send("{\"type\":\"message\",\"text\":\"first\"}");
            String conversationId = socket.nextOfType("response").path("conversationId").asText();
            redis.key().del("parley:ctx:" + conversationId);
            socket.send("{\"type\":\"message\",\"text\":\"second\"}");
            socket.nextOfType("response");
            socket.send("{\"type\":\"message\",\"text\":\"third\"}");
            socket.nextOfType("response");
        }
        List<String> contents = FakeOpenAiServer.requests().get(2).body().path("messages").findValuesAsText("content");
        assertThat(contents).containsExactly("You are Ada.", "first", "Hello world", "second", "Hello world", "third");
    }

    @Test
    void modelErrorGivesAgentUnavailableAndKeepsTheUserTurn() {
        FakeOpenAiServer.answer(Mode.HTTP_ERROR);
        assertAgentUnavailableKeepsUserTurn("carol");
    }

    @Test
    void streamCutOffBeforeTheEndGivesAgentUnavailable() {
        FakeOpenAiServer.answer(Mode.CUT_OFF);
        assertAgentUnavailableKeepsUserTurn("dave");
    }

    @Test
    void modelTooSlowGivesAgentUnavailableAfterTheTimeout() {
        FakeOpenAiServer.answer(Mode.STALL);
        long started = System.nanoTime();
        assertAgentUnavailableKeepsUserTurn("erin");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_500);
    }

    /** Sends one message as the peer; returns the deltas joined and the response frame that followed them. */
    private Answer ask(String peer) {
        try (SocketClient socket = Parley.connect(base, tenant, peer)) {
            socket.send("{\"type\":\"message\",\"id\":\"q\",\"text\":\"Tell me everything\"}");
            StringBuilder streamed = new StringBuilder();
            JsonNode frame = socket.next();
            while ("response.delta".equals(frame.path("type").asText())) {
                streamed.append(frame.path("delta").asText());
                frame = socket.next();
            }
            assertThat(frame.path("type").asText()).as("frame after the deltas: %s", frame).isEqualTo("response");
            assertThat(frame.path("replyTo").asText()).isEqualTo("q");
            return new Answer(streamed.toString(), frame);
        }
    }

    /** What a client saw of one answer. */
    private record Answer(String streamed, JsonNode response) {
        String conversationId() {
            return response.path("conversationId").asText();
        }
    }

    private void assertAgentUnavailableKeepsUserTurn(String peer) {
        String conversationId;
        try (SocketClient socket = Parley.connect(base, tenant, peer)) {
            socket.send("{\"type\":\"message\",\"id\":\"q\",\"text\":\"are you there?\"}");
            JsonNode error = socket.nextOfType("error");
            assertThat(error.path("code").asText()).isEqualTo("agent_unavailable");
            assertThat(error.path("replyTo").asText()).isEqualTo("q");
            conversationId = error.path("conversationId").asText();
            socket.send("{\"type\":\"ping\",\"id\":\"p\"}");
            assertThat(socket.nextOfType("pong").path("replyTo").asText()).isEqualTo("p");
        }
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/" + conversationId)
                .then().statusCode(200)
                .body("turns", hasSize(1))
                .body("turns[0].role", equalTo("user"))
                .body("turns[0].text", equalTo("are you there?"));
    }

    @Test
    void aSocketThatClosesMidAnswerStopsTheModelsStream() {
        FakeOpenAiServer.answer(Mode.ENDLESS);
        SocketClient socket = Parley.connect(base, tenant, "leaver");
        socket.send("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"talk forever\"}");
        assertThat(socket.nextOfType("response.delta").path("replyTo").asText()).isEqualTo("m1");
        socket.close();
        assertThat(FakeOpenAiServer.awaitHangUp(java.time.Duration.ofSeconds(3))).as("characters streamed before")
                .isPositive();
    }
}
