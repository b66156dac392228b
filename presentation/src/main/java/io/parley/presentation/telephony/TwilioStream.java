package io.parley.presentation.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.core.port.in.ConnectCallMediaUseCase.CallMedia;
import io.parley.core.port.in.ConnectCallMediaUseCase.Connection;
import io.parley.core.telephony.SignedRequest;
import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.VoiceSession;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One Twilio media stream, on its connection's event loop: waits for {@code start}, has the call
 * checked and its voice started off the loop (keeping up to {@value #EARLY_AUDIO_MS} ms of audio that
 * arrives meanwhile), then feeds the caller's μ-law audio straight to the voice session. Anything out
 * of protocol closes the stream: 1007 for unparsable events, 1008 for events out of order or refused
 * calls, 1009 for oversized audio.
 */
final class TwilioStream {

    static final int EARLY_AUDIO_MS = 2000;
    /** Decoded audio per media event above which the stream is closed (Twilio sends 160 bytes). */
    static final int MOST_AUDIO_BYTES = 16_000;
    private static final AudioFormat MULAW_8K = new AudioFormat(AudioEncoding.MULAW, 8000);
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{2,64}");
    private static final Pattern DIGIT = Pattern.compile("[0-9*#A-D]");
    private static final Logger LOG = Logger.getLogger(TwilioStream.class);

    private enum State { AWAITING_START, CONNECTING, STREAMING, ENDED }

    private final TwilioStreams shared;
    private final WebSocketConnection connection;
    private final Context loop;
    private final String signature;
    private final ArrayDeque<byte[]> early = new ArrayDeque<>();
    private long earlyBytes;
    private State state = State.AWAITING_START;
    private VoiceSession session;
    private TwilioVoiceOutput output;

    TwilioStream(TwilioStreams shared, WebSocketConnection connection, Context loop, String signature) {
        this.shared = shared;
        this.connection = connection;
        this.loop = loop;
        this.signature = signature;
    }

    void onMessage(String raw) {
        if (state == State.ENDED) {
            return;
        }
        JsonNode message;
        try {
            TwilioMediaEvent media = TwilioMediaEvent.read(shared.json.getFactory(), raw);
            if (media != null) {
                onMedia(media);
                return;
            }
            message = shared.json.readTree(raw);
        } catch (IOException e) {
            close(1007, "events are JSON objects");
            return;
        }
        switch (message.path("event").asText("")) {
            case "connected" -> LOG.debugf("Twilio media stream connected: %s", message.path("protocol").asText());
            case "start" -> onStart(message);
            case "dtmf" -> onDtmf(message);
            case "mark" -> onMark(message);
            case "stop" -> onStop();
            default -> LOG.debugf("Twilio media stream sent an unknown event: %s", message.path("event").asText());
        }
    }

    void onClosed() {
        close(1000, "closed");
    }

    private void onStart(JsonNode message) {
        if (state != State.AWAITING_START) {
            close(1008, "start came twice");
            return;
        }
        JsonNode start = message.path("start");
        String callSid = start.path("callSid").asText("");
        String streamSid = start.path("streamSid").asText(message.path("streamSid").asText(""));
        String token = start.path("customParameters").path("callToken").asText("");
        JsonNode format = start.path("mediaFormat");
        if (!SID.matcher(callSid).matches() || !SID.matcher(streamSid).matches() || token.isEmpty()) {
            close(1008, "start needs callSid, streamSid and customParameters.callToken");
            return;
        }
        if (!"audio/x-mulaw".equals(format.path("encoding").asText()) || format.path("sampleRate").asInt() != 8000
                || format.path("channels").asInt(1) != 1) {
            close(1003, "media must be audio/x-mulaw, 8000 Hz, mono");
            return;
        }
        state = State.CONNECTING;
        output = new TwilioVoiceOutput(connection, loop, streamSid);
        SignedRequest upgrade = new SignedRequest(shared.urls.websocketOf(TwilioMediaSocket.PATH), Map.of(),
                Optional.ofNullable(signature));
        CallMedia media = new CallMedia(token, callSid, streamSid, MULAW_8K, upgrade);
        shared.vertx.<Connection>executeBlocking(() -> shared.connectMedia.connect(media, output), false)
                .onSuccess(connected -> connected.accept(new Connection.Visitor<Void>() {
                    @Override
                    public Void started(Connection.Started started) {
                        output.attach(started.session());
                        begin(started.session());
                        return null;
                    }

                    @Override
                    public Void refused(Connection.Refused refused) {
                        close(1008, refused.reason());
                        return null;
                    }

                    @Override
                    public Void unavailable(Connection.Unavailable unavailable) {
                        close(1013, unavailable.reason());
                        return null;
                    }
                }))
                .onFailure(failure -> {
                    LOG.warnf("could not connect a Twilio media stream: %s", failure.getMessage());
                    close(1011, "the call could not be connected");
                });
    }

    /** The voice session runs: the audio kept meanwhile goes first (unless the call already ended). */
    private void begin(VoiceSession started) {
        if (state == State.ENDED) {
            started.stop("hung up");
            return;
        }
        session = started;
        state = State.STREAMING;
        byte[] kept;
        while ((kept = early.poll()) != null) {
            session.audio(kept);
        }
        earlyBytes = 0;
    }

    private void onMedia(TwilioMediaEvent media) {
        if (state == State.AWAITING_START) {
            close(1008, "media before start");
            return;
        }
        if (!"inbound".equals(media.track())) {
            return;
        }
        byte[] audio;
        try {
            audio = Base64.getDecoder().decode(media.payload());
        } catch (IllegalArgumentException e) {
            close(1007, "media payload is not Base64");
            return;
        }
        if (audio.length > MOST_AUDIO_BYTES) {
            close(1009, "media payload too large");
            return;
        }
        if (state == State.STREAMING) {
            session.audio(audio);
        } else if (earlyBytes + audio.length <= (long) EARLY_AUDIO_MS * 8) {
            early.add(audio);
            earlyBytes += audio.length;
        }
    }

    private void onDtmf(JsonNode message) {
        String digit = message.path("dtmf").path("digit").asText("");
        if (!DIGIT.matcher(digit).matches()) {
            close(1008, "dtmf needs one digit of 0-9, *, #, A-D");
            return;
        }
        if (state == State.STREAMING) {
            session.keyPressed(digit);
        }
    }

    private void onMark(JsonNode message) {
        String name = message.path("mark").path("name").asText("");
        if (output != null && name.length() <= 100) {
            output.echoed(name);
        }
    }

    private void onStop() {
        close(1000, "stream stopped");
    }

    /** Ends the stream: the voice session stops (the caller hung up, or the stream broke the protocol). */
    private void close(int code, String reason) {
        State before = state;
        state = State.ENDED;
        early.clear();
        if (!connection.isClosed()) {
            connection.close(new CloseReason(code, reason.length() > 120 ? reason.substring(0, 120) : reason))
                    .subscribe().with(ok -> { }, failure -> { });
        }
        if (before == State.STREAMING) {
            session.stop("hung up");
        }
    }
}
