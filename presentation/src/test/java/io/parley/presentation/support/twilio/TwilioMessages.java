package io.parley.presentation.support.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;

/**
 * The JSON text frames Twilio sends on a Media Streams socket, field for field and in Twilio's field
 * order, as quoted in {@code shared/reference/external-protocols.md} §a from Twilio's "Media Streams –
 * WebSocket Messages" page; sequence numbers, chunks and timestamps are strings there.
 */
final class TwilioMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accountSid;
    private final String callSid;
    private final String streamSid;

    TwilioMessages(String accountSid, String callSid, String streamSid) {
        this.accountSid = accountSid;
        this.callSid = callSid;
        this.streamSid = streamSid;
    }

    static String connected() {
        return JSON.createObjectNode().put("event", "connected").put("protocol", "Call").put("version", "1.0.0")
                .toString();
    }

    String start(long sequence, Map<String, String> customParameters) {
        ObjectNode message = event("start", sequence);
        ObjectNode start = message.putObject("start").put("accountSid", accountSid).put("streamSid", streamSid)
                .put("callSid", callSid);
        start.putArray("tracks").add("inbound");
        start.putObject("mediaFormat").put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1);
        ObjectNode parameters = start.putObject("customParameters");
        customParameters.forEach(parameters::put);
        return message.put("streamSid", streamSid).toString();
    }

    String media(long sequence, long chunk, long timestampMillis, byte[] mulaw) {
        ObjectNode message = event("media", sequence);
        message.putObject("media").put("track", "inbound").put("chunk", Long.toString(chunk))
                .put("timestamp", Long.toString(timestampMillis))
                .put("payload", Base64.getEncoder().encodeToString(mulaw));
        return message.put("streamSid", streamSid).toString();
    }

    String dtmf(long sequence, char digit) {
        ObjectNode message = JSON.createObjectNode().put("event", "dtmf").put("streamSid", streamSid)
                .put("sequenceNumber", Long.toString(sequence));
        message.putObject("dtmf").put("track", "inbound_track").put("digit", String.valueOf(digit));
        return message.toString();
    }

    String mark(long sequence, String name) {
        ObjectNode message = event("mark", sequence).put("streamSid", streamSid);
        message.putObject("mark").put("name", name);
        return message.toString();
    }

    String stop(long sequence) {
        ObjectNode message = event("stop", sequence);
        message.putObject("stop").put("accountSid", accountSid).put("callSid", callSid);
        return message.put("streamSid", streamSid).toString();
    }

    private static ObjectNode event(String event, long sequence) {
        return JSON.createObjectNode().put("event", event).put("sequenceNumber", Long.toString(sequence));
    }
}
