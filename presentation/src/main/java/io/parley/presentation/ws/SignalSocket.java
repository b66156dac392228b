package io.parley.presentation.ws;

import io.parley.core.InvalidInputException;
import io.parley.core.NotFoundException;
import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase;
import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.in.EndConversationUseCase;
import io.parley.core.port.in.SendMessageUseCase;
import io.parley.core.session.SessionId;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The signalling socket: one authenticated peer per connection, JSON text frames in and out. */
@WebSocket(path = "/ws/v1/signal/{peerId}", endpointId = SignalSocket.ENDPOINT_ID)
public class SignalSocket {

    static final String ENDPOINT_ID = "signal";
    static final int CLOSE_TOO_BIG = 1009;
    static final int CLOSE_TRY_AGAIN_LATER = 1013;
    private static final Logger LOG = Logger.getLogger(SignalSocket.class);
    private static final UserData.TypedKey<String> SESSION = UserData.TypedKey.forString("parley.session");

    private final ConnectClientUseCase connect;
    private final DisconnectClientUseCase disconnect;
    private final SendMessageUseCase sendMessage;
    private final EndConversationUseCase endConversation;
    private final ClientFrameParser parser;
    private final ServerFrames frames;

    public SignalSocket(ConnectClientUseCase connect, DisconnectClientUseCase disconnect,
            SendMessageUseCase sendMessage, EndConversationUseCase endConversation, ClientFrameParser parser,
            ServerFrames frames) {
        this.connect = connect;
        this.disconnect = disconnect;
        this.sendMessage = sendMessage;
        this.endConversation = endConversation;
        this.parser = parser;
        this.frames = frames;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        AuthenticatedPeer peer = connection.userData().get(SignalUpgradeCheck.PEER);
        ConnectClientUseCase.Result result = connect.connect(peer);
        if (result instanceof ConnectClientUseCase.Result.Connected connected) {
            connection.userData().put(SESSION, connected.session().id().toString());
            connection.sendTextAndAwait(frames.welcome(connected.session()));
        } else if (result instanceof ConnectClientUseCase.Result.Refused refused) {
            connection.closeAndAwait(new CloseReason(CLOSE_TRY_AGAIN_LATER, refused.reason()));
        }
    }

    @OnTextMessage
    public void onText(String raw, WebSocketConnection connection) {
        Optional<SessionId> session = sessionOf(connection);
        if (session.isEmpty()) {
            return;
        }
        if (parser.isTooLarge(raw)) {
            connection.closeAndAwait(new CloseReason(CLOSE_TOO_BIG, "frame too large"));
            return;
        }
        Optional<String> replyTo = Optional.empty();
        try {
            ClientFrame frame = parser.parse(raw);
            replyTo = frame.id();
            connection.sendTextAndAwait(handle(frame, session.get(), connection));
        } catch (FrameRejectedException e) {
            connection.sendTextAndAwait(frames.error(e.code(), e.getMessage(), e.replyTo()));
        } catch (InvalidInputException e) {
            connection.sendTextAndAwait(frames.error(e.code(), e.getMessage(), replyTo));
        } catch (NotFoundException e) {
            connection.sendTextAndAwait(frames.error("conversation_not_found", e.getMessage(), replyTo));
        } catch (RuntimeException e) {
            LOG.errorf(e, "failed to handle a frame of session %s", session.get());
            connection.sendTextAndAwait(frames.error("internal_error", "the server could not handle the frame",
                    replyTo));
        }
    }

    @OnBinaryMessage
    public void onBinary(Buffer data, WebSocketConnection connection) {
        connection.sendTextAndAwait(frames.error("invalid_message", "binary frames are not supported; send JSON text",
                Optional.empty()));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        CloseReason reason = connection.closeReason();
        String description = reason == null ? "closed" : "closed with " + reason.getCode()
                + (reason.getMessage() == null || reason.getMessage().isEmpty() ? "" : " " + reason.getMessage());
        sessionOf(connection).ifPresent(id -> disconnect.disconnect(id, description));
    }

    @OnError
    public void onError(WebSocketConnection connection, Throwable failure) {
        LOG.debugf("socket error on %s: %s", connection.id(), failure.getMessage());
    }

    private String handle(ClientFrame frame, SessionId session, WebSocketConnection connection) {
        if (frame instanceof ClientFrame.Ping ping) {
            return frames.pong(ping.id());
        }
        if (frame instanceof ClientFrame.End end) {
            return frames.ended(end.id(), endConversation.endCurrent(session).toString());
        }
        ClientFrame.Message message = (ClientFrame.Message) frame;
        SendMessageUseCase.Command command = new SendMessageUseCase.Command(session, message.text(),
                message.conversationId());
        SendMessageUseCase.Outcome outcome = sendMessage.send(command,
                delta -> connection.sendTextAndAwait(frames.responseDelta(message.id(), delta)));
        if (outcome instanceof SendMessageUseCase.Outcome.Answered answered) {
            return frames.response(message.id(), answered.conversationId().toString(), answered.text());
        }
        if (outcome instanceof SendMessageUseCase.Outcome.RateLimited limited) {
            return frames.rateLimited(limited.retryAfterMs(), message.id());
        }
        SendMessageUseCase.Outcome.AgentUnavailable unavailable = (SendMessageUseCase.Outcome.AgentUnavailable) outcome;
        return frames.agentUnavailable(unavailable.conversationId().toString(), message.id());
    }

    private static Optional<SessionId> sessionOf(WebSocketConnection connection) {
        return Optional.ofNullable(connection.userData().get(SESSION)).map(id -> new SessionId(UUID.fromString(id)));
    }
}
