package io.parley.core.signal;

import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import java.util.List;

/** What a session that went away left behind for its return: its identity, rooms and the frames it missed. */
public record ResumeTicket(SessionId sessionId, TenantId tenantId, PeerId peerId, List<RoomName> rooms,
        List<String> missedFrames, long missedCount, boolean lost) {

    public ResumeTicket {
        rooms = List.copyOf(rooms);
        missedFrames = List.copyOf(missedFrames);
    }
}
