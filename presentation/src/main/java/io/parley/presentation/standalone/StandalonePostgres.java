package io.parley.presentation.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (the zonky binaries) run by the node on a free loopback port, its data kept
 * under the node's data directory so a restart finds its tenants and conversations again.
 */
final class StandalonePostgres implements AutoCloseable {

    static final String DATABASE = "parley";

    private final EmbeddedPostgres server;

    private StandalonePostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts the server on {@code dataDir} (created on first start) with a database and role for the node. */
    static StandalonePostgres start(Path dataDir, String user, String password) throws IOException, SQLException {
        Path dir = Files.createDirectories(dataDir).toAbsolutePath().normalize();
        LeftoverProcess.stop(dir.resolve("postmaster.pid"), "postgres", dir);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(LoopbackPorts.free())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's test defaults trade durability for speed; a standalone node keeps what it wrote
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        StandalonePostgres postgres = new StandalonePostgres(server);
        try {
            postgres.ensureOwnerAndDatabase(user, password);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** The JDBC URL of the node's database. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
    }

    private void ensureOwnerAndDatabase(String user, String password) throws SQLException {
        try (Connection admin = server.getPostgresDatabase().getConnection()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                try (Statement create = admin.createStatement()) {
                    create.execute("CREATE ROLE " + quoteIdentifier(user) + " LOGIN PASSWORD " + quoteLiteral(password));
                }
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                try (Statement create = admin.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE + " OWNER " + quoteIdentifier(user));
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String quoteLiteral(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    /** Stops the server (a fast shutdown: open sessions are ended, committed data is on disk). */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
