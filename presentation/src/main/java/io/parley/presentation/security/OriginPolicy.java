package io.parley.presentation.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which browser origins may open sockets: the configured list, or any when it contains "*". */
@ApplicationScoped
public class OriginPolicy {

    private final boolean anyOrigin;
    private final Set<String> allowed;

    public OriginPolicy(@ConfigProperty(name = "parley.allowed-origins", defaultValue = "*") List<String> origins) {
        this.anyOrigin = origins.contains("*");
        this.allowed = origins.stream().map(OriginPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** Requests without an Origin header come from non-browser clients and are allowed. */
    public boolean allows(String origin) {
        return origin == null || anyOrigin || allowed.contains(normalize(origin));
    }

    private static String normalize(String origin) {
        String trimmed = origin.strip().toLowerCase(java.util.Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
