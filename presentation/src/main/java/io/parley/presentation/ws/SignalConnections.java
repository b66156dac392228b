package io.parley.presentation.ws;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase;
import io.parley.core.port.in.ConnectClientUseCase.ResumeRequest;
import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.in.KeepAliveUseCase;
import io.parley.core.session.ConnectionLimits;
import io.parley.core.session.SessionId;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/** Opens a {@link SignalConnection} for each upgraded socket and gives it what it works with. */
@Singleton
class SignalConnections {

    private static final Logger LOG = Logger.getLogger(SignalConnections.class);
    private static final UserData.TypedKey<SignalConnection> CONNECTION = new UserData.TypedKey<>("parley.connection");

    private final ConnectClientUseCase connect;
    private final DisconnectClientUseCase disconnect;
    private final KeepAliveUseCase keepAlive;
    private final ClientFrameParser parser;
    private final ServerFrames frames;
    private final SocketErrors errors;
    private final RelayFrames relays;
    private final RoomFrames rooms;
    private final ConversationFrames conversations;
    private final VoiceFrames voices;
    private final ActiveVoices activeVoices;
    private final BlockingWork blocking;
    private final ConnectionLimits limits;
    private final BufferBudget budget;

    SignalConnections(ConnectClientUseCase connect, DisconnectClientUseCase disconnect, KeepAliveUseCase keepAlive,
            ClientFrameParser parser, ServerFrames frames, SocketErrors errors, RelayFrames relays, RoomFrames rooms,
            ConversationFrames conversations, VoiceFrames voices, ActiveVoices activeVoices, BlockingWork blocking,
            ConnectionLimits limits, BufferBudget budget) {
        this.connect = connect;
        this.disconnect = disconnect;
        this.keepAlive = keepAlive;
        this.parser = parser;
        this.frames = frames;
        this.errors = errors;
        this.relays = relays;
        this.rooms = rooms;
        this.conversations = conversations;
        this.voices = voices;
        this.activeVoices = activeVoices;
        this.blocking = blocking;
        this.limits = limits;
        this.budget = budget;
    }

    /** Starts admitting the socket's peer; called on the socket's event loop. */
    void open(WebSocketConnection connection) {
        AuthenticatedPeer peer = connection.userData().get(SignalUpgradeCheck.PEER);
        SignalConnection opened = new SignalConnection(this, Vertx.currentContext(),
                new SocketChannel(connection, frames, limits, budget), peer);
        connection.userData().put(CONNECTION, opened);
        opened.admit(resumeRequest(connection.handshakeRequest().query()));
    }

    static Optional<SignalConnection> of(WebSocketConnection connection) {
        return Optional.ofNullable(connection.userData().get(CONNECTION));
    }

    void disconnect(SessionId session, SocketChannel channel, String description, boolean resumable) {
        blocking.run(() -> {
            disconnect.disconnect(session, channel, description, resumable);
            return null;
        }).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "failed to close session %s", session);
            }
        });
    }

    void logAdmissionFailure(Throwable failure) {
        LOG.errorf(failure, "failed to admit a connection");
    }

    /** The upgrade's {@code resume} and {@code seen} query parameters. */
    static Optional<ResumeRequest> resumeRequest(String query) {
        if (query == null) {
            return Optional.empty();
        }
        String token = null;
        OptionalLong seen = OptionalLong.empty();
        for (String pair : query.split("&")) {
            if (pair.startsWith("resume=") && pair.length() > "resume=".length()) {
                token = URLDecoder.decode(pair.substring("resume=".length()), StandardCharsets.UTF_8);
            } else if (pair.startsWith("seen=")) {
                try {
                    seen = OptionalLong.of(Long.parseLong(pair.substring("seen=".length())));
                } catch (NumberFormatException e) {
                    seen = OptionalLong.empty();
                }
            }
        }
        return token == null ? Optional.empty() : Optional.of(new ResumeRequest(token, seen));
    }

    ConnectClientUseCase connect() {
        return connect;
    }

    KeepAliveUseCase keepAlive() {
        return keepAlive;
    }

    ClientFrameParser parser() {
        return parser;
    }

    ServerFrames frames() {
        return frames;
    }

    SocketErrors errors() {
        return errors;
    }

    RelayFrames relays() {
        return relays;
    }

    RoomFrames rooms() {
        return rooms;
    }

    ConversationFrames conversations() {
        return conversations;
    }

    VoiceFrames voices() {
        return voices;
    }

    ActiveVoices activeVoices() {
        return activeVoices;
    }

    BlockingWork blocking() {
        return blocking;
    }

    ConnectionLimits limits() {
        return limits;
    }

    BufferBudget budget() {
        return budget;
    }
}
