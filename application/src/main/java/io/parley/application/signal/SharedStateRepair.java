package io.parley.application.signal;

import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import io.parley.core.session.SessionState;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RoomMember;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps a node's part of the shared state (directory entries, room members, tenant connection counts)
 * equal to the sessions it really holds: puts back what is missing without overwriting newer entries,
 * removes what belongs to sessions it no longer has once seen in two rounds running (so that a session
 * being admitted meanwhile is never touched), and evicts a dead node's part, telling its rooms.
 */
public class SharedStateRepair {

    static final String REASON_LOST = "lost";
    static final String REASON_DISCONNECTED = "disconnected";
    private static final System.Logger LOG = System.getLogger(SharedStateRepair.class.getName());

    private final SessionRegistry sessions;
    private final PeerDirectory directory;
    private final RoomStore rooms;
    private final ConnectionQuota quota;
    private final SessionMessenger messenger;
    private Set<PeerDirectory.Claim> suspectClaims = Set.of();
    private Set<RoomStore.Membership> suspectMemberships = Set.of();
    private Set<ConnectionQuota.Entry> suspectEntries = Set.of();

    public SharedStateRepair(SessionRegistry sessions, PeerDirectory directory, RoomStore rooms,
            ConnectionQuota quota, SessionMessenger messenger) {
        this.sessions = sessions;
        this.directory = directory;
        this.rooms = rooms;
        this.quota = quota;
        this.messenger = messenger;
    }

    /** Puts back every entry of the node's live sessions that the shared store no longer has. */
    void reassert(String self) {
        LiveState live = liveState();
        directory.refresh(live.claims());
        rooms.refresh(live.memberships());
        quota.refresh(self, live.entries());
    }

    /** Compares the shared store with the node's sessions and mends both ways; returns how many orphans went. */
    synchronized int repair(String self) {
        LiveState live = liveState();
        List<PeerDirectory.Claim> claims = directory.claimsOf(self);
        List<RoomStore.Membership> memberships = rooms.membershipsOf(self);
        List<ConnectionQuota.Entry> entries = quota.entriesOf(self);

        Set<PeerDirectory.Claim> orphanClaims = orphans(claims, live.claims()::contains);
        Set<RoomStore.Membership> orphanMemberships = orphans(memberships, live.memberships()::contains);
        Set<ConnectionQuota.Entry> orphanEntries = orphans(entries, live.entries()::contains);
        int removed = 0;
        for (PeerDirectory.Claim claim : confirmed(orphanClaims, suspectClaims)) {
            if (gone(claim.location().sessionId())) {
                directory.release(claim);
                removed++;
            }
        }
        for (RoomStore.Membership membership : confirmed(orphanMemberships, suspectMemberships)) {
            if (!isLive(membership)) {
                for (RoomMember member : rooms.leave(membership.peer(), membership.room(), membership.location())) {
                    messenger.send(member.location(), new Outbound.PeerLeft(membership.room(),
                            membership.peer().peerId(), REASON_DISCONNECTED));
                }
                removed++;
            }
        }
        for (ConnectionQuota.Entry entry : confirmed(orphanEntries, suspectEntries)) {
            if (gone(entry.session())) {
                quota.release(entry.tenant(), entry.session(), self);
                removed++;
            }
        }
        suspectClaims = orphanClaims;
        suspectMemberships = orphanMemberships;
        suspectEntries = orphanEntries;

        directory.refresh(live.claims().stream().filter(c -> !claims.contains(c)).toList());
        rooms.refresh(live.memberships().stream().filter(m -> !memberships.contains(m)).toList());
        quota.refresh(self, live.entries().stream().filter(e -> !entries.contains(e)).toList());
        if (removed > 0) {
            LOG.log(Level.INFO, "repaired shared state: removed {0} entries of sessions this node no longer holds",
                    removed);
        }
        return removed;
    }

    /** Removes a dead node's part (or this node's, left by its previous run) and tells the rooms. */
    void evict(String node, String why) {
        LOG.log(Level.INFO, "evicting the sessions of node {0}: {1}", node, why);
        for (RoomStore.Departure departure : rooms.evictNode(node)) {
            for (RoomMember member : departure.remaining()) {
                messenger.send(member.location(), new Outbound.PeerLeft(departure.room(),
                        departure.departed().peerId(), REASON_LOST));
            }
        }
        directory.evictNode(node);
        quota.evictNode(node);
    }

    private LiveState liveState() {
        Set<PeerDirectory.Claim> claims = new HashSet<>();
        Set<RoomStore.Membership> memberships = new HashSet<>();
        Set<ConnectionQuota.Entry> entries = new HashSet<>();
        for (ClientSession session : sessions.all()) {
            if (session.state() != SessionState.OPEN) {
                continue;
            }
            var location = messenger.here(session.id());
            claims.add(new PeerDirectory.Claim(session.address(), location));
            session.rooms().forEach(room -> memberships.add(new RoomStore.Membership(session.address(), room,
                    location)));
            entries.add(new ConnectionQuota.Entry(session.tenantId(), session.id()));
        }
        return new LiveState(claims, memberships, entries);
    }

    private boolean gone(SessionId session) {
        return sessions.find(session).isEmpty();
    }

    private boolean isLive(RoomStore.Membership membership) {
        return sessions.find(membership.location().sessionId())
                .filter(session -> session.rooms().contains(membership.room()))
                .isPresent();
    }

    private static <T> Set<T> orphans(List<T> found, Predicate<T> live) {
        Set<T> orphans = new HashSet<>();
        for (T item : found) {
            if (!live.test(item)) {
                orphans.add(item);
            }
        }
        return orphans;
    }

    private static <T> Set<T> confirmed(Set<T> now, Set<T> before) {
        Set<T> both = new HashSet<>(now);
        both.retainAll(before);
        return both;
    }

    /**
     * What the node really holds, in the shapes the shared store keeps: its open sessions (one being
     * admitted has not finished writing its entries, and must not have them written for it).
     */
    private record LiveState(Set<PeerDirectory.Claim> claims, Set<RoomStore.Membership> memberships,
            Set<ConnectionQuota.Entry> entries) {
    }
}
