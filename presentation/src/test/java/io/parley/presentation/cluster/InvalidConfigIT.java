package io.parley.presentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A node from the built jar refuses to start with a setting out of its range, and says which one. */
class InvalidConfigIT {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "PARLEY_LLM_MAX_TOKENS,       0,       parley.llm.max-tokens",
            "PARLEY_LLM_MAX_TOKENS,       1000001, parley.llm.max-tokens",
            "PARLEY_LLM_MAX_ANSWER_CHARS, 0,       parley.llm.max-answer-chars",
            "PARLEY_VOICE_MAX_SESSIONS,   0,       parley.voice.max-sessions",
            "PARLEY_DEEPGRAM_UTTERANCE_END, 500ms, parley.deepgram.utterance-end",
            "PARLEY_DEEPGRAM_KEEP_ALIVE,  12s,     parley.deepgram.keep-alive",
            "PARLEY_PUBLIC_BASE_URL,      voice.example.com, parley.public-base-url",
            "PARLEY_CRYPTO_KEYS,          k1:c2hvcnQ=,       parley.crypto.keys"})
    void aSettingOutOfRangeStopsTheNodeAtStartupNamingIt(String variable, String value, String key) throws Exception {
        Path logs = NodeProcess.logDirectory();
        String name = "invalid-" + key + "-" + value;
        NodeProcess node = NodeProcess.start(name, NodeProcess.freePort(), Map.of(variable, value,
                "QUARKUS_DATASOURCE_JDBC_URL", NodeProcess.testDatabaseUrl(), "QUARKUS_REDIS_HOSTS", "redis://localhost:6379",
                "PARLEY_DATA_DIR", logs.resolve(name + "-data").toString()), logs);
        try {
            assertThat(node.awaitExit(Duration.ofSeconds(60))).as("the node exited").isTrue();
            assertThat(node.exitValue()).isNotZero();
            assertThat(node.output(logs)).contains(key);
        } finally {
            node.kill();
        }
    }

    @Test
    void aDatabaseWithoutRedisIsRefusedRatherThanHalfStandalone() throws Exception {
        Path logs = NodeProcess.logDirectory();
        NodeProcess node = NodeProcess.start("invalid-half-configured", NodeProcess.freePort(), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", NodeProcess.testDatabaseUrl(),
                "PARLEY_DATA_DIR", logs.resolve("invalid-half-configured-data").toString()), logs);
        try {
            assertThat(node.awaitExit(Duration.ofSeconds(60))).as("the node exited").isTrue();
            assertThat(node.exitValue()).isNotZero();
            assertThat(node.output(logs)).contains("QUARKUS_REDIS_HOSTS is not");
            assertThat(logs.resolve("invalid-half-configured-data/postgres")).doesNotExist();
        } finally {
            node.kill();
        }
    }
}
