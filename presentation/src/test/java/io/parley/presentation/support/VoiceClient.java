package io.parley.presentation.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.WireClient.Frame;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A voice client of Parley's socket, as a browser would be: it streams microphone audio as binary
 * frames and reads JSON and the agent's audio in arrival order, keeping every frame it read.
 */
public final class VoiceClient implements AutoCloseable {

    /** One of the agent's turns as heard: its audio, and when its first and last frame arrived. */
    public record SpokenTurn(String turnId, byte[] audio, long firstAudioNanos, long lastAudioNanos, boolean cleared) {
    }

    private final WireClient wire;
    private final List<Frame> read = new ArrayList<>();

    private VoiceClient(WireClient wire) {
        this.wire = wire;
    }

    /** Connects the peer with a fresh token and reads the welcome. */
    public static VoiceClient connect(URI httpBase, TenantAccess tenant, String peerId) {
        VoiceClient client = new VoiceClient(WireClient.connect(Parley.socketUri(httpBase, peerId),
                Map.of("Authorization", "Bearer " + Parley.token(tenant, peerId))));
        client.nextOfType("welcome", Duration.ofSeconds(5));
        return client;
    }

    public void send(String json) {
        wire.sendText(json);
    }

    public void sendAudio(byte[] audio) {
        wire.sendBinary(audio);
    }

    /** Sends voice.start (id "v1") and returns the voice.started. */
    public JsonNode startVoice(String encoding, int sampleRate) {
        send("{\"type\":\"voice.start\",\"id\":\"v1\",\"encoding\":\"" + encoding + "\",\"sampleRate\":" + sampleRate
                + "}");
        JsonNode started = next(Duration.ofSeconds(10));
        if (!"voice.started".equals(started.path("type").asText())) {
            throw new AssertionError("expected voice.started, got " + started);
        }
        return started;
    }

    /** The next text frame, skipping (but keeping) audio; fails the test when none comes in time. */
    public JsonNode next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = wire.next(Duration.ofMillis(20));
            if (frame != null) {
                read.add(frame);
                if (frame.isText()) {
                    return frame.json();
                }
            }
        }
        throw new AssertionError("no text frame within " + timeout + "; read so far: " + types());
    }

    /** The next text frame of this type, skipping (but keeping) others. */
    public JsonNode nextOfType(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = wire.next(Duration.ofMillis(20));
            if (frame != null) {
                read.add(frame);
                if (type.equals(frame.type())) {
                    return frame.json();
                }
            }
        }
        throw new AssertionError("no " + type + " frame within " + timeout + "; read so far: " + types());
    }

    /** Reads until turn {@code turnId} ends (audio.end) or is cleared (audio.clear); returns it as heard. */
    public SpokenTurn awaitTurn(String turnId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = wire.next(Duration.ofMillis(20));
            if (frame == null) {
                continue;
            }
            read.add(frame);
            String type = frame.type();
            if (("audio.end".equals(type) || "audio.clear".equals(type))
                    && turnId.equals(frame.json().path("turnId").asText())) {
                return turn(turnId, "audio.clear".equals(type));
            }
        }
        throw new AssertionError("turn " + turnId + " did not end within " + timeout + "; read so far: " + types());
    }

    /** Turn {@code turnId} as read so far: the audio frames after its audio.start. */
    public SpokenTurn turn(String turnId, boolean cleared) {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        long first = 0;
        long last = 0;
        boolean in = false;
        for (Frame frame : read) {
            if (frame.isText()) {
                boolean ours = turnId.equals(frame.json().path("turnId").asText());
                if ("audio.start".equals(frame.type())) {
                    in = ours;
                } else if (ours && ("audio.end".equals(frame.type()) || "audio.clear".equals(frame.type()))) {
                    in = false;
                }
            } else if (in) {
                audio.writeBytes(frame.binary());
                first = first == 0 ? frame.arrivedNanos() : first;
                last = frame.arrivedNanos();
            }
        }
        return new SpokenTurn(turnId, audio.toByteArray(), first, last, cleared);
    }

    /** Every frame read so far, in order. */
    public List<Frame> read() {
        return read;
    }

    /** The types of the frames read so far ("binary" for audio), for failure messages. */
    public List<String> types() {
        List<String> types = new ArrayList<>();
        for (Frame frame : read) {
            if (!frame.isText() && !types.isEmpty() && types.get(types.size() - 1).startsWith("binary")) {
                continue;
            }
            types.add(frame.type());
        }
        return types;
    }

    public WireClient.Close awaitClose(Duration timeout) {
        return wire.awaitClose(timeout);
    }

    @Override
    public void close() {
        wire.close();
    }
}
