package io.parley.core.signal;

import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import java.util.List;

/**
 * What a session that went away left behind for its return: its identity and rooms, the frames last
 * written to its socket ({@code sent}), and the frames sent to it while away ({@code missedFrames};
 * {@code missedCount} counts them all, {@code lost} when some were dropped or the window passed).
 */
public record ResumeTicket(SessionId sessionId, TenantId tenantId, PeerId peerId, List<RoomName> rooms,
        RecentFrames sent, List<String> missedFrames, long missedCount, boolean lost) {

    public ResumeTicket {
        rooms = List.copyOf(rooms);
        missedFrames = List.copyOf(missedFrames);
    }
}
