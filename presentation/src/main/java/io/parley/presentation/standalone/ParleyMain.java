package io.parley.presentation.standalone;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;
import java.util.Optional;

/**
 * The node's entry point. With external PostgreSQL and Redis configured it just runs the application; with
 * neither, it first starts a standalone PostgreSQL and Redis under the data directory (and an admin token),
 * points the application at them, and stops them once the application has stopped.
 */
@QuarkusMain
public final class ParleyMain {

    private ParleyMain() {
    }

    public static void main(String... args) {
        LaunchSettings settings = LaunchSettings.read();
        Optional<String> invalid = settings.halfConfigured();
        if (invalid.isPresent()) {
            LauncherLog.error(invalid.get(), null);
            System.exit(1);
        }
        if (!settings.standalone()) {
            Quarkus.run(args);
            return;
        }
        StandaloneNode node;
        try {
            node = StandaloneNode.start(settings);
        } catch (Exception e) {
            LauncherLog.error("standalone: could not start the embedded PostgreSQL and Redis under "
                    + settings.dataDir().toAbsolutePath().normalize(), e);
            System.exit(1); // the shutdown hook stops whatever had started
            return;
        }
        for (Map.Entry<String, String> setting : node.settings().entrySet()) {
            System.setProperty(setting.getKey(), setting.getValue());
        }
        StandaloneWelcome.prepare(node.welcome());
        node.applicationStarting();
        Quarkus.run(StandaloneApplication.class, node::applicationStopped, args);
    }
}
