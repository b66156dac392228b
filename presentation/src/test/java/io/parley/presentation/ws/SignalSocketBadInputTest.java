package io.parley.presentation.ws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalSocketBadInputTest {

    @TestHTTPResource("/")
    URI base;

    TenantAccess tenant;

    @BeforeEach
    void tenant() {
        tenant = Parley.newTenant();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json at all                                    | invalid_message |",
            "[1,2,3]                                            | invalid_message |",
            "{\"id\":\"n1\"}                                    | invalid_message | n1",
            "{\"type\":42,\"id\":\"n2\"}                        | invalid_message | n2",
            "{\"type\":\"dance\",\"id\":\"n3\"}                 | unknown_type    | n3",
            "{\"type\":\"message\",\"id\":\"n4\"}               | invalid_message | n4",
            "{\"type\":\"message\",\"id\":\"n5\",\"text\":\"\"} | invalid_message | n5",
            "{\"type\":\"message\",\"id\":\"n6\",\"text\":7}    | invalid_message | n6",
            "{\"type\":\"message\",\"id\":\"n7\",\"text\":\"hi\",\"conversationId\":\"nope\"} | invalid_message | n7",
            "{\"type\":\"message\",\"id\":{\"x\":1},\"text\":\"hi\"} | invalid_message |",
            "{\"type\":\"end\",\"id\":\"n8\"}                   | conversation_not_found | n8",
    })
    void badFramesGetAnErrorFrameAndTheConnectionStaysUsable(String frame, String code, String replyTo) {
        try (SocketClient socket = Parley.connect(base, tenant, "fuzzer")) {
            socket.send(frame.strip());
            JsonNode error = socket.next();
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo(code);
            assertThat(error.path("message").asText()).isNotBlank();
            if (replyTo == null) {
                assertThat(error.has("replyTo")).isFalse();
            } else {
                assertThat(error.path("replyTo").asText()).isEqualTo(replyTo);
            }
            assertStillServes(socket);
        }
    }

    @Test
    void textOverTheCharacterLimitIsTooLarge() {
        try (SocketClient socket = Parley.connect(base, tenant, "talker")) {
            socket.send("{\"type\":\"message\",\"id\":\"big\",\"text\":\"" + "a".repeat(4001) + "\"}");
            JsonNode error = socket.next();
            assertThat(error.path("code").asText()).isEqualTo("too_large");
            assertThat(error.path("replyTo").asText()).isEqualTo("big");
            socket.send("{\"type\":\"message\",\"id\":\"ok\",\"text\":\"" + "a".repeat(4000) + "\"}");
            assertThat(socket.next().path("type").asText()).isEqualTo("response");
        }
    }

    @Test
    void binaryFramesAreRefusedWithAnErrorFrame() {
        try (SocketClient socket = Parley.connect(base, tenant, "binary")) {
            socket.sendBinary(new byte[] {1, 2, 3});
            JsonNode error = socket.next();
            assertThat(error.path("code").asText()).isEqualTo("invalid_message");
            assertStillServes(socket);
        }
    }

    @Test
    void nulInMessageTextIsInvalidAndNothingIsStored() {
        try (SocketClient socket = Parley.connect(base, tenant, "nul")) {
            socket.send("{\"type\":\"message\",\"id\":\"z\",\"text\":\"a\\u0000b\"}");
            JsonNode error = socket.next();
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo("invalid_message");
            assertThat(error.path("message").asText()).contains("NUL");
            assertThat(error.path("replyTo").asText()).isEqualTo("z");
            assertStillServes(socket);
        }
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aCloseReasonWithNulIsRecordedWithAReplacementCharacter() throws InterruptedException {
        Parley.connect(base, tenant, "leaver").close(1000, "gone\0away");
        String recorded = "closed with 1000 gone\uFFFDaway";
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> reasons = reasons();
        while (!reasons.contains(recorded)) {
            assertThat(System.nanoTime()).as("a disconnected event with reason %s, got %s", recorded, reasons)
                    .isLessThan(deadline);
            Thread.sleep(50);
            reasons = reasons();
        }
    }

    private List<String> reasons() {
        return given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/session-events")
                .then().statusCode(200).extract().jsonPath().getList("items.reason", String.class);
    }

    @Test
    void framesOverTheByteLimitCloseTheSocketWith1009() {
        try (SocketClient socket = Parley.connect(base, tenant, "flooder")) {
            socket.send("{\"type\":\"message\",\"text\":\"" + "a".repeat(70_000) + "\"}");
            assertThat(socket.awaitClose()).isEqualTo(1009);
        }
        try (SocketClient again = Parley.connect(base, tenant, "flooder")) {
            assertStillServes(again);
        }
    }

    private static void assertStillServes(SocketClient socket) {
        socket.send("{\"type\":\"ping\",\"id\":\"alive\"}");
        JsonNode pong = socket.next();
        assertThat(pong.path("type").asText()).isEqualTo("pong");
        assertThat(pong.path("replyTo").asText()).isEqualTo("alive");
    }
}
