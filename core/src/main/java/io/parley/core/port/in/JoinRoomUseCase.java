package io.parley.core.port.in;

import io.parley.core.session.SessionId;
import io.parley.core.signal.JoinOutcome;
import io.parley.core.signal.RoomName;

/** Puts a session's peer into a room of its tenant and tells the others. */
public interface JoinRoomUseCase {

    JoinOutcome join(SessionId sessionId, RoomName room);
}
