package io.parley.infrastructure.cluster;

import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.RoomMember;
import io.parley.core.signal.SessionLocation;
import java.util.Optional;
import java.util.UUID;

/** A room hash value: "node|session" of the member's session. */
final class RoomEntry {

    private RoomEntry() {
    }

    static String encode(SessionLocation location) {
        return location.nodeId() + "|" + location.sessionId();
    }

    static Optional<RoomMember> decode(String peer, String value) {
        int bar = value.indexOf('|');
        if (bar <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RoomMember(new PeerId(peer), new SessionLocation(value.substring(0, bar),
                    new SessionId(UUID.fromString(value.substring(bar + 1))))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
