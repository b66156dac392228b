package io.parley.application.signal;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase.Resumed;
import io.parley.core.port.in.JoinRoomUseCase;
import io.parley.core.port.out.ResumeStore;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import io.parley.core.signal.ResumeTicket;
import io.parley.core.signal.RoomName;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resumes a session that went away: the token names the session and proves ownership; within the
 * window the same session id, its rooms and the frames it missed come back, else the client is
 * told its state was lost.
 */
public class SessionResumption {

    private final ResumeStore store;
    private final JoinRoomUseCase joinRoom;

    public SessionResumption(ResumeStore store, JoinRoomUseCase joinRoom) {
        this.store = store;
        this.joinRoom = joinRoom;
    }

    /** The session a resume token brings back, or a lost resume when it cannot be honoured. */
    public Ticket take(AuthenticatedPeer peer, String token) {
        Optional<SessionId> named = sessionOf(token);
        Optional<ResumeTicket> ticket = named.flatMap(id -> store.take(id, token))
                .filter(t -> t.tenantId().equals(peer.tenantId()) && t.peerId().equals(peer.peerId()));
        if (ticket.isEmpty()) {
            return new Ticket(Optional.empty(), List.of(), new Resumed(List.of(), 0, true));
        }
        ResumeTicket t = ticket.get();
        List<String> frames = t.lost() ? List.of() : t.missedFrames();
        return new Ticket(Optional.of(t.sessionId()), t.rooms(), new Resumed(frames, t.missedCount(), t.lost()));
    }

    /** Puts the resumed session back in its rooms (those not full meanwhile) and tells their members. */
    public void rejoin(ClientSession session, Ticket ticket) {
        ticket.rooms().forEach(room -> joinRoom.join(session.id(), room));
    }

    /** Resume tokens are "{sessionId}.{secret}". */
    private static Optional<SessionId> sessionOf(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionId(UUID.fromString(token.substring(0, dot))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What a resume token brought back. */
    public record Ticket(Optional<SessionId> sessionId, List<RoomName> rooms, Resumed resumed) {
    }
}
