package io.parley.core.telephony;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's request as its signature covers it: the public URL it was sent to, its form
 * parameters, and the signature header (absent when the request carried none).
 */
public record SignedRequest(String url, Map<String, String> params, Optional<String> signature) {

    public SignedRequest {
        Objects.requireNonNull(url);
        params = Map.copyOf(params);
        Objects.requireNonNull(signature);
    }

    /** A parameter, or empty when absent or blank. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name)).filter(value -> !value.isBlank());
    }
}
