package io.parley.presentation.support;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Answers upgrade requests the way Deepgram does: {@code /v1/listen} and {@code /v1/speak} need
 * {@code Authorization: Token <key>} (scheme in any case), else HTTP 401 before any upgrade. Every
 * answer carries a {@code dg-request-id} header; a refusal also carries {@code dg-error} and the same
 * message in a JSON body {@code {"err_code","err_msg","request_id"}} (developers.deepgram.com/docs/
 * stt-troubleshooting-websocket-data-and-net-errors; the INVALID_AUTH body is the one deepgram-go-sdk
 * {@code tests/unit_test/prerecorded_test.go} models; deepgram-python-sdk {@code listen/v1/raw_client.py}
 * maps a 401 upgrade to "invalid credentials").
 */
final class DeepgramUpgrades implements Handler<HttpServerRequest> {

    private final Vertx vertx;

    DeepgramUpgrades(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String path = request.path();
        if (!"/v1/listen".equals(path) && !"/v1/speak".equals(path)) {
            refuse(request, 404, "NOT_FOUND", "Not found.");
            return;
        }
        int outage = FakeDeepgramServer.REFUSALS.next();
        if (outage != 0) {
            String phrase = HttpResponseStatus.valueOf(outage).reasonPhrase();
            refuse(request, outage, phrase.toUpperCase(Locale.ROOT).replace(' ', '_'), phrase + ".");
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (!authorized(authorization)) {
            refuse(request, 401, "INVALID_AUTH", "Invalid credentials.");
            return;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.params().names().forEach(name -> query.put(name, request.params().getAll(name)));
        if ("/v1/listen".equals(path)) {
            listen(request, new ListenRecording(query, authorization));
        } else {
            speak(request, new SpeakRecording(query, authorization));
        }
    }

    private void listen(HttpServerRequest request, ListenRecording recording) {
        HttpConnection connection = request.connection();
        upgrade(request, recording).onSuccess(socket -> {
            ListenSession session = new ListenSession(vertx, socket, connection, recording,
                    FakeDeepgramServer::nextTranscript, FakeDeepgramServer.idleTimeout());
            FakeDeepgramServer.opened(recording, session);
            session.start();
        });
    }

    private void speak(HttpServerRequest request, SpeakRecording recording) {
        SpeakOptions options = SpeakOptions.of(recording.query());
        if (options.encoding().isEmpty()) {
            refuse(request, 400, "INVALID_QUERY_PARAMETER", "The fake Deepgram speaks linear16, mulaw and alaw only.");
            return;
        }
        upgrade(request, recording).onSuccess(socket -> {
            FakeDeepgramServer.opened(recording);
            new SpeakSession(vertx, socket, recording, options, FakeDeepgramServer.speakDelay()).start();
        });
    }

    private static Future<ServerWebSocket> upgrade(HttpServerRequest request, DeepgramRecording recording) {
        request.response().putHeader("dg-request-id", recording.requestId());
        return request.toWebSocket().onFailure(notAnUpgrade -> {
            if (!request.response().ended()) {
                refuse(request, 400, "BAD_REQUEST", "Expected a WebSocket upgrade.");
            }
        });
    }

    private static boolean authorized(String authorization) {
        if (authorization == null) {
            return false;
        }
        String[] parts = authorization.trim().split(" ", 2);
        return parts.length == 2 && "token".equalsIgnoreCase(parts[0])
                && FakeDeepgramServer.API_KEY.equals(parts[1].trim());
    }

    private static void refuse(HttpServerRequest request, int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        String body = JsonNodeFactory.instance.objectNode().put("err_code", code).put("err_msg", message)
                .put("request_id", requestId).toString();
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
                .putHeader("dg-request-id", requestId).putHeader("dg-error", message).end(body);
    }
}
