package io.parley.presentation.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A fixed HTML page served over HTTP on loopback, at every path: a web origin of its own, which
 * browsers treat as a secure context (so camera, microphone and WebRTC work there).
 */
public final class LoopbackPage implements AutoCloseable {

    private final HttpServer server;

    private LoopbackPage(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code html} on a free loopback port. */
    public static LoopbackPage serve(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new LoopbackPage(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve a page on loopback", e);
        }
    }

    /** The page's address, {@code http://127.0.0.1:<port>/}. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
