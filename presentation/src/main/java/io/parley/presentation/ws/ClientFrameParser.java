package io.parley.presentation.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.core.session.PeerId;
import io.parley.core.signal.RoomName;
import io.parley.core.InvalidInputException;
import io.parley.core.StorableText;
import io.parley.core.conversation.ConversationId;
import io.parley.core.session.SessionLimits;
import jakarta.inject.Singleton;
import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.VoiceSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns raw text frames into {@link ClientFrame}s, rejecting anything malformed with a precise code. */
@Singleton
class ClientFrameParser {

    static final int MAX_ID_LENGTH = 128;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    static final int MAX_SDP_CHARS = 65536;
    /** Room for the envelope around a maximal SDP. */
    static final int SDP_ENVELOPE_BYTES = 4096;

    private final ObjectMapper json;
    private final SessionLimits limits;

    private final int maxFrameBytes;

    ClientFrameParser(ObjectMapper json, SessionLimits limits,
            @ConfigProperty(name = "parley.limits.max-frame-bytes", defaultValue = "65536") int maxFrameBytes) {
        this.json = json;
        this.limits = limits;
        this.maxFrameBytes = maxFrameBytes;
    }

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    /**
     * Whether a text frame is over the byte limit (counted as UTF-8 only when the length makes it
     * possible). Offers and answers may carry a 64 KiB SDP, so their limit has room for the envelope.
     */
    boolean isTooLarge(String raw) {
        int limit = maxFrameBytes;
        if (raw.length() > maxFrameBytes && carriesSdp(raw)) {
            limit = Math.max(maxFrameBytes, MAX_SDP_CHARS + SDP_ENVELOPE_BYTES);
        }
        if (raw.length() > limit) {
            return true;
        }
        return (long) raw.length() * 3 > limit && raw.getBytes(StandardCharsets.UTF_8).length > limit;
    }

    private static boolean carriesSdp(String raw) {
        int head = Math.min(raw.length(), 256);
        String start = raw.substring(0, head);
        return start.contains("\"offer\"") || start.contains("\"answer\"") || raw.contains("\"sdp\"");
    }

