package io.parley.core.port.out;

import io.parley.core.session.CloseCause;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RecentFrames;

/** The way to one connected client's socket on this node. */
public interface ClientChannel {

    /** Queues a frame for the client without waiting; the channel closes a client that cannot keep up. */
    void deliver(Outbound frame);

    /** Ends the connection; the transport decides how (a WebSocket close code, a hang-up). */
    void close(CloseCause cause);

    /** False once the socket is closing or closed: frames for the peer must go where it lives now. */
    boolean isOpen();

    /** True once the transport itself is closed (whether or not its close was reported yet). */
    boolean isGone();

    /** The replayable frames written lately that the client has not acknowledged, for a resume. */
    RecentFrames recentFrames();
}
