package io.parley.presentation.standalone;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The few settings the launcher needs before the application starts, read from the same places and in the
 * same order as the application reads them (system properties, environment, .env, config/ and the built-in
 * application.properties, with the active profile).
 */
record LaunchSettings(Optional<String> datasourceUrl, Optional<String> redisHosts, String datasourceUser,
        String datasourcePassword, Optional<String> adminToken, Path dataDir, int httpPort) {

    static LaunchSettings read() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String profile = Optional.ofNullable(System.getProperty("quarkus.profile"))
                .or(() -> Optional.ofNullable(System.getenv("QUARKUS_PROFILE"))).orElse("prod");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .forClassLoader(loader)
                .addDefaultSources()
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(loader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem("config/application.properties", 260, loader))
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, loader))
                .withProfile(profile)
                .build();
        return new LaunchSettings(
                nonBlank(config, "quarkus.datasource.jdbc.url"),
                nonBlank(config, "quarkus.redis.hosts"),
                nonBlank(config, "quarkus.datasource.username").orElse("parley"),
                nonBlank(config, "quarkus.datasource.password").orElse("parley"),
                nonBlank(config, "parley.admin-token"),
                Path.of(nonBlank(config, "parley.data-dir").orElse("./data")),
                config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080));
    }

    /** True when neither an external database nor an external Redis is configured. */
    boolean standalone() {
        return datasourceUrl.isEmpty() && redisHosts.isEmpty();
    }

    /** Why the settings cannot start a node, when only one of the two external services is configured. */
    Optional<String> halfConfigured() {
        if (datasourceUrl.isPresent() && redisHosts.isEmpty()) {
            return Optional.of("QUARKUS_DATASOURCE_JDBC_URL is set but QUARKUS_REDIS_HOSTS is not: set both to run"
                    + " against external services, or neither to run a standalone node");
        }
        if (redisHosts.isPresent() && datasourceUrl.isEmpty()) {
            return Optional.of("QUARKUS_REDIS_HOSTS is set but QUARKUS_DATASOURCE_JDBC_URL is not: set both to run"
                    + " against external services, or neither to run a standalone node");
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(SmallRyeConfig config, String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank());
    }
}
