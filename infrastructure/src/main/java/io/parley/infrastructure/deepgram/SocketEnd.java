package io.parley.infrastructure.deepgram;

import io.vertx.core.http.WebSocket;

/** How a Deepgram socket ended, in words for the log and the listener: its close code and reason, or a lost connection. */
final class SocketEnd {

    private SocketEnd() {
    }

    static String of(WebSocket socket) {
        Short code = socket.closeStatusCode();
        if (code == null) {
            return "connection lost";
        }
        String reason = socket.closeReason();
        return "closed with " + code + (reason == null || reason.isBlank() ? "" : " " + reason);
    }
}
