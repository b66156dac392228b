package io.parley.presentation.support.twilio;

import java.net.URI;

/**
 * Parley as Twilio addresses it, {@code parley.public-base-url} (what signatures cover), and where
 * the test server really listens: {@code http://127.0.0.1:port} and {@code ws://127.0.0.1:port}.
 */
record PublicEndpoint(String publicBaseUrl, int localPort) {

    PublicEndpoint {
        if (!publicBaseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("Twilio only calls https:// URLs, not " + publicBaseUrl);
        }
        publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** {@code https://PUBLIC/path}. */
    String https(String path) {
        return publicBaseUrl + path;
    }

    /** {@code wss://PUBLIC/path}. */
    String wss(String path) {
        return "wss" + https(path).substring("https".length());
    }

    /** Where a public {@code https://} or {@code wss://} URL really points, failing for any other host. */
    URI local(String publicUrl) {
        URI url = URI.create(publicUrl);
        if (!url.getRawAuthority().equals(URI.create(publicBaseUrl).getRawAuthority())) {
            throw new AssertionError(publicUrl + " is not on Parley's public base URL " + publicBaseUrl);
        }
        String scheme = switch (url.getScheme()) {
            case "https" -> "http";
            case "wss" -> "ws";
            default -> throw new AssertionError("Twilio would not call " + publicUrl);
        };
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return URI.create(scheme + "://127.0.0.1:" + localPort + url.getRawPath() + query);
    }
}
