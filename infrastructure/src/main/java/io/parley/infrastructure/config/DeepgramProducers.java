package io.parley.infrastructure.config;

import io.parley.infrastructure.deepgram.DeepgramSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the Deepgram adapters: their settings, taken from {@code parley.deepgram.*}. */
@ApplicationScoped
public class DeepgramProducers {

    @Produces
    @Singleton
    DeepgramSettings deepgramSettings(ParleyConfig config) {
        return DeepgramSettings.of(config);
    }
}
