package io.parley.presentation.ws;

import io.netty.buffer.ByteBufUtil;
import io.parley.core.port.in.ConnectClientUseCase.Resumed;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.session.ConnectionLimits;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RecentFrames;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The way out to one socket. Writes never block. Frames from other peers (relays, room news) are
 * numbered ({@code seq}) and kept until the client acknowledges them (its pong to a ping that carried
 * the last number), so that a resume can replay what a dropped socket never delivered. Frames not yet
 * on the network are bounded in count and bytes, per socket and node-wide: a client that lets more pile
 * up is closed with 1008 "slow consumer". Until {@link #open} (welcome sent), frames are held in order.
 */
final class SocketChannel implements ClientChannel {

    static final int CLOSE_SLOW_CONSUMER = 1008;
    /** What a frame costs beyond its bytes while it waits (buffers, promise, queue entry). */
    static final int FRAME_OVERHEAD = 96;

    private final WebSocketConnection connection;
    private final ServerFrames frames;
    private final ConnectionLimits limits;
    private final BufferBudget budget;
    private final AtomicInteger pendingFrames = new AtomicInteger();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final ReplayRing ring;
    private boolean open;
    private long seq;
    private volatile boolean closing;
    private volatile boolean discarded;
    private volatile boolean broken;
    private final AtomicLong lastDelivered = new AtomicLong();
    private volatile String closedFor;

    SocketChannel(WebSocketConnection connection, ServerFrames frames, ConnectionLimits limits, BufferBudget budget) {
        this.connection = connection;
        this.frames = frames;
        this.limits = limits;
        this.budget = budget;
        this.ring = new ReplayRing(limits.replayFrames(), limits.replayBytes());
    }

    @Override
    public void deliver(Outbound frame) {
        if (frame instanceof Outbound.Close close) {
            close(close.code(), close.reason());
        } else if (frame instanceof Outbound.Reconnect) {
            send(frames.render(frame, 0));
        } else {
            numbered(frame);
        }
    }

    /** Sends a reply or notice (not numbered, not replayed) in order with everything before it. */
    synchronized void send(String text) {
        if (open) {
            write(text);
        } else {
            hold(null, text);
        }
    }

    private synchronized void numbered(Outbound frame) {
        if (open) {
            writeNumbered(frame);
        } else {
            hold(frame, frames.render(frame, 0));
        }
    }

    /**
     * Writes the opening frames, then what a resume replays (frames the old socket did not deliver,
     * keeping their numbers, then those kept while away), then the frames held meanwhile, in order.
     */
    synchronized void open(List<String> opening, Optional<Resumed> resumed, Runnable onWelcomed) {
        for (int i = 0; i < opening.size(); i++) {
            String text = opening.get(i);
            long bytes = cost(text);
            if (charge(bytes)) {
                transmit(text, bytes, 0, i == 0 ? onWelcomed : null);
            }
        }
        resumed.ifPresent(r -> {
            seq = r.lastSeq();
            long first = r.lastSeq() - r.replayed().size();
            for (String frame : r.replayed()) {
                ring.add(++first, frame, cost(frame));
                write(frame, first);
            }
            r.missedFrames().forEach(json -> writeNumbered(new Outbound.Relayed(json)));
        });
        open = true;
        Held next;
        while ((next = held.poll()) != null) {
            String text = next.text();
            long number = 0;
            if (next.frame() != null) {
                number = ++seq;
                text = frames.render(next.frame(), number);
                ring.add(number, text, cost(text));
            }
            transmit(text, next.bytes(), number, null);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (!closing) {
            synchronized (this) {
                if (closing) {
                    return;
                }
                closing = true;
                closedFor = code + " " + reason;
                discard();
            }
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> { }, failure -> { });
        }
    }

    /**
     * The socket is gone: nothing more is written, and what was held for it is given back to the node's
     * budget. Numbered frames still reach the recent frames, for a resume.
     */
    synchronized void discard() {
        discarded = true;
        Held dropped;
        while ((dropped = held.poll()) != null) {
            uncharge(dropped.bytes());
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

    /** The client's pong: it has every frame up to {@code seq}. */
    synchronized void acknowledge(long acked) {
        if (acked <= seq) {
            ring.acknowledge(acked);
        }
    }

    /** Why the server closed this socket ("1008 slow consumer"), if it did. */
    Optional<String> closedFor() {
        return Optional.ofNullable(closedFor);
    }

    private void writeNumbered(Outbound frame) {
        String text = frames.render(frame, ++seq);
        long bytes = cost(text);
        ring.add(seq, text, bytes);
        if (charge(bytes)) {
            transmit(text, bytes, seq, null);
        }
    }

    private void write(String text) {
        write(text, 0);
    }

    /** Writes a frame; {@code number} (0 for none) counts as delivered once the transport took it. */
    private void write(String text, long number) {
        long bytes = cost(text);
        if (charge(bytes)) {
            transmit(text, bytes, number, null);
        }
    }

    /** Keeps a frame until the welcome is out; {@code frame} is set for frames numbered only then. */
    private void hold(Outbound frame, String text) {
        long bytes = cost(text);
        if (charge(bytes)) {
            held.add(new Held(frame, text, bytes));
        }
    }

    /** Writes a charged frame; {@code onWritten} (may be null) runs once the transport took it. */
    private void transmit(String text, long bytes, long number, Runnable onWritten) {
        if (closing || discarded) {
            uncharge(bytes);
            return;
        }
        connection.sendText(text).subscribe().with(ok -> {
            if (number > 0) {
                lastDelivered.accumulateAndGet(number, Math::max);
            }
            uncharge(bytes);
            if (onWritten != null) {
                onWritten.run();
            }
        }, failure -> {
            broken = true;
            uncharge(bytes);
        });
    }

    private boolean charge(long bytes) {
        if (closing || discarded) {
            return false;
        }
        boolean fits = pendingFrames.incrementAndGet() <= limits.maxPendingFrames()
                & pendingBytes.addAndGet(bytes) <= limits.maxPendingBytes();
        if (fits && budget.tryCharge(bytes)) {
            return true;
        }
        pendingFrames.decrementAndGet();
        pendingBytes.addAndGet(-bytes);
        close(CLOSE_SLOW_CONSUMER, "slow consumer");
        return false;
    }

    private void uncharge(long bytes) {
        pendingFrames.decrementAndGet();
        pendingBytes.addAndGet(-bytes);
        budget.release(bytes);
    }

    private static long cost(String text) {
        return ByteBufUtil.utf8Bytes(text) + FRAME_OVERHEAD;
    }

    /** A frame held before the welcome, with what it was charged. */
    private record Held(Outbound frame, String text, long bytes) {
    }
}
