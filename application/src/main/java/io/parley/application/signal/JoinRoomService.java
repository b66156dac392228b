package io.parley.application.signal;

import io.parley.core.port.in.JoinRoomUseCase;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import io.parley.core.session.SignalLimits;
import io.parley.core.signal.JoinOutcome;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RoomMember;
import io.parley.core.signal.RoomName;

/** Joins a room (bounded in size, and in rooms per session) and tells every other member. */
public class JoinRoomService implements JoinRoomUseCase {

    private final SessionRegistry sessions;
    private final RoomStore rooms;
    private final SessionMessenger messenger;
    private final SignalLimits limits;

    public JoinRoomService(SessionRegistry sessions, RoomStore rooms, SessionMessenger messenger, SignalLimits limits) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.messenger = messenger;
        this.limits = limits;
    }

    @Override
    public JoinOutcome join(SessionId sessionId, RoomName room) {
        ClientSession session = sessions.find(sessionId)
                .orElseThrow(() -> new IllegalStateException("session " + sessionId + " is not open"));
        if (!session.rooms().contains(room) && session.rooms().size() >= limits.maxRoomsPerSession()) {
            return new JoinOutcome.TooManyRooms(limits.maxRoomsPerSession());
        }
        JoinOutcome outcome = rooms.join(session.address(), room, messenger.here(sessionId), limits.maxRoomPeers());
        if (outcome instanceof JoinOutcome.Joined joined) {
            boolean isNew;
            try {
                isNew = session.enter(room);
            } catch (IllegalStateException closedMeanwhile) {
                rooms.leave(session.address(), room, messenger.here(sessionId));
                throw closedMeanwhile;
            }
            if (isNew) {
                for (RoomMember other : joined.others()) {
                    messenger.send(other.location(), new Outbound.PeerJoined(room, session.peerId()));
                }
            }
        }
        return outcome;
    }
}
