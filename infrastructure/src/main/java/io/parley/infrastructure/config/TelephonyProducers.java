package io.parley.infrastructure.config;

import io.parley.application.telephony.ConfigureTelephonyService;
import io.parley.core.port.in.ConfigureTelephonyUseCase;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.infrastructure.crypto.AesGcmSecretBox;
import io.parley.infrastructure.crypto.GeneratedSecretKey;
import io.parley.infrastructure.crypto.SecretKeys;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires tenants' telephony settings: their use case and the keys their secrets are sealed with. */
@ApplicationScoped
public class TelephonyProducers {

    /** Read at startup, so a malformed parley.crypto.keys stops the node before it serves anything. */
    @Produces
    @Singleton
    @Startup
    SecretKeys secretKeys(ParleyConfig config) {
        return config.crypto().keys()
                .map(keys -> SecretKeys.parse(keys, "parley.crypto.keys"))
                .orElseGet(() -> GeneratedSecretKey.under(config.dataDir().resolve("crypto")));
    }

    @Produces
    @Singleton
    AesGcmSecretBox secretBox(SecretKeys keys) {
        return new AesGcmSecretBox(keys);
    }

    @Produces
    @ApplicationScoped
    ConfigureTelephonyUseCase configureTelephony(TelephonyAccounts accounts) {
        return new ConfigureTelephonyService(accounts);
    }
}
