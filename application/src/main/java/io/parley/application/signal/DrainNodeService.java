package io.parley.application.signal;

import io.parley.core.port.in.DrainNodeUseCase;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.CloseCause;
import io.parley.core.signal.Outbound;
import java.time.Duration;

/** Tells every client of this node to reconnect elsewhere, then closes its socket with 1012. */
public class DrainNodeService implements DrainNodeUseCase {


    private final SessionRegistry sessions;

    public DrainNodeService(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public int drain() {
        int moved = 0;
        for (ClientSession session : sessions.all()) {
            var channel = sessions.channel(session.id());
            if (channel.isPresent()) {
                channel.get().deliver(new Outbound.Reconnect("draining"));
                channel.get().close(CloseCause.DRAINING);
                moved++;
            }
        }
        return moved;
    }

    @Override
    public boolean awaitDrained(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions.size() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return sessions.size() == 0;
    }
}
