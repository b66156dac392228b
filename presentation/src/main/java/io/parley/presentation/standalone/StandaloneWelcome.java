package io.parley.presentation.standalone;

import java.nio.file.Path;
import java.util.Optional;

/** What a standalone node prints once it serves: where to point a browser and how to reach the admin API. */
record StandaloneWelcome(int httpPort, Path dataDir, GeneratedAdminToken generatedToken) {

    private static volatile StandaloneWelcome prepared;

    /** Handed over by the launcher before the application starts. */
    static void prepare(StandaloneWelcome welcome) {
        prepared = welcome;
    }

    static Optional<StandaloneWelcome> prepared() {
        return Optional.ofNullable(prepared);
    }

    /** The text, with the admin token itself only on the start that generated it. */
    String text(String demoPageSecret) {
        StringBuilder text = new StringBuilder("\n\n  Parley is running standalone (embedded PostgreSQL and Redis, data in ")
                .append(dataDir.toAbsolutePath().normalize()).append(").\n")
                .append("  Demo page:          http://localhost:").append(httpPort).append("/#demo=").append(demoPageSecret)
                .append("\n")
                .append("  Demo tenant:        choose \"Use the demo tenant\" on that page (its API key is in ")
                .append(dataDir.toAbsolutePath().normalize().resolve("demo-api-key")).append(")\n");
        if (generatedToken == null) {
            text.append("  Admin token:        the one you configured (PARLEY_ADMIN_TOKEN)\n");
        } else if (generatedToken.fresh()) {
            text.append("  Admin token:        ").append(generatedToken.value()).append("\n")
                    .append("                      shown once; kept in ").append(generatedToken.file()).append("\n");
        } else {
            text.append("  Admin token:        in ").append(generatedToken.file()).append("\n");
        }
        return text.append("  Not for a cluster or production: see \"Run in production\" in README.md.\n").toString();
    }
}
