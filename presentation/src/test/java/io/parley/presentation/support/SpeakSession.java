package io.parley.presentation.support;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.UUID;

/**
 * One fake {@code /v1/speak} socket. Sends Metadata on open; buffers Speak texts; on Flush
 * synthesizes the buffer (see {@link ToneSynthesizer}) and sends it as binary frames of
 * {@link #FRAME_MILLIS}, then {@code Flushed} with the flush's sequence id (0, 1, ...); Clear drops
 * buffered text and any audio not yet sent and answers {@code Cleared} with the id of the last
 * Flush; Close sends what is left, then closes with 1000. Anything but those four text messages
 * closes it with 1008 DATA-0000, a binary frame with 1003 MESSAGE-0000 (close codes of speak.v1 in
 * Deepgram's AsyncAPI spec). Message shapes: deepgram-python-sdk
 * {@code src/deepgram/speak/v1/types/speak_v1*.py}. Runs on the socket's event loop only.
 */
final class SpeakSession {

    static final int FRAME_MILLIS = 20;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final SpeakRecording recording;
    private final SpeakOptions options;
    private final long frameDelayMillis;
    private final StringBuilder buffered = new StringBuilder();
    private final Queue<Job> jobs = new ArrayDeque<>();
    private int flushes;
    private int generation;
    private boolean busy;
    private boolean closing;

    /** Text to synthesize, and the Flush it answers (-1 for what Close flushes). */
    private record Job(String text, int sequenceId) {
    }

    SpeakSession(Vertx vertx, ServerWebSocket socket, SpeakRecording recording, SpeakOptions options,
            Duration frameDelay) {
        this.vertx = vertx;
        this.socket = socket;
        this.recording = recording;
        this.options = options;
        this.frameDelayMillis = frameDelay.toMillis();
    }

    void start() {
        socket.textMessageHandler(this::control);
        socket.binaryMessageHandler(binary -> close(1003, "MESSAGE-0000"));
        socket.closeHandler(closed -> {
            generation++;
            recording.markClosed();
        });
        send(JSON.objectNode().put("type", "Metadata").put("request_id", recording.requestId())
                .put("model_name", options.model()).put("model_version", "2025-01-01.0")
                .put("model_uuid", UUID.randomUUID().toString()).toString());
    }

    private void control(String text) {
        ReceivedMessage message = ReceivedMessage.of(text);
        recording.receivedText(message);
        if (closing) {
            return;
        }
        switch (message.type()) {
            case "Speak" -> buffered.append(message.json().path("text").asText());
            case "Flush" -> enqueue(flushes++);
            case "Clear" -> {
                generation++;
                jobs.clear();
                buffered.setLength(0);
                busy = false;
                send(sequenced("Cleared", Math.max(0, flushes - 1)));
            }
            case "Close" -> {
                closing = true;
                enqueue(-1);
            }
            default -> close(1008, "DATA-0000");
        }
    }

    private void enqueue(int sequenceId) {
        jobs.add(new Job(buffered.toString(), sequenceId));
        buffered.setLength(0);
        pump();
    }

    private void pump() {
        if (busy) {
            return;
        }
        Job job = jobs.poll();
        if (job == null) {
            if (closing) {
                close(1000, "");
            }
            return;
        }
        busy = true;
        AudioEncoding encoding = options.encoding().orElseThrow();
        byte[] audio = encoding.encode(ToneSynthesizer.synthesize(job.text(), options.sampleRate()));
        int frameBytes = options.sampleRate() * FRAME_MILLIS / 1000 * encoding.bytesPerSample();
        sendFrom(generation, job, audio, 0, frameBytes);
    }

    private void sendFrom(int jobGeneration, Job job, byte[] audio, int offset, int frameBytes) {
        if (jobGeneration != generation) {
            return;
        }
        if (offset >= audio.length) {
            if (job.sequenceId() >= 0) {
                send(sequenced("Flushed", job.sequenceId()));
            }
            busy = false;
            pump();
            return;
        }
        byte[] frame = Arrays.copyOfRange(audio, offset, Math.min(audio.length, offset + frameBytes));
        socket.writeBinaryMessage(Buffer.buffer(frame));
        recording.sentAudio(frame.length);
        int next = offset + frame.length;
        if (frameDelayMillis > 0) {
            vertx.setTimer(frameDelayMillis, timer -> sendFrom(jobGeneration, job, audio, next, frameBytes));
        } else {
            vertx.runOnContext(nothing -> sendFrom(jobGeneration, job, audio, next, frameBytes));
        }
    }

    private static String sequenced(String type, int sequenceId) {
        return JSON.objectNode().put("type", type).put("sequence_id", sequenceId).toString();
    }

    private void send(String json) {
        recording.sentText(json);
        socket.writeTextMessage(json);
    }

    private void close(int code, String reason) {
        closing = true;
        generation++;
        socket.close((short) code, reason);
    }
}
