package io.parley.core.signal;

import io.parley.core.session.CloseCause;
import io.parley.core.session.PeerId;

/**
 * A frame for one client that did not come from its own requests: relayed signalling, room news and
 * orders from the node. Every use maps all kinds through a {@link Visitor}, so a new kind does not
 * compile until every transport knows it.
 */
public sealed interface Outbound {

    <R> R accept(Visitor<R> visitor);

    /** One mapping of every kind of outbound frame. */
    interface Visitor<R> {
        R relayed(Relayed frame);

        R peerJoined(PeerJoined frame);

        R peerLeft(PeerLeft frame);

        R reconnect(Reconnect frame);

        R close(Close frame);
    }

    /** A signalling frame from another peer, already in its final JSON form (with "from"). */
    record Relayed(String json) implements Outbound {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.relayed(this);
        }
    }

    /** Another peer entered a room this client is in. */
    record PeerJoined(RoomName room, PeerId peer) implements Outbound {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.peerJoined(this);
        }
    }

    /** Another peer left a room this client is in, and why. */
    record PeerLeft(RoomName room, PeerId peer, String reason) implements Outbound {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.peerLeft(this);
        }
    }

    /** The node is going away; the client should connect again (elsewhere). */
    record Reconnect(String reason) implements Outbound {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reconnect(this);
        }
    }

    /** The client's connection must end, for this cause. */
    record Close(CloseCause cause) implements Outbound {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.close(this);
        }
    }
}
