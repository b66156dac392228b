package io.parley.core.signal;

import io.parley.core.session.PeerId;

/** A peer in a room and where its session lives. */
public record RoomMember(PeerId peerId, SessionLocation location) {
}
