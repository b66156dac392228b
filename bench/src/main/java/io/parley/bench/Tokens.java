package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/** Gets a peer's access token from Parley's {@code POST /api/v1/tokens}, as a client app's backend does. */
final class Tokens {

    private final HttpClient http;
    private final URI base;
    private final String apiKey;

    Tokens(HttpClient http, String base, String apiKey) {
        this.http = http;
        this.base = URI.create(base);
        this.apiKey = apiKey;
    }

    Future<String> token(String peer) {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
                        .setPort(base.getPort()).setURI("/api/v1/tokens")
                        .putHeader("Content-Type", "application/json").putHeader("X-Api-Key", apiKey))
                .compose(request -> request.send(new JsonObject().put("peerId", peer).encode()))
                .compose(response -> response.body())
                .map(body -> new JsonObject(body).getString("token"));
    }
}
