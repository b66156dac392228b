package io.parley.infrastructure.deepgram;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Deepgram is ({@code parley.deepgram.base-url}: {@code ws://} or {@code wss://}, a host, an
 * optional port and path) and how to open one of its sockets with {@code Authorization: Token <key>}.
 */
record DeepgramEndpoint(boolean ssl, String host, int port, String basePath) {

    /** How long the TCP connect, TLS and upgrade together may take. */
    static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    /**
     * A client for one kind of Deepgram socket: TLS (for wss) trusts the JVM's trust store and checks
     * the host name; room for two sockets per voice session (a lost one may still be closing).
     */
    static WebSocketClientOptions clientOptions(String name, int voiceSessions) {
        return new WebSocketClientOptions().setName(name).setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setVerifyHost(true).setMaxConnections(Math.max(50, voiceSessions * 2))
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22).setClosingTimeout(5);
    }

    static DeepgramEndpoint parse(String baseUrl) {
        URI uri = URI.create(baseUrl.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ssl = scheme.equals("wss") || scheme.equals("https");
        if (!ssl && !scheme.equals("ws") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("parley.deepgram.base-url must look like wss://host[:port][/path], not "
                    + baseUrl);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new DeepgramEndpoint(ssl, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80, path);
    }

    /** Empty when the base URL can be used; else why not. */
    static Optional<String> problemWith(String baseUrl) {
        try {
            parse(baseUrl);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Options to open {@code path} (such as {@code /v1/listen}) with these query parameters, in order. */
    WebSocketConnectOptions socket(String path, Map<String, String> query, String apiKey) {
        StringBuilder uri = new StringBuilder(basePath).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return new WebSocketConnectOptions().setSsl(ssl).setHost(host).setPort(port).setURI(uri.toString())
                .putHeader("Authorization", "Token " + apiKey).setTimeout(HANDSHAKE_TIMEOUT_MILLIS);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
