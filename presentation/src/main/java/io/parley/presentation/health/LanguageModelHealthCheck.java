package io.parley.presentation.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports whether an LLM is configured; scripted agents work without one, so this never fails readiness. */
@Readiness
@ApplicationScoped
public class LanguageModelHealthCheck implements HealthCheck {

    private final boolean configured;

    public LanguageModelHealthCheck(@ConfigProperty(name = "parley.llm.base-url") Optional<String> baseUrl) {
        this.configured = baseUrl.filter(url -> !url.isBlank()).isPresent();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("language-model")
                .up()
                .withData("configured", configured)
                .withData("status", configured ? "configured" : "not configured: llm agents answer agent_unavailable")
                .build();
    }
}
