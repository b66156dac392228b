package io.parley.infrastructure.session;

import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The sessions connected to this node; capacity is reserved atomically before a session is added. */
@ApplicationScoped
public class LocalSessionRegistry implements SessionRegistry {

    private final Map<SessionId, ClientSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger reserved = new AtomicInteger();

    @Override
    public boolean register(ClientSession session, int capacity) {
        int current;
        do {
            current = reserved.get();
            if (current >= capacity) {
                return false;
            }
        } while (!reserved.compareAndSet(current, current + 1));
        sessions.put(session.id(), session);
        return true;
    }

    @Override
    public Optional<ClientSession> find(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public Optional<ClientSession> remove(SessionId id) {
        ClientSession removed = sessions.remove(id);
        if (removed != null) {
            reserved.decrementAndGet();
        }
        return Optional.ofNullable(removed);
    }

    @Override
    public int size() {
        return sessions.size();
    }
}
