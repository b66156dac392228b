package io.parley.infrastructure.audit;

import io.parley.core.session.SessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Refusals being counted: one entry per (type, tenant, peer, reason), open for a window from its
 * first occurrence. Past {@code maxKeys} entries, new refusals are counted without their peer, so
 * a flood of made-up peer ids cannot grow it. Not thread-safe: {@link AuditBuffer} guards it.
 */
final class RefusalCounts {

    private final Duration window;
    private final int maxKeys;
    private final Map<RefusalKey, Counting> open = new LinkedHashMap<>();

    RefusalCounts(Duration window, int maxKeys) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the aggregate window must not be negative");
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("at least one refusal must be countable at once");
        }
        this.window = window;
        this.maxKeys = maxKeys;
    }

    int size() {
        return open.size();
    }

    /** Counts the refusal into the open entry that covers it; false when there is none. */
    boolean countIn(SessionEvent refusal) {
        Counting entry = open.get(keyFor(refusal));
        if (entry == null || !refusal.at().isBefore(entry.closesAt)) {
            return false;
        }
        entry.count++;
        return true;
    }

    /** Opens an entry for the refusal; an expired entry it replaces goes to {@code closed}. */
    void open(SessionEvent refusal, Consumer<SessionEvent> closed) {
        RefusalKey key = keyFor(refusal);
        SessionEvent first = key.equals(RefusalKey.of(refusal)) ? refusal : refusal.withoutPeer();
        Counting previous = open.put(key, new Counting(first, refusal.at().plus(window)));
        if (previous != null) {
            closed.accept(previous.event());
        }
    }

    /** Hands over, as single counted events, the entries whose window has passed. */
    void closeDue(Instant now, Consumer<SessionEvent> closed) {
        for (Iterator<Counting> entries = open.values().iterator(); entries.hasNext(); ) {
            Counting entry = entries.next();
            if (!now.isBefore(entry.closesAt)) {
                closed.accept(entry.event());
                entries.remove();
            }
        }
    }

    /** Hands over every entry, whatever its window. */
    void closeAll(Consumer<SessionEvent> closed) {
        open.values().forEach(entry -> closed.accept(entry.event()));
        open.clear();
    }

    private RefusalKey keyFor(SessionEvent refusal) {
        RefusalKey key = RefusalKey.of(refusal);
        return open.size() < maxKeys || open.containsKey(key) ? key : key.withoutPeer();
    }

    /** An open entry: the first occurrence, when its window ends, and how many so far. */
    private static final class Counting {
        private final SessionEvent first;
        private final Instant closesAt;
        private int count = 1;

        Counting(SessionEvent first, Instant closesAt) {
            this.first = first;
            this.closesAt = closesAt;
        }

        SessionEvent event() {
            return first.times(count);
        }
    }
}
