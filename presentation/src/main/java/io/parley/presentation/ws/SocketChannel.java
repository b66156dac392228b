package io.parley.presentation.ws;

import io.parley.core.port.in.ConnectClientUseCase.Resumed;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.session.CloseCause;
import io.parley.core.session.ConnectionLimits;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RecentFrames;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The way out to one socket. Writes never block. Frames from other peers (relays, room news) are
 * numbered ({@code seq}) and kept until the client acknowledges them (its pong to a ping that carried
 * the last number), so that a resume can replay what a dropped socket never delivered. What is not yet
 * on the network is bounded ({@link WriteLedger}): a client that lets more pile up is closed with 1008
 * "slow consumer". Until {@link #open} (welcome sent), frames are held in order.
 */
final class SocketChannel implements ClientChannel {

    private final WebSocketConnection connection;
    private final ServerFrames frames;
    private final WriteLedger ledger;
    private final ReplayRing ring;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final AtomicLong lastDelivered = new AtomicLong();
    private boolean open;
    private long seq;
    private volatile boolean closing;
    private volatile boolean discarded;
    private volatile boolean broken;
    private volatile String closedFor;
    private volatile CloseCause closedBy;

    SocketChannel(WebSocketConnection connection, ServerFrames frames, ConnectionLimits limits, BufferBudget budget) {
        this.connection = connection;
        this.frames = frames;
        this.ledger = new WriteLedger(limits, budget);
        this.ring = new ReplayRing(limits.replayFrames(), limits.replayBytes());
    }

    @Override
    public void deliver(Outbound frame) {
        frame.accept(new Outbound.Visitor<Void>() {
            @Override
            public Void relayed(Outbound.Relayed relayed) {
                return numbered(number -> frames.relayed(relayed, number));
            }

            @Override
            public Void peerJoined(Outbound.PeerJoined joined) {
                return numbered(number -> frames.peerJoined(joined, number));
            }

            @Override
            public Void peerLeft(Outbound.PeerLeft left) {
                return numbered(number -> frames.peerLeft(left, number));
            }

            @Override
            public Void reconnect(Outbound.Reconnect reconnect) {
                send(frames.reconnect(reconnect));
                return null;
            }

            @Override
            public Void close(Outbound.Close close) {
                SocketChannel.this.close(close.cause());
                return null;
            }
        });
    }

    /** Sends a reply or notice (not numbered, not replayed) in order with everything before it. */
    synchronized void send(String text) {
        if (open) {
            write(text, 0, null);
        } else {
            hold(null, text);
        }
    }

    /** Sends audio (a binary frame, neither numbered nor replayed), bounded like every other write. */
    synchronized void sendBinary(byte[] audio) {
        if (!open) {
            return;
        }
        long cost = audio.length + WriteLedger.FRAME_OVERHEAD;
        if (!charge(cost)) {
            return;
        }
        if (closing || discarded) {
            ledger.release(cost);
            return;
        }
        connection.sendBinary(Buffer.buffer(audio)).subscribe().with(ok -> ledger.release(cost), failure -> {
            broken = true;
            ledger.release(cost);
        });
    }

    /** A frame that gets the next number when it is written; {@code rendered} gives its text for a number. */
    private synchronized Void numbered(LongFunction<String> rendered) {
        if (open) {
            String text = rendered.apply(++seq);
            long cost = WriteLedger.cost(text);
            ring.add(seq, text, cost);
            if (charge(cost)) {
                transmit(text, cost, seq, null);
            }
        } else {
            hold(rendered, rendered.apply(0));
        }
        return null;
    }

    /**
     * Writes the opening frames (the first is the welcome: {@code onWelcomed} runs once the transport took
     * it), then what a resume replays (frames the old socket did not deliver, keeping their numbers, then
     * those kept while away), then the frames held meanwhile, in order.
     */
    synchronized void open(List<String> opening, Optional<Resumed> resumed, Runnable onWelcomed) {
        for (int i = 0; i < opening.size(); i++) {
            write(opening.get(i), 0, i == 0 ? onWelcomed : null);
        }
        resumed.ifPresent(r -> {
            seq = r.lastSeq();
            long number = r.lastSeq() - r.replayed().size();
            for (String frame : r.replayed()) {
                ring.add(++number, frame, WriteLedger.cost(frame));
                write(frame, number, null);
            }
        });
        open = true;
        resumed.ifPresent(r -> r.missedFrames().forEach(json -> deliver(new Outbound.Relayed(json))));
        Held next;
        while ((next = held.poll()) != null) {
            String text = next.text();
            long number = 0;
            if (next.rendered() != null) {
                number = ++seq;
                text = next.rendered().apply(number);
                ring.add(number, text, WriteLedger.cost(text));
            }
            transmit(text, next.cost(), number, null);
        }
    }

    @Override
    public void close(CloseCause cause) {
        closedBy = cause;
        closeWith(SocketCloses.of(cause));
    }

    /** Closes for a transport reason (slow consumer, frame too large, refused). */
    void closeWith(CloseReason reason) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            closedFor = reason.getCode() + " " + reason.getMessage();
            discard();
        }
        connection.close(reason).subscribe().with(ok -> { }, failure -> { });
    }

    /**
     * The socket is gone: nothing more is written, and what was held for it is given back to the node's
     * budget. Numbered frames still reach the recent frames, for a resume.
     */
    synchronized void discard() {
        discarded = true;
        Held dropped;
        while ((dropped = held.poll()) != null) {
            ledger.release(dropped.cost());
        }
    }

    @Override
    public boolean isOpen() {
        return !closing && connection.isOpen();
    }

    /**
     * Closed by the client, or failing writes (a transport that dropped during the upgrade may never report
     * its close). A close the server started is not "gone": its report follows, at worst after the
     * transport's idle timeout.
     */
    @Override
    public boolean isGone() {
        return broken || !closing && connection.isClosed();
    }

    @Override
    public synchronized RecentFrames recentFrames() {
        return ring.snapshot(seq, Math.min(lastDelivered.get(), seq));
    }

    /** Asks the client for a pong carrying the number of the last frame written so far. */
    void ping() {
        long last;
        synchronized (this) {
            if (!open || closing) {
                return;
            }
            last = seq;
        }
        connection.sendPing(Buffer.buffer(Long.BYTES).appendLong(last)).subscribe().with(ok -> { },
                failure -> broken = true);
    }

    /** The client's pong: it has every frame up to {@code acked}. */
    synchronized void acknowledge(long acked) {
        if (acked <= seq) {
            ring.acknowledge(acked);
        }
    }

    /** Why the server closed this socket ("1008 slow consumer"), if it did. */
    Optional<String> closedFor() {
        return Optional.ofNullable(closedFor);
    }

    /** The domain cause of the server's close, if it closed for one. */
    Optional<CloseCause> closedBy() {
        return Optional.ofNullable(closedBy);
    }

    /** Keeps a frame until the welcome is out; {@code rendered} is set for frames numbered only then. */
    private void hold(LongFunction<String> rendered, String text) {
        long cost = WriteLedger.cost(text);
        if (charge(cost)) {
            held.add(new Held(rendered, text, cost));
        }
    }

    /** Writes a frame; {@code number} (0 for none) counts as delivered, and {@code onWritten} runs, once taken. */
    private void write(String text, long number, Runnable onWritten) {
        long cost = WriteLedger.cost(text);
        if (charge(cost)) {
            transmit(text, cost, number, onWritten);
        }
    }

    private void transmit(String text, long cost, long number, Runnable onWritten) {
        if (closing || discarded) {
            ledger.release(cost);
            return;
        }
        connection.sendText(text).subscribe().with(ok -> {
            if (number > 0) {
                lastDelivered.accumulateAndGet(number, Math::max);
            }
            ledger.release(cost);
            if (onWritten != null) {
                onWritten.run();
            }
        }, failure -> {
            broken = true;
            ledger.release(cost);
        });
    }

    private boolean charge(long cost) {
        if (closing || discarded) {
            return false;
        }
        if (ledger.charge(cost)) {
            return true;
        }
        closeWith(new CloseReason(SocketCloses.SLOW_CONSUMER, "slow consumer"));
        return false;
    }

    /** A frame held before the welcome, with what it was charged. */
    private record Held(LongFunction<String> rendered, String text, long cost) {
    }
}
