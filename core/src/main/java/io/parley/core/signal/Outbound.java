package io.parley.core.signal;

import io.parley.core.session.PeerId;

/** A frame for one client that did not come from the agent: relayed signalling and room news. */
public sealed interface Outbound {

    /** A signalling frame from another peer, already in its final JSON form (with "from"). */
    record Relayed(String json) implements Outbound {
    }

    /** Another peer entered a room this client is in. */
    record PeerJoined(RoomName room, PeerId peer) implements Outbound {
    }

    /** Another peer left a room this client is in, and why. */
    record PeerLeft(RoomName room, PeerId peer, String reason) implements Outbound {
    }

    /** The node is going away; the client should connect again (elsewhere). */
    record Reconnect(String reason) implements Outbound {
    }

    /** The client must close: its peer id connected again elsewhere (4409), or similar. */
    record Close(int code, String reason) implements Outbound {
    }
}
