package io.parley.infrastructure.persistence;

import io.agroal.api.AgroalDataSource;
import io.parley.core.conversation.Turn;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Stores one turn with a single INSERT on a pooled connection: the path every agent turn of every call takes,
 * kept free of an ORM session (inside a transaction the connection is the transaction's, so it joins it).
 */
@ApplicationScoped
class TurnInserts {

    private static final String INSERT = "insert into turns (conversation_id, role, text, spoken_at, tokens,"
            + " interrupted, stt_latency_ms, llm_first_token_ms, tts_first_byte_ms, user_to_bot_ms)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;

    TurnInserts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(UUID conversationId, Turn turn) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, conversationId);
            insert.setString(2, turn.role().name());
            insert.setString(3, turn.text());
            insert.setObject(4, turn.at().atOffset(ZoneOffset.UTC));
            insert.setLong(5, turn.tokens());
            insert.setBoolean(6, turn.interrupted());
            setOptional(insert, 7, turn.metrics().sttLatencyMs());
            setOptional(insert, 8, turn.metrics().llmFirstTokenMs());
            setOptional(insert, 9, turn.metrics().ttsFirstByteMs());
            setOptional(insert, 10, turn.metrics().userToBotMs());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a turn of conversation " + conversationId, e);
        }
    }

    private static void setOptional(PreparedStatement statement, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.getAsLong());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }
}
