package io.parley.presentation.ws;

import io.parley.core.port.out.ClientChannel;
import io.parley.core.signal.Outbound;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The channel to one socket. Writes never block; frames not yet written to the network are
 * counted, and a client that lets more than the limit pile up is closed with 1008 "slow consumer".
 * Until {@link #open} (welcome and resumed frames sent), deliveries are held back in order. A client
 * that does not read cannot even receive the close frame; the transport's idle timeout then ends it.
 */
final class SocketChannel implements ClientChannel {

    static final int CLOSE_SLOW_CONSUMER = 1008;

    private final WebSocketConnection connection;
    private final ServerFrames frames;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger waitingRelays = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Deque<String> held = new ArrayDeque<>();
    private boolean open;
    /** Completes when the latest join or leave of this socket is done; relays sent after it wait for it. */
    private volatile CompletableFuture<Void> roomChanges = CompletableFuture.completedFuture(null);
    private volatile String closedFor;

    SocketChannel(WebSocketConnection connection, ServerFrames frames, int maxPending) {
        this.connection = connection;
        this.frames = frames;
        this.maxPending = maxPending;
    }

    @Override
    public void deliver(Outbound frame) {
        if (frame instanceof Outbound.Close close) {
            close(close.code(), close.reason());
            return;
        }
        send(frames.render(frame));
    }

    /** Sends a frame in order with everything delivered before it. */
    synchronized void send(String text) {
        if (!open) {
            if (held.size() >= maxPending) {
                slowConsumer();
                return;
            }
            held.add(text);
            return;
        }
        write(text);
    }

    /** Writes the opening frames, then the held ones in order, then lets every later one straight through. */
    synchronized void open(java.util.List<String> opening) {
        opening.forEach(this::write);
        open = true;
        while (!held.isEmpty()) {
            write(held.poll());
        }
    }

    @Override
    public void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            closedFor = code + " " + reason;
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> { }, failure -> { });
        }
    }

    private void write(String text) {
        if (closing.get()) {
            return;
        }
        if (pending.incrementAndGet() > maxPending) {
            slowConsumer();
            return;
        }
        connection.sendText(text).subscribe().with(ok -> pending.decrementAndGet(), failure -> pending.decrementAndGet());
    }

    /** Records a join or leave in progress; frames this client relays afterwards wait for it. */
    void roomChangeStarted(CompletableFuture<Void> done) {
        roomChanges = done;
    }

    /**
     * Runs the relay now, or once the room changes the client asked for before it are done. At most
     * the pending-frame limit may wait; returns false (relay refused) beyond it.
     */
    boolean afterRoomChanges(Runnable relay) {
        CompletableFuture<Void> pendingChanges = roomChanges;
        if (pendingChanges.isDone()) {
            relay.run();
            return true;
        }
        if (waitingRelays.incrementAndGet() > maxPending) {
            waitingRelays.decrementAndGet();
            return false;
        }
        pendingChanges.thenRun(() -> {
            waitingRelays.decrementAndGet();
            relay.run();
        });
        return true;
    }

    @Override
    public boolean isOpen() {
        return !closing.get() && connection.isOpen();
    }

    /** Why the server closed this socket ("1008 slow consumer"), if it did. */
    java.util.Optional<String> closedFor() {
        return java.util.Optional.ofNullable(closedFor);
    }

    private void slowConsumer() {
        close(CLOSE_SLOW_CONSUMER, "slow consumer");
    }
}
