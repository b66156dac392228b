package io.parley.infrastructure.cluster;

import io.parley.core.session.SessionId;
import io.parley.core.signal.SessionLocation;
import java.util.Optional;
import java.util.UUID;

/** A peer directory value: "on|node|session" while connected, "away|node|session" while resumable. */
record DirectoryEntry(boolean online, SessionLocation location) {

    static final String ON = "on";
    static final String AWAY = "away";

    String encode() {
        return (online ? ON : AWAY) + "|" + location.nodeId() + "|" + location.sessionId();
    }

    static Optional<DirectoryEntry> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\\|", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DirectoryEntry(ON.equals(parts[0]),
                    new SessionLocation(parts[1], new SessionId(UUID.fromString(parts[2])))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
