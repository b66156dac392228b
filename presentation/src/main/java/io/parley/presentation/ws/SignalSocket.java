package io.parley.presentation.ws;

import io.parley.core.InvalidInputException;
import io.parley.core.NotFoundException;
import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase;
import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.in.KeepAliveUseCase;
import io.parley.core.session.SessionId;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The signalling socket: one authenticated peer per connection, JSON text frames in and out.
 * Opening and closing run on workers; frames arrive on the event loop, where relays and pings are
 * answered at once and everything that blocks is handed to {@link FrameHandler}.
 */
@WebSocket(path = "/ws/v1/signal/{peerId}", endpointId = SignalSocket.ENDPOINT_ID)
public class SignalSocket {

    static final String ENDPOINT_ID = "signal";
    static final int CLOSE_TOO_BIG = 1009;
    static final int CLOSE_TRY_AGAIN_LATER = 1013;
    static final int CLOSE_REPLACED = 4409;
    private static final Logger LOG = Logger.getLogger(SignalSocket.class);
    private static final UserData.TypedKey<String> SESSION = UserData.TypedKey.forString("parley.session");
    private static final UserData.TypedKey<SocketChannel> CHANNEL = new UserData.TypedKey<>("parley.channel");

    private final ConnectClientUseCase connect;
    private final DisconnectClientUseCase disconnect;
    private final KeepAliveUseCase keepAlive;
    private final FrameHandler handler;
    private final ClientFrameParser parser;
    private final ServerFrames frames;
    private final int maxPendingFrames;

    public SignalSocket(ConnectClientUseCase connect, DisconnectClientUseCase disconnect, KeepAliveUseCase keepAlive,
            FrameHandler handler, ClientFrameParser parser, ServerFrames frames,
            @ConfigProperty(name = "parley.limits.max-pending-frames", defaultValue = "256") int maxPendingFrames) {
        this.connect = connect;
        this.disconnect = disconnect;
        this.keepAlive = keepAlive;
        this.handler = handler;
        this.parser = parser;
        this.frames = frames;
        this.maxPendingFrames = maxPendingFrames;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        AuthenticatedPeer peer = connection.userData().get(SignalUpgradeCheck.PEER);
        SocketChannel channel = new SocketChannel(connection, frames, maxPendingFrames);
        Optional<String> resume = Optional.ofNullable(connection.handshakeRequest().query())
                .flatMap(SignalSocket::resumeToken);
        ConnectClientUseCase.Result result = connect.connect(peer, channel, resume);
        if (result instanceof ConnectClientUseCase.Result.Connected connected) {
            connection.userData().put(SESSION, connected.session().id().toString());
            connection.userData().put(CHANNEL, channel);
            List<String> opening = new ArrayList<>();
            opening.add(frames.welcome(connected.session()));
            connected.resumed().ifPresent(resumed -> {
                opening.add(frames.resumed(resumed.missedCount(), resumed.lost()));
                opening.addAll(resumed.missedFrames());
            });
            channel.open(opening);
        } else if (result instanceof ConnectClientUseCase.Result.Refused refused) {
            connection.closeAndAwait(new CloseReason(CLOSE_TRY_AGAIN_LATER, refused.reason()));
        }
    }

    @OnTextMessage
    public Uni<Void> onText(String raw, WebSocketConnection connection) {
        Optional<SessionId> session = sessionOf(connection);
        SocketChannel channel = connection.userData().get(CHANNEL);
        if (session.isEmpty() || channel == null) {
            return Uni.createFrom().voidItem();
        }
        keepAlive.heard(session.get());
        if (parser.isTooLarge(raw)) {
            channel.close(CLOSE_TOO_BIG, "frame too large");
            return Uni.createFrom().voidItem();
        }
        try {
            handler.handle(parser.parse(raw), session.get(), connection.pathParam("peerId"), channel);
        } catch (FrameRejectedException e) {
            channel.send(frames.error(e.code(), e.getMessage(), e.replyTo()));
        } catch (InvalidInputException e) {
            channel.send(frames.error(e.code(), e.getMessage(), Optional.empty()));
        } catch (NotFoundException e) {
            channel.send(frames.error("not_found", e.getMessage(), Optional.empty()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "failed to handle a frame of session %s", session.get());
            channel.send(frames.error("internal_error", "the server could not handle the frame", Optional.empty()));
        }
        return Uni.createFrom().voidItem();
    }

    @OnPongMessage
    public Uni<Void> onPong(Buffer data, WebSocketConnection connection) {
        sessionOf(connection).ifPresent(keepAlive::heard);
        return Uni.createFrom().voidItem();
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(Buffer data, WebSocketConnection connection) {
        SocketChannel channel = connection.userData().get(CHANNEL);
        if (channel != null) {
            channel.send(frames.error("invalid_message", "binary frames are not supported; send JSON text",
                    Optional.empty()));
        }
        return Uni.createFrom().voidItem();
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        CloseReason reason = connection.closeReason();
        SocketChannel channel = connection.userData().get(CHANNEL);
        Optional<String> ours = channel == null ? Optional.empty() : channel.closedFor();
        String description = ours.map(r -> "closed with " + r).orElseGet(() -> reason == null ? "closed"
                : "closed with " + reason.getCode()
                        + (reason.getMessage() == null || reason.getMessage().isEmpty() ? "" : " " + reason.getMessage()));
        boolean replaced = ours.map(r -> r.startsWith(CLOSE_REPLACED + " ")).orElse(false)
                || reason != null && reason.getCode() == CLOSE_REPLACED;
        sessionOf(connection).ifPresent(id -> disconnect.disconnect(id, description, !replaced));
    }

    @OnError
    public void onError(WebSocketConnection connection, Throwable failure) {
        LOG.debugf("socket error on %s: %s", connection.id(), failure.getMessage());
    }

    private static Optional<SessionId> sessionOf(WebSocketConnection connection) {
        return Optional.ofNullable(connection.userData().get(SESSION)).map(id -> new SessionId(UUID.fromString(id)));
    }

    /** The {@code resume} parameter of the upgrade's query string. */
    private static Optional<String> resumeToken(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("resume=") && pair.length() > "resume=".length()) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring("resume=".length()),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
