package io.parley.presentation.ws;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of one connection's relays may await the bus's confirmation at once: past {@value #SIZE},
 * its signalling lane waits for one, so a client cannot pile up relays on the shared bus connection.
 */
final class RelayWindow {

    static final int SIZE = 32;

    private final AtomicInteger inFlight = new AtomicInteger();

    void opened() {
        inFlight.incrementAndGet();
    }

    void closed() {
        inFlight.decrementAndGet();
    }

    boolean full() {
        return inFlight.get() >= SIZE;
    }
}
