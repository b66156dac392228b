package io.parley.presentation.ws;

import io.parley.core.session.CloseCause;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The signalling socket: one authenticated peer per connection, JSON text frames in and out, and binary
 * frames of audio both ways during a voice session. Every
 * callback runs on the socket's event loop and returns at once; the socket's {@link SignalConnection}
 * does the work, handing what blocks to workers.
 */
@WebSocket(path = "/ws/v1/signal/{peerId}", endpointId = SignalSocket.ENDPOINT_ID)
public class SignalSocket {

    static final String ENDPOINT_ID = "signal";
    private static final Logger LOG = Logger.getLogger(SignalSocket.class);
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private final SignalConnections connections;

    SignalSocket(SignalConnections connections) {
        this.connections = connections;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        connections.open(connection);
        return DONE;
    }

    @OnTextMessage
    public Uni<Void> onText(String raw, WebSocketConnection connection) {
        SignalConnections.of(connection).ifPresent(opened -> opened.onText(raw));
        return DONE;
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(Buffer data, WebSocketConnection connection) {
        SignalConnections.of(connection).ifPresent(opened -> opened.onBinary(data.getBytes()));
        return DONE;
    }

    /** Pongs answer the pings of {@link SocketPinger}, which carry the number of the last frame sent. */
    @OnPongMessage
    public Uni<Void> onPong(Buffer data, WebSocketConnection connection) {
        long seq = data.length() == Long.BYTES ? data.getLong(0) : -1;
        SignalConnections.of(connection).ifPresent(opened -> opened.onPong(seq));
        return DONE;
    }

    @OnClose
    public Uni<Void> onClose(WebSocketConnection connection) {
        SignalConnections.of(connection).ifPresent(opened -> {
            CloseReason reason = connection.closeReason();
            Optional<String> ours = opened.channel().closedFor();
            String description = ours.map(r -> "closed with " + r).orElseGet(() -> reason == null ? "closed"
                    : "closed with " + reason.getCode() + (reason.getMessage() == null || reason.getMessage().isEmpty()
                            ? "" : " " + reason.getMessage()));
            boolean replaced = opened.channel().closedBy().filter(cause -> cause == CloseCause.REPLACED).isPresent();
            opened.onClosed(description, !replaced);
        });
        return DONE;
    }

    @OnError
    public void onError(WebSocketConnection connection, Throwable failure) {
        LOG.debugf("socket error on %s: %s", connection.id(), failure.getMessage());
    }
}
