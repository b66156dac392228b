package io.parley.core.port.in;

import io.parley.core.session.SessionId;
import io.parley.core.signal.RoomName;

/** Takes a session's peer out of a room and tells the others. */
public interface LeaveRoomUseCase {

    /** Returns false when the session was not in the room. */
    boolean leave(SessionId sessionId, RoomName room);
}
