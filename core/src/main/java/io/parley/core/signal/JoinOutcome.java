package io.parley.core.signal;

import java.util.List;

/** Result of joining a room. */
public sealed interface JoinOutcome {

    /** Joined; these were already there. */
    record Joined(List<RoomMember> others) implements JoinOutcome {
        public Joined {
            others = List.copyOf(others);
        }
    }

    /** The room holds the maximum number of peers. */
    record Full(int maxPeers) implements JoinOutcome {
    }

    /** The session is already in as many rooms as one session may be. */
    record TooManyRooms(int maxRooms) implements JoinOutcome {
    }
}
