package io.parley.presentation.support.exotel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The JSON text frames Exotel's voicebot applet sends, snake_case, as in
 * {@code shared/reference/external-protocols.md} ("Exotel Voicebot (bidirectional) WebSocket"): the same
 * events as Twilio's media streams, audio as Base64 raw 16-bit little-endian mono PCM.
 */
final class ExotelMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accountSid;
    private final String callSid;
    private final String streamSid;
    private final String from;
    private final String to;

    ExotelMessages(String accountSid, String callSid, String streamSid, String from, String to) {
        this.accountSid = accountSid;
        this.callSid = callSid;
        this.streamSid = streamSid;
        this.from = from;
        this.to = to;
    }

    static String connected() {
        return JSON.createObjectNode().put("event", "connected").toString();
    }

    /** {@code start} for a stream at this rate; {@code tweak} may change any field before it is sent. */
    String start(long sequence, int sampleRate, Map<String, String> customParameters, Consumer<ObjectNode> tweak) {
        ObjectNode message = event("start", sequence);
        ObjectNode start = message.putObject("start").put("stream_sid", streamSid).put("call_sid", callSid)
                .put("account_sid", accountSid).put("from", from).put("to", to);
        ObjectNode parameters = start.putObject("custom_parameters");
        customParameters.forEach(parameters::put);
        start.putObject("media_format").put("encoding", "audio/x-raw").put("sample_rate", Integer.toString(sampleRate))
                .put("bit_rate", "16");
        tweak.accept(start);
        return message.toString();
    }

    String media(long sequence, long chunk, long timestampMillis, byte[] pcm) {
        ObjectNode message = event("media", sequence);
        message.putObject("media").put("chunk", chunk).put("timestamp", Long.toString(timestampMillis))
                .put("payload", Base64.getEncoder().encodeToString(pcm));
        return message.toString();
    }

    String dtmf(long sequence, char digit, long durationMillis) {
        ObjectNode message = event("dtmf", sequence);
        message.putObject("dtmf").put("digit", String.valueOf(digit)).put("duration", Long.toString(durationMillis));
        return message.toString();
    }

    String mark(long sequence, String name) {
        ObjectNode message = event("mark", sequence);
        message.putObject("mark").put("name", name);
        return message.toString();
    }

    String stop(long sequence) {
        ObjectNode message = event("stop", sequence);
        message.putObject("stop").put("call_sid", callSid).put("account_sid", accountSid).put("reason", "callended");
        return message.toString();
    }

    private ObjectNode event(String event, long sequence) {
        return JSON.createObjectNode().put("event", event).put("sequence_number", sequence)
                .put("stream_sid", streamSid);
    }
}
