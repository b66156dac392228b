package io.parley.presentation.telephony;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.parley.core.InvalidInputException;
import io.parley.core.call.CallId;
import io.parley.core.port.in.ConnectCallMediaUseCase.Connection;
import io.parley.core.port.in.StartExotelCallUseCase.ExotelCall;
import io.parley.core.telephony.ExotelGrant;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.VoiceSession;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One Exotel voicebot stream, on its connection's event loop: waits for {@code start}, has the call stored and
 * its voice started off the loop (keeping up to {@value #EARLY_AUDIO_MS} ms of audio that arrives meanwhile),
 * then feeds the caller's PCM to the voice session. When the stream ends, so do the session and the call.
 * Anything out of protocol closes it: 1007 unparsable events, 1008 events out of order or a refused call,
 * 1009 oversized audio, 1003 audio not in the stream's format.
 */
final class ExotelStream {

    static final int EARLY_AUDIO_MS = 2000;
    /** Decoded audio per media event above which the stream is closed: Exotel's largest chunk. */
    static final int MOST_AUDIO_BYTES = 100_000;
    private static final String RAW_PCM = "audio/x-raw";
    private static final Pattern DIGIT = Pattern.compile("[0-9*#A-D]");
    private static final Logger LOG = Logger.getLogger(ExotelStream.class);

    private enum State { AWAITING_START, CONNECTING, STREAMING, ENDED }

    private final ExotelStreams shared;
    private final WebSocketConnection connection;
    private final Context loop;
    private final ExotelGrant grant;
    private final AudioFormat format;
    private final long mostEarlyBytes;
    private final ArrayDeque<byte[]> early = new ArrayDeque<>();
    private long earlyBytes;
    private State state = State.AWAITING_START;
    private VoiceSession session;
    private ExotelVoiceOutput output;
    private CallId callId;

    ExotelStream(ExotelStreams shared, WebSocketConnection connection, Context loop, ExotelGrant grant,
            AudioFormat format) {
        this.shared = shared;
        this.connection = connection;
        this.loop = loop;
        this.grant = grant;
        this.format = format;
        this.mostEarlyBytes = format.bytesFor(Duration.ofMillis(EARLY_AUDIO_MS));
    }

    void onMessage(String raw) {
        if (state == State.ENDED) {
            return;
        }
        JsonNode message;
        try {
            message = shared.json.readTree(raw);
        } catch (JsonProcessingException e) {
            close(1007, "events are JSON objects");
            return;
        }
        switch (message.path("event").asText("")) {
            case "connected" -> LOG.debugf("Exotel voicebot stream connected on %s", connection.id());
            case "start" -> onStart(message);
            case "media" -> onMedia(message);
            case "dtmf" -> onDtmf(message);
            case "mark" -> onMark(message);
            case "stop" -> close(1000, "stream stopped");
            default -> LOG.debugf("Exotel voicebot stream sent an unknown event: %s", message.path("event").asText());
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
        String streamSid = start.path("stream_sid").asText(message.path("stream_sid").asText(""));
        ExotelCall call;
        try {
            call = new ExotelCall(grant, start.path("account_sid").asText(""), start.path("call_sid").asText(""),
                    streamSid, start.path("from").asText(""), start.path("to").asText(""), format);
        } catch (InvalidInputException e) {
            close(1008, e.getMessage());
            return;
        }
        JsonNode media = start.path("media_format");
        if (!RAW_PCM.equals(media.path("encoding").asText()) || media.path("sample_rate").asInt() != format.sampleRate()
                || !"16".equals(media.path("bit_rate").asText("16"))) {
            close(1003, "media must be audio/x-raw, 16-bit, at the stream's " + format.sampleRate() + " Hz");
            return;
        }
        state = State.CONNECTING;
        output = new ExotelVoiceOutput(connection, loop, streamSid, format);
        shared.vertx.<Connection>executeBlocking(() -> shared.startCall.start(call, output), false)
                .onSuccess(connected -> connected.accept(new Connection.Visitor<Void>() {
                    @Override
                    public Void started(Connection.Started started) {
                        callId = started.callId();
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
                    LOG.warnf("could not take an Exotel call: %s", failure.getMessage());
                    close(1011, "the call could not be taken");
                });
    }

    /** The voice session runs: the audio kept meanwhile goes first (unless the stream already ended). */
    private void begin(VoiceSession started) {
        if (state == State.ENDED) {
            started.stop("hung up");
            completeCall();
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

    private void onMedia(JsonNode message) {
        if (state == State.AWAITING_START) {
            close(1008, "media before start");
            return;
        }
        byte[] audio;
        try {
            audio = Base64.getDecoder().decode(message.path("media").path("payload").asText(""));
        } catch (IllegalArgumentException e) {
            close(1007, "media payload is not Base64");
            return;
        }
        if (audio.length > MOST_AUDIO_BYTES) {
            close(1009, "media payload too large");
            return;
        }
        if (audio.length % 2 != 0) {
            close(1003, "media payload must be whole 16-bit samples");
            return;
        }
        if (state == State.STREAMING) {
            session.audio(audio);
        } else if (earlyBytes + audio.length <= mostEarlyBytes) {
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

    /**
     * Ends the stream: the voice session stops and the call completes (the caller hung up, the agent did, or
     * the stream broke the protocol).
     */
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
            completeCall();
        }
    }

    private void completeCall() {
        CallId ended = callId;
        shared.vertx.executeBlocking(() -> {
            shared.completeCall.complete(grant.tenant(), ended);
            return null;
        }, false).onFailure(failure -> LOG.warnf("could not complete Exotel call %s: %s", ended, failure.getMessage()));
    }
}
