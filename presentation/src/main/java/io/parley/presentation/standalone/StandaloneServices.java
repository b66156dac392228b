package io.parley.presentation.standalone;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * The PostgreSQL and Redis a standalone node runs for itself, under its data directory: started before the
 * application, stopped after it, and the settings that point the application at them.
 */
final class StandaloneServices implements AutoCloseable {

    private final StandalonePostgres postgres;
    private final StandaloneRedis redis;
    private boolean closed;

    private StandaloneServices(StandalonePostgres postgres, StandaloneRedis redis) {
        this.postgres = postgres;
        this.redis = redis;
    }

    /** Starts both under {@code dataDir}/postgres and {@code dataDir}/redis; the database belongs to {@code user}. */
    static StandaloneServices start(Path dataDir, String user, String password) throws IOException, SQLException {
        long started = System.nanoTime();
        StandalonePostgres postgres = StandalonePostgres.start(dataDir.resolve("postgres"), user, password);
        StandaloneRedis redis;
        try {
            redis = StandaloneRedis.start(dataDir.resolve("redis"));
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        LauncherLog.info("standalone: started PostgreSQL (" + postgres.jdbcUrl() + ") and Redis (" + redis.url()
                + ") under " + dataDir.toAbsolutePath().normalize() + " in " + (System.nanoTime() - started) / 1_000_000
                + " ms");
        return new StandaloneServices(postgres, redis);
    }

    /** The settings that point the application at these services. */
    Map<String, String> settings() {
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(), "quarkus.redis.hosts", redis.url());
    }

    /** Stops Redis, then PostgreSQL; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        redis.close();
        try {
            postgres.close();
        } catch (IOException e) {
            LauncherLog.error("standalone: PostgreSQL did not stop cleanly", e);
        }
        LauncherLog.info("standalone: stopped PostgreSQL and Redis");
    }
}