    /** Parses a frame of peer {@code sender}; relayed frames come out in the form their receiver gets. */
    ClientFrame parse(String raw, PeerId sender) {
        JsonNode node = readObject(raw);
        Optional<String> id = id(node);
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw invalid("\"type\" is required and must be a string", id);
        }
        return switch (type.asText()) {
            case "message" -> message(node, id);
            case "ping" -> new ClientFrame.Ping(id);
            case "end" -> new ClientFrame.End(id);
            case "join" -> new ClientFrame.Join(id, room(node, id));
            case "leave" -> new ClientFrame.Leave(id, room(node, id));
            case "offer", "answer" -> relay(node, id, "sdp", sender);
            case "candidate" -> relay(node, id, "candidate", sender);
            case "signal" -> relay(node, id, "data", sender);
            case "voice.start" -> voiceStart(node, id);
            case "voice.stop" -> new ClientFrame.VoiceStop(id);
            case "audio.played" -> audioPlayed(node, id);
            default -> throw new FrameRejectedException("unknown_type", "unknown frame type \"" + abbreviate(type.asText())
                    + "\"", id);
        };
    }

    private ClientFrame.Message message(JsonNode node, Optional<String> id) {
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw invalid("\"text\" is required and must be a non-empty string", id);
        }
        if (text.asText().length() > limits.maxTextChars()) {
            throw new FrameRejectedException("too_large", "\"text\" is longer than " + limits.maxTextChars()
                    + " characters", id);
        }
        if (!StorableText.isStorable(text.asText())) {
            throw invalid("\"text\" must not contain NUL (U+0000) characters", id);
        }
        JsonNode conversation = node.get("conversationId");
        if (conversation != null && !conversation.isNull() && !conversation.isTextual()) {
            throw invalid("\"conversationId\" must be a string", id);
        }
        if (conversation == null || conversation.isNull()) {
            return new ClientFrame.Message(id, text.asText(), Optional.empty());
        }
        try {
            return new ClientFrame.Message(id, text.asText(), Optional.of(ConversationId.parse(conversation.asText())));
        } catch (InvalidInputException e) {
            throw invalid("\"conversationId\" must be a UUID", id);
        }
    }

    private ClientFrame.VoiceStart voiceStart(JsonNode node, Optional<String> id) {
        JsonNode encoding = node.get("encoding");
        Optional<AudioEncoding> known = encoding != null && encoding.isTextual()
                ? AudioEncoding.byCode(encoding.asText()) : Optional.empty();
        if (known.isEmpty()) {
            throw invalid("\"encoding\" must be one of linear16, mulaw", id);
        }
        JsonNode rate = node.get("sampleRate");
        if (rate == null || !rate.isInt() || !AudioFormat.SAMPLE_RATES.contains(rate.asInt())) {
            throw invalid("\"sampleRate\" must be one of 8000, 16000, 24000, 48000", id);
        }
        JsonNode language = node.get("language");
        if (language != null && !language.isNull() && !(language.isTextual() && LANGUAGE.matcher(language.asText())
                .matches())) {
            throw invalid("\"language\" must be a language code such as en or en-US", id);
        }
        return new ClientFrame.VoiceStart(id, new VoiceSettings(new AudioFormat(known.get(), rate.asInt()),
                language == null || language.isNull() ? Optional.empty() : Optional.of(language.asText())));
    }

    private ClientFrame.AudioPlayed audioPlayed(JsonNode node, Optional<String> id) {
        JsonNode turn = node.get("turnId");
        if (turn == null || !turn.isTextual() || turn.asText().isEmpty() || turn.asText().length() > MAX_ID_LENGTH) {
            throw invalid("\"turnId\" is required: the turnId of an audio.start", id);
        }
        JsonNode ms = node.get("ms");
        if (ms == null || !ms.canConvertToLong() || !ms.isIntegralNumber() || ms.asLong() < 0) {
            throw invalid("\"ms\" is required: how many milliseconds of the turn were played (0 or more)", id);
        }
        return new ClientFrame.AudioPlayed(id, turn.asText(), Duration.ofMillis(ms.asLong()));
    }

    private RoomName room(JsonNode node, Optional<String> id) {
        JsonNode room = node.get("room");
        if (room == null || !room.isTextual()) {
            throw invalid("\"room\" is required and must be a string", id);
        }
        try {
            return new RoomName(room.asText());
        } catch (InvalidInputException e) {
            throw invalid(e.getMessage(), id);
        }
    }

    /** Checks a relayed frame's target and payload; the receiver gets it with "from" instead of "to". */
    private ClientFrame.Relay relay(JsonNode node, Optional<String> id, String payloadField, PeerId sender) {
        JsonNode to = node.get("to");
        if (to == null || !to.isTextual() || !PeerId.isValid(to.asText())) {
            throw invalid("\"to\" is required: a peer id of 1-64 characters of [A-Za-z0-9._-]", id);
        }
        JsonNode payload = node.get(payloadField);
        switch (payloadField) {
            case "sdp" -> {
                if (payload == null || !payload.isTextual() || payload.asText().isEmpty()) {
                    throw invalid("\"sdp\" is required and must be a string", id);
                }
                if (payload.asText().length() > MAX_SDP_CHARS) {
                    throw new FrameRejectedException("too_large", "\"sdp\" is longer than 64 KiB", id);
                }
            }
            case "candidate" -> {
                if (payload == null || !(payload.isObject() || payload.isNull())) {
                    throw invalid("\"candidate\" is required: an RTCIceCandidateInit object, or null for "
                            + "end of candidates", id);
                }
                if (payload.isObject() && payload.has("candidate") && !payload.get("candidate").isTextual()) {
                    throw invalid("\"candidate.candidate\" must be a string", id);
                }
            }
            default -> {
                if (payload == null || !payload.isObject()) {
                    throw invalid("\"data\" is required and must be an object", id);
                }
            }
        }
        ObjectNode body = (ObjectNode) node;
        body.remove("to");
        body.remove("seq");
        body.put("from", sender.value());
        return new ClientFrame.Relay(id, new PeerId(to.asText()), body.toString());
    }

    private JsonNode readObject(String raw) {
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw invalid("a frame must be one JSON object", Optional.empty());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid("frame is not valid JSON", Optional.empty());
        }
    }

    private Optional<String> id(JsonNode node) {
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            return Optional.empty();
        }
        if (!(id.isTextual() || id.isIntegralNumber()) || id.asText().length() > MAX_ID_LENGTH) {
            throw invalid("\"id\" must be a string or integer of at most " + MAX_ID_LENGTH + " characters",
                    Optional.empty());
        }
        return Optional.of(id.asText());
    }

    private static FrameRejectedException invalid(String message, Optional<String> id) {
        return new FrameRejectedException("invalid_message", message, id);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
