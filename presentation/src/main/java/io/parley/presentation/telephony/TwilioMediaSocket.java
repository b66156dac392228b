package io.parley.presentation.telephony;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/**
 * Twilio's bidirectional media stream of a call: JSON events in ({@code connected}, {@code start},
 * {@code media}, {@code dtmf}, {@code mark}, {@code stop}) and out ({@code media}, {@code mark},
 * {@code clear}). Callbacks run on the connection's event loop and return at once; its
 * {@link TwilioStream} does the work.
 */
@WebSocket(path = TwilioMediaSocket.PATH, endpointId = TwilioMediaSocket.ENDPOINT_ID)
public class TwilioMediaSocket {

    static final String PATH = "/telephony/twilio/media";
    static final String ENDPOINT_ID = "twilio-media";
    private static final Logger LOG = Logger.getLogger(TwilioMediaSocket.class);
    private static final UserData.TypedKey<TwilioStream> STREAM = new UserData.TypedKey<>("parley.twilio-stream");
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private final TwilioStreams streams;

    TwilioMediaSocket(TwilioStreams streams) {
        this.streams = streams;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        connection.userData().put(STREAM, streams.open(connection));
        return DONE;
    }

    @OnTextMessage
    public Uni<Void> onText(String raw, WebSocketConnection connection) {
        TwilioStream stream = connection.userData().get(STREAM);
        if (stream != null) {
            stream.onMessage(raw);
        }
        return DONE;
    }

    @OnClose
    public Uni<Void> onClose(WebSocketConnection connection) {
        TwilioStream stream = connection.userData().get(STREAM);
        if (stream != null) {
            stream.onClosed();
        }
        return DONE;
    }

    @OnError
    public void onError(WebSocketConnection connection, Throwable failure) {
        LOG.debugf("Twilio media stream error on %s: %s", connection.id(), failure.getMessage());
    }
}
