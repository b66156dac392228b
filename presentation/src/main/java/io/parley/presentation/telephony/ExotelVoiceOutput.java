package io.parley.presentation.telephony;

import io.parley.core.conversation.ConversationId;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.VoiceSession;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A call's voice session speaking into its Exotel voicebot stream: the agent's PCM as {@code media} events
 * in chunks Exotel takes ({@link ExotelChunks}), a {@code mark} after each chunk (the one ending a turn
 * padded with silence), {@code clear} on barge-in. The marks Exotel echoes back (once that audio has played)
 * say what the caller heard: an interrupted turn is stored as heard up to its last echoed mark.
 */
final class ExotelVoiceOutput implements VoiceOutput {

    /** How long a hang-up waits for the agent's last words to play. */
    static final Duration LAST_WORDS_WAIT = Duration.ofSeconds(5);
    /** Writes not yet taken by the socket beyond which Exotel is taken to have stopped reading. */
    private static final int MOST_PENDING_WRITES = 500;
    private static final Logger LOG = Logger.getLogger(ExotelVoiceOutput.class);

    private final WebSocketConnection connection;
    private final Context loop;
    private final String streamSid;
    private final AudioFormat format;
    private final ExotelChunks chunks = new ExotelChunks();
    private final AtomicInteger pendingWrites = new AtomicInteger();
    private VoiceSession session;
    private String turn;
    private long turnBytes;
    private long chunkedBytes;
    private long heardMs;
    private String clearedTurn;
    private String lastMark;
    private boolean closingWhenPlayed;

    ExotelVoiceOutput(WebSocketConnection connection, Context loop, String streamSid, AudioFormat format) {
        this.connection = connection;
        this.loop = loop;
        this.streamSid = streamSid;
        this.format = format;
    }

    /** The session this output speaks for, once it started. */
    synchronized void attach(VoiceSession started) {
        session = started;
    }

    /** Exotel echoed a mark: the audio before it has played. */
    synchronized void echoed(String name) {
        if (closingWhenPlayed && name.equals(lastMark)) {
            close(1000, VoiceOutput.AGENT_ENDED);
            return;
        }
        int dot = name.lastIndexOf('.');
        if (dot < 1 || turn == null || !name.substring(0, dot).equals(turn) || turn.equals(clearedTurn)) {
            return;
        }
        try {
            heardMs = Math.max(heardMs, Long.parseLong(name.substring(dot + 1)));
        } catch (NumberFormatException e) {
            LOG.debugf("Exotel echoed a mark Parley did not send: %s", name);
        }
    }

    @Override
    public void started(ConversationId conversation) {
        LOG.debugf("call voice session started in conversation %s", conversation);
    }

    @Override
    public void unavailable(String reason) {
        close(1011, "voice unavailable: " + reason);
    }

    @Override
    public void transcript(String text, boolean isFinal) {
        // a phone line carries audio only
    }

    @Override
    public void answerDelta(String delta) {
        // a phone line carries audio only
    }

    @Override
    public void answered(ConversationId conversation, String text, boolean interrupted) {
        // stored by the session; a phone line carries audio only
    }

    @Override
    public void agentUnavailable(ConversationId conversation) {
        LOG.warnf("the agent could not answer on the call of conversation %s", conversation);
    }

    @Override
    public synchronized void audioStart(String turnId) {
        turn = turnId;
        turnBytes = 0;
        chunkedBytes = 0;
        heardMs = 0;
    }

    @Override
    public synchronized void audio(byte[] audio) {
        turnBytes += audio.length;
        for (byte[] chunk : chunks.add(audio)) {
            media(chunk);
            chunkedBytes += chunk.length;
            mark(chunkedBytes);
        }
    }

    /** The rest of the turn goes padded with silence, then the turn's last mark (if nothing is left, a chunk's was). */
    @Override
    public synchronized void audioEnd(String turnId) {
        if (turnId.equals(turn)) {
            chunks.flush().ifPresent(last -> {
                media(last);
                mark(turnBytes);
            });
        }
    }

    @Override
    public synchronized void audioClear(String turnId) {
        chunks.clear();
        send("{\"event\":\"clear\",\"stream_sid\":\"" + streamSid + "\"}");
        if (!turnId.equals(turn)) {
            return;
        }
        clearedTurn = turnId;
        Duration heard = Duration.ofMillis(heardMs);
        VoiceSession interrupted = session;
        if (interrupted != null) {
            loop.runOnContext(ignored -> interrupted.played(turnId, heard));
        }
    }

    /**
     * The session ended. When the agent hung up, the stream closes (and with it the call) once its last words
     * have played — their mark echoed — or after {@link #LAST_WORDS_WAIT} at the latest.
     */
    @Override
    public synchronized void stopped(String reason) {
        if (VoiceOutput.AGENT_ENDED.equals(reason) && lastMark != null) {
            closingWhenPlayed = true;
            loop.owner().setTimer(LAST_WORDS_WAIT.toMillis(), id -> close(1000, reason));
            return;
        }
        close(1000, reason);
    }

    private void media(byte[] chunk) {
        send("{\"event\":\"media\",\"stream_sid\":\"" + streamSid + "\",\"media\":{\"payload\":\""
                + Base64.getEncoder().encodeToString(chunk) + "\"}}");
    }

    /** A mark named after the turn and how far into it (ms of the agent's audio) it comes. */
    private void mark(long bytesIntoTurn) {
        lastMark = turn + "." + (long) (bytesIntoTurn / format.bytesPerMillisecond());
        send("{\"event\":\"mark\",\"stream_sid\":\"" + streamSid + "\",\"mark\":{\"name\":\"" + lastMark + "\"}}");
    }

    private void send(String event) {
        if (connection.isClosed()) {
            return;
        }
        if (pendingWrites.incrementAndGet() > MOST_PENDING_WRITES) {
            close(1008, "the stream does not take the call's audio");
            return;
        }
        connection.sendText(event).subscribe().with(ok -> pendingWrites.decrementAndGet(),
                failure -> pendingWrites.decrementAndGet());
    }

    private void close(int code, String reason) {
        if (!connection.isClosed()) {
            connection.close(new CloseReason(code, reason.length() > 120 ? reason.substring(0, 120) : reason))
                    .subscribe().with(ok -> { }, failure -> { });
        }
    }
}
