package io.parley.presentation.standalone;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A standalone node's own services and the order they stop in: the application first (it drains its
 * sockets and writes what it still holds), then Redis and PostgreSQL, whether the node exits by itself or
 * the JVM is asked to stop (SIGTERM, Ctrl-C).
 */
final class StandaloneNode {

    /** How long a JVM shutdown waits for the application to stop before stopping the services anyway. */
    private static final long APPLICATION_STOP_WAIT_SECONDS = 120;

    private final LaunchSettings settings;
    private final CountDownLatch applicationStopped = new CountDownLatch(1);
    private final AtomicBoolean jvmStopping = new AtomicBoolean();
    /** Set once both servers run; a JVM stopped before that finds what started in the pid files next time. */
    private volatile StandaloneServices services;
    private volatile GeneratedAdminToken generatedToken;
    private volatile boolean applicationStarting;

    private StandaloneNode(LaunchSettings settings) {
        this.settings = settings;
    }

    static StandaloneNode start(LaunchSettings settings) throws Exception {
        LauncherLog.warn("standalone: no QUARKUS_DATASOURCE_JDBC_URL or QUARKUS_REDIS_HOSTS configured, so this node runs its"
                + " own PostgreSQL and Redis. For evaluation and development only: not for a cluster or production.");
        DataDirLock.acquire(settings.dataDir());
        StandaloneNode node = new StandaloneNode(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(node::onJvmShutdown, "parley-standalone-shutdown"));
        node.services = StandaloneServices.start(settings.dataDir(), settings.datasourceUser(),
                settings.datasourcePassword());
        if (settings.adminToken().isEmpty()) {
            node.generatedToken = GeneratedAdminToken.loadOrCreate(settings.dataDir());
        }
        return node;
    }

    /** The application is about to start: from now on a JVM shutdown waits for it to stop first. */
    void applicationStarting() {
        applicationStarting = true;
    }

    /** The settings that point the application at the services (and at the generated admin token). */
    Map<String, String> settings() {
        Map<String, String> all = new LinkedHashMap<>(services.settings());
        all.put("parley.standalone", "true");
        if (generatedToken != null) {
            all.put("parley.admin-token", generatedToken.value());
        }
        return all;
    }

    /** What the node tells its user once it is ready. */
    StandaloneWelcome welcome() {
        return new StandaloneWelcome(settings.httpPort(), settings.dataDir(), generatedToken);
    }

    /** Stops the servers (also when the launcher fails after starting them). */
    void stopServices() {
        StandaloneServices running = services;
        if (running != null) {
            running.close();
        }
    }

    /** Quarkus's exit handler: the application has stopped, so the services can go; then the JVM exits. */
    void applicationStopped(int exitCode, Throwable failure) {
        if (failure != null) {
            LauncherLog.error("the application failed", failure);
        }
        stopServices();
        applicationStopped.countDown();
        if (!jvmStopping.get()) {
            System.exit(failure != null && exitCode == 0 ? 1 : exitCode);
        }
    }

    private void onJvmShutdown() {
        jvmStopping.set(true);
        try {
            if (applicationStarting && !applicationStopped.await(APPLICATION_STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LauncherLog.warn("standalone: the application did not stop within " + APPLICATION_STOP_WAIT_SECONDS
                        + " s; stopping PostgreSQL and Redis");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopServices();
    }
}
