package io.parley.infrastructure.session;

import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import io.parley.core.signal.PeerAddress;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions connected to this node, by id and by peer, with their channels. Capacity is
 * reserved atomically before a session is added. Removed sessions are remembered (the last
 * {@value #REMEMBERED}) so that frames arriving late can follow their peer. Node-local by nature:
 * the shared view is in Redis.
 */
@Singleton
public class LocalSessionRegistry implements SessionRegistry {

    static final int REMEMBERED = 4096;

    private final Map<SessionId, Entry> sessions = new ConcurrentHashMap<>();
    private final Map<PeerAddress, SessionId> byPeer = new ConcurrentHashMap<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final Map<SessionId, PeerAddress> removed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SessionId, PeerAddress> eldest) {
            return size() > REMEMBERED;
        }
    };

    @Override
    public boolean register(ClientSession session, ClientChannel channel, int capacity) {
        int current;
        do {
            current = reserved.get();
            if (current >= capacity) {
                return false;
            }
        } while (!reserved.compareAndSet(current, current + 1));
        if (sessions.putIfAbsent(session.id(), new Entry(session, channel)) != null) {
            reserved.decrementAndGet();
            return false;
        }
        byPeer.put(session.address(), session.id());
        return true;
    }

    @Override
    public Optional<ClientSession> find(SessionId id) {
        return Optional.ofNullable(sessions.get(id)).map(Entry::session);
    }

    @Override
    public Optional<ClientChannel> channel(SessionId id) {
        return Optional.ofNullable(sessions.get(id)).map(Entry::channel);
    }

    @Override
    public Optional<ClientSession> findByPeer(PeerAddress peer) {
        return Optional.ofNullable(byPeer.get(peer)).flatMap(this::find);
    }

    @Override
    public Optional<ClientSession> remove(SessionId id) {
        return Optional.ofNullable(sessions.get(id)).flatMap(entry -> removed(id, entry));
    }

    @Override
    public Optional<ClientSession> remove(SessionId id, ClientChannel channel) {
        return Optional.ofNullable(sessions.get(id)).filter(entry -> entry.channel() == channel)
                .flatMap(entry -> removed(id, entry));
    }

    private Optional<ClientSession> removed(SessionId id, Entry entry) {
        if (!sessions.remove(id, entry)) {
            return Optional.empty();
        }
        Entry gone = entry;
        reserved.decrementAndGet();
        byPeer.remove(gone.session().address(), id);
        synchronized (removed) {
            removed.put(id, gone.session().address());
        }
        return Optional.of(gone.session());
    }

    @Override
    public Optional<PeerAddress> recentlyRemoved(SessionId id) {
        synchronized (removed) {
            return Optional.ofNullable(removed.get(id));
        }
    }

    @Override
    public Collection<ClientSession> all() {
        return List.copyOf(sessions.values().stream().map(Entry::session).toList());
    }

    @Override
    public int size() {
        return sessions.size();
    }

    private record Entry(ClientSession session, ClientChannel channel) {
    }
}
