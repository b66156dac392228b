package io.parley.application.signal;

import io.parley.core.port.in.LeaveRoomUseCase;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RoomMember;
import io.parley.core.signal.RoomName;

/** Leaves a room and tells the members that remain. */
public class LeaveRoomService implements LeaveRoomUseCase {

    static final String REASON_LEFT = "left";

    private final SessionRegistry sessions;
    private final RoomStore rooms;
    private final SessionMessenger messenger;

    public LeaveRoomService(SessionRegistry sessions, RoomStore rooms, SessionMessenger messenger) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.messenger = messenger;
    }

    @Override
    public boolean leave(SessionId sessionId, RoomName room) {
        ClientSession session = sessions.find(sessionId)
                .orElseThrow(() -> new IllegalStateException("session " + sessionId + " is not open"));
        if (!session.exit(room)) {
            return false;
        }
        for (RoomMember member : rooms.leave(session.address(), room, messenger.here(sessionId))) {
            messenger.send(member.location(), new Outbound.PeerLeft(room, session.peerId(), REASON_LEFT));
        }
        return true;
    }
}
