package io.parley.presentation.ws;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase;
import io.parley.core.port.in.ConnectClientUseCase.ResumeRequest;
import io.parley.core.session.SessionId;
import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One socket's session, driven on its event loop: admitted on a worker while the frames the client
 * sends meanwhile wait in order (bounded); then every frame goes to its lane, signalling (joins,
 * leaves, relays: in order, so that a receiver hears of a join before the offer sent after it),
 * conversation (messages, ends and voice starts: in order, answered by the agent) or voice (the user's
 * audio, straight to the running voice session), so that none waits for another. A socket that closes at any moment, even during admission, leaves no session behind.
 */
final class SignalConnection implements InboundAllowance {

    /** Where a connection is in its life. */
    private enum State { ADMITTING, OPEN, CLOSED }

    private final SignalConnections node;
    private final Context context;
    private final SocketChannel channel;
    private final AuthenticatedPeer peer;
    private final OrderedLane signalling;
    private final OrderedLane conversation;
    private final ArrayDeque<Early> early = new ArrayDeque<>();
    private final VoiceLane voice;
    private State state = State.ADMITTING;
    private SessionId session;
    private static final long HEARD_EVERY_NANOS = 1_000_000_000L;
    private static final long AUDIO_REFUSAL_EVERY_NANOS = 1_000_000_000L;

    private long queuedBytes;
    private long lastHeard = System.nanoTime() - HEARD_EVERY_NANOS;
    private long lastAudioRefusal = System.nanoTime() - AUDIO_REFUSAL_EVERY_NANOS;
    private final RelayWindow relays = new RelayWindow();
    private ConversationFrames.AnswerInProgress answering = ConversationFrames.AnswerInProgress.NONE;
    private String closeDescription;
    private boolean resumable;

    SignalConnection(SignalConnections node, Context context, SocketChannel channel, AuthenticatedPeer peer) {
        this.node = node;
        this.context = context;
        this.channel = channel;
        this.peer = peer;
        this.signalling = new OrderedLane(context, this, Integer.MAX_VALUE);
        this.conversation = new OrderedLane(context, this, node.limits().maxQueuedMessages());
        this.voice = new VoiceLane(this, node.activeVoices());
    }

    SocketChannel channel() {
        return channel;
    }

    /** Admits the session on a worker; the outcome comes back to the event loop. */
    void admit(Optional<ResumeRequest> resume) {
        node.blocking().run(() -> node.connect().connect(peer, channel, resume)).whenComplete((result, failure) ->
                context.runOnContext(ignored -> admitted(result, failure)));
    }

    private void admitted(ConnectClientUseCase.Result result, Throwable failure) {
        if (failure != null || result instanceof ConnectClientUseCase.Result.Refused) {
            dropEarlyFrames();
            channel.discard();
            if (failure != null) {
                node.logAdmissionFailure(failure);
            }
            channel.closeWith(new CloseReason(SocketCloses.TRY_AGAIN_LATER, failure != null ? "server error"
                    : ((ConnectClientUseCase.Result.Refused) result).reason()));
            state = State.CLOSED;
            return;
        }
        ConnectClientUseCase.Result.Connected connected = (ConnectClientUseCase.Result.Connected) result;
        session = connected.session().id();
        List<String> opening = new ArrayList<>();
        opening.add(node.frames().welcome(connected.session()));
        connected.resumed().ifPresent(resumed -> opening.add(node.frames().resumed(resumed.missedCount(),
                resumed.lost())));
        channel.open(opening, connected.resumed(), connected.session()::welcomed);
        if (state == State.CLOSED || channel.isGone()) {
            endBeforeWelcome(connected);
            return;
        }
        state = State.OPEN;
        connected.rejoined().forEach(rejoin -> channel.send(node.frames().rejoined(rejoin)));
        Early next;
        while (state == State.OPEN && (next = early.poll()) != null) {
            release(next.cost());
            if (next.text() != null) {
                handle(next.text());
            } else {
                handleAudio(next.audio());
            }
        }
    }

    /**
     * The socket went during admission: the session ends at once. A resume stays resumable with the token
     * the client still has (it never got the new one), its frames kept for the next try.
     */
    private void endBeforeWelcome(ConnectClientUseCase.Result.Connected connected) {
        state = State.CLOSED;
        dropEarlyFrames();
        channel.discard();
        String description = closeDescription != null ? closeDescription
                : channel.closedFor().map(reason -> "closed with " + reason).orElse("closed during admission");
        node.disconnect(session, channel, description, connected.session().priorTokenHash().isPresent());
    }

    void onText(String raw) {
        if (state == State.OPEN) {
            handle(raw);
        } else if (state == State.ADMITTING) {
            if (reserve(cost(raw))) {
                early.add(new Early(raw, null));
            } else {
                channel.send(node.frames().busy("too many frames before the welcome", 0, Optional.empty()));
            }
        }
    }

    void onBinary(byte[] audio) {
        if (state == State.OPEN) {
            handleAudio(audio);
        } else if (state == State.ADMITTING) {
            if (reserve(cost(audio))) {
                early.add(new Early(null, audio));
            } else {
                channel.send(node.frames().busy("too many frames before the welcome", 0, Optional.empty()));
            }
        }
    }

    void onPong(long acknowledgedSeq) {
        if (session != null) {
            heard();
        }
        channel.acknowledge(acknowledgedSeq);
    }

    /** The socket is gone: once the signalling step in progress is done, the session ends. */
    void onClosed(String description, boolean resumable) {
        State before = state;
        state = State.CLOSED;
        closeDescription = description;
        this.resumable = resumable;
        dropEarlyFrames();
        channel.discard();
        if (before == State.OPEN) {
            voice.close();
            answering.cancel();
            conversation.close(() -> { });
            signalling.close(() -> node.disconnect(session, channel, closeDescription, this.resumable));
        }
    }

