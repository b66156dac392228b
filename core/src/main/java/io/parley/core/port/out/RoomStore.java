package io.parley.core.port.out;

import io.parley.core.signal.JoinOutcome;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.RoomMember;
import io.parley.core.signal.RoomName;
import io.parley.core.signal.SessionLocation;
import io.parley.core.tenant.TenantId;
import java.util.Collection;
import java.util.List;

/** Room membership shared by every node. */
public interface RoomStore {

    /** Adds the peer unless the room is full; joining again refreshes its location. */
    JoinOutcome join(PeerAddress peer, RoomName room, SessionLocation location, int maxPeers);

    /** Removes the peer if this session holds its place; returns the members left to tell (none if it did not). */
    List<RoomMember> leave(PeerAddress peer, RoomName room, SessionLocation location);

    /** Removes every member that lives on a dead node; returns, per room, who left and who remains. */
    List<Departure> evictNode(String nodeId);

    /** Re-asserts memberships of this node's live sessions (after a Redis restart, for example). */
    void refresh(Collection<Membership> live);

    /** Every membership held by sessions of a node (and forgets index entries of rooms it left). */
    List<Membership> membershipsOf(String nodeId);

    /** One live membership. */
    record Membership(PeerAddress peer, RoomName room, SessionLocation location) {
    }

    /** A peer evicted from a room, and the members still there. */
    record Departure(TenantId tenantId, RoomName room, RoomMember departed, List<RoomMember> remaining) {
    }
}
