package io.parley.presentation.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The URLs providers reach this node at, from {@code parley.public-base-url}: what their signatures
 * cover, and where Parley tells them to send media ({@code https} → {@code wss}).
 */
@ApplicationScoped
public class PublicUrls {

    private final Optional<String> base;

    public PublicUrls(@ConfigProperty(name = "parley.public-base-url") Optional<String> base) {
        this.base = base.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** Whether phone calls can be taken: the public URL is configured. */
    public boolean configured() {
        return base.isPresent();
    }

    /** The public https URL of a path (with its raw query, if any). */
    public String of(String path, String rawQuery) {
        return base.orElseThrow(PublicUrls::unset) + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    /** The public WebSocket URL of a path: wss for https, ws for http. */
    public String websocketOf(String path) {
        String http = base.orElseThrow(PublicUrls::unset);
        return (http.startsWith("https://") ? "wss://" + http.substring(8) : "ws://" + http.substring(7)) + path;
    }

    private static IllegalStateException unset() {
        return new IllegalStateException("parley.public-base-url is not configured");
    }
}
