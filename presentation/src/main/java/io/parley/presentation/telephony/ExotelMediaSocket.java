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
 * Exotel's voicebot (bidirectional) stream of a call: snake_case JSON events in ({@code connected},
 * {@code start}, {@code media}, {@code dtmf}, {@code mark}, {@code stop}) and out ({@code media}, {@code mark},
 * {@code clear}), audio as raw 16-bit PCM. Callbacks run on the connection's event loop and return at once;
 * its {@link ExotelStream} does the work.
 */
@WebSocket(path = ExotelMediaSocket.PATH, endpointId = ExotelMediaSocket.ENDPOINT_ID)
public class ExotelMediaSocket {

    static final String PATH = "/telephony/exotel/media";
    static final String ENDPOINT_ID = "exotel-media";
    private static final Logger LOG = Logger.getLogger(ExotelMediaSocket.class);
    private static final UserData.TypedKey<ExotelStream> STREAM = new UserData.TypedKey<>("parley.exotel-stream");
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private final ExotelStreams streams;

    ExotelMediaSocket(ExotelStreams streams) {
        this.streams = streams;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        connection.userData().put(STREAM, streams.open(connection));
        return DONE;
    }

    @OnTextMessage
    public Uni<Void> onText(String raw, WebSocketConnection connection) {
        ExotelStream stream = connection.userData().get(STREAM);
        if (stream != null) {
            stream.onMessage(raw);
        }
        return DONE;
    }

    @OnClose
    public Uni<Void> onClose(WebSocketConnection connection) {
        ExotelStream stream = connection.userData().get(STREAM);
        if (stream != null) {
            stream.onClosed();
        }
        return DONE;
    }

    @OnError
    public void onError(WebSocketConnection connection, Throwable failure) {
        LOG.debugf("Exotel voicebot stream error on %s: %s", connection.id(), failure.getMessage());
    }
}
