package io.parley.presentation.telephony;

import io.parley.core.conversation.ConversationId;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.voice.VoiceSession;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A call's voice session speaking into its Twilio media stream: the agent's μ-law audio as
 * {@code media} events of {@value #MARK_EVERY_MS} ms or more (Twilio buffers what it is sent, so the 20 ms
 * pieces the session paces are sent five at a time: a fifth of the events and writes), each followed by a
 * {@code mark}, and a last shorter one with its mark at the end of each turn; {@code clear} on barge-in.
 * The marks Twilio echoes back (once that audio has played) say what the caller heard: an interrupted
 * turn is stored as heard up to its last echoed mark.
 */
final class TwilioVoiceOutput implements VoiceOutput {

    static final long MARK_EVERY_MS = 100;
    /** How long a hang-up waits for the agent's last words to play. */
    static final Duration LAST_WORDS_WAIT = Duration.ofSeconds(5);
    /** Writes not yet taken by the socket beyond which Twilio is taken to have stopped reading. */
    private static final int MOST_PENDING_WRITES = 2000;
    private static final int BYTES_PER_MS = 8;
    /** The least audio one {@code media} event carries, but the last of a turn. */
    static final int CHUNK_BYTES = (int) MARK_EVERY_MS * BYTES_PER_MS;
    private static final Logger LOG = Logger.getLogger(TwilioVoiceOutput.class);

    private final WebSocketConnection connection;
    private final Context loop;
    private final String streamSid;
    private final AtomicInteger pendingWrites = new AtomicInteger();
    /** Audio of the current turn not yet sent: less than {@link #CHUNK_BYTES} between calls. */
    private byte[] unsent = new byte[CHUNK_BYTES];
    private int unsentBytes;
    private VoiceSession session;
    private String turn;
    private long turnBytes;
    private long nextMarkMs;
    private long heardMs;
    private String clearedTurn;
    private String lastMark;
    private boolean closingWhenPlayed;

    TwilioVoiceOutput(WebSocketConnection connection, Context loop, String streamSid) {
        this.connection = connection;
        this.loop = loop;
        this.streamSid = streamSid;
    }

    /** The session this output speaks for, once it started. */
    synchronized void attach(VoiceSession started) {
        session = started;
    }

    /** Twilio echoed a mark: the audio before it has played. */
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
            LOG.debugf("Twilio echoed a mark Parley did not send: %s", name);
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
        nextMarkMs = MARK_EVERY_MS;
        heardMs = 0;
        unsentBytes = 0;
    }

    @Override
    public synchronized void audio(byte[] audio) {
        if (unsentBytes + audio.length > unsent.length) {
            unsent = Arrays.copyOf(unsent, unsentBytes + audio.length);
        }
        System.arraycopy(audio, 0, unsent, unsentBytes, audio.length);
        unsentBytes += audio.length;
        if (unsentBytes >= CHUNK_BYTES) {
            sendUnsent();
        }
    }

    @Override
    public synchronized void audioEnd(String turnId) {
        if (turnId.equals(turn)) {
            sendUnsent();
            mark(turnBytes / BYTES_PER_MS);
        }
    }

    @Override
    public synchronized void audioClear(String turnId) {
        unsentBytes = 0;
        send("{\"event\":\"clear\",\"streamSid\":\"" + streamSid + "\"}");
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
     * The session ended. When the agent hung up, the stream closes (and with it the call, by the TwiML's
     * {@code <Hangup/>}) once its last words have played — their mark echoed — or after
     * {@link #LAST_WORDS_WAIT} at the latest.
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

    private void sendUnsent() {
        if (unsentBytes == 0) {
            return;
        }
        send("{\"event\":\"media\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"payload\":\""
                + Base64.getEncoder().encodeToString(Arrays.copyOf(unsent, unsentBytes)) + "\"}}");
        turnBytes += unsentBytes;
        unsentBytes = 0;
        long sentMs = turnBytes / BYTES_PER_MS;
        if (turn != null && sentMs >= nextMarkMs) {
            mark(sentMs);
            nextMarkMs = (sentMs / MARK_EVERY_MS + 1) * MARK_EVERY_MS;
        }
    }

    private void mark(long ms) {
        lastMark = turn + "." + ms;
        send("{\"event\":\"mark\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"" + lastMark + "\"}}");
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