    private void handle(String raw) {
        heard();
        if (node.parser().isTooLarge(raw)) {
            channel.closeWith(new CloseReason(SocketCloses.TOO_BIG, "frame too large"));
            return;
        }
        ClientFrame frame;
        try {
            frame = node.parser().parse(raw, peer.peerId());
        } catch (RuntimeException e) {
            channel.send(node.errors().frameFor(e, Optional.empty()));
            return;
        }
        frame.accept(new FrameHandling(cost(raw)));
    }

    /** The user's audio for the voice session. */
    private void handleAudio(byte[] audio) {
        heard();
        if (audio.length > node.parser().maxFrameBytes()) {
            channel.closeWith(new CloseReason(SocketCloses.TOO_BIG, "frame too large"));
            return;
        }
        VoiceLane.Taken taken = voice.audio(audio);
        if (taken == VoiceLane.Taken.NO_VOICE || taken == VoiceLane.Taken.OVER_BOUND) {
            long now = System.nanoTime();
            if (now - lastAudioRefusal >= AUDIO_REFUSAL_EVERY_NANOS) {
                lastAudioRefusal = now;
                channel.send(taken == VoiceLane.Taken.NO_VOICE
                        ? node.frames().error("invalid_message", "binary frames carry audio after voice.start, and "
                                + "no voice session is running; audio dropped", Optional.empty())
                        : node.frames().busy("audio is arriving faster than the voice session starts; audio dropped",
                                0, Optional.empty()));
            }
        }
    }

    /** What each kind of frame does: answered at once, or queued on its lane. */
    private final class FrameHandling implements ClientFrame.Visitor<Void> {

        private final long bytes;

        FrameHandling(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public Void ping(ClientFrame.Ping frame) {
            channel.send(node.frames().pong(frame.id()));
            return null;
        }

        @Override
        public Void relay(ClientFrame.Relay frame) {
            accepted(signalling.submit(bytes, () -> node.relays().relay(frame, session, channel, relays)), frame);
            return null;
        }

        @Override
        public Void join(ClientFrame.Join frame) {
            accepted(signalling.submit(bytes, () -> node.rooms().join(frame, session, channel)), frame);
            return null;
        }

        @Override
        public Void leave(ClientFrame.Leave frame) {
            accepted(signalling.submit(bytes, () -> node.rooms().leave(frame, session, channel)), frame);
            return null;
        }

        @Override
        public Void message(ClientFrame.Message frame) {
            accepted(conversation.submit(bytes, () -> {
                answering = node.conversations().message(frame, session, channel);
                return answering.done();
            }), frame);
            return null;
        }

        @Override
        public Void end(ClientFrame.End frame) {
            if (voice.busy()) {
                channel.send(node.frames().error("voice_active", "a voice session runs in this conversation; send "
                        + "voice.stop before ending it", frame.id()));
                return null;
            }
            accepted(conversation.submit(bytes, () -> node.conversations().end(frame, session, channel)), frame);
            return null;
        }

        @Override
        public Void voiceStart(ClientFrame.VoiceStart frame) {
            long number = voice.begin();
            if (number == 0) {
                channel.send(node.frames().error("voice_active", "a voice session is already running on this "
                        + "socket; send voice.stop first", frame.id()));
                return null;
            }
            boolean queued = conversation.submit(bytes, () -> node.voices().start(frame, number, voice, session,
                    channel, context));
            if (!queued) {
                voice.refused(number);
            }
            accepted(queued, frame);
            return null;
        }

        @Override
        public Void voiceStop(ClientFrame.VoiceStop frame) {
            if (!voice.stop(frame.id())) {
                channel.send(node.frames().error("invalid_message", "no voice session is running on this socket",
                        frame.id()));
            }
            return null;
        }

        @Override
        public Void audioPlayed(ClientFrame.AudioPlayed frame) {
            voice.played(frame.turnId(), frame.played());
            return null;
        }
    }

    private void accepted(boolean queued, ClientFrame frame) {
        if (!queued) {
            channel.send(node.frames().busy("too many frames of this connection are waiting; slow down",
                    ConversationFrames.BUSY_RETRY_MS, frame.id()));
        }
    }

    @Override
    public boolean reserve(long bytes) {
        if (queuedBytes + bytes > node.limits().maxQueuedBytes() || !node.budget().tryCharge(bytes)) {
            return false;
        }
        queuedBytes += bytes;
        return true;
    }

    @Override
    public void release(long bytes) {
        queuedBytes -= bytes;
        node.budget().release(bytes);
    }

    /** Tells the session its client is alive, at most once a second (it only matters for the idle timeout). */
    private void heard() {
        long now = System.nanoTime();
        if (now - lastHeard >= HEARD_EVERY_NANOS) {
            lastHeard = now;
            node.keepAlive().heard(session);
        }
    }

    private void dropEarlyFrames() {
        Early dropped;
        while ((dropped = early.poll()) != null) {
            release(dropped.cost());
        }
    }

    /** What a received frame costs while it waits: its characters (two bytes at most each) and some overhead. */
    private static long cost(String raw) {
        return 2L * raw.length() + WriteLedger.FRAME_OVERHEAD;
    }

    private static long cost(byte[] audio) {
        return audio.length + WriteLedger.FRAME_OVERHEAD;
    }

    /** A frame received before the welcome: text, or audio. */
    private record Early(String text, byte[] audio) {
        long cost() {
            return text != null ? SignalConnection.cost(text) : SignalConnection.cost(audio);
        }
    }
}
