package io.parley.application.signal;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase.Resumed;
import io.parley.core.port.in.HandOverSessionUseCase;
import io.parley.core.port.in.JoinRoomUseCase;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.ResumeStore;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.ClientSession;
import io.parley.core.session.ResumeToken;
import io.parley.core.signal.PeerPresence;
import io.parley.core.signal.RecentFrames;
import io.parley.core.signal.ResumeCheck;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.signal.ResumeTicket;
import io.parley.core.signal.RoomName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resumes a session that went away: the token names the session and proves ownership. A session whose
 * old socket is still open (half-open, common on mobile) is first handed over by the node holding it.
 * Within the window the same session id, its rooms and the frames the client did not get come back;
 * otherwise the client is told its state was lost.
 */
public class SessionResumption {

    private static final Duration POLL = Duration.ofMillis(20);

    private final ResumeStore store;
    private final PeerDirectory directory;
    private final SignalBus bus;
    private final HandOverSessionUseCase localHandover;
    private final JoinRoomUseCase joinRoom;
    private final Duration handoverTimeout;

    public SessionResumption(ResumeStore store, PeerDirectory directory, SignalBus bus,
            HandOverSessionUseCase localHandover, JoinRoomUseCase joinRoom, Duration handoverTimeout) {
        this.store = store;
        this.directory = directory;
        this.bus = bus;
        this.localHandover = localHandover;
        this.joinRoom = joinRoom;
        this.handoverTimeout = handoverTimeout;
    }

    /**
     * The claim to present once the node and tenant have room, if the token's session can be resumed
     * by this peer; nothing is spent yet. A session still live elsewhere is handed over first.
     */
    public Optional<ResumeClaim> prepare(AuthenticatedPeer peer, String token) {
        Optional<ResumeToken> parsed = ResumeToken.parse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ResumeClaim claim = new ResumeClaim(parsed.get().sessionId(), peer.tenantId(), peer.peerId(),
                parsed.get().hash());
        ResumeCheck check = store.check(claim);
        if (check != ResumeCheck.NONE) {
            return check == ResumeCheck.MATCHES ? Optional.of(claim) : Optional.empty();
        }
        Optional<PeerPresence> presence = directory.locate(peer.address());
        if (presence.isEmpty() || !presence.get().location().sessionId().equals(claim.sessionId())) {
            return Optional.empty();
        }
        if (presence.get().online()) {
            String holder = presence.get().location().nodeId();
            if (holder.equals(bus.nodeId())) {
                if (!localHandover.handOver(claim)) {
                    return Optional.empty();
                }
            } else {
                bus.requestHandover(presence.get().location(), claim);
            }
        }
        return awaitRecord(claim);
    }

    /** Spends the claim: what the client gets back, or empty when another connection took it first. */
    public Optional<Ticket> take(ResumeClaim claim, OptionalLong seen) {
        return store.take(claim).map(ticket -> new Ticket(ticket.rooms(), resumed(ticket, seen)));
    }

    /** Puts the resumed session back in its rooms (those not full meanwhile) and tells their members. */
    public void rejoin(ClientSession session, Ticket ticket) {
        ticket.rooms().forEach(room -> joinRoom.join(session.id(), room));
    }

    /**
     * The frames after what the client says it saw; a client that does not say is taken to have seen
     * everything its socket took.
     */
    private static Resumed resumed(ResumeTicket ticket, OptionalLong saidSeen) {
        RecentFrames sent = ticket.sent();
        long seen = saidSeen.orElse(sent.lastDelivered());
        boolean gap = !sent.covers(seen);
        List<String> replayed = gap ? List.of() : sent.after(seen);
        boolean lost = ticket.lost() || gap;
        long missed = replayed.size() + ticket.missedCount();
        return lost ? new Resumed(List.of(), List.of(), sent.lastSeq(), missed, true)
                : new Resumed(replayed, ticket.missedFrames(), sent.lastSeq(), missed, false);
    }

    /**
     * Waits for the holder (or a disconnect in progress) to write the session's resume record; gives up
     * at once when the record turns out not to be this claim's, else after the handover timeout.
     */
    private Optional<ResumeClaim> awaitRecord(ResumeClaim claim) {
        long deadline = System.nanoTime() + handoverTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            ResumeCheck check = store.check(claim);
            if (check != ResumeCheck.NONE) {
                return check == ResumeCheck.MATCHES ? Optional.of(claim) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** What a resume brings back: the rooms to rejoin and the frames to replay. */
    public record Ticket(List<RoomName> rooms, Resumed resumed) {
    }
}
