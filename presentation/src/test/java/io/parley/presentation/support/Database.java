package io.parley.presentation.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC to the running server's database, for what the API cannot show or do (locks, plans, tenant-less rows). */
public final class Database {

    private Database() {
    }

    /** A new connection of its own, outside the server's pool and transactions. */
    public static Connection open() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return open(config.getValue("quarkus.datasource.jdbc.url", String.class));
    }

    public static Connection open(String url) throws SQLException {
        return DriverManager.getConnection(url, "parley", "parley");
    }

    /** How many rows, and occurrences in them, the audit trail holds for an event type and claimed peer. */
    public static AuditCount auditCount(Connection connection, String type, String peerId) {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*), coalesce(sum(occurrences), 0) from session_events where type = ? and peer_id = ?")) {
            query.setString(1, type);
            query.setString(2, peerId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new AuditCount(row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of the audit trail, and the occurrences they count. */
    public record AuditCount(long rows, long occurrences) {
    }
}
